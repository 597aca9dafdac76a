"""The outbox port: what a villager did at the terminal, queued durably for the platform,
and where each of those records stands locally. Plain data and domain types only.

Queuing never needs the network: it seals the personal data to the platform's key, writes it
durably and returns with the receipt number, online or not. Failures: StorageFullError (the
disk; message key error.storage_full) or its subclass for back-pressure (queue.full, only for
self-service work); nothing already queued is ever touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from kiosk.domain.appointment import Appointment
from kiosk.domain.complaint import Complaint
from kiosk.domain.evaluation import Evaluation
from kiosk.domain.identity import Identity
from kiosk.domain.submission import Submission


class LocalState(StrEnum):
    QUEUED = "queued"  # on the terminal, waiting for the link
    SENDING = "sending"  # being sent right now
    DELIVERED = "delivered"  # the platform has it
    DEAD = "dead"  # refused by the platform (or in conflict): the technician must look


@dataclass(frozen=True)
class Page:
    """One photographed document page, as the camera pipeline encoded it."""

    name: str  # e.g. page-1.webp
    content_type: str  # image/webp, image/jpeg
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class OutboxEntry:
    record_id: str
    kind: str  # submission | evaluation | complaint | appointment
    receipt_no: str | None  # None for an evaluation (it refers to the rated case's receipt)
    item_name: str
    masked_name: str
    created_at: datetime
    state: LocalState
    problem: str = ""  # why it is dead, in words for the technician
    case_id: str | None = None  # from the platform, once delivered
    booking_no: str | None = None


class Outbox(Protocol):
    """Thread: workers (disk I/O, fsync); never the GUI thread."""

    def submit(self, submission: Submission, pages: Sequence[Page]) -> OutboxEntry: ...

    def evaluate(self, evaluation: Evaluation) -> OutboxEntry: ...

    def complain(self, complaint: Complaint, masked_name: str = "") -> OutboxEntry: ...

    def book(
        self, appointment: Appointment, applicant: Identity, phone: str, item_name: str = ""
    ) -> OutboxEntry: ...

    def entry(self, receipt_no: str) -> OutboxEntry | None:
        """The local state of the record with this receipt number, if this terminal made it
        and has not purged its stub yet."""
        ...

    def recent(self, limit: int = 50) -> list[OutboxEntry]:
        """This terminal's records, newest first (for the agent's and technician's lists)."""
        ...

"""The outbox's data types: what goes in, what comes out, and the limits it keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.errors import StorageFullError

# Small urgent records first, submissions (which carry pages) after them.
PRIORITY = {"evaluation": 0, "complaint": 0, "appointment": 1, "submission": 2}


class QueueFullError(StorageFullError):
    """Past the hard limit of unsent records: new self-service submissions are refused."""

    message_key = "queue.full"


@dataclass(frozen=True)
class NewAttachment:
    name: str
    content_type: str
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class NewRecord:
    kind: str
    personal: dict[str, Any] = field(repr=False)  # sealed; never stored in clear
    meta: dict[str, Any] = field(default_factory=dict)  # clear, no personal data
    item_code: str = ""
    item_name: str = ""
    masked_name: str = ""
    attachments: tuple[NewAttachment, ...] = ()
    issue_receipt: bool = True
    self_service: bool = True  # refused past the hard limit; agent/technician work is not


@dataclass(frozen=True)
class Limits:
    soft_count: int = 300
    soft_age_s: float = 2 * 86400
    hard_count: int = 3000
    stub_days: int = 30


@dataclass(frozen=True)
class QueuedRecord:
    id: str
    kind: str
    seq: int
    state: str
    receipt_no: str | None
    item_name: str
    masked_name: str
    created_at_ms: int
    attempts: int
    last_error: str
    wire: dict[str, Any] | None = field(repr=False)


@dataclass(frozen=True)
class QueueStats:
    pending_by_kind: dict[str, int]
    bytes_pending: int
    oldest_pending_age_s: float | None
    dead: int
    conflicts: int
    warning: bool  # past a soft limit: the technician is told early
    refusing: bool  # past the hard limit


@dataclass(frozen=True)
class Settlement:
    """What becomes of one claimed record once the platform has answered."""

    record_id: str
    state: str  # delivered | queued (try again after delay_s) | dead | conflict
    result: dict[str, Any] | None = field(default=None, repr=False)  # the platform's, if delivered
    error: str = ""  # why, in words for the technician
    delay_s: float = 0.0

"""办件进度: where a villager's case stands, and what they must do next, if anything.

A case is found by its receipt number (typed, or read from the receipt's QR code by the
camera) or by the person's card. What is shown, side by side:
- the platform's state: fresh when it answered just now, else the last known state and when
  the platform said it (the screen says how old it is and that the network is down);
- this terminal's own state of the record (queued, sending, received by the platform), for a
  receipt printed here: an application made offline is on this terminal before the platform
  knows of it, and an appointment is confirmed only once the platform has taken it.

Nothing about the person is kept: an ID number goes to the platform in a request body and is
forgotten; only cases found by receipt number are cached (by the CaseSource).

Thread: workers (HTTP and disk); never the GUI thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kiosk.domain.case import Case, CaseStatus
from kiosk.domain.identity import Identity
from kiosk.domain.receipt_numbers import ReceiptNumberError, parse_receipt_number
from kiosk.errors import KioskError, PlatformError
from kiosk.ports.camera import FrameArray
from kiosk.ports.cases import CaseSource
from kiosk.ports.outbox import Outbox, OutboxEntry
from kiosk.services.appointments import Booking, booking_from_entry

FINAL = (CaseStatus.COMPLETED, CaseStatus.REFUSED, CaseStatus.WITHDRAWN)
_QR_TOKENS = re.compile(r"[^0-9A-Za-z\-]+")
_PRINTED_FORM = re.compile(r"^[0-9A-Za-z]{5}-[0-9A-Za-z]{4,}-[0-9A-Za-z]$")


class BadReceiptNumber(KioskError):
    message_key = "progress.bad_number"


class NextStep(StrEnum):
    NONE = "none"  # nothing to do but wait
    CORRECTION = "correction"  # 补正: bring or send what is missing
    PICKUP = "pickup"  # done: collect the result
    ASK = "ask"  # refused: ask why (12345)


_NEXT = {
    CaseStatus.CORRECTION_NEEDED: NextStep.CORRECTION,
    CaseStatus.COMPLETED: NextStep.PICKUP,
    CaseStatus.REFUSED: NextStep.ASK,
}


@dataclass(frozen=True)
class CaseReport:
    receipt_no: str
    case: Case | None  # the platform's state (None: the platform does not have it yet)
    fetched_at: datetime | None = None  # when the platform said so
    fresh: bool = False  # True: the platform answered just now
    problem: str = ""  # message key of why it is not fresh
    local: OutboxEntry | None = None  # this terminal's record with this receipt number

    @property
    def next_step(self) -> NextStep:
        return NextStep.NONE if self.case is None else _NEXT.get(self.case.status, NextStep.NONE)

    @property
    def needs_villager(self) -> bool:
        return self.case is not None and self.case.status.needs_villager

    @property
    def finished(self) -> bool:
        return self.case is not None and self.case.status in FINAL

    @property
    def booking(self) -> Booking | None:
        """For an appointment made at this terminal: where the booking stands."""
        if self.local is None or self.local.kind != "appointment":
            return None
        return booking_from_entry(self.local)

    def age_minutes(self, now: datetime) -> int | None:
        if self.fetched_at is None:
            return None
        return max(0, int((now - self.fetched_at).total_seconds() // 60))


def receipt_in_qr(payload: str) -> str | None:
    """The receipt number a QR code carries, alone or inside a link (…/r/K7Q2M-01A7-Q)."""
    tokens = [payload.strip(), *reversed(_QR_TOKENS.split(payload))]
    # The printed form (with its dashes) first: a loose token passes the check by chance 1/32.
    candidates = [t for t in tokens if _PRINTED_FORM.match(t)] + tokens
    for text in candidates:
        try:
            return str(parse_receipt_number(text))
        except ReceiptNumberError:
            continue
    return None


def by_urgency(reports: list[CaseReport]) -> list[CaseReport]:
    """The ones needing the villager first (补正 before pickup), then the latest changed."""

    def key(r: CaseReport) -> tuple[int, int]:
        order = {NextStep.CORRECTION: 0, NextStep.PICKUP: 1}.get(r.next_step, 2)
        return order, -(r.case.updated_at_ms if r.case else 0)

    return sorted(reports, key=key)


ReadQr = Callable[[FrameArray], "str | None"]  # a QR code's payload in a camera frame, if any


class ProgressService:
    def __init__(self, cases: CaseSource, outbox: Outbox, read_qr: ReadQr | None = None) -> None:
        self._cases, self._outbox, self._read_qr = cases, outbox, read_qr

    @property
    def can_scan(self) -> bool:
        return self._read_qr is not None

    def receipt_in_frame(self, image: FrameArray) -> str | None:
        """The receipt number of a receipt's QR code held to the camera, if this frame shows
        one. Worker thread: about 15 ms per 640x480 frame."""
        payload = None if self._read_qr is None else self._read_qr(image)
        return None if payload is None else receipt_in_qr(payload)

    @staticmethod
    def normalise(text: str) -> str:
        """The canonical receipt number, or BadReceiptNumber (a typo the check character
        caught, or not a receipt number at all)."""
        try:
            return str(parse_receipt_number(text))
        except ReceiptNumberError as exc:
            raise BadReceiptNumber(str(exc)) from None

    def by_receipt(self, text: str) -> CaseReport | None:
        """The case with this receipt number, or None when neither the platform nor this
        terminal knows it. PlatformError when the platform cannot be reached and nothing is
        known here."""
        receipt_no = self.normalise(text)
        local = self._outbox.entry(receipt_no)
        if local is not None and local.kind != "submission":
            return CaseReport(receipt_no, None, local=local)  # an appointment, not a case
        try:
            view = self._cases.by_receipt(receipt_no)
        except PlatformError as exc:
            if local is None:
                raise
            return CaseReport(receipt_no, None, problem=exc.message_key, local=local)
        if view is None:
            return None if local is None else CaseReport(receipt_no, None, fresh=True, local=local)
        return CaseReport(
            receipt_no, view.case, view.fetched_at, view.fresh, view.problem, local=local
        )

    def by_person(self, person: Identity, now: datetime) -> list[CaseReport]:
        """Every case of the card holder, the ones needing them first. PlatformError when the
        platform cannot be reached (nothing is kept by ID number on the terminal)."""
        cases = self._cases.by_id_number(person.id_number)
        reports = [CaseReport(c.receipt_no, c, now, True) for c in cases]
        return by_urgency(reports)

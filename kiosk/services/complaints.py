"""咨询投诉, Qt-free: a consultation or complaint checked, sealed into the durable offline queue
(the outbox port) and answered with its receipt number at once, online or not; the receipt
printed when the terminal has a printer, never making the sending depend on it.

Nothing of the person stays here: the text and phone go straight into the outbox (sealed to
the platform's key) and this service keeps no copy. The screen wipes its fields when the
visit ends.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.complaint import Complaint, ComplaintError, ComplaintKind
from kiosk.domain.receipt import Receipt
from kiosk.errors import KioskError
from kiosk.ports.clock import Clock
from kiosk.ports.outbox import Outbox
from kiosk.ports.printer import PrinterError, ReceiptPrinter

log = logging.getLogger(__name__)


class ComplaintsNotReady(KioskError):
    """The terminal is not enrolled yet, so there is no queue to keep the message in."""

    message_key = "complaint.not_ready"


@dataclass(frozen=True)
class ReceiptWords:
    """The printed receipt's texts, already in the villager's language (the UI gives them)."""

    title: str
    next_steps: tuple[str, ...]
    footer: str


@dataclass(frozen=True)
class ComplaintReceipt:
    receipt_no: str
    kind: ComplaintKind
    category: str
    queued_at: datetime
    offline: bool  # the platform was not reachable when it was queued: it goes later
    printed: bool  # a paper receipt came out
    print_problem: str = ""  # message key when a printer is there but did not print


class ComplaintDesk:
    """Thread: `check` anywhere (pure); `send` on a worker (disk I/O, fsync, printing)."""

    def __init__(
        self,
        clock: Clock,
        printer: ReceiptPrinter | None = None,
        terminal_id: Callable[[], str] = lambda: "",
        hall_name: Callable[[], str] = lambda: "",
    ) -> None:
        self._clock, self._printer = clock, printer
        self._terminal_id, self._hall_name = terminal_id, hall_name
        self._lock = threading.Lock()
        self._outbox: Outbox | None = None
        self._online: Callable[[], bool | None] = lambda: None

    def attach_outbox(self, outbox: Outbox, online: Callable[[], bool | None]) -> None:
        """Once enrolled (the queue exists only then). `online`: the sync service's view of
        the link, so the receipt can say whether the message goes now or later."""
        with self._lock:
            self._outbox, self._online = outbox, online

    @property
    def ready(self) -> bool:
        return self._outbox is not None

    @property
    def can_print(self) -> bool:
        return self._printer is not None

    @staticmethod
    def check(kind: ComplaintKind, category: str, text: str, phone: str) -> str | None:
        """The message key of what is wrong with the form, or None when it can be sent."""
        try:
            Complaint(kind, category, text, phone)
        except ComplaintError as exc:
            return str(exc)
        return None

    def send(
        self,
        kind: ComplaintKind,
        category: str,
        text: str,
        phone: str,
        words: ReceiptWords | None = None,
    ) -> ComplaintReceipt:
        """Queue it durably and return its receipt. Raises ComplaintError (the form, which
        `check` would have said), ComplaintsNotReady, or the outbox's StorageFullError."""
        complaint = Complaint(kind, category, text, phone)
        with self._lock:
            outbox, online = self._outbox, self._online
        if outbox is None:
            raise ComplaintsNotReady("no offline queue yet: the terminal is not enrolled")
        entry = outbox.complain(complaint)
        assert entry.receipt_no is not None  # complaints always get one
        offline = online() is not True
        log.info("complaint queued: %s, %s", kind.value, "offline" if offline else "online")
        printed, problem = self._print(entry.receipt_no, category, offline, words)
        return ComplaintReceipt(
            entry.receipt_no, kind, category, self._clock.now(), offline, printed, problem
        )

    def _print(
        self, receipt_no: str, category: str, offline: bool, words: ReceiptWords | None
    ) -> tuple[bool, str]:
        if self._printer is None or words is None:
            return False, ""
        receipt = Receipt(
            title=words.title,
            item_name=category,
            receipt_no=receipt_no,
            issued_at=self._clock.now().astimezone(),
            terminal_id=self._terminal_id(),
            hall_name=self._hall_name(),
            masked_name="",  # nothing of the person on paper
            next_steps=words.next_steps,
            offline=offline,
            qr_payload=receipt_no,
            footer=words.footer,
        )
        try:
            self._printer.print_receipt(receipt)
        except PrinterError as exc:  # the message is queued; only the paper is missing
            log.warning("complaint receipt not printed: %s", exc.message_key)
            return False, exc.message_key
        return True, ""

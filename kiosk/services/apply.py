"""The apply journey's use cases (我要办事): the item's form pre-filled from the card, checked
field by field; materials photographed page by page; one list of everything still missing
(一次性告知); submit through the outbox and print the receipt at once, online or not; the fee's
payment order only when the platform has the application.

Qt-free. `load_item`, `look`, `scan` and `submit` block (disk, camera pipeline, printer,
platform) and run on workers; the rest is quick and runs anywhere. Drafts (the half-finished
application, kept per card holder) live in a DraftStore the GUI thread owns.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kiosk.domain.catalog import Depth, Material, ServiceItem
from kiosk.domain.forms import FieldError, ordered_fields, prefill, validate_form
from kiosk.domain.identity import Identity
from kiosk.domain.receipt import Receipt
from kiosk.domain.submission import Agent, Submission
from kiosk.domain.validation import normalise_mobile
from kiosk.errors import KioskError, PlatformError
from kiosk.ports.camera import FrameArray
from kiosk.ports.clock import Clock
from kiosk.ports.documents import DocumentScanner, PageLook
from kiosk.ports.outbox import LocalState, Outbox, OutboxEntry, Page
from kiosk.ports.payments import PaymentOrder, Payments
from kiosk.ports.printer import PrinterError, ReceiptPrinter
from kiosk.services.catalog import CatalogService
from kiosk.services.drafts import DraftStore

# Materials the card itself stands for: it was read at the identify step, so nobody has to
# photograph it as well.
CARD_MATERIALS = ("居民身份证", "身份证")


class ItemUnavailable(KioskError):
    """The item is not in the catalog (any more), or cannot be applied for here."""

    message_key = "apply.not_here"


class QueueRefusing(KioskError):
    """Back-pressure: the terminal holds too many unsent records to take a villager's own
    application (an agent's still goes; the queue says the same at submit time)."""

    message_key = "queue.full"


class ProxyNotAllowed(KioskError):
    """The platform marks the item as to be done by the person themselves, not an agent."""

    message_key = "apply.no_proxy"


@dataclass
class ApplyDraft:
    """One person's application so far. Personal data: memory only (see DraftStore)."""

    item_code: str
    values: dict[str, Any] = field(default_factory=dict, repr=False)  # typed, not the card's
    pages: dict[int, list[Page]] = field(default_factory=dict, repr=False)  # by material
    step: str = "form"  # form | materials | review: where to continue


@dataclass(frozen=True)
class Missing:
    """One line of the list of everything still missing."""

    kind: str  # "field" or "material"
    key: str  # the field's name, or the material's index
    title: str  # the field's title or the material's name, as the catalog says it
    message_key: str = ""  # for a field: what is wrong with it
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ReceiptWords:
    """The receipt's own texts, already in the villager's language (the UI translates)."""

    title: str
    next_steps: tuple[str, ...]
    footer: str
    payment_title: str = ""
    payment_steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Submitted:
    entry: OutboxEntry
    receipt: Receipt
    delivered: bool  # the platform had it when the receipt was printed
    print_problem: str = ""  # message key; "" when the receipt came out whole
    payment: PaymentOrder | None = None
    payment_problem: str = ""  # e.g. apply.pay_offline; "" when paid by QR or free
    notice_problem: str = ""  # the payment notice did not print (the QR is on screen)

    @property
    def printed(self) -> bool:
        return not self.print_problem


def needs_photo(material: Material) -> bool:
    return material.name not in CARD_MATERIALS


def fee_fen(item: ServiceItem) -> int:
    return sum(f.amount_fen for f in item.fees)


class ApplyService:
    def __init__(
        self,
        catalog: CatalogService,
        clock: Clock,
        *,
        outbox: Callable[[], Outbox | None],
        printer: ReceiptPrinter | None = None,
        scanner: DocumentScanner | None = None,
        payments: Callable[[], Payments | None] = lambda: None,
        terminal: Callable[[], tuple[str, str]] = lambda: ("", ""),
        online: Callable[[], bool] = lambda: True,
        refusing: Callable[[], bool] = lambda: False,
        delivered_wait_s: float = 4.0,
        drafts: DraftStore[ApplyDraft] | None = None,
    ) -> None:
        """`outbox` and `payments` are looked up at each use: the queue starts only once the
        terminal is enrolled. `terminal` gives (terminal id, hall name) for the receipt."""
        self._catalog, self._clock = catalog, clock
        self._outbox, self._payments = outbox, payments
        self.printer, self.scanner = printer, scanner
        self._terminal, self._online, self._refusing = terminal, online, refusing
        self.delivered_wait_s = delivered_wait_s
        self.drafts: DraftStore[ApplyDraft] = drafts or DraftStore(clock)

    # --- the item and the form ---------------------------------------------------------------

    def load_item(self, code: str, agent: Agent | None = None) -> ServiceItem:
        """Worker thread (reads the cached catalog)."""
        item = self._catalog.cached().catalog.items.get(code)
        if item is None or item.depth is Depth.GUIDE_ONLY:
            raise ItemUnavailable(f"item {code} cannot be applied for here")
        if agent is not None and not item.proxy_allowed:
            raise ProxyNotAllowed(f"item {code} is not done by proxy")
        if agent is None and self._refusing():  # said before the villager fills anything in
            raise QueueRefusing("past the queue's hard limit")
        return item

    def today(self) -> date:
        return self._clock.now().astimezone().date()

    @staticmethod
    def card_fields(item: ServiceItem) -> set[str]:
        """Fields the card fills: shown, never typed."""
        return {n for n, p in item.form_schema["properties"].items() if "x-prefill" in p}

    @staticmethod
    def coerce(item: ServiceItem, raw: Mapping[str, str]) -> dict[str, Any]:
        """Typed text to the schema's types; empty means not given. Text that is no number
        stays text, so validation says "format" in plain words instead of failing here."""
        props = item.form_schema["properties"]
        values: dict[str, Any] = {}
        for name, typed in raw.items():
            kind = props.get(name, {}).get("type", "string")
            text = typed.strip()
            if not text:
                continue
            value: Any = text
            try:
                if kind == "integer":
                    value = int(text)
                elif kind == "number":
                    value = float(text)
            except ValueError:
                pass
            if kind == "boolean":
                value = text in ("true", "1", "是")
            values[name] = value
        return values

    def form_data(
        self, item: ServiceItem, identity: Identity, values: Mapping[str, Any]
    ) -> dict[str, Any]:
        """What goes to the platform: the card's fields from the card, the rest as typed."""
        data = {k: v for k, v in values.items() if k in item.form_schema["properties"]}
        data.update(prefill(item.form_schema, identity))
        if isinstance(data.get("phone"), str):
            data["phone"] = normalise_mobile(data["phone"]) or data["phone"]
        return data

    def check_form(
        self, item: ServiceItem, identity: Identity, values: Mapping[str, Any]
    ) -> list[FieldError]:
        return validate_form(item.form_schema, self.form_data(item, identity, values), self.today())

    def missing(self, item: ServiceItem, identity: Identity, draft: ApplyDraft) -> list[Missing]:
        """Everything still missing at once (一次性告知): fields first, then materials."""
        props = item.form_schema["properties"]
        order = {name: i for i, name in enumerate(ordered_fields(item.form_schema))}
        out = [
            Missing(
                "field",
                e.field,
                str(props.get(e.field, {}).get("title", e.field)),
                e.message_key,
                dict(e.params),
            )
            for e in sorted(
                self.check_form(item, identity, draft.values), key=lambda e: order.get(e.field, 0)
            )
        ]
        for index, material in enumerate(item.materials):
            have = len(draft.pages.get(index, []))
            if material.required and needs_photo(material) and have < material.count:
                out.append(Missing("material", str(index), material.name))
        return out

    # --- drafts (GUI thread) ------------------------------------------------------------------

    def draft_for(self, identity: Identity, item_code: str) -> tuple[ApplyDraft, bool]:
        """This person's draft for the item, if they left one (True), else a clean one. A
        draft is filed under the card holder, so nobody else is ever offered it."""
        kept = self.drafts.peek(identity)
        if kept is not None and kept.item_code == item_code:
            return kept, True
        return ApplyDraft(item_code), False

    def keep(self, identity: Identity, draft: ApplyDraft) -> None:
        self.drafts.save(identity, draft)

    def drop(self, identity: Identity) -> None:
        self.drafts.discard(identity)

    # --- materials (workers) ------------------------------------------------------------------

    def look(self, image: FrameArray) -> PageLook:
        if self.scanner is None:
            return PageLook("document.not_found")
        return self.scanner.look(image)

    def scan(self, image: FrameArray, material: int, page_no: int) -> tuple[PageLook, Page | None]:
        if self.scanner is None:
            return PageLook("document.not_found"), None
        return self.scanner.scan(image, f"material-{material + 1}-page-{page_no}")

    # --- submit (worker) ----------------------------------------------------------------------

    def submit(
        self,
        item: ServiceItem,
        identity: Identity,
        draft: ApplyDraft,
        words: ReceiptWords,
        agent: Agent | None = None,
    ) -> Submitted:
        """Queue durably (sealed, pages as attachments), then print the receipt: marked
        offline unless the platform confirmed it within a moment. A printer failure loses
        nothing: the record is queued and the receipt is returned for the screen's QR."""
        if agent is not None and not item.proxy_allowed:
            raise ProxyNotAllowed(f"item {item.code} is not done by proxy")
        outbox = self._outbox()
        if outbox is None:
            raise PlatformError("the queue is not running yet", message_key="apply.not_ready")
        form = self.form_data(item, identity, draft.values)
        if validate_form(item.form_schema, form, self.today()):
            raise KioskError("form not complete", message_key="apply.incomplete")
        pages = [p for index in sorted(draft.pages) for p in draft.pages[index]]
        submission = Submission(
            item_code=item.code,
            item_name=item.name,
            form=form,
            applicant=identity,
            phone=str(form.get("phone", "")),
            agent=agent,
        )
        entry = outbox.submit(submission, pages)
        receipt_no = entry.receipt_no or ""
        delivered = self._wait_delivered(outbox, receipt_no)
        terminal_id, hall = self._terminal()
        receipt = Receipt(
            title=words.title,
            item_name=item.name,
            receipt_no=receipt_no,
            issued_at=self._clock.now().astimezone().replace(tzinfo=None),
            terminal_id=terminal_id,
            hall_name=hall,
            masked_name=identity.masked_name,
            next_steps=words.next_steps,
            offline=not delivered,
            qr_payload=receipt_no,
            footer=words.footer,
        )
        print_problem = self._print(receipt)
        payment, payment_problem, notice_problem = self._payment(item, receipt, delivered, words)
        return Submitted(
            entry, receipt, delivered, print_problem, payment, payment_problem, notice_problem
        )

    def _wait_delivered(self, outbox: Outbox, receipt_no: str) -> bool:
        """A short wait for the sync loop (started by the queuing) to deliver: the receipt
        says "official" only when the platform really has it."""
        if not receipt_no or not self._online():
            return False
        deadline = time.monotonic() + self.delivered_wait_s
        while True:
            entry = outbox.entry(receipt_no)
            if entry is not None and entry.state is LocalState.DELIVERED:
                return True
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)

    def _print(self, receipt: Receipt) -> str:
        if self.printer is None:
            return "printer.not_found"
        try:
            self.printer.print_receipt(receipt)
        except PrinterError as exc:
            return exc.message_key
        return ""

    def _payment(
        self, item: ServiceItem, receipt: Receipt, delivered: bool, words: ReceiptWords
    ) -> tuple[PaymentOrder | None, str, str]:
        """Never offline: an order only when the platform already has the application."""
        if fee_fen(item) <= 0:
            return None, "", ""
        payments = self._payments()
        if payments is None:
            return None, "apply.pay_at_window", ""
        if not delivered:
            return None, "apply.pay_offline", ""
        try:
            order = payments.create_order(receipt.receipt_no, item.code)
        except PlatformError:
            return None, "apply.pay_offline", ""
        notice = Receipt(
            title=words.payment_title,
            item_name=item.name,
            receipt_no=receipt.receipt_no,
            issued_at=receipt.issued_at,
            terminal_id=receipt.terminal_id,
            hall_name=receipt.hall_name,
            masked_name=receipt.masked_name,
            next_steps=words.payment_steps,
            offline=False,
            qr_payload=order.qr_payload,
            footer=receipt.footer,
        )
        return order, "", self._print(notice)

"""ApplyService's rules on its own: typed text to the schema's types, the one list of what is
missing, agent mode, and the receipt and payment rules (never an order offline). The outbox,
printer and payments here are small recording stand-ins; the journey tests run the real ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

import pytest

from kiosk.domain.catalog import ServiceItem
from kiosk.domain.receipt import Receipt
from kiosk.domain.submission import Agent, Submission
from kiosk.ports.clock import FakeClock
from kiosk.ports.device import DeviceState, DeviceStatus
from kiosk.ports.outbox import LocalState, OutboxEntry, Page
from kiosk.ports.payments import PaymentOrder
from kiosk.ports.printer import PaperWidth, PrinterOutOfPaper, PrintResult
from kiosk.services.apply import (
    ApplyDraft,
    ApplyService,
    ProxyNotAllowed,
    QueueRefusing,
    ReceiptWords,
)
from tests.ui.cards import ZHANG
from tests.ui.support import guide_services

WORDS = ReceiptWords("受理回执", ("审核",), "热线 12345", "缴费通知", ("请扫码",))


@dataclass
class RecordingOutbox:
    state: LocalState = LocalState.QUEUED
    submitted: list[tuple[Submission, list[Page]]] = field(default_factory=list)

    def submit(self, submission: Submission, pages: Sequence[Page]) -> OutboxEntry:
        self.submitted.append((submission, list(pages)))
        return self.entry("K7Q2M-0001-X")  # type: ignore[return-value]

    def entry(self, receipt_no: str) -> OutboxEntry | None:
        return OutboxEntry(
            "r1", "submission", receipt_no, "x", "张*", datetime(2026, 11, 23), self.state
        )


@dataclass
class RecordingPrinter:
    out_of_paper: bool = False
    printed: list[Receipt] = field(default_factory=list)
    paper_width = PaperWidth.MM58

    def print_receipt(self, receipt: Receipt) -> PrintResult:
        if self.out_of_paper:
            raise PrinterOutOfPaper("test")
        self.printed.append(receipt)
        return PrintResult(1, DeviceStatus(DeviceState.READY, "printer.ready"))


class FixedPayments:
    def create_order(self, receipt_no: str, item_code: str) -> PaymentOrder:
        return PaymentOrder("P1", 1500, f"pay:{receipt_no}:{item_code}")


def service(outbox: RecordingOutbox, printer: RecordingPrinter | None = None, **kw) -> ApplyService:
    clock = FakeClock()
    catalog = guide_services(clock).catalog
    assert catalog is not None
    return ApplyService(
        catalog,
        clock,
        outbox=lambda: outbox,  # type: ignore[arg-type,return-value]
        printer=printer or RecordingPrinter(),  # type: ignore[arg-type]
        terminal=lambda: ("K7Q2M", "富阳镇"),
        delivered_wait_s=0.1,
        **kw,
    )


def item(s: ApplyService, code: str) -> ServiceItem:
    return s.load_item(code)


def test_typed_text_becomes_the_schemas_types_and_bad_numbers_stay_text():
    s = service(RecordingOutbox())
    low = item(s, "000113001000")
    values = s.coerce(low, {"household_size": " 3 ", "monthly_income_yuan": "九百", "reason": ""})
    assert values == {"household_size": 3, "monthly_income_yuan": "九百"}
    missing = s.missing(low, ZHANG, ApplyDraft(low.code, values))
    assert [(m.kind, m.key, m.message_key) for m in missing][:3] == [
        ("field", "phone", "form.required"),
        ("field", "monthly_income_yuan", "form.type"),
        ("material", "1", ""),
    ]
    assert "居民身份证" not in [m.title for m in missing]  # the card was read


def test_a_queue_past_its_hard_limit_refuses_a_villager_before_the_form_not_an_agent():
    refusing = [True]
    s = service(RecordingOutbox(), refusing=lambda: refusing[0])
    with pytest.raises(QueueRefusing) as refused:
        s.load_item("000113001000")
    assert refused.value.message_key == "queue.full"
    assert s.load_item("000113001000", Agent("A0012", "韦代办")).code == "000113001000"
    refusing[0] = False  # the backlog went down
    assert s.load_item("000113001000").code == "000113001000"


def test_an_agent_is_carried_and_refused_for_items_not_done_by_proxy():
    outbox = RecordingOutbox(state=LocalState.DELIVERED)
    s = service(outbox)
    elderly = item(s, "000113006000")
    draft = ApplyDraft(elderly.code, {"phone": "13800138000"})
    agent = Agent("A0012", "韦代办")
    s.submit(elderly, ZHANG, draft, WORDS, agent)
    assert outbox.submitted[0][0].agent == agent
    assert outbox.submitted[0][0].form["name"] == ZHANG.name
    with pytest.raises(ProxyNotAllowed):
        s.submit(replace(elderly, proxy_allowed=False), ZHANG, draft, WORDS, agent)


def test_the_receipt_is_offline_unless_delivered_and_payment_only_once_delivered():
    printer = RecordingPrinter()
    outbox = RecordingOutbox(state=LocalState.QUEUED)
    s = service(outbox, printer, payments=lambda: FixedPayments())
    fee = item(s, "000121005000")
    draft = ApplyDraft(fee.code, {"phone": "13800138000", "reason": "遗失"})
    offline = s.submit(fee, ZHANG, draft, WORDS)
    assert offline.receipt.offline and offline.payment is None
    assert offline.payment_problem == "apply.pay_offline"
    assert [r.title for r in printer.printed] == ["受理回执"]

    outbox.state = LocalState.DELIVERED
    online = s.submit(fee, ZHANG, draft, WORDS)
    assert not online.receipt.offline and online.payment is not None
    assert printer.printed[-1].title == "缴费通知"
    assert printer.printed[-1].qr_payload == online.payment.qr_payload

    printer.out_of_paper = True
    unprinted = s.submit(fee, ZHANG, draft, WORDS)
    assert unprinted.print_problem == "printer.out_of_paper" and len(outbox.submitted) == 3

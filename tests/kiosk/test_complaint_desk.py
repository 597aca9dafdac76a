"""The Qt-free complaint desk on a real outbox: queued with a receipt number, printed when a
printer is there, never lost when the printer fails, refused before enrolment."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from devices.simulated_printer import SimulatedPrinter
from kiosk.domain.complaint import ComplaintKind
from kiosk.ports.clock import FakeClock
from kiosk.ports.outbox import LocalState
from kiosk.services.complaints import ComplaintDesk, ComplaintsNotReady, ReceiptWords
from offline_queue.front import SharedOutbox
from offline_queue.outbox_port import TerminalOutbox
from offline_queue.store import open_terminal_outbox

WORDS = ReceiptWords("咨询投诉回执", ("请记下回执编号。",), "政务服务便民热线 12345")


def desk_on_outbox(
    tmp_path: Path, printer: SimulatedPrinter | None
) -> tuple[ComplaintDesk, TerminalOutbox]:
    clock = FakeClock()
    seal = X25519PrivateKey.generate().public_key()
    box = open_terminal_outbox(tmp_path, seal, "K7Q2M", clock, shared=True)
    outbox = TerminalOutbox(SharedOutbox(box), "451123101")
    desk = ComplaintDesk(clock, printer, lambda: "K7Q2M", lambda: "富阳镇便民服务中心")
    desk.attach_outbox(outbox, lambda: False)
    return desk, outbox


def test_a_complaint_is_queued_and_its_receipt_printed_without_the_person(tmp_path: Path):
    printer = SimulatedPrinter()
    desk, outbox = desk_on_outbox(tmp_path, printer)
    receipt = desk.send(ComplaintKind.COMPLAINT, "办事服务", "排队太久", "13800138000", WORDS)
    assert receipt.printed and receipt.offline
    entry = outbox.entry(receipt.receipt_no)
    assert entry is not None and entry.kind == "complaint" and entry.state is LocalState.QUEUED
    (paper, _image) = printer.printed[-1]
    assert paper.receipt_no == receipt.receipt_no and paper.masked_name == ""
    assert "13800138000" not in repr(paper) and "排队太久" not in repr(paper)


def test_a_printer_out_of_paper_loses_only_the_paper(tmp_path: Path):
    printer = SimulatedPrinter(state="out")
    desk, outbox = desk_on_outbox(tmp_path, printer)
    receipt = desk.send(ComplaintKind.CONSULTATION, "其他", "问一下", "", WORDS)
    assert not receipt.printed and receipt.print_problem == "printer.out_of_paper"
    assert outbox.entry(receipt.receipt_no) is not None


def test_the_form_is_checked_in_words_and_nothing_goes_before_enrolment():
    desk = ComplaintDesk(FakeClock())
    assert desk.check(ComplaintKind.COMPLAINT, "其他", "x", "") == "complaint.phone_needed"
    assert desk.check(ComplaintKind.CONSULTATION, "其他", "x", "") is None
    assert (
        desk.check(ComplaintKind.CONSULTATION, "其他", "x", "1380013800") == "complaint.bad_phone"
    )
    assert not desk.ready
    with pytest.raises(ComplaintsNotReady):
        desk.send(ComplaintKind.CONSULTATION, "其他", "x", "")

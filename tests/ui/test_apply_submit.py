"""Submit and the receipt, end to end: a villager walks from the item's guide page through
identify, the form, the materials and the review; the application is queued through the real
offline queue of an enrolled terminal, sent by its sync loop to the real reference platform on
loopback, and the receipt printed by the ESC/POS driver to the printer emulator over TCP. The
decoded receipt carries the number and its QR; the platform holds the record exactly once.
Offline, the receipt says so and the record is delivered later; with the paper out the receipt
is shown as a QR on screen and nothing is lost."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from devices.emulators.escpos_decoder import DecodedJob
from devices.emulators.escpos_printer import EscposPrinterEmulator, PaperState, render_job
from devices.escpos_printer import EscposReceiptPrinter, escpos_printer_from_config
from devices.receipt_layout import render_receipt
from kiosk.config import Config
from kiosk.ports.clock import SystemClock
from kiosk.ports.outbox import LocalState
from kiosk.services.apply import Submitted
from offline_queue.credentials import Enrolment
from offline_queue.payments import PlatformPayments
from offline_queue.store import Outbox
from offline_queue.terminal import (
    TerminalQueue,
    build_terminal_queue,
    outbox_opener,
    signed_client,
)
from tests.devices.synthetic_documents import ocr_text
from tests.offline_queue.kiosk_side import enrolled_kiosk
from tests.offline_queue.realistic import assert_exactly_once
from tests.support.central import CentralHandle
from tests.support.qr import read_qr
from tests.ui.apply_support import (
    CARD_REPLACEMENT,
    ELDERLY_CARD,
    apply_kiosk,
    apply_screen,
    choose,
    fill_form_and_photograph,
    from_guide_to_form,
    tap,
    type_field,
)
from tests.ui.cards import ZHANG
from ui.main_window import MainWindow
from ui.widgets import BodyLabel


@dataclass
class Terminal:
    queue: TerminalQueue
    config: Config
    enrolment: Enrolment
    key: Ed25519PrivateKey

    def store(self) -> Outbox:
        """The outbox's own records, for checking (a connection of its own)."""
        return outbox_opener(self.config, self.enrolment, SystemClock())(True)

    def online(self) -> bool:
        return self.queue.sync.status().online is not False


@pytest.fixture
def terminal(tmp_path: Path, central: CentralHandle) -> Iterator[Terminal]:
    config, enrolment, key = enrolled_kiosk(tmp_path, central, central.base_url)
    queue = build_terminal_queue(config, enrolment, key, SystemClock())
    queue.sync.start()
    try:
        yield Terminal(queue, config, enrolment, key)
    finally:
        queue.close()


@pytest.fixture
def printer() -> Iterator[tuple[EscposPrinterEmulator, EscposReceiptPrinter]]:
    emulator = EscposPrinterEmulator().start()
    host, port = emulator.address
    driver = escpos_printer_from_config(
        {"transport": "network", "host": host, "port": port, "timeout_s": 1.0, "paper_mm": 58}
    )
    try:
        yield emulator, driver
    finally:
        emulator.stop()


def walk_and_submit(
    qtbot, qapp, terminal: Terminal, driver: EscposReceiptPrinter
) -> tuple[MainWindow, Submitted]:
    window, reader, camera, _service = apply_kiosk(
        qapp,
        outbox=lambda: terminal.queue.outbox,
        printer=driver,
        online=terminal.online,
        terminal=(terminal.enrolment.terminal_id, "富阳镇便民服务中心"),
    )
    screen = from_guide_to_form(qtbot, qapp, window, reader, camera, ZHANG, ELDERLY_CARD)
    fill_form_and_photograph(qtbot, qapp, screen, camera)
    tap(screen.review.consent)
    tap(screen.review.submit)
    assert "正在提交" in screen.banner.plain()
    qtbot.waitUntil(lambda: screen.result is not None, timeout=30_000)
    assert screen.pages.currentWidget() is screen.done
    assert screen.result is not None
    return window, screen.result


def paper(job: DecodedJob) -> np.ndarray:
    return np.asarray(render_job(job).convert("L"))


def check_printed(job: DecodedJob, result: Submitted) -> str:
    """The job is exactly the receipt's raster (number and words as laid out), and its QR
    decodes to the receipt number. Returns the text tesseract reads off the paper (reliable for
    the Chinese words; not asserted for the number, whose 0/O and 1/I it may confuse)."""
    raster = np.vstack([np.asarray(img.convert("1"), dtype=bool) for img in job.images])
    expected = np.asarray(render_receipt(result.receipt, 384).convert("1"), dtype=bool)
    assert raster.shape[1] == expected.shape[1]
    assert np.array_equal(raster[: expected.shape[0]], expected)
    assert not raster[expected.shape[0] :].any()
    decoded = read_qr(paper(job))
    assert decoded == result.receipt.receipt_no
    return ocr_text(paper(job))


def platform_record(central: CentralHandle, receipt_no: str) -> dict[str, object]:
    db = sqlite3.connect(f"file:{central.data_dir / 'central.sqlite3'}?mode=ro", uri=True)
    try:
        (record_id,) = db.execute(
            "SELECT record_id FROM cases WHERE receipt_no = ?", (receipt_no,)
        ).fetchone()
        (record,) = db.execute("SELECT record FROM records WHERE id = ?", (record_id,)).fetchone()
    finally:
        db.close()
    return dict(json.loads(record))


def test_online_the_receipt_prints_at_once_and_the_platform_has_it_exactly_once(
    qapp, qtbot, central: CentralHandle, terminal: Terminal, printer
):
    emulator, driver = printer
    window, result = walk_and_submit(qtbot, qapp, terminal, driver)
    screen = apply_screen(window)
    number = result.receipt.receipt_no
    assert number.startswith(terminal.enrolment.terminal_id + "-")
    assert result.delivered and not result.receipt.offline and result.printed
    assert number in screen.done.number.plain()
    assert "回执已打印" in screen.done.printed.plain()
    assert "平台已经收到" in screen.done.state.plain()
    assert screen.done.receipt_qr.isHidden()
    (job,) = emulator.wait_for_jobs(1)
    assert "离线受理" not in check_printed(job, result)
    # Exactly once on the platform, with both photographed pages as attachments.
    assert_exactly_once(central, terminal.store())
    record = platform_record(central, number)
    assert len(record["attachments"]) == 2  # type: ignore[arg-type]
    # Submitted: no half-finished application is offered again.
    assert window.ctx.services.apply.drafts.peek(ZHANG) is None  # type: ignore[union-attr]
    window.close()


def test_offline_the_receipt_says_so_and_the_record_goes_when_the_link_returns(
    qapp, qtbot, central: CentralHandle, terminal: Terminal, printer
):
    emulator, driver = printer
    central.stop()
    window, result = walk_and_submit(qtbot, qapp, terminal, driver)
    screen = apply_screen(window)
    assert not result.delivered and result.receipt.offline and result.printed
    assert "网络恢复后自动发送" in screen.done.state.plain()
    (job,) = emulator.wait_for_jobs(1)
    printed = check_printed(job, result)
    assert "申请已在本终端受理，网络恢复后自动发送，平台收到后正式生效" in printed
    assert terminal.queue.outbox.entry(result.receipt.receipt_no).state is LocalState.QUEUED  # type: ignore[union-attr]

    central.start()
    terminal.queue.sync.sync_now()
    qtbot.waitUntil(
        lambda: (
            terminal.queue.outbox.entry(result.receipt.receipt_no).state  # type: ignore[union-attr]
            is LocalState.DELIVERED
        ),
        timeout=60_000,
    )
    assert_exactly_once(central, terminal.store())
    window.close()


def test_paper_out_shows_the_receipt_as_a_qr_and_nothing_is_lost(
    qapp, qtbot, central: CentralHandle, terminal: Terminal, printer
):
    emulator, driver = printer
    emulator.set_state(PaperState.OUT)
    window, result = walk_and_submit(qtbot, qapp, terminal, driver)
    screen = apply_screen(window)
    assert result.print_problem == "printer.out_of_paper" and not result.printed
    assert "回执没有打印出来" in screen.done.printed.plain()
    assert "申请没有丢" in screen.done.printed.plain()
    assert screen.done.receipt_qr.isVisible()
    assert screen.done.receipt_qr.payload == result.receipt.receipt_no
    shot = screen.done.receipt_qr.grab().toImage()
    ptr = shot.convertToFormat(shot.Format.Format_Grayscale8)
    width, height = ptr.width(), ptr.height()
    pixels = np.frombuffer(ptr.constBits(), np.uint8).reshape(height, ptr.bytesPerLine())[:, :width]
    assert read_qr(np.ascontiguousarray(pixels)) == result.receipt.receipt_no
    assert not emulator.jobs
    assert_exactly_once(central, terminal.store())
    window.close()


def walk_fee_item(
    qtbot, qapp, terminal: Terminal, driver, payments
) -> tuple[MainWindow, Submitted]:
    """社保卡补换 (15 yuan): the phone and a reason; only the ID card, which was read."""
    window, reader, camera, _service = apply_kiosk(
        qapp,
        outbox=lambda: terminal.queue.outbox,
        printer=driver,
        payments=lambda: payments,
        online=terminal.online,
        terminal=(terminal.enrolment.terminal_id, "富阳镇便民服务中心"),
    )
    screen = from_guide_to_form(qtbot, qapp, window, reader, camera, ZHANG, CARD_REPLACEMENT)
    type_field(screen, "phone", "13800138000")
    choose(screen, "reason", "遗失")
    tap(screen.form_next)
    tap(screen.materials.next_button)
    assert "这个事项要交费 15.00 元" in "\n".join(
        w.plain() for w in screen.review.summary.widgets() if isinstance(w, BodyLabel)
    )
    tap(screen.review.consent)
    tap(screen.review.submit)
    qtbot.waitUntil(lambda: screen.result is not None, timeout=30_000)
    assert screen.result is not None
    return window, screen.result


def test_a_fee_online_shows_the_payment_qr_and_prints_a_payment_notice(
    qapp, qtbot, central: CentralHandle, terminal: Terminal, printer
):
    emulator, driver = printer
    client = signed_client(terminal.config, terminal.enrolment, terminal.key)
    try:
        window, result = walk_fee_item(qtbot, qapp, terminal, driver, PlatformPayments(client))
    finally:
        client.close()
    screen = apply_screen(window)
    assert result.delivered and result.payment is not None
    assert result.payment.amount_fen == 1500
    assert "扫描下面的二维码缴费 15.00 元" in screen.done.payment.plain()
    assert screen.done.payment_qr.payload == result.payment.qr_payload
    receipt_job, notice_job = emulator.wait_for_jobs(2)
    check_printed(receipt_job, result)
    notice_qr = read_qr(paper(notice_job))
    assert notice_qr == result.payment.qr_payload
    assert "缴费通知" in ocr_text(paper(notice_job))
    window.close()


def test_payment_is_never_taken_offline(
    qapp, qtbot, central: CentralHandle, terminal: Terminal, printer
):
    emulator, driver = printer
    client = signed_client(terminal.config, terminal.enrolment, terminal.key)
    central.stop()
    try:
        window, result = walk_fee_item(qtbot, qapp, terminal, driver, PlatformPayments(client))
    finally:
        client.close()
    screen = apply_screen(window)
    assert not result.delivered and result.payment is None
    assert result.payment_problem == "apply.pay_offline"
    assert "现在没有网络，不能在本机缴费" in screen.done.payment.plain()
    assert screen.done.payment_qr.isHidden()
    assert len(emulator.wait_idle()) == 1  # the receipt only, no payment notice
    window.close()

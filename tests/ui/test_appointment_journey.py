"""预约取号 end to end: real widgets, the real outbox and sync, the real platform on loopback
(through the fault proxy when the link must go down), slips through python-escpos to the
ESC/POS emulator, asserted on the decoded job."""

from __future__ import annotations

import sqlite3

import numpy as np
from PIL import Image

from devices.emulators.escpos_decoder import DecodedJob
from devices.emulators.escpos_printer import PaperState
from devices.receipt_layout import render_slip
from kiosk.domain.slip import Slip
from kiosk.ports.outbox import LocalState
from tests.offline_queue.kiosk_side import VILLAGER, eventually
from tests.support.bookings import book_today
from tests.support.central import CentralHandle
from tests.support.fault_proxy import FaultProxy
from tests.support.qr import read_qr
from tests.ui.progress_kiosk import JourneyKiosk, button_with, click, journey_kiosk, shoot

ITEM = "000113001000"


def printed(job: DecodedJob) -> Image.Image:
    images = job.images
    out = Image.new("1", (images[0].width, sum(i.height for i in images)), 1)
    y = 0
    for image in images:
        out.paste(image, (0, y))
        y += image.height
    return out


def assert_printed(job: DecodedJob, slip: Slip) -> None:
    """The paper is exactly the slip's layout (80 mm), cut once."""
    assert job.cuts == 1
    assert printed(job).tobytes() == render_slip(slip, 576).tobytes()


def book(qtbot, k: JourneyKiosk, day_index: int, period: str) -> str:
    """Home -> 预约 -> this hall -> 社会救助 -> 最低生活保障申请 -> day -> slot -> skip phone ->
    confirm; the card holder is already identified. Returns the slot id."""
    click(k.window.home.tile_buttons["appointment"])
    click(k.screen("appointment").book_button)
    screen = k.screen("appointment.book")
    click(screen.this_hall)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.categories)
    click(button_with(screen.categories, "社会救助"))
    click(button_with(screen.items, "最低生活保障申请"))
    click(screen.days.buttons[day_index])
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.slots, timeout=10_000)
    k.window.ctx.session.identify(VILLAGER)  # what the identify step leaves behind
    click(button_with(screen.slots, "上午" if period == "am" else "下午"))
    assert screen.pages.currentWidget() is screen.phone_page
    click(screen.skip_phone)
    assert "最低生活保障申请" in screen.summary.plain() and "买买*" in screen.summary.plain()
    click(screen.confirm_button)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.result_page, timeout=60_000)
    assert screen.slot is not None
    return str(screen.slot.slot_id)


def bookings_for(central: CentralHandle, slot_id: str) -> int:
    with sqlite3.connect(central.data_dir / "central.sqlite3") as db:
        row = db.execute("SELECT COUNT(*) FROM bookings WHERE slot_id = ?", (slot_id,)).fetchone()
    return int(row[0])


def test_a_slot_booked_online_is_confirmed_and_its_slip_printed(
    qtbot, qapp, tmp_path, central: CentralHandle
):
    k = journey_kiosk(qapp, tmp_path, central)
    try:
        assert k.services.appointments is not None
        k.services.appointments.confirmation_wait_s = 120  # a loaded machine may be slow
        slot_id = book(qtbot, k, 0, "am")
        screen = k.screen("appointment.book")
        assert "预约成功" in screen.banner.plain()
        slip = screen.slip_view.slip
        assert slip is not None and any("预约号：B" in line for line in slip.lines)
        assert not slip.notice  # no "waiting" on a confirmed booking
        [job] = k.jobs(1)
        assert_printed(job, slip)
        receipt = next(line for line in slip.lines if "回执编号" in line).split("：")[1]
        grey = np.array(printed(job).convert("L"))
        assert read_qr(grey) == receipt  # for 进度查询 later
        assert bookings_for(central, slot_id) == 1
        shoot(k.window, "booking-confirmed-elderly-zh")
    finally:
        k.close()


def test_an_offline_booking_waits_and_the_platform_decides_when_the_link_returns(
    qtbot, qapp, tmp_path, central: CentralHandle
):
    with FaultProxy(central.port) as proxy:
        k = journey_kiosk(qapp, tmp_path, central, proxy.url)
        try:
            k.cut_off(qtbot, proxy)
            screen = k.screen("appointment.book")
            full_slot = book(qtbot, k, 1, "am")
            assert "等待平台确认" in screen.banner.plain()
            slip = screen.slip_view.slip
            assert slip is not None and "等待确认" in slip.notice
            assert not any("预约号" in line for line in slip.lines)  # never shown as confirmed
            assert_printed(k.jobs(1)[0], slip)
            shoot(k.window, "booking-waiting-elderly-zh")
            waiting = slip.qr_payload
            click(screen.done_button)
            book(qtbot, k, 1, "pm")
            confirmed_later = screen.slip_view.slip.qr_payload if screen.slip_view.slip else ""

            # Meanwhile the morning fills up from other terminals: the platform decides.
            for _ in range(4):
                other = central.enrol()
                rec = other.record(
                    "appointment",
                    {"slot_id": full_slot, "item_code": ITEM},
                    {"name": "张三", "id_number": "110101199003077777", "phone": ""},
                )
                assert other.post("/v1/records", {"records": [rec]}).status_code == 200
            proxy.accept_again()

            def decided() -> bool:
                k.queue.sync.sync_now()
                a, b = k.queue.outbox.entry(waiting), k.queue.outbox.entry(confirmed_later)
                return (
                    a is not None
                    and a.state is LocalState.DEAD
                    and b is not None
                    and b.state is LocalState.DELIVERED
                )

            eventually(decided, timeout_s=60)
            click(k.current.home_button)
            for receipt, words in ((waiting, "已经约满"), (confirmed_later, "预约已确认")):
                click(k.window.home.tile_buttons["progress"])
                click(k.screen("progress").number_button)
                k.screen("progress.number").pad.type_text(receipt.replace("-", ""))
                click(k.screen("progress.number").pad.confirm_button)
                case = k.screen("progress.case")
                qtbot.waitUntil(lambda case=case: case.report is not None)
                assert words in case.status.plain()
                assert case.rebook_button.isVisible() == (words == "已经约满")
                shoot(
                    k.window, f"booking-{'refused' if words == '已经约满' else 'confirmed'}-later"
                )
                click(case.home_button)
        finally:
            k.close()


def test_walk_ins_and_checked_in_villagers_get_tickets_on_paper_or_on_screen(
    qtbot, qapp, tmp_path, central: CentralHandle
):
    k = journey_kiosk(qapp, tmp_path, central)
    try:
        ticket = k.screen("ticket")
        click(k.window.home.tile_buttons["appointment"])
        click(k.screen("appointment").walk_in_button)
        qtbot.waitUntil(lambda: ticket.ticket is not None, timeout=20_000)
        assert ticket.slip_view.headline.plain() == "B001"
        qtbot.waitUntil(lambda: "请取走排队号" in ticket.banner.plain(), timeout=20_000)
        slip = ticket.slip_view.slip
        assert slip is not None and any("前面还有 0 人" in line for line in slip.lines)
        assert_printed(k.jobs(1)[0], slip)
        shoot(k.window, "ticket-walk-in-elderly-zh")

        book_today(central, k.hall_code, ITEM, VILLAGER.id_number)
        k.window.ctx.session.identify(VILLAGER)  # the identify step, then the ticket screen
        k.window.navigator.go("ticket", {"action": "check_in", "identity_check": "card"})
        qtbot.waitUntil(lambda: ticket.ticket is not None and ticket.ticket.booked)
        assert ticket.slip_view.headline.plain() == "A001"
        assert "预约时段：09:00-11:30" in ticket.slip_view.lines.plain()

        central.stop()  # offline: the terminal's own number, said plainly
        k.printer.set_state(PaperState.OUT)  # and no paper: the slip on screen, as a QR code
        click(ticket.home_button)
        click(k.window.home.tile_buttons["appointment"])
        click(k.screen("appointment").walk_in_button)
        qtbot.waitUntil(lambda: ticket.ticket is not None, timeout=20_000)
        assert ticket.slip_view.headline.plain() == f"{k.terminal_id}-B001"
        assert "本机临时编号" in ticket.slip_view.notice.plain()
        qtbot.waitUntil(lambda: ticket.slip_view.qr.isVisible(), timeout=20_000)
        assert "打印机没纸" in ticket.banner.plain()
        shown = read_qr(qr_pixels(ticket.slip_view.qr))
        assert f"{k.terminal_id}-B001" in shown and "本机临时编号" in shown
        shoot(k.window, "ticket-offline-no-paper-elderly-zh")
    finally:
        k.close()


def qr_pixels(label) -> np.ndarray:
    image = (
        label.pixmap().toImage().convertToFormat(label.pixmap().toImage().Format.Format_Grayscale8)
    )
    width, height = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    return raw.reshape(height, image.bytesPerLine())[:, :width].copy()

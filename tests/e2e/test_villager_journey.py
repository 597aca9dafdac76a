"""A villager's application, end to end, through the real drivers and emulators (see
real_kiosk.py): home → 办事指南 → 老年人优待证 → 在本机申请 → the card in vpcd, read by pcscd
and the PC/SC driver → 是本人 → the face step on the camera's frames → the form, pre-filled
from the card → the photo page from the camera → review, consent, submit → the receipt.

Asserted on what the screens show, on the receipt the ESC/POS emulator decoded (its raster is
exactly the receipt with the number, its QR decodes to the number) and on what the reference
platform received (one record with that number, after sync). Then a second villager, with the
platform stopped: the receipt says the application becomes official once received; the
platform comes back and has it exactly once. Between the two, nothing of the first is left on
any widget."""

from __future__ import annotations

import sqlite3
import time

from PySide6.QtWidgets import QApplication

from devices.emulators.people import PEOPLE, Person
from kiosk.domain.identity import CardKind
from kiosk.ports.outbox import LocalState
from kiosk.services.apply import Submitted
from kiosk.services.identify import mask_id_number
from tests.e2e.real_kiosk import (
    RealKiosk,
    confirm_and_face,
    identify_with_card,
    open_item_from_home,
    photograph_pages,
)
from tests.e2e.traces import PersonTraces, find_traces
from tests.offline_queue.realistic import assert_exactly_once
from tests.support.central import CentralHandle
from tests.ui.apply_support import tap, type_field
from tests.ui.journeys import settle
from tests.ui.test_apply_submit import check_printed, platform_record
from ui.screens.apply import ApplyScreen
from ui.screens.identify import ltr

PHONE = "13912345678"


def cases_with(central: CentralHandle, receipt_no: str) -> int:
    db = sqlite3.connect(f"file:{central.data_dir / 'central.sqlite3'}?mode=ro", uri=True)
    try:
        (count,) = db.execute(
            "SELECT COUNT(*) FROM cases WHERE receipt_no = ?", (receipt_no,)
        ).fetchone()
    finally:
        db.close()
    return int(count)


def apply_as(qtbot, qapp: QApplication, real: RealKiosk, person: Person) -> ApplyScreen:
    """From the home screen to the receipt on screen; returns the apply screen."""
    assert real.nav.current.name == "home"
    open_item_from_home(qtbot, qapp, real)
    identify, _card = identify_with_card(qtbot, qapp, real, person)
    who = person.identity(CardKind.KIOSK_TEST)
    assert identify.name_line.plain() == f"姓名：{ltr(who.masked_name)}"  # masked for bystanders
    assert identify.id_line.plain() == f"证件号码：{ltr(mask_id_number(person.id_number))}"
    screen = confirm_and_face(qtbot, qapp, real)

    # The form: what the card says is there, read-only and masked; only the phone is typed.
    fields = screen.form.fields
    assert fields["name"].edit is not None and fields["name"].edit.isReadOnly()
    assert fields["name"].edit.text() == person.name[0] + "*" * min(len(person.name) - 1, 3)
    assert fields["id_number"].edit is not None
    assert fields["id_number"].edit.text().endswith(person.id_number[-4:])
    assert fields["address"].edit is not None
    assert fields["address"].edit.text() == person.address
    type_field(screen, "phone", PHONE)
    tap(screen.form_next)
    settle(qtbot, qapp)

    # Materials: the ID card was read; the photo page comes from the camera.
    assert screen.pages.currentWidget() is screen.materials
    while screen._current is not None:
        photograph_pages(qtbot, qapp, screen, 1)
    assert screen.materials.list.plain().splitlines() == [
        "✔ 居民身份证：已经读过证件，不用拍",
        "✔ 近期一寸免冠彩色照片：已拍 2 页",  # two photos asked for
    ]
    tap(screen.materials.next_button)
    settle(qtbot, qapp)

    # Review, consent, submit.
    assert screen.pages.currentWidget() is screen.review
    assert not screen.review.submit.isEnabled()  # not before the consent
    tap(screen.review.consent)
    tap(screen.review.submit)
    qtbot.waitUntil(lambda: screen.result is not None, timeout=30_000)
    assert screen.pages.currentWidget() is screen.done
    return screen


def finish(qtbot, qapp: QApplication, real: RealKiosk, screen: ApplyScreen) -> None:
    """完成, and the card taken away: the visit is over."""
    tap(screen.done.finish)
    real.vpcd.remove()
    settle(qtbot, qapp)
    qtbot.waitUntil(lambda: real.kiosk.window.ctx.session.identity is None, timeout=5_000)
    assert real.nav.current.name == "home"


def test_a_villager_applies_online_then_another_offline_through_the_real_drivers(
    qtbot, qapp, central: CentralHandle, real_kiosk: RealKiosk
):
    real, started = real_kiosk, time.perf_counter()
    first, second = PEOPLE[0], PEOPLE[1]  # 张三; 李秀英, whose ID number ends in X

    # Online: the receipt prints at once and the platform has the record exactly once.
    screen = apply_as(qtbot, qapp, real, first)
    result = screen.result
    assert isinstance(result, Submitted)
    number = result.receipt.receipt_no
    assert result.delivered and result.printed and not result.receipt.offline
    assert number.startswith(real.kiosk.ctx.settings.terminal_id + "-")
    assert number in screen.done.number.plain()
    assert "回执已打印" in screen.done.printed.plain()
    assert "平台已经收到" in screen.done.state.plain()
    (job,) = real.printer.wait_for_jobs(1)
    assert "离线受理" not in check_printed(job, result)
    assert cases_with(central, number) == 1
    record = platform_record(central, number)
    assert len(record["attachments"]) == 2  # type: ignore[arg-type]
    assert real.kiosk.ctx.services.apply is not None
    assert real.kiosk.ctx.services.apply.drafts.peek(first.identity(CardKind.KIOSK_TEST)) is None
    finish(qtbot, qapp, real, screen)
    leftovers = find_traces(
        qapp, PersonTraces.of(first.identity(CardKind.KIOSK_TEST), phone="", receipts=[number])
    )
    assert leftovers == []

    # Offline: the platform is gone; the sync loop's probe notices.
    central.stop()
    assert real.kiosk.queue is not None
    real.kiosk.queue.sync.sync_now()
    qtbot.waitUntil(lambda: real.online() is False, timeout=20_000)
    screen = apply_as(qtbot, qapp, real, second)
    offline = screen.result
    assert isinstance(offline, Submitted)
    assert not offline.delivered and offline.receipt.offline and offline.printed
    assert "网络恢复后自动发送" in screen.done.state.plain()
    (_, job) = real.printer.wait_for_jobs(2)
    printed = check_printed(job, offline)
    assert "平台收到后正式生效" in printed
    outbox = real.kiosk.queue.outbox
    entry = outbox.entry(offline.receipt.receipt_no)
    assert entry is not None and entry.state is LocalState.QUEUED
    finish(qtbot, qapp, real, screen)

    # The platform returns: delivered exactly once (and the first record still once).
    central.start()
    real.kiosk.queue.sync.sync_now()
    qtbot.waitUntil(
        lambda: outbox.entry(offline.receipt.receipt_no).state is LocalState.DELIVERED,  # type: ignore[union-attr]
        timeout=60_000,
    )
    assert cases_with(central, offline.receipt.receipt_no) == 1
    assert cases_with(central, number) == 1
    assert_exactly_once(central, real.outbox())
    print(f"\ne2e villager journey (online + offline): {time.perf_counter() - started:.1f} s")

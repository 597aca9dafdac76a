"""进度查询 end to end: real widgets, the real outbox and sync, the real platform on loopback.
A case moved along by the platform's back office is shown with its next step; offline, the
last known state with its age; by card, the cases needing the villager on top; a finished case
leads to its evaluation."""

from __future__ import annotations

import sqlite3

from kiosk.ports.outbox import LocalState
from tests.offline_queue.kiosk_side import PAGES, VILLAGER, eventually, low_income_application
from tests.support.central import CentralHandle
from tests.ui.progress_kiosk import JourneyKiosk, button_with, click, journey_kiosk, shoot


def submitted(k: JourneyKiosk, n: int = 0) -> str:
    receipt = k.queue.outbox.submit(low_income_application(n), PAGES).receipt_no
    assert receipt
    return receipt


def delivered(k: JourneyKiosk, receipt_no: str) -> None:
    k.queue.sync.sync_now()

    def arrived() -> bool:
        entry = k.queue.outbox.entry(receipt_no)
        return entry is not None and entry.state is LocalState.DELIVERED

    eventually(arrived)


def type_receipt(qtbot, k: JourneyKiosk, receipt_no: str) -> None:
    if k.current.name == "home":
        click(k.window.home.tile_buttons["progress"])
    click(k.screen("progress").number_button)
    pad = k.screen("progress.number").pad
    for key in receipt_no.replace("-", ""):
        click(pad.key_buttons[key])
    assert pad.display.plain() == receipt_no  # grouped as the receipt prints it
    click(pad.confirm_button)
    qtbot.waitUntil(lambda: k.current.name == "progress.case" and k.current.report is not None)


def test_a_case_moved_by_the_back_office_shows_its_next_step_then_can_be_rated(
    qtbot, qapp, tmp_path, central: CentralHandle
):
    k = journey_kiosk(qapp, tmp_path, central)
    try:
        receipt = k.queue.outbox.submit(low_income_application(), PAGES).receipt_no
        assert receipt
        delivered(k, receipt)
        central.advance_case(receipt, "accepted", "富川县民政局", "材料齐全")
        central.advance_case(receipt, "correction_needed", note="请补充近三个月收入证明")

        type_receipt(qtbot, k, receipt)
        case = k.screen("progress.case")
        assert "需要补正材料" in case.status.plain()
        assert "富川县民政局" in case.department.plain()
        assert "补正" in case.next_step.plain()
        assert "最新状态" in case.banner.plain()
        timeline = case.timeline.plain().splitlines()
        assert "需要补正材料" in timeline[1] and "已受理" in timeline[2] and "已提交" in timeline[3]
        assert "请补充近三个月收入证明" in timeline[1]
        assert case.local.isHidden()  # delivered: the platform's own state says more
        assert not case.rate_button.isVisible()  # not finished yet
        shoot(k.window, "case-correction-elderly-zh")

        central.advance_case(receipt, "completed", note="审批通过")
        click(case.another_button)
        type_receipt(qtbot, k, receipt)
        assert "已办结" in case.status.plain() and "领取" in case.next_step.plain()
        click(case.rate_button)
        rating = k.screen("evaluation")
        assert (
            "最低生活保障" in rating.context_line.plain() and receipt in rating.context_line.plain()
        )
        click(rating.level_buttons[max(rating.level_buttons)])
        click(rating.submit_button)
        qtbot.waitUntil(lambda: rating.rated is not None)
        k.queue.sync.sync_now()
        eventually(lambda: feedback_rows(central, receipt) == 1)
    finally:
        k.close()


def feedback_rows(central: CentralHandle, receipt_no: str) -> int:
    with sqlite3.connect(central.data_dir / "central.sqlite3") as db:
        row = db.execute(
            "SELECT COUNT(*) FROM feedback WHERE kind = 'evaluation' AND receipt_no = ?",
            (receipt_no,),
        ).fetchone()
    return int(row[0])


def test_offline_the_last_known_state_is_shown_with_its_age(
    qtbot, qapp, tmp_path, central: CentralHandle
):
    k = journey_kiosk(qapp, tmp_path, central)
    try:
        receipt = k.queue.outbox.submit(low_income_application(), PAGES).receipt_no
        assert receipt
        delivered(k, receipt)
        central.advance_case(receipt, "under_review", "富川县民政局")
        type_receipt(qtbot, k, receipt)  # seen once while online: the terminal keeps it
        central.stop()
        k.clock.shift(hours=3)
        click(k.current.home_button)
        type_receipt(qtbot, k, receipt)
        case = k.screen("progress.case")
        assert "3 小时前" in case.banner.plain() and "网络未连接" in case.banner.plain()
        assert "审核中" in case.status.plain() and "富川县民政局" in case.department.plain()
        shoot(k.window, "case-offline-age-elderly-zh")

        # An application queued while offline: the terminal's own state, the platform's none.
        offline_receipt = k.queue.outbox.submit(low_income_application(1), PAGES).receipt_no
        assert offline_receipt
        click(case.home_button)
        type_receipt(qtbot, k, offline_receipt)
        assert "保存在本机" in case.local.plain() and case.local.isVisible()
        assert "以本机的状态为准" in case.status.plain()
        shoot(k.window, "case-queued-locally-elderly-zh")
        central.start()
        delivered(k, offline_receipt)
        click(case.home_button)
        type_receipt(qtbot, k, offline_receipt)
        assert "已提交" in case.status.plain() and "最新状态" in case.banner.plain()
    finally:
        k.close()


def test_by_card_the_cases_needing_the_villager_come_first(
    qtbot, qapp, tmp_path, central: CentralHandle
):
    k = journey_kiosk(qapp, tmp_path, central)
    try:
        receipts = [submitted(k, n) for n in range(3)]
        for receipt in receipts:
            delivered(k, receipt)
        central.advance_case(receipts[0], "under_review")
        central.advance_case(receipts[1], "completed")
        central.advance_case(receipts[2], "correction_needed")
        k.window.ctx.session.identify(VILLAGER)  # what the identify step leaves behind
        k.window.navigator.go("progress.list", {"identity_check": "card"})
        listing = k.screen("progress.list")
        qtbot.waitUntil(lambda: len(listing.case_buttons) == 3)
        order = [b.text() for b in listing.case_buttons]
        assert receipts[2] in order[0] and "补正" in order[0]
        assert receipts[1] in order[1] and "已办结" in order[1]
        assert receipts[0] in order[2]
        assert "2 件需要您处理" in listing.banner.plain()
        shoot(k.window, "cases-by-card-elderly-zh")
        click(listing.case_buttons[0])
        assert k.current.name == "progress.case" and receipts[2] in k.current.receipt.plain()

        central.stop()
        k.window.navigator.go("progress.list", {"identity_check": "card"})
        qtbot.waitUntil(lambda: "不能按身份证查询" in listing.banner.plain())
        assert not listing.case_buttons
        click(button_with(listing, "输入回执编号"))
        assert k.current.name == "progress"
    finally:
        k.close()

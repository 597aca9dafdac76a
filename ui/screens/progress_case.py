"""One case: its state in big words, the department holding it, what the villager must do next
(if anything), this terminal's own state of the record, and the timeline. Offline, the last
known state with its age, said plainly. A finished case can be rated from here.

    navigate("progress.case", {"receipt_no": "K7Q2M-01A7-Q"})   # looked up on a worker
    navigate("progress.case", {"report": CaseReport})            # already found (by card)
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QHBoxLayout

from kiosk.domain.appointment import BookingState
from kiosk.domain.case import CaseStatus
from kiosk.ports.outbox import LocalState
from kiosk.services.progress import CaseReport, NextStep
from kiosk.services.tickets import CHINA
from ui.i18n import Text
from ui.navigation import Screen
from ui.screens.progress import CASE
from ui.widgets import Banner, BannerKind, BigButton, BodyLabel, TitleLabel

STATUS_SYMBOLS = {
    CaseStatus.SUBMITTED: "✉",
    CaseStatus.ACCEPTED: "✔",
    CaseStatus.UNDER_REVIEW: "◔",
    CaseStatus.CORRECTION_NEEDED: "⚠",
    CaseStatus.COMPLETED: "★",
    CaseStatus.REFUSED: "✖",
    CaseStatus.WITHDRAWN: "↩",
}
STATUS_TEXTS = {
    "case.status.submitted": Text("已提交", "يوللاندى"),
    "case.status.accepted": Text("已受理", "قوبۇل قىلىندى"),
    "case.status.under_review": Text("审核中", "تەكشۈرۈلۈۋاتىدۇ"),
    "case.status.correction_needed": Text("需要补正材料", "ماتېرىيال تولۇقلاش كېرەك"),
    "case.status.completed": Text("已办结", "بېجىرىلدى"),
    "case.status.refused": Text("不予受理", "قوبۇل قىلىنمىدى"),
    "case.status.withdrawn": Text("已撤回", "قايتۇرۇۋېلىندى"),
}
AGE_TEXTS = {
    "age.just_now": Text("刚才", "ھازىرلا"),
    "age.minutes": Text("{n} 分钟前", "{n} مىنۇت ئىلگىرى"),
    "age.hours": Text("{n} 小时前", "{n} سائەت ئىلگىرى"),
    "age.days": Text("{n} 天前", "{n} كۈن ئىلگىرى"),
}


NEXT_KINDS = {
    NextStep.CORRECTION: BannerKind.WARNING,
    NextStep.PICKUP: BannerKind.OK,
    NextStep.ASK: BannerKind.ERROR,
    NextStep.NONE: BannerKind.INFO,
}


def age_key(minutes: int) -> tuple[str, int]:
    if minutes < 1:
        return "age.just_now", 0
    if minutes < 60:
        return "age.minutes", minutes
    if minutes < 48 * 60:
        return "age.hours", minutes // 60
    return "age.days", minutes // (24 * 60)


def status_text(screen: Screen, status: CaseStatus) -> str:
    return f"{STATUS_SYMBOLS[status]} {screen.t('case.status.' + status.value)}"


def hall_time(at_ms: int) -> str:
    return datetime.fromtimestamp(at_ms / 1000, CHINA).strftime("%Y-%m-%d %H:%M")


class CaseScreen(Screen):
    name = "progress.case"
    title_key = "progress.case_title"
    messages = {
        **STATUS_TEXTS,
        **AGE_TEXTS,
        "progress.case_title": Text("办件进度", "ئىش ئەھۋالى"),
        "progress.looking": Text("正在查询，请稍候…", "سۈرۈشتۈرۈلۈۋاتىدۇ، سەل ساقلاڭ…"),
        "progress.not_found": Text(
            "没有查到这个编号的办件。请核对回执编号，或询问工作人员。",
            "بۇ نومۇردىكى ئىش تېپىلمىدى. تالون نومۇرىنى تەكشۈرۈڭ ياكى خىزمەتچىدىن سوراڭ.",
        ),
        "progress.offline_nothing": Text(
            "网络未连接，本机也没有这个编号的记录。请等网络恢复后再查，或询问工作人员。",
            "تور ئۇلانمىدى، بۇ ئۈسكۈنىدىمۇ بۇ نومۇرنىڭ خاتىرىسى يوق. تور ئەسلىگە كەلگەندە قايتا سۈرۈشتۈرۈڭ ياكى خىزمەتچىدىن سوراڭ.",
        ),
        "progress.fresh": Text(
            "这是平台刚刚告诉本机的最新状态。", "بۇ سۇپىنىڭ ھازىرلا بەرگەن ئەڭ يېڭى ئەھۋالى."
        ),
        "progress.stale": Text(
            "这是 {age} 的状态；网络未连接，连上后会更新。",
            "بۇ {age} ئەھۋال؛ تور ئۇلانمىدى، ئۇلانغاندىن كېيىن يېڭىلىنىدۇ.",
        ),
        "progress.offline_local": Text(
            "网络未连接，下面是本机的记录。", "تور ئۇلانمىدى، تۆۋەندىكىسى بۇ ئۈسكۈنىنىڭ خاتىرىسى."
        ),
        "progress.receipt": Text("回执编号：{receipt}", "تالون نومۇرى: {receipt}"),
        "progress.department": Text("办理部门：{department}", "بېجىرىدىغان ئورۇن: {department}"),
        "progress.next.correction": Text(
            "需要您做：请按通知补正材料，可到村代办员处或本终端办理。",
            "سىز قىلىدىغان ئىش: ئۇقتۇرۇش بويىچە ماتېرىيال تولۇقلاڭ، كەنت ۋاكالەتچىسىدە ياكى بۇ ئۈسكۈنىدە بېجىرسىڭىز بولىدۇ.",
        ),
        "progress.next.pickup": Text(
            "已办结：请按您选择的方式领取结果。",
            "بېجىرىلدى: تاللىغان ئۇسۇلىڭىز بويىچە نەتىجىنى ئېلىڭ.",
        ),
        "progress.next.ask": Text(
            "申请没有通过：可拨打 {phone} 咨询原因。",
            "ئىلتىماس ئۆتمىدى: سەۋەبىنى {phone} غا تېلېفون قىلىپ سوراڭ.",
        ),
        "progress.next.none": Text(
            "现在不需要您做什么，请耐心等待。",
            "ھازىر سىز ھېچنېمە قىلمىسىڭىز بولىدۇ، سەۋر قىلىپ ساقلاڭ.",
        ),
        "progress.local.queued": Text(
            "本机：申请已保存在本机，网络恢复后自动发送给平台。",
            "بۇ ئۈسكۈنە: ئىلتىماس بۇ يەردە ساقلاندى، تور ئەسلىگە كەلگەندە سۇپىغا ئاپتوماتىك ئەۋەتىلىدۇ.",
        ),
        "progress.local.sending": Text(
            "本机：正在发送给平台。", "بۇ ئۈسكۈنە: سۇپىغا ئەۋەتىلىۋاتىدۇ."
        ),
        "progress.local.delivered": Text("本机：平台已收到。", "بۇ ئۈسكۈنە: سۇپا تاپشۇرۇۋالدى."),
        "progress.local.dead": Text(
            "本机：发送遇到问题，工作人员会处理，请询问工作人员。",
            "بۇ ئۈسكۈنە: ئەۋەتىشتە مەسىلە كۆرۈلدى، خىزمەتچىدىن سوراڭ.",
        ),
        "progress.not_on_platform": Text(
            "平台还没有这份申请的进度，以本机的状态为准。",
            "سۇپىدا بۇ ئىلتىماسنىڭ ئەھۋالى تېخى يوق، بۇ ئۈسكۈنىدىكى ئەھۋال ئاساس.",
        ),
        "progress.booking.confirmed": Text(
            "✔ 预约已确认。请按预约时间到大厅，刷身份证签到取号。",
            "✔ ۋاقىت بەلگىلەش جەزملەندى. بەلگىلەنگەن ۋاقىتتا زالغا كېلىپ، كىملىك ئوقۇتۇپ نومۇر ئېلىڭ.",
        ),
        "progress.booking.waiting": Text(
            "◷ 预约还在等待平台确认，网络恢复后自动确认，请稍后再查。",
            "◷ ۋاقىت بەلگىلەش سۇپىنىڭ جەزملىشىنى ساقلاۋاتىدۇ، كېيىن قايتا سۈرۈشتۈرۈڭ.",
        ),
        "progress.booking.full": Text(
            "✖ 这个时段已经约满，预约没有成功。请重新预约其他时段。",
            "✖ بۇ ۋاقىت تولۇپ بولدى، ۋاقىت بەلگىلەش مەغلۇپ بولدى. باشقا ۋاقىت تاللاڭ.",
        ),
        "progress.booking.refused": Text(
            "✖ 预约没有成功，请询问工作人员。", "✖ ۋاقىت بەلگىلەش مەغلۇپ بولدى، خىزمەتچىدىن سوراڭ."
        ),
        "progress.timeline": Text("办理经过：", "بېجىرىش جەريانى:"),
        "progress.rate": Text("★ 评价这次服务", "★ بۇ مۇلازىمەتكە باھا بېرىش"),
        "progress.rebook": Text("重新预约", "قايتا ۋاقىت بەلگىلەش"),
        "progress.another": Text("查另一个", "باشقىسىنى سۈرۈشتۈرۈش"),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.report: CaseReport | None = None
        self.item = BodyLabel(role="field")
        self.receipt = BodyLabel()
        self.status = TitleLabel()
        self.department = BodyLabel()
        self.next_step = Banner()  # what the villager must do: symbol, words and colour
        self.local = BodyLabel()
        self.timeline = BodyLabel()
        for widget in (
            self.item,
            self.receipt,
            self.status,
            self.department,
            self.next_step,
            self.local,
            self.timeline,
        ):
            self.body.addWidget(widget)
        self.body.addStretch(1)
        buttons = QHBoxLayout()
        self.rate_button = BigButton()
        self.rate_button.clicked.connect(self._rate)
        self.rebook_button = BigButton()
        self.rebook_button.clicked.connect(lambda: self.navigate.emit("appointment", {}))
        self.another_button = BigButton(role="secondary")
        self.another_button.clicked.connect(
            lambda: self.navigate.emit("progress", {"purpose": CASE})
        )
        for button in (self.rate_button, self.rebook_button, self.another_button):
            buttons.addWidget(button)
        self.body.addLayout(buttons)
        self._message: tuple[BannerKind, str, dict[str, Any]] | None = None
        self._show()

    def available(self) -> bool:
        return self.ctx.services.progress is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.rate_button.setText(self.t("progress.rate"))
        self.rebook_button.setText(self.t("progress.rebook"))
        self.another_button.setText(self.t("progress.another"))
        self._show()

    def enter(self, **params: Any) -> None:
        super().enter(**params)
        report = params.get("report")
        if isinstance(report, CaseReport):
            self.report, self._message = report, None
            self._show()
        elif "receipt_no" in params:
            self._look_up(str(params["receipt_no"]))

    def forget(self) -> None:
        self.report, self._message = None, None
        self._show()
        super().forget()

    # --- looking it up ---------------------------------------------------------------------

    def _look_up(self, receipt_no: str) -> None:
        progress = self.ctx.services.progress
        if progress is None:
            return
        self.report = None
        self._message = (BannerKind.INFO, "progress.looking", {})
        self._show()
        self.ctx.run(lambda: progress.by_receipt(receipt_no), self._found, self._failed, hold=True)

    def _found(self, report: CaseReport | None) -> None:
        self.report = report
        self._message = (
            None if report is not None else (BannerKind.WARNING, "progress.not_found", {})
        )
        self._show()
        if report is not None and report.next_step is not NextStep.NONE:
            self.ctx.voice.say("progress.next." + report.next_step.value, phone=self._phone())

    def _failed(self, exc: Exception) -> None:
        self.report = None
        self._message = (BannerKind.ERROR, "progress.offline_nothing", {})
        self.ctx.error_text(exc)  # logged for the technician
        self._show()

    def _rate(self) -> None:
        report = self.report
        if report is None or report.case is None:
            return
        self.navigate.emit(
            "evaluation",
            {
                "receipt_no": report.receipt_no,
                "item_code": report.case.item_code,
                "item_name": report.case.item_name,
            },
        )

    # --- showing it --------------------------------------------------------------------------

    def _phone(self) -> str:
        return self.ctx.settings.service_phone

    def _show(self) -> None:
        r = self.report
        shown = r is not None
        for widget in (self.item, self.receipt, self.status, self.department):
            widget.setVisible(shown)
        self.another_button.setVisible(not self._busy())
        self.rate_button.setVisible(r is not None and r.finished)
        booking = None if r is None else r.booking
        self.rebook_button.setVisible(booking is not None and booking.state is BookingState.REFUSED)
        if r is None:
            for label in (self.local, self.timeline):
                label.set_plain("")
                label.hide()
            self.next_step.clear()
            if self._message is None:
                self.banner.clear()
            else:
                kind, key, params = self._message
                self.banner.show_message(kind, self.t(key, **params))
            return
        self._show_freshness(r)
        self.receipt.set_plain(self.t("progress.receipt", receipt=r.receipt_no))
        case, local = r.case, r.local
        self.item.set_plain(case.item_name if case else (local.item_name if local else ""))
        if case is not None:
            self.status.set_plain(status_text(self, case.status))
            self.department.set_plain(self.t("progress.department", department=case.department))
            text = self.t("progress.next." + r.next_step.value, phone=self._phone())
            self.next_step.show_message(NEXT_KINDS[r.next_step], text)
            lines = [
                f"{hall_time(e.at_ms)}  {self.t('case.status.' + e.status.value)}"
                f"  {e.department}" + (f"  {e.note}" if e.note else "")
                for e in reversed(case.timeline)
            ]
            self.timeline.set_plain(self.t("progress.timeline") + "\n" + "\n".join(lines))
        else:
            if booking is not None:
                self.status.set_plain(self._booking_text(booking.state, booking.slot_full))
            else:
                self.status.set_plain(self.t("progress.not_on_platform"))
            self.department.hide()
            self.next_step.clear()
            self.timeline.set_plain("")
        self.timeline.setVisible(bool(self.timeline.plain()))
        local_key = "" if local is None else "progress.local." + local.state.value
        self.local.set_plain(self.t(local_key) if local_key else "")
        self.local.setVisible(bool(local_key) and not self._delivered_and_known(r))

    def _booking_text(self, state: BookingState, slot_full: bool) -> str:
        if state is BookingState.CONFIRMED:
            return self.t("progress.booking.confirmed")
        if state is BookingState.REFUSED:
            return self.t("progress.booking.full" if slot_full else "progress.booking.refused")
        return self.t("progress.booking.waiting")

    @staticmethod
    def _delivered_and_known(r: CaseReport) -> bool:
        # Once the platform has the case, "received" adds nothing next to its own state.
        return r.case is not None and r.local is not None and r.local.state is LocalState.DELIVERED

    def _show_freshness(self, r: CaseReport) -> None:
        if r.fresh:
            if r.case is not None:
                self.banner.show_message(BannerKind.OK, self.t("progress.fresh"))
            else:
                self.banner.clear()
            return
        minutes = r.age_minutes(self.ctx.clock.now())
        if r.case is None or minutes is None:
            self.banner.show_message(BannerKind.WARNING, self.t("progress.offline_local"))
            return
        key, n = age_key(minutes)
        age = self.t(key, n=n)
        self.banner.show_message(BannerKind.WARNING, self.t("progress.stale", age=age))

    def _busy(self) -> bool:
        return self._message is not None and self._message[1] == "progress.looking"

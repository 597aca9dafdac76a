"""Review (what will be sent, and the one list of everything still missing), explicit consent,
and the result: the receipt number, whether the receipt printed, the offline words, the
receipt's QR on screen when the printer cannot print, and the payment QR where there is a fee."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.context import UiContext
from ui.i18n import Text
from ui.qr_view import QrView
from ui.screens.guide_parts import ScrollColumn
from ui.widgets import BigButton, BodyLabel, TitleLabel

REVIEW_MESSAGES = {
    "apply.review_title": Text("核对并提交", "تەكشۈرۈپ يوللاش"),
    "apply.missing_title": Text(
        "还缺下面这些，一次告诉您：", "تۆۋەندىكىلەر كەم، ھەممىسىنى بىرلا قېتىم ئېيتىمىز:"
    ),
    "apply.missing_material": Text("材料：{name}", "ماتېرىيال: {name}"),
    "apply.nothing_missing": Text("✔ 信息和材料都齐了。", "✔ ئۇچۇر ۋە ماتېرىياللار تولۇق."),
    "apply.pages_count": Text("已拍材料：{count} 页", "تارتىلغان ماتېرىيال: {count} بەت"),
    "apply.consent_text": Text(
        "我确认以上信息真实，同意把申请和材料交给政府部门办理。",
        "يۇقىرىدىكى ئۇچۇرلارنىڭ راستلىقىنى جەزملەيمەن، ئىلتىماس ۋە ماتېرىياللارنى ھۆكۈمەت ئورۇنلىرىغا بېرىشكە قوشۇلىمەن.",
    ),
    "apply.consent": Text("☐ 我同意", "☐ قوشۇلىمەن"),
    "apply.consented": Text("☑ 我同意", "☑ قوشۇلىمەن"),
    "apply.submit": Text("✔ 提交申请", "✔ ئىلتىماسنى يوللاش"),
    "apply.edit_form": Text("改填写的内容", "تولدۇرغانلىرىنى ئۆزگەرتىش"),
    "apply.edit_materials": Text("补拍材料", "ماتېرىيال تولۇقلاش"),
    "apply.submitting": Text(
        "正在提交并打印回执，请稍候……", "يوللىنىۋاتىدۇ ۋە تالون بېسىلىۋاتىدۇ، سەل ساقلاڭ……"
    ),
    "apply.fee_note": Text(
        "这个事项要交费 {yuan} 元，提交后可以扫码缴费。",
        "بۇ ئىشقا {yuan} يۈەن ھەق تۆلىنىدۇ، يوللىغاندىن كېيىن كود سكانېرلاپ تۆلىسىڭىز بولىدۇ.",
    ),
    "apply.agent_note": Text(
        "代办员 {name} 帮您办理。", "ۋاكالەتچى {name} سىزگە بېجىرىپ بېرىۋاتىدۇ."
    ),
    "apply.done_title": Text("申请已受理", "ئىلتىماس قوبۇل قىلىندى"),
    "apply.receipt_no": Text("回执编号：{number}", "تالون نومۇرى: {number}"),
    "apply.printed": Text(
        "✔ 回执已打印，请从出纸口取走，妥善保管。",
        "✔ تالون بېسىلدى، چىقىش ئېغىزىدىن ئېلىپ ياخشى ساقلاڭ.",
    ),
    "apply.offline_receipt": Text(
        "现在没有网络：申请已在本终端受理，网络恢复后自动发送，平台收到后正式生效。",
        "ھازىر تور يوق: ئىلتىماس بۇ ئۈسكۈنىدە قوبۇل قىلىندى، تور ئەسلىگە كەلگەندە ئاپتوماتىك يوللىنىدۇ، سۇپا تاپشۇرۇۋالغاندىن كېيىن رەسمىي كۈچكە ئىگە بولىدۇ.",
    ),
    "apply.online_receipt": Text("✔ 平台已经收到您的申请。", "✔ سۇپا ئىلتىماسىڭىزنى تاپشۇرۇۋالدى."),
    "apply.not_printed": Text(
        "回执没有打印出来（{why}）。申请没有丢，请用手机拍下这个二维码，或记下回执编号。",
        "تالون بېسىلمىدى ({why}). ئىلتىماس يوقالمىدى، بۇ QR كودنى يانفون بىلەن رەسىمگە تارتىۋېلىڭ ياكى تالون نومۇرىنى يېزىۋېلىڭ.",
    ),
    "apply.pay_qr": Text(
        "请用手机扫描下面的二维码缴费 {yuan} 元，缴费通知已打印。",
        "تۆۋەندىكى QR كودنى يانفون بىلەن سكانېرلاپ {yuan} يۈەن تۆلەڭ، تۆلەش ئۇقتۇرۇشى بېسىلدى.",
    ),
    "apply.pay_offline": Text(
        "现在没有网络，不能在本机缴费。网络恢复后用回执上的编号查询并缴费，或到窗口缴费。",
        "ھازىر تور يوق، بۇ ئۈسكۈنىدە پۇل تۆلىگىلى بولمايدۇ. تور ئەسلىگە كەلگەندە تالون نومۇرى بىلەن تۆلەڭ ياكى كۆزنەكتە تۆلەڭ.",
    ),
    "apply.pay_at_window": Text(
        "本机暂时不能缴费，请到窗口缴费。",
        "بۇ ئۈسكۈنىدە ھازىرچە پۇل تۆلىگىلى بولمايدۇ، كۆزنەكتە تۆلەڭ.",
    ),
    "apply.finish": Text("办完了，回首页", "تامام، باش بەتكە قايتىش"),
}


class ReviewPage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.consented = False
        box = QVBoxLayout(self)
        self.heading = TitleLabel()
        self.summary = ScrollColumn()
        self.missing = BodyLabel()
        self.edit_form = BigButton(role="secondary")
        self.edit_materials = BigButton(role="secondary")
        self.consent_text = BodyLabel(role="field")
        self.consent = BigButton(role="secondary")
        self.consent.setCheckable(True)
        self.consent.toggled.connect(self._toggled)
        self.submit = BigButton()
        box.addWidget(self.heading)
        box.addWidget(self.summary, 1)
        parts: tuple[QWidget, ...] = (
            self.missing,
            self.edit_form,
            self.edit_materials,
            self.consent_text,
            self.consent,
            self.submit,
        )
        for part in parts:
            box.addWidget(part)

    def t(self, key: str, **params: object) -> str:
        return self.ctx.tr.t(key, **params)

    def _toggled(self, on: bool) -> None:
        self.consented = on
        self.consent.setText(self.t("apply.consented" if on else "apply.consent"))

    def retranslate(self) -> None:
        self.heading.set_plain(self.t("apply.review_title"))
        self.edit_form.setText(self.t("apply.edit_form"))
        self.edit_materials.setText(self.t("apply.edit_materials"))
        self.consent.setText(self.t("apply.consented" if self.consented else "apply.consent"))
        self.consent_text.set_plain(self.t("apply.consent_text"))
        self.submit.setText(self.t("apply.submit"))

    def show_lines(self, lines: list[str], missing: list[str]) -> None:
        self.summary.set_widgets([BodyLabel(line) for line in lines])
        if missing:
            self.missing.set_plain(self.t("apply.missing_title") + "\n" + "\n".join(missing))
        else:
            self.missing.set_plain(self.t("apply.nothing_missing"))

    def forget(self) -> None:
        self.summary.clear()
        self.missing.set_plain("")
        self.consent.setChecked(False)


class DonePage(QWidget):
    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        box = QVBoxLayout(self)
        self.heading = TitleLabel()
        self.number = BodyLabel(role="field")
        self.printed = BodyLabel()
        self.state = BodyLabel()
        self.receipt_qr = QrView()
        self.payment = BodyLabel()
        self.payment_qr = QrView()
        self.finish = BigButton()
        for widget in (self.heading, self.number, self.printed, self.state):
            box.addWidget(widget)
        box.addWidget(self.receipt_qr, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.payment)
        box.addWidget(self.payment_qr, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(1)
        box.addWidget(self.finish)

    def retranslate(self) -> None:
        self.heading.set_plain(self.ctx.tr.t("apply.done_title"))
        self.finish.setText(self.ctx.tr.t("apply.finish"))

    def forget(self) -> None:
        for label in (self.number, self.printed, self.state, self.payment):
            label.set_plain("")
        self.receipt_qr.set_payload("")
        self.payment_qr.set_payload("")

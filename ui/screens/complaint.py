"""咨询投诉: a short form (what kind, which matter, what happened, a phone number), sent into
the offline queue with a receipt number shown at once, offline too; 12345 always shown.

Taps for the kind and the matter; the text and the phone come from the on-screen keyboard
(pinyin for the text, the digit pad for the phone: the phone field asks for digits). The
phone is optional for a consultation. Sending runs on a worker and is done once: the button is
disabled from the tap until the receipt shows. When the visit ends every field is wiped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from kiosk.domain.complaint import CATEGORIES, HOTLINE, MAX_TEXT, ComplaintKind
from kiosk.services.complaints import ComplaintReceipt, ReceiptWords
from ui.context import UiContext
from ui.i18n import Text
from ui.navigation import Screen
from ui.screens.guide_parts import ScrollColumn
from ui.widgets import BannerKind, BigButton, BodyLabel

# The platform's categories (Chinese, as they travel) -> the words shown for them.
CATEGORY_KEYS = dict(
    zip(
        CATEGORIES,
        (
            "complaint.cat.social_security",
            "complaint.cat.social_assistance",
            "complaint.cat.household",
            "complaint.cat.farming",
            "complaint.cat.health",
            "complaint.cat.service",
            "complaint.cat.other",
        ),
        strict=True,
    )
)
KIND_KEYS = {
    ComplaintKind.CONSULTATION: "complaint.kind.consultation",
    ComplaintKind.COMPLAINT: "complaint.kind.complaint",
}

COMPLAINT_MESSAGES = {
    "complaint.title": Text("咨询投诉", "مەسلىھەت ۋە ئەرز"),
    "complaint.hotline": Text(
        "☎ 也可以直接拨打 {phone} 政务服务便民热线。",
        "☎ {phone} ھۆكۈمەت مۇلازىمىتى قىزىق لىنىيىسىگە بىۋاسىتە تېلېفون قىلسىڭىزمۇ بولىدۇ.",
    ),
    "complaint.kind.consultation": Text("我要咨询", "مەسلىھەت سورايمەن"),
    "complaint.kind.complaint": Text("我要投诉", "ئەرز قىلىمەن"),
    "complaint.step_kind": Text("① 您要做什么？", "① نېمە قىلماقچىسىز؟"),
    "complaint.step_category": Text("② 是哪方面的事？", "② قايسى جەھەتتىكى ئىش؟"),
    "complaint.step_text": Text(
        "③ 请写下您的问题（点下面的框，用屏幕键盘输入）",
        "③ مەسىلىڭىزنى يېزىڭ (تۆۋەندىكى رامكىنى بېسىپ ئېكران كۇنۇپكا تاختىسىدا يېزىڭ)",
    ),
    "complaint.text_hint": Text(
        "例如：低保什么时候发？", "مەسىلەن: تۇرمۇش كاپالىتى پۇلى قاچان بېرىلىدۇ؟"
    ),
    "complaint.left": Text("还能写 {n} 个字", "يەنە {n} ھەرپ يازالايسىز"),
    "complaint.step_phone": Text("④ 您的手机号", "④ يانفون نومۇرىڭىز"),
    "complaint.phone_hint_consultation": Text(
        "手机号（咨询可以不填）", "يانفون نومۇرى (مەسلىھەتتە يازمىسىڭىزمۇ بولىدۇ)"
    ),
    "complaint.phone_hint_complaint": Text(
        "手机号（投诉必须填写，方便回复您）",
        "يانفون نومۇرى (ئەرزدە چوقۇم يېزىڭ، جاۋاب بېرىش ئۈچۈن)",
    ),
    "complaint.send": Text("✔ 提交", "✔ يوللاش"),
    "complaint.sending": Text("正在保存，请稍候…", "ساقلىنىۋاتىدۇ، سەل ساقلاڭ…"),
    "complaint.choose_kind": Text(
        "请先选择“我要咨询”或“我要投诉”。", "ئالدى بىلەن «مەسلىھەت» ياكى «ئەرز» نى تاللاڭ."
    ),
    "complaint.choose_category": Text(
        "请选择是哪方面的事。", "قايسى جەھەتتىكى ئىش ئىكەنلىكىنى تاللاڭ."
    ),
    "complaint.cat.social_security": Text("社会保障", "ئىجتىمائىي كاپالەت"),
    "complaint.cat.social_assistance": Text("社会救助", "ئىجتىمائىي ياردەم"),
    "complaint.cat.household": Text("户籍证件", "نوپۇس ۋە گۇۋاھنامە"),
    "complaint.cat.farming": Text("农业农村", "يېزا ئىگىلىكى ۋە يېزا"),
    "complaint.cat.health": Text("医疗卫生", "داۋالاش ۋە سەھىيە"),
    "complaint.cat.service": Text("办事服务", "ئىش بېجىرىش مۇلازىمىتى"),
    "complaint.cat.other": Text("其他", "باشقا"),
    # The domain's and the service's reasons (kiosk/domain/complaint.py, kiosk/services).
    "complaint.bad_category": Text(
        "请选择是哪方面的事。", "قايسى جەھەتتىكى ئىش ئىكەنلىكىنى تاللاڭ."
    ),
    "complaint.text_empty": Text("请写下您的问题。", "مەسىلىڭىزنى يېزىڭ."),
    "complaint.text_long": Text(
        "写得太长了，请不超过 500 个字。", "بەك ئۇزۇن بولۇپ كەتتى، 500 ھەرپتىن ئاشمىسۇن."
    ),
    "complaint.bad_phone": Text(
        "手机号不对，请输入 11 位手机号。", "يانفون نومۇرى توغرا ئەمەس، 11 خانىلىق نومۇر كىرگۈزۈڭ."
    ),
    "complaint.phone_needed": Text(
        "投诉需要留手机号，方便把处理结果告诉您。",
        "ئەرز قىلغاندا يانفون نومۇرى قالدۇرۇڭ، نەتىجىسىنى سىزگە ئۇقتۇرىمىز.",
    ),
    "complaint.not_ready": Text(
        "本机暂时不能受理咨询投诉，请拨打 12345 或询问工作人员。",
        "بۇ ئۈسكۈنە ھازىرچە مەسلىھەت ۋە ئەرز قوبۇل قىلالمايدۇ، 12345 كە تېلېفون قىلىڭ ياكى خىزمەتچىدىن سوراڭ.",
    ),
    "complaint.done": Text("已受理，回执编号：", "قوبۇل قىلىندى، رەسىدنامە نومۇرى:"),
    "complaint.offline": Text(
        "网络未连接：已保存在本机，网络恢复后自动发送。",
        "تور ئۇلانمىغان: بۇ ئۈسكۈنىدە ساقلاندى، تور ئەسلىگە كەلگەندە ئاپتوماتىك يوللىنىدۇ.",
    ),
    "complaint.online": Text(
        "已保存，正在发送给相关部门。", "ساقلاندى، مۇناسىۋەتلىك تارماققا يوللىنىۋاتىدۇ."
    ),
    "complaint.keep_number": Text(
        "请记下回执编号，可以凭编号查询处理结果。",
        "رەسىدنامە نومۇرىنى يېزىۋېلىڭ، بۇ نومۇر بىلەن نەتىجىنى سۈرۈشتۈرەلەيسىز.",
    ),
    "complaint.printed": Text("回执已打印，请取走。", "رەسىدنامە بېسىلدى، ئېلىۋېلىڭ."),
    "complaint.not_printed": Text(
        "回执没有打印出来，请记下上面的编号。",
        "رەسىدنامە بېسىلمىدى، يۇقىرىدىكى نومۇرنى يېزىۋېلىڭ.",
    ),
    "complaint.receipt_title": Text("咨询投诉回执", "مەسلىھەت ۋە ئەرز رەسىدنامىسى"),
    "complaint.receipt_footer": Text(
        "政务服务便民热线 {phone}", "ھۆكۈمەت مۇلازىمىتى قىزىق لىنىيىسى {phone}"
    ),
    "complaint.another": Text("再写一条", "يەنە بىرنى يېزىش"),
}


class ComplaintScreen(Screen):
    name = "complaint"
    title_key = "complaint.title"
    messages = COMPLAINT_MESSAGES

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self.kind: ComplaintKind | None = None
        self.category: str | None = None
        self.receipt: ComplaintReceipt | None = None
        self._sending = False
        self._visit = 0  # bumped when the visit ends: a late answer is then not shown
        self.form = ScrollColumn()
        self.kind_label = BodyLabel(role="field")
        kinds = QWidget()
        kind_row = QHBoxLayout(kinds)
        kind_row.setContentsMargins(0, 0, 0, 0)
        self.kind_buttons: dict[ComplaintKind, BigButton] = {}
        for kind in ComplaintKind:
            button = BigButton(role="secondary")
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, k=kind: self._choose_kind(k))
            self.kind_buttons[kind] = button
            kind_row.addWidget(button)
        self.category_label = BodyLabel(role="field")
        categories = QWidget()
        grid = QGridLayout(categories)
        grid.setContentsMargins(0, 0, 0, 0)
        self.category_buttons: dict[str, BigButton] = {}
        for i, category in enumerate(CATEGORIES):
            button = BigButton(role="secondary")
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, c=category: self._choose_category(c))
            self.category_buttons[category] = button
            grid.addWidget(button, i // 3, i % 3)
        self.text_label = BodyLabel(role="field")
        self.text = QPlainTextEdit()
        self.text.setObjectName("complaint-text")
        self.text.setMinimumHeight(3 * ctx.theme.mode.target_px)
        self.text.textChanged.connect(self._count)
        self.left = BodyLabel(role="small")
        self.phone_label = BodyLabel(role="field")
        self.phone = QLineEdit()
        self.phone.setObjectName("complaint-phone")
        self.phone.setMaxLength(20)
        # The keyboard shows its digit pad for a field that asks for digits only.
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.send_button = BigButton()
        self.send_button.clicked.connect(self._send)
        self.form.set_widgets(
            [
                self.kind_label,
                kinds,
                self.category_label,
                categories,
                self.text_label,
                self.text,
                self.left,
                self.phone_label,
                self.phone,
                self.send_button,
            ]
        )
        self.done = QWidget()
        done = QHBoxLayout(self.done)
        done.setContentsMargins(0, 0, 0, 0)
        self.done_text = BodyLabel()
        self.number = BodyLabel(role="display")
        self.number.setObjectName("complaint-receipt-no")
        self.another = BigButton(role="secondary")
        self.another.clicked.connect(self._start_over)
        done_column = ScrollColumn()
        done_column.set_widgets([self.done_text, self.number, self.another])
        done.addWidget(done_column)
        self.done.hide()
        self.hotline = BodyLabel()
        self.body.addWidget(self.form, 1)
        self.body.addWidget(self.done, 1)
        self.body.addWidget(self.hotline)

    # --- Screen ----------------------------------------------------------------------------

    def available(self) -> bool:
        desk = self.ctx.services.complaints
        return desk is not None and desk.ready

    def retranslate(self) -> None:
        super().retranslate()
        self.kind_label.set_plain(self.t("complaint.step_kind"))
        for kind, button in self.kind_buttons.items():
            button.setText(self.t(KIND_KEYS[kind]))
        self.category_label.set_plain(self.t("complaint.step_category"))
        for category, button in self.category_buttons.items():
            button.setText(self.t(CATEGORY_KEYS[category]))
        self.text_label.set_plain(self.t("complaint.step_text"))
        self.text.setPlaceholderText(self.t("complaint.text_hint"))
        self.phone_label.set_plain(self.t("complaint.step_phone"))
        self._phone_hint()
        self.send_button.setText(self.t("complaint.send"))
        self.another.setText(self.t("complaint.another"))
        self.hotline.set_plain(self.t("complaint.hotline", phone=HOTLINE))
        self._count()
        if self.receipt is not None:
            self._show_receipt(self.receipt)

    def forget(self) -> None:
        self._visit += 1
        self._sending = False
        self.send_button.setEnabled(True)
        self._start_over()
        super().forget()

    # --- the form --------------------------------------------------------------------------

    def _choose_kind(self, kind: ComplaintKind) -> None:
        self.kind = kind
        for k, button in self.kind_buttons.items():
            button.setChecked(k is kind)
        self._phone_hint()

    def _choose_category(self, category: str) -> None:
        self.category = category
        for c, button in self.category_buttons.items():
            button.setChecked(c == category)

    def _phone_hint(self) -> None:
        complaint = self.kind is ComplaintKind.COMPLAINT
        key = "complaint.phone_hint_complaint" if complaint else "complaint.phone_hint_consultation"
        self.phone.setPlaceholderText(self.t(key))

    def _count(self) -> None:
        self.left.set_plain(self.t("complaint.left", n=max(0, MAX_TEXT - len(self.written()))))

    def written(self) -> str:
        return self.text.toPlainText()

    def problem(self) -> str | None:
        """The message key of what the person still has to do, or None."""
        desk = self.ctx.services.complaints
        if self.kind is None:
            return "complaint.choose_kind"
        if self.category is None:
            return "complaint.choose_category"
        if desk is None:
            return "complaint.not_ready"
        return desk.check(self.kind, self.category, self.written(), self.phone.text())

    def _send(self) -> None:
        desk = self.ctx.services.complaints
        problem = self.problem()
        if problem is not None or desk is None or self.kind is None or self.category is None:
            self.banner.show_message(BannerKind.WARNING, self.t(problem or "complaint.not_ready"))
            return
        if self._sending:  # one tap, one message
            return
        self._sending = True
        self.send_button.setEnabled(False)
        self.banner.show_message(BannerKind.INFO, self.t("complaint.sending"))
        kind, category, text, phone = self.kind, self.category, self.written(), self.phone.text()
        words = ReceiptWords(
            self.t("complaint.receipt_title"),
            (self.t("complaint.keep_number"),),
            self.t("complaint.receipt_footer", phone=HOTLINE),
        )
        visit = self._visit
        self.ctx.run(
            lambda: desk.send(kind, category, text, phone, words),
            lambda receipt: self._sent(receipt) if visit == self._visit else None,
            lambda exc: self._failed(exc) if visit == self._visit else None,
            hold=True,
        )

    def _sent(self, receipt: ComplaintReceipt) -> None:
        self._sending = False
        self.send_button.setEnabled(True)
        self.receipt = receipt
        # The words are in the queue now; the screen keeps only the receipt number.
        self.text.clear()
        self.phone.clear()
        self._show_receipt(receipt)

    def _show_receipt(self, receipt: ComplaintReceipt) -> None:
        lines = [self.t("complaint.offline" if receipt.offline else "complaint.online")]
        lines.append(self.t("complaint.keep_number"))
        if receipt.printed:
            lines.append(self.t("complaint.printed"))
        elif receipt.print_problem:
            lines.append(self.t("complaint.not_printed"))
        self.banner.show_message(BannerKind.OK, self.t("complaint.done"))
        self.number.set_plain(receipt.receipt_no)
        self.done_text.set_plain("\n".join(lines))
        self.form.hide()
        self.done.show()

    def _failed(self, exc: Exception) -> None:
        self._sending = False
        self.send_button.setEnabled(True)
        self.banner.show_message(BannerKind.ERROR, self.ctx.error_text(exc))

    def _start_over(self) -> None:
        self.kind = None
        self.category = None
        self.receipt = None
        for button in (*self.kind_buttons.values(), *self.category_buttons.values()):
            button.setChecked(False)
        self.text.clear()
        self.phone.clear()
        self.number.set_plain("")
        self.done_text.set_plain("")
        self.done.hide()
        self.form.show()
        self.banner.clear()
        self._phone_hint()

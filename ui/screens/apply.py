"""Apply (我要办事): from an item's guide page, through identify, to the printed receipt.

    navigate("apply", {"item_code": "000113001000"})

1. The item is loaded (worker); a person not yet identified in this visit is sent to the
   identify step, which comes back here with `identity_check`.
2. The same card holder's half-finished application is offered again ("continue or start
   again"); anybody else starts clean (drafts are filed under the card holder).
3. The form, pre-filled from the card and checked field by field (apply_form.py).
4. Materials, photographed one page at a time with the live outline (apply_materials.py).
5. Review with the one list of everything still missing, explicit consent, submit (worker,
   with the idle clock held): queued durably, the receipt printed, the payment QR if any.

Every step is kept in the draft as it is done. With `UiContext.agent` set, items the platform
marks as not for proxy handling are refused in plain words. Thread: GUI.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.catalog import ServiceItem
from kiosk.domain.identity import Identity
from kiosk.ports.camera import Frame, FrameArray
from kiosk.ports.documents import PageLook
from kiosk.ports.outbox import Page
from kiosk.services.apply import (
    ApplyDraft,
    ApplyService,
    ProxyNotAllowed,
    QueueRefusing,
    ReceiptWords,
    Submitted,
    fee_fen,
    needs_photo,
)
from kiosk.services.guide import yuan
from ui.bridge import connect_while
from ui.context import UiContext
from ui.i18n import Text
from ui.navigation import Screen
from ui.screens.apply_form import FORM_MESSAGES, FormFields, error_text
from ui.screens.apply_materials import MATERIALS_MESSAGES, MaterialsPage
from ui.screens.apply_review import REVIEW_MESSAGES, DonePage, ReviewPage
from ui.widgets import BannerKind, BigButton, BodyLabel, TitleLabel

SPEAK_EVERY_S = 4.0  # the same page guidance is repeated at most this often


class ApplyScreen(Screen):
    name = "apply"
    title_key = "apply.title"
    messages = {
        **FORM_MESSAGES,
        **MATERIALS_MESSAGES,
        **REVIEW_MESSAGES,
        "apply.title": Text("我要办事", "ئىش بېجىرىش"),
        "apply.loading": Text("正在打开表格……", "جەدۋەل ئېچىلىۋاتىدۇ……"),
        "apply.choose": Text(
            "先找到您要办的事：在办事指南里可以按类别找，也可以搜索。",
            "ئاۋۋال بېجىرمەكچى بولغان ئىشنى تېپىڭ: ئىش يېتەكچىسىدە تۈر بويىچە ياكى ئىزدەپ تاپالايسىز.",
        ),
        "apply.to_guide": Text("去办事指南找", "ئىش يېتەكچىسىدىن ئىزدەش"),
        "apply.not_here": Text(
            "这个事项本机不能申请，请到便民服务中心窗口办理。",
            "بۇ ئىشنى بۇ ئۈسكۈنىدە ئىلتىماس قىلغىلى بولمايدۇ، مۇلازىمەت مەركىزى كۆزنىكىدە بېجىرىڭ.",
        ),
        "apply.no_proxy": Text(
            "这个事项必须本人亲自办理，代办员不能代办。请本人带证件来办。",
            "بۇ ئىشنى چوقۇم ئۆزى بېجىرىشى كېرەك، ۋاكالەتچى بېجىرەلمەيدۇ. ئۆزى كىملىكىنى ئېلىپ كەلسۇن.",
        ),
        "apply.not_ready": Text(
            "本机还没有准备好接收申请，请稍后再试或询问工作人员。",
            "بۇ ئۈسكۈنە تېخى ئىلتىماس قوبۇل قىلىشقا تەييار ئەمەس، سەل تۇرۇپ قايتا سىناڭ ياكى خىزمەتچىدىن سوراڭ.",
        ),
        "apply.incomplete": Text(
            "表格还没有填完整，请看红色的提示。",
            "جەدۋەل تولۇق تولدۇرۇلمىدى، قىزىل ئەسكەرتىشلەرگە قاراڭ.",
        ),
        "apply.resume_title": Text(
            "您上次办到一半，要接着办吗？", "ئالدىنقى قېتىم يېرىم بېجىرگەنىدىڭىز، داۋاملاشتۇرامسىز؟"
        ),
        "apply.resume": Text("接着办", "داۋاملاشتۇرۇش"),
        "apply.restart": Text("重新开始", "قايتا باشلاش"),
        "apply.form_title": Text("填写申请表", "ئىلتىماس جەدۋىلىنى تولدۇرۇش"),
        "apply.form_hint": Text(
            "灰色的内容是从您的证件读出来的，不用改。",
            "كۈلرەڭ ئۇچۇرلار كارتىڭىزدىن ئوقۇلدى، ئۆزگەرتمەڭ.",
        ),
        "apply.form_next": Text("下一步：拍材料", "كېيىنكى قەدەم: ماتېرىيال تارتىش"),
        "apply.form_problems": Text(
            "还有 {count} 处要改，请看红色的提示。",
            "يەنە {count} يەرنى ئۆزگەرتىش كېرەك، قىزىل ئەسكەرتىشلەرگە قاراڭ.",
        ),
        "apply.receipt_title": Text("受理回执", "قوبۇل قىلىش تالونى"),
        "apply.receipt_step_review": Text(
            "工作人员会在规定时间内审核，结果会短信通知您。",
            "خىزمەتچىلەر بەلگىلەنگەن ۋاقىت ئىچىدە تەكشۈرىدۇ، نەتىجىسى قىسقا ئۇچۇر ئارقىلىق ئۇقتۇرۇلىدۇ.",
        ),
        "apply.receipt_step_keep": Text(
            "请保管好回执，凭回执编号或二维码查询进度。",
            "تالوننى ياخشى ساقلاڭ، تالون نومۇرى ياكى QR كود ئارقىلىق ئەھۋالنى سورىيالايسىز.",
        ),
        "apply.receipt_footer": Text(
            "政务服务便民热线 {phone}", "ھۆكۈمەت مۇلازىمىتى قىزىق لىنىيەسى {phone}"
        ),
        "apply.payment_title": Text("缴费通知", "ھەق تۆلەش ئۇقتۇرۇشى"),
        "apply.payment_step": Text(
            "应缴 {yuan} 元，请用手机扫描下方二维码缴费。",
            "تۆلەيدىغىنى {yuan} يۈەن، تۆۋەندىكى QR كودنى يانفون بىلەن سكانېرلاپ تۆلەڭ.",
        ),
    }

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self._code = ""
        self._check = ""  # how the person was identified ("face", "card", "staff")
        self._item: ServiceItem | None = None
        self._identity: Identity | None = None
        self._draft: ApplyDraft | None = None
        self._current: int | None = None  # the material being photographed
        self._skipped: set[int] = set()
        self._frame: FrameArray | None = None
        self._looking = False
        self._scanning = False
        self._busy = False  # submitting
        self._generation = 0  # results of workers started before a change are dropped
        self._camera_generation = 0  # likewise for looks and scans, when the camera stops
        self._spoken: tuple[str, float] = ("", 0.0)
        self._disconnects: list[Any] = []
        self.result: Submitted | None = None

        self.pages = QStackedWidget()
        self.body.addWidget(self.pages, 1)
        # start: entered from the home tile, before an item is chosen
        self.start_page = QWidget()
        start = QVBoxLayout(self.start_page)
        self.choose_text = TitleLabel()
        self.to_guide_button = BigButton()
        self.to_guide_button.clicked.connect(lambda: self.navigate.emit("guide", {}))
        start.addWidget(self.choose_text)
        start.addWidget(self.to_guide_button)
        start.addStretch(1)
        # resume
        self.resume_page = QWidget()
        resume = QVBoxLayout(self.resume_page)
        self.resume_text = TitleLabel()
        self.resume_button = BigButton()
        self.restart_button = BigButton(role="secondary")
        resume.addWidget(self.resume_text)
        resume.addWidget(self.resume_button)
        resume.addWidget(self.restart_button)
        resume.addStretch(1)
        self.resume_button.clicked.connect(self._resume)
        self.restart_button.clicked.connect(self._restart)
        # form
        self.form_page = QWidget()
        form = QVBoxLayout(self.form_page)
        self.form_title = TitleLabel()
        self.form_hint = BodyLabel(role="small")
        self.form = FormFields(ctx)
        self.form.edited.connect(self._edited)
        self.form_next = BigButton()
        self.form_next.clicked.connect(self._form_done)
        form.addWidget(self.form_title)
        form.addWidget(self.form_hint)
        form.addWidget(self.form, 1)
        form.addWidget(self.form_next)
        # materials, review, done
        self.materials = MaterialsPage(ctx)
        self.materials.capture_button.clicked.connect(self._capture)
        self.materials.skip_button.clicked.connect(self._skip)
        self.materials.retake_button.clicked.connect(self._retake)
        self.materials.next_button.clicked.connect(self._to_review)
        self.review = ReviewPage(ctx)
        self.review.consent.toggled.connect(lambda _on: self._update_submit())
        self.review.submit.clicked.connect(self._submit)
        self.review.edit_form.clicked.connect(lambda: self._show_step("form"))
        self.review.edit_materials.clicked.connect(lambda: self._show_step("materials"))
        self.done = DonePage(ctx)
        self.done.finish.clicked.connect(self.go_home.emit)
        pages = (self.start_page, self.resume_page, self.form_page, self.materials, self.review)
        for page in (*pages, self.done):
            self.pages.addWidget(page)

    # --- the frame ---------------------------------------------------------------------------

    @property
    def _service(self) -> ApplyService | None:
        return self.ctx.services.apply

    def available(self) -> bool:
        return self._service is not None

    def retranslate(self) -> None:
        super().retranslate()
        if self._item is not None:
            self.title.setText(self._item.short_name)
        self.choose_text.set_plain(self.t("apply.choose"))
        self.to_guide_button.setText(self.t("apply.to_guide"))
        self.resume_text.set_plain(self.t("apply.resume_title"))
        self.resume_button.setText(self.t("apply.resume"))
        self.restart_button.setText(self.t("apply.restart"))
        self.form_title.set_plain(self.t("apply.form_title"))
        self.form_hint.set_plain(self.t("apply.form_hint"))
        self.form_next.setText(self.t("apply.form_next"))
        self.form.retranslate()
        self.materials.retranslate()
        self.review.retranslate()
        self.done.retranslate()
        if self._item is not None and self._draft is not None:
            if self.pages.currentWidget() is self.materials:
                self.materials.show_state(self._item, self._draft, self._current)
            elif self.pages.currentWidget() is self.review:
                self._fill_review()

    def enter(self, **params: Any) -> None:
        super().enter(**params)
        service = self._service
        if service is None:
            return
        if "item_code" not in params:
            if not self._code:  # from the home tile: the item is chosen in the guide first
                self.pages.setCurrentWidget(self.start_page)
            elif not self._check:  # back from identify without being identified
                self.go_back.emit()
            return
        code = str(params["item_code"])
        if code != self._code:
            self._reset()
            self._code = code
        self._check = str(params.get("identity_check", self._check))
        self.banner.show_message(BannerKind.INFO, self.t("apply.loading"))
        agent = self.ctx.agent
        self.ctx.run(lambda: service.load_item(code, agent), self._loaded, self._failed)

    def leave(self) -> None:
        self._stop_camera()

    def forget(self) -> None:
        self._reset()
        self._code = ""
        self._check = ""
        super().forget()

    def _reset(self) -> None:
        self._stop_camera()
        self._generation += 1
        self._item, self._identity, self._draft, self.result = None, None, None, None
        self._current, self._skipped, self._frame = None, set(), None
        self._busy = self._looking = self._scanning = False
        self.form.forget()
        self.materials.forget()
        self.review.forget()
        self.done.forget()
        self.pages.setCurrentWidget(self.start_page)

    def _failed(self, exc: Exception) -> None:
        self.banner.show_message(BannerKind.ERROR, self.ctx.error_text(exc))
        if isinstance(exc, ProxyNotAllowed | QueueRefusing):
            self.ctx.voice.say(exc.message_key)

    # --- start: identify, then the draft -------------------------------------------------------

    def _loaded(self, item: ServiceItem) -> None:
        service = self._service
        identity = self.ctx.session.identity
        if service is None or item.code != self._code:
            return
        self.banner.clear()
        self._item = item
        self.title.setText(item.short_name)
        if not self._check or identity is None:
            self._check = ""
            self.navigate.emit(
                "identify",
                {
                    "next": "apply",
                    "next_params": {"item_code": item.code},
                    "face": True,
                    "purpose_key": "identify.for",
                    "purpose_params": {"item": item.name},
                },
            )
            return
        if self._identity is identity and self._draft is not None:
            return  # back to a step already showing (e.g. from the identify step passed by)
        self._identity = identity
        self._draft, resumed = service.draft_for(identity, item.code)
        if resumed:
            self.pages.setCurrentWidget(self.resume_page)
            self.ctx.voice.say("apply.resume_title")
        else:
            self._show_step("form")

    def _resume(self) -> None:
        if self._draft is not None:
            self._show_step(self._draft.step)

    def _restart(self) -> None:
        service, identity = self._service, self._identity
        if service is None or identity is None or self._item is None:
            return
        service.drop(identity)
        self._draft = ApplyDraft(self._item.code)
        self._show_step("form")

    def _keep(self) -> None:
        service, identity, draft = self._service, self._identity, self._draft
        if service is not None and identity is not None and draft is not None:
            service.keep(identity, draft)

    def _show_step(self, step: str) -> None:
        item, identity, draft = self._item, self._identity, self._draft
        if item is None or identity is None or draft is None:
            return
        draft.step = step
        self._keep()
        self.banner.clear()
        if step == "materials":
            self._skipped = set()
            self._current = self._next_material()
            self.materials.show_state(item, draft, self._current)
            self.pages.setCurrentWidget(self.materials)
            self._start_camera()
            self.ctx.voice.say("apply.material_place")
            return
        self._stop_camera()
        if step == "review":
            self._fill_review()
            self.pages.setCurrentWidget(self.review)
            self.ctx.voice.say("apply.review_title")
            return
        self.form.show_item(item, identity, draft.values)
        self.pages.setCurrentWidget(self.form_page)
        self.ctx.voice.say("apply.form_title")

    # --- the form ----------------------------------------------------------------------------

    def _take_values(self) -> list[Any]:
        service, item, identity, draft = self._service, self._item, self._identity, self._draft
        if service is None or item is None or identity is None or draft is None:
            return []
        draft.values = service.coerce(item, self.form.raw())
        self._keep()
        return service.check_form(item, identity, draft.values)

    def _edited(self, name: str) -> None:
        self.form.show_errors(self._take_values(), only={name})

    def _form_done(self) -> None:
        errors = self._take_values()
        self.form.show_errors(errors)
        if errors:
            self.banner.show_message(
                BannerKind.ERROR, self.t("apply.form_problems", count=len(errors))
            )
            first = self.form.first_problem()
            if first is not None:
                self.form.ensureWidgetVisible(first)
            self.ctx.voice.say("apply.form_problems", count=len(errors))
            return
        self._show_step("materials")

    # --- materials ---------------------------------------------------------------------------

    def _next_material(self) -> int | None:
        item, draft = self._item, self._draft
        if item is None or draft is None:
            return None
        for index, material in enumerate(item.materials):
            have = len(draft.pages.get(index, []))
            if needs_photo(material) and have < material.count and index not in self._skipped:
                return index
        return None

    def _start_camera(self) -> None:
        bridge = self.ctx.devices
        if bridge is None or not bridge.has_camera:
            self.materials.guidance.set_plain(self.t("apply.no_camera"))
            self.materials.capture_button.setEnabled(False)
            return
        self.materials.capture_button.setEnabled(True)
        if not self._disconnects:
            self._disconnects.append(connect_while(bridge.frame_ready, self._on_frame))
            bridge.use_camera(self)

    def _stop_camera(self) -> None:
        # Looks and scans still on workers are dropped: their widgets may be gone by then.
        self._camera_generation += 1
        self._looking = self._scanning = False
        self.materials.capture_button.setEnabled(True)
        for disconnect in self._disconnects:
            disconnect()
        self._disconnects.clear()
        bridge = self.ctx.devices
        if bridge is not None:
            bridge.release_camera(self)
        self.materials.preview.clear()
        self._frame = None

    def _on_frame(self, frame: Frame) -> None:
        if self._current is None:
            return
        self._frame = frame.image
        self.materials.preview.set_frame(frame.image)
        service = self._service
        if self._looking or self._scanning or service is None:
            return
        self._looking = True
        generation, image = self._camera_generation, frame.image
        self.ctx.run(
            lambda: service.look(image),
            lambda look: self._looked(generation, look),
            lambda exc: self._look_failed(generation, exc),
        )

    def _looked(self, generation: int, look: PageLook) -> None:
        if generation != self._camera_generation:
            return
        self._looking = False
        if self._scanning or self._current is None:
            return
        self.materials.preview.set_page(look.corners, look.ok)
        self._guide(look.guidance)

    def _look_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._camera_generation:
            self._looking = False
            self.banner.show_message(BannerKind.ERROR, self.ctx.error_text(exc))

    def _guide(self, key: str) -> None:
        self.materials.guidance.set_plain(self.t(key))
        now = self.ctx.clock.monotonic()
        last_key, last_at = self._spoken
        if key != last_key or now - last_at >= SPEAK_EVERY_S:
            self._spoken = (key, now)
            self.ctx.voice.say(key)

    def _capture(self) -> None:
        service, image, index, draft = self._service, self._frame, self._current, self._draft
        if service is None or image is None or index is None or draft is None or self._scanning:
            return
        self._scanning = True
        self.materials.capture_button.setEnabled(False)
        self.materials.guidance.set_plain(self.t("apply.capturing"))
        generation, page_no = self._camera_generation, len(draft.pages.get(index, [])) + 1
        self.ctx.run(
            lambda: service.scan(image, index, page_no),
            lambda result: self._scanned(generation, index, result),
            lambda exc: self._scan_failed(generation, exc),
            hold=True,
        )

    def _scanned(self, generation: int, index: int, result: tuple[PageLook, Page | None]) -> None:
        if generation != self._camera_generation or self._draft is None or self._item is None:
            return
        self._scanning = False
        self.materials.capture_button.setEnabled(True)
        look, page = result
        if page is None:
            self._spoken = ("", 0.0)
            self._guide(look.guidance)
            return
        self._draft.pages.setdefault(index, []).append(page)
        self._keep()
        self.materials.guidance.set_plain(self.t("apply.captured"))
        self.ctx.voice.say("apply.captured")
        self._current = self._next_material()
        self.materials.show_state(self._item, self._draft, self._current)

    def _scan_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._camera_generation:
            self._scanning = False
            self.materials.capture_button.setEnabled(True)
            self.banner.show_message(BannerKind.ERROR, self.ctx.error_text(exc))

    def _skip(self) -> None:
        if self._current is None or self._item is None or self._draft is None:
            return
        self._skipped.add(self._current)
        self._current = self._next_material()
        self.materials.show_state(self._item, self._draft, self._current)

    def _retake(self) -> None:
        index, draft, item = self._current, self._draft, self._item
        if draft is None or item is None:
            return
        if index is None or not draft.pages.get(index):
            return
        draft.pages[index].pop()
        self._keep()
        self.materials.show_state(item, draft, index)

    def _to_review(self) -> None:
        self._show_step("review")

    # --- review and submit -------------------------------------------------------------------

    def _missing_lines(self) -> list[str]:
        service, item, identity, draft = self._service, self._item, self._identity, self._draft
        if service is None or item is None or identity is None or draft is None:
            return []
        lines = []
        for m in service.missing(item, identity, draft):
            if m.kind == "field":
                lines.append("✖ " + error_text(self.ctx, m.message_key, m.title, m.params))
            else:
                lines.append("✖ " + self.t("apply.missing_material", name=m.title))
        return lines

    def _fill_review(self) -> None:
        service, item, identity, draft = self._service, self._item, self._identity, self._draft
        if service is None or item is None or identity is None or draft is None:
            return
        self.form.show_item(item, identity, draft.values)  # the same masked card values
        lines = [item.name]
        for name, field in self.form.fields.items():
            value = field.edit.text() if field.edit is not None else self.form.raw().get(name, "")
            if value == "true":
                value = self.t("apply.yes")
            lines.append(f"{field.title}：{value}")
        pages = sum(len(p) for p in draft.pages.values())
        lines.append(self.t("apply.pages_count", count=pages))
        if fee_fen(item) > 0:
            lines.append(self.t("apply.fee_note", yuan=yuan(fee_fen(item))))
        if self.ctx.agent is not None:
            lines.append(self.t("apply.agent_note", name=self.ctx.agent.name))
        self.review.show_lines(lines, self._missing_lines())
        self._update_submit()

    def _update_submit(self) -> None:
        complete = not self._missing_lines()
        self.review.submit.setEnabled(complete and self.review.consented and not self._busy)
        # Nobody leaves the review while their application is being queued and printed.
        self.review.edit_form.setEnabled(not self._busy)
        self.review.edit_materials.setEnabled(not self._busy)

    def _words(self, item: ServiceItem) -> ReceiptWords:
        fee = yuan(fee_fen(item))
        return ReceiptWords(
            title=self.t("apply.receipt_title"),
            next_steps=(self.t("apply.receipt_step_review"), self.t("apply.receipt_step_keep")),
            footer=self.t("apply.receipt_footer", phone=self.ctx.settings.service_phone),
            payment_title=self.t("apply.payment_title"),
            payment_steps=(self.t("apply.payment_step", yuan=fee),),
        )

    def _submit(self) -> None:
        service, item, identity, draft = self._service, self._item, self._identity, self._draft
        if service is None or item is None or identity is None or draft is None or self._busy:
            return
        if not self.review.consented:
            return
        self._busy = True
        self._update_submit()
        self.banner.show_message(BannerKind.INFO, self.t("apply.submitting"))
        self.ctx.voice.say("apply.submitting")
        words, agent, generation = self._words(item), self.ctx.agent, self._generation
        self.ctx.run(
            lambda: service.submit(item, identity, draft, words, agent),
            lambda result: self._submitted(generation, result),
            lambda exc: self._submit_failed(generation, exc),
            hold=True,
        )

    def _submitted(self, generation: int, result: Submitted) -> None:
        if generation != self._generation:
            return
        self._busy = False
        service, identity, item = self._service, self._identity, self._item
        if service is not None and identity is not None:
            service.drop(identity)  # done: nothing half-finished is left to offer
        self.ctx.session.release_card_hold()
        self.result = result
        self.banner.clear()
        done = self.done
        done.number.set_plain(self.t("apply.receipt_no", number=result.receipt.receipt_no))
        if result.printed:
            done.printed.set_plain(self.t("apply.printed"))
            done.receipt_qr.set_payload("")
        else:
            why = self.t(result.print_problem)
            done.printed.set_plain(self.t("apply.not_printed", why=why))
            done.receipt_qr.set_payload(result.receipt.qr_payload)
        done.receipt_qr.setVisible(not result.printed)
        state = "apply.online_receipt" if result.delivered else "apply.offline_receipt"
        done.state.set_plain(self.t(state))
        fee = yuan(fee_fen(item)) if item is not None else "0"
        if result.payment is not None:
            done.payment.set_plain(self.t("apply.pay_qr", yuan=fee))
            done.payment_qr.set_payload(result.payment.qr_payload)
        else:
            done.payment.set_plain(self.t(result.payment_problem) if result.payment_problem else "")
            done.payment_qr.set_payload("")
        done.payment.setVisible(bool(done.payment.plain()))
        done.payment_qr.setVisible(result.payment is not None)
        self.pages.setCurrentWidget(done)
        self.ctx.voice.say("apply.printed" if result.printed else "apply.not_printed", why="")

    def _submit_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._busy = False
        self._update_submit()
        self.banner.show_message(BannerKind.ERROR, self.ctx.error_text(exc))

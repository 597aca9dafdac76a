"""Identify: the step other journeys enter before they need to know who is at the terminal.

    navigate("identify", {"next": "apply.form", "next_params": {...}, "face": True,
                          "purpose_key": "identify.for", "purpose_params": {"item": name}})

1. "Place your card on the reader", with a drawn animation and the words spoken. Every reader
   failure says what happened and what to do (unreadable, taken away too soon, not an ID or
   social-security card, needs a PSAM, expired, no reader).
2. The card's data shown back, masked so a bystander cannot read it (张*, 110***********7777):
   "is this you?". Nobody types what the card says.
3. With `face`: the camera, with a circle to put the face in and spoken guidance, the match
   against the card photo and a head turn (on workers: about 0.2 s per match). A mismatch or a
   missed turn may be retried; after that, or when there is no card photo to compare with, the
   visit goes on only with staff: the application says so and is confirmed at the window.
4. Then `next`, with `identity_check` ("face", "card" or "staff") added to `next_params`.

A person already identified in this visit goes straight through; going back through this
screen passes it by. Thread: GUI.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.identity import Identity
from kiosk.ports.camera import Frame
from kiosk.ports.card_reader import CardEvent, CardEventKind
from kiosk.ports.device import DeviceState, DeviceStatus
from kiosk.services.identify import (
    FaceCheck,
    FacePhase,
    FaceStep,
    IdentifyService,
    IdentityCheck,
    mask_id_number,
)
from ui.bridge import DeviceBridge, connect_while
from ui.camera_preview import CameraPreview, Outline
from ui.context import UiContext
from ui.i18n import Text
from ui.navigation import Screen
from ui.screens.identify_widgets import CardAnimation
from ui.widgets import BannerKind, BigButton, BodyLabel, TitleLabel

log = logging.getLogger(__name__)
SPEAK_EVERY_S = 4.0  # the same face guidance is repeated at most this often


class IdentifyScreen(Screen):
    name = "identify"
    title_key = "identify.title"
    messages = {
        "identify.title": Text("核验身份", "كىملىك دەلىللەش"),
        "identify.for": Text("办理：{item}", "بېجىرىدىغان ئىش: {item}"),
        "identify.place_card": Text(
            "请把身份证或社保卡平放在下方的读卡区。",
            "كىملىك ياكى ئىجتىمائىي كاپالەت كارتىڭىزنى تۆۋەندىكى ئوقۇش رايونىغا تۈز قويۇڭ.",
        ),
        "identify.no_typing": Text(
            "证件上的信息会自动读出来，不用您写。",
            "كارتىدىكى ئۇچۇرلار ئاپتوماتىك ئوقۇلىدۇ، يېزىشىڭىزنىڭ ھاجىتى يوق.",
        ),
        "identify.is_this_you": Text("这是您的证件吗？", "بۇ سىزنىڭ كىملىكىڭىزمۇ؟"),
        "identify.name": Text("姓名：{name}", "ئىسىم: {name}"),
        "identify.id_number": Text("证件号码：{number}", "كىملىك نومۇرى: {number}"),
        "identify.valid_until": Text("有效期至：{date}", "ئىناۋەتلىك مۇددىتى: {date} غىچە"),
        "identify.valid_long": Text("有效期：长期", "ئىناۋەتلىك مۇددىتى: ئۇزۇن مۇددەتلىك"),
        "identify.masked_note": Text(
            "为保护您的信息，部分内容用 * 遮住了。",
            "ئۇچۇرىڭىزنى قوغداش ئۈچۈن بەزى قىسمى * بىلەن يېپىلدى.",
        ),
        "identify.yes": Text("✔ 是我，继续", "✔ مەن، داۋاملاشتۇرىمەن"),
        "identify.no": Text("✖ 不是我", "✖ مەن ئەمەس"),
        "identify.face_intro": Text(
            "请看着屏幕，把脸放进圆框里。", "ئېكرانغا قاراپ، چىرايىڭىزنى چەمبىرەك ئىچىگە كىرگۈزۈڭ."
        ),
        "face.turn": Text(
            "很好。请慢慢把头转向一边，再转回来。",
            "ياخشى. بېشىڭىزنى ئاستا بىر تەرەپكە بۇراپ، ئاندىن قايتۇرۇڭ.",
        ),
        "face.matched": Text("✔ 核验通过。", "✔ دەلىللەشتىن ئۆتتى."),
        "face.mismatch": Text(
            "人脸和证件照片对不上。", "چىرايىڭىز كىملىكتىكى سۈرەتكە ماس كەلمىدى."
        ),
        "face.not_live": Text("没有看到您转头。", "بېشىڭىزنى بۇرىغانلىقىڭىز كۆرۈنمىدى."),
        "identify.try_again_hint": Text(
            "请摘下帽子和眼镜，站近一点，再试一次。还可以试 {count} 次。",
            "قالپاق ۋە كۆزئەينىكىڭىزنى ئېلىپ، سەل يېقىن تۇرۇپ قايتا سىناڭ. يەنە {count} قېتىم سىنىيالايسىز.",
        ),
        "identify.no_tries_left": Text(
            "已经试了几次都没成功，请找工作人员帮忙。",
            "بىر قانچە قېتىم سىنالدى، ئۇتۇقلۇق بولمىدى. خىزمەتچىدىن ياردەم سوراڭ.",
        ),
        "identify.ask_staff": Text("请工作人员帮忙", "خىزمەتچىدىن ياردەم سوراش"),
        "identify.staff_title": Text("需要工作人员帮助", "خىزمەتچىنىڭ ياردىمى كېرەك"),
        "identify.staff_explain": Text(
            "您可以继续办理。提交以后，请带上身份证到便民服务中心窗口，工作人员当面核对是您本人，申请才正式受理。",
            "داۋاملىق بېجىرەلەيسىز. يوللىغاندىن كېيىن كىملىكىڭىزنى ئېلىپ مۇلازىمەت مەركىزى كۆزنىكىگە بېرىڭ. خىزمەتچى سىزنى يۈزمۇيۈز تەكشۈرگەندىن كېيىن ئىلتىماسىڭىز رەسمىي قوبۇل قىلىنىدۇ.",
        ),
        "identify.staff_continue": Text("继续办理", "داۋاملىق بېجىرىش"),
        "identify.stop": Text("不办了", "بېجىرمەيمەن"),
        "identify.take_card_back": Text("请取回您的证件。", "كىملىكىڭىزنى ئېلىۋېلىڭ."),
    }

    def __init__(self, ctx: UiContext) -> None:
        super().__init__(ctx)
        self._next = ""
        self._next_params: dict[str, Any] = {}
        self._need_face = True
        self._purpose: tuple[str, dict[str, Any]] | None = None
        self._verified: IdentityCheck | None = None
        self._verified_for: Identity | None = None
        self._pending: Identity | None = None  # read and judged, waiting for "is this you?"
        self._check: FaceCheck | None = None
        self._analysing = False
        self._generation = 0  # results of workers started before a change are dropped
        self._spoken: tuple[str, float] = ("", 0.0)
        self._staff_reason = ""
        self._disconnects: list[Any] = []
        self._card_message: tuple[BannerKind, str] | None = None

        self.purpose = BodyLabel(role="field")
        self.pages = QStackedWidget()
        self.body.addWidget(self.purpose)
        self.body.addWidget(self.pages, 1)

        # 1. the card
        self.card_page = QWidget()
        card = QVBoxLayout(self.card_page)
        self.place_card = TitleLabel()
        self.place_card.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.animation = CardAnimation()
        self.no_typing = BodyLabel()
        self.no_typing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card.addWidget(self.place_card)
        card.addWidget(self.animation, 1)
        card.addWidget(self.no_typing)

        # 2. "is this you?"
        self.confirm_page = QWidget()
        confirm = QVBoxLayout(self.confirm_page)
        self.question = TitleLabel()
        self.name_line = BodyLabel(role="field")
        self.id_line = BodyLabel(role="field")
        self.valid_line = BodyLabel()
        self.masked_note = BodyLabel(role="small")
        self.yes_button = BigButton()
        self.yes_button.clicked.connect(self._confirmed)
        self.no_button = BigButton(role="secondary")
        self.no_button.clicked.connect(self.go_home.emit)
        # The card's data in a frame shaped like the card, so it reads as "my card".
        card_frame = QFrame()
        card_frame.setProperty("role", "card")
        card_lines = QVBoxLayout(card_frame)
        card_lines.setContentsMargins(28, 24, 28, 24)
        for widget in (self.name_line, self.id_line, self.valid_line):
            card_lines.addWidget(widget)
        confirm.addWidget(self.question)
        confirm.addWidget(card_frame)
        confirm.addWidget(self.masked_note)
        confirm.addStretch(1)
        confirm.addLayout(_row(self.no_button, self.yes_button))

        # 3. the face
        self.face_page = QWidget()
        face = QVBoxLayout(self.face_page)
        self.face_prompt = TitleLabel()
        self.face_prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = CameraPreview(Outline.FACE, mirrored=True)
        self.face_help = BigButton(role="secondary")
        self.face_help.clicked.connect(lambda: self._to_staff("identify.no_tries_left"))
        face.addWidget(self.face_prompt)
        face.addWidget(self.preview, 1)
        face.addWidget(self.face_help)

        # 4. the face did not match, or no turn was seen
        self.failed_page = QWidget()
        failed = QVBoxLayout(self.failed_page)
        self.failed_title = TitleLabel()
        self.failed_hint = BodyLabel()
        self.retry_button = BigButton()
        self.retry_button.clicked.connect(self._retry)
        self.failed_staff = BigButton(role="secondary")
        self.failed_staff.clicked.connect(lambda: self._to_staff(self._failure_reason()))
        failed.addWidget(self.failed_title)
        failed.addWidget(self.failed_hint)
        failed.addStretch(1)
        failed.addLayout(_row(self.failed_staff, self.retry_button))

        # 5. only with staff
        self.staff_page = QWidget()
        staff = QVBoxLayout(self.staff_page)
        self.staff_title = TitleLabel()
        self.staff_reason = BodyLabel()
        self.staff_explain = BodyLabel()
        self.staff_continue = BigButton()
        self.staff_continue.clicked.connect(lambda: self._finish(IdentityCheck.STAFF))
        self.staff_stop = BigButton(role="secondary")
        self.staff_stop.clicked.connect(self.go_home.emit)
        for widget in (self.staff_title, self.staff_reason, self.staff_explain):
            staff.addWidget(widget)
        staff.addStretch(1)
        staff.addLayout(_row(self.staff_stop, self.staff_continue))

        for page in (
            self.card_page,
            self.confirm_page,
            self.face_page,
            self.failed_page,
            self.staff_page,
        ):
            self.pages.addWidget(page)

    # --- what it needs ---------------------------------------------------------------------

    @property
    def _bridge(self) -> DeviceBridge | None:
        return self.ctx.devices

    @property
    def _service(self) -> IdentifyService | None:
        return self.ctx.services.identify

    def available(self) -> bool:
        bridge = self._bridge
        return bridge is not None and bridge.has_card_reader and self._service is not None

    # --- Screen ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        t = self.t
        if self._purpose is not None:
            self.purpose.set_plain(t(self._purpose[0], **self._purpose[1]))
        self.purpose.setVisible(self._purpose is not None)
        self.place_card.set_plain(t("identify.place_card"))
        self.no_typing.set_plain(t("identify.no_typing"))
        self.question.set_plain(t("identify.is_this_you"))
        self.masked_note.set_plain(t("identify.masked_note"))
        self.yes_button.setText(t("identify.yes"))
        self.no_button.setText(t("identify.no"))
        self.face_help.setText(t("identify.ask_staff"))
        self.retry_button.setText(t("nav.retry"))
        self.failed_staff.setText(t("identify.ask_staff"))
        self.staff_title.set_plain(t("identify.staff_title"))
        self.staff_explain.set_plain(t("identify.staff_explain"))
        self.staff_continue.setText(t("identify.staff_continue"))
        self.staff_stop.setText(t("identify.stop"))
        if self._pending is not None:
            self._show_identity(self._pending)
        if self._card_message is not None:
            self.banner.show_message(self._card_message[0], t(self._card_message[1]))
        if self._staff_reason:
            self.staff_reason.set_plain(t(self._staff_reason))
        if self._check is not None:
            self._show_step(self._check.last, speak=False)

    def enter(self, **params: Any) -> None:
        forward = bool(params)
        if forward:
            self._next = str(params.get("next", ""))
            self._next_params = dict(params.get("next_params", {}))
            self._need_face = bool(params.get("face", True))
            key = params.get("purpose_key")
            self._purpose = (str(key), dict(params.get("purpose_params", {}))) if key else None
        identity = self.ctx.session.identity
        if identity is not None and self._verified is not None and self._verified_for is identity:
            if not self._need_face or self._verified is not IdentityCheck.CARD:
                # Already done in this visit: straight on, or straight back.
                QTimer.singleShot(0, self._pass_through if forward else self.go_back.emit)
                return
        super().enter(**params)
        self.retranslate()
        self._connect()
        if identity is not None:
            self._identified(identity)
        elif self._bridge is not None and self._bridge.present_identity is not None:
            self._card_read(self._bridge.present_identity)
        else:
            self._show_card_page()

    def leave(self) -> None:
        self._disconnect()
        self._stop_face()

    def forget(self) -> None:
        self._disconnect()
        self._stop_face()
        self._verified, self._verified_for, self._pending = None, None, None
        self._purpose, self._next, self._next_params = None, "", {}
        self._staff_reason, self._card_message = "", None
        for label in (self.name_line, self.id_line, self.valid_line, self.staff_reason):
            label.set_plain("")
        self.preview.clear()
        self.face_prompt.set_plain("")
        self.failed_hint.set_plain("")
        self.failed_title.set_plain("")
        self.pages.setCurrentWidget(self.card_page)
        super().forget()

    # --- devices ---------------------------------------------------------------------------

    def _connect(self) -> None:
        bridge = self._bridge
        if bridge is None or self._disconnects:
            return
        self._disconnects = [
            connect_while(bridge.card_event, self._on_card),
            connect_while(bridge.device_status, self._on_status),
            connect_while(bridge.frame_ready, self._on_frame),
        ]

    def _disconnect(self) -> None:
        for disconnect in self._disconnects:
            disconnect()
        self._disconnects = []

    def _on_status(self, name: str, status: DeviceStatus) -> None:
        bridge = self._bridge
        if bridge is None:
            return
        if name in bridge.card_readers and self._showing(self.card_page):
            self._show_card_page()
        elif name == "camera" and self._showing(self.face_page):
            if status.state in (DeviceState.OFFLINE, DeviceState.ERROR):
                self._to_staff(status.message_key or "camera.missing")

    def _on_card(self, event: CardEvent) -> None:
        if self.ctx.session.identity is not None and self._verified is not None:
            return  # done here; the visit's card watch handles removal and other people
        kind = event.kind
        if kind is CardEventKind.CARD_INSERTED:
            self._card_banner(BannerKind.INFO, "reader.busy")
        elif kind in (CardEventKind.READ_FAILED, CardEventKind.HARDWARE_ERROR):
            self._card_failed(event.message_key or "card.unreadable")
        elif kind is CardEventKind.IDENTITY_READ and event.identity is not None:
            self._card_read(event.identity)
        elif kind is CardEventKind.CARD_REMOVED and self._showing(self.card_page):
            if self._card_message is not None and self._card_message[0] is BannerKind.INFO:
                self._card_message = None  # "reading..." is over; a failure stays said
                self.banner.clear()

    # --- the card --------------------------------------------------------------------------

    def _showing(self, page: QWidget) -> bool:
        return self.pages.currentWidget() is page

    def _card_banner(self, kind: BannerKind, key: str) -> None:
        self._card_message = (kind, key)
        self.banner.show_message(kind, self.t(key))
        self.ctx.voice.say(key)

    def _show_card_page(self) -> None:
        self.pages.setCurrentWidget(self.card_page)
        problem = self._bridge.reader_problem() if self._bridge is not None else "reader.missing"
        if problem:
            self.banner.show_message(BannerKind.ERROR, self.t(problem))
            self.ctx.voice.say(problem)
            return
        if self._card_message is None:
            self.banner.clear()
        else:
            self.banner.show_message(self._card_message[0], self.t(self._card_message[1]))
        self.ctx.voice.say("identify.place_card")

    def _card_failed(self, key: str) -> None:
        self._pending = None
        self.pages.setCurrentWidget(self.card_page)
        self._card_banner(BannerKind.ERROR, key)

    def _card_read(self, identity: Identity) -> None:
        service = self._service
        if service is None:
            return
        known = self.ctx.session.identity
        if known is not None and known.id_number == identity.id_number:
            if not self._showing(self.card_page):
                return  # the same card back on the reader mid-step: carry on where we are
        verdict = service.judge(
            CardEvent(CardEventKind.IDENTITY_READ, "identify", identity=identity)
        )
        if not verdict.ok:
            self._card_failed(verdict.problem)
            return
        if not self.ctx.session.identify(identity):
            return  # another person mid-visit: the card watch ends the first visit
        self._card_message = None
        self.banner.clear()
        self._pending = identity
        self._show_identity(identity)
        self.pages.setCurrentWidget(self.confirm_page)
        self.ctx.voice.say("identify.is_this_you")

    def _show_identity(self, identity: Identity) -> None:
        t = self.t
        self.name_line.set_plain(t("identify.name", name=ltr(identity.masked_name)))
        number = ltr(mask_id_number(identity.id_number))
        self.id_line.set_plain(t("identify.id_number", number=number))
        if identity.valid_until is None:
            self.valid_line.set_plain(t("identify.valid_long"))
        else:
            date = ltr(identity.valid_until.isoformat())
            self.valid_line.set_plain(t("identify.valid_until", date=date))

    def _identified(self, identity: Identity) -> None:
        """Known in this visit already (an earlier card read): on to the face, if needed."""
        self._pending = identity
        self._confirmed()

    def _confirmed(self) -> None:
        identity = self.ctx.session.identity
        service = self._service
        if identity is None or service is None:
            self._show_card_page()
            return
        if not self._need_face:
            self._finish(IdentityCheck.CARD)
            return
        bridge = self._bridge
        reason = service.face_unavailable(identity)
        if not reason and (bridge is None or not bridge.has_camera):
            reason = "camera.missing"
        if reason:
            self._to_staff(reason)
            return
        self._start_face(service.face_check(identity))

    # --- the face --------------------------------------------------------------------------

    def _start_face(self, check: FaceCheck) -> None:
        self._stop_face()
        self._check = check
        self._spoken = ("", 0.0)
        self.preview.clear()
        self.pages.setCurrentWidget(self.face_page)
        self.face_prompt.set_plain(self.t("identify.face_intro"))
        self.ctx.voice.say("identify.face_intro")
        if self._bridge is not None:
            self._bridge.use_camera(self)

    def _stop_face(self) -> None:
        self._generation += 1
        self._analysing = False
        if self._bridge is not None:
            self._bridge.release_camera(self)

    def _on_frame(self, frame: Frame) -> None:
        if not self._showing(self.face_page):
            return
        self.preview.set_frame(frame.image)
        check = self._check
        if check is None or self._analysing:
            return  # the worker is busy with an older frame: this one is only shown
        self._analysing = True
        generation = self._generation
        image = frame.image
        self.ctx.run(
            lambda: check.step(image),
            lambda step: self._stepped(generation, step),
            lambda exc: self._step_failed(generation, exc),
        )

    def _stepped(self, generation: int, step: FaceStep) -> None:
        if generation != self._generation:
            return
        self._analysing = False
        if step.face_seen:
            self.ctx.session.touch()  # someone in front of the camera is still here
        self._show_step(step, speak=True)

    def _step_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._analysing = False
        log.error("face step failed: %s", type(exc).__name__, exc_info=exc)
        self._to_staff("face.error")

    def _show_step(self, step: FaceStep, speak: bool) -> None:
        if step.phase is FacePhase.MATCHED:
            self._finish(IdentityCheck.FACE)
        elif step.phase in (FacePhase.MISMATCH, FacePhase.NOT_LIVE):
            self._show_failed(step)
        elif step.phase is FacePhase.UNAVAILABLE:
            self._to_staff(step.prompt)
        elif self._showing(self.face_page):
            self.preview.set_ok(step.prompt in ("face.ok", "face.turn"))
            self.face_prompt.set_plain(self.t(step.prompt))
            if speak:
                self._say_guidance(step.prompt)

    def _say_guidance(self, key: str) -> None:
        now = self.ctx.clock.monotonic()
        last_key, last_at = self._spoken
        if key != last_key or now - last_at >= SPEAK_EVERY_S:
            self._spoken = (key, now)
            self.ctx.voice.say(key)

    def _show_failed(self, step: FaceStep) -> None:
        self._stop_face()
        check = self._check
        self.failed_title.set_plain(self.t(step.prompt))
        if check is not None and check.can_retry:
            self.failed_hint.set_plain(self.t("identify.try_again_hint", count=step.attempts_left))
            self.retry_button.show()
        else:
            self.failed_hint.set_plain(self.t("identify.no_tries_left"))
            self.retry_button.hide()
        self.pages.setCurrentWidget(self.failed_page)
        self.ctx.voice.say(step.prompt)

    def _failure_reason(self) -> str:
        check = self._check
        return check.last.prompt if check is not None else "face.error"

    def _retry(self) -> None:
        check = self._check
        if check is not None and check.retry():
            self._start_face(check)

    def _to_staff(self, reason: str) -> None:
        self._stop_face()
        self._staff_reason = reason
        self.staff_reason.set_plain(self.t(reason))
        self.pages.setCurrentWidget(self.staff_page)
        self.ctx.voice.say("identify.staff_title")

    # --- done ------------------------------------------------------------------------------

    def _finish(self, check: IdentityCheck) -> None:
        self._stop_face()
        self._disconnect()
        self._verified, self._verified_for = check, self.ctx.session.identity
        self._check, self._pending = None, None
        self.preview.clear()
        self._pass_through()

    def _pass_through(self) -> None:
        if not self._next or self._verified is None:
            self.go_back.emit()
            return
        self.navigate.emit(
            self._next, {**self._next_params, "identity_check": self._verified.value}
        )


def ltr(text: str) -> str:
    """Keep a number, date or masked name in its own order inside right-to-left Uyghur text
    (without it "110***7774" shows as "7774***110"): a left-to-right embedding."""
    return f"\u202a{text}\u202c"


def _row(*buttons: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button, 1)
    return row

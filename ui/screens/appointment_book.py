"""Booking a time at a hall, one question per page: hall (this one by default), item, day,
slot; then the card (the identify step), a phone number if they want a text message, confirm.
The booking is queued durably; the screen waits a little for the platform's answer and never
calls it confirmed before the platform has taken it. The slip prints either way, saying which.

    navigate("appointment.book", {"new": True})                       # from the appointment menu
    navigate("appointment.book", {"new": True, "item_code", "item_name"})  # from an item's guide
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.appointment import BookingState, Hall, Slot
from kiosk.domain.catalog import Catalog
from kiosk.services.appointments import Booking, SlotChoice
from ui.i18n import Text
from ui.navigation import Screen
from ui.screens.appointment_slip import (
    SLIP_TEXTS,
    Choice,
    ChoiceList,
    appointment_slip,
    day_text,
    slot_text,
)
from ui.screens.progress_keypad import DIGITS, KeyPad, group_phone
from ui.screens.ticket_slip import SlipView
from ui.widgets import BannerKind, BigButton, BodyLabel, TouchScroll

POLL_MS = 500


class BookScreen(Screen):
    name = "appointment.book"
    title_key = "appointment.book_title"
    messages = {
        **SLIP_TEXTS,
        "appointment.book_title": Text("预约", "ۋاقىت بەلگىلەش"),
        "appointment.which_hall": Text("在哪个大厅办？", "قايسى زالدا بېجىرىسىز؟"),
        "appointment.this_hall": Text("✔ 就在 {hall}", "✔ {hall} دا"),
        "appointment.other_hall": Text("换一个大厅", "باشقا زال تاللاش"),
        "appointment.halls_offline": Text(
            "网络未连接，现在只能预约本大厅。",
            "تور ئۇلانمىدى، ھازىر پەقەت بۇ زالنىلا بەلگىلىگىلى بولىدۇ.",
        ),
        "appointment.which_category": Text("办哪一类事？", "قايسى تۈردىكى ئىش؟"),
        "appointment.which_item": Text("办什么事？", "قايسى ئىشنى بېجىرىسىز؟"),
        "appointment.no_items": Text(
            "本机还没有办事指南，暂时不能预约，请询问工作人员。",
            "بۇ ئۈسكۈنىدە ئىش يېتەكچىسى يوق، ھازىرچە بەلگىلىگىلى بولمايدۇ، خىزمەتچىدىن سوراڭ.",
        ),
        "appointment.which_day": Text("哪一天来？", "قايسى كۈنى كېلىسىز؟"),
        "appointment.which_slot": Text("什么时间来？", "قايسى ۋاقىتتا كېلىسىز؟"),
        "appointment.free": Text("还剩 {count} 个", "يەنە {count} ئورۇن بار"),
        "appointment.full": Text("已约满", "تولدى"),
        "appointment.slots_offline": Text(
            "网络未连接，看不到剩余名额。可以先预约，平台确认后才算成功。",
            "تور ئۇلانمىدى، قالغان ئورۇنلار كۆرۈنمەيدۇ. ئالدىن بەلگىلىسىڭىز بولىدۇ، سۇپا جەزملىگەندىن كېيىن كۈچكە ئىگە.",
        ),
        "appointment.need_card": Text(
            "预约要刷身份证，本机暂时不能读卡，请到窗口预约或询问工作人员。",
            "ۋاقىت بەلگىلەش ئۈچۈن كىملىك ئوقۇتۇش كېرەك، بۇ ئۈسكۈنە ھازىر كارتا ئوقۇيالمايدۇ، كۆزنەكتە بەلگىلەڭ ياكى خىزمەتچىدىن سوراڭ.",
        ),
        "appointment.identify_for": Text("预约：{item}", "ۋاقىت بەلگىلەش: {item}"),
        "appointment.phone": Text(
            "留个手机号，预约确认后短信通知您（可以不填）：",
            "تېلېفون نومۇرىڭىزنى قالدۇرسىڭىز، جەزملەنگەندە ئۇچۇر ئەۋەتىلىدۇ (تولدۇرمىسىڭىزمۇ بولىدۇ):",
        ),
        "appointment.skip_phone": Text("不留手机号", "نومۇر قالدۇرمايمەن"),
        "appointment.bad_phone": Text(
            "手机号不对，请输入11位手机号。", "تېلېفون نومۇرى خاتا، 11 خانىلىق نومۇر كىرگۈزۈڭ."
        ),
        "appointment.confirm_intro": Text("请核对您的预约：", "بەلگىلىگەنلىرىڭىزنى تەكشۈرۈڭ:"),
        "appointment.confirm": Text("✔ 确认预约", "✔ جەزملەش"),
        "appointment.saving": Text("正在预约，请稍候…", "بەلگىلىنىۋاتىدۇ، سەل ساقلاڭ…"),
        "appointment.confirmed": Text(
            "✔ 预约成功！请取走预约凭条。", "✔ بەلگىلەندى! تالوننى ئېلىڭ."
        ),
        "appointment.waiting": Text(
            "预约已保存，正在等待平台确认。请取走凭条，稍后可凭凭条查询是否成功。",
            "بەلگىلەش ساقلاندى، سۇپىنىڭ جەزملىشىنى ساقلاۋاتىدۇ. تالوننى ئېلىپ، كېيىن سۈرۈشتۈرۈڭ.",
        ),
        "appointment.slot_full": Text(
            "这个时段刚刚约满了，预约没有成功。请换一个时段。",
            "بۇ ۋاقىت ھازىرلا تولۇپ كەتتى، بەلگىلەش مەغلۇپ بولدى. باشقا ۋاقىت تاللاڭ.",
        ),
        "appointment.refused": Text(
            "预约没有成功，请询问工作人员。", "بەلگىلەش مەغلۇپ بولدى، خىزمەتچىدىن سوراڭ."
        ),
        "appointment.other_slot": Text("换一个时段", "باشقا ۋاقىت تاللاش"),
    }

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        self.offers: Callable[[str], bool] = lambda _name: False  # set by the main window
        self.pages = QStackedWidget()
        self.body.addWidget(self.pages, 1)
        self.hall: Hall | None = None
        self.item: tuple[str, str] | None = None  # code, name
        self.day: date | None = None
        self.slot: Slot | None = None
        self.phone = ""
        self.booking: Booking | None = None
        self.catalog = Catalog.empty()
        self._polls_left = 0
        self._poll = QTimer(self)
        self._poll.setSingleShot(True)
        self._poll.timeout.connect(self._ask_state)
        self.question = BodyLabel(role="field")
        self.body.insertWidget(0, self.question)
        # hall
        self.hall_page, layout = self._page()
        self.this_hall = BigButton(role="tile")
        self.this_hall.clicked.connect(lambda: self._pick_hall(self._own_hall()))
        self.other_hall = BigButton(role="secondary")
        self.other_hall.clicked.connect(self._load_halls)
        self.halls = ChoiceList()
        layout.addWidget(self.this_hall)
        layout.addWidget(self.other_hall)
        layout.addWidget(self.halls, 1)
        # category, item, day, slot: lists of choices
        self.categories = self._list_page()
        self.items = self._list_page()
        self.days = self._list_page()
        self.slots = self._list_page()
        # phone
        self.phone_page, layout = self._page()
        self.phone_pad = KeyPad(DIGITS, 5, 11, group_phone)
        self.phone_pad.confirmed.connect(self._phone_done)
        self.skip_phone = BigButton(role="secondary")
        self.skip_phone.clicked.connect(lambda: self._phone_done(""))
        layout.addWidget(self.phone_pad)
        layout.addWidget(self.skip_phone)
        layout.addStretch(1)
        # confirm
        self.confirm_page, layout = self._page(scrolls=True)
        self.summary = BodyLabel()
        self.confirm_button = BigButton()
        self.confirm_button.clicked.connect(self._book)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.confirm_button)
        # result
        self.result_page, layout = self._page(scrolls=True)
        self.slip_view = SlipView()
        self.other_slot = BigButton()
        self.other_slot.clicked.connect(lambda: self._pick_day(self.day))
        self.done_button = BigButton()
        self.done_button.clicked.connect(self.go_home.emit)
        layout.addWidget(self.slip_view)
        layout.addStretch(1)
        layout.addWidget(self.other_slot)
        layout.addWidget(self.done_button)

    def _page(self, scrolls: bool = False) -> tuple[QWidget, QVBoxLayout]:
        """`scrolls`: a page of text that may be taller than the room there is (a landscape
        panel in elderly mode); `page` is what the stack shows."""
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        page = TouchScroll(content) if scrolls else content
        self.pages.addWidget(page)
        return page, layout

    def _list_page(self) -> ChoiceList:
        choices = ChoiceList()
        self.pages.addWidget(choices)
        return choices

    # --- Screen ------------------------------------------------------------------------------

    def available(self) -> bool:
        return self.ctx.services.appointments is not None

    def retranslate(self) -> None:
        super().retranslate()
        self.this_hall.setText(self.t("appointment.this_hall", hall=self.ctx.settings.hall_name))
        self.other_hall.setText(self.t("appointment.other_hall"))
        self.phone_pad.set_labels(self.t("keypad.erase"), self.t("nav.next"))
        self.skip_phone.setText(self.t("appointment.skip_phone"))
        self.confirm_button.setText(self.t("appointment.confirm"))
        self.other_slot.setText(self.t("appointment.other_slot"))
        self.done_button.setText(self.t("nav.done"))
        self._show_question()

    def enter(self, **params: Any) -> None:
        super().enter(**params)
        if params.get("new"):
            self._reset()
            if params.get("item_code"):
                self.item = (str(params["item_code"]), str(params.get("item_name", "")))
            self._go(self.hall_page)
        elif "identity_check" in params:  # back from the identify step with the card read
            self._go(self.phone_page)

    def forget(self) -> None:
        self._reset()
        super().forget()

    def _reset(self) -> None:
        self._poll.stop()
        self.hall, self.item, self.day, self.slot = None, None, None, None
        self.phone, self.booking = "", None
        self.phone_pad.clear()
        self.slip_view.clear()
        self.halls.set_choices([], lambda _v: None)
        self.banner.clear()
        self._go(self.hall_page)

    def _go(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        self._show_question()

    def _show_question(self) -> None:
        keys: dict[QWidget | None, str] = {
            self.hall_page: "appointment.which_hall",
            self.categories: "appointment.which_category",
            self.items: "appointment.which_item",
            self.days: "appointment.which_day",
            self.slots: "appointment.which_slot",
            self.phone_page: "appointment.phone",
            self.confirm_page: "appointment.confirm_intro",
        }
        key = keys.get(self.pages.currentWidget())
        self.question.set_plain(self.t(key) if key else "")
        self.question.setVisible(key is not None)

    # --- hall ----------------------------------------------------------------------------------

    def _own_hall(self) -> Hall:
        s = self.ctx.settings
        return Hall(s.hall_code, s.hall_name, "", "", s.service_phone)

    def _load_halls(self) -> None:
        service = self.ctx.services.appointments
        if service is not None:
            self.ctx.run(service.halls, self._show_halls, self._halls_failed, hold=True)

    def _show_halls(self, halls: list[Hall]) -> None:
        self.halls.set_choices([(h.name, h) for h in halls], self._pick_hall)

    def _halls_failed(self, exc: Exception) -> None:
        self.ctx.error_text(exc)
        self.banner.show_message(BannerKind.WARNING, self.t("appointment.halls_offline"))

    def _pick_hall(self, hall: Hall) -> None:
        self.hall = hall
        self.banner.clear()
        if self.item is not None:
            self._show_days()
            return
        catalog = self.ctx.services.catalog
        if catalog is None:
            self.banner.show_message(BannerKind.WARNING, self.t("appointment.no_items"))
            return
        self.ctx.run(lambda: catalog.cached().catalog, self._show_categories, self._no_items)

    # --- item ----------------------------------------------------------------------------------

    def _show_categories(self, catalog: Catalog) -> None:
        self.catalog = catalog
        shown = [c for c in catalog.categories if catalog.in_category(c.code)]
        if not shown:
            self.banner.show_message(BannerKind.WARNING, self.t("appointment.no_items"))
            return
        self.categories.set_choices([(c.name, c.code) for c in shown], self._pick_category)
        self._go(self.categories)

    def _no_items(self, exc: Exception) -> None:
        self.ctx.error_text(exc)
        self.banner.show_message(BannerKind.WARNING, self.t("appointment.no_items"))

    def _pick_category(self, code: str) -> None:
        items = self.catalog.in_category(code)
        self.items.set_choices([(i.name, (i.code, i.name)) for i in items], self._pick_item)
        self._go(self.items)

    def _pick_item(self, item: tuple[str, str]) -> None:
        self.item = item
        self._show_days()

    # --- day and slot --------------------------------------------------------------------------

    def _show_days(self) -> None:
        service = self.ctx.services.appointments
        if service is None:
            return
        days = service.days()
        self.days.set_choices([(day_text(self.ctx.tr, d), d) for d in days], self._pick_day)
        self._go(self.days)

    def _pick_day(self, day: date | None) -> None:
        service, hall, item = self.ctx.services.appointments, self.hall, self.item
        if service is None or hall is None or item is None or day is None:
            return
        self.day = day
        self.banner.clear()
        code = item[0]
        self.ctx.run(lambda: service.slots(hall.code, code, day), self._show_slots, self._failed)

    def _show_slots(self, choice: SlotChoice) -> None:
        labels = []
        for slot in choice.slots:
            if not choice.live:
                count = ""
            elif slot.free:
                count = "  " + self.t("appointment.free", count=slot.free)
            else:
                count = "  " + self.t("appointment.full")
            labels.append((slot_text(self.ctx.tr, slot) + count, slot))
        enabled = [not choice.live or s.free > 0 for s in choice.slots]
        self.slots.set_choices(labels, self._pick_slot, enabled)
        if not choice.live:
            self.banner.show_message(BannerKind.WARNING, self.t("appointment.slots_offline"))
        self._go(self.slots)

    def _pick_slot(self, slot: Slot) -> None:
        self.slot = slot
        self.banner.clear()
        if self.ctx.session.identity is not None:
            self._go(self.phone_page)
            return
        if not self.offers("identify"):  # a booking needs the card; this terminal reads none
            self.banner.show_message(BannerKind.WARNING, self.t("appointment.need_card"))
            return
        item_name = self.item[1] if self.item else ""
        self.navigate.emit(
            "identify",
            {
                "next": self.name,
                "next_params": {},
                "purpose_key": "appointment.identify_for",
                "purpose_params": {"item": item_name},
            },
        )

    # --- phone, confirm, book ------------------------------------------------------------------

    def _phone_done(self, phone: str) -> None:
        self.phone = phone
        person, hall, item, slot = self.ctx.session.identity, self.hall, self.item, self.slot
        if person is None or hall is None or item is None or slot is None:
            return
        self.summary.set_plain(
            "\n".join(
                [
                    self.t("appointment.slip_hall", hall=hall.name),
                    self.t("appointment.slip_item", item=item[1]),
                    f"{day_text(self.ctx.tr, slot.day)} {slot_text(self.ctx.tr, slot)}",
                    self.t("appointment.slip_person", name=person.masked_name),
                ]
            )
        )
        self._go(self.confirm_page)

    def _book(self) -> None:
        service, person = self.ctx.services.appointments, self.ctx.session.identity
        hall, item, slot, phone = self.hall, self.item, self.slot, self.phone
        if service is None or person is None or hall is None or item is None or slot is None:
            return
        self.confirm_button.setEnabled(False)
        self.banner.show_message(BannerKind.INFO, self.t("appointment.saving"))
        self.ctx.run(
            lambda: service.book(hall.code, item[0], item[1], slot, person, phone),
            self._booked,
            self._book_failed,
            hold=True,
        )

    def _book_failed(self, exc: Exception) -> None:
        self.confirm_button.setEnabled(True)
        if getattr(exc, "message_key", "") == "appointment.bad_phone":
            self._go(self.phone_page)
        self._failed(exc)

    def _booked(self, booking: Booking) -> None:
        self.confirm_button.setEnabled(True)
        self.booking = booking
        service = self.ctx.services.appointments
        waits = service is not None and service.worth_waiting()
        wait_s = service.confirmation_wait_s if service is not None and waits else 0
        self._polls_left = int(wait_s * 1000 / POLL_MS)
        self._settle(booking)

    def _ask_state(self) -> None:
        service, booking = self.ctx.services.appointments, self.booking
        if service is None or booking is None:
            return
        receipt = booking.receipt_no
        self.ctx.run(lambda: service.state(receipt), self._settle, self._failed, hold=True)

    def _settle(self, booking: Booking | None) -> None:
        """Wait for the platform's answer a little; then show and print what is known."""
        if booking is None or self.booking is None or booking.receipt_no != self.booking.receipt_no:
            return
        self.booking = booking
        if booking.state is BookingState.WAITING_CONFIRMATION and self._polls_left > 0:
            self._polls_left -= 1
            self._poll.start(POLL_MS)
            return
        self._finish(booking)

    def _finish(self, booking: Booking) -> None:
        self.ctx.session.release_card_hold()
        self._go(self.result_page)
        self.other_slot.setVisible(booking.state is BookingState.REFUSED)
        if booking.state is BookingState.REFUSED:
            key = "appointment.slot_full" if booking.slot_full else "appointment.refused"
            self.slip_view.clear()
            self.banner.show_message(BannerKind.ERROR, self.t(key))
            self.ctx.voice.say(key)
            return
        person, hall, item, slot = self.ctx.session.identity, self.hall, self.item, self.slot
        if hall is None or item is None or slot is None:
            return
        masked = person.masked_name if person is not None else ""
        choice = Choice(hall.name, item[1], slot, masked)
        slip = appointment_slip(self.ctx.tr, choice, booking, self.ctx.settings.service_phone)
        self.slip_view.show_slip(slip)
        confirmed = booking.state is BookingState.CONFIRMED
        key = "appointment.confirmed" if confirmed else "appointment.waiting"
        self.banner.show_message(BannerKind.OK if confirmed else BannerKind.WARNING, self.t(key))
        self.ctx.voice.say(key)
        slips = self.ctx.services.slips
        if slips is None:
            self.slip_view.show_qr()
            return
        self.ctx.run(lambda: slips.print(slip), lambda _r: None, self._print_failed, hold=True)

    def _print_failed(self, exc: Exception) -> None:
        self.slip_view.show_qr()
        self.banner.show_message(BannerKind.WARNING, self.ctx.error_text(exc))

    def _failed(self, exc: Exception) -> None:
        self.banner.show_message(BannerKind.ERROR, self.ctx.error_text(exc))

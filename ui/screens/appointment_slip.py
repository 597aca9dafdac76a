"""The appointment slip's words, and the list of big choices the booking steps are made of."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from kiosk.domain.appointment import BookingState, Slot
from kiosk.domain.slip import Slip
from kiosk.services.appointments import Booking
from ui.i18n import Text, Translator
from ui.widgets import BigButton

SLIP_TEXTS = {
    "appointment.day": Text("{month}月{day}日 {weekday}", "{month}-ئاينىڭ {day}-كۈنى {weekday}"),
    "appointment.am": Text("上午", "چۈشتىن بۇرۇن"),
    "appointment.pm": Text("下午", "چۈشتىن كېيىن"),
    "appointment.slip_title": Text("预约凭条", "ۋاقىت بەلگىلەش تالونى"),
    "appointment.slip_hall": Text("服务网点：{hall}", "مۇلازىمەت ئورنى: {hall}"),
    "appointment.slip_item": Text("办理事项：{item}", "بېجىرىدىغان ئىش: {item}"),
    "appointment.slip_person": Text("预约人：{name}", "بەلگىلىگۈچى: {name}"),
    "appointment.slip_receipt": Text("回执编号：{receipt}", "تالون نومۇرى: {receipt}"),
    "appointment.slip_booking": Text("预约号：{booking}", "بەلگىلەش نومۇرى: {booking}"),
    "appointment.slip_come": Text(
        "请按时到大厅，刷身份证签到取号。", "ۋاقتىدا زالغا كېلىپ، كىملىك ئوقۇتۇپ نومۇر ئېلىڭ."
    ),
    "appointment.slip_waiting": Text(
        "等待确认：预约已保存在本机，平台确认后才算预约成功。可扫码或凭回执编号查询是否成功。",
        "جەزملەشنى ساقلاۋاتىدۇ: بۇ ئۈسكۈنىدە ساقلاندى، سۇپا جەزملىگەندىن كېيىنلا كۈچكە ئىگە. كودنى سكانىرلاپ ياكى تالون نومۇرى بىلەن سۈرۈشتۈرۈڭ.",
    ),
}


def day_text(tr: Translator, day: date) -> str:
    weekday = tr.t(f"home.weekday.{day.isoweekday()}")  # registered by the home screen
    return tr.t("appointment.day", month=day.month, day=day.day, weekday=weekday)


def slot_text(tr: Translator, slot: Slot) -> str:
    period = "appointment.am" if slot.start < "12:00" else "appointment.pm"
    return f"{tr.t(period)} {slot.start}-{slot.end}"


@dataclass(frozen=True)
class Choice:
    """What was booked, for the slip and the summary."""

    hall_name: str
    item_name: str
    slot: Slot
    masked_name: str


def appointment_slip(tr: Translator, choice: Choice, booking: Booking, phone: str) -> Slip:
    t = tr.t
    lines = [
        t("appointment.slip_hall", hall=choice.hall_name),
        t("appointment.slip_item", item=choice.item_name),
        t("appointment.slip_person", name=choice.masked_name),
        t("appointment.slip_receipt", receipt=booking.receipt_no),
    ]
    if booking.state is BookingState.CONFIRMED:
        lines.append(t("appointment.slip_booking", booking=booking.booking_no))
    lines.append(t("appointment.slip_come"))
    waiting = booking.state is BookingState.WAITING_CONFIRMATION
    return Slip(
        title=t("appointment.slip_title"),
        headline=f"{day_text(tr, choice.slot.day)}\n{slot_text(tr, choice.slot)}",
        lines=tuple(lines),
        notice=t("appointment.slip_waiting") if waiting else "",
        qr_payload=booking.receipt_no,  # the progress screen reads it back with the camera
        footer=t("common.hotline", phone=phone),
    )


class ChoiceList(QScrollArea):
    """A scrolling column of big buttons, one per choice."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        box = QWidget()
        self._rows = QVBoxLayout(box)
        self.setWidget(box)
        self.buttons: list[BigButton] = []

    def set_choices(
        self,
        choices: Sequence[tuple[str, Any]],
        pick: Callable[[Any], None],
        enabled: Sequence[bool] = (),
    ) -> None:
        while self._rows.count():
            item = self._rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone at once, not when the event loop gets to it
                widget.deleteLater()
        self.buttons = []
        for i, (label, value) in enumerate(choices):
            button = BigButton(label, role="secondary")
            button.clicked.connect(lambda _c=False, v=value: pick(v))
            button.setEnabled(enabled[i] if i < len(enabled) else True)
            self.buttons.append(button)
            self._rows.addWidget(button)
        self._rows.addStretch(1)

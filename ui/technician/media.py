"""Choosing the USB stick an export goes to: one button per medium (its label and free space),
read-only ones shown but not offered, and 刷新 after plugging a stick in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ports.media import Medium
from ui.i18n import Text, Translator
from ui.technician import format as fmt
from ui.widgets import BigButton, BodyLabel

MESSAGES = {
    "tech.media.none": Text(
        "没有找到 U 盘：插上 U 盘，等几秒，再按“刷新”。",
        "U دىسكا تېپىلمىدى: U دىسكىنى سېلىپ، بىر نەچچە سېكۇنت ساقلاپ، «يېڭىلاش» نى بېسىڭ.",
    ),
    "tech.media.choose": Text("选择要写入的 U 盘：", "يازىدىغان U دىسكىنى تاللاڭ:"),
    "tech.media.medium": Text("{label}（剩余 {free}）", "{label} ({free} بوش)"),
    "tech.media.read_only": Text("{label}（只读，不能写）", "{label} (پەقەت ئوقۇشقا بولىدۇ)"),
    "tech.media.refresh": Text("刷新", "يېڭىلاش"),
}


class MediaPicker(QWidget):
    """GUI thread; `load` is given media the screen read on a worker."""

    def __init__(self, tr: Translator, chosen: Callable[[Medium], None]) -> None:
        super().__init__()
        tr.add(MESSAGES)
        self.translator, self.chosen = tr, chosen
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.note = BodyLabel()
        self.layout_.addWidget(self.note)
        self.buttons: list[BigButton] = []
        self.refresh_button = BigButton(role="secondary")
        self.layout_.addWidget(self.refresh_button)
        self.media: list[Medium] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.refresh_button.setText("⟳ " + self.translator.t("tech.media.refresh"))
        self.load(self.media)

    def load(self, media: list[Medium]) -> None:
        self.media = list(media)
        for button in self.buttons:
            self.layout_.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        t = self.translator.t
        self.note.set_plain(t("tech.media.choose") if media else t("tech.media.none"))
        for medium in media:
            if medium.writable:
                text = t("tech.media.medium", label=medium.label, free=fmt.size(medium.free_bytes))
            else:
                text = t("tech.media.read_only", label=medium.label)
            button = BigButton("⏏ " + text, role="secondary")
            button.setEnabled(medium.writable)
            button.clicked.connect(lambda _c=False, m=medium: self.chosen(m))
            self.layout_.insertWidget(self.layout_.count() - 1, button)
            button.show()  # added to a showing widget: not shown until the next event loop pass
            self.buttons.append(button)

    def set_busy(self, busy: bool) -> None:
        for button, medium in zip(self.buttons, self.media, strict=True):
            button.setEnabled(medium.writable and not busy)
        self.refresh_button.setEnabled(not busy)

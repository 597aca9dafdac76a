"""Shown when the terminal cannot serve: calm words and a phone number for the villager, the
reason for the technician. Never a traceback. It needs nothing but Qt, because it is what shows
when everything else (even the configuration) has failed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.widgets import BodyLabel, TitleLabel


class OutOfServiceScreen(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.headline = TitleLabel("本机暂停服务\nبۇ ئۈسكۈنە ۋاقىتلىق مۇلازىمەت قىلمايدۇ")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.advice = BodyLabel()
        self.advice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason = BodyLabel(role="small")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.headline)
        layout.addWidget(self.advice)
        layout.addStretch(1)
        layout.addWidget(self.reason)

    def show_reason(self, reason: str, phone: str) -> None:
        self.advice.set_plain(
            f"给您带来不便，请谅解。请拨打 {phone} 或到便民服务中心窗口办理。\n"
            f"كەچۈرۈڭ. {phone} غا تېلېفون قىلىڭ ياكى مۇلازىمەت مەركىزى كۆزنىكىدە بېجىرىڭ."
        )
        self.reason.set_plain(f"维护信息：{reason}")

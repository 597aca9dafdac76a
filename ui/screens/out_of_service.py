"""Shown when the terminal cannot serve: calm words and a phone number for the villager, the
reason for the technician. Never a traceback."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.theme import title_font


class OutOfServiceScreen(QWidget):
    def __init__(self, elderly: bool = True) -> None:
        super().__init__()
        self.headline = QLabel(self.tr("本机暂停服务"))
        self.headline.setFont(title_font(elderly))
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.advice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.headline)
        layout.addWidget(self.advice)
        layout.addStretch(1)
        layout.addWidget(self.reason)

    def show_reason(self, reason: str, phone: str) -> None:
        self.advice.setText(
            self.tr("给您带来不便，请谅解。请拨打 {0} 或到便民服务中心窗口办理。").format(phone)
        )
        self.reason.setText(self.tr("维护信息：{0}").format(reason))

"""A numeric keypad for the technician number and the PIN (the terminal has no keyboard), and
the read-only fields it types into: tapping a field makes it the one the keypad fills."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from ui.widgets import BigButton


class TapField(QLineEdit):
    """A field filled only by the keypad: read-only for the system, tappable to choose it."""

    tapped = Signal()

    def __init__(self, digits: int, secret: bool = False, prefix: str = "") -> None:
        super().__init__(prefix)
        self.prefix = prefix  # shown, never typed or erased (the T of a technician number)
        self.setReadOnly(True)
        self.setMaxLength(len(prefix) + digits)
        if secret:
            self.setEchoMode(QLineEdit.EchoMode.Password)

    def digits(self) -> str:
        return self.text()[len(self.prefix) :]

    def type(self, digit: str) -> None:
        self.setText((self.text() + digit)[: self.maxLength()])

    def backspace(self) -> None:
        if self.digits():
            self.setText(self.text()[:-1])

    def erase(self) -> None:
        self.setText(self.prefix)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self.tapped.emit()


class Keypad(QWidget):
    """Digits, clear and backspace; typing goes into `target`."""

    def __init__(self) -> None:
        super().__init__()
        self.target: TapField | None = None
        grid = QGridLayout(self)
        self.digit_buttons: dict[str, BigButton] = {}
        for i, digit in enumerate("123456789"):
            self.digit_buttons[digit] = self._button(digit, grid, i // 3, i % 3)
        self.clear_button = BigButton("C", role="secondary")
        self.clear_button.clicked.connect(self._clear)
        grid.addWidget(self.clear_button, 3, 0)
        self.digit_buttons["0"] = self._button("0", grid, 3, 1)
        self.back_button = BigButton("⌫", role="secondary")
        self.back_button.clicked.connect(self._backspace)
        grid.addWidget(self.back_button, 3, 2)

    def _button(self, digit: str, grid: QGridLayout, row: int, column: int) -> BigButton:
        button = BigButton(digit, role="secondary")
        button.clicked.connect(lambda _c=False, d=digit: self.type(d))
        grid.addWidget(button, row, column)
        return button

    def type(self, digit: str) -> None:
        if self.target is not None:
            self.target.type(digit)

    def _clear(self) -> None:
        if self.target is not None:
            self.target.erase()

    def _backspace(self) -> None:
        if self.target is not None:
            self.target.backspace()

"""A pad of big keys for short codes: receipt numbers (digits and the letters a receipt number
can hold) and phone numbers (digits). What was typed shows above it in large print, grouped
as it is printed, so an elderly villager can compare it with the paper key by key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.domain.receipt_numbers import ALPHABET
from ui.widgets import BigButton, BodyLabel

DIGITS = "1234567890"
# Crockford base32 without the digits: receipt numbers never hold I, L, O or U.
RECEIPT_KEYS = DIGITS + "".join(c for c in ALPHABET if c.isalpha())


def group_receipt(text: str) -> str:
    """K7Q2M01A7Q -> K7Q2M-01A7-Q, as the receipt prints it (the check character last)."""
    if len(text) <= 5:
        return text
    if len(text) <= 9:
        return f"{text[:5]}-{text[5:]}"
    return f"{text[:5]}-{text[5:-1]}-{text[-1]}"


def group_phone(text: str) -> str:
    """13800138000 -> 138 0013 8000."""
    parts = [text[:3], text[3:7], text[7:]]
    return " ".join(p for p in parts if p)


class KeyPad(QWidget):
    changed = Signal(str)  # the text typed so far
    confirmed = Signal(str)

    def __init__(
        self,
        keys: str,
        columns: int,
        max_length: int,
        grouping: Callable[[str], str] = lambda s: s,
    ) -> None:
        super().__init__()
        self.max_length = max_length
        self._grouping = grouping
        self._text = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.display = BodyLabel(role="display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.display)
        grid = QGridLayout()
        self.key_buttons: dict[str, BigButton] = {}
        for i, key in enumerate(keys):
            button = BigButton(key, role="secondary")
            button.clicked.connect(lambda _c=False, key=key: self.press(key))
            self.key_buttons[key] = button
            grid.addWidget(button, i // columns, i % columns)
        layout.addLayout(grid)
        actions = QHBoxLayout()
        self.erase_button = BigButton(role="secondary")
        self.erase_button.clicked.connect(self.erase)
        self.confirm_button = BigButton()
        self.confirm_button.clicked.connect(lambda: self.confirmed.emit(self._text))
        actions.addWidget(self.erase_button)
        actions.addWidget(self.confirm_button)
        layout.addLayout(actions)
        self._show()

    @property
    def text(self) -> str:
        return self._text

    def set_labels(self, erase: str, confirm: str) -> None:
        self.erase_button.setText("⌫ " + erase)
        self.confirm_button.setText("✔ " + confirm)

    def press(self, key: str) -> None:
        if len(self._text) < self.max_length:
            self._text += key
            self._show()

    def type_text(self, text: str) -> None:
        for key in text:
            if key in self.key_buttons:
                self.press(key)

    def erase(self) -> None:
        self._text = self._text[:-1]
        self._show()

    def clear(self) -> None:
        self._text = ""
        self._show()

    def _show(self) -> None:
        # An empty line keeps its height, so the pad does not jump when the first key is typed.
        self.display.set_plain(self._grouping(self._text) or "\u00a0")
        self.confirm_button.setEnabled(bool(self._text))
        self.changed.emit(self._text)

"""Both languages, complete: every message a screen can show exists in Chinese and Uyghur with
the same placeholders, every message key Qt-free code raises has words, and Uyghur renders."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

import devices
import kiosk
import offline_queue
from kiosk.errors import KioskError
from kiosk.ports.device_messages import DEVICE_MESSAGE_KEYS
from tests.ui.support import make_window
from ui.theme import FONT_FAMILIES

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
CJK = re.compile(r"[\u4E00-\u9FFF]")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def all_error_keys() -> set[str]:
    for package in (kiosk, devices, offline_queue):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not info.name.endswith("__main__"):
                importlib.import_module(info.name)
    keys, todo = set(), [KioskError]
    while todo:
        cls = todo.pop()
        keys.add(cls.message_key)
        todo.extend(cls.__subclasses__())
    return keys


def test_every_message_has_chinese_and_uyghur_with_the_same_placeholders(qapp):
    window = make_window(qapp)
    messages = window.ctx.tr.messages()
    assert len(messages) > 50
    for key, text in messages.items():
        assert text.zh.strip() and text.ug.strip(), key
        assert placeholders(text.zh) == placeholders(text.ug), key
        if CJK.search(text.zh):
            assert ARABIC_SCRIPT.search(text.ug), f"{key}: the Uyghur text is not in Uyghur script"
            assert not CJK.search(text.ug), f"{key}: Chinese left in the Uyghur text"


def test_every_message_key_devices_errors_and_the_queue_raise_has_words(qapp):
    window = make_window(qapp)
    known = window.ctx.tr.messages()
    # DEVICE_MESSAGE_KEYS is every key devices emit (checked in tests/devices).
    raised = all_error_keys() | set(DEVICE_MESSAGE_KEYS)
    missing = sorted(k for k in raised if k not in known)
    assert not missing, f"message keys without words: {missing}"


def test_uyghur_text_has_a_font_that_draws_it_and_reads_right_to_left(qapp):
    window = make_window(qapp)  # the terminal's default is Chinese
    arabic_families = set(QFontDatabase.families(QFontDatabase.WritingSystem.Arabic))
    assert arabic_families & set(FONT_FAMILIES), "no installed font of ours covers Uyghur"
    metrics = QFontMetrics(QFont("DejaVu Sans"))
    for text in window.ctx.tr.messages().values():
        for char in set(text.ug):
            if ARABIC_SCRIPT.match(char):
                # inFontUcs4: PySide's inFont(str) answers False for any non-Latin-1 QChar.
                assert metrics.inFontUcs4(ord(char)), f"DejaVu Sans lacks {char!r}"
    window.home.language_buttons["ug_CN"].click()
    assert qapp.layoutDirection().name == "RightToLeft"
    assert "ئۇلاندى" in window.home.network.plain() or "تور" in window.home.network.plain()
    window.watch.end_visit()  # the next person gets the terminal's own language back
    assert qapp.layoutDirection().name == "LeftToRight"
    assert "网络" in window.home.network.plain()

"""Every language, complete: every message a screen can show exists in Chinese and Uyghur with
the same placeholders, every message key Qt-free code raises has words, Uyghur renders, and
English (the Qt Linguist file) has every key with the same placeholders and is up to date."""

from __future__ import annotations

import importlib
import pkgutil
import re
import shutil
import string
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

import devices
import kiosk
import offline_queue
from kiosk.errors import KioskError
from kiosk.ports.device_messages import DEVICE_MESSAGE_KEYS
from tests.ui.support import make_window
from ui import translations
from ui.i18n import Text
from ui.theme import ARABIC_SCRIPT_FIRST, FONT_FAMILIES
from ui.translations import missing, updated
from ui.translations.registry import all_messages

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
    assert qapp.font().families() == FONT_FAMILIES  # a Chinese terminal's order stays
    assert "ئۇلاندى" in window.home.network.plain() or "تور" in window.home.network.plain()
    window.watch.end_visit()  # the next person gets the terminal's own language back
    assert qapp.layoutDirection().name == "LeftToRight"
    assert "网络" in window.home.network.plain()


def test_a_uyghur_terminal_puts_its_scripts_font_first(qapp):
    make_window(qapp, language="ug_CN")
    assert qapp.font().families() == ARABIC_SCRIPT_FIRST


# --- English, from the Qt Linguist file ----------------------------------------------------------


def test_the_registry_finds_every_message_a_real_window_registers(qapp):
    window = make_window(qapp)
    found = all_messages()
    unseen = sorted(window.ctx.tr.messages().keys() - found.keys())
    assert not unseen, f"messages the registry cannot find (declare them as a mapping): {unseen}"
    assert all(found[key] == text for key, text in window.ctx.tr.messages().items())


def test_every_message_has_english_with_the_same_placeholders():
    _language, entries = translations.read(translations.path_for("en_GB"))
    lacking = missing(entries, all_messages())
    assert not lacking, (
        "keys without English (run `python -m ui.translations update`, then translate them in "
        f"Qt Linguist: pyside6-linguist {translations.path_for('en_GB')}): {lacking}"
    )
    for text in translations.finished(entries).values():
        assert not CJK.search(text) and not ARABIC_SCRIPT.search(text), text


def test_the_linguist_file_is_up_to_date_and_real_linguist_xml(tmp_path):
    path = translations.path_for("en_GB")
    language, entries = translations.read(path)
    assert language == "en_GB"
    assert path.read_text(encoding="utf-8") == translations.render(
        language, updated(entries, all_messages())
    ), "kiosk_en.ts is out of date: run `python -m ui.translations update`"
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease not installed")
    qm = tmp_path / "kiosk_en.qm"
    subprocess.run([lrelease, "-silent", str(path), "-qm", str(qm)], check=True, timeout=60)
    qt = QTranslator()
    assert qt.load(str(qm))
    assert qt.translate("home", "home.welcome") == entries["home.welcome"].translation


def test_update_adds_new_keys_unfinished_and_never_drops_one_silently():
    entries = {
        "old.gone": translations.Entry("old.gone", "旧", "Old"),
        "home.hint": translations.Entry("home.hint", "以前的中文", "Tap to start."),
        "nav.back": translations.Entry("nav.back", "返回", "Back"),
    }
    messages = {
        "nav.back": Text("返回", "قايتىش"),
        "home.hint": Text("请点下面的大按钮开始。", "باشلاڭ"),
        "new.key": Text("新的 {n}", "يېڭى {n}"),
    }
    result = updated(entries, messages)
    assert result["nav.back"] == entries["nav.back"]
    assert result["new.key"] == translations.Entry("new.key", "新的 {n}", "", "unfinished")
    assert result["home.hint"].state == "unfinished"  # the Chinese changed: check the English
    assert result["home.hint"].chinese == "请点下面的大按钮开始。"
    assert result["old.gone"].state == "vanished" and result["old.gone"].translation == "Old"
    assert set(missing(result, messages)) == {"new.key", "home.hint"}
    back = updated(result, {**messages, "old.gone": Text("旧", "كونا")})
    assert back["old.gone"].state == ""  # the key returned: its English is used again


def test_switching_to_english_retranslates_the_home_screen_left_to_right(qapp):
    window = make_window(qapp)
    window.home.set_time(datetime(2026, 11, 23, 9, 5))
    assert window.home.language_buttons["en_GB"].text() == "English"
    window.home.language_buttons["en_GB"].click()
    assert window.ctx.tr.language == "en_GB"
    assert qapp.layoutDirection().name == "LeftToRight"
    assert window.home.welcome.plain().startswith("Welcome")
    assert window.home.clock.plain() == "Monday 2026-11-23 09:05"
    assert "Service guide" in window.home.tile_buttons["guide"].text()
    assert window.home.language_buttons["en_GB"].isChecked()
    window.watch.end_visit()  # the next person gets the terminal's own language back
    assert "欢迎" in window.home.welcome.plain()


def test_a_key_without_english_shows_the_chinese_never_the_key(qapp):
    from ui.i18n import Translator

    tr = Translator("en_GB", linguist={"en_GB": {"a.done": "Done {n}"}})
    tr.add({"a.done": Text("完成 {n}", "تامام {n}"), "a.new": Text("新的", "يېڭى")})
    assert tr.t("a.done", n=2) == "Done 2"
    assert tr.t("a.new") == "新的"


def test_a_missing_or_broken_linguist_file_leaves_the_kiosk_running_in_chinese(tmp_path):
    assert translations.load(tmp_path / "kiosk_xx.ts") == {}
    broken = tmp_path / "kiosk_en.ts"
    broken.write_text("<TS><context><message><source>a", encoding="utf-8")
    assert translations.load(broken) == {}

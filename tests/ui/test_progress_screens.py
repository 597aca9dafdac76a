"""The progress, appointment, ticket and evaluation screens in every sample state: no character
a screen shows is missing from the kiosk's fonts (a tofu box reads as a fault), and screenshots
in both modes and both languages to look at (test-output/progress/)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QWidget

from tests.ui.audit import text_of
from tests.ui.progress_kiosk import shoot
from tests.ui.progress_states import STATES
from tests.ui.support import make_window
from ui.theme import FONT_FAMILIES

SHOWN = [
    ("progress.case", 1),
    ("progress.list", 0),
    ("appointment.book", 5),
    ("ticket", 2),
    ("evaluation", 3),
]


def enter(window, name: str, state) -> None:
    window.navigator.go(name, state if isinstance(state, dict) else {})
    if callable(state):
        state(window.navigator.screens[name])


def test_every_character_shown_has_a_glyph_in_the_kiosk_fonts(qapp):
    metrics = [QFontMetrics(QFont(family)) for family in FONT_FAMILIES]
    for language in ("zh_CN",):  # the symbols are the same in Uyghur (its script: test_i18n)
        window = make_window(qapp, language=language)
        missing: set[tuple[str, str]] = set()
        for name, states in STATES.items():
            screen = window.navigator.screens[name]
            for state in states:
                enter(window, name, state)
                for widget in screen.findChildren(QWidget):
                    if not widget.isVisibleTo(screen):
                        continue
                    for char in set(text_of(widget)) - set(" \n\u00a0"):
                        if not any(m.inFontUcs4(ord(char)) for m in metrics):
                            missing.add((name, char))
        window.watch.end_visit()
        assert not missing, sorted(missing)


@pytest.mark.soak  # pictures for people, not checks: make soak takes them
def test_screenshots_in_both_modes_and_both_languages(qapp):
    for elderly, language in ((True, "ug_CN"), (False, "zh_CN")):  # elderly zh: the journeys
        window = make_window(qapp, elderly=elderly, language=language)
        for name, index in SHOWN:
            enter(window, name, STATES[name][index])
            mode = "elderly" if elderly else "normal"
            path = shoot(window, f"{name.replace('.', '-')}-{mode}-{language[:2]}")
            assert path.stat().st_size > 10_000  # drawn, not blank
        window.watch.end_visit()

"""The elderly-friendly audit over every screen, in both modes, every language and both
orientations (portrait 1080x1920 and landscape 1920x1080), read back from the real widgets
(tests/ui/audit.py says which rules and why)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize

from kiosk.domain.complaint import ComplaintKind
from kiosk.ports.clock import FakeClock
from tests.ui import samples_apply, samples_identify
from tests.ui.agent_states import STATES as AGENT_STATES
from tests.ui.audit import audit, contrast
from tests.ui.progress_states import STATES as PROGRESS_STATES
from tests.ui.support import (
    LANDSCAPE,
    PORTRAIT,
    make_window,
    sample_devices,
    sample_services,
    settle,
)
from tests.ui.tech_states import STATES as TECH_STATES
from ui import theme
from ui.i18n import LANGUAGES
from ui.screens.complaint import ComplaintScreen
from ui.widgets import BannerKind, BodyLabel

# Screens that need something to show before they can be audited: name -> enter() params, or
# a function that drives the entered screen into a state. Journeys add their screens here.
SAMPLE_STATES: dict[str, list[Any]] = {
    "guide": [{}, {"query": "shebaoka"}, {"query": "电脑维修"}],
    "guide_list": [{"category": "social_assistance"}, {"category": "household_registration"}],
    "guide_item": [
        {"code": "000113001000"},  # materials with notes, free, apply here
        {"code": "000121005000"},  # a fee
        {"code": "000131003000"},  # guide only, no proxy
        {"code": "999999999999"},  # gone from the catalog
    ],
    "complaint": [{}, lambda s: fill_complaint(s, send=False), lambda s: fill_complaint(s)],
    "notices": [{}],
    "notice": [{"code": "N2026001"}, {"code": "N-gone"}],
    **TECH_STATES,
    **PROGRESS_STATES,
    **AGENT_STATES,
    **samples_identify.STATES,
    **samples_apply.STATES,
}


def fill_complaint(screen: Any, send: bool = True) -> None:
    """A complaint without a phone (the warning), or a consultation sent offline (the receipt)."""
    assert isinstance(screen, ComplaintScreen)
    kind = screen.kind_buttons[ComplaintKind.CONSULTATION if send else ComplaintKind.COMPLAINT]
    kind.click()
    screen.category_buttons["社会救助"].click()
    screen.text.setPlainText("低保什么时候发？")
    screen.send_button.click()


# (elderly, language, size, colours). Portrait runs every rule; landscape every rule but the
# contrast read back from the pixels, which the orientation does not change (and which is most
# of the audit's time). English, the longest text, is audited in both orientations.
# make test walks three of them (elderly mode, where text is largest and cut off first: Chinese
# and Uyghur portrait, Chinese landscape); make soak walks the other five too, normal mode and
# English among them (each run is 45 s to 2 min of one core: make test stays under ten minutes).
SOAK = pytest.mark.soak
RUNS = [
    (True, "zh_CN", PORTRAIT, True),
    (True, "ug_CN", PORTRAIT, True),
    pytest.param(False, "zh_CN", PORTRAIT, True, marks=SOAK),
    (True, "zh_CN", LANDSCAPE, False),
    pytest.param(True, "en_GB", PORTRAIT, False, marks=SOAK),
    pytest.param(True, "ug_CN", LANDSCAPE, False, marks=SOAK),
    pytest.param(True, "en_GB", LANDSCAPE, False, marks=SOAK),
    pytest.param(False, "en_GB", LANDSCAPE, False, marks=SOAK),
]


@pytest.mark.parametrize(("elderly", "language", "size", "colours"), RUNS)
def test_every_screen_meets_the_guideline(qapp, elderly, language, size, colours):
    clock = FakeClock()
    window = make_window(
        qapp,
        clock=clock,
        elderly=elderly,
        language=language,
        services=sample_services(clock),
        **sample_devices(),
        size=size,
    )
    window.ctx.theme.set_right_to_left(window.ctx.tr.right_to_left)
    window.home.set_network(False)
    window.home.set_device_problems(["printer.out_of_paper"])
    findings = []
    for name, screen in window.navigator.screens.items():
        for state in SAMPLE_STATES.get(name, [{}]):
            window.navigator.go(name, state if isinstance(state, dict) else {})
            if callable(state):
                state(screen)
            # The data comes from a worker; a scroll area resizes its content a few event
            # loop turns after the content changed (each layout level posts to the next).
            settle(qapp, rounds=6)
            findings += audit(screen, name, elderly, colours=colours, screen_size=QSize(*size))
    window.watch.end_visit()
    assert not findings, "\n".join(map(str, findings))


def test_the_countdown_overlay_meets_the_guideline(qapp):
    clock = FakeClock()
    window = make_window(qapp, clock=clock)
    window.ctx.session.touch()
    clock.advance(75)
    window.watch.tick()
    qapp.processEvents()
    assert window.overlay.isVisible()
    assert not audit(window.overlay, "overlay", True)


def test_the_banner_always_carries_a_symbol_and_the_palette_keeps_its_contrast(qapp):
    window = make_window(qapp)
    for kind in BannerKind:
        window.home.banner.show_message(kind, "测试")
        assert not audit(window.home.banner, "banner", True, whole_screen=False)
    from PySide6.QtGui import QColor

    pairs = [
        (theme.INK, theme.PAPER),
        (theme.PAPER, theme.PRIMARY),
        (theme.PRIMARY, theme.SECONDARY_BG),
        (theme.MUTED, theme.PAPER),
        (theme.MUTED, theme.SECONDARY_BG),
        (theme.WARNING_INK, theme.WARNING_BG),
        (theme.ERROR_INK, theme.ERROR_BG),
        (theme.OK_INK, theme.OK_BG),
        (theme.INFO_INK, theme.INFO_BG),
    ]
    for fg, bg in pairs:
        assert contrast(QColor(fg), QColor(bg)) >= 4.5, (fg, bg)


def test_the_audit_itself_catches_small_faint_tight_cut_off_text_and_small_targets(qapp):
    from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

    make_window(qapp)  # the application style sheet, as on the kiosk
    root = QWidget()
    layout = QVBoxLayout(root)
    small = QLabel("小字")
    small.setStyleSheet("font-size: 12pt;")
    faint = QLabel("浅色字")
    faint.setStyleSheet("color: #b0b0b0;")
    tight = QLabel("没有行距的多行文字")
    tight.setWordWrap(True)
    tiny = QPushButton("点")
    tiny.setStyleSheet("min-height: 20px; max-height: 20px; min-width: 20px; max-width: 20px;")
    squeezed = BodyLabel("一段很长的说明文字，" * 6)  # wrapped, but given one line's height
    squeezed.setFixedHeight(40)
    for widget in (small, faint, tight, tiny, squeezed):
        layout.addWidget(widget)
    boxed = QLabel("⌛ 进度")  # no font of ours has the hourglass
    layout.addWidget(boxed)
    outside = QLabel("外面", root)  # placed by hand past the window's edge
    outside.setGeometry(560, 380, 200, 60)
    root.resize(600, 400)
    root.show()
    qapp.processEvents()
    found = {(f.widget, f.rule) for f in audit(root, "probe", True, screen_size=QSize(800, 400))}
    assert ("QLabel('小字')", "text size") in found
    assert ("QLabel('浅色字')", "contrast") in found
    assert ("QLabel('没有行距的多行文字')", "line spacing") in found
    assert ("QPushButton('点')", "touch target") in found
    assert ("screen", "largest text") in found
    assert (f"BodyLabel({squeezed.plain()[:24]!r})", "text cut off") in found
    assert ("QLabel('外面')", "text cut off") in found
    assert ("window", "text cut off") in found  # 600x400, not the 800x400 asked for
    assert ("QLabel('⌛ 进度')", "missing glyph") in found


def test_the_home_screen_fits_all_seven_tiles_in_both_orientations(qapp):
    """Journeys add their screens (and tiles) on other branches: the home screen must hold all
    seven, 2x4 in portrait (elderly mode) and 4x2 in landscape, in every mode and language."""
    window = make_window(qapp)
    home = window.home
    home.offers = lambda _name: True
    home.layout_tiles()
    findings = []
    for size, rows in ((PORTRAIT, {True: 4, False: 3}), (LANDSCAPE, {True: 2, False: 2})):
        window.resize(*size)
        for elderly in (True, False):
            window.ctx.theme.set_elderly(elderly)
            for language in LANGUAGES:
                home._set_language(language)
                qapp.processEvents()
                tops = {button.y() for button in home.tile_buttons.values()}
                assert len(tops) == rows[elderly], (size, elderly, language)
                name = f"home {size[0]}x{size[1]} {language} elderly={elderly}"
                findings += audit(home, name, elderly, colours=False, screen_size=QSize(*size))
    window.watch.end_visit()
    assert not findings, "\n".join(map(str, findings))

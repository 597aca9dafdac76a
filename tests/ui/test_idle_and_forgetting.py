"""A visit ends by itself when the person walks away or takes their card, always after a visible
and spoken countdown, never mid-typing; then every screen forgets them and the terminal's own
language and mode come back. Real widgets offscreen, a hand-moved clock."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kiosk.domain.identity import CardKind, Identity, Sex
from kiosk.ports.clock import FakeClock
from tests.ui.support import RecordingSpeaker, make_window
from ui.i18n import Text
from ui.navigation import Screen
from ui.widgets import BodyLabel

ZHANG = Identity(
    name="张三",
    id_number="110101199003077777",
    sex=Sex.MALE,
    ethnicity_code="01",
    birth_date=date(1990, 3, 7),
    address="北京市东城区景山前街4号",
    issuing_authority="东城分局",
    valid_from=date(2015, 6, 1),
    valid_until=date(2035, 6, 1),
    card_kind=CardKind.KIOSK_TEST,
)


class FormScreen(Screen):
    """A screen holding a person's data, as the journeys' screens do."""

    name = "form"
    title_key = "test.form"
    messages = {"test.form": Text("填写", "تولدۇرۇش")}

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.who = BodyLabel()
        self.phone = QLineEdit()
        self.body.addWidget(self.who)
        self.body.addWidget(self.phone)

    def enter(self, **params) -> None:
        super().enter(**params)
        identity = self.ctx.session.identity
        self.who.set_plain(identity.name if identity else "")

    def forget(self) -> None:
        self.who.set_plain("")
        self.phone.clear()
        super().forget()


def open_form(qapp, clock: FakeClock, speaker: RecordingSpeaker | None = None):
    window = make_window(qapp, clock=clock, speaker=speaker)
    window.navigator.register(FormScreen(window.ctx))
    window.ctx.session.identify(ZHANG)
    window.navigator.go("form")
    form = window.navigator.screens["form"]
    assert isinstance(form, FormScreen)
    return window, form


def test_walking_away_shows_and_speaks_a_countdown_then_forgets_the_person(qapp, qtbot):
    clock, speaker = FakeClock(), RecordingSpeaker()
    window, form = open_form(qapp, clock, speaker)
    form.phone.setText("13800138000")
    assert form.who.plain() == "张三"
    clock.advance(69)
    window.watch.tick()
    assert not window.overlay.isVisible()
    clock.advance(6)
    window.watch.tick()
    assert window.overlay.isVisible()
    assert "15 秒" in window.overlay.detail.plain()
    assert speaker.said[-1][0] == window.ctx.tr.t("idle.spoken")
    clock.advance(15)
    window.watch.tick()
    assert window.navigator.current.name == "home"
    assert not window.overlay.isVisible()
    assert form.who.plain() == "" and form.phone.text() == ""
    assert window.ctx.session.identity is None


def test_a_touch_on_the_countdown_keeps_the_visit_and_typing_never_starts_one(qapp, qtbot):
    clock = FakeClock()
    window, form = open_form(qapp, clock)
    clock.advance(75)
    window.watch.tick()
    assert window.overlay.isVisible()
    qtbot.mouseClick(window.overlay.stay, Qt.MouseButton.LeftButton)
    assert not window.overlay.isVisible()
    assert window.navigator.current is form and window.ctx.session.identity is ZHANG
    for _ in range(10):  # someone slow at typing: a key every 30 s, for five minutes
        clock.advance(30)
        qtbot.keyClick(form.phone, Qt.Key.Key_1)
        window.watch.tick()
        assert not window.overlay.isVisible()
    assert form.phone.text() == "1" * 10


def test_a_card_taken_away_ends_the_visit_unless_it_comes_back(qapp, qtbot):
    clock = FakeClock()
    window, form = open_form(qapp, clock)
    window.ctx.session.card_removed()
    clock.advance(5)
    window.watch.tick()
    assert window.overlay.isVisible() and "10 秒" in window.overlay.detail.plain()
    window.ctx.session.identify(ZHANG)
    window.watch.tick()
    assert not window.overlay.isVisible() and window.navigator.current is form
    window.ctx.session.card_removed()
    clock.advance(15)
    window.watch.tick()
    assert window.navigator.current.name == "home" and form.who.plain() == ""


def test_home_ends_the_visit_and_restores_the_terminals_language_and_mode(qapp, qtbot):
    clock = FakeClock()
    window, form = open_form(qapp, clock)
    window.home.language_buttons["ug_CN"].click()
    window.home.elderly_button.click()
    assert window.ctx.tr.language == "ug_CN" and not window.ctx.theme.elderly
    window.navigator.go("form")
    ended: list[str] = []
    window.watch.ended.connect(ended.append)
    qtbot.mouseClick(form.home_button, Qt.MouseButton.LeftButton)
    assert ended == ["finished"]
    assert window.navigator.current.name == "home"
    assert window.ctx.tr.language == "zh_CN" and window.ctx.theme.elderly
    assert window.ctx.session.identity is None and form.phone.text() == ""


def test_nothing_typed_comes_back_with_undo_after_the_visit(qapp, qtbot):
    """QLineEdit.clear() is undoable: a long press (撤销) or Ctrl+Z would bring back the last
    person's phone number unless forgetting also empties the fields' undo history."""
    clock = FakeClock()
    window, form = open_form(qapp, clock)
    qtbot.keyClicks(form.phone, "13800138000")
    clock.advance(90)
    window.watch.tick()
    assert form.phone.text() == "" and not form.phone.isUndoAvailable()
    form.phone.undo()
    assert form.phone.text() == ""

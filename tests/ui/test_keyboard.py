"""The on-screen keyboard, driven the way a finger drives it: mouse presses on the keys the
virtual keyboard drew inside the kiosk's window (offscreen, software Qt Quick), into real
fields. Pinyin becomes Chinese through the Pinyin engine's own candidates; Uyghur letters come
from the kiosk's Uyghur layout; a phone field gets the digit pad."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from kiosk.ports.clock import FakeClock
from tests.ui.support import guide_services, make_window, settle
from ui.keyboard import input_method_environment
from ui.main_window import MainWindow
from ui.screens.guide import GuideScreen

SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "keyboard"


def descendants(item: QQuickItem) -> Iterator[QQuickItem]:
    for child in item.childItems():
        yield child
        yield from descendants(child)


def keys(window: MainWindow) -> dict[str, QQuickItem]:
    """The keys on show, by the text each types."""
    root = window.keyboard.rootObject()
    assert root is not None
    found: dict[str, QQuickItem] = {}
    for item in descendants(root):
        meta = item.metaObject()
        if meta.indexOfProperty("displayText") >= 0 and meta.indexOfProperty("key") >= 0:
            if item.isVisible() and item.width() > 0 and item.property("text"):
                found.setdefault(str(item.property("text")), item)
    return found


def press(window: MainWindow, item: QQuickItem) -> None:
    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mouseClick(
        window.keyboard, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )
    QTest.qWait(20)


def type_on_keys(window: MainWindow, letters: str) -> None:
    for letter in letters:
        press(window, keys(window)[letter])


def candidates(window: MainWindow) -> dict[str, QQuickItem]:
    """The pinyin engine's word candidates on show, by their text."""
    root = window.keyboard.rootObject()
    assert root is not None
    view = next(i for i in descendants(root) if i.objectName() == "wordCandidateView")
    found: dict[str, QQuickItem] = {}
    for delegate in view.property("contentItem").childItems():
        words = [
            str(t.property("text"))
            for t in descendants(delegate)
            if t.metaObject().className().startswith("QQuickText")
        ]
        if words and delegate.isVisible():
            found.setdefault(words[0], delegate)
    return found


def choose(qtbot, window: MainWindow, word: str) -> None:
    """Tap a word among the candidates once it is shown and still: the candidate bar slides in
    (its words move while it does), a tap meanwhile lands beside the word."""
    where: list[QPointF] = []

    def still() -> bool:
        shown = candidates(window).get(word)
        if shown is None:
            return False
        where.append(shown.mapToScene(QPointF(0, 0)))
        QTest.qWait(50)
        return len(where) > 1 and where[-1] == where[-2]

    qtbot.waitUntil(still, timeout=5_000)
    press(window, candidates(window)[word])


def open_search(qapp, qtbot, **kw) -> tuple[MainWindow, GuideScreen]:
    clock = FakeClock()
    window = make_window(qapp, clock=clock, services=guide_services(clock), **kw)
    qtbot.waitUntil(lambda: window.keyboard.ready, timeout=20_000)
    window.navigator.go("guide", {})
    settle(qapp)
    guide = window.navigator.current
    assert isinstance(guide, GuideScreen)
    QTest.mouseClick(guide.search, Qt.MouseButton.LeftButton)  # a tap on the field
    QTest.qWait(100)
    assert window.keyboard.showing, window.keyboard.error
    return window, guide


def test_the_input_method_environment_is_the_kiosk_s_own_in_tests_too():
    import os

    for name, value in input_method_environment().items():
        assert os.environ[name] == value
    assert Path(input_method_environment()["QT_VIRTUALKEYBOARD_LAYOUT_PATH"], "ug_CN").is_dir()


def test_typing_pinyin_on_the_keys_and_choosing_a_candidate_puts_chinese_in_the_field(qapp, qtbot):
    window, guide = open_search(qapp, qtbot)
    assert window.keyboard.height() > 300  # docked inside the window, under the screens
    assert window.keyboard.mapTo(window, window.keyboard.rect().topLeft()).y() > guide.search.y()
    type_on_keys(window, "dibao")
    assert guide.search.text() == ""  # still composing: nothing committed yet
    choose(qtbot, window, "低保")
    qtbot.waitUntil(lambda: guide.search.text() == "低保", timeout=5_000)
    QTest.qWait(400)
    settle(qapp)
    assert guide.hint.plain() == "找到 1 项："
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "pinyin-elderly-zh_CN.png"))


def test_the_space_key_takes_the_first_candidate(qapp, qtbot):
    window, guide = open_search(qapp, qtbot, elderly=False)
    type_on_keys(window, "nihao")
    press(
        window,
        next(
            i
            for i in descendants(window.keyboard.rootObject())
            if i.metaObject().className().startswith("SpaceKey")
        ),
    )
    qtbot.waitUntil(lambda: guide.search.text() == "你好", timeout=5_000)


def test_initials_being_composed_already_search_and_the_keyboard_goes_away_with_the_screen(
    qapp, qtbot
):
    window, guide = open_search(qapp, qtbot)
    type_on_keys(window, "dbsq")
    QTest.qWait(400)
    settle(qapp)
    rows = [b.text().split("\n")[0] for b in guide.list.findChildren(QAbstractButton)]
    assert rows == ["低保申请"]
    QTest.mouseClick(guide.list.findChildren(QAbstractButton)[0], Qt.MouseButton.LeftButton)
    settle(qapp)
    QTest.qWait(100)
    assert window.navigator.current.name == "guide_item"
    assert not window.keyboard.showing and window.keyboard.height() == 0


def test_big_keys_in_elderly_mode(qapp, qtbot):
    heights = {}
    for elderly in (True, False):
        window, _ = open_search(qapp, qtbot, elderly=elderly)
        heights[elderly] = keys(window)["q"].height()
        QGuiApplication.inputMethod().hide()
        window.watch.end_visit()
    assert heights[True] >= 1.3 * heights[False]
    assert heights[False] >= 60  # even normal mode's keys are elderly-sized targets


def test_uyghur_letters_come_from_the_kiosk_s_uyghur_layout(qapp, qtbot):
    window, guide = open_search(qapp, qtbot, language="ug_CN")
    shown = keys(window)
    for letter in "ئابپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىيە":
        assert letter in shown, letter
    type_on_keys(window, "سالام")
    qtbot.waitUntil(lambda: guide.search.text() == "سالام", timeout=5_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "uyghur-elderly-ug_CN.png"))


def test_the_language_switch_changes_the_keyboard(qapp, qtbot):
    window, guide = open_search(qapp, qtbot)
    assert "ق" not in keys(window) and "q" in keys(window)
    window.ctx.tr.set_language("ug_CN")
    QTest.qWait(100)
    assert "ق" in keys(window) and "q" not in keys(window)


def test_a_digits_only_field_gets_the_digit_pad(qapp, qtbot):
    window, guide = open_search(qapp, qtbot)
    phone = QLineEdit()
    phone.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    guide.body.addWidget(phone)
    phone.show()
    QTest.mouseClick(phone, Qt.MouseButton.LeftButton)
    QTest.qWait(100)
    pad = keys(window)
    assert set("0123456789") <= set(pad) and "q" not in pad
    type_on_keys(window, "13812345678")
    qtbot.waitUntil(lambda: phone.text() == "13812345678", timeout=5_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "digits-elderly-zh_CN.png"))

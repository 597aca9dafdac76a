"""Shared fixtures: the real reference platform on loopback; Qt offscreen, with the on-screen
keyboard's input-method environment exactly as the kiosk sets it (ui/keyboard.py), in place
before pytest-qt makes the QApplication."""

import gc
import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool
from PySide6.QtWidgets import QApplication

from tests.support.central import central, shared_central  # noqa: F401
from tests.support.kiosk_app import start_kiosk  # noqa: F401
from ui.keyboard import apply_input_method_environment

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
apply_input_method_environment()


QT_FIXTURES = {"qapp", "qtbot", "start_kiosk"}


@pytest.fixture(autouse=True)
def _nothing_of_a_test_outlives_it(request: pytest.FixtureRequest) -> Iterator[None]:
    """Once a test is over, its windows are closed and deleted, then its garbage collected,
    all on the GUI thread.

    Windows left open pile up: every later stylesheet change (each kiosk and test window sets
    its theme) repolishes every widget of every earlier test, so tests/ui grew from 2 s a test
    to minutes and the run to gigabytes. And a test's screens hold reference cycles (slots that
    capture their screen): left to the cyclic collector they may be freed later on whatever
    thread happens to allocate, e.g. a worker of the next test, and a QWidget destroyed off
    the GUI thread crashes the process (seen as a segfault or an abort in
    test_technician_app after the accessibility sweep, and once in test_guide's teardown).
    So a test with Qt runs as the kiosk does (ui/garbage.py): no automatic collection while it
    runs, whose worker threads would otherwise collect its cycles, only this one at its end.
    Tests without Qt keep the collector: some hold sqlite connections in cycles."""
    if not QT_FIXTURES.isdisjoint(request.fixturenames):
        gc.disable()
    yield
    app = QApplication.instance()
    if isinstance(app, QApplication):
        # Worker jobs of the test first: one still running (a camera closing, a result
        # being relayed) must not meet its window half deleted.
        QThreadPool.globalInstance().waitForDone(10_000)
        for window in app.topLevelWidgets():
            window.close()
            window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    gc.enable()

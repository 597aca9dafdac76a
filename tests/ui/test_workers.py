"""Work done off the GUI thread comes back on it, unless the window it was for is gone."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from ui.workers import Workers


def test_a_result_comes_back_on_the_gui_thread(qapp, qtbot):
    workers, got, failed = Workers(), list[tuple[int, int]](), list[Exception]()
    gui = threading.get_ident()
    workers.run(
        threading.get_ident,
        lambda worker: got.append((worker, threading.get_ident())),
        failed.append,
    )
    qtbot.waitUntil(lambda: bool(got))
    ((worker, delivered_on),) = got
    assert worker != gui and delivered_on == gui and not failed


def test_a_failure_comes_back_as_the_exception(qapp, qtbot):
    workers, got = Workers(), list[object]()

    def broken() -> None:
        raise ValueError("no")

    workers.run(broken, got.append, got.append)
    qtbot.waitUntil(lambda: bool(got))
    assert isinstance(got[0], ValueError)


def test_a_result_for_a_window_already_gone_is_dropped(qapp, qtbot):
    workers, got, release = Workers(), list[object](), threading.Event()
    window = QWidget()
    workers.serve(window)
    workers.run(lambda: release.wait(5), got.append, got.append)
    with qtbot.waitSignal(window.destroyed):
        window.deleteLater()
    release.set()
    qtbot.waitUntil(lambda: not workers._relays)  # the result came back...
    assert got == []  # ...and was not handed to callbacks that touch the window's widgets

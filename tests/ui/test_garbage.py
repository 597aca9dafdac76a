"""Cycles are collected on the GUI thread only (ui/garbage.py)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject

from ui.garbage import GuiThreadCollector


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_a_cycle_made_on_a_worker_is_freed_by_the_gui_threads_timer(qtbot, qapp):
    parent = QObject()
    collector = GuiThreadCollector(parent)
    collector.start()
    try:
        assert not gc.isenabled()
        refs: list[weakref.ref[Node]] = []

        def work() -> None:  # allocates plenty: the automatic collector would have run here
            for _ in range(5000):
                refs.append(weakref.ref(Node()))

        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
        assert any(ref() is not None for ref in refs)  # nothing collected on the worker
        qtbot.waitUntil(lambda: all(ref() is None for ref in refs), timeout=5000)
    finally:
        collector.stop()
    assert gc.isenabled()

"""Python's cyclic garbage collector runs on the GUI thread only.

Screens hold reference cycles (a slot that captures its screen, a worker callback that captures
a page). Left to itself, the collector runs on whichever thread happens to allocate when a
threshold is crossed, often a worker or a device thread, and then destroys the Qt objects of a
cycle there; a QWidget destroyed off the GUI thread crashes the process (seen in the test suite
as a segfault or an abort long after the widget's screen was gone). So automatic collection is
switched off and a timer on the GUI thread collects instead, generation by generation, the way
Anki's desktop app does for the same reason. Reference counting still frees everything that is
not in a cycle at once, on any thread, as before.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000
FULL_EVERY = 60  # ticks: the oldest generation once a minute


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._ticks = 0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)

    def start(self) -> None:
        gc.disable()
        self.timer.start(INTERVAL_MS)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()

    def collect(self) -> int:
        """GUI thread: the youngest generation every second, the middle one when its count
        says so, everything once a minute. Returns the number of objects found unreachable."""
        self._ticks += 1
        if self._ticks % FULL_EVERY == 0:
            return gc.collect(2)
        if gc.get_count()[1] >= gc.get_threshold()[1]:
            return gc.collect(1)
        return gc.collect(0)

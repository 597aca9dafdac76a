"""The bench's own parts (no figures and no thresholds: those belong to `make bench`)."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from bench.__main__ import main
from bench.ui_stalls import Heartbeat, pause


def test_an_unknown_part_is_refused(capsys) -> None:
    assert main(["nope"]) == 2
    assert "choose from queuing, drain, wire, fleet, devices, search, ui" in capsys.readouterr().out


def test_the_heartbeat_sees_a_blocked_gui_thread_and_that_it_was_working(
    qapp: QApplication,
) -> None:
    def block() -> None:  # 60 ms of this thread's own CPU time, whatever the machine's load
        until = time.thread_time() + 0.06
        while time.thread_time() < until:
            pass

    heartbeat = Heartbeat()
    gaps: list[list[float]] = []
    on_cpu: list[float] = []
    with heartbeat.beating(gaps, on_cpu):
        QTimer.singleShot(50, block)
        pause(200)
    assert max(gaps[0]) >= 60
    assert on_cpu[0] >= 60
    assert len(gaps[0]) > 5  # it kept beating around the block

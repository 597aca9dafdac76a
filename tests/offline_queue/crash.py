"""Fork a child that works and reports, SIGKILL it after a delay, and read what it reported.

The child writes one line per fact to a pipe, each only once the fact is durable (after the
COMMIT), so the parent knows what the child saw committed when the kill landed. Fork (not a
new interpreter) keeps a trial at a few milliseconds of overhead, so hundreds fit in
`make test`.
"""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import pytest

Child = Callable[[TextIO], None]


def fork_and_kill(child: Child, delay_s: float) -> list[str]:
    """The child writes "ready" once it has opened what it needs; the delay starts then, so
    a loaded machine's slow start-up does not eat the time meant for work."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        try:
            with os.fdopen(write_fd, "w", buffering=1) as report:
                try:
                    child(report)
                except BaseException as exc:  # a trial that never ran proves nothing: say so
                    report.write(f"error {type(exc).__name__}: {exc}\n")
        finally:
            os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd) as report:
        first = report.readline()  # blocks until the child is ready (or dies trying)
        time.sleep(delay_s)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines = [line.rstrip("\n") for line in [first, *report]]
    errors = [line for line in lines if line.startswith("error ")]
    if errors:
        raise AssertionError(f"the child failed: {errors[0]}")
    return [line for line in lines if line and line != "ready"]


class KillDelays:
    """Delays before the kills, drawn from [0, window). On a loaded machine a commit can take
    longer than the whole window, and every kill would land before any work: so the window
    widens after a trial whose child committed nothing and narrows back towards its start
    after one that did. The kills keep landing amid work whatever the load."""

    def __init__(self, rng: random.Random, window_s: float, widest_s: float = 2.0) -> None:
        self.rng, self.start, self.window, self.widest = rng, window_s, window_s, widest_s

    def next(self) -> float:
        return self.rng.uniform(0.0, self.window)

    def committed(self, anything: bool) -> None:
        if anything:
            self.window = max(self.start, self.window * 0.9)
        else:
            self.window = min(self.widest, self.window * 1.3)


REPORTS = Path(__file__).resolve().parents[2] / "test-output" / "crash-trials"


def report(name: str, line: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The trial's figures on the terminal (a serial run, e.g. make soak) and in
    test-output/crash-trials/<name>.txt (make test runs on xdist workers, whose prints
    pytest does not show)."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"{name}.txt").write_text(line + "\n", encoding="utf-8")
    with capsys.disabled():
        print("\n" + line)

"""GUI-thread stalls for `python -m bench ui`: the whole kiosk built in this process
(kiosk.app.build, offscreen, 1080x1920) with a 5 ms heartbeat timer on the GUI thread; the
longest gap between its ticks beyond the interval is the longest stall. Measured while idle (the
baseline) and while the kiosk
  - reads an ID card: the ID-reader emulator on a PTY (the real serial driver, 50 ms poll), the
    card presented while the identify screen waits for it, until the identity is shown;
  - prints a receipt: the real ESC/POS driver over TCP to the printer emulator, on a worker as
    the services print;
  - syncs a batch of queued records to the platform: the app's own sync thread, woken.
Each action is followed by 300 ms more, so the screen's reaction to its result counts too.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.machine import spread
from tests.support.central import CentralHandle

GOAL_STALL_MS = 50.0
BEAT_MS = 5
TAIL_MS = 300  # after each action, so the GUI's reaction to its result is measured too
SYNC_BATCH = 100
ACTIONS = {
    "idle": "idle (baseline)",
    "card": "ID card read (PTY)",
    "print": "receipt print (TCP)",
    "sync": f"sync {SYNC_BATCH} records",
}
IDENTIFY = {  # the identify screen as a journey opens it: waiting for a card, no face step
    "next": "home",
    "next_params": {},
    "face": False,
    "purpose_key": "identify.for",
    "purpose_params": {"item": "最低生活保障申请"},
}


class Heartbeat:
    """A precise 5 ms timer on the GUI thread; the gaps between its ticks, in ms, and how much
    of the longest gap the GUI thread spent on a core: near all of it, Qt or our code was
    working (layout, paint, a slot); little of it, the thread waited (for the GIL held by
    another thread of ours, or for a core the machine's other processes had)."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.ticks: list[tuple[float, float]] = []

    def _tick(self) -> None:
        self.ticks.append((time.perf_counter(), time.thread_time()))

    @contextmanager
    def beating(self, gaps: list[list[float]], on_cpu: list[float]) -> Iterator[None]:
        self.ticks = []
        self._tick()
        self.timer.start(BEAT_MS)
        try:
            yield
        finally:
            self.timer.stop()
            self._tick()
            pairs = list(zip(self.ticks, self.ticks[1:], strict=False))
            gaps.append([(b[0] - a[0]) * 1000 for a, b in pairs])
            a, b = max(pairs, key=lambda pair: pair[1][0] - pair[0][0])
            on_cpu.append((b[1] - a[1]) * 1000)


def wait_until(condition: Callable[[], bool], timeout_s: float = 30.0) -> None:
    """Runs the GUI event loop (never sleeps on it) until `condition()` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    check = QTimer()

    def poll() -> None:
        if condition() or time.monotonic() > deadline:
            loop.quit()

    check.timeout.connect(poll)
    check.start(10)
    loop.exec()
    check.stop()
    if not condition():
        raise RuntimeError("timed out waiting on the kiosk")


def pause(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    wait_until(lambda: time.monotonic() >= end)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@contextmanager
def _environ(values: dict[str, str]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class _Pending:
    """Polls the outbox on a thread of its own (its own connection) until nothing is unsent."""

    def __init__(self, kiosk: Any) -> None:
        self.kiosk = kiosk
        self.done = threading.Event()
        self.at_start: int | None = None  # unsent when it first looked

    def start(self) -> _Pending:
        threading.Thread(target=self._run, daemon=True).start()
        return self

    def _run(self) -> None:
        from offline_queue.store import open_terminal_outbox

        enrolment = self.kiosk.credentials.enrolment()
        data = self.kiosk.config.terminal.data_dir
        outbox = open_terminal_outbox(
            data, enrolment.seal_public_key, enrolment.terminal_id, self.kiosk.clock
        )
        try:
            while pending := sum(outbox.stats().pending_by_kind.values()):
                if self.at_start is None:
                    self.at_start = pending
                time.sleep(0.02)
            if self.at_start is None:
                self.at_start = 0
        finally:
            outbox.close()
        self.done.set()


class _Drive:
    """The kiosk, its emulated reader and printer, and the actions whose stalls are taken."""

    def __init__(self, kiosk: Any, reader: Any, printer: Any) -> None:
        from kiosk.ports.card_reader import CardEvent, CardEventKind

        self.kiosk, self.reader, self.printer = kiosk, reader, printer
        self.window = kiosk.window
        self.heartbeat = Heartbeat()
        self.kinds = CardEventKind
        self.seen: list[CardEventKind] = []
        self.sent: list[int] = []
        self.repaints: list[float] = []
        self.round = 0

        def on_card(event: CardEvent) -> None:
            self.seen.append(event.kind)

        kiosk.ctx.devices.card_event.connect(on_card)

    def prepare(self) -> None:
        """Unmeasured, before each round: a fresh visit on the identify screen, and the batch
        the sync will send."""
        self.kiosk.ctx.session.finish()
        self.window.navigator.home()
        pause(200)
        self.window.navigator.go("identify", IDENTIFY)
        pause(300)
        from kiosk.self_test import queue_test_submissions

        queue_test_submissions(self.kiosk, SYNC_BATCH)

    def idle(self) -> None:
        pause(1000)

    def card(self) -> None:
        from devices.emulators.people import PEOPLE

        self.seen.clear()
        self.reader.present(PEOPLE[self.round % len(PEOPLE)])
        wait_until(lambda: self.kinds.IDENTITY_READ in self.seen)
        pause(TAIL_MS)

    def card_out(self) -> None:
        self.reader.remove()
        wait_until(lambda: self.kinds.CARD_REMOVED in self.seen)

    def print(self) -> None:
        from tests.devices.receipts import sample_receipt

        done: list[object] = []
        device = self.kiosk.devices.printer
        self.kiosk.workers.run(
            lambda: device.print_receipt(sample_receipt()), done.append, done.append
        )
        wait_until(lambda: bool(done))
        if isinstance(done[0], Exception):
            raise done[0]
        pause(TAIL_MS)

    def sync(self) -> None:
        pending = _Pending(self.kiosk).start()
        self.kiosk.queue.sync.sync_now()
        wait_until(pending.done.is_set, 120)
        self.sent.append(pending.at_start or 0)
        pause(TAIL_MS)

    def repaint(self) -> None:
        """What one full repaint of the window costs, for comparison."""
        started = time.perf_counter()
        self.window.repaint()
        self.repaints.append((time.perf_counter() - started) * 1000)


def _start_kiosk(tmp: Path, central: CentralHandle) -> _Drive:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from bench.ui import EXAMPLE, kiosk_env
    from devices.emulators.escpos_printer import EscposPrinterEmulator
    from devices.emulators.idreader import IdReaderEmulator
    from kiosk.app import Kiosk, build

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    # Offscreen, Qt warns about window hints it cannot honour, once per dialog: not a figure.
    qInstallMessageHandler(lambda *_args: None)
    reader = IdReaderEmulator().start()
    printer = EscposPrinterEmulator().start()
    host, port = printer.address
    env = kiosk_env(
        central,
        tmp / "stalls" / "kiosk",
        devices_id_reader__driver="serial_idreader",
        devices_id_reader__port=reader.port,
        devices_id_reader__poll_s="0.05",
        devices_id_reader__photo_decoder="",
        devices_printer__driver="escpos",
        devices_printer__transport="network",
        devices_printer__host=host,
        devices_printer__port=str(port),
    )
    with _environ(env):
        built = build(app, EXAMPLE)
    if not isinstance(built, Kiosk):
        reader.stop()
        printer.stop()
        raise RuntimeError("the kiosk did not build")
    built.window.resize(1080, 1920)
    built.window.show()
    return _Drive(built, reader, printer)


def _stop(drive: _Drive) -> None:
    drive.heartbeat.timer.stop()
    for timer in drive.kiosk.timers:
        timer.stop()
    drive.kiosk.close()
    drive.window.close()
    drive.reader.stop()
    drive.printer.stop()


def bench_stalls(tmp: Path, central: CentralHandle, rounds: int) -> None:
    drive = _start_kiosk(tmp, central)
    gaps: dict[str, list[list[float]]] = {name: [] for name in ACTIONS}
    on_cpu: dict[str, list[float]] = {name: [] for name in ACTIONS}
    spans: dict[str, list[float]] = {name: [] for name in ACTIONS}
    actions: dict[str, Callable[[], None]] = {
        "idle": drive.idle,
        "card": drive.card,
        "print": drive.print,
        "sync": drive.sync,
    }
    try:
        wait_until(lambda: drive.kiosk.reported_healthy and drive.kiosk.queue is not None, 60)
        pause(1000)  # the start's own work (heartbeat, first sync) settles
        for drive.round in range(rounds):
            drive.prepare()
            for name, action in actions.items():
                started = time.perf_counter()
                with drive.heartbeat.beating(gaps[name], on_cpu[name]):
                    action()
                spans[name].append(time.perf_counter() - started - TAIL_MS / 1000)
                if name == "card":
                    drive.card_out()
                pause(200)
            drive.repaint()
            pause(200)
    finally:
        _stop(drive)
    _report(rounds, gaps, on_cpu, spans, drive)


def _report(
    rounds: int,
    gaps: dict[str, list[list[float]]],
    on_cpu: dict[str, list[float]],
    spans: dict[str, list[float]],
    drive: _Drive,
) -> None:
    print(
        f"GUI-thread stalls with the whole kiosk ({rounds} rounds; a {BEAT_MS} ms heartbeat"
        f" timer; goal: longest stall <= {GOAL_STALL_MS:.0f} ms):"
    )
    if min(drive.sent) < SYNC_BATCH:
        print(f"  (the sync found {min(drive.sent)} of {SYNC_BATCH} records unsent in one round)")
    base = [max(max(g) - BEAT_MS, 0.0) for g in gaps["idle"]]
    for name, label in ACTIONS.items():
        longest = [max(max(g) - BEAT_MS, 0.0) for g in gaps[name]]
        p99 = [_pct(g, 0.99) for g in gaps[name]]
        ratio = statistics.median(longest) / max(statistics.median(base), 0.1)
        took = "" if name == "idle" else f"; took {spread(spans[name], 3)} s"
        print(
            f"  {label:22} longest stall {spread(longest, 1)} ms ({ratio:.1f}x idle;"
            f" GUI thread on a core {statistics.median(on_cpu[name]):.0f} ms of it),"
            f" p99 gap {spread(p99, 1)} ms{took}"
        )
    repaint = spread(drive.repaints, 1)
    print(f"  one full repaint of the window (offscreen, for comparison): {repaint} ms")

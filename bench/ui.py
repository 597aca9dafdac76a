"""UI figures for `make bench` (or `python -m bench ui`): the kiosk's cold start and the longest
stalls of its GUI thread, each against a baseline measured in the same run. No thresholds: the
goals are printed beside the figures.

Cold start: from spawning `python -m kiosk` (offscreen, simulated devices, enrolled at a
reference platform on loopback) to the moment its event loop turns with the home screen shown:
the READY=1 the kiosk sends systemd at its first event-loop turn (kiosk.app.start_liveness),
caught on a NOTIFY_SOCKET of our own. The baseline is a bare PySide6 process (QApplication, a
QWidget shown, one event-loop turn, READY=1 the same way). Also: until the home screen has the
platform's catalog (the kiosk's health report, the moment the updater waits for). The terminal
is already enrolled with its catalog cached (a warm-up start does that first), as on every start
but the first; the disk cache is warm for both processes alike.

GUI-thread stalls: the whole kiosk built in this process (kiosk.app.build, offscreen) with a
5 ms heartbeat timer on the GUI thread; the longest gap between its ticks beyond the interval
is the longest stall. Measured while idle (the baseline) and while the kiosk
  - reads an ID card: the ID-reader emulator on a PTY (the real serial driver, 50 ms poll), the
    card presented while the identify screen waits for it, until the identity is shown;
  - prints a receipt: the real ESC/POS driver over TCP to the printer emulator, on a worker as
    the screens have the services do it;
  - syncs a batch of queued records to the platform: the app's own sync thread, woken.
"""

from __future__ import annotations

import os
import select
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.machine import Busy, spread
from kiosk.config import DEVICE_DRIVERS
from tests.support.central import CentralHandle, running_central

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "config" / "kiosk.example.toml"
GOAL_STALL_MS = 50.0
BEAT_MS = 5
TAIL_MS = 300  # after each action, so the GUI's reaction to its result is measured too
SYNC_BATCH = 100

BARE = """
import os, socket
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

app = QApplication([])
w = QWidget()
w.resize(1080, 1920)
w.show()

def ready():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s.sendto(b"READY=1", os.environ["NOTIFY_SOCKET"])
    app.quit()

QTimer.singleShot(0, ready)
app.exec()
"""


def kiosk_env(central: CentralHandle, data: Path, **extra: str) -> dict[str, str]:
    """KIOSK__ overrides for the example config: this platform, this data dir, simulated
    devices (the example names real hardware), sync and refresh left to the bench."""
    env = {
        "platform__base_url": central.base_url,
        "terminal__data_dir": str(data),
        "logging__dir": str(data / "logs"),
        "terminal__enrolment_code": central.new_enrolment_code(),
        "platform__probe_interval_s": "600",
        "logging__level": "WARNING",  # the log file only; the figures go to stdout
        "ui__fullscreen": "false",
        **{f"devices_{name}__driver": "simulated" for name in DEVICE_DRIVERS},
        **extra,
    }
    return {"KIOSK__" + key.upper(): value for key, value in env.items()}


# --- cold start ------------------------------------------------------------------------------


class _Notify:
    """Our end of $NOTIFY_SOCKET (a short path: AF_UNIX paths are limited to 107 bytes)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))

    def wait_ready(self, deadline: float) -> float:
        """perf_counter() when READY=1 arrived."""
        while (left := deadline - time.perf_counter()) > 0:
            readable, _, _ = select.select([self.sock], [], [], left)
            if readable and b"READY=1" in self.sock.recv(4096):
                return time.perf_counter()
        raise RuntimeError("no READY=1 in time")

    def close(self) -> None:
        self.sock.close()
        self.path.unlink(missing_ok=True)


def _start_once(
    command: list[str], env: dict[str, str], notify: _Notify, health: Path | None
) -> tuple[float, float | None]:
    """Seconds from spawning to READY=1, and (with `health`) to the health report."""
    if health is not None:
        health.unlink(missing_ok=True)
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = started + 60
        ready = notify.wait_ready(deadline) - started
        healthy = None
        if health is not None:
            while not health.exists():
                if time.perf_counter() > deadline or proc.poll() is not None:
                    raise RuntimeError("the kiosk never reported healthy")
                time.sleep(0.005)
            healthy = time.perf_counter() - started
        return ready, healthy
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def bench_cold_start(tmp: Path, central: CentralHandle, rounds: int) -> None:
    data = tmp / "cold" / "kiosk"
    health = data / "health.json"
    sock_dir = Path(tempfile.mkdtemp(prefix="bench-", dir="/tmp"))
    notify = _Notify(sock_dir / "notify.sock")
    env = {
        **os.environ,
        **kiosk_env(central, data),
        "QT_QPA_PLATFORM": "offscreen",
        "NOTIFY_SOCKET": str(notify.path),
        "PYTHONPATH": str(REPO),
    }
    kiosk_cmd = [sys.executable, "-m", "kiosk", str(EXAMPLE)]
    bare_cmd = [sys.executable, "-c", BARE]
    before = os.times()
    try:
        _start_once(kiosk_cmd, env, notify, health)  # enrols and caches the catalog
        _start_once(bare_cmd, env, notify, None)
        kiosk_ready: list[float] = []
        kiosk_healthy: list[float] = []
        bare: list[float] = []
        for _ in range(rounds):
            bare.append(_start_once(bare_cmd, env, notify, None)[0])
            ready, healthy = _start_once(kiosk_cmd, env, notify, health)
            kiosk_ready.append(ready)
            kiosk_healthy.append(healthy or 0.0)
    finally:
        notify.close()
        sock_dir.rmdir()
    after = os.times()
    children = (after.children_user + after.children_system) - (
        before.children_user + before.children_system
    )
    ratios = [k / b for k, b in zip(kiosk_ready, bare, strict=True)]
    print(f"cold start, spawn -> event loop turning with the window shown ({rounds} rounds, s):")
    print(f"  bare PySide6 window          {spread(bare)}")
    print(f"  kiosk, home screen shown     {spread(kiosk_ready)}   ratio {spread(ratios, 1)}x")
    later = [(h - r) * 1000 for h, r in zip(kiosk_healthy, kiosk_ready, strict=True)]
    print(f"  kiosk, home with the catalog {spread(kiosk_healthy)}   ({spread(later, 0)} ms later)")
    print(f"  (the started processes used {children:.1f} s of CPU in all)")


# --- GUI-thread stalls -----------------------------------------------------------------------


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


def _enqueue(kiosk: Any, n: int) -> None:
    from kiosk.self_test import TEST_APPLICANT, sample_form
    from offline_queue.records import NewRecord
    from offline_queue.store import open_terminal_outbox

    enrolment = kiosk.credentials.enrolment()
    items = kiosk.catalog.cached().catalog.items
    item = items[sorted(items)[0]]
    form = sample_form(dict(item.form_schema), kiosk.clock.now().astimezone().date())
    outbox = open_terminal_outbox(
        kiosk.config.terminal.data_dir,
        enrolment.seal_public_key,
        enrolment.terminal_id,
        kiosk.clock,
    )
    try:
        for _ in range(n):
            outbox.enqueue(
                NewRecord(
                    kind="submission",
                    personal={"applicant": TEST_APPLICANT, "form": form, "agent": None},
                    meta={"self_test": True},
                    item_code=item.code,
                    item_name=item.name,
                    masked_name="自*",
                )
            )
    finally:
        outbox.close()


def bench_stalls(tmp: Path, central: CentralHandle, rounds: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from devices.emulators.escpos_printer import EscposPrinterEmulator
    from devices.emulators.idreader import IdReaderEmulator
    from devices.emulators.people import PEOPLE
    from kiosk.app import Kiosk, build
    from kiosk.ports.card_reader import CardEvent, CardEventKind
    from tests.devices.receipts import sample_receipt

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
        raise RuntimeError("the kiosk did not build")
    kiosk = built
    window = kiosk.window
    window.resize(1080, 1920)
    window.show()
    heartbeat = Heartbeat()
    seen: list[CardEventKind] = []

    def on_card(event: CardEvent) -> None:
        seen.append(event.kind)

    bridge = kiosk.ctx.devices
    assert bridge is not None
    bridge.card_event.connect(on_card)
    try:
        wait_until(lambda: kiosk.reported_healthy and kiosk.queue is not None, 60)
        pause(1000)  # the start's own work (heartbeat, first sync) settles

        def idle() -> None:
            pause(1000)

        def card(i: int) -> Callable[[], None]:
            def run() -> None:
                seen.clear()
                reader.present(PEOPLE[i % len(PEOPLE)])
                wait_until(lambda: CardEventKind.IDENTITY_READ in seen)
                pause(TAIL_MS)

            return run

        def print_receipt() -> None:
            done: list[object] = []
            device = kiosk.devices.printer
            assert device is not None
            kiosk.workers.run(
                lambda: device.print_receipt(sample_receipt()), done.append, done.append
            )
            wait_until(lambda: bool(done))
            if isinstance(done[0], Exception):
                raise done[0]
            pause(TAIL_MS)

        def sync() -> None:
            pending = _Pending(kiosk).start()
            assert kiosk.queue is not None
            kiosk.queue.sync.sync_now()
            wait_until(pending.done.is_set, 120)
            sent.append(pending.at_start or 0)
            pause(TAIL_MS)

        def repaint() -> None:  # what one full repaint of the window costs, for comparison
            started = time.perf_counter()
            window.repaint()
            repaints.append((time.perf_counter() - started) * 1000)

        sent: list[int] = []
        repaints: list[float] = []
        gaps: dict[str, list[list[float]]] = {"idle": [], "card": [], "print": [], "sync": []}
        spans: dict[str, list[float]] = {name: [] for name in gaps}
        on_cpu: dict[str, list[float]] = {name: [] for name in gaps}
        for i in range(rounds):
            # before each card: the identify screen waits for it, with a fresh visit
            kiosk.ctx.session.finish()
            window.navigator.home()
            pause(200)
            window.navigator.go(
                "identify",
                {
                    "next": "home",
                    "next_params": {},
                    "face": False,
                    "purpose_key": "identify.for",
                    "purpose_params": {"item": "最低生活保障申请"},
                },
            )
            pause(300)
            _enqueue(kiosk, SYNC_BATCH)  # unmeasured: the batch the sync will send
            for name, action in (
                ("idle", idle),
                ("card", card(i)),
                ("print", print_receipt),
                ("sync", sync),
            ):
                started = time.perf_counter()
                with heartbeat.beating(gaps[name], on_cpu[name]):
                    action()
                spans[name].append(time.perf_counter() - started - TAIL_MS / 1000)
                if name == "card":
                    reader.remove()
                    wait_until(lambda: CardEventKind.CARD_REMOVED in seen)
                pause(200)
            repaint()
            pause(200)
    finally:
        heartbeat.timer.stop()
        for timer in kiosk.timers:
            timer.stop()
        kiosk.close()
        window.close()
        reader.stop()
        printer.stop()

    print(
        f"GUI-thread stalls with the whole kiosk ({rounds} rounds; a {BEAT_MS} ms heartbeat"
        f" timer; goal: longest stall <= {GOAL_STALL_MS:.0f} ms):"
    )
    base = [max(max(g) - BEAT_MS, 0.0) for g in gaps["idle"]]
    labels = {
        "idle": "idle (baseline)",
        "card": "ID card read (PTY)",
        "print": "receipt print (TCP)",
        "sync": f"sync {SYNC_BATCH} records",
    }
    if min(sent) < SYNC_BATCH:
        print(f"  (the sync found {min(sent)} of {SYNC_BATCH} records unsent in one round)")
    for name, label in labels.items():
        longest = [max(max(g) - BEAT_MS, 0.0) for g in gaps[name]]
        p99 = [_pct(g, 0.99) for g in gaps[name]]
        ratio = statistics.median(longest) / max(statistics.median(base), 0.1)
        took = "" if name == "idle" else f"; took {spread(spans[name], 3)} s"
        print(
            f"  {label:22} longest stall {spread(longest, 1)} ms ({ratio:.1f}x idle;"
            f" GUI thread on a core {statistics.median(on_cpu[name]):.0f} ms of it),"
            f" p99 gap {spread(p99, 1)} ms{took}"
        )
    print(f"  one full repaint of the window (offscreen, for comparison): {spread(repaints, 1)} ms")


def main(tmp: Path, rounds: int) -> None:
    with running_central(tmp / "central") as central:
        busy = Busy([central.pid])
        bench_cold_start(tmp, central, rounds)
        print(f"  machine: {busy.stop()}")
        busy = Busy([central.pid])
        bench_stalls(tmp, central, rounds)
        print(f"  machine: {busy.stop()}")

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

GUI-thread stalls: bench/ui_stalls.py. Screen changes in Chinese and Uyghur: bench/ui_screens.py.
"""

from __future__ import annotations

import os
import select
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.machine import Busy, spread
from bench.ui_screens import bench_screen_changes
from bench.ui_stalls import bench_stalls
from kiosk.config import DEVICE_DRIVERS
from tests.support.central import CentralHandle, running_central

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "config" / "kiosk.example.toml"

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


def main(tmp: Path, rounds: int) -> None:
    with running_central(tmp / "central") as central:
        busy = Busy([central.pid])
        bench_cold_start(tmp, central, rounds)
        print(f"  machine: {busy.stop()}")
        busy = Busy([central.pid])
        bench_stalls(tmp, central, rounds)
        print(f"  machine: {busy.stop()}")
    busy = Busy([])
    bench_screen_changes(rounds)
    print(f"  machine: {busy.stop()}")

"""pcscd for the emulators and the tests: find it, start it as a child, share vpcd safely.

vpcd's two reader slots are fixed TCP ports (35963 "Virtual PCD 00 00", 35964 "Virtual PCD 00
01") of the one system pcscd, and several worktrees, CI jobs and `make run` may use them at
the same time. Whoever inserts virtual cards into slot 0, or starts and stops pcscd, holds
`vpcd_lock()` (an flock, so a killed holder releases it). `make run` uses slot 1 only and
never takes the lock, so the tests and a running kiosk do not see each other's cards.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

PCSCD_SOCKET = Path("/run/pcscd/pcscd.comm")
VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
TEST_SLOT = (35963, "Virtual PCD 00 00")  # tests, under vpcd_lock()
RUN_SLOT = (35964, "Virtual PCD 00 01")  # make run
LOCK_NAME = "kiosk-vpcd-tests.lock"
READY_TIMEOUT_S = 30.0


class PcscdUnavailable(RuntimeError):
    """pcscd or the vpcd driver is not installed, or pcscd would not start."""


def lock_path() -> Path:
    run_lock = Path("/run/lock")
    if run_lock.is_dir() and os.access(run_lock, os.W_OK):
        return run_lock / LOCK_NAME
    return Path(tempfile.gettempdir()) / LOCK_NAME


@contextlib.contextmanager
def vpcd_lock(timeout_s: float = 300.0) -> Iterator[None]:
    """Hold the cross-process vpcd lock. Raises TimeoutError when another holder keeps it
    longer than `timeout_s` (a test holds it for seconds, a whole suite for a minute)."""
    path = lock_path()
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        with contextlib.suppress(PermissionError):
            os.fchmod(fd, 0o666)  # shared by every user who runs the tests
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{path} held by another process") from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def find_pcscd() -> str:
    """The pcscd executable. Raises PcscdUnavailable naming the packages to install."""
    exe = shutil.which("pcscd") or shutil.which("pcscd", path="/usr/sbin:/sbin")
    if exe is None or not VPCD_DRIVER.exists():
        raise PcscdUnavailable(
            "pcscd and vsmartcard-vpcd are needed: run `make setup` as root "
            "(scripts/setup-system.sh installs them)"
        )
    return exe


def pcscd_running() -> bool:
    """True when something accepts connections on pcscd's socket (a daemon, or systemd's
    pcscd.socket that starts one on demand)."""
    if not PCSCD_SOCKET.exists():
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(str(PCSCD_SOCKET))
        except OSError:
            return False
    return True


class PcscdProcess:
    """pcscd run in the foreground as our child; start() waits for "daemon ready", stop()
    terminates it and reaps it (PID 1 here reaps nothing). Not thread-safe."""

    def __init__(self, exe: str | None = None) -> None:
        self._exe = exe or find_pcscd()
        self._proc: subprocess.Popen[str] | None = None
        self._drain: threading.Thread | None = None
        self.log_tail: list[str] = []

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        if self.running:
            return
        ready = threading.Event()
        self.log_tail = []
        proc = subprocess.Popen(
            [self._exe, "--foreground", "--debug"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            env={**os.environ, "LANG": "C"},
        )
        self._proc = proc
        self._drain = threading.Thread(
            target=self._drain_log, args=(proc.stdout, ready), name="pcscd-log", daemon=True
        )
        self._drain.start()
        if not ready.wait(READY_TIMEOUT_S) or proc.poll() is not None:
            self.stop()
            raise PcscdUnavailable("pcscd did not become ready:\n" + "".join(self.log_tail))

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if self._drain is not None:
            self._drain.join(timeout=5)
            self._drain = None

    def _drain_log(self, stream: IO[str] | None, ready: threading.Event) -> None:
        """Keeps the pipe from filling up and spots readiness; the tail helps a failed start."""
        for line in stream or ():
            self.log_tail.append(line)
            del self.log_tail[:-50]
            if "daemon ready" in line:
                ready.set()

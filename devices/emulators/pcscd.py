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

from smartcard import scard

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


class _ProcessHold:
    """The flock is per open file, so a second flock from this process would wait for itself:
    threads of one process queue on an RLock and only the outermost holder takes the flock."""

    lock = threading.RLock()
    depth = 0
    fd = -1


@contextlib.contextmanager
def vpcd_lock(timeout_s: float = 300.0) -> Iterator[None]:
    """Hold the cross-process vpcd lock (reentrant within a process). Raises TimeoutError
    when another holder keeps it longer than `timeout_s` (a test holds it for seconds)."""
    if not _ProcessHold.lock.acquire(timeout=timeout_s):
        raise TimeoutError("vpcd lock held by another thread of this process")
    try:
        if _ProcessHold.depth == 0:
            _ProcessHold.fd = _flock(timeout_s)
        _ProcessHold.depth += 1
        try:
            yield
        finally:
            _ProcessHold.depth -= 1
            if _ProcessHold.depth == 0:
                fcntl.flock(_ProcessHold.fd, fcntl.LOCK_UN)
                os.close(_ProcessHold.fd)
                _ProcessHold.fd = -1
    finally:
        _ProcessHold.lock.release()


def _flock(timeout_s: float) -> int:
    path = lock_path()
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    with contextlib.suppress(PermissionError):
        os.fchmod(fd, 0o666)  # shared by every user who runs the tests
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(fd)
                raise TimeoutError(f"{path} held by another process") from None
            time.sleep(0.05)


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


def vpcd_slots_present(timeout_s: float) -> bool:
    """True once pcscd lists both vpcd readers (they appear just after "daemon ready")."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult == scard.SCARD_S_SUCCESS:
            try:
                _, readers = scard.SCardListReaders(ctx, [])
            finally:
                scard.SCardReleaseContext(ctx)
            if {TEST_SLOT[1], RUN_SLOT[1]} <= set(readers or []):
                return True
        time.sleep(0.1)
    return False


def _port_taken(port: int) -> bool:
    """Whether vpcd could listen on `port` now (SO_REUSEADDR, as a server would bind)."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("0.0.0.0", port))
        except OSError:
            return True
    return False


class PcscdProcess:
    """pcscd run in the foreground as our child; start() waits for "daemon ready", stop()
    terminates it and reaps it (PID 1 here reaps nothing). Not thread-safe."""

    def __init__(self, exe: str | None = None) -> None:
        self._exe = exe or find_pcscd()
        self._proc: subprocess.Popen[str] | None = None
        self._drain: threading.Thread | None = None
        self.log_head: list[str] = []  # start-up: which readers and drivers loaded
        self.log_tail: list[str] = []

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        """Start pcscd and wait until it serves both vpcd slots. A pcscd that comes up without
        them (seen once under load, cause unknown: vpcd could not listen) is stopped and
        started again, twice at most; then PcscdUnavailable carries its log."""
        for attempt in range(3):
            self._start_once()
            if vpcd_slots_present(READY_TIMEOUT_S / 3):
                return
            self.stop()
            time.sleep(1.0 + attempt)
        log = "".join(self.log_head) + "...\n" + "".join(self.log_tail[-10:])
        busy = [port for port in (TEST_SLOT[0], RUN_SLOT[0]) if _port_taken(port)]
        raise PcscdUnavailable(
            f"pcscd started without the vpcd readers (ports in use: {busy or 'none'}; "
            "scripts/setup-system.sh reserves them):\n" + log
        )

    def _start_once(self) -> None:
        if self.running:
            return
        ready = threading.Event()
        self.log_head, self.log_tail = [], []
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
            if len(self.log_head) < 40:
                self.log_head.append(line)
            self.log_tail.append(line)
            del self.log_tail[:-50]
            if "daemon ready" in line:
                ready.set()

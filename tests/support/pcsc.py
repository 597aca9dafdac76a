"""pcscd for tests: reuse a running daemon, or start one as a child and stop it afterwards.

Skips only when pcscd or the vpcd driver is not installed (`make test` installs both). The
child runs `pcscd --foreground --debug`; readiness is its "daemon ready" log line, read on a
drain thread that also keeps the pipe from filling up.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

PCSCD_SOCKET = Path("/run/pcscd/pcscd.comm")
VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
READY_TIMEOUT_S = 30.0


def pcscd_running() -> bool:
    if not PCSCD_SOCKET.exists():
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(str(PCSCD_SOCKET))
        except OSError:
            return False
    return True


def _drain(stream: object, ready: threading.Event, tail: list[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        tail.append(line)
        del tail[:-50]
        if "daemon ready" in line:
            ready.set()


@pytest.fixture(scope="session")
def pcscd() -> Iterator[None]:
    """A pcscd with the vpcd readers ("Virtual PCD 00 00" / "00 01") for the whole session."""
    exe = shutil.which("pcscd") or shutil.which("pcscd", path="/usr/sbin:/sbin")
    if exe is None:
        pytest.skip("pcscd is not installed (apt-get install pcscd vsmartcard-vpcd)")
    if not VPCD_DRIVER.exists():
        pytest.skip("vsmartcard-vpcd is not installed (apt-get install vsmartcard-vpcd)")
    if pcscd_running():
        yield  # a system-wide pcscd: reuse it, leave it running
        return
    ready = threading.Event()
    tail: list[str] = []
    proc = subprocess.Popen(
        [exe, "--foreground", "--debug"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
        env={**os.environ, "LANG": "C"},
    )
    drain = threading.Thread(target=_drain, args=(proc.stdout, ready, tail), daemon=True)
    drain.start()
    try:
        if not ready.wait(READY_TIMEOUT_S) or proc.poll() is not None:
            raise RuntimeError("pcscd did not become ready:\n" + "".join(tail))
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        drain.join(timeout=5)

"""A stand-in for systemd's end of $NOTIFY_SOCKET: a datagram socket that collects messages."""

from __future__ import annotations

import contextlib
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path


class NotifyListener:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.setblocking(False)
        self.messages: list[str] = []

    def drain(self) -> list[str]:
        """Messages that arrived since the last drain (never blocks)."""
        new: list[str] = []
        while True:
            try:
                new.append(self.sock.recv(4096).decode())
            except BlockingIOError:
                break
        self.messages += new
        return new

    def close(self) -> None:
        self.sock.close()


@contextlib.contextmanager
def notify_listener() -> Iterator[NotifyListener]:
    # A short path: AF_UNIX paths are limited to 107 bytes, and pytest's tmp_path can be long.
    with tempfile.TemporaryDirectory(prefix="notify-", dir="/tmp") as tmp:
        listener = NotifyListener(Path(tmp) / "notify.sock")
        try:
            yield listener
        finally:
            listener.close()

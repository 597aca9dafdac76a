"""systemd's notify protocol in a few lines (no libsystemd, no new dependency).

The kiosk session unit is `Type=notify` with `NotifyAccess=all`: the kiosk runs as a child of
cage, which is the unit's main process, so WATCHDOG_PID names cage and is deliberately not
checked here. The UI sends READY=1 once its window is up and WATCHDOG=1 from a timer on its
own event loop, so a blocked GUI thread stops the pings and systemd restarts the session.
The headless sync service (`kiosk-sync.service`, `Type=notify` too) pings from its loop's
progress through `Pinger`: each wait tick, each batch, each exchange with the platform.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Mapping


class Notifier:
    """Sends to $NOTIFY_SOCKET; does nothing when not run under systemd (tests, `make run`)."""

    def __init__(self, environ: Mapping[str, str] = os.environ) -> None:
        address = environ.get("NOTIFY_SOCKET", "")
        self.address = "\0" + address[1:] if address.startswith("@") else address
        usec = environ.get("WATCHDOG_USEC", "")
        self.watchdog_s = int(usec) / 1e6 if usec.isdigit() and int(usec) > 0 else None

    @property
    def enabled(self) -> bool:
        return bool(self.address)

    @property
    def ping_interval_s(self) -> float | None:
        """Half the watchdog timeout, as sd_watchdog_enabled(3) advises; None if no watchdog."""
        return None if self.watchdog_s is None or not self.enabled else self.watchdog_s / 2

    def send(self, *fields: str) -> bool:
        if not self.enabled:
            return False
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                # Never block the GUI thread on a busy or stuck receiver: drop the ping instead
                # (a missed ping is what the watchdog is for).
                sock.sendto("\n".join(fields).encode(), socket.MSG_DONTWAIT, self.address)
        except OSError:
            return False  # systemd gone (shutdown), a full queue, or a stale socket
        return True

    def ready(self, status: str = "") -> bool:
        return self.send("READY=1", *([f"STATUS={status}"] if status else []))

    def ping(self) -> bool:
        return self.send("WATCHDOG=1")


class Pinger:
    """WATCHDOG=1 for a loop that reports progress far more often than the watchdog needs (the
    sync service: every request): at most one datagram per `min_gap_s`."""

    def __init__(
        self,
        notifier: Notifier,
        min_gap_s: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.notifier, self.min_gap_s, self._monotonic = notifier, min_gap_s, monotonic
        self._last: float | None = None

    def __call__(self) -> None:
        now = self._monotonic()
        if self._last is None or now - self._last >= self.min_gap_s:
            self._last = now
            self.notifier.ping()

"""The shape every device shares: state, status, capabilities and status events.

Domain types only. A device reports what is wrong as a DeviceStatus whose message_key the UI
translates; vendor codes are kept for the technician view, never shown to villagers.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, ParamSpec, Protocol

P = ParamSpec("P")
log = logging.getLogger(__name__)


class DeviceState(StrEnum):
    READY = "ready"
    BUSY = "busy"
    DEGRADED = "degraded"  # still usable, with a warning (e.g. paper near end)
    OFFLINE = "offline"  # absent, unplugged or not answering
    ERROR = "error"  # present but unusable until someone acts (e.g. out of paper)


@dataclass(frozen=True)
class DeviceStatus:
    state: DeviceState
    message_key: str
    detail: str = ""  # technical, for logs and the technician view; never personal data
    vendor_code: str | None = None

    @property
    def usable(self) -> bool:
        return self.state in (DeviceState.READY, DeviceState.DEGRADED)


StatusListener = Callable[[DeviceStatus], None]
Unsubscribe = Callable[[], None]


class Listeners(Generic[P]):
    """A thread-safe list of listeners, for devices' status events and the health that
    follows them. call() runs every listener on the calling thread, outside the lock; one that
    raises is logged and never stops the others (nor the device reporting)."""

    def __init__(self, what: str) -> None:
        self._what = what
        self._lock = threading.Lock()
        self._listeners: list[Callable[P, None]] = []

    def add(self, listener: Callable[P, None]) -> Unsubscribe:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def call(self, *args: P.args, **kwargs: P.kwargs) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(*args, **kwargs)
            except Exception:
                log.exception("%s listener failed", self._what)


class Device(Protocol):
    """Every device: explicit open/close, a status query, and status events.

    Listeners run on the device's own thread; the UI re-emits them as queued Qt signals.
    """

    def open(self) -> None: ...

    def close(self) -> None: ...

    def status(self) -> DeviceStatus: ...

    def capabilities(self) -> frozenset[str]: ...

    def reset(self) -> None: ...

    def cancel(self) -> None: ...

    def subscribe(self, listener: StatusListener) -> Unsubscribe: ...

"""StatusBroadcast: a device's current status and its listeners, for drivers and simulators.

Thread-safe. set() records a status and, when it differs from the last one, calls every
listener on the calling thread, outside the lock; a listener that raises is logged and never
stops the device.
"""

from __future__ import annotations

import logging
import threading

from kiosk.ports.device import DeviceStatus, StatusListener, Unsubscribe

log = logging.getLogger(__name__)


class StatusBroadcast:
    def __init__(self, device: str, initial: DeviceStatus) -> None:
        self.device = device
        self._lock = threading.Lock()
        self._listeners: list[StatusListener] = []
        self._status = initial

    def get(self) -> DeviceStatus:
        with self._lock:
            return self._status

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def set(self, status: DeviceStatus) -> bool:
        """Record `status`; True (and listeners called) when it changed."""
        with self._lock:
            if status == self._status:
                return False
            self._status = status
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(status)
            except Exception:
                log.exception("status listener failed (%s)", self.device)
        return True

"""StatusBroadcast: a device's current status and its listeners, for drivers and simulators.

Thread-safe. set() records a status and, when it differs from the last one, calls every
listener on the calling thread, outside the lock; a listener that raises is logged and never
stops the device.
"""

from __future__ import annotations

import threading

from kiosk.ports.device import DeviceStatus, Listeners, StatusListener, Unsubscribe


class StatusBroadcast:
    def __init__(self, device: str, initial: DeviceStatus) -> None:
        self.device = device
        self._lock = threading.Lock()
        self._listeners: Listeners[[DeviceStatus]] = Listeners(f"status ({device})")
        self._status = initial

    def get(self) -> DeviceStatus:
        with self._lock:
            return self._status

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        return self._listeners.add(listener)

    def set(self, status: DeviceStatus) -> bool:
        """Record `status`; True (and listeners called) when it changed."""
        with self._lock:
            if status == self._status:
                return False
            self._status = status
        self._listeners.call(status)
        return True

"""DeviceHealth: the latest status of every device, for the UI's banners and the heartbeat.

Qt-free and thread-safe. Devices report from their own threads; listeners are called on the
reporting thread with (device name, status) and must hand work off (the UI through a queued
signal, the heartbeat by reading snapshot() when it next beats). Nothing here blocks except
refresh(), which asks each device for its status and belongs on a worker thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from kiosk.ports.device import Device, DeviceState, DeviceStatus, Listeners, Unsubscribe

log = logging.getLogger(__name__)

HealthListener = Callable[[str, DeviceStatus], None]
STARTING = DeviceStatus(DeviceState.BUSY, "device.starting")
DISABLED = DeviceStatus(DeviceState.OFFLINE, "device.disabled")
_SEVERITY = {
    DeviceState.READY: 0,
    DeviceState.BUSY: 0,
    DeviceState.DEGRADED: 1,
    DeviceState.OFFLINE: 2,
    DeviceState.ERROR: 3,
}


class DeviceHealth:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._statuses: dict[str, DeviceStatus] = {}
        self._devices: dict[str, Device] = {}
        self._unsubscribes: list[Unsubscribe] = []
        self._listeners: Listeners[[str, DeviceStatus]] = Listeners("device health")

    def track(self, name: str, device: Device, initial: DeviceStatus = STARTING) -> None:
        """Follow a device's status events from now on; `initial` until the first one (asking
        the device itself could block: a printer answers over the network)."""
        with self._lock:
            self._devices[name] = device
        self.report(name, initial)
        self._unsubscribes.append(device.subscribe(lambda status: self.report(name, status)))

    def report(self, name: str, status: DeviceStatus) -> None:
        """Record a status (for devices without events, or set by whoever built them)."""
        with self._lock:
            if self._statuses.get(name) == status:
                return
            self._statuses[name] = status
        if status.state in (DeviceState.OFFLINE, DeviceState.ERROR) and status != DISABLED:
            log.warning("device %s: %s %s", name, status.message_key, status.detail)
        self._listeners.call(name, status)

    def subscribe(self, listener: HealthListener) -> Unsubscribe:
        return self._listeners.add(listener)

    def snapshot(self) -> dict[str, DeviceStatus]:
        with self._lock:
            return dict(self._statuses)

    def problems(self) -> dict[str, DeviceStatus]:
        """Devices that are configured but not usable (a disabled device is not a problem)."""
        return {
            name: status
            for name, status in self.snapshot().items()
            if not status.usable and status.message_key != DISABLED.message_key
        }

    def worst(self) -> DeviceState:
        """READY when every configured device is usable, else the most serious state."""
        states = [s.state for s in self.problems().values()] + [
            s.state for s in self.snapshot().values() if s.state is DeviceState.DEGRADED
        ]
        return max(states, key=_SEVERITY.__getitem__, default=DeviceState.READY)

    def refresh(self) -> None:
        """Ask every tracked device for its status now. Worker thread: a printer's status
        query takes up to its timeout. A device whose status() raises is reported failed."""
        with self._lock:
            devices = dict(self._devices)
        for name, device in devices.items():
            try:
                self.report(name, device.status())
            except Exception as exc:  # a driver bug must not stop the others being checked
                log.exception("status of %s failed", name)
                self.report(
                    name, DeviceStatus(DeviceState.ERROR, "device.failed", type(exc).__name__)
                )

    def device_statuses(self) -> dict[str, DeviceStatus]:
        """kiosk.ports.health.DeviceHealthSource for the heartbeat: the snapshot. The kiosk's
        heartbeat tick calls refresh() just before, so the devices are asked once per tick."""
        return self.snapshot()

    def close(self) -> None:
        for unsubscribe in self._unsubscribes:
            unsubscribe()
        self._unsubscribes.clear()

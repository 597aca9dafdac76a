"""Devices to Qt: card events, camera frames and device status changes, re-emitted on the GUI
thread as queued signals.

Device callbacks run on the devices' own threads (pyscard's monitor, the ID reader's poll
loop, the camera's capture loop); nothing there may touch a widget. The bridge lives on the GUI
thread; its listeners only hand the value to a queued signal, so every screen sees:

- `card_event(CardEvent)` in the reader's own order, also from several readers;
- `frame_ready(Frame)`: the newest frame only. A frame that arrives while the previous one is
  still waiting for the GUI replaces it, so a slow GUI drops frames instead of growing a queue;
- `device_status(name, DeviceStatus)` whenever a watched device changes.

The camera runs only while someone uses it (`use_camera(owner)` / `release_camera(owner)`);
opening and closing it block (a USB camera takes up to a second), so both happen on a worker.
Thread: GUI, except where a method says otherwise.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from kiosk.domain.identity import Identity
from kiosk.ports.camera import Camera, Frame
from kiosk.ports.card_reader import CardEvent, CardEventKind, CardReader
from kiosk.ports.device import Device, DeviceState, DeviceStatus, Unsubscribe
from ui.workers import Workers

NamedStatusListener = Callable[[str, DeviceStatus], None]


class DeviceBridge(QObject):
    card_event = Signal(object)  # CardEvent
    frame_ready = Signal(object)  # Frame
    device_status = Signal(str, object)  # device name, DeviceStatus

    # Internal relays: emitted on device threads, delivered queued on the GUI thread.
    _card_relay = Signal(object)
    _frame_relay = Signal()
    _status_relay = Signal(str, object)

    def __init__(
        self,
        workers: Workers,
        card_readers: Mapping[str, CardReader] | None = None,
        camera: Camera | None = None,
    ) -> None:
        super().__init__()
        self._workers = workers
        self.card_readers = dict(card_readers or {})
        self.camera = camera
        queued = Qt.ConnectionType.QueuedConnection
        self._card_relay.connect(self._deliver_card, queued)
        self._frame_relay.connect(self._deliver_frame, queued)
        self._status_relay.connect(self._deliver_status, queued)
        self._unsubscribes: list[Unsubscribe] = []
        self._reader_status: dict[str, DeviceStatus] = {}
        self._present: Identity | None = None  # the identity of the card now on a reader
        self._frame_lock = threading.Lock()
        self._pending_frame: Frame | None = None
        self._camera_users: set[int] = set()
        self._camera_lock = threading.Lock()  # one open/close at a time, on workers
        self._camera_open = False
        for name, reader in self.card_readers.items():
            self._reader_status[name] = reader.status()
            self._unsubscribes.append(reader.subscribe_events(self._card_relay.emit))
            self.watch(name, reader)
        if camera is not None:
            self._unsubscribes.append(camera.subscribe_frames(self._on_frame))
            self.watch("camera", camera)

    # --- status ----------------------------------------------------------------------------

    def watch(self, name: str, device: Device) -> None:
        """Re-emit a device's status changes as device_status(name, status)."""
        self._unsubscribes.append(device.subscribe(lambda s: self._status_relay.emit(name, s)))

    def watch_named(self, subscribe: Callable[[NamedStatusListener], Unsubscribe]) -> None:
        """Re-emit a source of (name, status) changes, e.g. the device health service."""
        self._unsubscribes.append(subscribe(self._status_relay.emit))

    def _deliver_status(self, name: str, status: DeviceStatus) -> None:
        if name in self.card_readers:
            self._reader_status[name] = status
        self.device_status.emit(name, status)

    # --- cards -----------------------------------------------------------------------------

    @property
    def has_card_reader(self) -> bool:
        return bool(self.card_readers)

    def reader_problem(self) -> str:
        """The message key to show when no reader can read a card now ("" when one can)."""
        if not self.card_readers:
            return "reader.missing"
        statuses = list(self._reader_status.values())
        if any(s.usable or s.state is DeviceState.BUSY for s in statuses):
            return ""
        return statuses[0].message_key or "reader.error"

    @property
    def present_identity(self) -> Identity | None:
        """The identity read from the card that is on a reader now, if any. Personal data:
        read it for the person at the terminal, never keep it."""
        return self._present

    def _deliver_card(self, event: CardEvent) -> None:
        if event.kind is CardEventKind.IDENTITY_READ:
            self._present = event.identity
        elif event.kind in (CardEventKind.CARD_REMOVED, CardEventKind.READ_FAILED):
            self._present = None
        elif event.kind is CardEventKind.STATUS_CHANGED and event.status is not None:
            self._reader_status[event.reader] = event.status
            if not event.status.usable:
                self._present = None
        self.card_event.emit(event)

    # --- camera ----------------------------------------------------------------------------

    @property
    def has_camera(self) -> bool:
        return self.camera is not None

    def camera_problem(self) -> str:
        if self.camera is None:
            return "camera.missing"
        status = self.camera.status()
        return "" if status.usable else status.message_key

    def use_camera(self, owner: object) -> None:
        """`owner` wants frames; the camera opens (on a worker) for the first owner."""
        if self.camera is None or id(owner) in self._camera_users:
            return
        self._camera_users.add(id(owner))
        self._reconcile_camera()

    def release_camera(self, owner: object) -> None:
        """`owner` is done; the camera closes (on a worker) after the last owner."""
        if id(owner) not in self._camera_users:
            return
        self._camera_users.discard(id(owner))
        with self._frame_lock:
            self._pending_frame = None
        self._reconcile_camera()

    @property
    def camera_in_use(self) -> bool:
        return bool(self._camera_users)

    @property
    def camera_open(self) -> bool:
        """The camera was opened for its users and not closed since (tests wait on it)."""
        return self._camera_open

    def _reconcile_camera(self) -> None:
        camera = self.camera
        if camera is None:
            return

        def work() -> None:  # worker thread: open or close to match the wish at this moment
            with self._camera_lock:
                wanted = bool(self._camera_users)
                if wanted and not self._camera_open:
                    camera.open()
                    self._camera_open = True
                elif not wanted and self._camera_open:
                    camera.close()
                    self._camera_open = False

        self._workers.run(work, lambda _r: None, self._camera_failed)

    def _camera_failed(self, exc: Exception) -> None:
        status = DeviceStatus(DeviceState.ERROR, "camera.error", type(exc).__name__)
        self.device_status.emit("camera", status)

    def _on_frame(self, frame: Frame) -> None:
        """Camera thread: keep only the newest frame; wake the GUI once per waiting frame."""
        with self._frame_lock:
            wake = self._pending_frame is None
            self._pending_frame = frame
        if wake:
            self._frame_relay.emit()

    def _deliver_frame(self) -> None:
        with self._frame_lock:
            frame, self._pending_frame = self._pending_frame, None
        if frame is not None and self._camera_users:
            self.frame_ready.emit(frame)

    # --- shutdown --------------------------------------------------------------------------

    def close(self) -> None:
        """Stop listening (at exit). The devices themselves are closed by their owner."""
        for unsubscribe in self._unsubscribes:
            try:
                unsubscribe()
            except ValueError:  # already gone
                pass
        self._unsubscribes.clear()
        self._camera_users.clear()
        self._present = None


def connect_while(signal: Any, slot: Callable[..., None]) -> Callable[[], None]:
    """Connect `slot` to `signal` and return the function that disconnects it (screens connect
    to device signals while they show and let go when they leave).

    Disconnects through the connection handle: PySide6 6.12's `SignalInstance.disconnect(slot)`
    drops a reference to `True` on every call, and after a few hundred calls the interpreter
    aborts ("bool_dealloc"); `QObject.disconnect(connection)` does not (tests/ui/test_bridge.py).
    """
    connection = signal.connect(slot)
    done = False

    def disconnect() -> None:
        nonlocal done
        if not done:
            done = True
            QObject.disconnect(connection)

    return disconnect

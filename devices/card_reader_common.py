"""What every card reader driver shares: listener lists and the one place events are sent.

Used by the PC/SC driver, the serial ID reader driver and the simulator, so all three deliver
events the same way: listeners are copied under a lock and called outside it, and a listener
that raises is logged (without the event's personal data) and never stops the reader.
"""

from __future__ import annotations

import logging
import threading

from devices.status_broadcast import StatusBroadcast
from kiosk.domain.identity import Identity
from kiosk.ports.card_reader import CardEvent, CardEventKind, CardEventListener
from kiosk.ports.device import DeviceState, DeviceStatus, StatusListener, Unsubscribe

log = logging.getLogger(__name__)

READY = DeviceStatus(DeviceState.READY, "reader.ready")


class CardEventHub:
    """Holds listeners and the current status; thread-safe; emits on the calling thread."""

    def __init__(self, reader: str, initial: DeviceStatus) -> None:
        self.reader = reader
        self._lock = threading.Lock()
        self._events: list[CardEventListener] = []
        self._status = StatusBroadcast(reader, initial)

    def status(self) -> DeviceStatus:
        return self._status.get()

    def subscribe_events(self, listener: CardEventListener) -> Unsubscribe:
        with self._lock:
            self._events.append(listener)
        return lambda: self._remove(listener)

    def subscribe_status(self, listener: StatusListener) -> Unsubscribe:
        return self._status.subscribe(listener)

    def _remove(self, listener: CardEventListener) -> None:
        with self._lock:
            if listener in self._events:
                self._events.remove(listener)

    def set_status(self, status: DeviceStatus) -> None:
        """Record a status; emits status_changed (and hardware_error for ERROR) on a change."""
        if not self._status.set(status):
            return
        self.emit(CardEvent(CardEventKind.STATUS_CHANGED, self.reader, status=status))
        if status.state is DeviceState.ERROR:
            self.emit(
                CardEvent(
                    CardEventKind.HARDWARE_ERROR,
                    self.reader,
                    message_key=status.message_key,
                    detail=status.detail,
                )
            )

    def emit(self, event: CardEvent) -> None:
        with self._lock:
            listeners = list(self._events)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("card listener failed on %s (reader %s)", event.kind, self.reader)

    def inserted(self) -> None:
        self.emit(CardEvent(CardEventKind.CARD_INSERTED, self.reader))

    def removed(self) -> None:
        self.emit(CardEvent(CardEventKind.CARD_REMOVED, self.reader))

    def identity_read(self, identity: Identity) -> None:
        self.emit(CardEvent(CardEventKind.IDENTITY_READ, self.reader, identity=identity))

    def read_failed(self, message_key: str, detail: str = "") -> None:
        log.info("card read failed on %s: %s %s", self.reader, message_key, detail)
        self.emit(
            CardEvent(
                CardEventKind.READ_FAILED, self.reader, message_key=message_key, detail=detail
            )
        )

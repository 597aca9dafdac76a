"""Cards for UI tests: the sample people of the card emulators, and an in-process reader.

TestCardReader follows the card reader port's event order (inserted, then identity_read or
read_failed, then removed) and delivers on the caller's thread, like the devices' simulator.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace

from devices.emulators.people import PEOPLE
from kiosk.domain.identity import CardKind, Identity
from kiosk.ports.card_reader import CardEvent, CardEventKind, CardEventListener
from kiosk.ports.device import DeviceState, DeviceStatus, StatusListener, Unsubscribe

READY = DeviceStatus(DeviceState.READY, "reader.ready")
MISSING = DeviceStatus(DeviceState.OFFLINE, "reader.missing")


def person(label: str) -> Identity:
    """A sample person by their label in devices/emulators/people.py, as the test card has it."""
    for p in PEOPLE:
        if p.label == label:
            return p.identity(CardKind.KIOSK_TEST)
    raise KeyError(label)


ZHANG = person("plain")
LI = person("ID number ends in X")
ZHAO_EXPIRED = person("expired card")
LIU_LONG_TERM = person("long-term validity (长期)")


def without_photo(identity: Identity, reason: str = "card.photo_unavailable") -> Identity:
    return replace(identity, photo_jpeg=None, photo_unavailable_reason=reason)


class TestCardReader:
    __test__ = False

    def __init__(self, name: str = "test reader", attached: bool = True) -> None:
        self._name = name
        self._lock = threading.Lock()
        self._events: list[CardEventListener] = []
        self._statuses: list[StatusListener] = []
        self._status = READY if attached else MISSING
        self.card: Identity | None = None

    @property
    def name(self) -> str:
        return self._name

    def _emit(self, event: CardEvent) -> None:
        with self._lock:
            listeners = list(self._events)
        for listener in listeners:
            listener(event)

    def insert(self, identity: Identity | None, fails_with: str = "") -> None:
        """A card on the reader: read as `identity`, or failing with `fails_with`."""
        if self.card is not None:
            self.remove()
        self._emit(CardEvent(CardEventKind.CARD_INSERTED, self._name))
        if fails_with or identity is None:
            key = fails_with or "card.unknown_type"
            self._emit(CardEvent(CardEventKind.READ_FAILED, self._name, message_key=key))
            if key == "card.removed_during_read":
                self._emit(CardEvent(CardEventKind.CARD_REMOVED, self._name))
            return
        self.card = identity
        self._emit(CardEvent(CardEventKind.IDENTITY_READ, self._name, identity=identity))

    def remove(self) -> None:
        self.card = None
        self._emit(CardEvent(CardEventKind.CARD_REMOVED, self._name))

    def set_status(self, status: DeviceStatus) -> None:
        self._status = status
        self._emit(CardEvent(CardEventKind.STATUS_CHANGED, self._name, status=status))
        for listener in list(self._statuses):
            listener(status)

    # -- the port ----------------------------------------------------------------------

    def open(self) -> None: ...

    def close(self) -> None: ...

    def status(self) -> DeviceStatus:
        return self._status

    def capabilities(self) -> frozenset[str]:
        return frozenset({"identity"})

    def reset(self) -> None: ...

    def cancel(self) -> None: ...

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        self._statuses.append(listener)
        return _remover(self._statuses, listener)

    def subscribe_events(self, listener: CardEventListener) -> Unsubscribe:
        with self._lock:
            self._events.append(listener)
        return _remover(self._events, listener)


def _remover(items: list[Callable[..., None]], item: Callable[..., None]) -> Unsubscribe:
    def remove() -> None:
        if item in items:
            items.remove(item)

    return remove

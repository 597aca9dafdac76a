"""SimulatedCardReader: an in-process card reader for unit tests and UI work without pcscd.

It follows the port's rules like the real drivers (one event order per card, a card already
on the reader is read at open(), nothing is delivered while closed, a missing reader is a
status, not an exception) but runs no thread: insert() and remove() deliver their events on
the caller's thread before returning, which keeps UI tests deterministic.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from devices.card_reader_common import READY, CardEventHub
from kiosk.domain.identity import Identity
from kiosk.ports.card_reader import CardEventListener
from kiosk.ports.device import DeviceState, DeviceStatus, StatusListener, Unsubscribe

MISSING = DeviceStatus(DeviceState.OFFLINE, "reader.missing", "simulated reader detached")


@dataclass(frozen=True)
class SimulatedCard:
    """What the simulated reader will find on a card. `identity` None is a card nobody
    knows; `fails_with` is the message key of a read that fails (e.g. card.needs_psam)."""

    identity: Identity | None
    fails_with: str = ""
    pulled_mid_read: bool = False


class SimulatedCardReader:
    def __init__(self, name: str = "simulated", *, attached: bool = True) -> None:
        self._hub = CardEventHub(name, READY if attached else MISSING)
        self._lock = threading.RLock()  # one card action at a time, as on a real reader
        self._attached = attached
        self._open = False
        self._card: SimulatedCard | None = None

    @property
    def name(self) -> str:
        return self._hub.reader

    # -- test controls -----------------------------------------------------------------

    def insert(self, card: SimulatedCard) -> None:
        """Put a card on the reader; when open and attached it is read at once."""
        with self._lock:
            if self._card is not None:
                self.remove()
            self._card = card
            if self._open and self._attached:
                self._read(card)

    def remove(self) -> None:
        with self._lock:
            card, self._card = self._card, None
            if card is not None and self._open and self._attached:
                self._hub.removed()

    def set_attached(self, attached: bool) -> None:
        """Unplug (False) or plug in (True) the reader; a card on it is lost or read again."""
        with self._lock:
            if attached == self._attached:
                return
            self._attached = attached
            if not self._open:
                return
            if not attached:
                if self._card is not None:
                    self._hub.removed()
                self._hub.set_status(MISSING)
            else:
                self._hub.set_status(READY)
                if self._card is not None:
                    self._read(self._card)

    # -- CardReader ----------------------------------------------------------------------

    def open(self) -> None:
        with self._lock:
            if self._open:
                return
            self._open = True
            self._hub.set_status(READY if self._attached else MISSING)
            if self._attached and self._card is not None:
                self._read(self._card)

    def close(self) -> None:
        with self._lock:
            self._open = False

    def status(self) -> DeviceStatus:
        return self._hub.status()

    def capabilities(self) -> frozenset[str]:
        return frozenset({"identity", "photo", "simulated"})

    def reset(self) -> None:
        """Nothing to re-establish in process."""

    def cancel(self) -> None:
        """A simulated read is instantaneous."""

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        return self._hub.subscribe_status(listener)

    def subscribe_events(self, listener: CardEventListener) -> Unsubscribe:
        return self._hub.subscribe_events(listener)

    def _read(self, card: SimulatedCard) -> None:
        self._hub.inserted()
        if card.pulled_mid_read:
            self._card = None
            self._hub.read_failed("card.removed_during_read", "simulated: pulled out")
            self._hub.removed()
        elif card.fails_with:
            self._hub.read_failed(card.fails_with, "simulated")
        elif card.identity is None:
            self._hub.read_failed("card.unknown_type", "simulated: no profile knows it")
        else:
            self._hub.identity_read(card.identity)

"""The card reader port: card events, an Identity per card, and the reader's status.

Domain types only. Every reader (PC/SC smart cards, the resident ID card SAM reader, the
in-process simulator) delivers the same events in the same order for one card:

    card_inserted -> identity_read(identity) | read_failed(message_key) -> card_removed

A read either yields a whole Identity or a read_failed event: never a partial identity.
Listeners run on the reader's own thread (or on the caller's thread for the simulator); the UI
re-emits them as queued Qt signals and must not block in them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from kiosk.domain.identity import Identity
from kiosk.errors import DeviceError
from kiosk.ports.device import Device, DeviceStatus, Unsubscribe


class CardEventKind(StrEnum):
    CARD_INSERTED = "card_inserted"
    CARD_REMOVED = "card_removed"
    IDENTITY_READ = "identity_read"
    READ_FAILED = "read_failed"
    STATUS_CHANGED = "status_changed"
    HARDWARE_ERROR = "hardware_error"


@dataclass(frozen=True)
class CardEvent:
    """One thing that happened at a reader. `identity` only on identity_read; `message_key`
    on read_failed and hardware_error; `status` on status_changed. `detail` is technical
    (status words, SAM codes) and never carries personal data."""

    kind: CardEventKind
    reader: str
    identity: Identity | None = field(default=None, repr=False)
    message_key: str = ""
    status: DeviceStatus | None = None
    detail: str = ""


CardEventListener = Callable[[CardEvent], None]


class CardReaderError(DeviceError):
    """A card could not be read, or the reader cannot work; message_key says which."""

    message_key = "card.unreadable"


class CardRemovedDuringRead(CardReaderError):
    message_key = "card.removed_during_read"


class UnknownCardType(CardReaderError):
    message_key = "card.unknown_type"


class CardNeedsPsam(CardReaderError):
    """The file is protected by external authentication, which needs a PSAM the kiosk lacks."""

    message_key = "card.needs_psam"


class ReaderMissing(CardReaderError):
    message_key = "reader.missing"


class ReaderNoService(CardReaderError):
    message_key = "reader.no_service"


class CardReader(Device, Protocol):
    """A reader that turns a presented card into an Identity.

    open() starts the reader's own monitoring thread and returns at once (a missing reader is
    reported through status(), not raised); close() stops that thread and waits for it.
    """

    @property
    def name(self) -> str: ...

    def subscribe_events(self, listener: CardEventListener) -> Unsubscribe:
        """Receive every CardEvent. Listener exceptions are logged and never stop the reader."""
        ...

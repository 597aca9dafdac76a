"""The sync port: what screens, the technician view and the heartbeat learn about the link and
the outbox, and what they may ask of it. Plain data only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from kiosk.ports.device import Unsubscribe


class SyncRole(StrEnum):
    STOPPED = "stopped"
    SYNCING = "syncing"  # this process holds the sync lock and drains the queue
    OBSERVING = "observing"  # another process (the headless service) drains; we only read


@dataclass(frozen=True)
class SyncStatus:
    role: SyncRole = SyncRole.STOPPED
    online: bool | None = None  # per the last probe of the platform itself; None: not yet
    probed_at: datetime | None = None
    pending_by_kind: Mapping[str, int] = field(default_factory=dict)
    bytes_pending: int = 0
    oldest_pending_age_s: float | None = None
    last_success_at: datetime | None = None  # the last run that reached the platform cleanly
    last_error: str = ""  # in words, for the technician; "" after a clean run
    dead_letters: int = 0
    conflicts: int = 0
    clock_offset_ms: int = 0  # the platform's clock minus ours
    warning: bool = False  # past a soft limit: tell the technician early
    refusing: bool = False  # past the hard limit: new self-service submissions are refused

    @property
    def pending(self) -> int:
        return sum(self.pending_by_kind.values())


@dataclass(frozen=True)
class DeadLetter:
    """A record the platform refused (`dead`) or holds with other content (`conflict`)."""

    record_id: str
    kind: str
    state: str  # dead | conflict
    receipt_no: str | None
    item_name: str
    masked_name: str
    created_at: datetime
    attempts: int
    reason: str  # the platform's reason, in words


StatusListener = Callable[[SyncStatus], None]


class SyncControl(Protocol):
    """The sync service as screens and the technician see it.

    Listeners run on the sync service's own thread: the UI re-emits them as queued Qt
    signals and must not block in them.
    """

    def status(self) -> SyncStatus:
        """The latest snapshot; never blocks on the network or the disk."""
        ...

    def subscribe(self, listener: StatusListener) -> Unsubscribe: ...

    def sync_now(self) -> None:
        """Probe and drain as soon as possible (returns at once)."""
        ...

    def dead_letters(self) -> list[DeadLetter]:
        """Blocks for one short read: call from a worker, not the GUI thread."""
        ...

    def retry_dead_letters(self, record_id: str | None = None) -> int:
        """The technician's retry: one dead letter or conflict by id, or every dead letter
        (conflicts need a decision, never a bulk resend). Returns how many were requeued;
        a sync follows at once. Blocks for one short transaction: call from a worker."""
        ...

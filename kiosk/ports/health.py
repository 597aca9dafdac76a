"""What the heartbeat reads about the terminal, and how it reaches the platform.

Small Protocols the composition root fills with the real parts: the device registry, the sync
service's status, the data dir's disk, the start counter, the platform client. Plain data only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from kiosk.ports.device import DeviceStatus


class DeviceHealthSource(Protocol):
    def device_statuses(self) -> Mapping[str, DeviceStatus]:
        """Each device's status by role: card_reader, id_reader, camera, printer, ...
        May ask the devices (a printer status query is a round trip): call on a worker."""
        ...


class BacklogStatus(Protocol):
    """The outbox and link as the sync service sees them (its SyncStatus fits as it is)."""

    @property
    def pending_by_kind(self) -> Mapping[str, int]: ...
    @property
    def bytes_pending(self) -> int: ...
    @property
    def oldest_pending_age_s(self) -> float | None: ...
    @property
    def dead_letters(self) -> int: ...
    @property
    def conflicts(self) -> int: ...
    @property
    def last_success_at(self) -> datetime | None: ...
    @property
    def last_error(self) -> str: ...
    @property
    def clock_offset_ms(self) -> int: ...
    @property
    def warning(self) -> bool: ...
    @property
    def refusing(self) -> bool: ...


class BacklogSource(Protocol):
    def status(self) -> BacklogStatus:
        """The latest snapshot; never blocks on the network."""
        ...


class RestartReport(Protocol):
    """How often the kiosk session stopped, and why (kiosk/ops/restarts.py's RestartStats)."""

    @property
    def total(self) -> int: ...
    @property
    def unexpected(self) -> int: ...  # crashes, hangs: anything but a clean stop
    @property
    def by_reason(self) -> Mapping[str, int]: ...
    @property
    def last_reason(self) -> str | None: ...
    @property
    def last_at_ms(self) -> int | None: ...


class RestartHistory(Protocol):
    def read(self) -> RestartReport: ...


@dataclass(frozen=True)
class DiskUsage:
    free_bytes: int
    total_bytes: int


class DiskProbe(Protocol):
    def usage(self) -> DiskUsage:
        """Of the file system holding the data dir (queue, pages, logs)."""
        ...


class HeartbeatSender(Protocol):
    def send_heartbeat(self, payload: Mapping[str, Any]) -> Mapping[str, Any]:
        """Posts the heartbeat; returns the platform's reply (`commands`, `server_time_ms`).
        Raises PlatformError when the platform cannot be reached or refuses it."""
        ...

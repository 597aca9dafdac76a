"""The heartbeat: the terminal's health, sent to the platform on a schedule and on change.

It reads everything through ports (devices, the sync service's backlog, disk, start counter,
audit head), sends one JSON payload (docs/sync-protocol.md, "Heartbeat"), hands the signed
commands in the reply to the CommandRunner, and carries their outcomes in the next beat.

When: at start; every `interval_s`; and soon after something a technician cares about changes
(a device's state, dead letters, conflicts, the queue's limits, an error appearing) but never
more often than `min_gap_s`; after a failed send, again after `retry_s`. `tick()` decides;
the composition root calls it from a timer on a worker thread, and device or sync listeners
may call `notify_changed()` from any thread.

A probe that fails (a device driver raising, the disk unreadable) does not stop the beat: the
beat is how the platform learns about it (`probe_errors`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from kiosk.errors import KioskError, PlatformError
from kiosk.ports.audit import AuditTrail
from kiosk.ports.clock import Clock
from kiosk.ports.commands import CommandJournal, CommandOutcome
from kiosk.ports.device import DeviceState, DeviceStatus
from kiosk.ports.health import (
    BacklogSource,
    DeviceHealthSource,
    DiskProbe,
    HeartbeatSender,
    RestartHistory,
)
from kiosk.services.platform_commands import CommandRunner

log = logging.getLogger(__name__)
SCHEMA_VERSION = 1
T = TypeVar("T")


@dataclass(frozen=True)
class HeartbeatSettings:
    interval_s: float = 300.0
    min_gap_s: float = 15.0
    retry_s: float = 60.0


@dataclass(frozen=True)
class BeatResult:
    trigger: str  # start | schedule | change
    sent: bool
    error: str = ""
    outcomes: tuple[CommandOutcome, ...] = ()


def _ms(moment: datetime | None) -> int | None:
    return None if moment is None else int(moment.timestamp() * 1000)


class PolledDevices:
    """A DeviceHealthSource that asks each device for its status at every beat: for a
    heartbeat without the kiosk's DeviceHealth (the simulated fleet in tests/fleet runs
    hundreds of headless terminals with no UI, so nothing else would ask their printers)."""

    def __init__(self, devices: Mapping[str, Callable[[], DeviceStatus]]) -> None:
        self._devices = dict(devices)

    def device_statuses(self) -> Mapping[str, DeviceStatus]:
        out = {}
        for name, status in self._devices.items():
            try:
                out[name] = status()
            except KioskError as exc:
                out[name] = DeviceStatus(DeviceState.ERROR, exc.message_key, exc.detail)
        return out


class HeartbeatService:
    def __init__(
        self,
        *,
        software_version: str,
        clock: Clock,
        devices: DeviceHealthSource,
        backlog: BacklogSource,
        restarts: RestartHistory,
        disk: DiskProbe,
        audit: AuditTrail,
        sender: HeartbeatSender,
        runner: CommandRunner,
        journal: CommandJournal,
        settings: HeartbeatSettings | None = None,
    ) -> None:
        self.version, self.clock = software_version, clock
        self.devices, self.backlog, self.restarts, self.disk = devices, backlog, restarts, disk
        self.audit, self.sender, self.runner, self.journal = audit, sender, runner, journal
        self.settings = settings or HeartbeatSettings()
        self._started = clock.monotonic()
        self._lock = threading.Lock()  # one beat at a time
        self._poked = threading.Event()
        self._last_sent: float | None = None
        self._last_attempt: float | None = None
        self._last_failed = False
        self._sent_fingerprint: tuple[Any, ...] | None = None

    def notify_changed(self) -> None:
        """Any thread: something changed; beat at the next tick (within min_gap_s)."""
        self._poked.set()

    def tick(self) -> BeatResult | None:
        """Worker thread: beats if due; returns what happened, or None when not due."""
        with self._lock:
            payload, carried = self._assemble("")
            now = self.clock.monotonic()
            changed = self._poked.is_set() or _fingerprint(payload) != self._sent_fingerprint
            if self._last_sent is None:
                trigger = "start"
            elif now - self._last_sent >= self.settings.interval_s:
                trigger = "schedule"
            elif changed:
                trigger = "change"
            else:
                return None
            gap = self.settings.retry_s if self._last_failed else self.settings.min_gap_s
            if self._last_attempt is not None and now - self._last_attempt < gap:
                return None
            return self._send({**payload, "trigger": trigger}, carried)

    def beat(self, trigger: str = "manual") -> BeatResult:
        """Worker thread: beat now (the technician's "report now")."""
        with self._lock:
            return self._send(*self._assemble(trigger))

    def payload(self, trigger: str) -> dict[str, Any]:
        """The health report as sent (docs/sync-protocol.md); no personal data by construction:
        states, codes, counts and technical details."""
        return self._assemble(trigger)[0]

    def _assemble(self, trigger: str) -> tuple[dict[str, Any], list[CommandOutcome]]:
        errors: dict[str, str] = {}

        def probe(name: str, read: Callable[[], T], default: T) -> T:
            try:
                return read()
            except (KioskError, OSError) as exc:
                errors[name] = type(exc).__name__
                return default

        no_devices: Mapping[str, DeviceStatus] = {}
        devices = probe("devices", self.devices.device_statuses, no_devices)
        status = self.backlog.status()
        disk = probe("disk", self.disk.usage, None)
        head = probe("audit", self.audit.head, None)
        restarts = probe("restarts", self.restarts.read, None)
        outcomes = self.journal.unreported()
        body: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "trigger": trigger,
            "sent_at_ms": _ms(self.clock.now()),
            "software_version": self.version,
            "uptime_s": int(self.clock.monotonic() - self._started),
            "restarts": None
            if restarts is None
            else {
                "total": restarts.total,
                "unexpected": restarts.unexpected,
                "by_reason": dict(restarts.by_reason),
                "last_reason": restarts.last_reason,
                "last_at_ms": restarts.last_at_ms,
            },
            "clock_offset_ms": status.clock_offset_ms,
            "devices": {
                name: {
                    "state": s.state.value,
                    "message_key": s.message_key,
                    "detail": s.detail[:200],
                    "vendor_code": s.vendor_code,
                }
                for name, s in sorted(devices.items())
            },
            "queue": {
                "pending_by_kind": dict(status.pending_by_kind),
                "pending": sum(status.pending_by_kind.values()),
                "bytes_pending": status.bytes_pending,
                "oldest_pending_age_s": status.oldest_pending_age_s,
                "dead_letters": status.dead_letters,
                "conflicts": status.conflicts,
                "warning": status.warning,
                "refusing": status.refusing,
            },
            "last_sync_at_ms": _ms(status.last_success_at),
            "last_error": status.last_error[:300],
            "disk": None
            if disk is None
            else {"free_bytes": disk.free_bytes, "total_bytes": disk.total_bytes},
            "audit_head": None if head is None else {"seq": head.seq, "hash": head.hash},
            "command_results": [o.to_json() for o in outcomes],
            "probe_errors": errors,
        }
        return body, outcomes

    def _send(self, payload: dict[str, Any], carried: list[CommandOutcome]) -> BeatResult:
        now = self.clock.monotonic()
        self._last_attempt = now
        self._poked.clear()
        trigger = str(payload["trigger"])
        try:
            reply = self.sender.send_heartbeat(payload)
        except PlatformError as exc:
            self._last_failed = True
            log.info("heartbeat not delivered: %s", exc.detail)
            return BeatResult(trigger, False, exc.detail)
        self._last_failed = False
        self._last_sent, self._sent_fingerprint = now, _fingerprint(payload)
        # The platform's clock, for command expiry: the later of what the reply says and what
        # our own clock and last known offset say, so a replayed old reply cannot turn the
        # clock back to when an expired command was still valid.
        platform_now = int(payload["sent_at_ms"]) + int(payload["clock_offset_ms"])
        server_ms = reply.get("server_time_ms")
        if isinstance(server_ms, int) and not isinstance(server_ms, bool):
            platform_now = max(platform_now, server_ms)
        self.journal.reported(carried, platform_now)
        commands = reply.get("commands")
        outcomes: list[CommandOutcome] = []
        if isinstance(commands, list) and commands:
            outcomes = self.runner.run(commands, platform_now)
            self._poked.set()  # report the outcomes soon, not only at the next schedule
        return BeatResult(trigger, True, "", tuple(outcomes))


def _fingerprint(payload: Mapping[str, Any]) -> tuple[Any, ...]:
    """What counts as a change worth a beat: device states, problems in the queue, an error
    appearing or going, outcomes waiting; not counts that move all day (pending, bytes)."""
    queue = payload["queue"]
    return (
        tuple((n, d["state"], d["message_key"]) for n, d in payload["devices"].items()),
        queue["dead_letters"],
        queue["conflicts"],
        queue["warning"],
        queue["refusing"],
        bool(payload["last_error"]),
        len(payload["command_results"]),
        tuple(sorted(payload["probe_errors"])),
    )

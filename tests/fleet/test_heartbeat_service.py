"""The heartbeat service: when it beats, what it sends, how it carries command outcomes."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.contract.commands import sign_command
from kiosk.errors import PlatformError
from kiosk.log import scrub
from kiosk.ops.restarts import RestartCounter
from kiosk.ports.audit import AuditActor, AuditRole
from kiosk.ports.clock import FakeClock
from kiosk.ports.commands import CommandStatus
from kiosk.ports.device import DeviceState, DeviceStatus
from kiosk.ports.health import DiskUsage
from kiosk.services.heartbeat import HeartbeatService, HeartbeatSettings, PolledDevices
from kiosk.services.platform_commands import CommandRunner
from offline_queue.audit import open_terminal_audit
from offline_queue.command_journal import JsonCommandJournal
from offline_queue.heartbeat import DataDirDisk

PLATFORM = Ed25519PrivateKey.generate()
READY = DeviceStatus(DeviceState.READY, "printer.ready", vendor_code="12/12")
OUT = DeviceStatus(DeviceState.ERROR, "printer.out_of_paper", vendor_code="1a/72")


@dataclass(frozen=True)
class Backlog:
    pending_by_kind: Mapping[str, int] = field(default_factory=dict)
    bytes_pending: int = 0
    oldest_pending_age_s: float | None = None
    dead_letters: int = 0
    conflicts: int = 0
    last_success_at: datetime | None = None
    last_error: str = ""
    clock_offset_ms: int = 0
    warning: bool = False
    refusing: bool = False


class Sender:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []
        self.down = False
        self.commands: list[dict[str, Any]] = []
        self.server_time_ms: int | None = None

    def send_heartbeat(self, payload: Mapping[str, Any]) -> Mapping[str, Any]:
        if self.down:
            raise PlatformError("ConnectionError")
        self.sent.append(json.loads(json.dumps(payload)))
        commands, self.commands = self.commands, []
        return {"commands": commands, "server_time_ms": self.server_time_ms}


class Handlers:
    def __init__(self) -> None:
        self.refreshed = 0

    def refresh_catalog(self) -> str:
        self.refreshed += 1
        return "catalog version 3"

    def upload_logs(self, command_id: str) -> str:
        return "none"

    def retry_dead_letters(self) -> str:
        return "0"


def refresh_command(issued_at_ms: int, expires_at_ms: int) -> dict[str, Any]:
    body = {
        "id": str(uuid.uuid4()),
        "terminal_id": "K7Q2M",
        "action": "refresh_catalog",
        "args": {},
        "issued_at_ms": issued_at_ms,
        "expires_at_ms": expires_at_ms,
    }
    return sign_command(PLATFORM, body)


class StaticBacklog:
    def __init__(self, status: list[Backlog]) -> None:
        self._status = status

    def status(self) -> Backlog:
        return self._status[0]


class BrokenDisk:
    def usage(self) -> DiskUsage:
        raise OSError("I/O error")


@dataclass
class Rig:
    service: HeartbeatService
    clock: FakeClock
    sender: Sender
    printer: list[DeviceStatus]
    backlog: list[Backlog]
    handlers: Handlers


@pytest.fixture
def rig(tmp_path: Path) -> Rig:
    clock = FakeClock()
    sender, handlers = Sender(), Handlers()
    printer, backlog = [READY], [Backlog(pending_by_kind={"submission": 2}, bytes_pending=90_000)]
    journal = JsonCommandJournal(tmp_path / "commands.json")
    audit = open_terminal_audit(tmp_path, clock)
    service = HeartbeatService(
        software_version="0.1.0",
        clock=clock,
        devices=PolledDevices({"printer": lambda: printer[0]}),
        backlog=StaticBacklog(backlog),
        restarts=RestartCounter(tmp_path / "restarts.json", clock),
        disk=DataDirDisk(tmp_path),
        audit=audit,
        sender=sender,
        runner=CommandRunner("K7Q2M", PLATFORM.public_key(), journal, handlers, audit),
        journal=journal,
        settings=HeartbeatSettings(interval_s=300, min_gap_s=15, retry_s=60),
    )
    return Rig(service, clock, sender, printer, backlog, handlers)


def test_it_beats_at_start_then_on_schedule_and_not_in_between(rig: Rig) -> None:
    assert rig.service.tick().trigger == "start"  # type: ignore[union-attr]
    rig.clock.advance(100)
    assert rig.service.tick() is None
    rig.backlog[0] = replace(rig.backlog[0], pending_by_kind={"submission": 3})
    rig.clock.advance(100)
    assert rig.service.tick() is None  # a count moving is not worth a beat on its own
    rig.clock.advance(101)
    assert rig.service.tick().trigger == "schedule"  # type: ignore[union-attr]
    assert [p["trigger"] for p in rig.sender.sent] == ["start", "schedule"]
    assert rig.sender.sent[-1]["queue"]["pending"] == 3


def test_a_device_change_beats_soon_but_never_more_often_than_the_minimum_gap(rig: Rig) -> None:
    rig.service.tick()
    rig.clock.advance(5)
    rig.printer[0] = OUT
    assert rig.service.tick() is None  # within min_gap_s of the last beat
    rig.clock.advance(10)
    result = rig.service.tick()
    assert result is not None and (result.trigger, result.sent) == ("change", True)
    assert rig.sender.sent[-1]["devices"]["printer"] == {
        "state": "error",
        "message_key": "printer.out_of_paper",
        "detail": "",
        "vendor_code": "1a/72",
    }
    rig.clock.advance(20)
    assert rig.service.tick() is None  # the change was reported; nothing new


def test_a_failed_send_is_retried_after_the_retry_delay(rig: Rig) -> None:
    rig.sender.down = True
    result = rig.service.tick()
    assert result is not None and not result.sent and result.error == "ConnectionError"
    rig.clock.advance(30)
    assert rig.service.tick() is None
    rig.sender.down = False
    rig.clock.advance(31)
    assert rig.service.tick().sent  # type: ignore[union-attr]


def test_the_payload_carries_every_part_of_the_terminals_health(rig: Rig, tmp_path: Path) -> None:
    rig.service.audit.record(AuditActor(AuditRole.TECHNICIAN, "T003"), "technician.sign_in")
    RestartCounter(tmp_path / "restarts.json", rig.clock).record("crashed", "killed/ABRT")
    synced = rig.clock.now() - timedelta(minutes=3)
    rig.backlog[0] = replace(
        rig.backlog[0], dead_letters=1, last_success_at=synced, clock_offset_ms=-350
    )
    rig.clock.advance(42)
    p = rig.service.payload("manual")
    assert p["software_version"] == "0.1.0" and p["uptime_s"] == 42
    assert p["sent_at_ms"] == int(rig.clock.now().timestamp() * 1000)
    assert p["queue"] == {
        "pending_by_kind": {"submission": 2},
        "pending": 2,
        "bytes_pending": 90_000,
        "oldest_pending_age_s": None,
        "dead_letters": 1,
        "conflicts": 0,
        "warning": False,
        "refusing": False,
    }
    assert p["last_sync_at_ms"] == int(synced.timestamp() * 1000)
    assert p["clock_offset_ms"] == -350
    assert p["restarts"]["total"] == 1 and p["restarts"]["unexpected"] == 1
    assert p["restarts"]["last_reason"] == "crashed"
    assert p["disk"]["free_bytes"] > 0 and p["disk"]["total_bytes"] >= p["disk"]["free_bytes"]
    assert p["audit_head"]["seq"] == 1 and len(p["audit_head"]["hash"]) == 64
    assert p["probe_errors"] == {}
    text = json.dumps(p, ensure_ascii=False)
    assert scrub(text) == text  # nothing shaped like an ID or a phone number


def test_a_failing_probe_is_reported_not_fatal(rig: Rig) -> None:
    rig.service.disk = BrokenDisk()
    rig.service.tick()
    assert rig.sender.sent[-1]["disk"] is None
    assert rig.sender.sent[-1]["probe_errors"] == {"disk": "OSError"}


def test_commands_in_a_reply_run_and_their_outcomes_ride_the_next_beat_only(rig: Rig) -> None:
    now_ms = int(rig.clock.now().timestamp() * 1000)
    good = refresh_command(now_ms, now_ms + 600_000)
    rig.sender.commands = [good]
    result = rig.service.tick()
    assert result is not None and [o.status for o in result.outcomes] == [CommandStatus.DONE]
    assert rig.handlers.refreshed == 1
    rig.clock.advance(16)
    assert rig.service.tick().trigger == "change"  # type: ignore[union-attr]
    [reported] = rig.sender.sent[-1]["command_results"]
    assert (reported["id"], reported["status"]) == (good["id"], "done")
    rig.clock.advance(301)
    rig.service.tick()
    assert rig.sender.sent[-1]["command_results"] == []


def test_a_replayed_old_reply_cannot_turn_the_clock_back_for_an_expired_command(rig: Rig) -> None:
    now_ms = int(rig.clock.now().timestamp() * 1000)
    stale = refresh_command(now_ms - 7_200_000, now_ms - 3_600_000)
    rig.sender.commands = [stale]
    rig.sender.server_time_ms = now_ms - 5_000_000  # the old reply's own server time
    [outcome] = rig.service.tick().outcomes  # type: ignore[union-attr]
    assert (outcome.status, outcome.reason) == (CommandStatus.REFUSED, "expired")
    assert rig.handlers.refreshed == 0

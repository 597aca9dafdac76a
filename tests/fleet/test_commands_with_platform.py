"""Platform-signed commands end to end: issued by the admin API of the real reference platform,
carried in a heartbeat reply to a terminal wired by the composition root, acted on once,
reported; the same commands replayed or sent to the wrong terminal are refused."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from kiosk.app import build_heartbeat
from kiosk.config import Config, LoggingConfig, PlatformConfig, TerminalConfig
from kiosk.ports.clock import SystemClock
from kiosk.ports.commands import CommandStatus
from kiosk.services.catalog import CatalogService
from kiosk.services.heartbeat import HeartbeatService, PolledDevices
from offline_queue.catalog_cache import JsonCatalogCache
from offline_queue.credentials import Credentials
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.terminal import build_sync_service
from tests.support.central import CentralHandle

ID_NUMBER = "45112319491231003X"


def terminal(central: CentralHandle, data: Path) -> tuple[HeartbeatService, str]:
    client = PlatformClient(central.base_url, 5, 30)
    creds = Credentials(data / "keys")
    code = central.new_enrolment_code()
    enrolment = creds.save_enrolment(client.enrol(code, creds.public_key_b64(), "0.1.0"))
    client.signer = Signer(enrolment.terminal_id, creds.key())
    config = Config(
        terminal=TerminalConfig(data_dir=data),
        platform=PlatformConfig(base_url=central.base_url),
        logging=LoggingConfig(dir=data / "logs"),
    )
    clock = SystemClock()
    (data / "no-links").mkdir()
    sync = build_sync_service(config, enrolment, creds.key(), clock, data / "no-links")
    heartbeat = build_heartbeat(
        config,
        client,
        enrolment,
        clock,
        PolledDevices({}),
        sync,
        CatalogService(client, JsonCatalogCache(data / "catalog.json"), clock),
        sync.retry_dead_letters,
    )
    return heartbeat, enrolment.terminal_id


def issue(central: CentralHandle, tid: str, action: str) -> dict[str, Any]:
    r = central.admin("POST", f"/v1/admin/terminals/{tid}/commands", {"action": action})
    assert r.status_code == 201, r.text
    return dict(r.json())


def test_commands_are_acted_on_once_reported_and_refused_when_replayed_or_misdirected(
    central: CentralHandle, tmp_path: Path
) -> None:
    heartbeat, tid = terminal(central, tmp_path / "a")
    logs = tmp_path / "a" / "logs"
    (logs / "sync").mkdir(parents=True)
    line = {"msg": f"printer status printer.ready; stray {ID_NUMBER}"}
    (logs / "kiosk.log").write_text(json.dumps(line) + "\n", encoding="utf-8")
    (logs / "sync" / "kiosk.log.1").write_text('{"msg": "sync: 3 delivered"}\n', encoding="utf-8")
    upload = issue(central, tid, "upload_logs")
    refresh = issue(central, tid, "refresh_catalog")

    result = heartbeat.beat()
    assert result.sent
    assert {o.command_id: o.status for o in result.outcomes} == {
        upload["id"]: CommandStatus.DONE,
        refresh["id"]: CommandStatus.DONE,
    }
    stored = central.data_dir / "terminal-logs" / tid / upload["id"]
    assert sorted(p.name for p in stored.iterdir()) == ["kiosk.log.gz", "sync-kiosk.log.1.gz"]
    text = gzip.decompress((stored / "kiosk.log.gz").read_bytes()).decode()
    assert ID_NUMBER not in text and "[id]" in text  # scrubbed once more on the way out
    version = json.loads((tmp_path / "a" / "catalog.json").read_text())["version"]
    assert version >= 1

    assert heartbeat.beat().outcomes == ()  # the outcomes went up; nothing is sent again
    listed = central.admin("GET", f"/v1/admin/terminals/{tid}/commands").json()["commands"]
    details = {c["id"]: (c["status"], c["detail"]) for c in listed}
    assert details[refresh["id"]] == ("done", f"catalog version {version}")
    assert details[upload["id"]][0] == "done"
    assert details[upload["id"]][1].startswith("2 log files, ")

    # The same platform-signed bytes again, as a replayed reply would carry them.
    now_ms = int(SystemClock().now().timestamp() * 1000)
    [replayed] = heartbeat.runner.run([upload], now_ms)
    assert (replayed.status, replayed.reason) == (CommandStatus.REFUSED, "replayed")
    # A genuine command for another terminal.
    other = central.enrol()
    theirs = issue(central, other.terminal_id, "retry_dead_letters")
    assert other.post("/v1/heartbeats", {"software_version": "0.1.0"}).json()["commands"] == [
        theirs
    ]
    [misdirected] = heartbeat.runner.run([theirs], now_ms)
    assert (misdirected.status, misdirected.reason) == (CommandStatus.REFUSED, "wrong_terminal")
    assert len(list(stored.iterdir())) == 2  # nothing uploaded twice

    heartbeat.beat()
    row = central.admin("GET", "/v1/admin/fleet").json()["terminals"]
    mine = next(r for r in row if r["terminal_id"] == tid)
    assert "command_refused" in [a["code"] for a in mine["alerts"]]
    audit = [(e.action, e.details["status"]) for e in heartbeat.audit.recent(10)]
    assert audit == [
        ("command.retry_dead_letters", "refused"),
        ("command.upload_logs", "refused"),
        ("command.refresh_catalog", "done"),
        ("command.upload_logs", "done"),
    ]

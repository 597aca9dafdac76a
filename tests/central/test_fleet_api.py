"""The platform's side of fleet health, over loopback against the real reference server:
heartbeats stored, signed commands issued, delivered until settled, log uploads only when
asked, the admin API and the fleet page behind the admin token."""

from __future__ import annotations

import gzip
import sqlite3
import time
from typing import Any

import httpx

from kiosk.contract.commands import signature_ok
from tests.support.central import CentralHandle, TestTerminal

OTHER_HALL = "451123102"  # 白沙镇


def beat(t: TestTerminal, **body: Any) -> dict[str, Any]:
    r = t.post("/v1/heartbeats", {"software_version": "0.2.0", **body})
    assert r.status_code == 200, r.text
    return dict(r.json())


def fleet(central: CentralHandle, query: str = "") -> dict[str, dict[str, Any]]:
    r = central.admin("GET", "/v1/admin/fleet" + query)
    assert r.status_code == 200, r.text
    return {row["terminal_id"]: row for row in r.json()["terminals"]}


def issue(central: CentralHandle, tid: str, action: str, ttl_s: int = 600) -> dict[str, Any]:
    r = central.admin(
        "POST", f"/v1/admin/terminals/{tid}/commands", {"action": action, "ttl_s": ttl_s}
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


def statuses(central: CentralHandle, tid: str) -> dict[str, str]:
    r = central.admin("GET", f"/v1/admin/terminals/{tid}/commands")
    return {c["id"]: c["status"] for c in r.json()["commands"]}


def test_a_command_is_signed_delivered_until_settled_then_never_again(
    shared_central: CentralHandle,
) -> None:
    t = shared_central.enrol()
    cmd = issue(shared_central, t.terminal_id, "refresh_catalog")
    assert signature_ok(t.signing_public_key, cmd)
    assert statuses(shared_central, t.terminal_id) == {cmd["id"]: "pending"}
    first = beat(t)["commands"]
    assert first == [cmd]  # the very bytes signed when issued
    assert statuses(shared_central, t.terminal_id) == {cmd["id"]: "delivered"}
    assert beat(t)["commands"] == [cmd]  # no outcome yet: a lost reply is made good
    result = {"id": cmd["id"], "action": "refresh_catalog", "status": "done", "detail": "v7"}
    assert beat(t, command_results=[result])["commands"] == []
    assert statuses(shared_central, t.terminal_id) == {cmd["id"]: "done"}
    late = {**result, "status": "refused", "reason": "replayed"}  # a replay refused later
    beat(t, command_results=[late])
    assert statuses(shared_central, t.terminal_id) == {cmd["id"]: "done"}
    row = fleet(shared_central)[t.terminal_id]
    assert row["last_command"] == {"action": "refresh_catalog", "status": "done"}
    assert "command_refused" in [a["code"] for a in row["alerts"]]


def test_a_command_past_its_expiry_is_not_delivered_and_shows_expired(
    shared_central: CentralHandle,
) -> None:
    t = shared_central.enrol()
    cmd = issue(shared_central, t.terminal_id, "retry_dead_letters")
    with sqlite3.connect(shared_central.data_dir / "central.sqlite3", timeout=30) as db:
        db.execute("UPDATE commands SET expires_at_ms = 1 WHERE id = ?", (cmd["id"],))
    assert beat(t)["commands"] == []
    assert statuses(shared_central, t.terminal_id) == {cmd["id"]: "expired"}


def test_commands_are_for_admins_and_checked(shared_central: CentralHandle) -> None:
    t = shared_central.enrol()
    url = f"{shared_central.base_url}/v1/admin/terminals/{t.terminal_id}/commands"
    assert httpx.post(url, json={"action": "refresh_catalog"}).status_code == 401
    assert httpx.get(shared_central.base_url + "/v1/admin/fleet").status_code == 401
    bad = shared_central.admin("POST", url[len(shared_central.base_url) :], {"action": "rm_rf"})
    assert bad.status_code == 422 and "unknown action" in bad.json()["error"]["message"]
    long = {"action": "refresh_catalog", "ttl_s": 3 * 86400}
    assert (
        shared_central.admin("POST", url[len(shared_central.base_url) :], long).status_code == 422
    )
    missing = shared_central.admin(
        "POST", "/v1/admin/terminals/ZZZZZ/commands", {"action": "refresh_catalog"}
    )
    assert missing.status_code == 404


def test_logs_are_taken_only_for_an_open_upload_command_of_that_terminal(
    shared_central: CentralHandle,
) -> None:
    t, other = shared_central.enrol(), shared_central.enrol()
    body = gzip.compress(b'{"msg": "printer status printer.ready"}\n')
    hdrs = {"Content-Type": "application/gzip"}
    unasked = t.request(
        "PUT", f"/v1/logs/{'0' * 8}-0000-0000-0000-{'0' * 12}/kiosk.log", content=body, headers=hdrs
    )
    assert unasked.status_code == 403
    cmd = issue(shared_central, t.terminal_id, "upload_logs")
    path = f"/v1/logs/{cmd['id']}/kiosk.log"
    assert other.request("PUT", path, content=body, headers=hdrs).status_code == 403
    assert t.request(
        "PUT", f"/v1/logs/{cmd['id']}/..%2Fetc", content=body, headers=hdrs
    ).status_code in (404, 422)
    assert t.request("PUT", path, content=body, headers=hdrs).status_code == 204
    assert (
        t.request(
            "PUT", path.replace("kiosk.log", "sync-kiosk.log.1"), content=body, headers=hdrs
        ).status_code
        == 204
    )
    listed = shared_central.admin("GET", f"/v1/admin/terminals/{t.terminal_id}/logs").json()["logs"]
    assert sorted(f["name"] for f in listed) == ["kiosk.log.gz", "sync-kiosk.log.1.gz"]
    stored = shared_central.data_dir / "terminal-logs" / t.terminal_id / cmd["id"] / "kiosk.log.gz"
    assert gzip.decompress(stored.read_bytes()).startswith(b'{"msg"')
    assert oct(stored.stat().st_mode & 0o777) == "0o600"


def test_an_audit_log_that_shrinks_or_changes_raises_an_alert_until_cleared(
    shared_central: CentralHandle,
) -> None:
    t = shared_central.enrol()
    beat(t, audit_head={"seq": 10, "hash": "a" * 64})
    beat(t, audit_head={"seq": 12, "hash": "b" * 64})
    row = fleet(shared_central)[t.terminal_id]
    assert row["alerts"] == [] and (row["audit_seq"], row["audit_hash"]) == (12, "b" * 64)
    beat(t, audit_head={"seq": 4, "hash": "c" * 64})
    assert [a["code"] for a in fleet(shared_central)[t.terminal_id]["alerts"]] == ["audit_broken"]
    beat(t, audit_head={"seq": 5, "hash": "d" * 64})  # still flagged: a person must look
    assert fleet(shared_central)[t.terminal_id]["alerts"]
    cleared = shared_central.admin("DELETE", f"/v1/admin/terminals/{t.terminal_id}/audit-alert")
    assert cleared.json() == {"cleared": True}
    assert fleet(shared_central)[t.terminal_id]["alerts"] == []
    beat(t, audit_head={"seq": 5, "hash": "e" * 64})  # same entry, another hash
    assert fleet(shared_central)[t.terminal_id]["audit_alert"] == "entry 5 changed its hash"


def test_the_platform_measures_a_terminals_clock_itself(shared_central: CentralHandle) -> None:
    t = shared_central.enrol()
    beat(t, sent_at_ms=int(time.time() * 1000) - 10 * 60_000)
    row = fleet(shared_central)[t.terminal_id]
    assert 595_000 < row["clock_skew_ms"] < 640_000
    assert [a["label"] for a in row["alerts"]] == ["时钟慢 10 分钟"]


def test_a_heartbeat_that_breaks_the_contract_is_refused_cleanly(
    shared_central: CentralHandle,
) -> None:
    t = shared_central.enrol()
    bodies: list[dict[str, Any]] = [
        {"software_version": "x", "devices": {"printer": {"state": "on fire", "message_key": "k"}}},
        {"software_version": "x", "queue": {"dead_letters": -1}},
        {"software_version": "x", "audit_head": {"seq": 1, "hash": "not hex"}},
        {"devices": {}},
    ]
    for body in bodies:
        r = t.post("/v1/heartbeats", body)
        assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


def test_the_fleet_json_filters_by_township(shared_central: CentralHandle) -> None:
    here, there = shared_central.enrol(), shared_central.enrol(OTHER_HALL)
    beat(here)
    beat(there)
    rows = fleet(shared_central, "?township=白沙镇")
    assert there.terminal_id in rows and here.terminal_id not in rows
    assert {r["township"] for r in rows.values()} == {"白沙镇"}


def test_the_fleet_page_wants_the_admin_token_or_the_cookie_its_login_sets(
    shared_central: CentralHandle,
) -> None:
    t = shared_central.enrol()
    beat(t)
    url = shared_central.base_url + "/fleet"
    anonymous = httpx.get(url)
    assert anonymous.status_code == 401 and "登录" in anonymous.text
    assert t.terminal_id not in anonymous.text
    bearer = httpx.get(url, headers={"Authorization": f"Bearer {shared_central.admin_token}"})
    assert bearer.status_code == 200 and f'id="t-{t.terminal_id}"' in bearer.text
    assert bearer.headers["content-encoding"] == "gzip"  # httpx asked for it and unpacked it
    wrong = httpx.post(url + "/login", data={"token": "guess"})
    assert wrong.status_code == 401 and "令牌不正确" in wrong.text
    good = httpx.post(url + "/login", data={"token": shared_central.admin_token})
    assert good.status_code == 303
    cookie = good.cookies["fleet_session"]
    assert shared_central.admin_token not in cookie
    assert "httponly" in good.headers["set-cookie"].lower()
    assert "samesite=strict" in good.headers["set-cookie"].lower()
    with_cookie = httpx.get(url, cookies={"fleet_session": cookie})
    assert with_cookie.status_code == 200 and t.terminal_id in with_cookie.text
    expires, _, mac = cookie.partition(".")
    forged = f"{int(expires) + 10**9}.{mac}"
    assert httpx.get(url, cookies={"fleet_session": forged}).status_code == 401
    api = httpx.get(shared_central.base_url + "/v1/admin/fleet", cookies={"fleet_session": cookie})
    assert api.status_code == 401  # the cookie opens the page only, never the admin API

"""Terminal health on the platform: every heartbeat kept for a week, the latest per terminal
with a short backlog trend kept beside it so the fleet page is one query for a thousand
terminals, and the audit-log anchor each terminal reports.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from central import commands
from central.fleet_alerts import FleetPolicy
from central.storage import Storage
from kiosk.contract.records import canonical_json

SCHEMA = """
CREATE INDEX IF NOT EXISTS heartbeats_by_terminal ON heartbeats (terminal_id, at_ms);
CREATE TABLE IF NOT EXISTS terminal_health (
    terminal_id TEXT PRIMARY KEY, received_at_ms INTEGER NOT NULL, body TEXT NOT NULL,
    clock_skew_ms INTEGER, trend TEXT NOT NULL, audit_seq INTEGER, audit_hash TEXT,
    audit_alert TEXT NOT NULL DEFAULT '', last_refusal_at_ms INTEGER,
    last_refusal_reason TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS commands (
    id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, action TEXT NOT NULL, signed TEXT NOT NULL,
    issued_at_ms INTEGER NOT NULL, expires_at_ms INTEGER NOT NULL, status TEXT NOT NULL,
    delivered_at_ms INTEGER, finished_at_ms INTEGER, reason TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS commands_by_terminal ON commands (terminal_id, issued_at_ms);
"""
KEEP_HISTORY_MS = 7 * 24 * 3600 * 1000
MAX_TREND = 60


def install(storage: Storage) -> None:
    storage.conn().executescript(SCHEMA)


def _audit_alert(prev: sqlite3.Row | None, head: dict[str, Any] | None) -> str:
    """Why the reported audit head contradicts the last one ("" when it does not). A log only
    grows: a smaller number, or the same number with another hash, means it was cut or
    rewritten on the terminal."""
    if prev is None or head is None or prev["audit_seq"] is None:
        return ""
    if head["seq"] < prev["audit_seq"]:
        return f"entry count fell from {prev['audit_seq']} to {head['seq']}"
    if head["seq"] == prev["audit_seq"] and head["hash"] != prev["audit_hash"]:
        return f"entry {head['seq']} changed its hash"
    return ""


def record_heartbeat(
    conn: sqlite3.Connection, tid: str, body: dict[str, Any], now_ms: int, policy: FleetPolicy
) -> None:
    """Inside the caller's write transaction."""
    conn.execute(
        "INSERT INTO heartbeats (terminal_id, at_ms, body) VALUES (?, ?, ?)",
        (tid, now_ms, canonical_json(body).decode()),
    )
    conn.execute(
        "DELETE FROM heartbeats WHERE terminal_id = ? AND at_ms < ?",
        (tid, now_ms - KEEP_HISTORY_MS),
    )
    prev = conn.execute(
        "SELECT trend, audit_seq, audit_hash, audit_alert, last_refusal_at_ms,"
        " last_refusal_reason FROM terminal_health WHERE terminal_id = ?",
        (tid,),
    ).fetchone()
    keep_from = now_ms - 2 * policy.backlog_window_s * 1000
    trend = [p for p in (json.loads(prev["trend"]) if prev else []) if p[0] >= keep_from]
    trend = [*trend, [now_ms, int(body["queue"]["pending"])]][-MAX_TREND:]
    head = body.get("audit_head")
    alert = (prev["audit_alert"] if prev else "") or _audit_alert(prev, head)
    refused = [r for r in body["command_results"] if r["status"] == "refused"]
    refusal_at = now_ms if refused else (prev["last_refusal_at_ms"] if prev else None)
    reason = refused[-1]["reason"] if refused else (prev["last_refusal_reason"] if prev else "")
    sent = body.get("sent_at_ms")
    conn.execute(
        "INSERT OR REPLACE INTO terminal_health VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            tid,
            now_ms,
            canonical_json(body).decode(),
            None if sent is None else now_ms - int(sent),
            json.dumps(trend),
            None if head is None else head["seq"],
            None if head is None else head["hash"],
            alert,
            refusal_at,
            reason,
        ),
    )
    conn.execute(
        "UPDATE terminals SET software_version = ? WHERE terminal_id = ?",
        (body["software_version"], tid),
    )


def clear_audit_alert(storage: Storage, tid: str) -> bool:
    with storage.write() as conn:
        return bool(
            conn.execute(
                "UPDATE terminal_health SET audit_alert = '' WHERE terminal_id = ?", (tid,)
            ).rowcount
        )


def fleet_rows(storage: Storage, now_ms: int, township: str = "") -> list[dict[str, Any]]:
    """Every enrolled terminal with its hall and last health, in county/township/hall order;
    `last_command` is {"action", "status"} of the newest command, or None."""
    rows = storage.all(
        "SELECT t.terminal_id, t.software_version, t.enrolled_at_ms, t.last_seen_ms,"
        " h.code AS hall_code, h.name AS hall_name, h.township, h.county,"
        " th.received_at_ms, th.body, th.clock_skew_ms, th.trend, th.audit_seq, th.audit_hash,"
        " th.audit_alert, th.last_refusal_at_ms, th.last_refusal_reason,"
        " (SELECT json_array(c.action, c.status, c.expires_at_ms) FROM commands c"
        "   WHERE c.terminal_id = t.terminal_id ORDER BY c.issued_at_ms DESC LIMIT 1)"
        "   AS last_command"
        " FROM terminals t JOIN halls h ON h.code = t.hall_code"
        " LEFT JOIN terminal_health th ON th.terminal_id = t.terminal_id"
        " WHERE ? = '' OR h.township = ?"
        " ORDER BY h.county, h.township, h.name, t.terminal_id",
        township,
        township,
    )
    out = []
    for r in rows:
        row = dict(r)
        row["body"] = json.loads(r["body"]) if r["body"] else {}
        row["trend"] = json.loads(r["trend"]) if r["trend"] else []
        if r["last_command"]:
            action, status, expires = json.loads(r["last_command"])
            row["last_command"] = {
                "action": action,
                "status": commands.shown_status(status, expires, now_ms),
            }
        out.append(row)
    return out


def townships(storage: Storage) -> list[str]:
    return [
        str(r["township"])
        for r in storage.all(
            "SELECT DISTINCT h.township FROM halls h JOIN terminals t ON t.hall_code = h.code"
            " ORDER BY h.township"
        )
    ]

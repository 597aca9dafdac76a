"""Signed commands to terminals: issued by an admin, carried in heartbeat replies until the
terminal reports an outcome or the command expires.

A command is signed once, when issued, and stored signed: every reply carries the same bytes,
and the terminal acts on an id at most once however often it is delivered.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from typing import Any

from central.errors import ApiError
from central.keys import PlatformKeys
from central.storage import Storage
from kiosk.contract.commands import ACTIONS, MAX_TTL_MS, sign_command
from kiosk.contract.records import canonical_json

MAX_PER_REPLY = 20
OPEN = ("pending", "delivered")
FINAL = ("done", "failed", "refused", "interrupted")


def issue(
    storage: Storage, keys: PlatformKeys, tid: str, action: str, ttl_s: int, now_ms: int
) -> dict[str, Any]:
    if action not in ACTIONS:
        raise ApiError(422, "invalid_request", f"unknown action; one of {', '.join(ACTIONS)}")
    if not 0 < ttl_s * 1000 <= MAX_TTL_MS:
        raise ApiError(422, "invalid_request", "ttl_s must be between 1 s and one day")
    if storage.one("SELECT 1 FROM terminals WHERE terminal_id = ?", tid) is None:
        raise ApiError(404, "not_found", "no such terminal")
    command = sign_command(
        keys.signing,
        {
            "id": str(uuid.uuid4()),
            "terminal_id": tid,
            "action": action,
            "args": {},
            "issued_at_ms": now_ms,
            "expires_at_ms": now_ms + ttl_s * 1000,
        },
    )
    with storage.write() as conn:
        conn.execute(
            "INSERT INTO commands (id, terminal_id, action, signed, issued_at_ms, expires_at_ms,"
            " status) VALUES (?, ?, ?, ?, ?, ?, 'pending')",
            (
                command["id"],
                tid,
                action,
                canonical_json(command).decode(),
                now_ms,
                command["expires_at_ms"],
            ),
        )
    return command


def settle(conn: sqlite3.Connection, tid: str, results: list[dict[str, Any]], now_ms: int) -> None:
    """The outcomes a heartbeat reports. Only an open command of this terminal changes; a
    report for anything else (a replay the terminal refused, an id it never had) is ignored
    here and only counted as a refusal on the fleet page."""
    for r in results:
        conn.execute(
            "UPDATE commands SET status = ?, reason = ?, detail = ?, finished_at_ms = ?"
            " WHERE id = ? AND terminal_id = ? AND status IN ('pending', 'delivered')",
            (r["status"], r["reason"], r["detail"], now_ms, r["id"], tid),
        )


def due(conn: sqlite3.Connection, tid: str, now_ms: int) -> list[dict[str, Any]]:
    """Open, unexpired commands for this terminal, oldest first; marked delivered."""
    rows = conn.execute(
        "SELECT id, signed FROM commands WHERE terminal_id = ? AND status IN ('pending',"
        " 'delivered') AND expires_at_ms > ? ORDER BY issued_at_ms LIMIT ?",
        (tid, now_ms, MAX_PER_REPLY),
    ).fetchall()
    for r in rows:
        conn.execute(
            "UPDATE commands SET status = 'delivered',"
            " delivered_at_ms = COALESCE(delivered_at_ms, ?) WHERE id = ?",
            (now_ms, r["id"]),
        )
    return [json.loads(r["signed"]) for r in rows]


def shown_status(status: str, expires_at_ms: int, now_ms: int) -> str:
    """An open command past its expiry is shown as `expired` (it is no longer delivered)."""
    return "expired" if status in OPEN and expires_at_ms <= now_ms else status


def listing(storage: Storage, tid: str, now_ms: int, limit: int = 50) -> list[dict[str, Any]]:
    rows = storage.all(
        "SELECT id, action, status, issued_at_ms, expires_at_ms, delivered_at_ms,"
        " finished_at_ms, reason, detail FROM commands WHERE terminal_id = ?"
        " ORDER BY issued_at_ms DESC LIMIT ?",
        tid,
        limit,
    )
    return [
        {**dict(r), "status": shown_status(r["status"], r["expires_at_ms"], now_ms)} for r in rows
    ]


def open_upload(storage: Storage, tid: str, command_id: str, now_ms: int) -> bool:
    """A terminal may upload logs only for an open upload_logs command addressed to it."""
    return (
        storage.one(
            "SELECT 1 FROM commands WHERE id = ? AND terminal_id = ? AND action = 'upload_logs'"
            " AND status IN ('pending', 'delivered') AND expires_at_ms > ?",
            command_id,
            tid,
            now_ms,
        )
        is not None
    )

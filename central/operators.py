"""Who may act as a proxy agent or a technician at which hall.

The back office registers an operator with their ID number and a PIN; the platform keeps only
an HMAC of the ID number (to find duplicates) and the scrypt credential the terminals verify
offline (kiosk/domain/operators.py). A terminal fetches the operators of its own hall, plus the
county's technicians, and caches them for offline sign-in.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from typing import Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from central import cases
from central.context import Platform, platform, require_admin, terminal_id
from central.errors import ApiError
from central.storage import Storage
from kiosk.domain.operators import Credential, Role, pin_problem
from kiosk.domain.validation import validate_id_number

SCHEMA = """
CREATE TABLE IF NOT EXISTS operators (
    operator_id TEXT PRIMARY KEY, role TEXT NOT NULL CHECK (role IN ('agent', 'technician')),
    name TEXT NOT NULL, id_hmac TEXT NOT NULL UNIQUE, hall_code TEXT NOT NULL,
    credential TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, updated_at_ms INTEGER NOT NULL);
-- The cases a proxy agent handled, with the villager's masked name for the agent's worklist.
CREATE TABLE IF NOT EXISTS agent_cases (
    case_id TEXT PRIMARY KEY, agent_id TEXT NOT NULL, masked_name TEXT NOT NULL,
    handled_at_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS agent_cases_by_agent ON agent_cases (agent_id, handled_at_ms);
"""
WORKLIST_DAYS = 90  # how far back an agent's worklist reaches
NEEDS_VILLAGER = ("correction_needed", "completed")  # shown first: the villager must act

router = APIRouter(prefix="/v1")
admin_router = APIRouter(prefix="/v1/admin", dependencies=[Depends(require_admin)])


def ensure_schema(storage: Storage) -> None:
    storage.conn().executescript(SCHEMA)


class OperatorIn(BaseModel):
    role: Role
    name: str = Field(min_length=1, max_length=30)
    id_number: str = Field(min_length=15, max_length=18)
    pin: str = Field(min_length=6, max_length=6)
    hall_code: str = Field(default="", max_length=20)


def add_operator(p: Platform, body: OperatorIn, now_ms: int) -> dict[str, str]:
    from central.intake import today_in_china  # intake imports this module

    check = validate_id_number(body.id_number, today_in_china(now_ms))
    if not check.ok:
        raise ApiError(422, "invalid_request", "not a valid 18-digit resident ID number")
    problem = pin_problem(body.pin)
    if problem is not None:
        raise ApiError(422, "weak_pin", "the PIN must be 6 digits, not all alike, not a run")
    if body.role is Role.AGENT and not body.hall_code:
        raise ApiError(422, "invalid_request", "an agent belongs to a hall")
    if (
        body.hall_code
        and p.storage.one("SELECT 1 FROM halls WHERE code = ?", body.hall_code) is None
    ):
        raise ApiError(404, "not_found", "no such hall")
    prefix = "A" if body.role is Role.AGENT else "T"
    id_hmac = p.keys.id_hmac(check.number)
    with p.storage.write() as conn:
        if conn.execute("SELECT 1 FROM operators WHERE id_hmac = ?", (id_hmac,)).fetchone():
            raise ApiError(409, "operator_exists", "this person is already an operator")
        while True:
            operator_id = prefix + "".join(secrets.choice("0123456789") for _ in range(4))
            if not conn.execute(
                "SELECT 1 FROM operators WHERE operator_id = ?", (operator_id,)
            ).fetchone():
                break
        credential = Credential.make(operator_id, check.number, body.pin)
        conn.execute(
            "INSERT INTO operators VALUES (?, ?, ?, ?, ?, ?, 1, ?)",
            (
                operator_id,
                body.role.value,
                body.name,
                id_hmac,
                body.hall_code,
                json.dumps(credential.to_dict()),
                now_ms,
            ),
        )
    return {"operator_id": operator_id}


def deactivate(p: Platform, operator_id: str, now_ms: int) -> None:
    with p.storage.write() as conn:
        changed = conn.execute(
            "UPDATE operators SET active = 0, updated_at_ms = ? WHERE operator_id = ?",
            (now_ms, operator_id),
        ).rowcount
    if not changed:
        raise ApiError(404, "not_found", "no such operator")


@admin_router.post("/operators", status_code=201)
def create(body: OperatorIn, request: Request) -> dict[str, str]:
    p = platform(request)
    return add_operator(p, body, p.now_ms())


@admin_router.delete("/operators/{operator_id}", status_code=204)
def remove(operator_id: str, request: Request) -> None:
    p = platform(request)
    deactivate(p, operator_id, p.now_ms())


def note_agent_case(
    conn: sqlite3.Connection, case_id: str, agent_id: str, masked_name: str, at_ms: int
) -> None:
    """Inside the intake transaction: a submission made by a proxy agent joins their worklist.
    Accepted whatever the agent's standing now: an application taken offline by an agent who
    has since left is still the villager's application."""
    conn.execute(
        "INSERT OR IGNORE INTO agent_cases VALUES (?, ?, ?, ?)",
        (case_id, agent_id, masked_name, at_ms),
    )


@router.get("/operators/{operator_id}/cases")
def agent_worklist(operator_id: str, request: Request) -> dict[str, Any]:
    """The cases an agent of this terminal's hall handled in the last WORKLIST_DAYS, those
    where the villager must act first (补正, pickup), then the most recently changed."""
    p, tid = platform(request), terminal_id(request)
    agent = p.storage.one(
        "SELECT o.operator_id FROM operators o JOIN terminals t ON t.hall_code = o.hall_code"
        " WHERE o.operator_id = ? AND o.role = 'agent' AND o.active = 1 AND t.terminal_id = ?",
        operator_id,
        tid,
    )
    if agent is None:
        raise ApiError(404, "not_found", "no such agent at this terminal's hall")
    since = p.now_ms() - WORKLIST_DAYS * 86_400_000
    rows = p.storage.all(
        "SELECT c.*, a.masked_name, a.handled_at_ms FROM agent_cases a"
        " JOIN cases c ON c.case_id = a.case_id"
        " WHERE a.agent_id = ? AND a.handled_at_ms >= ?"
        " ORDER BY c.status IN ('correction_needed', 'completed') DESC, c.updated_at_ms DESC"
        " LIMIT 500",
        operator_id,
        since,
    )
    return {
        "cases": [
            {
                **cases.case_json(p.storage, row),
                "masked_name": row["masked_name"],
                "handled_at_ms": row["handled_at_ms"],
            }
            for row in rows
        ]
    }


@router.get("/operators")
def for_terminal(request: Request) -> dict[str, Any]:
    """The active operators who may act at this terminal's hall."""
    p, tid = platform(request), terminal_id(request)
    hall = p.storage.one("SELECT hall_code FROM terminals WHERE terminal_id = ?", tid)
    hall_code = "" if hall is None else str(hall["hall_code"])
    rows = p.storage.all(
        "SELECT operator_id, role, name, hall_code, credential FROM operators WHERE active = 1"
        " AND (hall_code = ? OR (role = 'technician' AND hall_code = '')) ORDER BY operator_id",
        hall_code,
    )
    return {
        "operators": [
            {
                "operator_id": r["operator_id"],
                "role": r["role"],
                "name": r["name"],
                "hall_code": r["hall_code"],
                "credential": json.loads(r["credential"]),
            }
            for r in rows
        ]
    }

"""Cases (办件): opened from a submission, moved along by the back office, read by terminals."""

from __future__ import annotations

import sqlite3
from typing import Any

from central.errors import ApiError
from central.numbers import derived_number
from central.storage import Storage

STATUSES = (
    "submitted",
    "accepted",
    "under_review",
    "correction_needed",
    "completed",
    "refused",
    "withdrawn",
)
FINAL = ("completed", "refused", "withdrawn")
NEXT_ACTION = {
    "correction_needed": "请按通知补正材料，可到村代办员处或本终端办理",
    "completed": "已办结，请按选择的方式领取结果",
    "refused": "申请未通过，可拨打12345咨询原因",
}


def open_case(
    conn: sqlite3.Connection,
    *,
    record_id: str,
    receipt_no: str,
    terminal_id: str,
    item: dict[str, Any],
    id_hmac: str,
    at_ms: int,
) -> str:
    case_id = "C" + derived_number(record_id, 20)
    conn.execute(
        "INSERT INTO cases VALUES (?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?)",
        (
            case_id,
            receipt_no,
            record_id,
            terminal_id,
            item["code"],
            item["name"],
            id_hmac,
            item["department"],
            at_ms,
        ),
    )
    conn.execute(
        "INSERT INTO case_events (case_id, status, at_ms, department, note) VALUES (?, ?, ?, ?, ?)",
        (case_id, "submitted", at_ms, item["department"], "终端提交"),
    )
    return case_id


def case_json(storage: Storage, row: sqlite3.Row) -> dict[str, Any]:
    events = storage.all(
        "SELECT status, at_ms, department, note FROM case_events WHERE case_id = ? ORDER BY seq",
        row["case_id"],
    )
    return {
        "receipt_no": row["receipt_no"],
        "case_id": row["case_id"],
        "item_code": row["item_code"],
        "item_name": row["item_name"],
        "status": row["status"],
        "department": row["department"],
        "updated_at_ms": row["updated_at_ms"],
        "timeline": [dict(e) for e in events],
        "next_action": NEXT_ACTION.get(row["status"], ""),
    }


def by_receipt(storage: Storage, receipt_no: str) -> dict[str, Any]:
    row = storage.one("SELECT * FROM cases WHERE receipt_no = ?", receipt_no.strip().upper())
    if row is None:
        raise ApiError(404, "not_found", "no case has this receipt number")
    return case_json(storage, row)


CHANGES_PAGE = 100


def changed_since(storage: Storage, terminal_id: str, since: str) -> dict[str, Any]:
    """The terminal's cases changed after the cursor `since` ("" for all), oldest change
    first, a page at a time. The cursor is "<updated_at_ms>.<case_id>" of the last case sent:
    cases changed in the same millisecond are never split from or lost to a page boundary."""
    at_ms, _, case_id = since.partition(".")
    if since and not (at_ms.isdigit() and len(at_ms) <= 15 and case_id):
        raise ApiError(422, "invalid_request", "since is a cursor this platform gave out")
    rows = storage.all(
        "SELECT * FROM cases WHERE terminal_id = ? AND (updated_at_ms, case_id) > (?, ?)"
        " ORDER BY updated_at_ms, case_id LIMIT ?",
        terminal_id,
        int(at_ms or -1),
        case_id,
        CHANGES_PAGE + 1,
    )
    page = rows[:CHANGES_PAGE]
    cursor = f"{page[-1]['updated_at_ms']}.{page[-1]['case_id']}" if page else since
    return {
        "cases": [case_json(storage, r) for r in page],
        "next": cursor,
        "more": len(rows) > CHANGES_PAGE,
    }


def by_person(storage: Storage, id_hmac: str) -> list[dict[str, Any]]:
    rows = storage.all(
        "SELECT * FROM cases WHERE id_hmac = ? ORDER BY updated_at_ms DESC LIMIT 50", id_hmac
    )
    return [case_json(storage, r) for r in rows]


def transition(
    storage: Storage, receipt_no: str, status: str, department: str, note: str, at_ms: int
) -> dict[str, Any]:
    if status not in STATUSES:
        raise ApiError(422, "invalid_status", f"status must be one of {', '.join(STATUSES)}")
    with storage.write() as conn:
        row = conn.execute("SELECT * FROM cases WHERE receipt_no = ?", (receipt_no,)).fetchone()
        if row is None:
            raise ApiError(404, "not_found", "no case has this receipt number")
        if row["status"] in FINAL:
            raise ApiError(409, "case_closed", "a closed case cannot move on")
        dept = department or row["department"]
        conn.execute(
            "UPDATE cases SET status = ?, department = ?, updated_at_ms = ? WHERE case_id = ?",
            (status, dept, at_ms, row["case_id"]),
        )
        conn.execute(
            "INSERT INTO case_events (case_id, status, at_ms, department, note) VALUES (?,?,?,?,?)",
            (row["case_id"], status, at_ms, dept, note),
        )
    return by_receipt(storage, receipt_no)

"""A hall's queue (取号): tickets numbered per hall and day, check-in of booked villagers.

Numbering: every ticket of a hall on a day comes from this one table, inside one
`BEGIN IMMEDIATE` transaction that reads the series' highest number and inserts the next;
`UNIQUE (hall_code, day, series, number)` is the last line of defence. So two terminals of one
hall, asking at the same moment, never get the same number. A-numbers are for villagers who
booked and checked in, B-numbers for walk-ins.

Idempotency: each request carries the terminal's `request_id` (a UUID). A repeat (a reply lost
on a village link) returns the ticket already issued, never a second number. A booking is
checked in once: tapping the card again gives the same A-ticket back.

A terminal only issues tickets for the hall it is enrolled in (its paper goes to that hall's
windows). Offline tickets never come from here: see docs/sync-protocol.md, "Queue tickets".
"""

from __future__ import annotations

import sqlite3
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Path, Request
from pydantic import BaseModel, Field

from central import collections, intake
from central.context import Platform, platform, require_admin, terminal_id
from central.errors import ApiError
from central.storage import Storage

SCHEMA = """
CREATE TABLE IF NOT EXISTS tickets (
    request_id TEXT PRIMARY KEY, hall_code TEXT NOT NULL, day TEXT NOT NULL,
    series TEXT NOT NULL CHECK (series IN ('A', 'B')), number INTEGER NOT NULL,
    item_code TEXT, booking_no TEXT UNIQUE, terminal_id TEXT NOT NULL,
    issued_at_ms INTEGER NOT NULL, called_at_ms INTEGER,
    UNIQUE (hall_code, day, series, number));
"""
MAX_PER_DAY = 999  # three digits on the ticket; a hall never serves more in a day

router = APIRouter(prefix="/v1/halls")
admin_router = APIRouter(prefix="/v1/admin/halls", dependencies=[Depends(require_admin)])

HallCode = Annotated[str, Path(max_length=20)]
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


class TicketIn(BaseModel):
    request_id: str = Field(pattern=UUID_PATTERN)
    item_code: str | None = Field(default=None, max_length=40)


class CheckInIn(BaseModel):
    request_id: str = Field(pattern=UUID_PATTERN)
    id_number: str = Field(min_length=1, max_length=32)


class CallIn(BaseModel):
    series: str = Field(pattern="^[AB]$")


def install(app: FastAPI, storage: Storage) -> None:
    """The table and the routes (called once by the app factory)."""
    storage.conn().executescript(SCHEMA)
    app.include_router(router)
    app.include_router(admin_router)


def _ticket_json(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    waiting = conn.execute(
        "SELECT COUNT(*) FROM tickets WHERE hall_code = ? AND day = ? AND series = ?"
        " AND number < ? AND called_at_ms IS NULL",
        (row["hall_code"], row["day"], row["series"], row["number"]),
    ).fetchone()[0]
    slot = None
    if row["booking_no"] is not None:
        found = conn.execute(
            'SELECT s.start, s."end", s.item_code FROM bookings b JOIN slots s'
            " ON s.slot_id = b.slot_id WHERE b.booking_no = ?",
            (row["booking_no"],),
        ).fetchone()
        if found is not None:
            slot = {"start": found["start"], "end": found["end"]}
    return {
        "label": f"{row['series']}{row['number']:03d}",
        "series": row["series"],
        "number": row["number"],
        "day": row["day"],
        "hall_code": row["hall_code"],
        "item_code": row["item_code"],
        "booking_no": row["booking_no"],
        "slot": slot,
        "issued_at_ms": row["issued_at_ms"],
        "waiting_before": int(waiting),
        "called": row["called_at_ms"] is not None,
    }


def _own_hall(p: Platform, request: Request, hall_code: str) -> str:
    tid = terminal_id(request)
    row = p.storage.one("SELECT hall_code FROM terminals WHERE terminal_id = ?", tid)
    if row is None or row["hall_code"] != hall_code:
        raise ApiError(403, "wrong_hall", "a terminal issues tickets only for its own hall")
    return tid


def _repeat(conn: sqlite3.Connection, request_id: str, hall_code: str, series: str) -> Any:
    row = conn.execute("SELECT * FROM tickets WHERE request_id = ?", (request_id,)).fetchone()
    if row is not None and (row["hall_code"], row["series"]) != (hall_code, series):
        raise ApiError(409, "conflict", "this request id was used for another ticket")
    return row


def _issue(
    conn: sqlite3.Connection,
    *,
    request_id: str,
    hall_code: str,
    day: str,
    series: str,
    item_code: str | None,
    booking_no: str | None,
    tid: str,
    now_ms: int,
) -> sqlite3.Row:
    """The next number of the series, in the caller's write transaction."""
    last = conn.execute(
        "SELECT COALESCE(MAX(number), 0) FROM tickets WHERE hall_code = ? AND day = ?"
        " AND series = ?",
        (hall_code, day, series),
    ).fetchone()[0]
    if last >= MAX_PER_DAY:
        raise ApiError(409, "queue_full", "no more tickets today at this hall")
    conn.execute(
        "INSERT INTO tickets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
        (request_id.lower(), hall_code, day, series, last + 1, item_code, booking_no, tid, now_ms),
    )
    row: sqlite3.Row = conn.execute(
        "SELECT * FROM tickets WHERE request_id = ?", (request_id.lower(),)
    ).fetchone()
    return row


@router.get("")
def halls(request: Request) -> dict[str, Any]:
    """Every hall, for choosing where to book; the terminal's own county first."""
    p = platform(request)
    own = p.storage.one(
        "SELECT h.county FROM terminals t JOIN halls h ON h.code = t.hall_code"
        " WHERE t.terminal_id = ?",
        terminal_id(request),
    )
    county = "" if own is None else own["county"]
    rows = p.storage.all(
        "SELECT code, name, township, county, phone, address FROM halls ORDER BY county != ?, code",
        county,
    )
    return {"halls": [dict(r) for r in rows]}


@router.post("/{hall_code}/tickets")
def walk_in_ticket(hall_code: HallCode, body: TicketIn, request: Request) -> dict[str, Any]:
    """A walk-in's B-ticket."""
    p = platform(request)
    tid = _own_hall(p, request, hall_code)
    if body.item_code is not None and collections.live_item(p.storage, body.item_code) is None:
        raise ApiError(404, "not_found", "no such service item")
    rid = str(uuid.UUID(body.request_id))
    now = p.now_ms()
    day = intake.today_in_china(now).isoformat()
    with p.storage.write() as conn:
        row = _repeat(conn, rid, hall_code, "B")
        if row is None:
            row = _issue(
                conn,
                request_id=rid,
                hall_code=hall_code,
                day=day,
                series="B",
                item_code=body.item_code,
                booking_no=None,
                tid=tid,
                now_ms=now,
            )
        return {"ticket": _ticket_json(conn, row)}


@router.post("/{hall_code}/check-ins")
def check_in(hall_code: HallCode, body: CheckInIn, request: Request) -> dict[str, Any]:
    """A booked villager's A-ticket: their booking at this hall today, checked in once. The
    ID number travels in the body only and is matched by its keyed hash, never stored."""
    p = platform(request)
    tid = _own_hall(p, request, hall_code)
    rid = str(uuid.UUID(body.request_id))
    now = p.now_ms()
    day = intake.today_in_china(now).isoformat()
    id_hmac = p.keys.id_hmac(body.id_number)
    with p.storage.write() as conn:
        row = _repeat(conn, rid, hall_code, "A")
        if row is None:
            bookings = conn.execute(
                "SELECT b.booking_no, s.item_code, t.request_id FROM bookings b"
                " JOIN slots s ON s.slot_id = b.slot_id"
                " LEFT JOIN tickets t ON t.booking_no = b.booking_no"
                " WHERE b.id_hmac = ? AND s.hall_code = ? AND s.date = ? ORDER BY s.start",
                (id_hmac, hall_code, day),
            ).fetchall()
            if not bookings:
                raise ApiError(404, "no_booking_today", "no booking today at this hall")
            open_ = [b for b in bookings if b["request_id"] is None]
            if not open_:  # checked in before: the same ticket again
                row = conn.execute(
                    "SELECT * FROM tickets WHERE request_id = ?", (bookings[0]["request_id"],)
                ).fetchone()
            else:
                row = _issue(
                    conn,
                    request_id=rid,
                    hall_code=hall_code,
                    day=day,
                    series="A",
                    item_code=open_[0]["item_code"],
                    booking_no=open_[0]["booking_no"],
                    tid=tid,
                    now_ms=now,
                )
        return {"ticket": _ticket_json(conn, row)}


@admin_router.post("/{hall_code}/queue/next")
def call_next(hall_code: HallCode, body: CallIn, request: Request) -> dict[str, Any]:
    """The hall's window calls the next ticket of a series (the calling system's side)."""
    p = platform(request)
    now = p.now_ms()
    day = intake.today_in_china(now).isoformat()
    with p.storage.write() as conn:
        row = conn.execute(
            "SELECT * FROM tickets WHERE hall_code = ? AND day = ? AND series = ?"
            " AND called_at_ms IS NULL ORDER BY number LIMIT 1",
            (hall_code, day, body.series),
        ).fetchone()
        if row is None:
            raise ApiError(404, "not_found", "nobody is waiting in this series")
        conn.execute(
            "UPDATE tickets SET called_at_ms = ? WHERE request_id = ?", (now, row["request_id"])
        )
        row = conn.execute(
            "SELECT * FROM tickets WHERE request_id = ?", (row["request_id"],)
        ).fetchone()
        return {"ticket": _ticket_json(conn, row)}

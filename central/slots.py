"""Appointment slots per hall and item: made on demand, booked without ever overbooking.

The `CHECK (booked <= capacity)` constraint and the conditional UPDATE inside the caller's
`BEGIN IMMEDIATE` transaction make overbooking impossible, also under concurrent requests.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from central.errors import Rejected
from central.numbers import derived_number
from central.storage import Storage
from kiosk.domain.appointment import PERIODS, is_working_day, slot_id

CAPACITY = 4
HORIZON_DAYS = 14
__all__ = ["CAPACITY", "HORIZON_DAYS", "PERIODS", "book", "ensure", "list_slots", "slot_id"]


def ensure(conn: sqlite3.Connection, hall: str, item: str, day: date) -> None:
    if not is_working_day(day):  # halls are closed at weekends
        return
    for period, (start, end) in PERIODS.items():
        conn.execute(
            "INSERT OR IGNORE INTO slots VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
            (slot_id(hall, item, day, period), hall, item, day.isoformat(), start, end, CAPACITY),
        )


def list_slots(
    storage: Storage, hall: str, item: str, day: date, today: date
) -> list[dict[str, object]]:
    if not today <= day <= today + timedelta(days=HORIZON_DAYS):
        return []
    with storage.write() as conn:
        ensure(conn, hall, item, day)
    rows = storage.all(
        'SELECT slot_id, date, start, "end", capacity, booked FROM slots'
        " WHERE hall_code = ? AND item_code = ? AND date = ? ORDER BY start",
        hall,
        item,
        day.isoformat(),
    )
    return [dict(r) for r in rows]


def book(conn: sqlite3.Connection, sid: str, record_id: str, id_hmac: str, now_ms: int) -> str:
    parts = sid.split(".")
    try:
        hall, item, day, period = parts[0], parts[1], date.fromisoformat(parts[2]), parts[3]
    except (IndexError, ValueError):
        raise Rejected("no such appointment slot") from None
    if period not in PERIODS:
        raise Rejected("no such appointment slot")
    ensure(conn, hall, item, day)
    cur = conn.execute(
        "UPDATE slots SET booked = booked + 1 WHERE slot_id = ? AND booked < capacity", (sid,)
    )
    if cur.rowcount == 0:
        exists = conn.execute("SELECT 1 FROM slots WHERE slot_id = ?", (sid,)).fetchone()
        raise Rejected("slot_full: this slot is fully booked" if exists else "no such slot")
    booking_no = "B" + derived_number(record_id, 16)
    conn.execute(
        "INSERT INTO bookings VALUES (?, ?, ?, ?, ?)", (booking_no, record_id, sid, id_hmac, now_ms)
    )
    return booking_no

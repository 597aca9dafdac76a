"""A booking for today, made the way the hall's own staff would (a villager phoned), straight in
the reference platform's database: through the terminal, a booking for today is impossible on a
weekend (halls take no bookings then), and check-in tests must not depend on the weekday."""

from __future__ import annotations

import time
import uuid

from central import intake, slots
from central.keys import PlatformKeys
from central.storage import Storage
from tests.support.central import CentralHandle


def book_today(central: CentralHandle, hall_code: str, item_code: str, id_number: str) -> str:
    """Books this morning's slot at the hall for the person; returns the booking number."""
    storage = Storage(central.data_dir / "central.sqlite3")
    keys = PlatformKeys.load_or_create(central.data_dir)
    now_ms = int(time.time() * 1000)
    day = intake.today_in_china(now_ms)
    sid = slots.slot_id(hall_code, item_code, day, "am")
    start, end = slots.PERIODS["am"]
    with storage.write() as conn:
        conn.execute(
            "INSERT OR IGNORE INTO slots VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
            (sid, hall_code, item_code, day.isoformat(), start, end, slots.CAPACITY),
        )
        return slots.book(conn, sid, str(uuid.uuid4()), keys.id_hmac(id_number), now_ms)

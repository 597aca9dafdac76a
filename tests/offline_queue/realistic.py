"""Realistic records as the kiosk queues them, and the platform-side exactly-once check."""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from offline_queue.records import NewAttachment, NewRecord
from offline_queue.store import Outbox
from tests.offline_queue.helpers import ID_NUMBER, NAME, PHONE
from tests.support.central import DEFAULT_HALL, CentralHandle

LOW_INCOME_ITEM = "000113001000"  # 最低生活保障申请 (central/seed/catalog.json)


def next_working_day(days_ahead: int = 1) -> date:
    day = (datetime.now(UTC) + timedelta(hours=8)).date() + timedelta(days=days_ahead)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def submission(n: int, pages: int = 3, page_bytes: int = 30_000) -> NewRecord:
    form = {
        "name": NAME,
        "id_number": ID_NUMBER,
        "phone": PHONE,
        "household_size": 3,
        "monthly_income_yuan": 600 + n,
        "reason": "家中老人患病，无固定收入",
    }
    return NewRecord(
        kind="submission",
        personal={
            "applicant": {"name": NAME, "id_number": ID_NUMBER},
            "form": form,
            "phone": PHONE,
            "agent": None,
        },
        meta={"hall_code": DEFAULT_HALL, "agent_id": None},
        item_code=LOW_INCOME_ITEM,
        item_name="最低生活保障申请",
        masked_name="买买*",
        # Random bytes: a compressed photo does not compress further, and each page differs.
        attachments=tuple(
            NewAttachment(f"page-{i + 1}.webp", "image/webp", os.urandom(page_bytes))
            for i in range(pages)
        ),
    )


def evaluation(receipt_no: str | None, level: int = 2) -> NewRecord:
    return NewRecord(
        kind="evaluation",
        personal={},
        meta={
            "hall_code": DEFAULT_HALL,
            "level": level,
            "dimensions": {"overall": level, "attitude": 3},
            "problems": ["排队时间长"] if level <= 2 else [],
            "receipt_no": receipt_no,
        },
        item_code=LOW_INCOME_ITEM,
        issue_receipt=False,
    )


def complaint() -> NewRecord:
    return NewRecord(
        kind="complaint",
        personal={"text": "村里的路灯坏了三个月没人修", "phone": PHONE},
        meta={"hall_code": DEFAULT_HALL, "complaint_kind": "complaint", "category": "其他"},
        item_name="投诉",
        masked_name="买买*",
    )


# A slot takes four bookings; tests sharing one platform spread theirs over the next days.
_SLOTS = itertools.cycle([(d, p) for d in range(1, 9) for p in ("am", "pm")])


def appointment() -> NewRecord:
    days_ahead, period = next(_SLOTS)
    slot = f"{DEFAULT_HALL}.{LOW_INCOME_ITEM}.{next_working_day(days_ahead).isoformat()}.{period}"
    return NewRecord(
        kind="appointment",
        personal={"name": NAME, "id_number": ID_NUMBER, "phone": PHONE},
        meta={"hall_code": DEFAULT_HALL, "slot_id": slot},
        item_code=LOW_INCOME_ITEM,
        item_name="最低生活保障申请",
        masked_name="买买*",
    )


def queue_a_mixed_day(outbox: Outbox, submissions: int = 2, page_bytes: int = 30_000) -> None:
    """What one morning at a village service point leaves in the queue."""
    first = None
    for n in range(submissions):
        rec = outbox.enqueue(submission(n, page_bytes=page_bytes))
        first = first or rec.receipt_no
    outbox.enqueue(evaluation(first))
    outbox.enqueue(complaint())
    outbox.enqueue(appointment())


def platform_db(central: CentralHandle) -> sqlite3.Connection:
    path = central.data_dir / "central.sqlite3"
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)


def assert_exactly_once(central: CentralHandle, outbox: Outbox) -> Counter[str]:
    """Every local record delivered, and the platform holds each exactly once: the same ids,
    one case per submission, one booking per appointment, one feedback row per evaluation or
    complaint, no conflict. Returns the platform's records by kind."""
    local = outbox.records()
    assert {r.state for r in local} == {"delivered"}, Counter(r.state for r in local)
    tid = outbox.terminal_id
    db = platform_db(central)
    try:
        server = dict(db.execute("SELECT id, kind FROM records WHERE terminal_id = ?", (tid,)))
        assert sorted(server) == sorted(r.id for r in local), "the platform's records differ"
        kinds = Counter(server.values())
        cases = db.execute(
            "SELECT COUNT(*), COUNT(DISTINCT receipt_no), COUNT(DISTINCT record_id) FROM cases"
            " WHERE terminal_id = ?",
            (tid,),
        ).fetchone()
        assert cases == (kinds["submission"],) * 3, cases
        bookings = db.execute(
            "SELECT COUNT(*) FROM bookings b JOIN records r ON r.id = b.record_id"
            " WHERE r.terminal_id = ?",
            (tid,),
        ).fetchone()[0]
        assert bookings == kinds["appointment"]
        feedback = db.execute(
            "SELECT COUNT(*) FROM feedback WHERE terminal_id = ?", (tid,)
        ).fetchone()[0]
        assert feedback == kinds["evaluation"] + kinds["complaint"]
        conflicts = db.execute(
            "SELECT COUNT(*) FROM conflicts WHERE terminal_id = ?", (tid,)
        ).fetchone()[0]
        assert conflicts == 0
    finally:
        db.close()
    return kinds

"""The case status pull's platform side: a terminal's cases changed after a cursor, a page at
a time, oldest change first; cases changed in the same millisecond are never split from or
lost to a page boundary, and another terminal's cases never show."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import patch

import pytest

from central import cases
from central.errors import ApiError
from central.storage import Storage

ITEM = {"code": "000113001000", "name": "最低生活保障申请", "department": "县民政局"}


def filed(storage: Storage, n: int, terminal: str, at_ms: int) -> str:
    receipt = f"{terminal}-{n:04d}-X"
    with storage.conn() as conn:
        cases.open_case(
            conn,
            record_id=f"rec-{terminal}-{n}",
            receipt_no=receipt,
            terminal_id=terminal,
            item=ITEM,
            id_hmac="h",
            at_ms=at_ms,
        )
    return receipt


def test_changes_come_a_page_at_a_time_and_none_is_lost_at_a_boundary(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "central.sqlite3")
    # Seven cases of this terminal, five changed in the same millisecond; one of another.
    mine = [filed(storage, n, "K7Q2M", 1_000 if n < 5 else 2_000 + n) for n in range(7)]
    filed(storage, 99, "OTHER", 1_000)
    seen: list[str] = []
    cursor, pages = "", 0
    with patch.object(cases, "CHANGES_PAGE", 2):
        while True:
            page = cases.changed_since(storage, "K7Q2M", cursor)
            seen += [c["receipt_no"] for c in page["cases"]]
            cursor, pages = page["next"], pages + 1
            if not page["more"]:
                break
    assert sorted(seen) == sorted(mine) and len(seen) == 7 and pages == 4
    assert cases.changed_since(storage, "K7Q2M", cursor)["cases"] == []  # nothing new
    with storage.conn() as conn:  # the back office moves one on: it comes next, alone
        conn.execute("UPDATE cases SET updated_at_ms = 9000 WHERE receipt_no = ?", (mine[2],))
    again = cases.changed_since(storage, "K7Q2M", cursor)
    assert [c["receipt_no"] for c in again["cases"]] == [mine[2]] and not again["more"]


@pytest.mark.parametrize("cursor", ["x", "12", ".C1", "abc.C1", "9" * 30 + ".C1"])
def test_a_cursor_the_platform_never_gave_is_refused(tmp_path: Path, cursor: str) -> None:
    with pytest.raises(ApiError):
        cases.changed_since(Storage(tmp_path / "c.sqlite3"), "K7Q2M", cursor)

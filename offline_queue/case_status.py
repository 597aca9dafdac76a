"""Case statuses (办件进度): pulled on the sync loop by delta (this terminal's cases that
changed since the last pull), looked up on demand by receipt number or ID number, the last
known state cached with the time the platform said it.

What is cached: the case as the platform returns it by receipt number, minus the back
office's free-text notes (they may name people). Never cached: anything looked up by ID
number, and the ID number itself, which only ever travels in a POST body to the platform.
Cached states are purged with the receipt stubs (`stub_days` of the store's elapsed clock).
"""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime
from typing import Any

from kiosk.domain.case import Case, CaseFormatError, CaseStatus
from kiosk.errors import PlatformError
from kiosk.ports.cases import CaseView
from kiosk.ports.clock import Clock
from offline_queue.front import SharedOutbox
from offline_queue.platform_client import PlatformClient, PlatformGarbage, PlatformRefused
from offline_queue.store import Outbox

log = logging.getLogger("offline_queue.cases")
FINAL_STATUSES = (CaseStatus.COMPLETED, CaseStatus.REFUSED, CaseStatus.WITHDRAWN)
CURSOR = "cases_since"  # sync_state: the platform's cursor of the last case change stored


def _parse(data: dict[str, Any]) -> Case:
    try:
        return Case.from_dict(data)
    except CaseFormatError as exc:
        raise PlatformGarbage(str(exc)) from None


def _without_notes(data: dict[str, Any]) -> dict[str, Any]:
    timeline = [{**e, "note": ""} for e in data.get("timeline", []) if isinstance(e, dict)]
    return {**data, "timeline": timeline}


def save_case(box: Outbox, case: Case, data: dict[str, Any], at_ms: int) -> None:
    box.conn.execute(
        "INSERT OR REPLACE INTO case_cache VALUES (?, ?, ?, ?, ?)",
        (
            case.receipt_no,
            json.dumps(_without_notes(data), ensure_ascii=False),
            int(case.status in FINAL_STATUSES),
            at_ms,
            box.elapsed(),
        ),
    )


def _view(row: Any, fresh: bool = False, problem: str = "") -> CaseView | None:
    try:
        case = Case.from_dict(json.loads(row["case_json"]))
    except (CaseFormatError, ValueError):
        return None  # a damaged entry is refetched, never shown
    return CaseView(case, datetime.fromtimestamp(row["fetched_at_ms"] / 1000, UTC), fresh, problem)


class CaseStatusRefresher:
    """The PullTask: the cases of this terminal's submissions that changed since the last
    pull, by the platform's cursor (kept in sync_state, so a restart goes on from there): a
    quiet day costs one small request, however many cases are open."""

    name = "case statuses"

    def __init__(
        self, client: PlatformClient, clock: Clock, interval_s: float = 600, pages: int = 10
    ) -> None:
        self.client, self.clock, self.interval_s, self.pages = client, clock, interval_s, pages

    def pull(self, outbox: Outbox) -> None:
        """On the sync thread. At most `pages` pages per pull (a slow link is never hogged;
        the rest comes next time); the cursor moves once a page is stored."""
        cursor = outbox.sync_state().get(CURSOR, "")
        for _ in range(self.pages):
            reply = self.client.cases_changed(cursor)
            at_ms = int(self.clock.now().timestamp() * 1000)
            parsed = [(_parse(data), data) for data in reply["cases"]]
            outbox.conn.execute("BEGIN IMMEDIATE")
            try:
                for case, data in parsed:
                    save_case(outbox, case, data, at_ms)
                outbox.set_sync_state(CURSOR, reply["next"])
            except BaseException:
                outbox.conn.execute("ROLLBACK")
                raise
            outbox.conn.execute("COMMIT")
            cursor = reply["next"]
            if not reply["more"]:
                break
        outbox.conn.execute(
            "DELETE FROM case_cache WHERE fetched_elapsed < ?",
            (outbox.elapsed() - outbox.limits.stub_days * 86_400,),
        )


class PlatformCaseSource:
    """The CaseSource port. Thread: workers; one platform call at a time (its own client,
    not the sync loop's)."""

    def __init__(self, client: PlatformClient, outbox: SharedOutbox, clock: Clock) -> None:
        self._client, self._box, self._clock = client, outbox, clock
        self._lock = threading.Lock()

    def by_receipt(self, receipt_no: str) -> CaseView | None:
        receipt_no = receipt_no.strip().upper()
        try:
            with self._lock:
                data = self._client.case_by_receipt(receipt_no)
        except PlatformRefused as exc:
            if exc.status == 404:
                return None
            return self._cached(receipt_no, exc)
        except PlatformError as exc:
            return self._cached(receipt_no, exc)
        case = _parse(data)
        now = self._clock.now()
        self._box.call(lambda box: save_case(box, case, data, int(now.timestamp() * 1000)))
        return CaseView(case, now, True)

    def _cached(self, receipt_no: str, exc: PlatformError) -> CaseView:
        row = self._box.call(
            lambda box: box.conn.execute(
                "SELECT * FROM case_cache WHERE receipt_no = ?", (receipt_no,)
            ).fetchone()
        )
        view = None if row is None else _view(row, False, exc.message_key)
        if view is None:
            raise exc
        return view

    def by_id_number(self, id_number: str) -> list[Case]:
        with self._lock:
            found = self._client.cases_by_id_number(id_number)
        return [_parse(c) for c in found]

    def recent(self) -> list[CaseView]:
        rows = self._box.call(
            lambda box: box.conn.execute(
                "SELECT c.* FROM case_cache c JOIN records r ON r.receipt_no = c.receipt_no"
                " ORDER BY r.seq DESC"
            ).fetchall()
        )
        views = [v for v in (_view(r) for r in rows) if v is not None]
        return sorted(views, key=lambda v: -v.case.updated_at_ms)

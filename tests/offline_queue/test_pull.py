"""The pull side against the real platform: notices by delta with an offline cache, case
statuses refreshed and cached with their age, lookups by receipt and by ID number (never
stored), and the Outbox port's local states."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from kiosk.domain.case import CaseStatus
from kiosk.domain.submission import Agent
from kiosk.errors import PlatformError, StorageFullError
from kiosk.ports.clock import FakeClock
from kiosk.ports.outbox import LocalState
from offline_queue.case_status import CaseStatusRefresher
from offline_queue.notices import NoticeFeed
from offline_queue.store import Outbox
from offline_queue.sync import SyncEngine
from offline_queue.terminal import TerminalQueue, build_terminal_queue
from tests.offline_queue.helpers import ID_NUMBER
from tests.offline_queue.kiosk_side import (
    PAGES,
    VILLAGER,
    enrolled_kiosk,
    low_income_application,
    morning_booking,
    rating,
    street_light_complaint,
)
from tests.support.central import CentralHandle
from tests.support.fault_proxy import FaultProxy


@dataclass
class Kiosk:
    parts: TerminalQueue
    box: Outbox  # the sync side's connection, driven by hand here
    clock: FakeClock
    proxy: FaultProxy
    central: CentralHandle
    data: Path

    def sync(self) -> None:
        SyncEngine(self.box, self.parts.sync.client).drain()


@pytest.fixture
def kiosk(tmp_path: Path, shared_central: CentralHandle) -> Iterator[Kiosk]:
    with FaultProxy(shared_central.port) as proxy:
        config, enrolment, key = enrolled_kiosk(tmp_path, shared_central, proxy.url, hard_count=3)
        clock = FakeClock()
        parts = build_terminal_queue(config, enrolment, key, clock)
        box = parts._front.call(lambda b: b)
        yield Kiosk(parts, box, clock, proxy, shared_central, config.terminal.data_dir)
        parts.close()


def test_notices_come_by_delta_and_stay_readable_offline(kiosk: Kiosk):
    feed = NoticeFeed(kiosk.parts.sync.client, kiosk.parts.notices.cache, kiosk.clock)
    assert kiosk.parts.notices.notices().notices == ()  # nothing fetched yet
    feed.pull(kiosk.box)
    board = kiosk.parts.notices.notices()
    codes = {n.code for n in board.notices}
    assert {"N2026001", "N2026005"} <= codes and board.fetched_at == kiosk.clock.now()
    # The platform publishes one notice and withdraws another: only the change travels.
    kiosk.central.update_item(
        {"code": "N2026099", "category": "政务公开", "title": "停水通知", "body": "明日停水"},
        collection="notices",
    )
    kiosk.central.remove_item("N2026004", collection="notices")
    kiosk.clock.advance(600)
    feed.pull(kiosk.box)
    after = {n.code for n in kiosk.parts.notices.notices().notices}
    assert after == (codes | {"N2026099"}) - {"N2026004"}
    # Nothing changed: the platform answers 304 to the ETag and the board stays.
    cached = kiosk.parts.notices.cache.load() or {}
    assert kiosk.parts.sync.client.fetch_notices(cached["version"], cached["etag"]) is None
    # Offline: the pull fails, the board is still there with its age.
    kiosk.proxy.refuse()
    kiosk.clock.advance(3600)
    with pytest.raises(PlatformError):
        feed.pull(kiosk.box)
    board = kiosk.parts.notices.notices()
    assert {n.code for n in board.notices} == after
    assert board.age_minutes(kiosk.clock.now()) == 60  # last confirmed before the outage


def test_a_damaged_notice_cache_is_refetched_whole(kiosk: Kiosk):
    feed = NoticeFeed(kiosk.parts.sync.client, kiosk.parts.notices.cache, kiosk.clock)
    kiosk.parts.notices.cache.path.write_text("{not json")
    assert kiosk.parts.notices.notices().notices == ()
    feed.pull(kiosk.box)
    assert len(kiosk.parts.notices.notices().notices) >= 5


def test_case_statuses_come_by_delta_on_the_loop_and_are_cached_with_their_age(kiosk: Kiosk):
    entry = kiosk.parts.outbox.submit(low_income_application(1), PAGES)
    receipt = entry.receipt_no or ""
    refresher = CaseStatusRefresher(kiosk.parts.sync.client, kiosk.clock)
    refresher.pull(kiosk.box)
    assert kiosk.parts.cases.recent() == []  # not delivered yet: no case
    kiosk.sync()
    refresher.pull(kiosk.box)
    [view] = kiosk.parts.cases.recent()
    assert view.case.receipt_no == receipt and view.case.status == CaseStatus.SUBMITTED
    kiosk.central.advance_case(receipt, "correction_needed", "县民政局", "请买买提补交户口本")
    kiosk.clock.advance(61)
    refresher.pull(kiosk.box)
    [view] = kiosk.parts.cases.recent()
    assert view.case.status == CaseStatus.CORRECTION_NEEDED
    assert all(e.note == "" for e in view.case.timeline)  # free text is not kept at rest
    # Nothing changed: one request, no case in its answer; never one request per case.
    before = len(kiosk.proxy.seen)
    refresher.pull(kiosk.box)
    assert kiosk.proxy.seen[before:] == ["GET /v1/cases"]  # (the proxy logs paths only)
    assert kiosk.box.sync_state()["cases_since"]  # the cursor it sent
    assert not any(s.startswith(f"GET /v1/cases/{receipt}") for s in kiosk.proxy.seen)


def test_a_receipt_lookup_is_live_when_online_and_the_last_known_state_when_not(kiosk: Kiosk):
    entry = kiosk.parts.outbox.submit(low_income_application(2), PAGES[:1])
    receipt = entry.receipt_no or ""
    kiosk.sync()
    live = kiosk.parts.cases.by_receipt(receipt.lower())
    assert live is not None and live.fresh and live.case.status == CaseStatus.SUBMITTED
    assert kiosk.parts.cases.by_receipt("K7Q2M-0999-X") is None  # the platform has no such case
    kiosk.proxy.refuse()
    kiosk.clock.advance(7200)
    cached = kiosk.parts.cases.by_receipt(receipt)
    assert cached is not None and not cached.fresh and cached.problem == "platform.unreachable"
    assert cached.age_minutes(kiosk.clock.now()) == 120
    with pytest.raises(PlatformError):
        kiosk.parts.cases.by_receipt("K7Q2M-0998-X")  # offline and never seen


def test_a_lookup_by_id_number_is_live_only_and_the_number_is_never_stored(kiosk: Kiosk):
    entry = kiosk.parts.outbox.submit(low_income_application(3), PAGES[:1])
    kiosk.sync()
    found = kiosk.parts.cases.by_id_number(ID_NUMBER)
    assert entry.receipt_no in {c.receipt_no for c in found}
    kiosk.box.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    for path in kiosk.data.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert ID_NUMBER.encode() not in data, path
            assert ID_NUMBER.encode("utf-16-le") not in data, path
    kiosk.proxy.refuse()
    with pytest.raises(PlatformError):
        kiosk.parts.cases.by_id_number(ID_NUMBER)


def test_the_outbox_port_queues_every_kind_and_reports_local_states(kiosk: Kiosk):
    sub = kiosk.parts.outbox.submit(low_income_application(4), PAGES)
    ev = kiosk.parts.outbox.evaluate(rating(sub.receipt_no))
    co = kiosk.parts.outbox.complain(street_light_complaint(), VILLAGER.masked_name)
    assert ev.receipt_no is None and co.receipt_no and sub.state == LocalState.QUEUED
    assert kiosk.box.get(ev.record_id).wire["meta"]["receipt_no"] == sub.receipt_no  # type: ignore[index]
    # Past the hard limit (3 here) self-service is refused; an agent's work still queues.
    with pytest.raises(StorageFullError) as refused:
        kiosk.parts.outbox.book(morning_booking(3), VILLAGER, "13912345678")
    assert refused.value.message_key == "queue.full"
    agent_work = replace(low_income_application(5), agent=Agent("A0001", "李四"))
    assert kiosk.parts.outbox.submit(agent_work, PAGES[:1]).state == LocalState.QUEUED
    kiosk.sync()
    booked = kiosk.parts.outbox.book(morning_booking(3), VILLAGER, "13912345678", "低保申请")
    kiosk.sync()
    got = kiosk.parts.outbox.entry(booked.receipt_no or "")
    assert got is not None and got.state == LocalState.DELIVERED and got.booking_no
    delivered = kiosk.parts.outbox.entry(sub.receipt_no or "")
    assert delivered is not None and delivered.case_id
    assert kiosk.parts.outbox.recent(1)[0].record_id == booked.record_id
    assert delivered.created_at == kiosk.clock.now()

"""Sync through a faulty link (tests/support/fault_proxy.py) to the real reference platform.

Each test queues a realistic morning (submissions with three pages, an evaluation, a
complaint, an appointment), syncs through one fault, checks how the reply was classified
(a link fault is never the record's fault: nothing dead-lettered, no attempt counted, the
claims handed back with a backoff, Retry-After honoured), then clears the fault and proves
exactly once on the platform's own database.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.contract.records import canonical_json, record_content_hash
from kiosk.ports.clock import FakeClock
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.store import Outbox
from offline_queue.sync import SyncEngine, SyncReport
from tests.offline_queue.realistic import (
    assert_exactly_once,
    complaint,
    platform_db,
    queue_a_mixed_day,
    submission,
)
from tests.support.central import CentralHandle
from tests.support.fault_proxy import Fault, FaultProxy

CHUNK = 16 * 1024


@dataclass
class Link:
    central: CentralHandle
    proxy: FaultProxy
    outbox: Outbox
    client: PlatformClient
    engine: SyncEngine
    clock: FakeClock

    def settle_after_fault(self, report: SyncReport) -> None:
        """What every link fault must leave behind: a stopped run, claims handed back,
        nothing dead or in conflict, no attempt counted against a record."""
        assert report.stopped, report
        assert report.dead == 0 and report.conflicts == 0, report
        states = {r.state for r in self.outbox.records()} - {"delivered"}
        assert states <= {"queued"}, states
        assert all(r.attempts == 0 for r in self.outbox.records())

    def recover(self) -> SyncReport:
        self.proxy.clear()
        self.clock.advance(3600)
        report = self.engine.drain()
        assert not report.stopped, report
        return report

    def pending_delay(self) -> float:
        """How long the earliest queued record waits before it may be claimed again."""
        row = self.outbox.conn.execute(
            "SELECT MIN(not_before) FROM records WHERE state = 'queued'"
        ).fetchone()
        return float(row[0]) - self.clock.monotonic()


@pytest.fixture
def link(tmp_path: Path, shared_central: CentralHandle) -> Iterator[Link]:
    terminal = shared_central.enrol()
    clock = FakeClock()
    outbox = Outbox(
        tmp_path / "q.sqlite3",
        terminal.seal_public_key,
        terminal.terminal_id,
        clock,
    )
    with FaultProxy(shared_central.port) as proxy:
        # Short timeouts keep the stall tests fast; the ceiling of the jitter makes the
        # backoff exact (full jitter draws from [0, ceiling)).
        client = PlatformClient(proxy.url, 0.5, 1.0)
        client.signer = Signer(terminal.terminal_id, terminal.key)
        engine = SyncEngine(outbox, client, batch=10, chunk=CHUNK, rng=lambda: 1.0)
        yield Link(shared_central, proxy, outbox, client, engine, clock)
        client.close()
    outbox.close()


def test_refused_connections_leave_everything_queued_and_it_all_arrives_later(link: Link):
    queue_a_mixed_day(link.outbox)
    link.proxy.refuse()
    report = link.engine.run_once()
    link.settle_after_fault(report)
    assert "PlatformUnreachable" in report.stopped or "Connection" in report.stopped
    link.recover()
    kinds = assert_exactly_once(link.central, link.outbox)
    assert kinds == {"submission": 2, "evaluation": 1, "complaint": 1, "appointment": 1}


def test_a_reset_mid_request_sends_nothing_twice(link: Link):
    queue_a_mixed_day(link.outbox)
    link.proxy.add(Fault.reset_request(after_bytes=300, match="POST /v1/records"))
    link.settle_after_fault(link.engine.run_once())
    assert "reset_request" in link.proxy.applied
    link.recover()
    assert_exactly_once(link.central, link.outbox)


def test_an_upload_reset_midway_keeps_what_arrived_and_resumes_from_there(link: Link):
    rec = link.outbox.enqueue(submission(1, pages=1, page_bytes=40_000))
    att = (rec.wire or {})["attachments"][0]
    sent: list[tuple[int, int]] = []
    append = link.client.blob_append

    def spy(sha256: str, offset: int, length: int, chunk: bytes) -> int:
        sent.append((offset, len(chunk)))
        return append(sha256, offset, length, chunk)

    link.client.blob_append = spy  # type: ignore[method-assign]
    # The first chunk goes through, the second is cut 5 kB in.
    link.proxy.add(Fault.reset_request(after_bytes=5_000, match="PATCH /v1/blobs", skip=1))
    link.settle_after_fault(link.engine.run_once())
    db = platform_db(link.central)
    offset = db.execute("SELECT offset FROM blobs WHERE sha256 = ?", (att["sha256"],)).fetchone()
    db.close()
    first = sent[0][1]
    assert offset[0] == first  # the whole first chunk was kept, nothing of the cut one
    del sent[:]
    link.recover()
    assert sent[0][0] == first  # resumed from the platform's offset
    assert sum(n for _, n in sent) == att["size"] - first  # only what was missing went again
    assert_exactly_once(link.central, link.outbox)


def test_a_stalled_link_times_out_and_nothing_is_lost(link: Link):
    queue_a_mixed_day(link.outbox)
    link.proxy.add(Fault.stall(match="POST /v1/records"))
    report = link.engine.run_once()
    link.settle_after_fault(report)
    assert "Timeout" in report.stopped
    link.recover()
    assert_exactly_once(link.central, link.outbox)


@pytest.mark.parametrize("fault", ["drop_reply", "reset_reply"])
def test_a_reply_lost_after_the_platform_stored_the_records_is_a_duplicate_not_a_resend(
    link: Link, fault: str
):
    queue_a_mixed_day(link.outbox)
    lost = (
        Fault.drop_reply(match="POST /v1/records")
        if fault == "drop_reply"
        else Fault.reset_reply(after_bytes=40, match="POST /v1/records")
    )
    link.proxy.add(lost)
    link.settle_after_fault(link.engine.run_once())
    db = platform_db(link.central)
    stored = db.execute(
        "SELECT COUNT(*) FROM records WHERE terminal_id = ?", (link.outbox.terminal_id,)
    ).fetchone()[0]
    db.close()
    # The platform has acted on the first push (the three records without pages, which go
    # before any upload); the kiosk does not know yet.
    assert stored == 3
    link.recover()
    assert_exactly_once(link.central, link.outbox)
    results = [r for r in link.outbox.records()]
    assert all(r.state == "delivered" for r in results)


@pytest.mark.parametrize(
    ("status", "retry_after"), [(500, None), (503, 45), (429, 120), (502, None)]
)
def test_busy_replies_back_off_and_honour_retry_after(
    link: Link, status: int, retry_after: int | None
):
    queue_a_mixed_day(link.outbox)
    link.proxy.add(Fault.status(status, retry_after=retry_after, match="POST /v1/records"))
    report = link.engine.run_once()
    link.settle_after_fault(report)
    expected = float(retry_after) if retry_after is not None else 2.0  # ceiling of attempt 0
    assert report.backoff_s == expected
    assert link.pending_delay() == pytest.approx(expected)
    # Nothing is sent before the wait is over.
    seen = len(link.proxy.seen)
    link.clock.advance(expected - 1)
    assert link.engine.run_once() == SyncReport()
    assert len(link.proxy.seen) == seen
    link.clock.advance(1.5)
    link.proxy.clear()
    assert link.engine.drain().delivered == 5
    assert_exactly_once(link.central, link.outbox)


def test_an_outage_doubles_the_backoff_run_after_run_up_to_the_cap(link: Link):
    queue_a_mixed_day(link.outbox, submissions=1)
    link.proxy.add(Fault.status(503))
    delays = []
    for _ in range(12):
        report = link.engine.run_once()
        link.settle_after_fault(report)
        delays.append(report.backoff_s)
        link.clock.advance(report.backoff_s)
    assert delays[:5] == [2.0, 4.0, 8.0, 16.0, 32.0]
    assert delays[-1] == 600.0  # the cap
    link.recover()
    assert link.engine.link_failures == 0
    assert_exactly_once(link.central, link.outbox)


@pytest.mark.parametrize(
    "fault",
    [
        Fault.html(200),
        Fault.html(502),
        Fault.html(403),
        Fault.garbage(),
        Fault.garbage_json(),
        Fault.oversized(17 * 1024 * 1024),
    ],
    ids=["html-200", "html-502-gateway", "html-403-portal", "not-http", "bad-json", "oversized"],
)
def test_html_garbage_and_oversized_replies_are_link_faults_not_rejections(
    link: Link, fault: Fault
):
    queue_a_mixed_day(link.outbox)
    fault.match = "POST /v1/records"
    link.proxy.add(fault)
    report = link.engine.run_once()
    link.settle_after_fault(report)
    link.recover()
    assert_exactly_once(link.central, link.outbox)


def test_a_link_throttled_to_20_kb_per_second_still_delivers_exactly_once(link: Link):
    queue_a_mixed_day(link.outbox, submissions=1, page_bytes=6_000)
    link.client.timeout = (2.0, 5.0)  # a chunk must fit the read timeout at this speed
    link.proxy.throttle(20_000)
    report = link.engine.drain()
    assert report.delivered == 4 and not report.stopped, report
    assert_exactly_once(link.central, link.outbox)


def test_random_faults_on_every_run_still_deliver_each_record_exactly_once(link: Link):
    rng = random.Random(3)
    for n in range(3):
        queue_a_mixed_day(link.outbox, submissions=2, page_bytes=20_000)
        link.outbox.enqueue(submission(100 + n, pages=1, page_bytes=50_000))
    paths = ["POST /v1/announcements", "PATCH /v1/blobs", "HEAD /v1/blobs", "POST /v1/records"]
    makers = [
        lambda m: Fault.reset_request(rng.randint(0, 30_000), match=m),
        lambda m: Fault.drop_reply(match=m),
        lambda m: Fault.reset_reply(rng.randint(0, 200), match=m),
        lambda m: Fault.status(rng.choice([500, 503, 429]), retry_after=rng.choice([None, 5])),
        lambda m: Fault.garbage(match=m, times=1),
        lambda m: Fault.html(502, match=m, times=1),
        lambda m: Fault.stall(match=m, times=1),
    ]
    link.engine.batch = 3  # more runs, more faults
    faults = 0
    for _ in range(80):
        if {r.state for r in link.outbox.records()} == {"delivered"}:
            break
        link.proxy.clear()
        if rng.random() < 0.8:
            link.proxy.add(rng.choice(makers)(rng.choice(paths)))
            faults += 1
        report = link.engine.run_once()
        assert report.dead == 0 and report.conflicts == 0, report
        link.clock.advance(700)
    link.recover()
    assert faults >= 10
    assert_exactly_once(link.central, link.outbox)


def test_records_without_pages_are_not_held_up_by_uploads_that_keep_failing(link: Link):
    queue_a_mixed_day(link.outbox)
    link.proxy.add(Fault.reset_request(after_bytes=5_000, match="PATCH /v1/blobs"))
    link.settle_after_fault(link.engine.run_once())
    delivered = {r.kind for r in link.outbox.records("delivered")}
    assert delivered == {"evaluation", "complaint", "appointment"}  # the pages wait, not they
    link.recover()
    assert_exactly_once(link.central, link.outbox)


def test_a_page_the_platform_refuses_dead_letters_its_record_and_the_rest_go_through(link: Link):
    bad = link.outbox.enqueue(submission(7, pages=2, page_bytes=20_000))
    queue_a_mixed_day(link.outbox)
    sha = (bad.wire or {})["attachments"][1]["sha256"]
    link.proxy.add(Fault.status(422, match=f"PATCH /v1/blobs/{sha}", error="blob_hash_mismatch"))
    report = link.engine.drain()
    assert not report.stopped and (report.delivered, report.dead) == (5, 1), report
    [dead] = link.outbox.records("dead")
    assert dead.id == bad.id and "blob_hash_mismatch" in dead.last_error
    # Once the platform takes the page, the technician's retry delivers it, once.
    link.proxy.clear()
    assert link.outbox.requeue(bad.id) == 1
    link.recover()
    assert_exactly_once(link.central, link.outbox)


def test_a_batch_refused_whole_is_sent_record_by_record(link: Link):
    queue_a_mixed_day(link.outbox)
    link.proxy.add(Fault.status(422, match="POST /v1/announcements", times=1, error="invalid"))
    link.proxy.add(Fault.status(413, match="POST /v1/records", times=1, error="too_large"))
    report = link.engine.drain()
    assert not report.stopped and report.dead == 0, report
    assert link.proxy.applied.count("reply") == 2
    assert_exactly_once(link.central, link.outbox)


def test_a_page_lost_on_this_terminal_dead_letters_only_its_record(link: Link):
    bad = link.outbox.enqueue(submission(8, pages=1, page_bytes=20_000))
    queue_a_mixed_day(link.outbox)
    with link.outbox.conn:
        link.outbox.conn.execute(
            "DELETE FROM pages WHERE sha256 = ?", ((bad.wire or {})["attachments"][0]["sha256"],)
        )
    report = link.engine.drain()
    assert not report.stopped and (report.delivered, report.dead) == (5, 1), report
    [dead] = link.outbox.records("dead")
    assert dead.id == bad.id and "读不出来" in dead.last_error


def test_an_id_the_platform_holds_with_other_content_is_kept_aside_at_the_announcement(
    link: Link,
):
    rec = link.outbox.enqueue(complaint())
    forged = dict(rec.wire or {})
    forged["meta"] = {**forged["meta"], "hall_code": "451123999"}
    forged["content_hash"] = record_content_hash(forged)
    [result] = link.client.push_encoded([canonical_json(forged)])
    assert result["outcome"] == "accepted"
    before = len(link.proxy.seen)
    report = link.engine.run_once()
    assert (report.conflicts, report.delivered, report.dead) == (1, 0, 0), report
    assert link.proxy.seen[before:] == ["POST /v1/announcements"]  # nothing pushed again
    [kept] = link.outbox.records("conflict")
    assert kept.id == rec.id and "内容不同" in kept.last_error

"""The outbox store: durable, ordered, sealed, and honest about a full disk."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.contract.sealing import open_sealed
from kiosk.contract.signing import unb64
from kiosk.domain.receipt_numbers import parse_receipt_number
from kiosk.errors import StorageFullError
from kiosk.ports.clock import FakeClock
from offline_queue.records import Limits, NewAttachment, QueueFullError
from offline_queue.schema import MIGRATIONS
from offline_queue.sync_lock import SyncLock, SyncLockHeld
from tests.offline_queue.helpers import (
    ADDRESS,
    ID_NUMBER,
    IMAGE,
    NAME,
    PHONE,
    PLATFORM_KEY,
    open_outbox,
    submission,
)


def test_the_database_is_wal_with_full_sync_and_migrated(tmp_path):
    box = open_outbox(tmp_path)
    assert box.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert box.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert box.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    box.close()
    again = open_outbox(tmp_path)
    assert again.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_a_version_1_queue_migrates_with_its_records_intact(tmp_path):
    import sqlite3

    from offline_queue.schema import _statements

    old = sqlite3.connect(tmp_path / "queue.sqlite3", isolation_level=None)
    for statement in _statements(MIGRATIONS[0]):
        old.execute(statement)
    old.execute("PRAGMA user_version = 1")
    old.execute(
        "INSERT INTO records (id, kind, priority, seq, state, receipt_no, created_at_ms,"
        " clock_offset_ms, wire, size) VALUES ('r1', 'submission', 2, 1, 'queued',"
        " 'K7Q2M-0001-P', 1, 0, '{}', 10)"
    )
    old.execute("INSERT INTO counters VALUES ('receipt', 1), ('seq', 1)")
    old.close()
    box = open_outbox(tmp_path)
    assert box.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert [r.id for r in box.claim(5)] == ["r1"]
    assert parse_receipt_number(box.enqueue(submission(1)).receipt_no or "").seq == 2


def test_each_record_gets_the_next_receipt_number_and_a_time_ordered_id(tmp_path):
    box = open_outbox(tmp_path)
    recs = [box.enqueue(submission(i)) for i in range(5)]
    seqs = [parse_receipt_number(r.receipt_no or "").seq for r in recs]
    assert seqs == [1, 2, 3, 4, 5]
    assert [r.id for r in recs] == sorted(r.id for r in recs)
    box.close()
    again = open_outbox(tmp_path).enqueue(submission(9))
    assert parse_receipt_number(again.receipt_no or "").seq == 6  # never reused after restart


def test_the_wire_record_opens_only_with_the_platform_key(tmp_path):
    box = open_outbox(tmp_path)
    rec = box.enqueue(submission())
    assert rec.wire is not None
    payload = open_sealed(PLATFORM_KEY, unb64(rec.wire["sealed"]), rec.id.encode())
    assert NAME.encode() in payload and ID_NUMBER.encode() in payload
    sha = rec.wire["attachments"][0]["sha256"]
    assert open_sealed(PLATFORM_KEY, box.blobs.read(sha), b"page-0.jpg") == IMAGE + bytes([0, 0])


def test_nothing_personal_is_readable_at_rest(tmp_path):
    box = open_outbox(tmp_path)
    for i in range(20):
        box.enqueue(submission(i, pages=2))
    files = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files)
    secrets = [
        s.encode(enc)
        for s in (ID_NUMBER, NAME, PHONE, ADDRESS, "买买提")
        for enc in ("utf-8", "utf-16-le", "utf-16-be")
    ] + [IMAGE[:64]]
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            assert secret not in data, f"{secret!r} readable in {path.name}"


def test_urgent_small_records_are_claimed_before_submissions(tmp_path):
    box = open_outbox(tmp_path)
    first = box.enqueue(submission(1))
    rating = box.enqueue(submission(2, pages=0, kind="evaluation"))
    claimed = box.claim(10)
    assert [r.id for r in claimed] == [rating.id, first.id]
    assert box.claim(10) == []  # claimed records are not handed out twice


def test_delivery_drops_the_payload_and_its_pages_at_once(tmp_path):
    box = open_outbox(tmp_path)
    a = box.enqueue(submission(1))
    # The same page in another record seals to other bytes (a fresh ephemeral key each time),
    # so two records' pages cannot even be linked at rest; each record owns its blobs.
    b = box.enqueue(submission(1))
    assert len(box.blobs.names()) == 2
    box.claim(1)
    box.ack(a.id, {"outcome": "accepted"})
    assert box.get(a.id).wire is None and box.get(a.id).state == "delivered"
    assert box.blobs.names() == {b.wire["attachments"][0]["sha256"]} if b.wire else False
    box.claim(1)
    box.ack(b.id, {"outcome": "accepted"})
    assert box.blobs.names() == set()
    assert box.get(b.id).receipt_no  # the stub stays for the agent's and technician's views


def test_the_space_of_delivered_pages_goes_back_to_the_file_system(tmp_path):
    box = open_outbox(tmp_path)
    page = NewAttachment("p.jpg", "image/jpeg", os.urandom(600_000))
    for n in range(10):
        box.enqueue(replace(submission(n, pages=0), attachments=(page,)))
    box.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = (tmp_path / "queue.sqlite3").stat().st_size
    full = box.conn.execute("PRAGMA page_count").fetchone()[0]
    for rec in box.claim(10):
        box.ack(rec.id, {"outcome": "accepted"})
    box.purge_stubs()  # the sync loop calls it every cycle
    assert box.conn.execute("PRAGMA page_count").fetchone()[0] < full // 2
    box.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert (tmp_path / "queue.sqlite3").stat().st_size < size // 2


def test_retries_wait_their_backoff_on_the_monotonic_clock(tmp_path):
    clock = FakeClock()
    box = open_outbox(tmp_path, clock)
    rec = box.enqueue(submission())
    box.claim(1)
    box.retry(rec.id, "platform busy", delay_s=30)
    assert box.claim(1) == []
    clock.set_wall(clock.now().replace(year=2030))  # a wall-clock jump changes nothing
    assert box.claim(1) == []
    clock.advance(31)
    assert [r.id for r in box.claim(1)] == [rec.id]
    assert box.get(rec.id).attempts == 1 and box.get(rec.id).last_error == "platform busy"


def test_a_rejected_record_is_kept_as_a_dead_letter_and_can_be_retried(tmp_path):
    box = open_outbox(tmp_path)
    bad, good = box.enqueue(submission(1)), box.enqueue(submission(2))
    box.claim(2)
    box.dead_letter(bad.id, "表单字段不符合要求：phone")
    box.ack(good.id, {"outcome": "accepted"})
    assert box.stats().dead == 1 and box.get(bad.id).wire is not None
    assert box.requeue(bad.id) == 1
    assert [r.id for r in box.claim(5)] == [bad.id]


def test_claims_of_a_dead_process_come_back_at_start(tmp_path):
    box = open_outbox(tmp_path)
    rec = box.enqueue(submission())
    box.claim(1)
    box.close()
    box = open_outbox(tmp_path)
    assert box.recover() == 1
    assert [r.id for r in box.claim(1)] == [rec.id]


def test_the_page_files_of_an_older_queue_move_into_the_database(tmp_path):
    box = open_outbox(tmp_path)
    rec = box.enqueue(submission(1, pages=2))
    assert rec.wire is not None
    # The layout before pages lived in the database: one file per sealed page, plus what a
    # crash could leave (a page no record refers to, a half-written temporary file).
    legacy = tmp_path / "blobs"
    legacy.mkdir()
    shas = [a["sha256"] for a in rec.wire["attachments"]]
    sealed = {sha: box.blobs.read(sha) for sha in shas}
    for sha in shas:
        (legacy / sha).write_bytes(sealed[sha])
    (legacy / ("0" * 64)).write_bytes(b"left by a crash")
    (legacy / f".{shas[0]}.tmp").write_bytes(sealed[shas[0]][:100])
    box.conn.execute("DELETE FROM pages")
    box.close()
    box = open_outbox(tmp_path)
    assert {sha: box.blobs.read(sha) for sha in shas} == sealed
    assert box.blobs.names() == set(shas) and not legacy.exists()
    assert box.blobs.read(shas[0], 10, 5) == sealed[shas[0]][10:15]  # a range, for resuming


def test_stubs_are_purged_after_their_days_but_undelivered_records_never(tmp_path):
    clock = FakeClock()
    box = open_outbox(tmp_path, clock, Limits(stub_days=30))
    old, waiting = box.enqueue(submission(1)), box.enqueue(submission(2))
    box.claim(1)
    box.ack(old.id, {"outcome": "accepted"})
    clock.advance(31 * 86400)
    assert box.purge_stubs() == 1
    assert [r.id for r in box.records()] == [waiting.id]


def test_a_full_database_refuses_new_records_and_keeps_the_old(tmp_path):
    box = open_outbox(tmp_path)
    kept = [box.enqueue(submission(i)) for i in range(3)]
    pages = box.conn.execute("PRAGMA page_count").fetchone()[0]
    box.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageFullError) as info:
        for i in range(200):
            box.enqueue(submission(100 + i))
    assert info.value.message_key == "error.storage_full"
    assert [r.id for r in box.records()][:3] == [r.id for r in kept]
    assert box.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    referenced = {r[0] for r in box.conn.execute("SELECT sha256 FROM attachments")}
    assert box.blobs.names() == referenced  # no page left behind by the refused record


def test_pages_that_do_not_fit_refuse_their_record_whole_and_smaller_work_still_queues(
    tmp_path,
):
    box = open_outbox(tmp_path)
    kept = box.enqueue(submission(1))
    pages = box.conn.execute("PRAGMA page_count").fetchone()[0]
    box.conn.execute(f"PRAGMA max_page_count = {pages + 16}")  # 64 kB left
    big = replace(
        submission(2, pages=0),
        attachments=(NewAttachment("p.jpg", "image/jpeg", os.urandom(200_000)),),
    )
    with pytest.raises(StorageFullError):
        box.enqueue(big)
    assert [r.id for r in box.records()] == [kept.id]
    referenced = {r[0] for r in box.conn.execute("SELECT sha256 FROM attachments")}
    assert box.blobs.names() == referenced  # nothing of the refused record's pages
    rating = box.enqueue(submission(3, pages=0, kind="evaluation"))
    assert [r.id for r in box.records()] == [kept.id, rating.id]


def test_back_pressure_warns_early_and_refuses_only_self_service_past_the_hard_limit(tmp_path):
    box = open_outbox(tmp_path, limits=Limits(soft_count=2, hard_count=3))
    box.enqueue(submission(1))
    assert not box.stats().warning
    box.enqueue(submission(2))
    assert box.stats().warning and not box.stats().refusing
    box.enqueue(submission(3))
    with pytest.raises(QueueFullError):
        box.enqueue(submission(4))
    box.enqueue(replace(submission(5), self_service=False))  # an agent's work still queues
    assert sum(box.stats().pending_by_kind.values()) == 4


def test_only_one_process_can_hold_the_sync_lock(tmp_path):
    lock = SyncLock(tmp_path / "sync.lock")
    lock.acquire()
    code = (
        "import sys; from pathlib import Path; from offline_queue.sync_lock import *\n"
        "try:\n SyncLock(Path(sys.argv[1])).acquire(); print('got')\n"
        "except SyncLockHeld: print('held')"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "sync.lock")],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == "held"
    lock.release()
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "sync.lock")],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == "got"
    with pytest.raises(SyncLockHeld):
        other = SyncLock(tmp_path / "sync.lock")
        lock.acquire()
        other.acquire()


def test_a_record_waiting_past_the_soft_age_warns_whatever_the_wall_clock_does(tmp_path):
    clock = FakeClock()
    box = open_outbox(tmp_path, clock, Limits(soft_count=100, soft_age_s=3600))
    box.enqueue(submission(1))
    assert not box.stats().warning
    clock.advance(3601)
    assert box.stats().warning and not box.stats().refusing
    clock.set_wall(clock.now().replace(year=2020))  # a wall-clock step changes nothing
    assert box.stats().warning


def test_each_record_carries_the_last_known_offset_to_the_platform_s_clock(tmp_path):
    box = open_outbox(tmp_path)
    assert (box.enqueue(submission(1)).wire or {})["clock_offset_ms"] == 0
    box.set_sync_state("clock_offset_ms", "-93500")  # the sync learnt the terminal is fast
    later = box.enqueue(submission(2)).wire or {}
    assert later["clock_offset_ms"] == -93500 and later["monotonic_seq"] > 0

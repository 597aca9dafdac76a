"""Edge cases found by review: races between processes, wall-clock steps, late replies."""

from __future__ import annotations

from datetime import timedelta

from kiosk.ports.clock import FakeClock
from tests.offline_queue.helpers import open_outbox, submission


def test_a_sync_starting_while_the_ui_enqueues_never_deletes_the_new_records_pages(tmp_path):
    ui, sync = open_outbox(tmp_path), open_outbox(tmp_path)
    real_insert = ui._insert

    def insert_after_sync_started(*args, **kwargs):
        sync.recover()  # the headless sync process starts between sealing and COMMIT
        return real_insert(*args, **kwargs)

    ui._insert = insert_after_sync_started  # type: ignore[method-assign]
    rec = ui.enqueue(submission(1, pages=1))
    assert rec.wire is not None
    sha = rec.wire["attachments"][0]["sha256"]
    assert sha in ui.blobs.names() and ui.blobs.read(sha)


def test_a_wall_clock_jump_does_not_purge_receipt_stubs_early(tmp_path):
    clock = FakeClock()
    box = open_outbox(tmp_path, clock=clock)
    box.enqueue(submission(2, pages=0))
    [claimed] = box.claim(1)
    box.ack(claimed.id, {"outcome": "accepted"})
    clock.set_wall(clock.now() + timedelta(days=400))  # RTC reset or NTP step; nothing elapsed
    assert box.purge_stubs() == 0


def test_a_wall_clock_jump_does_not_age_the_oldest_pending_record(tmp_path):
    clock = FakeClock()
    box = open_outbox(tmp_path, clock=clock)
    box.enqueue(submission(3, pages=0))
    clock.set_wall(clock.now() + timedelta(days=10))
    age = box.stats().oldest_pending_age_s
    assert age is not None and age < 60


def test_an_ack_for_a_record_that_is_not_claimed_changes_nothing(tmp_path):
    box = open_outbox(tmp_path)
    rec = box.enqueue(submission(4, pages=0))
    box.claim(1)
    box.dead_letter(rec.id, "rejected: form incomplete")
    box.ack(rec.id, {"outcome": "accepted"})  # a late reply from an earlier attempt
    assert box.get(rec.id).state == "dead"


def test_a_delivered_record_cannot_become_a_dead_letter_without_its_payload(tmp_path):
    box = open_outbox(tmp_path)
    rec = box.enqueue(submission(5, pages=0))
    box.claim(1)
    box.ack(rec.id, {"outcome": "accepted"})
    box.dead_letter(rec.id, "late error reply")
    assert box.get(rec.id).state == "delivered"


def test_a_claim_whose_lease_expired_is_claimable_again_without_a_restart(tmp_path):
    clock = FakeClock()
    box = open_outbox(tmp_path, clock=clock)
    box.enqueue(submission(6, pages=0))
    assert len(box.claim(1)) == 1  # the sync thread then hangs on a dead socket
    clock.advance(3600)
    assert len(box.claim(1)) == 1


def test_retrying_all_dead_letters_leaves_conflicts_for_the_technician(tmp_path):
    box = open_outbox(tmp_path)
    rec = box.enqueue(submission(7, pages=0))
    box.claim(1)
    box.dead_letter(rec.id, "same id, different hash", state="conflict")
    box.requeue()
    assert box.get(rec.id).state == "conflict"

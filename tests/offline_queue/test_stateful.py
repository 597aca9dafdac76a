"""Hypothesis drives random sequences of queue operations with crashes (close and reopen
without acknowledging) in between; no record is ever lost or delivered twice."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from kiosk.ports.clock import FakeClock
from offline_queue.store import Outbox
from tests.offline_queue.helpers import open_outbox, submission


class OutboxMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp())
        self.clock = FakeClock()
        self.box: Outbox = open_outbox(self.dir, self.clock)
        self.queued: set[str] = set()  # committed, not yet delivered
        self.delivered: set[str] = set()
        self.dead: set[str] = set()
        self.claimed: set[str] = set()
        self.n = 0

    @rule(pages=st.integers(0, 2), kind=st.sampled_from(["submission", "evaluation"]))
    def enqueue(self, pages: int, kind: str) -> None:
        self.n += 1
        self.queued.add(self.box.enqueue(submission(self.n, pages=pages, kind=kind)).id)

    @rule(limit=st.integers(1, 4))
    def claim(self, limit: int) -> None:
        got = {r.id for r in self.box.claim(limit)}
        assert not got & (self.delivered | self.dead), "a finished record was handed out"
        self.claimed |= got

    @precondition(lambda self: self.claimed)
    @rule(data=st.data())
    def ack(self, data: st.DataObject) -> None:
        rid = data.draw(st.sampled_from(sorted(self.claimed)))
        assert self.box.ack(rid, {"outcome": "accepted"})
        self.claimed.discard(rid)
        self.queued.discard(rid)
        self.delivered.add(rid)

    @precondition(lambda self: self.claimed)
    @rule(data=st.data(), delay=st.floats(0, 100))
    def retry(self, data: st.DataObject, delay: float) -> None:
        rid = data.draw(st.sampled_from(sorted(self.claimed)))
        self.box.retry(rid, "busy", delay)
        self.claimed.discard(rid)

    @precondition(lambda self: self.claimed)
    @rule(data=st.data())
    def dead_letter(self, data: st.DataObject) -> None:
        rid = data.draw(st.sampled_from(sorted(self.claimed)))
        assert self.box.dead_letter(rid, "rejected")
        self.claimed.discard(rid)
        self.queued.discard(rid)
        self.dead.add(rid)

    @rule()
    def technician_retries_dead_letters(self) -> None:
        self.box.requeue()
        self.queued |= self.dead
        self.dead.clear()

    @rule(seconds=st.floats(0, 1000))
    def time_passes(self, seconds: float) -> None:
        self.clock.advance(seconds)

    @rule()
    def crash_and_restart(self) -> None:
        self.box.conn.close()  # no ack, no cleanup: as if the process died
        self.box = open_outbox(self.dir, self.clock)
        self.box.recover()
        self.claimed.clear()

    @invariant()
    def nothing_lost_nothing_twice(self) -> None:
        rows = {r.id: r for r in self.box.records()}
        assert set(rows) == self.queued | self.delivered | self.dead
        assert {i for i, r in rows.items() if r.state == "delivered"} == self.delivered
        assert all(rows[i].wire is not None for i in self.queued | self.dead)
        receipts = [r.receipt_no for r in rows.values() if r.receipt_no]
        assert len(receipts) == len(set(receipts))
        referenced = {
            a["sha256"]
            for i in self.queued | self.dead
            for a in (rows[i].wire or {}).get("attachments", [])
        }
        assert self.box.blobs.names() >= referenced

    def teardown(self) -> None:
        self.box.conn.close()
        shutil.rmtree(self.dir, ignore_errors=True)


OutboxMachine.TestCase.settings = settings(max_examples=100, stateful_step_count=30, deadline=None)
TestOutboxStateMachine = OutboxMachine.TestCase

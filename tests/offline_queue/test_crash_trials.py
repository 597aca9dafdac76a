"""Crash trials: a child queues and acknowledges records while it is SIGKILLed at random
moments (inside transactions, mid-attachment write). After each kill the queue reopens clean:
integrity_check ok, every record the child saw committed is there, nothing twice, no orphan.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import TextIO

import pytest

from tests.offline_queue.crash import Child, KillDelays, fork_and_kill, report
from tests.offline_queue.helpers import open_outbox, submission


def _child(directory: Path, seed: int) -> Child:
    def work(report: TextIO) -> None:
        box = open_outbox(directory)
        rng = random.Random(seed)
        report.write("ready\n")
        n = 0
        while True:
            rec = box.enqueue(submission(n, pages=rng.randint(0, 2)))
            report.write(f"Q {rec.id} {rec.receipt_no}\n")  # written only after COMMIT
            if n % 3 == 2:
                for claimed in box.claim(2):
                    box.ack(claimed.id, {"outcome": "accepted"})
                    report.write(f"A {claimed.id}\n")
            n += 1

    return work


def run_trials(directory: Path, trials: int, seed: int = 7) -> dict[str, int]:
    delays = KillDelays(random.Random(seed), 0.04)
    queued: dict[str, str] = {}
    acked: set[str] = set()
    for trial in range(trials):
        lines = fork_and_kill(_child(directory, seed + trial), delays.next())
        delays.committed(any(line.startswith("Q ") for line in lines))
        for line in lines:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "Q":
                queued[parts[1]] = parts[2]
            elif len(parts) == 2 and parts[0] == "A":
                acked.add(parts[1])
        box = open_outbox(directory)
        box.recover()
        assert box.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = {r.id: r for r in box.records()}
        lost = set(queued) - set(rows)
        assert not lost, f"trial {trial}: {len(lost)} committed records lost"
        assert all(rows[i].state == "delivered" for i in acked), f"trial {trial}: ack lost"
        receipts = [r.receipt_no for r in rows.values()]
        assert len(receipts) == len(set(receipts)), f"trial {trial}: a receipt number twice"
        assert all(rows[i].receipt_no == queued[i] for i in queued)
        referenced = {r[0] for r in box.conn.execute("SELECT sha256 FROM attachments")}
        assert box.blobs.names() == referenced, f"trial {trial}: orphan or missing blob"
        box.close()
    return {"trials": trials, "queued": len(queued), "acked": len(acked)}


def test_two_hundred_sigkills_lose_nothing_and_duplicate_nothing(tmp_path, capsys):
    counts = run_trials(tmp_path, 200)
    report("store", _words(counts), capsys)
    assert counts["queued"] > 50  # the kills really landed amid work


@pytest.mark.soak
@pytest.mark.timeout(1200)  # a thousand forks and kills: minutes on a loaded machine
def test_a_thousand_sigkills_lose_nothing_and_duplicate_nothing(tmp_path, capsys):
    report("store-soak", _words(run_trials(tmp_path, 1000, seed=11)), capsys)


def _words(counts: dict[str, int]) -> str:
    return (
        f"crash trials: {counts['trials']} kills, {counts['queued']} records committed, "
        f"{counts['acked']} acknowledged; 0 lost, 0 duplicated, integrity ok"
    )

"""Crash trials with sync against the real platform: a child queues AND syncs (announce,
chunked uploads, batch push) while the test SIGKILLs it at random moments, inside queuing
transactions, mid-upload, between the platform storing a batch and the kiosk hearing of it.
After every kill the kiosk's queue reopens clean and agrees with the platform's database:
- `PRAGMA integrity_check` is ok;
- every record the child saw committed is still there, each receipt number once;
- every record the kiosk marked delivered is on the platform (an ack never runs ahead);
- the platform holds nothing the kiosk does not (and, ids being keys, nothing twice).
At the end one clean drain delivers the rest: the platform's records equal the kiosk's.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

import pytest

from kiosk.ports.clock import SystemClock
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.store import Outbox
from offline_queue.sync import SyncEngine
from offline_queue.sync_lock import SyncLock
from tests.offline_queue.crash import Child, KillDelays, fork_and_kill, report
from tests.offline_queue.realistic import (
    assert_exactly_once,
    complaint,
    evaluation,
    platform_db,
    submission,
)
from tests.support.central import CentralHandle, TestTerminal

# The phase the child was in when the kill landed, from the last marker it wrote.
PHASES = {"E": "queuing", "P": "uploading", "R": "pushing", "S": "syncing"}


def _outbox(directory: Path, terminal: TestTerminal) -> Outbox:
    return Outbox(
        directory / "q.sqlite3",
        terminal.seal_public_key,
        terminal.terminal_id,
        SystemClock(),
    )


def _child(directory: Path, terminal: TestTerminal, seed: int) -> Child:
    def work(report: TextIO) -> None:
        rng = random.Random(seed)
        directory.mkdir(parents=True, exist_ok=True)
        lock = SyncLock(directory / "sync.lock")
        lock.acquire()  # the previous child's lock died with it
        box = _outbox(directory, terminal)
        box.recover()
        client = PlatformClient(terminal.central.base_url, 2.0, 10.0)
        client.signer = Signer(terminal.terminal_id, terminal.key)
        append, push = client.blob_append, client.push_encoded

        def marked_append(sha256: str, offset: int, length: int, chunk: bytes) -> int:
            report.write("P\n")
            new = append(sha256, offset, length, chunk)
            report.write("-\n")
            return new

        def marked_push(records: list[bytes]) -> list[dict[str, Any]]:
            report.write("R\n")
            results = push(records)
            report.write("-\n")
            return results

        client.blob_append = marked_append  # type: ignore[method-assign]
        client.push_encoded = marked_push  # type: ignore[method-assign]
        # Small chunks: a page takes several round trips, so kills land mid-upload.
        engine = SyncEngine(box, client, batch=3, chunk=4096, rng=lambda: 0.0)
        report.write("ready\n")
        n = 0
        while True:
            report.write("E\n")
            pick = rng.random()
            if pick < 0.6:
                new = submission(seed * 100 + n, pages=rng.randint(1, 2), page_bytes=9_000)
            elif pick < 0.8:
                new = evaluation(None, level=rng.randint(1, 5))
            else:
                new = complaint()
            rec = box.enqueue(new)
            report.write(f"Q {rec.id} {rec.receipt_no}\n")  # only after COMMIT
            report.write("S\n")
            engine.run_once()
            report.write("-\n")
            n += 1

    return work


def _check(directory: Path, terminal: TestTerminal, queued: dict[str, str], trial: int) -> None:
    box = _outbox(directory, terminal)
    try:
        box.recover()
        assert box.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", trial
        rows = {r.id: r for r in box.records()}
        lost = set(queued) - set(rows)
        assert not lost, f"trial {trial}: {len(lost)} committed records lost"
        assert all(str(rows[i].receipt_no) == queued[i] for i in queued), trial
        receipts = [r.receipt_no for r in rows.values() if r.receipt_no]
        assert len(receipts) == len(set(receipts)), f"trial {trial}: a receipt number twice"
        referenced = {r[0] for r in box.conn.execute("SELECT sha256 FROM attachments")}
        assert box.blobs.names() == referenced, f"trial {trial}: orphan or missing page"
        db = platform_db(terminal.central)
        try:
            server = {
                r[0]
                for r in db.execute(
                    "SELECT id FROM records WHERE terminal_id = ?", (terminal.terminal_id,)
                )
            }
            cases = db.execute(
                "SELECT COUNT(*) - COUNT(DISTINCT receipt_no) FROM cases WHERE terminal_id = ?",
                (terminal.terminal_id,),
            ).fetchone()[0]
        finally:
            db.close()
        delivered = {i for i, r in rows.items() if r.state == "delivered"}
        assert delivered <= server, f"trial {trial}: an ack ran ahead of the platform"
        assert server <= set(rows), f"trial {trial}: the platform has a record the kiosk lost"
        assert cases == 0, f"trial {trial}: a receipt made two cases"
    finally:
        box.close()


def run_trials(directory: Path, central: CentralHandle, trials: int, seed: int) -> dict[str, Any]:
    terminal = central.enrol()
    delays = KillDelays(random.Random(seed), 0.12)
    queued: dict[str, str] = {}
    phases: Counter[str] = Counter()
    for trial in range(trials):
        lines = fork_and_kill(_child(directory, terminal, seed + trial), delays.next())
        delays.committed(any(line.startswith("Q ") for line in lines))
        for line in lines:
            parts = line.split()
            if parts[0] == "Q":
                queued[parts[1]] = parts[2]
        last = next((ln for ln in reversed(lines) if ln in PHASES or ln == "-"), "-")
        phases[PHASES.get(last, "between steps")] += 1
        _check(directory, terminal, queued, trial)
    box = _outbox(directory, terminal)
    box.recover()
    client = PlatformClient(central.base_url, 2.0, 10.0)
    client.signer = Signer(terminal.terminal_id, terminal.key)
    delivered_before = sum(r.state == "delivered" for r in box.records())
    SyncEngine(box, client, batch=50, rng=lambda: 0.0).drain()
    kinds = assert_exactly_once(central, box)
    box.close()
    return {
        "trials": trials,
        "committed": len(queued),
        "delivered_by_children": delivered_before,
        "on_platform": sum(kinds.values()),
        "kills": dict(phases),
    }


def _print(name: str, counts: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    kills = ", ".join(f"{n} {phase}" for phase, n in sorted(counts["kills"].items()))
    report(
        name,
        f"crash trials with sync: {counts['trials']} kills ({kills}); "
        f"{counts['on_platform']} records queued ({counts['committed']} reported before "
        f"a kill), {counts['delivered_by_children']} delivered by the killed children; after "
        f"a final drain the platform holds the same {counts['on_platform']}: 0 lost, "
        "0 duplicated, integrity ok every time",
        capsys,
    )


def test_two_hundred_sigkills_while_syncing_lose_nothing_and_send_nothing_twice(
    tmp_path, central: CentralHandle, capsys
):
    counts = run_trials(tmp_path / "kiosk", central, 200, seed=5)
    _print("sync", counts, capsys)
    # The kills landed amid real work (how many in each phase depends on the machine's load).
    assert counts["committed"] > 50
    assert counts["kills"].get("uploading", 0) > 0 and counts["kills"].get("queuing", 0) > 0


@pytest.mark.soak
@pytest.mark.timeout(1800)  # a thousand forks and kills amid uploads: many minutes when loaded
def test_a_thousand_sigkills_while_syncing_lose_nothing_and_send_nothing_twice(
    tmp_path, central: CentralHandle, capsys
):
    _print("sync-soak", run_trials(tmp_path / "kiosk", central, 1000, seed=13), capsys)

"""Draining a backlog to the reference platform on loopback, against the naive loop.

The whole backlog is queued first, then drained in slices; each slice is followed by a slice
of the naive loop (a new connection and one POST per record), so both meet the same noise
and the ratio is taken round by round.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench.machine import Busy, rss_mb, spread
from bench.workload import new_record
from kiosk.ports.clock import SystemClock
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.records import Limits
from offline_queue.store import open_terminal_outbox
from offline_queue.sync import SyncEngine
from tests.support.central import running_central

BATCH = 100  # the contract's largest batch


def bench_drain(tmp: Path, n: int, rounds: int, naive_n: int) -> None:
    with running_central(tmp / "central") as central:
        terminal = central.enrol()
        client = PlatformClient(central.base_url, 2, 30)
        client.signer = Signer(terminal.terminal_id, terminal.key)
        # The drain holds more than the default hard limit of unsent records.
        roomy = Limits(soft_count=n + naive_n + 1, hard_count=n + naive_n + 1)
        box = open_terminal_outbox(
            tmp / "k", terminal.seal_public_key, terminal.terminal_id, SystemClock(), roomy
        )
        for i in range(n):
            box.enqueue(new_record(i, pages=0))
        # The naive loop sends the same kind of records from a terminal of its own (its own
        # receipt numbers), so the platform does the same work for it: a case per record.
        other = central.enrol()
        naive_signer = Signer(other.terminal_id, other.key)
        naive_box = open_terminal_outbox(
            tmp / "k2", other.seal_public_key, other.terminal_id, SystemClock(), roomy
        )
        naive_records = [
            naive_box.enqueue(new_record(n + i, pages=0)).wire or {} for i in range(naive_n)
        ]
        server_pid = central.pid
        busy = Busy([server_pid])
        engine = SyncEngine(box, client, batch=BATCH)
        ours, naive, memory = [], [], []
        per_round, naive_per_round = n // rounds, naive_n // rounds
        delivered, elapsed = 0, 0.0
        for r in range(rounds):
            t = time.perf_counter()
            report = engine.drain(max_runs=per_round // BATCH)
            dt = time.perf_counter() - t
            assert report.delivered == per_round and not report.stopped, report
            delivered, elapsed = delivered + report.delivered, elapsed + dt
            ours.append(per_round / dt)
            t = time.perf_counter()
            for rec in naive_records[r * naive_per_round : (r + 1) * naive_per_round]:
                one = PlatformClient(central.base_url, 2, 30)
                one.signer = naive_signer
                [result] = one.push_records([rec])
                assert result["outcome"] == "accepted", result
                one.close()
            naive.append(naive_per_round / (time.perf_counter() - t))
            memory.append((rss_mb()[1], rss_mb(server_pid)[0]))
        noise = busy.stop()
    ratios = [a / b for a, b in zip(ours, naive, strict=True)]
    print(
        f"drain {delivered:,} queued submissions to the reference platform on loopback"
        f" ({rounds} slices of {per_round:,}, each followed by {naive_per_round} naive POSTs):"
    )
    print(
        f"  sync engine   {delivered / elapsed:6.0f} records/s overall; per slice median"
        f" {spread(ours, 0)} (batches of {BATCH}, one connection)"
    )
    print(
        f"  naive loop    {statistics.median(naive):6.0f} records/s median; per slice"
        f" {spread(naive, 0)} (a new connection and one POST per record)"
    )
    print(
        f"  ratio         {statistics.median(ratios):6.1f}x median of the slices"
        f" ({min(ratios):.1f}-{max(ratios):.1f}) (goal: at least 5x and 300 records/s)"
    )
    print(
        "  memory        terminal peak RSS by slice "
        + ", ".join(f"{m[0]:.0f}" for m in memory)
        + " MB; platform RSS "
        + ", ".join(f"{m[1]:.0f}" for m in memory)
        + " MB (flat: the backlog never sits in memory)"
    )
    print(f"  machine       {noise}")

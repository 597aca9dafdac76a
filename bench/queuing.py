"""Queuing a submission with three pages durably, against the floor: the same bytes inserted
and committed by raw sqlite3 in WAL mode with synchronous=FULL, on the same disk.

Each of our enqueues is followed at once by a floor insert of exactly the bytes it stored
(its sealed pages and its record), so both meet the same noise; rounds give medians and the
spread. The floor seals nothing, so the same record is also sealed and hashed on its own,
without storing it: what the floor plus sealing at rest would cost, which shows how much of
the ratio is the store and how much the sealing the issue requires.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import statistics
import time
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from bench.machine import Busy, spread
from bench.workload import new_record
from kiosk.ports.clock import SystemClock
from offline_queue.records import NewRecord
from offline_queue.store import open_terminal_outbox, seal_record

FLOOR_SCHEMA = """
CREATE TABLE records (id INTEGER PRIMARY KEY, wire TEXT NOT NULL);
CREATE TABLE pages (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL);
"""


def _floor_db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.executescript(FLOOR_SCHEMA)
    return conn


def _pct(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))] * 1000


def _seal_only(rec: NewRecord, key: X25519PublicKey) -> None:
    """What enqueue does for sealing at rest, and nothing else: the record sealed as enqueue
    seals it, each page then named by its SHA-256 as the page store names it."""
    _, pages = seal_record(key, rec, "id")
    for _, sealed in pages:
        hashlib.sha256(sealed).hexdigest()


def bench_queuing(tmp: Path, rounds: int, per_round: int) -> None:
    key = X25519PrivateKey.generate().public_key()
    box = open_terminal_outbox(tmp / "q", key, "K7Q2M", SystemClock())
    floor = _floor_db(tmp / "floor.sqlite3")
    noise = os.urandom(200_000)  # the floor's bytes: random, like sealed bytes
    ours: list[list[float]] = []
    raw: list[list[float]] = []
    ours_cpu: list[float] = []
    raw_cpu: list[float] = []
    sealing: list[float] = []
    busy = Busy()
    for r in range(rounds):
        ours.append([])
        raw.append([])
        for i in range(per_round):
            n = r * per_round + i
            rec = new_record(n)
            t, c = time.perf_counter(), time.thread_time()
            queued = box.enqueue(rec)
            ours[-1].append(time.perf_counter() - t)
            ours_cpu.append(time.thread_time() - c)
            wire = queued.wire or {}
            sizes = [int(a["size"]) for a in wire["attachments"]]
            body = json.dumps(wire, ensure_ascii=False)
            pages = [(f"{n}-{k}", noise[k : k + size]) for k, size in enumerate(sizes)]
            t, c = time.perf_counter(), time.thread_time()
            floor.execute("BEGIN")
            floor.executemany("INSERT INTO pages VALUES (?, ?)", pages)
            floor.execute("INSERT INTO records (wire) VALUES (?)", (body,))
            floor.execute("COMMIT")
            raw[-1].append(time.perf_counter() - t)
            raw_cpu.append(time.thread_time() - c)
            t = time.perf_counter()
            _seal_only(rec, key)
            sealing.append(time.perf_counter() - t)
    machine = busy.stop()
    ours_p50 = [_pct(v, 0.5) for v in ours]
    raw_p50 = [_pct(v, 0.5) for v in raw]
    ratios = [a / b for a, b in zip(ours_p50, raw_p50, strict=True)]
    all_ours = [t for v in ours for t in v]
    all_raw = [t for v in raw for t in v]
    p99, f99 = _pct(all_ours, 0.99), _pct(all_raw, 0.99)
    page_kb = len(new_record(0).attachments[0].data) // 1000
    print(
        f"queue a submission with 3 pages ({page_kb} kB each), durably: {rounds} rounds of"
        f" {per_round}, each enqueue paired with a floor insert of the same bytes"
    )
    print(
        f"  outbox        p50 {spread(ours_p50)} ms   p99 {p99:6.2f} ms"
        f"   (seal, pages and record in one transaction)"
    )
    print(
        f"  raw sqlite3   p50 {spread(raw_p50)} ms   p99 {f99:6.2f} ms"
        f"   (the same bytes, WAL, synchronous=FULL)"
    )
    print(
        f"  ratio         p50 {statistics.median(ratios):.2f}x median of the rounds"
        f" ({min(ratios):.2f}-{max(ratios):.2f})   p99 {p99 / f99:.2f}x   (goal: within 2x)"
    )
    seal_ms = statistics.median(sealing) * 1000
    sealed_floor = statistics.median(raw_p50) + seal_ms
    print(
        f"  sealing alone p50 {seal_ms:.2f} ms   (ephemeral key, pages and data sealed, pages"
        " hashed; the floor does none of it)"
    )
    print(
        f"  ratio to the floor plus sealing  p50 {statistics.median(ours_p50) / sealed_floor:.2f}x"
        "   (the store's own cost: bookkeeping, indexes, counters)"
    )
    cpu, raw_c = statistics.median(ours_cpu) * 1000, statistics.median(raw_cpu) * 1000
    print(
        f"  CPU time      p50 {cpu:.2f} ms against {raw_c:.2f} ms ({cpu / raw_c:.1f}x): sealing,"
        " hashing and the queue's bookkeeping; the rest of the wall time is waiting for the"
        " disk and, on a busy machine, for a core"
    )
    print(f"  machine       {machine}")

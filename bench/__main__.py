"""`make bench`: figures and ratios against baselines measured in the same run, on this machine.

No thresholds here or in tests: the machines are shared and noisy. Each figure is taken in
rounds, interleaved with its baseline, and printed as the median with its range, together
with how busy the machine was meanwhile. Environment: BENCH_RECORDS (the drain's backlog,
default 10,000 as in the issue), BENCH_ROUNDS (default 5).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from bench import fleet
from bench.devices import main as devices_bench
from bench.drain import bench_drain
from bench.queuing import bench_queuing
from bench.search import bench_search
from bench.wire import bench_wire_bytes


def main() -> int:
    n = int(os.environ.get("BENCH_RECORDS", "10000"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "5"))
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"make bench on {os.cpu_count()} cores; load average (1, 5, 15 min) at start: {load}")
    with tempfile.TemporaryDirectory() as tmp:
        bench_queuing(Path(tmp), rounds, per_round=60)
        bench_drain(Path(tmp), n, rounds, naive_n=100 * rounds)
        bench_wire_bytes(Path(tmp))
        fleet.main(Path(tmp))
    devices_bench()
    bench_search()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

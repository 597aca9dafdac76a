"""`make bench`: figures and ratios against baselines measured in the same run, on this machine.

No thresholds here or in tests: the machines are shared and noisy. Each figure is taken in
rounds, interleaved with its baseline, and printed as the median with its range, together
with how busy the machine was meanwhile. Environment: BENCH_RECORDS (the drain's backlog,
default 10,000 as in the issue), BENCH_ROUNDS (default 5).

`python -m bench NAME...` runs only those parts (queuing, drain, wire, fleet, devices, search,
ui), e.g. `python -m bench ui` on a shared machine.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench import fleet
from bench.devices import main as devices_bench
from bench.drain import bench_drain
from bench.queuing import bench_queuing
from bench.search import bench_search
from bench.wire import bench_wire_bytes


def parts(n: int, rounds: int) -> dict[str, Callable[[Path], object]]:
    def ui(tmp: Path) -> None:
        from bench import ui  # Qt and the whole kiosk: loaded only when asked for

        ui.main(tmp, rounds)

    return {
        "queuing": lambda tmp: bench_queuing(tmp, rounds, per_round=60),
        "drain": lambda tmp: bench_drain(tmp, n, rounds, naive_n=100 * rounds),
        "wire": bench_wire_bytes,
        "fleet": fleet.main,
        "devices": lambda _tmp: devices_bench(),
        "search": lambda _tmp: bench_search(),
        "ui": ui,
    }


def main(argv: list[str]) -> int:
    n = int(os.environ.get("BENCH_RECORDS", "10000"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "5"))
    chosen = parts(n, rounds)
    unknown = [name for name in argv if name not in chosen]
    if unknown:
        print(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(chosen)}")
        return 2
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"make bench on {os.cpu_count()} cores; load average (1, 5, 15 min) at start: {load}")
    for name, run in chosen.items():
        if argv and name not in argv:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            run(Path(tmp))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

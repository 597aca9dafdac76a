"""How busy the machine was while a figure was taken: shared machines are noisy, and a
figure means little without it. Linux only (/proc); elsewhere it says it cannot tell."""

from __future__ import annotations

import os
import statistics
from pathlib import Path


def _cpu_ticks() -> tuple[int, int] | None:
    """(busy, total) jiffies of all cores since boot."""
    try:
        ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
    return sum(ticks) - idle, sum(ticks)


def _process_ticks(pids: list[int]) -> int:
    """User + system jiffies of these processes (the bench and the platform it started)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total


def _children_ticks() -> int:
    """User + system jiffies of the finished child processes the bench waited for (a kiosk
    started and stopped for each round): gone from /proc, but still the bench's own work."""
    times = os.times()
    return int((times.children_user + times.children_system) * os.sysconf("SC_CLK_TCK"))


class Busy:
    """Started at construction; `stop()` says how busy the cores were meanwhile and how much
    of that was the bench itself (its own process, `pids` and the children it waited for):
    the rest was everybody else."""

    def __init__(self, pids: list[int] | None = None) -> None:
        self.pids = [os.getpid(), *(pids or [])]
        self._ticks = _cpu_ticks()
        self._ours = _process_ticks(self.pids) + _children_ticks()
        self.load_before = os.getloadavg()[0]

    def stop(self) -> str:
        ticks, load = _cpu_ticks(), os.getloadavg()[0]
        ours = _process_ticks(self.pids) + _children_ticks()
        cores = os.cpu_count() or 1
        text = f"load average {self.load_before:.1f} -> {load:.1f} on {cores} cores"
        if self._ticks is None or ticks is None or ticks[1] <= self._ticks[1]:
            return text
        total = ticks[1] - self._ticks[1]
        busy = (ticks[0] - self._ticks[0]) / total
        mine = min((ours - self._ours) / total, busy)
        return f"cores {busy:.0%} busy ({busy - mine:.0%} by other processes); {text}"


def spread(values: list[float], digits: int = 2) -> str:
    """Median and range, e.g. `1.52 (1.31-2.40)`."""
    return (
        f"{statistics.median(values):.{digits}f}"
        f" ({min(values):.{digits}f}-{max(values):.{digits}f})"
    )


def rss_mb(pid: int | str = "self") -> tuple[float, float]:
    """(current, peak) resident memory of a process in MB, from /proc; zeros elsewhere."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return 0.0, 0.0
    fields = dict(line.split(":", 1) for line in lines if ":" in line)

    def mb(key: str) -> float:
        return int(fields.get(key, "0 kB").split()[0]) / 1024

    return mb("VmRSS"), mb("VmHWM")

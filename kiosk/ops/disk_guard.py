"""Keeps the disk from filling: when free space runs low, purge in a safe order until it is
back above the target, and never touch an undelivered record.

The order, from most to least expendable:
  1. rotated logs (kiosk.log.5 before kiosk.log.1; the live log is kept)
  2. old application update downloads (anything the updater no longer wants)
  3. cached notices (the platform sends them again on the next pull)
  4. delivered receipt stubs past their days (the outbox's own purge; it only ever deletes
     delivered records, so a queued, claimed, dead or conflicting record always stays)

The outbox itself is not a purge step and cannot become one: queued records are the reason
the disk space is guarded. If the steps run out and space is still low, the report says so;
the outbox then refuses new records with StorageFullError and loses nothing it holds.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

log = logging.getLogger("kiosk.disk_guard")


@dataclass(frozen=True)
class DiskUsage:
    total: int
    free: int  # available to an unprivileged user (f_bavail), which the kiosk user is


def statvfs_probe(path: Path) -> DiskUsage:
    st = os.statvfs(path)
    return DiskUsage(st.f_blocks * st.f_frsize, st.f_bavail * st.f_frsize)


@dataclass(frozen=True)
class Thresholds:
    """Start purging below `low_*`, stop once above `target_*` (both must hold)."""

    low_free_bytes: int = 512 * 1024**2
    low_free_ratio: float = 0.10
    target_free_bytes: int = 1024**3
    target_free_ratio: float = 0.15

    def is_low(self, usage: DiskUsage) -> bool:
        return usage.free < self.low_free_bytes or usage.free < usage.total * self.low_free_ratio

    def is_enough(self, usage: DiskUsage) -> bool:
        return (
            usage.free >= self.target_free_bytes
            and usage.free >= usage.total * self.target_free_ratio
        )


class PurgeStep(Protocol):
    name: str

    def purge_one(self) -> int:
        """Free one more unit (a file, a batch of stubs); return how many units went.
        0 means this step has nothing more to give."""
        ...


@dataclass
class OldestFilesFirst:
    """Deletes the files `candidates()` lists, oldest modification time first, one at a time."""

    name: str
    candidates: Callable[[], Iterable[Path]]

    def purge_one(self) -> int:
        files: list[tuple[float, Path]] = []
        for path in self.candidates():
            try:
                files.append((path.stat().st_mtime, path))
            except OSError:
                continue
        if not files:
            return 0
        _, oldest = min(files)
        try:
            oldest.unlink()
        except FileNotFoundError:
            pass
        return 1


@dataclass
class OnceStep:
    """A purge that runs in one go (the outbox's stub purge): returns what it removed, once."""

    name: str
    purge: Callable[[], int]
    done: bool = False

    def purge_one(self) -> int:
        if self.done:
            return 0
        self.done = True
        return self.purge()


def rotated_logs(log_dir: Path) -> Callable[[], list[Path]]:
    """Rotated backups (`*.log.N`) anywhere under the log dir; never a live `*.log`."""

    def files() -> list[Path]:
        if not log_dir.is_dir():
            return []
        return [p for p in log_dir.rglob("*.log.*") if p.is_file() and p.suffix[1:].isdigit()]

    return files


def files_in(
    directory: Path, keep: Callable[[], set[Path]] | None = None
) -> Callable[[], list[Path]]:
    """Every file directly in `directory` except those `keep()` names at the time of the call."""

    def files() -> list[Path]:
        if not directory.is_dir():
            return []
        kept = keep() if keep is not None else set()
        return [p for p in directory.iterdir() if p.is_file() and p not in kept]

    return files


def single_file(path: Path) -> Callable[[], list[Path]]:
    return lambda: [path] if path.is_file() else []


@dataclass(frozen=True)
class GuardReport:
    before: DiskUsage
    after: DiskUsage
    purged: dict[str, int] = field(default_factory=dict)
    still_low: bool = False  # every step ran dry and space is still below the low mark


class DiskGuard:
    def __init__(
        self,
        path: Path,
        steps: list[PurgeStep],
        probe: Callable[[Path], DiskUsage] = statvfs_probe,
        thresholds: Thresholds | None = None,
    ) -> None:
        self.path, self.steps, self.probe = path, steps, probe
        self.thresholds = thresholds or Thresholds()

    def check(self) -> GuardReport:
        before = usage = self.probe(self.path)
        purged: dict[str, int] = {}
        if self.thresholds.is_low(usage):
            for step in self.steps:
                while not self.thresholds.is_enough(usage):
                    count = step.purge_one()
                    if not count:
                        break
                    purged[step.name] = purged.get(step.name, 0) + count
                    usage = self.probe(self.path)
            log.log(
                logging.ERROR if self.thresholds.is_low(usage) else logging.INFO,
                "disk low: %d of %d bytes free after purging %s",
                usage.free,
                usage.total,
                purged or "nothing",
            )
        return GuardReport(before, usage, purged, self.thresholds.is_low(usage))

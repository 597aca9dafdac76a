"""The disk guard purges in a safe order and never touches an undelivered record."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.contract.signing import b64
from kiosk.ops.disk_guard import (
    DiskGuard,
    DiskUsage,
    OldestFilesFirst,
    OnceStep,
    PurgeStep,
    Thresholds,
    files_in,
    rotated_logs,
    single_file,
)
from kiosk.ops.layout import DataLayout
from kiosk.ports.clock import FakeClock
from offline_queue.store import Outbox
from tests.offline_queue.helpers import PLATFORM_KEY, open_outbox, submission

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


def _bytes_under(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class FakeDisk:
    """Free space as if the data dir were alone on a disk of `capacity` bytes."""

    def __init__(self, root: Path, capacity: int) -> None:
        self.root, self.capacity = root, capacity

    def __call__(self, path: Path) -> DiskUsage:
        return DiskUsage(self.capacity, self.capacity - _bytes_under(self.root))


def _file(path: Path, size: int, age_days: float) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    when = 1_800_000_000 - age_days * 86400
    os.utime(path, (when, when))
    return path


def _terminal(root: Path, clock: FakeClock) -> tuple[DataLayout, Outbox]:
    layout = DataLayout(root)
    _file(root / "logs/kiosk.log", 1 * MB, 0)
    for n in range(1, 4):
        _file(root / f"logs/kiosk.log.{n}", 1 * MB, n)
    _file(root / "logs/sync/kiosk.log.1", 1 * MB, 10)
    _file(layout.updates / "0.9.0.tar.part", 2 * MB, 5)
    _file(layout.notices_cache, 1 * MB, 1)
    outbox = open_outbox(root, clock)
    for n in range(3):
        outbox.enqueue(submission(n, pages=2))
    for record in outbox.claim(2):
        outbox.ack(record.id, {"status": "accepted"})
    return layout, outbox


def _steps(layout: DataLayout, outbox: Outbox) -> list[PurgeStep]:
    return [
        OldestFilesFirst("rotated_logs", rotated_logs(layout.root / "logs")),
        OldestFilesFirst("update_downloads", files_in(layout.updates)),
        OldestFilesFirst("cached_notices", single_file(layout.notices_cache)),
        OnceStep("receipt_stubs", outbox.purge_stubs),
    ]


class Recording:
    """Notes the order in which steps actually free something."""

    def __init__(self, step: PurgeStep, order: list[str]) -> None:
        self.step, self.name, self.order = step, step.name, order

    def purge_one(self) -> int:
        count = self.step.purge_one()
        if count:
            self.order.append(self.name)
        return count


THRESHOLDS = Thresholds(
    low_free_bytes=1 * MB, low_free_ratio=0.0, target_free_bytes=2 * MB, target_free_ratio=0.0
)


def test_nothing_is_purged_while_space_is_fine(tmp_path):
    layout, outbox = _terminal(tmp_path, FakeClock())
    disk = FakeDisk(tmp_path, _bytes_under(tmp_path) + 5 * MB)
    report = DiskGuard(tmp_path, _steps(layout, outbox), disk, THRESHOLDS).check()
    assert report.purged == {} and not report.still_low
    assert len(list((tmp_path / "logs").rglob("kiosk.log.*"))) == 4


def test_oldest_rotated_logs_go_first_and_purging_stops_at_the_target(tmp_path):
    layout, outbox = _terminal(tmp_path, FakeClock())
    disk = FakeDisk(tmp_path, _bytes_under(tmp_path) + MB // 2)
    report = DiskGuard(tmp_path, _steps(layout, outbox), disk, THRESHOLDS).check()
    # 0.5 MB free, target 2 MB: two rotated logs, the oldest two (sync's, then kiosk.log.3).
    assert report.purged == {"rotated_logs": 2}
    assert not (tmp_path / "logs/sync/kiosk.log.1").exists()
    assert not (tmp_path / "logs/kiosk.log.3").exists()
    assert (tmp_path / "logs/kiosk.log.2").exists() and (tmp_path / "logs/kiosk.log").exists()
    assert (layout.updates / "0.9.0.tar.part").exists() and layout.notices_cache.exists()
    assert report.after.free >= 2 * MB and not report.still_low


def test_when_space_stays_low_everything_expendable_goes_in_order_and_no_record_does(tmp_path):
    clock = FakeClock()
    layout, outbox = _terminal(tmp_path, clock)
    clock.advance(31 * 86400)  # the delivered stubs are past their 30 days
    undelivered = [r.id for r in outbox.records() if r.state != "delivered"]
    pages = outbox.blobs.names()
    order: list[str] = []
    steps: list[PurgeStep] = [Recording(step, order) for step in _steps(layout, outbox)]
    disk = FakeDisk(tmp_path, _bytes_under(tmp_path))  # 0 bytes free, and 100 MB wanted
    wants_more = Thresholds(100 * MB, 0.0, 100 * MB, 0.0)
    report = DiskGuard(tmp_path, steps, disk, wants_more).check()
    assert report.still_low
    assert report.purged == {
        "rotated_logs": 4,
        "update_downloads": 1,
        "cached_notices": 1,
        "receipt_stubs": 2,
    }
    assert order == ["rotated_logs"] * 4 + ["update_downloads", "cached_notices", "receipt_stubs"]
    assert (tmp_path / "logs/kiosk.log").exists()  # the live log stays
    assert [r.id for r in outbox.records()] == undelivered  # every undelivered record stays
    assert outbox.blobs.names() == pages and pages  # with all its sealed pages
    assert outbox.get(undelivered[0]).wire is not None


@contextlib.contextmanager
def _small_filesystem(path: Path, size_mb: int) -> Iterator[Path]:
    path.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_mb}m,mode=0700", "tmpfs", str(path)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small filesystem here (needs root)")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=True)


def test_kiosk_disk_guard_on_a_nearly_full_small_filesystem(tmp_path):
    """The real command on a real 24 MB filesystem, filled to the brim."""
    with _small_filesystem(tmp_path / "disk", 24) as root:
        layout, outbox = _terminal(root, FakeClock())
        undelivered = [r.id for r in outbox.records() if r.state != "delivered"]
        outbox.close()
        keys = layout.keys
        keys.mkdir(mode=0o700)
        enrolment = {
            "terminal_id": "K7Q2M",
            "hall": {"code": "451123101"},
            "platform_seal_public_key": b64(PLATFORM_KEY.public_key().public_bytes_raw()),
            "platform_signing_public_key": b64(b"\x00" * 32),
        }
        (keys / "enrolment.json").write_text(json.dumps(enrolment))
        st = os.statvfs(root)
        _file(root / "filler", st.f_bavail * st.f_frsize - MB, 0)  # 1 MB left
        env = {
            **os.environ,
            "KIOSK__TERMINAL__DATA_DIR": str(root),
            "KIOSK__LOGGING__DIR": str(root / "logs"),
        }
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "disk-guard"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        # The defaults want 1 GB free, which a 24 MB disk never has: everything expendable
        # goes, the command says space is still low, and every undelivered record stays.
        assert done.returncode == 1, done.stderr
        assert list((root / "logs").rglob("kiosk.log.*")) == []
        assert not (layout.updates / "0.9.0.tar.part").exists()
        assert not layout.notices_cache.exists()
        outbox = open_outbox(root, FakeClock())
        assert [r.id for r in outbox.records() if r.state != "delivered"] == undelivered
        assert len(outbox.records("delivered")) == 2  # stubs within their days stay
        outbox.close()

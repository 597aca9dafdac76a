"""Logs on a USB stick: every log and the audit log copied, each log line scrubbed again, the
copy read back and searched for ID and mobile numbers by a check of its own, synced, with
checksums; a copy that is not clean, or a medium that cannot take it, leaves nothing behind.
USB sticks are found where the kernel mounted them."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from devices.emulators.people import make_id_number
from kiosk.ports.audit import AuditActor, AuditRole
from kiosk.ports.clock import FakeClock
from kiosk.ports.logs import ExportFailed, ExportNotClean
from offline_queue import log_export
from offline_queue.audit import open_terminal_audit, verify_chain
from offline_queue.log_export import FileLogStore, personal_data_in
from offline_queue.removable_media import MountedMedia

ID_NUMBER = make_id_number("451123", date(1949, 12, 31), 3)
PHONE = "13912345678"


def log_line(msg: str, t: str = "2026-11-22T08:00:00", logger: str = "kiosk") -> str:
    return json.dumps({"t": t, "level": "INFO", "logger": logger, "msg": msg}, ensure_ascii=False)


@pytest.fixture
def terminal(tmp_path: Path) -> tuple[FileLogStore, Path]:
    logs = tmp_path / "kiosk" / "logs"
    (logs / "sync").mkdir(parents=True)
    (logs / "kiosk.log").write_text(
        log_line("printer ready") + "\n" + log_line("queued K7Q2M-01A7-Q for 买买*") + "\n"
    )
    # A line that never went through the scrub (an old build, a hand-edited file).
    (logs / "kiosk.log.1").write_text(log_line(f"lookup {ID_NUMBER} phone {PHONE}") + "\n")
    (logs / "sync" / "kiosk.log").write_text(
        log_line("sync: 3 delivered", "2026-11-22T08:00:05", "offline_queue.sync") + "\n"
    )
    audit = open_terminal_audit(tmp_path / "kiosk", FakeClock())
    for n in range(30):  # enough hashes that digit runs inside them would be found by chance
        audit.record(AuditActor(AuditRole.TECHNICIAN, "T0417"), "queue.sync_now", f"r{n}")
    return FileLogStore(logs, audit.path), tmp_path


def test_every_log_and_the_audit_log_are_copied_clean_with_checksums(terminal):
    store, tmp = terminal
    usb = tmp / "usb"
    usb.mkdir()
    done = store.export(str(usb), "kiosk-logs-K7Q2M-20261122T080000Z")
    folder = Path(done.directory)
    assert folder == usb / "kiosk-logs-K7Q2M-20261122T080000Z" and folder.is_dir()
    assert set(done.files) == {
        "kiosk.log",
        "kiosk.log.1",
        "sync-kiosk.log",
        "audit.log",
        "audit.log.head",
        "SHA256SUMS",
    }
    assert not list(usb.glob("*.partial"))
    everything = b"".join(p.read_bytes() for p in folder.iterdir())
    for secret in (ID_NUMBER, PHONE, ID_NUMBER[6:14] + ID_NUMBER[14:]):
        assert secret.encode() not in everything
    assert b"[id]" in (folder / "kiosk.log.1").read_bytes()
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    # The audit log is copied byte for byte, so it still verifies on the technician's laptop.
    assert verify_chain(folder / "audit.log").ok
    assert done.lines_checked >= 30 and done.total_bytes > 0


def test_a_copy_that_is_not_clean_is_removed_and_said(terminal, monkeypatch):
    store, tmp = terminal
    usb = tmp / "usb"
    usb.mkdir()
    monkeypatch.setattr(log_export, "scrub", lambda text: text)  # the scrub fails somehow
    with pytest.raises(ExportNotClean):
        store.export(str(usb), "kiosk-logs-x")
    assert list(usb.iterdir()) == []


def test_a_medium_that_cannot_take_it_leaves_nothing(terminal):
    store, tmp = terminal
    not_a_dir = tmp / "usb-file"
    not_a_dir.write_text("")
    with pytest.raises(ExportFailed):
        store.export(str(not_a_dir), "kiosk-logs-x")


def test_recent_lines_of_both_logs_newest_last_and_scrubbed(terminal):
    store, _ = terminal
    lines = store.recent(10)
    assert [x.source for x in lines] == ["kiosk", "kiosk", "sync"]
    assert lines[-1].text == "offline_queue.sync: sync: 3 delivered"
    assert all(ID_NUMBER not in x.text for x in lines)


def test_the_check_finds_ids_and_mobiles_but_not_hashes_times_or_receipt_numbers():
    assert personal_data_in(f"x {ID_NUMBER} y") == ["id"]
    assert personal_data_in("tel +8613912345678 or 13912345678") == ["mobile", "mobile"]
    assert personal_data_in("old card 110101900307777") == ["id"]
    clean = (
        "at_ms 1763800000000 receipt K7Q2M-01A7-Q hash "
        + hashlib.sha256(b"x").hexdigest()
        + " 123456789012345678"  # 18 digits with the wrong check character
    )
    assert personal_data_in(clean) == []


def test_usb_sticks_are_found_where_the_kernel_mounted_them(tmp_path: Path):
    media_root = tmp_path / "media" / "kiosk"
    stick = media_root / "KINGSTON 1"
    stick.mkdir(parents=True)
    elsewhere = tmp_path / "mnt" / "data"
    elsewhere.mkdir(parents=True)
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/sda1 / ext4 rw 0 0\n"
        f"/dev/sdb1 {str(stick).replace(' ', chr(92) + '040')} vfat rw 0 0\n"
        f"/dev/sdc1 {elsewhere} ext4 rw 0 0\n"
        f"/dev/sdd1 {media_root / 'gone'} vfat rw 0 0\n"
    )
    found = MountedMedia("", roots=(tmp_path / "media",), mounts=mounts).media()
    assert [(m.label, m.path) for m in found] == [("KINGSTON 1", str(stick))]
    assert found[0].writable and found[0].free_bytes > 0
    configured = MountedMedia(str(elsewhere), roots=(tmp_path / "media",), mounts=mounts)
    assert [m.label for m in configured.media()] == ["KINGSTON 1", "data"]

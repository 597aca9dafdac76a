"""The queue carried on a USB stick: export on the cut-off terminal, import on the real
platform (its `import-bundle` command), then the terminal's own sync: each record once."""

from __future__ import annotations

import errno
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.contract.records import record_content_hash
from kiosk.ports.clock import FakeClock
from kiosk.ports.logs import ExportFailed
from offline_queue import bundle_export
from offline_queue.bundle_export import OutboxBundles
from offline_queue.bundle_relay import relay_bundle
from offline_queue.platform_client import PlatformClient, PlatformRefused, Signer
from offline_queue.records import NewRecord
from offline_queue.store import Outbox
from offline_queue.sync import SyncEngine
from tests.offline_queue.kiosk_side import enrolled_kiosk
from tests.offline_queue.test_sync_with_platform import application
from tests.support.central import REPO_ROOT, CentralHandle, TestTerminal


def _terminal(tmp_path: Path, central: CentralHandle) -> tuple[TestTerminal, OutboxBundles]:
    terminal = central.enrol()
    clock = FakeClock()

    def open_outbox() -> Outbox:
        return Outbox(
            tmp_path / "q.sqlite3",
            terminal.seal_public_key,
            terminal.terminal_id,
            clock,
        )

    return terminal, OutboxBundles(open_outbox, lambda: terminal.key, terminal.terminal_id, clock)


def _import(central: CentralHandle, folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "central", "import-bundle", "--data-dir", str(central.data_dir)]
        + [str(folder)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _platform_counts(central: CentralHandle, ids: list[str]) -> dict[str, int]:
    with sqlite3.connect(central.data_dir / "central.sqlite3") as db:
        return {
            rid: db.execute("SELECT COUNT(*) FROM records WHERE id = ?", (rid,)).fetchone()[0]
            + db.execute("SELECT COUNT(*) FROM cases WHERE record_id = ?", (rid,)).fetchone()[0]
            for rid in ids
        }


def test_export_import_then_sync_stores_each_record_once(tmp_path, central: CentralHandle):
    terminal, bundles = _terminal(tmp_path, central)
    outbox = bundles._open()
    queued = [outbox.enqueue(application(n)) for n in range(7)]
    queued.append(
        outbox.enqueue(
            NewRecord(kind="evaluation", personal={}, issue_receipt=False, meta={"level": 5})
        )
    )
    stick = tmp_path / "stick"
    stick.mkdir()
    plan = bundles.plan()
    assert (plan.records, plan.already_carried) == (8, 0) and plan.total_bytes > 0

    done = bundles.export(str(stick), "kiosk-queue-test")
    assert (done.records, done.attachments) == (8, 14)
    bundle = Path(done.directory)
    assert sorted(p.name for p in stick.iterdir()) == ["kiosk-queue-test"]  # no .partial left
    # Sealed on the stick: no name, ID number or phone number in clear.
    for path in bundle.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"45112319491231003X" not in data and "买买提".encode() not in data
    # Still queued, marked as carried.
    assert {r.state for r in outbox.records()} == {"queued"}
    assert set(outbox.exported()) == {r.id for r in queued}
    assert bundles.plan().already_carried == 8

    first = _import(central, bundle)
    assert first.returncode == 0, first.stderr
    assert "accepted 8" in first.stdout
    again = _import(central, bundle)  # the stick read twice: nothing new
    assert "duplicate 8" in again.stdout and "accepted" not in again.stdout

    # The terminal's link comes back: its pushes are answered as duplicates and settled.
    client = PlatformClient(central.base_url, 1.0, 10.0)
    client.signer = Signer(terminal.terminal_id, terminal.key)
    total = SyncEngine(outbox, client, batch=5, rng=lambda: 0.5).drain()
    assert total.delivered == 8 and not total.stopped, total
    assert {r.state for r in outbox.records()} == {"delivered"}
    outcomes = {
        json.loads(row[0])["outcome"]
        for row in outbox.conn.execute("SELECT result FROM records").fetchall()
    }
    assert outcomes == {"duplicate"}
    assert outbox.exported() == {}
    ids = [r.id for r in queued]
    counts = _platform_counts(central, ids)
    submissions = {r.id for r in queued if r.kind == "submission"}
    assert counts == {rid: 2 if rid in submissions else 1 for rid in ids}  # 1 record (+1 case)
    assert bundles.plan().records == 0


@pytest.mark.parametrize("tamper", ["manifest", "record", "page", "signature"])
def test_a_tampered_bundle_is_refused_whole(tmp_path, central: CentralHandle, tamper: str):
    _, bundles = _terminal(tmp_path, central)
    outbox = bundles._open()
    ids = [outbox.enqueue(application(n)).id for n in range(3)]
    stick = tmp_path / "stick"
    stick.mkdir()
    bundle = Path(bundles.export(str(stick), "kiosk-queue-t").directory)
    if tamper == "manifest":
        manifest = json.loads((bundle / "manifest.json").read_text())
        manifest["records"] = manifest["records"][:2]  # one record hidden
        (bundle / "manifest.json").write_text(json.dumps(manifest))
    elif tamper == "record":
        path = bundle / "records" / f"{ids[1]}.json"
        record = json.loads(path.read_text())
        record["meta"]["receipt_no"] = "X"
        path.write_text(json.dumps(record))
    elif tamper == "page":
        page = next((bundle / "blobs").iterdir())
        page.write_bytes(page.read_bytes()[:-1] + b"\0")
    else:
        (bundle / "manifest.sig").write_text("AAAA")
    result = _import(central, bundle)
    assert result.returncode == 2 and "refused" in result.stderr, result
    assert _platform_counts(central, ids) == dict.fromkeys(ids, 0)


def test_a_medium_that_fills_up_leaves_nothing_and_marks_nothing(
    tmp_path, central: CentralHandle, monkeypatch
):
    _, bundles = _terminal(tmp_path, central)
    outbox = bundles._open()
    for n in range(3):
        outbox.enqueue(application(n))
    stick = tmp_path / "stick"
    stick.mkdir()
    writes: list[Path] = []
    real_write = bundle_export._write_synced

    def filling(path: Path, data: bytes) -> None:
        if len(writes) == 4:  # the stick is full after four files
            raise OSError(errno.ENOSPC, "No space left on device")
        writes.append(path)
        real_write(path, data)

    monkeypatch.setattr(bundle_export, "_write_synced", filling)
    with pytest.raises(ExportFailed, match="no space left"):
        bundles.export(str(stick), "kiosk-queue-full")
    assert list(stick.iterdir()) == [] and outbox.exported() == {}
    not_a_dir = tmp_path / "usb-file"
    not_a_dir.write_text("")
    with pytest.raises(ExportFailed):
        bundles.export(str(not_a_dir), "kiosk-queue-x")


def test_records_already_delivered_or_dead_are_not_carried(tmp_path, central: CentralHandle):
    _, bundles = _terminal(tmp_path, central)
    outbox = bundles._open()
    a, b, c = (outbox.enqueue(application(n)) for n in range(3))
    outbox.claim(2)
    outbox.ack(a.id, {"outcome": "accepted"})
    outbox.dead_letter(b.id, "rejected")
    stick = tmp_path / "stick"
    stick.mkdir()
    assert bundles.export(str(stick), "kiosk-queue-p").records == 1
    assert set(outbox.exported()) == {c.id}


def test_a_connected_terminal_relays_the_stick_and_the_origin_settles_later(
    tmp_path, central: CentralHandle
):
    origin, bundles = _terminal(tmp_path, central)
    outbox = bundles._open()
    ids = [outbox.enqueue(application(n)).id for n in range(4)]
    stick = tmp_path / "stick"
    stick.mkdir()
    bundle = Path(bundles.export(str(stick), "kiosk-queue-relay").directory)
    # A forged record among them: changed on the stick, its signature no longer verifies.
    path = bundle / "records" / f"{ids[3]}.json"
    forged = json.loads(path.read_text())
    forged["meta"]["hall_code"] = "999999999"
    forged["content_hash"] = record_content_hash(forged)
    path.write_text(json.dumps(forged))
    manifest = json.loads((bundle / "manifest.json").read_text())
    manifest["records"][3]["content_hash"] = forged["content_hash"]
    (bundle / "manifest.json").write_text(json.dumps(manifest))

    relay = central.enrol()  # another terminal, with a link
    client = PlatformClient(central.base_url, 1.0, 10.0)
    client.signer = Signer(relay.terminal_id, relay.key)
    report = relay_bundle(client, bundle, chunk=4096)
    assert report.terminal_id == origin.terminal_id and report.pages_sent == 8
    assert report.outcomes == {"accepted": 3, "rejected": 1}
    # Run again (after a cut link, say) from the command line of another connected terminal:
    # nothing twice.
    config, _, _ = enrolled_kiosk(tmp_path / "relay2", central, central.base_url)
    toml = tmp_path / "relay2.toml"
    toml.write_text(
        f'[terminal]\ndata_dir = "{config.terminal.data_dir}"\n\n'
        f'[platform]\nbase_url = "{central.base_url}"\n'
    )
    again = subprocess.run(
        [sys.executable, "-m", "offline_queue", "relay-bundle", str(toml), str(bundle)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    assert f"relayed for {origin.terminal_id}: duplicate 3, rejected 1 (0 pages)" in again.stdout
    with sqlite3.connect(central.data_dir / "central.sqlite3") as db:
        owners = {r[0] for r in db.execute("SELECT terminal_id FROM records")}
    assert owners == {origin.terminal_id}  # filed under the terminal that made them

    own = PlatformClient(central.base_url, 1.0, 10.0)
    own.signer = Signer(origin.terminal_id, origin.key)
    total = SyncEngine(outbox, own, rng=lambda: 0.5).drain()
    assert total.delivered == 4, total  # three duplicates, and the one the stick spoiled
    assert _platform_counts(central, ids) == dict.fromkeys(ids, 2)  # one record + one case each

    with pytest.raises(PlatformRefused) as own_relay:  # a terminal does not relay itself
        own.relay_records(origin.terminal_id, [])
    assert own_relay.value.code == "relay_refused"

"""Sync against the real reference platform on loopback: exactly once, through outages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.ports.clock import FakeClock
from offline_queue.backoff import backoff_delay
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.records import NewAttachment, NewRecord
from offline_queue.store import Outbox
from offline_queue.sync import SyncEngine
from tests.offline_queue.helpers import ID_NUMBER, IMAGE, NAME, PHONE
from tests.support.central import CentralHandle
from tests.support.fault_proxy import FaultProxy


def setup(tmp_path: Path, central: CentralHandle) -> tuple[Outbox, PlatformClient, FakeClock]:
    terminal = central.enrol()
    client = PlatformClient(central.base_url, 1.0, 5.0)
    client.signer = Signer(terminal.terminal_id, terminal.key)
    clock = FakeClock()
    outbox = Outbox(
        tmp_path / "q.sqlite3",
        terminal.seal_public_key,
        terminal.terminal_id,
        clock,
    )
    return outbox, client, clock


def application(n: int, pages: int = 2, phone: str = PHONE) -> NewRecord:
    form = {
        "name": NAME,
        "id_number": ID_NUMBER,
        "phone": phone,
        "household_size": 2,
        "monthly_income_yuan": 500 + n,
    }
    return NewRecord(
        kind="submission",
        personal={
            "applicant": {"name": NAME, "id_number": ID_NUMBER},
            "form": form,
            "phone": phone,
            "agent": None,
        },
        item_code="000113001000",
        item_name="最低生活保障申请",
        masked_name="买买*",
        attachments=tuple(
            NewAttachment(f"page-{i}.jpg", "image/jpeg", IMAGE * 40 + bytes([n, i]))
            for i in range(pages)
        ),
    )


def test_everything_queued_offline_arrives_exactly_once_when_the_link_returns(
    tmp_path, central: CentralHandle
):
    outbox, client, clock = setup(tmp_path, central)
    queued = [outbox.enqueue(application(n)) for n in range(12)]
    rating = outbox.enqueue(
        NewRecord(kind="evaluation", personal={}, issue_receipt=False, meta={"level": 5})
    )
    engine = SyncEngine(outbox, client, batch=5, chunk=8 * 1024, rng=lambda: 0.5)

    central.stop()
    report = engine.run_once()
    assert report.delivered == 0 and report.stopped
    assert sum(outbox.stats().pending_by_kind.values()) == 13  # nothing lost, nothing dropped

    central.start()
    clock.advance(3600)
    total = engine.drain()
    assert total.delivered == 13 and not total.stopped, total
    assert outbox.get(rating.id).state == "delivered"
    assert outbox.blobs.names() == set()  # pages deleted once the platform has them
    for rec in queued:
        case = client.case_by_receipt(rec.receipt_no or "")
        assert case["status"] == "submitted"
    # Sending the same records again (a lost ack) makes no second case.
    again = client.push_records([r.wire for r in queued if r.wire])
    assert {r["outcome"] for r in again} == {"duplicate"}
    assert engine.run_once().delivered == 0


def test_a_record_the_platform_rejects_is_dead_lettered_and_the_rest_go_through(
    tmp_path, central: CentralHandle
):
    outbox, client, _ = setup(tmp_path, central)
    bad = outbox.enqueue(application(1, pages=0, phone="123"))
    good = outbox.enqueue(application(2, pages=1))
    total = SyncEngine(outbox, client).drain()
    assert total.delivered == 1 and total.dead == 1
    dead = outbox.get(bad.id)
    assert dead.state == "dead" and "phone" in dead.last_error
    assert outbox.get(good.id).state == "delivered"
    assert outbox.get(bad.id).wire is not None  # kept for the technician


def test_an_upload_cut_midway_resumes_from_the_platforms_offset(
    tmp_path, central: CentralHandle, monkeypatch
):
    outbox, client, _ = setup(tmp_path, central)
    rec = outbox.enqueue(application(3, pages=1))
    att = (rec.wire or {})["attachments"][0]
    data = outbox.blobs.read(att["sha256"])
    half = len(data) // 2
    assert client.blob_append(att["sha256"], 0, len(data), data[:half]) == half
    sent: list[tuple[int, int]] = []
    original = client.blob_append

    def spy(sha: str, offset: int, length: int, chunk: bytes) -> int:
        sent.append((offset, len(chunk)))
        return original(sha, offset, length, chunk)

    monkeypatch.setattr(client, "blob_append", spy)
    assert SyncEngine(outbox, client, chunk=len(data)).drain().delivered == 1
    assert sent[0][0] == half  # from the platform's offset
    assert sum(n for _, n in sent) == len(data) - half  # only the missing half went


def test_backoff_is_jittered_capped_and_honours_retry_after():
    assert backoff_delay(0, lambda: 1.0) == 2.0
    assert backoff_delay(20, lambda: 1.0) == 600.0
    assert backoff_delay(3, lambda: 0.0) == 0.0
    assert backoff_delay(3, lambda: 0.0, retry_after_s=30) == 30


def test_the_announcement_answers_for_the_blobs_so_no_head_request_is_sent(
    tmp_path, central: CentralHandle, monkeypatch
):
    outbox, direct, _ = setup(tmp_path, central)
    with FaultProxy(central.port) as proxy:
        client = PlatformClient(proxy.url, 1.0, 5.0)
        client.signer = direct.signer
        outbox.enqueue(application(4, pages=2))
        assert SyncEngine(outbox, client, chunk=256 * 1024).drain().delivered == 1
        methods = [s.split(" ")[0] for s in proxy.seen]
        assert "HEAD" not in methods and methods[0] == methods[-1] == "POST", methods

        # A platform that does not say (an older gateway): the engine asks with HEAD.
        outbox.enqueue(application(5, pages=2))
        plain = client.announce

        def without_blob_states(anns: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [{"id": a["id"], "status": a["status"]} for a in plain(anns)]

        monkeypatch.setattr(client, "announce", without_blob_states)
        del proxy.seen[:]
        assert SyncEngine(outbox, client, chunk=256 * 1024).drain().delivered == 1
        assert [s.split(" ")[0] for s in proxy.seen].count("HEAD") == 2

"""The sync service against the real platform, through the fault proxy: it probes, drains,
reports, yields to a sync process that holds the lock, wakes on link changes, and carries the
technician's retry."""

from __future__ import annotations

import copy
import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.ports.clock import SystemClock
from kiosk.ports.outbox import LocalState
from kiosk.ports.sync import SyncRole, SyncStatus
from offline_queue.records import Settlement
from offline_queue.store import Outbox
from offline_queue.sync_lock import SyncLock
from offline_queue.terminal import TerminalQueue, build_sync_service, build_terminal_queue
from tests.offline_queue.kiosk_side import (
    PAGES,
    VILLAGER,
    enrolled_kiosk,
    eventually,
    low_income_application,
    morning_booking,
    rating,
    street_light_complaint,
)
from tests.offline_queue.realistic import assert_exactly_once, platform_db
from tests.support.central import REPO_ROOT, CentralHandle
from tests.support.fault_proxy import Fault, FaultProxy

ROUTES = "Iface\tDestination\tGateway\nwlan0\t00000000\t0101A8C0\n"


@pytest.fixture
def proxy(shared_central: CentralHandle) -> Iterator[FaultProxy]:
    with FaultProxy(shared_central.port) as p:
        yield p


@pytest.fixture
def net_root(tmp_path: Path) -> Path:
    """A stand-in for /sys/class/net and /proc/net/route the test can change."""
    iface = tmp_path / "root/sys/class/net/wlan0"
    iface.mkdir(parents=True)
    (iface / "operstate").write_text("up\n")
    (tmp_path / "root/proc/net").mkdir(parents=True)
    (tmp_path / "root/proc/net/route").write_text(ROUTES)
    return tmp_path / "root"


@pytest.fixture
def kiosk(
    tmp_path: Path, shared_central: CentralHandle, proxy: FaultProxy, net_root: Path
) -> Iterator[TerminalQueue]:
    config, enrolment, key = enrolled_kiosk(tmp_path, shared_central, proxy.url)
    parts = build_terminal_queue(config, enrolment, key, SystemClock(), link_root=net_root)
    yield parts
    parts.close()


def test_queued_offline_then_drained_when_the_link_returns_with_status_all_along(
    kiosk: TerminalQueue, shared_central: CentralHandle, proxy: FaultProxy
):
    seen: list[tuple[str, SyncStatus]] = []
    kiosk.sync.subscribe(lambda s: seen.append((threading.current_thread().name, s)))
    proxy.refuse()
    first = kiosk.outbox.submit(low_income_application(1), PAGES)
    kiosk.outbox.submit(low_income_application(2), PAGES)
    kiosk.outbox.evaluate(rating(first.receipt_no))
    kiosk.outbox.complain(street_light_complaint(), VILLAGER.masked_name)
    kiosk.outbox.book(morning_booking(), VILLAGER, "13912345678", "最低生活保障申请")
    kiosk.sync.start()
    eventually(lambda: kiosk.sync.status().online is False)
    offline = kiosk.sync.status()
    assert offline.role == SyncRole.SYNCING
    assert offline.pending_by_kind == {
        "submission": 2,
        "evaluation": 1,
        "complaint": 1,
        "appointment": 1,
    }
    assert offline.bytes_pending > 3 * 20_000 and offline.oldest_pending_age_s is not None
    assert "平台无法连接" in offline.last_error and offline.last_success_at is None
    assert kiosk.outbox.entry(first.receipt_no or "").state == LocalState.QUEUED  # type: ignore[union-attr]

    proxy.clear()
    kiosk.sync.sync_now()
    eventually(lambda: kiosk.sync.status().pending == 0 and kiosk.sync.status().online is True)
    online = kiosk.sync.status()
    assert online.last_error == "" and online.last_success_at is not None
    assert online.dead_letters == 0
    entry = kiosk.outbox.entry(first.receipt_no or "")
    assert entry is not None and entry.state == LocalState.DELIVERED and entry.case_id
    kiosk.sync.stop()
    assert {name for name, _ in seen} == {"sync-service"}  # listeners run on its thread
    assert seen[-1][1].role == SyncRole.STOPPED
    box = kiosk._front.call(lambda b: b)
    assert_exactly_once(shared_central, box)


def test_a_link_change_brings_the_probe_forward_but_is_never_taken_for_online(
    kiosk: TerminalQueue, proxy: FaultProxy, net_root: Path
):
    proxy.refuse()
    kiosk.outbox.complain(street_light_complaint())
    kiosk.sync.start()  # probes every 600 s: only a link change can bring the next probe
    eventually(lambda: kiosk.sync.status().online is False)
    probed = kiosk.sync.status().probed_at
    (net_root / "sys/class/net/wlan0/operstate").write_text("down\n")  # a change, still down
    eventually(lambda: kiosk.sync.status().probed_at != probed)  # probed again at once
    assert kiosk.sync.status().online is False  # a changed interface is not "online"
    proxy.clear()
    (net_root / "proc/net/route").write_text(ROUTES + "wwan0\t00000000\t01010A0A\n")
    eventually(lambda: kiosk.sync.status().online is True and kiosk.sync.status().pending == 0)


def test_while_another_process_holds_the_sync_lock_the_app_only_observes(
    tmp_path: Path, shared_central: CentralHandle, proxy: FaultProxy, net_root: Path
):
    config, enrolment, key = enrolled_kiosk(tmp_path, shared_central, proxy.url)
    headless = build_sync_service(config, enrolment, key, SystemClock(), net_root)
    headless.start()
    eventually(lambda: headless.status().role == SyncRole.SYNCING)
    eventually(lambda: headless.status().last_success_at is not None)
    app = build_terminal_queue(config, enrolment, key, SystemClock(), link_root=net_root)
    try:
        app.outbox.complain(street_light_complaint())  # the app queues; the holder drains
        app.sync.start()
        eventually(lambda: app.sync.status().role == SyncRole.OBSERVING)
        # It reads what the holder recorded: the same probe, the same last success.
        assert app.sync.status().last_success_at == headless.status().last_success_at
        assert app.sync.status().online is True
        headless.sync_now()
        eventually(lambda: headless.status().pending == 0)
        headless.stop()  # the holder goes away: the app takes over
        app.outbox.complain(street_light_complaint())
        app.sync.sync_now()
        eventually(lambda: app.sync.status().role == SyncRole.SYNCING)
        eventually(lambda: app.sync.status().pending == 0)
    finally:
        app.close()
        headless.stop()
    lock = SyncLock(config.terminal.data_dir / "sync.lock")
    lock.acquire()  # both let go of it
    lock.release()


def test_the_technician_retries_a_dead_letter_through_the_service(
    kiosk: TerminalQueue, shared_central: CentralHandle
):
    new_code = "000113009900"
    entry = kiosk.outbox.submit(low_income_application(5, item_code=new_code), PAGES[:1])
    kiosk.sync.start()
    eventually(lambda: kiosk.sync.status().dead_letters == 1)
    [dead] = kiosk.sync.dead_letters()
    assert dead.receipt_no == entry.receipt_no and "unknown" in dead.reason
    assert kiosk.outbox.entry(entry.receipt_no or "").state == LocalState.DEAD  # type: ignore[union-attr]
    # The province publishes the item; the technician retries the record.
    catalog = json.loads((REPO_ROOT / "central/seed/catalog.json").read_text(encoding="utf-8"))
    item = copy.deepcopy(next(i for i in catalog["items"] if i["code"] == "000113001000"))
    shared_central.update_item({**item, "code": new_code})
    assert kiosk.sync.retry_dead_letters(dead.record_id) == 1
    eventually(lambda: kiosk.sync.status().dead_letters == 0 and kiosk.sync.status().pending == 0)
    delivered = kiosk.outbox.entry(entry.receipt_no or "")
    assert delivered is not None and delivered.state == LocalState.DELIVERED


def test_a_cycle_that_breaks_on_this_terminal_is_reported_and_the_next_one_delivers(
    kiosk: TerminalQueue, shared_central: CentralHandle, monkeypatch: pytest.MonkeyPatch
):
    """A full or locked disk while settling (or any bug in a cycle) must not end the sync
    thread: the kiosk would go out of service and nothing would be sent again."""
    settle, broken = Outbox.settle, threading.Event()

    def full_disk_once(self: Outbox, settlements: list[Settlement]) -> None:
        if not broken.is_set():
            broken.set()
            raise sqlite3.OperationalError("database or disk is full")
        settle(self, settlements)

    monkeypatch.setattr(Outbox, "settle", full_disk_once)
    kiosk.outbox.evaluate(rating("F3K9P-0001-7"))
    kiosk.outbox.complain(street_light_complaint(), VILLAGER.masked_name)
    kiosk.sync.start()
    eventually(lambda: "OperationalError" in kiosk.sync.status().last_error)
    assert "本机同步出错" in kiosk.sync.status().last_error
    assert kiosk.sync.status().pending == 2
    kiosk.sync.sync_now()  # the next cycle (the claims were handed back with a short delay)
    eventually(lambda: kiosk.sync.status().pending == 0, timeout_s=90)
    assert kiosk.sync.status().role == SyncRole.SYNCING  # the thread lives on
    assert kiosk.sync.status().last_error == ""
    db = platform_db(shared_central)
    signer = kiosk.sync.client.signer
    assert signer is not None
    kinds = db.execute(
        "SELECT kind, COUNT(*) FROM records WHERE terminal_id = ? GROUP BY kind",
        (signer.terminal_id,),
    ).fetchall()
    db.close()
    assert sorted(kinds) == [("complaint", 1), ("evaluation", 1)]  # each once


def test_liveness_comes_from_the_loops_progress_and_stops_while_an_exchange_hangs(
    kiosk: TerminalQueue, proxy: FaultProxy
):
    """The headless service's watchdog pings (kiosk-sync.service) are the loop's own
    progress: a probe that never returns stops them, so systemd would restart the service;
    when the exchange ends (here, the read timeout), they come back."""
    calls: list[float] = []
    kiosk.sync.alive = lambda: calls.append(0.0)
    proxy.add(Fault.stall(match="GET /v1/health", times=1))
    kiosk.sync.start()
    eventually(lambda: "GET /v1/health" in proxy.seen)
    before = len(calls)
    threading.Event().wait(1.0)  # half the read timeout: the probe is still hanging
    assert len(calls) == before  # not one ping while the exchange hangs
    eventually(lambda: len(calls) > before + 3)  # the timeout ends it, the loop ticks again
    assert "平台无法连接" in kiosk.sync.status().last_error

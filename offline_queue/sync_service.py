"""The sync service: one loop that keeps the outbox flowing, inside the app and headless.

Each cycle, on the service's own thread:
1. take the sync lock if nobody holds it (the headless service may: then this process only
   observes, reading the stats and what the holder recorded, and tries the lock again later);
2. probe `GET /v1/health` (the platform itself, never the OS's idea of "online");
3. when the platform answers: drain the outbox, then run the pulls that are due (notices,
   case statuses); record the last success or the last error in `sync_state`, so the
   headless process and the UI show the same;
4. purge old receipt stubs, and publish a status snapshot to subscribers.
Cycles come every `probe_interval_s`, at once on `sync_now()`, and early when the OS's
interfaces or routes change (a change only brings the probe forward).

Liveness: `alive` (systemd's watchdog ping in the headless service) is called on each tick of
the wait, after each batch and after every exchange with the platform, never from a timer of
its own: a cycle stuck anywhere (a deadlock, a request that never returns) stops the calls,
and systemd restarts the service.

Threads: `start()` runs the loop on a thread of its own; `run()` runs it on the caller's
(the headless service). Subscribers are called on the loop's thread. `status()` may be called
from any thread; `dead_letters()` and `retry_dead_letters()` use a connection of their own,
one call at a time, from any thread.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Protocol, TypeVar

from kiosk.errors import PlatformError
from kiosk.ports.clock import Clock
from kiosk.ports.device import Unsubscribe
from kiosk.ports.sync import DeadLetter, StatusListener, SyncRole, SyncStatus
from offline_queue.link_watch import LinkWatcher
from offline_queue.platform_client import PlatformClient
from offline_queue.store import Outbox
from offline_queue.sync import CHUNK, SyncEngine, SyncReport
from offline_queue.sync_lock import SyncLock, SyncLockHeld

log = logging.getLogger("offline_queue.sync")

T = TypeVar("T")
OpenOutbox = Callable[[bool], Outbox]  # shared=True: usable from several threads, serialised


@dataclass(frozen=True)
class SyncSettings:
    probe_interval_s: float = 30.0
    link_poll_s: float = 2.0
    batch: int = 50
    chunk: int = CHUNK


class PullTask(Protocol):
    """Something fetched from the platform on the sync loop (notices, case statuses)."""

    name: str
    interval_s: float

    def pull(self, outbox: Outbox) -> None:
        """On the sync thread, only after a successful probe. Raises PlatformError."""
        ...


def _ms_to_dt(value: str | None) -> datetime | None:
    return datetime.fromtimestamp(int(value) / 1000, UTC) if value and value.isdigit() else None


class SyncService:
    def __init__(
        self,
        open_outbox: OpenOutbox,
        client: PlatformClient,
        lock: SyncLock,
        clock: Clock,
        settings: SyncSettings | None = None,
        link: LinkWatcher | None = None,
        pulls: Sequence[PullTask] = (),
        rng: Callable[[], float] | None = None,
        alive: Callable[[], object] | None = None,
    ) -> None:
        self._open, self.client, self._lock, self.clock = open_outbox, client, lock, clock
        self.alive = alive or (lambda: None)
        client.on_exchange = self._progress
        self.settings = settings or SyncSettings()
        self._link, self._pulls, self._rng = link, list(pulls), rng
        self._status = SyncStatus()
        self._listeners: list[StatusListener] = []
        self._listeners_lock = threading.Lock()
        self._wake, self._stop = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None
        self._holding = False
        self._next_pull: dict[str, float] = {}
        self._control: Outbox | None = None
        self._control_lock = threading.Lock()

    # --- any thread ---------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        return self._status

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        with self._listeners_lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._listeners_lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def sync_now(self) -> None:
        self._wake.set()

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self.run, name="sync-service", daemon=True)
            self._thread.start()

    def stop(self, timeout_s: float = 30.0) -> None:
        """Ends the loop after the request in flight (bounded by the client's timeouts)."""
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout_s)
        with self._control_lock:
            if self._control is not None:
                self._control.close()
                self._control = None

    def _with_control(self, work: Callable[[Outbox], T]) -> T:
        with self._control_lock:
            if self._control is None:
                self._control = self._open(True)
            return work(self._control)

    def dead_letters(self) -> list[DeadLetter]:
        def read(box: Outbox) -> list[DeadLetter]:
            return [
                DeadLetter(
                    r.id,
                    r.kind,
                    r.state,
                    r.receipt_no,
                    r.item_name,
                    r.masked_name,
                    datetime.fromtimestamp(r.created_at_ms / 1000, UTC),
                    r.attempts,
                    r.last_error,
                )
                for state in ("dead", "conflict")
                for r in box.records(state)
            ]

        return self._with_control(read)

    def retry_dead_letters(self, record_id: str | None = None) -> int:
        count = self._with_control(lambda box: box.requeue(record_id))
        log.info("technician requeued %s dead letter(s)", count)
        self.sync_now()
        return count

    # --- the loop's thread --------------------------------------------------------------------

    def run(self, once: bool = False) -> None:
        """Cycles until stop() (or one cycle when `once`), then lets go of the lock."""
        box = self._open(False)
        engine = SyncEngine(
            box, self.client, self.settings.batch, self.settings.chunk, self._rng or random.random
        )
        try:
            while not self._stop.is_set():
                try:
                    self._cycle(box, engine)
                except Exception as exc:  # the loop must outlive any one cycle
                    self._cycle_failed(box, exc)
                if once:
                    return
                self._wait()
        finally:
            if self._holding:
                self._lock.release()
                self._holding = False
            box.close()
            self._publish(replace(self._status, role=SyncRole.STOPPED))

    def _progress(self) -> None:
        self.alive()  # looked up at each call: the headless service sets it after building

    def _cycle_failed(self, box: Outbox, exc: Exception) -> None:
        """A fault of this terminal, not of the link (a locked or full disk, a bug): said to
        the technician and tried again at the next probe. Claims it held come back when their
        lease runs out; nothing is lost. Its message names no person (sqlite's, the OS's)."""
        log.error("sync cycle failed: %s", type(exc).__name__, exc_info=exc)
        why = f"本机同步出错（{type(exc).__name__}），会自动重试；一直出现请检查磁盘空间"
        try:
            status = self._snapshot(box)
        except Exception:  # the same fault: what was last known stands
            status = self._status
        self._publish(replace(status, last_error=why))

    def _wait(self) -> None:
        deadline = self.clock.monotonic() + self.settings.probe_interval_s
        while not self._stop.is_set():
            self._progress()
            remaining = deadline - self.clock.monotonic()
            if remaining <= 0:
                return
            if self._wake.wait(min(remaining, self.settings.link_poll_s)):
                self._wake.clear()
                return
            if self._link is not None and self._link.changed():
                log.info("network interfaces or routes changed: probing the platform now")
                return

    def _cycle(self, box: Outbox, engine: SyncEngine) -> None:
        if not self._holding:
            try:
                self._lock.acquire()
            except SyncLockHeld:
                pass
            else:
                self._holding = True
                box.recover()
        if self._holding:
            self._sync(box, engine)
            box.purge_stubs()
        self._publish(self._snapshot(box))

    def _sync(self, box: Outbox, engine: SyncEngine) -> None:
        now_ms = str(int(self.clock.now().timestamp() * 1000))
        error = ""
        try:
            self.client.health()
            online = True
        except PlatformError as exc:
            online, error = False, f"平台无法连接：{exc.detail}"
        box.set_sync_state("online", "1" if online else "0")
        box.set_sync_state("probed_at_ms", now_ms)
        if online:
            report = self._drain(engine)
            if report.delivered or report.dead or report.conflicts:
                log.info(
                    "sync: %d delivered, %d dead, %d conflicts",
                    report.delivered,
                    report.dead,
                    report.conflicts,
                )
            error = report.stopped
            error = error or self._run_pulls(box)
            if not error:
                box.set_sync_state("last_success_ms", now_ms)
        if error:
            log.info("sync: %s", error)
        box.set_sync_state("last_error", error)
        box.set_sync_state("clock_offset_ms", str(self.client.clock_offset_ms))

    def _drain(self, engine: SyncEngine) -> SyncReport:
        total = SyncReport()
        while not self._stop.is_set():
            report = engine.run_once()
            self._progress()
            total.delivered += report.delivered
            total.dead += report.dead
            total.conflicts += report.conflicts
            total.stopped = report.stopped
            if report.stopped or not (report.delivered or report.dead or report.conflicts):
                break
        return total

    def _run_pulls(self, box: Outbox) -> str:
        for task in self._pulls:
            now = self.clock.monotonic()
            if self._next_pull.get(task.name, now) > now:
                continue
            try:
                task.pull(box)
            except PlatformError as exc:
                return f"{task.name}: {exc.detail}"
            self._next_pull[task.name] = now + task.interval_s
        return ""

    def _snapshot(self, box: Outbox) -> SyncStatus:
        stats, state = box.stats(), box.sync_state()
        online = state.get("online")
        return SyncStatus(
            role=SyncRole.SYNCING if self._holding else SyncRole.OBSERVING,
            online=None if online is None else online == "1",
            probed_at=_ms_to_dt(state.get("probed_at_ms")),
            pending_by_kind=dict(stats.pending_by_kind),
            bytes_pending=stats.bytes_pending,
            oldest_pending_age_s=stats.oldest_pending_age_s,
            last_success_at=_ms_to_dt(state.get("last_success_ms")),
            last_error=state.get("last_error", ""),
            dead_letters=stats.dead,
            conflicts=stats.conflicts,
            clock_offset_ms=int(state.get("clock_offset_ms", "0") or 0),
            warning=stats.warning,
            refusing=stats.refusing,
        )

    def _publish(self, status: SyncStatus) -> None:
        changed, self._status = status != self._status, status
        if not changed:
            return
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(status)
            except Exception:  # a screen's bug must not stop the sync
                log.exception("a sync status listener failed")

"""A simulated fleet: terminals as threads, each made of the real parts.

Each SimulatedTerminal enrols with the real reference platform (its own Ed25519 key, signing
every request through the real PlatformClient); keeps a real Outbox in its own data dir, synced
by the real SyncService on its own thread; has a real EscposReceiptPrinter talking to its own
ESC/POS emulator over TCP and a SimulatedCamera; and runs the HeartbeatService and
CommandRunner the composition root builds (kiosk.app.build_heartbeat), with the audit log and
command journal on disk, ticking from its own thread like the kiosk's timer.

The test reaches into a terminal with `call(fn)`, which runs on the terminal's thread (its own
SQLite connection to the outbox stays there).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from devices.emulators.escpos_printer import EscposPrinterEmulator, PaperState
from devices.escpos_printer import escpos_printer_from_config
from devices.simulated_camera import SimulatedCamera
from kiosk.app import build_heartbeat
from kiosk.config import Config, LoggingConfig, PlatformConfig, TerminalConfig
from kiosk.ports.clock import Clock, SystemClock
from kiosk.services.catalog import CatalogService
from kiosk.services.heartbeat import HeartbeatService, HeartbeatSettings, PolledDevices
from offline_queue.catalog_cache import JsonCatalogCache
from offline_queue.credentials import Credentials
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.records import NewRecord
from offline_queue.store import Outbox, open_terminal_outbox
from offline_queue.sync_service import SyncService
from offline_queue.terminal import build_sync_service
from tests.offline_queue.realistic import submission
from tests.support.central import CentralHandle

T = TypeVar("T")


def application(n: int) -> NewRecord:
    """A 低保 application without pages, as the kiosk queues it."""
    return submission(n, pages=0)


class SkewedClock:
    """The terminal's own wall clock, set wrong by `offset`; monotonic time is unaffected."""

    def __init__(self, offset: timedelta) -> None:
        self.offset, self._system = offset, SystemClock()

    def now(self) -> datetime:
        return self._system.now() + self.offset

    def monotonic(self) -> float:
        return self._system.monotonic()


@dataclass
class Parts:
    client: PlatformClient
    outbox: Outbox  # this thread's own connection, for the test's enqueues and reads
    sync: SyncService
    heartbeat: HeartbeatService
    terminal_id: str


@dataclass
class SimulatedTerminal:
    central: CentralHandle
    data_dir: Path
    hall_code: str
    settings: HeartbeatSettings
    tick_s: float = 1.0
    clock: Clock = field(default_factory=SystemClock)
    grow_backlog: bool = False  # queue one more record before every tick; sync cannot reach
    probe_interval_s: float = 30.0
    printer: EscposPrinterEmulator = field(default_factory=EscposPrinterEmulator)
    parts: Parts | None = None
    error: BaseException | None = None

    def __post_init__(self) -> None:
        self._calls: queue.Queue[tuple[Callable[[Parts], Any], Future[Any]]] = queue.Queue()
        self._stop = threading.Event()
        self.silenced = threading.Event()  # no more heartbeats: power cut, link gone
        self.ready = threading.Event()
        self._code = self.central.new_enrolment_code(self.hall_code)
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def terminal_id(self) -> str:
        if self.parts is None:
            raise RuntimeError("terminal not started")
        return self.parts.terminal_id

    def start(self) -> None:
        self.printer.start()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._calls.put((lambda _p: None, Future()))
        self._thread.join(30)
        self.printer.stop()

    def call(self, fn: Callable[[Parts], T], timeout_s: float = 60) -> T:
        """Runs `fn` on the terminal's own thread and returns its result."""
        done: Future[T] = Future()
        self._calls.put((fn, done))
        return done.result(timeout_s)

    def set_paper(self, state: PaperState) -> None:
        self.printer.set_state(state)

    def _build(self) -> Parts:
        data = self.data_dir
        client = PlatformClient(self.central.base_url, 5.0, 20.0)
        creds = Credentials(data / "keys")
        enrolment = creds.enrolment() or creds.save_enrolment(
            client.enrol(self._code, creds.public_key_b64(), "0.1.0")
        )
        client.signer = Signer(enrolment.terminal_id, creds.key())
        # The growing terminal's sync is misrouted (a port nobody listens on): records pile
        # up while its heartbeat still gets through.
        sync_url = "http://127.0.0.1:9" if self.grow_backlog else self.central.base_url
        config = Config(
            terminal=TerminalConfig(data_dir=data),
            platform=PlatformConfig(base_url=sync_url, probe_interval_s=self.probe_interval_s),
            logging=LoggingConfig(dir=data / "logs"),
        )
        (data / "no-links").mkdir(exist_ok=True)
        sync = build_sync_service(config, enrolment, creds.key(), self.clock, data / "no-links")
        outbox = open_terminal_outbox(
            data, enrolment.seal_public_key, enrolment.terminal_id, self.clock
        )
        host, port = self.printer.address
        printer = escpos_printer_from_config(
            {"transport": "network", "host": host, "port": port, "timeout_s": 2.0}
        )
        camera = SimulatedCamera([np.zeros((48, 64, 3), np.uint8)])
        camera.open()
        heartbeat = build_heartbeat(
            config,
            client,
            enrolment,
            self.clock,
            PolledDevices({"camera": camera.status, "printer": printer.status}),
            sync,
            CatalogService(client, JsonCatalogCache(data / "catalog.json"), self.clock),
            sync.retry_dead_letters,
        )
        heartbeat.settings = self.settings
        # One real record, delivered by the sync service, so "last sync" is a real sync.
        outbox.enqueue(application(0))
        sync.start()
        deadline = self.clock.monotonic() + 60
        while not (sync.status().last_success_at or sync.status().last_error):
            if self.clock.monotonic() > deadline:
                raise RuntimeError("the sync service never finished its first run")
            threading.Event().wait(0.05)
        return Parts(client, outbox, sync, heartbeat, enrolment.terminal_id)

    def _run(self) -> None:
        parts = None
        try:
            parts = self.parts = self._build()
            if parts.heartbeat.tick() is None:
                raise RuntimeError("the first tick did not beat")
            self.ready.set()
            n = 0
            while not self._stop.is_set():
                try:
                    fn, done = self._calls.get(timeout=self.tick_s)
                    if not done.set_running_or_notify_cancel():
                        continue
                    try:
                        done.set_result(fn(parts))
                    except Exception as exc:  # handed to the test thread that asked
                        done.set_exception(exc)
                    continue
                except queue.Empty:
                    pass
                if self.silenced.is_set():
                    continue
                if self.grow_backlog:
                    n += 1
                    parts.outbox.enqueue(application(n))
                    parts.sync.sync_now()  # its status follows the outbox
                parts.heartbeat.tick()
        except BaseException as exc:
            self.error = exc
            self.ready.set()
            raise
        finally:
            if parts is not None:
                parts.sync.stop()
                parts.outbox.close()
                parts.client.close()

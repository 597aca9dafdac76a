"""The composition root: the only place that chooses implementations and wires them together.

Order matters: config first (a bad config shows the out-of-service screen and nothing else
starts), then logging, then the platform client and credentials, services, and the UI.
"""

from __future__ import annotations

import logging
import sys
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QMetaObject, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from devices.camera.document_scanner import OpenCvDocumentScanner
from devices.camera.qr import decode_qr
from devices.face.liveness import HeadTurnChallenge
from devices.registry import FACE_READY, KioskDevices, build_devices
from devices.self_tests import DeviceSelfTests
from kiosk.config import Config, check_platform_url, load_config
from kiosk.errors import ConfigError, KioskError, PlatformError
from kiosk.log import setup_logging
from kiosk.ops.layout import DataLayout
from kiosk.ops.restarts import RestartCounter
from kiosk.ops.sd_notify import Notifier
from kiosk.ops.settings_store import TomlSettings
from kiosk.ops.terminal_control import SystemdTerminalControl
from kiosk.ops.updates import UpdateInbox, load_release_keys, report_healthy
from kiosk.ports.clock import Clock, SystemClock
from kiosk.ports.health import BacklogSource, DeviceHealthSource
from kiosk.ports.outbox import Outbox
from kiosk.ports.printer import ReceiptPrinter
from kiosk.ports.sync import SyncStatus
from kiosk.services.agent import AgentDesk
from kiosk.services.apply import ApplyService
from kiosk.services.appointments import AppointmentService
from kiosk.services.catalog import CatalogService, CatalogView
from kiosk.services.complaints import ComplaintDesk
from kiosk.services.device_health import DeviceHealth
from kiosk.services.evaluation import EvaluationService
from kiosk.services.guide import GuideService
from kiosk.services.heartbeat import HeartbeatService
from kiosk.services.identify import IdentifyService
from kiosk.services.notices import NoticeReader
from kiosk.services.operators import OperatorSignIn
from kiosk.services.platform_commands import CommandRunner
from kiosk.services.progress import ProgressService
from kiosk.services.session import Session
from kiosk.services.slips import SlipPrinting
from kiosk.services.tech_carry import CarryTools, RelayTools
from kiosk.services.tech_config import ConfigTools
from kiosk.services.tech_logs import LogTools
from kiosk.services.tech_network import NetworkCheck
from kiosk.services.tech_provision import ProvisionTools
from kiosk.services.tech_selftest import SelfTestTools
from kiosk.services.technician import TechnicianDesk
from kiosk.services.tickets import TicketService
from kiosk.version import VERSION
from offline_queue.agent_worklist import PlatformAgentCases
from offline_queue.audit import open_terminal_audit
from offline_queue.bundle_export import OutboxBundles
from offline_queue.bundle_relay import PlatformBundleRelay
from offline_queue.catalog_cache import JsonCatalogCache
from offline_queue.command_journal import open_terminal_journal
from offline_queue.credentials import Credentials, Enrolment
from offline_queue.hall_desk import PlatformHallDesk
from offline_queue.heartbeat import DataDirDisk, LogUploader, TerminalCommandHandlers
from offline_queue.log_export import FileLogStore
from offline_queue.network_probe import PlatformNetworkProbe
from offline_queue.operators_cache import open_failure_store, open_operator_directory
from offline_queue.payments import PlatformPayments
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.provisioning import PlatformProvisioner
from offline_queue.removable_media import MountedMedia
from offline_queue.terminal import (
    TerminalQueue,
    build_terminal_queue,
    notice_feed,
    outbox_opener,
    signed_client,
)
from offline_queue.ticket_counter import JsonTicketCounter
from ui.bridge import DeviceBridge
from ui.context import Services, UiContext, UiSettings
from ui.garbage import GuiThreadCollector
from ui.i18n import Translator
from ui.keyboard import apply_input_method_environment
from ui.main_window import FallbackWindow, MainWindow
from ui.session_watch import Defaults
from ui.theme import Theme
from ui.voice import Prompter
from ui.workers import Workers

log = logging.getLogger("kiosk")


@dataclass
class Kiosk:
    """Everything the running kiosk is made of, so tests can reach the parts."""

    config: Config
    window: MainWindow
    ctx: UiContext
    workers: Workers
    client: PlatformClient
    catalog: CatalogService
    credentials: Credentials
    clock: SystemClock
    timers: list[QTimer]
    queue: TerminalQueue | None = None  # the offline queue, once enrolled
    reported_healthy: bool = False
    heartbeat: HeartbeatService | None = None  # health reports to the platform, once enrolled
    devices: KioskDevices = field(default_factory=KioskDevices)  # what [devices.*] chose
    health: DeviceHealth = field(default_factory=DeviceHealth)  # their statuses, any thread
    payments: PlatformPayments | None = None  # payment orders, on a client of their own
    awaiting_enrolment: bool = False  # out of service until enrolled (no code configured)

    def start_queue(self, enrolment: Enrolment) -> None:
        """GUI thread, once enrolled: the sync service starts on its own thread; the home
        screen's network indicator follows its probes of the platform (queued to this thread)."""
        if self.queue is not None:
            return
        self.queue = build_terminal_queue(
            self.config, enrolment, self.credentials.key(), self.clock
        )
        relay = _SyncRelay(self.window)
        self.queue.sync.subscribe(relay.status.emit)  # emitted on the sync thread
        if self.ctx.services.technician is not None:
            self.ctx.services.technician.attach_sync(self.queue.sync)
            attach_carry(
                self.ctx.services.technician, self.config, enrolment, self.credentials, self.clock
            )
        complaints = self.ctx.services.complaints
        if complaints is not None:  # 咨询投诉 is offered from now on (its home tile shows)
            sync = self.queue.sync
            complaints.attach_outbox(self.queue.outbox, lambda: sync.status().online)
        self.queue.sync.start()
        add_journey_services(
            self.ctx.services,
            self.config,
            enrolment,
            self.credentials,
            self.queue,
            self.clock,
            self.devices.printer,
        )
        self.window.home.layout_tiles()  # the journeys' tiles (and 咨询投诉) show from now on
        self.payments = PlatformPayments(
            signed_client(self.config, enrolment, self.credentials.key())
        )
        self._start_heartbeat(enrolment)

    def _start_heartbeat(self, enrolment: Enrolment) -> None:
        """GUI thread: the heartbeat is due-checked every 30 s on a worker; it beats at start,
        on its schedule and soon after a change (HeartbeatService decides)."""
        assert self.queue is not None
        sync = self.queue.sync
        heartbeat = build_heartbeat(
            self.config,
            self.client,
            enrolment,
            self.clock,
            self.health,
            sync,
            self.catalog,
            sync.retry_dead_letters,
        )
        self.heartbeat = heartbeat
        self.health.subscribe(lambda _name, _status: heartbeat.notify_changed())  # any thread
        health = self.health

        def tick() -> object:
            health.refresh()  # a printer says how its paper is only when asked
            return heartbeat.tick()

        timer = QTimer(self.window)
        timer.timeout.connect(lambda: self.workers.run(tick, _ignore, _log_failure))
        timer.start(30_000)
        self.timers.append(timer)
        self.workers.run(tick, _ignore, _log_failure)

    def close(self) -> None:
        """At exit: stop the sync loop (after the request in flight) and close the queue,
        then the devices' threads."""
        if self.queue is not None:
            self.queue.close()
            self.queue = None
        self.health.close()
        self.devices.close()
        if self.payments is not None:
            self.payments.close()
            self.payments = None

    def _healthy(self) -> None:
        """The home screen is up, with the platform's data or the cached view: this build
        works. The updater's health check (kiosk/ops/releases.py) waits for this report."""
        if not self.reported_healthy:
            self.reported_healthy = True
            report_healthy(DataLayout(self.config.terminal.data_dir).health, VERSION, self.clock)

    def ensure_enrolled(self) -> Enrolment:
        """Worker thread: enrol with the configured code on first start."""
        enrolment = self.credentials.enrolment()
        if enrolment is None:
            code = self.config.terminal.enrolment_code
            if not code:
                raise ConfigError("terminal.enrolment_code: this terminal is not enrolled yet")
            reply = self.client.enrol(code, self.credentials.public_key_b64(), VERSION)
            enrolment = self.credentials.save_enrolment(reply)
            log.info("enrolled as terminal %s", enrolment.terminal_id)
        self.client.signer = Signer(enrolment.terminal_id, self.credentials.key())
        return enrolment

    def refresh(self) -> None:
        """GUI thread: start an enrolment check and catalog refresh in the background."""

        def work() -> tuple[Enrolment, CatalogView]:
            enrolment, view = self.ensure_enrolled(), self.catalog.refresh()
            guide = self.ctx.services.guide
            if guide is not None:  # its search index is rebuilt here, if the items changed
                guide.update(view)
            return enrolment, view

        self.workers.run(work, self._refreshed, self._refresh_failed)
        if self.queue is not None:
            self.queue.sync.sync_now()

    def _show_catalog_state(self, view: CatalogView) -> None:
        home = self.window.home
        home.set_network(view.fresh)
        if view.fresh:
            home.set_catalog_note(None)
        elif not view.catalog.items:
            home.set_catalog_note("home.no_catalog")
        else:
            age = view.age_minutes(self.clock.now())
            home.set_catalog_note("home.catalog_age", minutes=age if age is not None else "?")

    def _refreshed(self, result: tuple[Enrolment, CatalogView]) -> None:
        enrolment, view = result
        self.start_queue(enrolment)
        settings = self.ctx.settings
        settings.hall_name = str(enrolment.hall.get("name", ""))
        settings.hall_code = str(enrolment.hall.get("code", ""))
        settings.terminal_id = enrolment.terminal_id
        self.window.home.set_hall(settings.hall_name)
        if self.awaiting_enrolment:  # enrolled now, by the technician's 登记新终端
            self.awaiting_enrolment = False
            self.window.show_service()
        self._show_catalog_state(view)
        self._healthy()

    def _refresh_failed(self, exc: Exception) -> None:
        if isinstance(exc, ConfigError):
            self.awaiting_enrolment = True
            self.window.show_out_of_service(exc.detail, self.config.ui.service_phone)
            return
        if isinstance(exc, PlatformError):  # not enrolled and platform down: cached view only
            log.warning("platform unavailable: %s", exc.detail)
            self._show_catalog_state(self.catalog.cached())
            self._healthy()
            return
        log.error("refresh failed: %s", type(exc).__name__, exc_info=exc)
        self.window.show_out_of_service(type(exc).__name__, self.config.ui.service_phone)


def _ignore(_result: object) -> None:
    pass


def _log_failure(exc: Exception) -> None:
    log.warning("heartbeat failed: %s", type(exc).__name__)


class _SyncRelay(QObject):
    """Carries the sync service's status from its thread to the GUI thread (a queued
    connection, because the relay lives on the GUI thread and emits from another)."""

    status = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.status.connect(self._show)

    @Slot(object)
    def _show(self, status: SyncStatus) -> None:
        self._window.home.set_network(status.online)


def add_journey_services(
    services: Services,
    config: Config,
    enrolment: Enrolment,
    credentials: Credentials,
    queue: TerminalQueue,
    clock: Clock,
    printer: ReceiptPrinter | None = None,
) -> None:
    """The journeys that need an enrolled terminal and its queue: progress, appointments and
    queue tickets, evaluation. Without a printer, slips are shown on screen as a QR code."""
    hall = str(enrolment.hall.get("code", ""))
    desk = PlatformHallDesk(signed_client(config, enrolment, credentials.key()))
    counter = JsonTicketCounter(config.terminal.data_dir / "tickets.json")
    services.progress = ProgressService(queue.cases, queue.outbox, decode_qr)
    services.tickets = TicketService(
        desk, counter, clock, hall, enrolment.terminal_id, lambda: str(uuid.uuid4())
    )
    online = lambda: queue.sync.status().online  # noqa: E731 - the last probe, never blocks
    services.appointments = AppointmentService(desk, queue.outbox, clock, hall, online)
    services.evaluation = EvaluationService(queue.outbox, hall, online)
    services.slips = None if printer is None else SlipPrinting(printer)


class QuietWhenNoVisit:
    """The updater's QuietMoment (kiosk/ops/updates.py): nobody in a visit, and nobody for
    `settle_s` since the last one ended, so a person who stepped away to fetch a document, or
    the next one in line, does not meet a restarting screen."""

    def __init__(self, session: Session, settle_s: float = 120.0) -> None:
        self.session, self.settle_s = session, settle_s

    def is_quiet(self) -> bool:
        return not self.session.active and self.session.quiet_for_s() >= self.settle_s


def offer_staged_update(kiosk: Kiosk, quiet: QuietWhenNoVisit) -> None:
    """GUI thread, on a timer: when an update is staged and nobody is in a visit, ask root to
    switch to it (it restarts this session). The file work runs on a worker."""
    if not quiet.is_quiet():
        return
    inbox = UpdateInbox(DataLayout(kiosk.config.terminal.data_dir).updates)

    def work() -> bool:
        keys_file = kiosk.config.updates.release_keys_file
        staged = inbox.staged(load_release_keys(keys_file)) if keys_file.is_file() else None
        return staged is not None and inbox.request_apply(
            staged.manifest.version, quiet, kiosk.clock
        )

    def done(asked: bool) -> None:
        if asked:
            log.info("update: switch requested at a quiet moment")

    kiosk.workers.run(work, done, lambda exc: log.warning("update offer failed: %r", exc))


def _install_excepthooks(window: MainWindow, phone: str) -> None:
    def handle(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error: %s", kind.__name__, exc_info=(kind, exc, tb))
        reason = exc.detail if isinstance(exc, KioskError) else kind.__name__
        QTimer.singleShot(0, lambda: window.show_out_of_service(reason, phone))

    sys.excepthook = handle
    threading.excepthook = lambda args: handle(
        args.exc_type, args.exc_value or Exception(), args.exc_traceback
    )


def build(app: QApplication, config_path: Path | None) -> Kiosk | FallbackWindow:
    """Returns the running Kiosk, or just the out-of-service window when the config is bad."""
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        try:  # the technician's settings may have been made for a file that changed since
            config = load_config(config_path, settings={})
        except ConfigError:
            Theme(app, elderly=True)
            return FallbackWindow(exc.detail, "12345")
        log.error("the technician's settings are not used: %s", exc.detail)
    setup_logging(config.logging)
    data = config.terminal.data_dir
    clock = SystemClock()
    tr = Translator(config.terminal.language)
    theme = Theme(app, config.ui.elderly_mode, right_to_left=tr.right_to_left)
    client = PlatformClient(
        config.platform.base_url,
        config.platform.connect_timeout_s,
        config.platform.read_timeout_s,
        config.platform.ca_file,
    )
    catalog = CatalogService(client, JsonCatalogCache(data / "catalog.json"), clock)
    workers = Workers()
    devices, health = build_kiosk_devices(config)
    signin = build_operator_signin(config, client, clock)
    settings = UiSettings(service_phone=config.ui.service_phone)
    ctx = UiContext(
        tr=tr,
        theme=theme,
        session=Session(
            clock, config.ui.idle_timeout_s, config.ui.idle_warning_s, config.ui.card_grace_s
        ),
        voice=Prompter(devices.voice, tr, enabled=config.ui.voice_prompts),
        workers=workers,
        clock=clock,
        settings=settings,
        services=Services(
            catalog=catalog,
            guide=GuideService(catalog),
            technician=build_technician_desk(
                config,
                client,
                clock,
                signin,
                devices,
                config_path=config_path,
                restart=lambda: _quit(app),
            ),
            agent=build_agent_desk(config, client, clock, signin, devices.printer),
            identify=IdentifyService(clock, devices.face, HeadTurnChallenge),
            complaints=ComplaintDesk(
                clock, devices.printer, lambda: settings.terminal_id, lambda: settings.hall_name
            ),
            # Reads the cache the sync loop's own feed keeps (never the network), so the
            # notices are there before enrolment and offline.
            notices=NoticeReader(notice_feed(config, client, clock), clock),
        ),
        devices=DeviceBridge(workers, devices.card_readers, devices.camera),
    )
    kiosk_ref: list[Kiosk] = []  # the apply service reads the queue once the kiosk has one
    ctx.services.apply = build_apply_service(catalog, clock, ctx.settings, kiosk_ref)
    ctx.services.apply.printer = devices.printer
    defaults = Defaults(config.terminal.language, config.ui.elderly_mode, config.ui.voice_prompts)
    window = MainWindow(ctx, defaults)
    _install_excepthooks(window, config.ui.service_phone)
    kiosk = Kiosk(
        config,
        window,
        ctx,
        workers,
        client,
        catalog,
        Credentials(data / "keys"),
        clock,
        [],
        devices=devices,
        health=health,
    )
    # Readers and voice start their own threads; a reader that is not there yet keeps
    # retrying on its thread, so nothing here waits for hardware.
    workers.run(devices.open, _ignore, lambda exc: log.error("devices: %s", type(exc).__name__))
    kiosk_ref.append(kiosk)
    tick = QTimer(window)
    tick.timeout.connect(lambda: window.home.set_time(clock.now().astimezone()))
    tick.start(1000)
    probe = QTimer(window)
    probe.timeout.connect(kiosk.refresh)
    probe.start(int(config.platform.probe_interval_s * 1000))
    updates = QTimer(window)
    quiet = QuietWhenNoVisit(ctx.session)
    updates.timeout.connect(lambda: offer_staged_update(kiosk, quiet))
    updates.start(60_000)
    kiosk.timers += [tick, probe, updates]
    window.home.set_time(clock.now().astimezone())
    kiosk.refresh()
    return kiosk


def start_liveness(app: QApplication, notifier: Notifier) -> QTimer | None:
    """READY=1 once the event loop runs, then WATCHDOG=1 from a timer on that same loop: if
    the GUI thread blocks or dies, the pings stop and systemd restarts the session."""
    QTimer.singleShot(0, lambda: notifier.ready("home screen shown"))
    interval = notifier.ping_interval_s
    if interval is None:
        return None
    timer = QTimer(app)
    # A lambda, not the bound method: PySide holds bound methods of plain objects weakly, and
    # the pings would silently stop once the caller dropped its notifier.
    timer.timeout.connect(lambda: notifier.ping())  # noqa: PLW0108
    timer.start(max(100, int(interval * 1000)))
    return timer


def build_apply_service(
    catalog: CatalogService, clock: Clock, settings: UiSettings, kiosk_ref: list[Kiosk]
) -> ApplyService:
    """The apply journey's service. The outbox and payments exist once the terminal is
    enrolled and its queue runs (looked up at each use); until then a submission is refused in
    plain words. The caller sets the kiosk's receipt printer (`.printer`); without one the
    receipt is shown as a QR on screen, and nothing is lost."""

    def queue() -> TerminalQueue | None:
        return kiosk_ref[0].queue if kiosk_ref else None

    def outbox() -> Outbox | None:
        q = queue()
        return None if q is None else q.outbox

    def online() -> bool:
        q = queue()
        return q is not None and q.sync.status().online is not False

    return ApplyService(
        catalog,
        clock,
        outbox=outbox,
        scanner=OpenCvDocumentScanner(),
        payments=lambda: kiosk_ref[0].payments if kiosk_ref else None,
        terminal=lambda: (settings.terminal_id, settings.hall_name),
        online=online,
        refusing=lambda: (q := queue()) is not None and q.sync.status().refusing,
    )


def build_operator_signin(config: Config, client: PlatformClient, clock: Clock) -> OperatorSignIn:
    """Sign-in against the operator list the sync loop keeps (read only here) and the
    lockouts on disk; technicians' and agents' desks share it."""
    data = config.terminal.data_dir
    return OperatorSignIn(open_operator_directory(client, data), open_failure_store(data), clock)


def _quit(app: QApplication) -> None:
    """From a worker: the event loop ends (queued to the GUI thread), main() closes the queue,
    and systemd starts the kiosk session again (Restart=always)."""
    QMetaObject.invokeMethod(app, "quit", Qt.ConnectionType.QueuedConnection)


def build_technician_desk(
    config: Config,
    client: PlatformClient,
    clock: Clock,
    signin: OperatorSignIn | None = None,
    devices: KioskDevices | None = None,
    config_path: Path | None = None,
    restart: Callable[[], None] | None = None,
) -> TechnicianDesk:
    """The shared sign-in, the audit trail, the maintenance hook and the technician's tools;
    the sync service is attached once the queue runs. The device self-tests need the kiosk's
    own devices (`devices`, or later attach_self_tests): never a second set opened on the
    same hardware."""
    data = config.terminal.data_dir
    desk = TechnicianDesk(
        signin or build_operator_signin(config, client, clock),
        open_terminal_audit(data, clock),
        terminal=SystemdTerminalControl(DataLayout(data), clock),
    )
    p = config.platform
    desk.tools.network = NetworkCheck(
        desk.record,
        PlatformNetworkProbe(p.base_url, p.ca_file, p.connect_timeout_s, p.read_timeout_s, clock),
    )
    credentials = Credentials(data / "keys")
    desk.tools.logs = LogTools(
        desk.record,
        FileLogStore(config.logging.dir, open_terminal_audit(data, clock).path),
        MountedMedia(config.technician.export_dir),
        lambda: _terminal_id(credentials),
        clock,
    )
    settings = TomlSettings(config_path)
    desk.tools.config = ConfigTools(desk.record, settings, restart)
    desk.tools.provision = ProvisionTools(
        desk.record_provisioning,
        PlatformProvisioner(
            credentials,
            p.base_url,
            p.ca_file,
            VERSION,
            check_platform_url,
            lambda url: _save_platform_url(settings, url),
            (p.connect_timeout_s, p.read_timeout_s),
        ),
        restart,
    )
    if devices is not None:
        attach_self_tests(desk, devices, clock)
    return desk


def _save_platform_url(settings: TomlSettings, url: str) -> None:
    settings.save({"platform.base_url": url})


def attach_self_tests(desk: TechnicianDesk, devices: KioskDevices, clock: Clock) -> None:
    """The device self-tests on the kiosk's devices (the same checks as `python -m devices
    diagnose`); call once the devices are built."""
    desk.tools.self_tests = SelfTestTools(
        desk.record, DeviceSelfTests(devices, lambda: clock.now().astimezone())
    )


def attach_carry(
    desk: TechnicianDesk,
    config: Config,
    enrolment: Enrolment,
    credentials: Credentials,
    clock: Clock,
) -> None:
    """The queue carried on a USB stick, and another terminal's stick relayed, once enrolled
    (the bundle is signed with the terminal's key, a relay sent on its signed client); each
    export opens its own outbox connection, each relay its own client, on the worker."""
    opener = outbox_opener(config, enrolment, clock)
    media = MountedMedia(config.technician.export_dir)
    desk.tools.carry = CarryTools(
        desk.record,
        OutboxBundles(lambda: opener(False), credentials.key, enrolment.terminal_id, clock),
        media,
        lambda: enrolment.terminal_id,
        clock,
    )
    relay = PlatformBundleRelay(
        lambda: signed_client(config, enrolment, credentials.key()), config.queue.chunk_kb * 1024
    )
    desk.tools.relay = RelayTools(desk.record, relay, media, lambda: enrolment.terminal_id)


def _terminal_id(credentials: Credentials) -> str:
    enrolment = credentials.enrolment()
    return enrolment.terminal_id if enrolment is not None else ""


def build_agent_desk(
    config: Config,
    client: PlatformClient,
    clock: Clock,
    signin: OperatorSignIn | None = None,
    printer: ReceiptPrinter | None = None,
) -> AgentDesk:
    """The shared sign-in, the audit trail, and the agents' worklists from the platform with
    the last list of each agent kept in the data dir (`worklists/`) for offline use (asked
    only once the terminal is enrolled and signs its requests). The receipt printer prints
    the day summary; without one, agents are told the terminal has none."""
    data = config.terminal.data_dir
    return AgentDesk(
        signin or build_operator_signin(config, client, clock),
        open_terminal_audit(data, clock),
        clock,
        PlatformAgentCases(client, data / "worklists", clock),
        printer,
    )


def build_heartbeat(
    config: Config,
    client: PlatformClient,
    enrolment: Enrolment,
    clock: Clock,
    devices: DeviceHealthSource,
    backlog: BacklogSource,
    catalog: CatalogService,
    requeue_dead_letters: Callable[[], int],
) -> HeartbeatService:
    """The heartbeat and the signed platform commands it carries, wired to the real parts.
    Qt-free: the caller ticks it (`tick()`) from a timer on a worker thread, every 30 s or so,
    and may call `notify_changed()` from device and sync listeners."""
    data = config.terminal.data_dir
    audit = open_terminal_audit(data, clock)
    journal = open_terminal_journal(data)
    handlers = TerminalCommandHandlers(
        refresh_catalog=lambda: f"catalog version {catalog.refresh().catalog.version}",
        requeue_dead_letters=requeue_dead_letters,
        logs=LogUploader(client, config.logging.dir),
    )
    return HeartbeatService(
        software_version=VERSION,
        clock=clock,
        devices=devices,
        backlog=backlog,
        restarts=RestartCounter(DataLayout(data).restarts, clock),
        disk=DataDirDisk(data),
        audit=audit,
        sender=client,
        runner=CommandRunner(
            enrolment.terminal_id, enrolment.signing_public_key, journal, handlers, audit
        ),
        journal=journal,
    )


def build_kiosk_devices(config: Config) -> tuple[KioskDevices, DeviceHealth]:
    """The devices `[devices.*]` chose, and the health that follows them. Quick and Qt-free:
    nothing is contacted yet. The caller opens them (KioskDevices.open, from any thread),
    bridges health changes to the UI with a queued signal, calls health.refresh() on a worker
    now and then (a printer reports paper only when asked), and closes them at exit."""
    devices = build_devices(config.devices)
    health = DeviceHealth()
    for name, status in devices.unavailable.items():
        health.report(name, status)
    for name, device in devices.with_status().items():
        health.track(name, device)
    if devices.face is not None:
        health.report("face", FACE_READY)
    return devices, health


def main(argv: list[str]) -> int:
    config_path = Path(argv[1]) if len(argv) > 1 else None
    apply_input_method_environment()  # before the QApplication: it picks its input method then
    app = QApplication(argv[:1])
    built = build(app, config_path)
    window = built if isinstance(built, FallbackWindow) else built.window
    fullscreen = isinstance(built, Kiosk) and built.config.ui.fullscreen
    if fullscreen:
        window.showFullScreen()
    else:
        window.resize(1080, 1920)  # the portrait touchscreen most village kiosks have
        window.show()
    start_liveness(app, Notifier())
    GuiThreadCollector(app).start()  # cycles holding widgets are freed on this thread only
    if isinstance(built, Kiosk):
        app.aboutToQuit.connect(built.close)
    return app.exec()

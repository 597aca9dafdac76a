"""Doubles for the technician desk's unit tests and the accessibility audit's sample states: an
operator list in memory, failed attempts in memory, and a sync service that only reports what
it is told. The integration tests use the real ones (tests/ui/test_technician_*.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from kiosk.domain.operators import Credential, Operator, Role
from kiosk.ports.audit import AuditActor, AuditEntry, AuditHead, AuditValue
from kiosk.ports.bundles import BundleExport, BundlePlan, BundleUnreadable, CarriedBundle, RelayDone
from kiosk.ports.clock import Clock
from kiosk.ports.device import DeviceState, DeviceStatus, Unsubscribe
from kiosk.ports.diagnosis import DiagnosisResult
from kiosk.ports.logs import LogExport, LogLine
from kiosk.ports.media import Medium
from kiosk.ports.network import Certificate, NetProblem, NetworkReport, TlsState
from kiosk.ports.operators import Failures
from kiosk.ports.provisioning import EnrolledTerminal, EnrolmentFailed
from kiosk.ports.self_test import SelfTest
from kiosk.ports.settings import Setting, SettingRefused
from kiosk.ports.sync import DeadLetter, StatusListener, SyncRole, SyncStatus
from kiosk.services.operators import OperatorSignIn
from kiosk.services.tech_carry import CarryTools, RelayTools
from kiosk.services.tech_config import ConfigTools
from kiosk.services.tech_logs import LogTools
from kiosk.services.tech_network import NetworkCheck
from kiosk.services.tech_provision import ProvisionTools
from kiosk.services.tech_selftest import SelfTestTools
from kiosk.services.technician import TechnicianDesk

TECH_NUMBER, TECH_PIN, TECH_ID_NUMBER = "T0417", "741963", "45110219880909057X"
_CREDENTIALS: dict[str, Credential] = {}  # scrypt is slow on purpose: make each once


def technician(number: str = TECH_NUMBER, pin: str = TECH_PIN) -> Operator:
    key = f"{number}:{pin}"
    if key not in _CREDENTIALS:
        _CREDENTIALS[key] = Credential.make(number, TECH_ID_NUMBER, pin)
    return Operator(number, Role.TECHNICIAN, "覃技术", "", _CREDENTIALS[key])


@dataclass
class FakeDirectory:
    listed: list[Operator] = field(default_factory=list)

    def operators(self) -> list[Operator]:
        return list(self.listed)

    def refresh(self) -> list[Operator]:
        return list(self.listed)


@dataclass
class MemoryFailures:
    seen: dict[str, Failures] = field(default_factory=dict)

    def get(self, operator_id: str) -> Failures:
        return self.seen.get(operator_id, Failures(0, 0))

    def put(self, operator_id: str, failures: Failures) -> None:
        self.seen[operator_id] = failures


@dataclass
class MemoryAudit:
    entries: list[AuditEntry] = field(default_factory=list)

    def record(
        self,
        actor: AuditActor,
        action: str,
        subject: str = "",
        details: Any = None,
    ) -> AuditEntry:
        entry = AuditEntry(len(self.entries) + 1, 0, actor, action, subject, dict(details or {}))
        self.entries.append(entry)
        return entry

    def head(self) -> AuditHead:
        return AuditHead(len(self.entries), "")

    def recent(self, limit: int = 50) -> list[AuditEntry]:
        return list(reversed(self.entries))[:limit]


def _letter(n: int, state: str, reason: str) -> DeadLetter:
    return DeadLetter(
        f"0192f0c4-0000-7000-8000-00000000000{n}",
        "submission",
        state,
        f"K7Q2M-00{n}A-Q",
        "最低生活保障申请",
        "买买*",
        datetime(2026, 11, 20, 9, 30, tzinfo=UTC),
        3,
        reason,
    )


BUSY = SyncStatus(
    role=SyncRole.SYNCING,
    online=False,
    probed_at=datetime(2026, 11, 22, 7, 59, tzinfo=UTC),
    pending_by_kind={"submission": 41, "evaluation": 7, "appointment": 2},
    bytes_pending=9_830_400,
    oldest_pending_age_s=3 * 86_400 + 5 * 3600,
    last_success_at=datetime(2026, 11, 19, 2, 10, tzinfo=UTC),
    last_error="平台无法连接：ConnectTimeout",
    dead_letters=1,
    conflicts=1,
    clock_offset_ms=-185_000,
    warning=True,
    refusing=True,
)
LETTERS = [
    _letter(1, "dead", "the service item is unknown or withdrawn"),
    _letter(2, "conflict", "this id was already received with other content"),
]


@dataclass
class FakeSync:
    """A SyncControl that reports `current` and remembers what it was asked."""

    current: SyncStatus = field(default_factory=SyncStatus)
    letters: list[DeadLetter] = field(default_factory=list)
    listeners: list[StatusListener] = field(default_factory=list)
    retried: list[str | None] = field(default_factory=list)
    syncs: int = 0

    def status(self) -> SyncStatus:
        return self.current

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        self.listeners.append(listener)
        return lambda: self.listeners.remove(listener)

    def publish(self, status: SyncStatus) -> None:
        self.current = status
        for listener in list(self.listeners):
            listener(status)

    def sync_now(self) -> None:
        self.syncs += 1

    def dead_letters(self) -> list[DeadLetter]:
        return list(self.letters)

    def retry_dead_letters(self, record_id: str | None = None) -> int:
        self.retried.append(record_id)
        if record_id is None:
            return sum(1 for x in self.letters if x.state == "dead")
        return sum(1 for x in self.letters if x.record_id == record_id)


@dataclass
class FakeTerminal:
    exits: list[tuple[str, str]] = field(default_factory=list)

    def exit_to_maintenance(self, technician_id: str, reason: str) -> None:
        self.exits.append((technician_id, reason))


_CERT = Certificate(
    "gov-gateway.gx.example",
    "广西政务云 广西政务云根CA",
    datetime(2026, 1, 1, tzinfo=UTC),
    datetime(2027, 6, 1, tzinfo=UTC),
    ("gov-gateway.gx.example",),
    "9f2c4e1a" * 8,
)
NET_GOOD = NetworkReport(
    "https://gov-gateway.gx.example",
    datetime(2026, 11, 22, 8, 0, tzinfo=UTC),
    ("10.20.30.40",),
    12.0,
    reachable=True,
    connect_ms=240.0,
    latency_ms=85.0,
    samples=4,
    clock_skew_ms=-185_000,
    clock_uncertainty_ms=40,
    tls=TlsState(_CERT, True, "/etc/kiosk/gx-root-ca.pem", "广西政务云 广西政务云根CA"),
)
NET_BAD = NetworkReport(
    "https://gov-gateway.gx.example",
    datetime(2026, 11, 22, 8, 0, tzinfo=UTC),
    ("10.20.30.40",),
    12.0,
    problem=NetProblem.TLS_UNTRUSTED,
    detail="unable to get local issuer certificate",
    tls=TlsState(
        _CERT,
        False,
        "/etc/kiosk/gx-root-ca.pem",
        "广西政务云 广西政务云根CA",
        NetProblem.TLS_UNTRUSTED,
        "unable to get local issuer certificate",
    ),
)


@dataclass
class FakeProbe:
    report: NetworkReport
    runs: int = 0

    def probe(self) -> NetworkReport:
        self.runs += 1
        return self.report


LOG_LINES = [
    LogLine(f"2026-11-22T07:{n:02d}:00", "INFO", "sync" if n % 3 else "kiosk", text)
    for n, text in enumerate(
        [
            "kiosk.catalog: catalog version 42",
            "offline_queue.sync: sync: 平台无法连接：ConnectTimeout",
            "devices.printer: printer.paper_near_end",
            "offline_queue.sync: sync: 3 delivered, 0 dead, 0 conflicts",
        ]
        * 10
    )
]
MEDIA = [
    Medium("/media/kiosk/KINGSTON", "KINGSTON", 7_500_000_000, 8_000_000_000, True),
    Medium("/media/kiosk/CDROM", "CDROM", 0, 700_000_000, False),
]


@dataclass
class FakeLogs:
    lines: list[LogLine] = field(default_factory=lambda: list(LOG_LINES))
    exports: list[tuple[str, str]] = field(default_factory=list)

    def recent(self, limit: int = 200) -> list[LogLine]:
        return self.lines[-limit:]

    def export(self, destination: str, folder: str) -> LogExport:
        self.exports.append((destination, folder))
        return LogExport(f"{destination}/{folder}", ("kiosk.log", "SHA256SUMS"), 2048, 40)

    def media(self) -> list[Medium]:
        return list(MEDIA)


@dataclass
class FakeBundles:
    plan_: BundlePlan = field(default_factory=lambda: BundlePlan(412, 318_000_000, 37))
    exports: list[tuple[str, str]] = field(default_factory=list)

    def plan(self) -> BundlePlan:
        return self.plan_

    def export(self, destination: str, folder: str) -> BundleExport:
        self.exports.append((destination, folder))
        return BundleExport(f"{destination}/{folder}", self.plan_.records, 1093, 318_400_000)


@dataclass
class FakeRelay:
    """Bundles by medium path; a relay takes them in once (then they are `already`)."""

    found: dict[str, list[CarriedBundle]] = field(default_factory=dict)
    damaged: set[str] = field(default_factory=set)  # bundle paths
    taken: set[str] = field(default_factory=set)

    def find(self, medium: str) -> list[CarriedBundle]:
        return list(self.found.get(medium, []))

    def relay(self, bundle: CarriedBundle) -> RelayDone:
        if bundle.path in self.damaged:
            raise BundleUnreadable("record does not match its manifest entry")
        again = bundle.path in self.taken
        self.taken.add(bundle.path)
        fresh = 0 if again else bundle.records - 2  # two refused: rejected or in conflict
        return RelayDone(bundle.terminal_id, fresh, bundle.records - 2 - fresh, 2, 88 * (not again))


def carried(medium: str, terminal_id: str, records: int) -> CarriedBundle:
    return CarriedBundle(
        f"{medium}/kiosk-queue-{terminal_id}-20261120-1405", terminal_id, records, 1_795_000_000_000
    )


ENROLLED = EnrolledTerminal("K7Q2M", "451123101", "富阳镇便民服务中心", "https://zwfw.example.cn")


@dataclass
class FakeProvisioner:
    enrolled: EnrolledTerminal | None = None
    refuse: str = ""  # a message key: the enrolment fails with it

    def current(self) -> EnrolledTerminal | None:
        return self.enrolled

    def enrol(self, base_url: str, code: str) -> EnrolledTerminal:
        if self.refuse:
            raise EnrolmentFailed(code, message_key=self.refuse)
        self.enrolled = dataclasses.replace(ENROLLED, base_url=base_url, restart_needed=True)
        return self.enrolled


SETTINGS = [
    Setting("platform.base_url", "https://zwfw.example.cn", "text", "file", True),
    Setting("platform.read_timeout_s", "20.0", "number", "default", False),
    Setting("terminal.enrolment_code", "", "text", "file", False, secret=True),
    Setting("terminal.language", "zh_CN", "choice", "default", True, choices=("zh_CN", "ug_CN")),
    Setting("ui.idle_timeout_s", "90", "number", "settings", True),
    Setting("ui.idle_warning_s", "20", "number", "default", False),
    Setting("ui.voice_prompts", "true", "switch", "default", True),
    Setting("ui.service_phone", "0774-7812345", "text", "environment", False),
    Setting("devices.printer.driver", "escpos", "choice", "file", False),
    Setting("devices.printer.host", "192.168.1.87", "text", "file", True),
    Setting("devices.printer.port", "9100", "number", "file", True),
    Setting("devices.printer.paper_mm", "80", "choice", "file", True, choices=("58", "80")),
]


@dataclass
class FakeSettings:
    values: list[Setting] = field(default_factory=lambda: list(SETTINGS))
    saves: list[dict[str, str]] = field(default_factory=list)

    def settings(self) -> list[Setting]:
        return list(self.values)

    def save(self, changes: Mapping[str, str]) -> list[str]:
        self.saves.append(dict(changes))
        if changes.get("ui.idle_timeout_s", "90").isdigit() is False:
            raise SettingRefused("ui.idle_timeout_s", "ui.idle_timeout_s: expected int")
        return sorted(changes)


SELF_TEST_RESULTS = {
    SelfTest.CARD: [
        DiagnosisResult(
            "card_reader",
            "社保卡读卡器",
            True,
            DeviceStatus(DeviceState.READY, "reader.ready"),
            "读到卡：覃**（终端测试卡），读卡用时 12 毫秒。",
        ),
        DiagnosisResult(
            "id_reader",
            "身份证读卡器",
            False,
            DeviceStatus(DeviceState.ERROR, "reader.sam_failed", "SAM status 0x41"),
        ),
    ],
    SelfTest.PRINTER: [
        DiagnosisResult(
            "printer",
            "打印机",
            True,
            DeviceStatus(DeviceState.DEGRADED, "printer.paper_near_end"),
            "已打印测试页：请查看文字是否清楚、二维码能否扫出。",
        )
    ],
}


@dataclass
class FakeSelfTests:
    runs: list[tuple[SelfTest, float]] = field(default_factory=list)

    def run(self, test: SelfTest, card_wait_s: float = 10.0) -> list[DiagnosisResult]:
        self.runs.append((test, card_wait_s))
        return list(SELF_TEST_RESULTS.get(test, []))


def sample_desk(
    clock: Clock, sync: FakeSync | None = None, signed_in: bool = True
) -> tuple[TechnicianDesk, MemoryAudit]:
    """A desk over the doubles, its technician signed in (for screens' sample states)."""
    audit = MemoryAudit()
    desk = TechnicianDesk(
        OperatorSignIn(FakeDirectory([technician()]), MemoryFailures(), clock),
        audit,
        sync if sync is not None else FakeSync(BUSY, list(LETTERS)),
        FakeTerminal(),
    )
    desk.tools.network = NetworkCheck(desk.record, FakeProbe(NET_BAD))
    desk.tools.self_tests = SelfTestTools(desk.record, FakeSelfTests())
    logs = FakeLogs()
    desk.tools.logs = LogTools(desk.record, logs, logs, lambda: "K7Q2M", clock)
    desk.tools.carry = CarryTools(desk.record, FakeBundles(), logs, lambda: "K7Q2M", clock)
    stick = MEDIA[0].path
    relay = FakeRelay({stick: [carried(stick, "M3P8X", 126), carried(stick, "K7Q2M", 9)]})
    desk.tools.relay = RelayTools(desk.record, relay, logs, lambda: "K7Q2M")
    desk.tools.provision = ProvisionTools(desk.record_provisioning, FakeProvisioner(ENROLLED))
    desk.tools.config = ConfigTools(desk.record, FakeSettings(), lambda: None)
    if signed_in:
        desk.sign_in_by_number(TECH_NUMBER[1:], TECH_PIN)
    return desk, audit


def details(entry: AuditEntry) -> dict[str, AuditValue]:
    return dict(entry.details)

"""Doubles for the agent desk's unit tests and the accessibility audit's sample states: an agent
in the operator list, a worklist source that answers what it is told (or is "offline"), and a
desk over them. The integration tests use the real platform (tests/ui/test_agent_journey.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from kiosk.domain.case import Case, CaseStatus, TimelineEntry
from kiosk.domain.operators import Credential, Operator, Role
from kiosk.errors import PlatformError
from kiosk.ports.clock import Clock
from kiosk.ports.operators import Worklist, WorklistEntry
from kiosk.ports.printer import ReceiptPrinter
from kiosk.services.agent import AgentDesk
from kiosk.services.operators import OperatorSignIn
from tests.services.tech_fakes import FakeDirectory, MemoryAudit, MemoryFailures

AGENT_NUMBER, AGENT_PIN, AGENT_ID_NUMBER = "A0012", "258036", "451123197505040313"
AGENT_NAME = "黄代办"
_CREDENTIALS: dict[str, Credential] = {}


def agent_operator(number: str = AGENT_NUMBER, pin: str = AGENT_PIN) -> Operator:
    key = f"{number}:{pin}"
    if key not in _CREDENTIALS:
        _CREDENTIALS[key] = Credential.make(number, AGENT_ID_NUMBER, pin)
    return Operator(number, Role.AGENT, AGENT_NAME, "451123101", _CREDENTIALS[key])


def entry(n: int, status: CaseStatus, masked: str, at: datetime) -> WorklistEntry:
    ms = int(at.timestamp() * 1000)
    case = Case(
        f"K7Q2M-0{n:02d}A-Q",
        f"case-{n}",
        "450000-0001",
        "最低生活保障申请",
        status,
        "县民政局",
        ms,
        (TimelineEntry(status, ms, "县民政局", ""),),
        "",
    )
    return WorklistEntry(case, masked, ms)


DAY = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
SAMPLE_ENTRIES = (
    entry(1, CaseStatus.CORRECTION_NEEDED, "买*", DAY),
    entry(2, CaseStatus.COMPLETED, "阿**", DAY.replace(hour=2)),
    entry(3, CaseStatus.SUBMITTED, "张*", DAY.replace(hour=4)),
    entry(4, CaseStatus.UNDER_REVIEW, "李*", DAY.replace(day=20)),
)


@dataclass
class FakeCases:
    entries: tuple[WorklistEntry, ...] = SAMPLE_ENTRIES
    online: bool = True
    fetched_at: datetime = DAY
    asked: list[str] = field(default_factory=list)

    def worklist(self, operator_id: str) -> Worklist:
        self.asked.append(operator_id)
        if not self.online:
            if not self.entries:
                raise PlatformError("offline and nothing cached")
            return Worklist(self.entries, self.fetched_at, False)
        return Worklist(self.entries, self.fetched_at, True)


def sample_agent_desk(
    clock: Clock,
    cases: FakeCases | None = None,
    printer: ReceiptPrinter | None = None,
    signed_in: bool = True,
) -> tuple[AgentDesk, MemoryAudit]:
    """A desk over the doubles, its agent signed in (for screens' sample states)."""
    audit = MemoryAudit()
    operator = agent_operator()
    desk = AgentDesk(
        OperatorSignIn(FakeDirectory([operator]), MemoryFailures(), clock),
        audit,
        clock,
        cases if cases is not None else FakeCases(),
        printer,
    )
    if signed_in:
        desk.sign_in_by_card(operator, AGENT_PIN)
    return desk, audit

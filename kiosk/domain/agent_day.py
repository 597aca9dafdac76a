"""A proxy agent's day: the cases they handled on one local day, counted by state, for the
worklist's day headings and the printed day summary slip. Only receipt numbers, items, states
and the villagers' masked names (张*): what the worklist carries. Pure."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from kiosk.domain.case import CaseStatus
from kiosk.ports.operators import WorklistEntry

# The order states are counted in on the slip: what the villager must act on first.
STATE_ORDER = (
    CaseStatus.CORRECTION_NEEDED,
    CaseStatus.COMPLETED,
    CaseStatus.SUBMITTED,
    CaseStatus.ACCEPTED,
    CaseStatus.UNDER_REVIEW,
    CaseStatus.REFUSED,
    CaseStatus.WITHDRAWN,
)


def handled_on(entry: WorklistEntry, tz: tzinfo | None) -> date:
    """The local day the agent submitted the case (`tz` None: the terminal's own zone)."""
    return datetime.fromtimestamp(entry.handled_at_ms / 1000, UTC).astimezone(tz).date()


def needs_action_first(entries: tuple[WorklistEntry, ...]) -> list[WorklistEntry]:
    """Cases where the villager must act (补正, pickup) first, then the newest first."""
    return sorted(entries, key=lambda e: (not e.case.status.needs_villager, -e.handled_at_ms))


@dataclass(frozen=True)
class DayLine:
    receipt_no: str
    masked_name: str
    item_name: str
    status: CaseStatus


@dataclass(frozen=True)
class DaySummary:
    agent_id: str
    day: date
    lines: tuple[DayLine, ...]

    def counts(self) -> list[tuple[CaseStatus, int]]:
        """(state, count) for the states present, in STATE_ORDER."""
        seen = Counter(line.status for line in self.lines)
        return [(status, seen[status]) for status in STATE_ORDER if seen[status]]

    def qr_payload(self) -> str:
        """What the slip's QR code carries for the hall's clerk: agent, day, counts and the
        receipt numbers (no names at all)."""
        counts = ",".join(f"{status.value}={n}" for status, n in self.counts())
        receipts = ";".join(line.receipt_no for line in self.lines)
        return f"AGENTDAY|{self.agent_id}|{self.day.isoformat()}|{counts}|{receipts}"


def summarise(
    agent_id: str, entries: tuple[WorklistEntry, ...], day: date, tz: tzinfo | None = None
) -> DaySummary:
    chosen = [e for e in needs_action_first(entries) if handled_on(e, tz) == day]
    return DaySummary(
        agent_id,
        day,
        tuple(
            DayLine(e.case.receipt_no, e.masked_name, e.case.item_name, e.case.status)
            for e in chosen
        ),
    )

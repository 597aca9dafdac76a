"""The case-status port: where a villager's case stands (办件进度). Plain data only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from kiosk.domain.case import Case


@dataclass(frozen=True)
class CaseView:
    case: Case
    fetched_at: datetime  # when the platform said so
    fresh: bool  # True when the platform answered just now; False: the last known state
    problem: str = ""  # message key of why it is not fresh

    def age_minutes(self, now: datetime) -> int:
        return max(0, int((now - self.fetched_at).total_seconds() // 60))


class CaseSource(Protocol):
    """Thread: workers (HTTP and disk); never the GUI thread. Failures are PlatformError."""

    def by_receipt(self, receipt_no: str) -> CaseView | None:
        """Asks the platform; when it cannot be reached, the last known state from the
        cache. None when the platform has no such case. Raises PlatformError when the
        platform is unreachable and nothing is cached."""
        ...

    def by_id_number(self, id_number: str) -> list[Case]:
        """Asks the platform (the ID number goes in a POST body, never a URL); nothing is
        cached and the ID number is never stored. Raises PlatformError when offline."""
        ...

    def recent(self) -> list[CaseView]:
        """The cached states of this terminal's recent receipts (refreshed by the sync
        loop), most recently updated first. Never the network."""
        ...

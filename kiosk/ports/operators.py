"""What operators need: the operators this terminal knows (cached from the platform for offline
sign-in), a durable record of failed PIN attempts (a restart must not reset a lockout), and a
proxy agent's worklist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from kiosk.domain.case import Case
from kiosk.domain.operators import Operator


class OperatorDirectory(Protocol):
    def operators(self) -> list[Operator]:
        """The cached operators (empty before the first fetch). Disk only, never the network."""
        ...

    def refresh(self) -> list[Operator]:
        """Fetch this hall's operators from the platform and cache them. Raises PlatformError
        when the platform cannot be reached; the cache then stays as it was."""
        ...


@dataclass(frozen=True)
class Failures:
    count: int  # consecutive wrong PINs
    locked_until_ms: int  # wall clock; 0 when not locked


class FailureStore(Protocol):
    def get(self, operator_id: str) -> Failures: ...

    def put(self, operator_id: str, failures: Failures) -> None: ...


@dataclass(frozen=True)
class WorklistEntry:
    case: Case
    masked_name: str  # the villager's, e.g. 张*
    handled_at_ms: int  # when the agent submitted it (the platform's clock)


@dataclass(frozen=True)
class Worklist:
    """An agent's cases, those where the villager must act first (the platform's order)."""

    entries: tuple[WorklistEntry, ...]
    fetched_at: datetime  # when the platform said so
    fresh: bool  # False: the last known list, the platform being unreachable


class AgentCases(Protocol):
    def worklist(self, operator_id: str) -> Worklist:
        """Worker thread. Asks the platform; when it cannot be reached, the last list it sent
        for this agent. Raises PlatformError when it is unreachable and nothing is cached."""
        ...

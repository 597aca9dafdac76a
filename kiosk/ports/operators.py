"""What operator sign-in needs: the operators this terminal knows (cached from the platform for
offline sign-in) and a durable record of failed PIN attempts (a restart must not reset a
lockout)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

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

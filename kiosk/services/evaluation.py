"""好差评: one rating of one service, tied to the case it rates (by receipt number), the item,
the service point (hall) and the agent, if any; queued durably through the outbox, so it
arrives exactly once, also when it was given offline.

Thread: workers (disk I/O); never the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kiosk.domain.evaluation import PROBLEMS, Dimension, Evaluation, Level
from kiosk.ports.outbox import Outbox

# The dimensions a villager rates besides the overall level (the offline 好差评 dimensions).
RATED_DIMENSIONS = (Dimension.EFFICIENCY, Dimension.SERVICE_LEVEL, Dimension.ATTITUDE)


@dataclass(frozen=True)
class RatedService:
    """What is being rated; every field may be empty when the villager rates the hall only."""

    receipt_no: str = ""
    item_code: str = ""
    item_name: str = ""
    agent_id: str | None = None


@dataclass(frozen=True)
class Rated:
    record_id: str
    offline: bool  # the platform is out of reach: queued here, sent when the link returns


class EvaluationService:
    def __init__(
        self, outbox: Outbox, hall_code: str, online: Callable[[], bool | None] = lambda: None
    ) -> None:
        self._outbox, self.hall_code, self._online = outbox, hall_code, online

    @staticmethod
    def problems() -> tuple[str, ...]:
        return PROBLEMS

    def rate(
        self,
        service: RatedService,
        level: Level,
        dimensions: Mapping[Dimension, Level],
        problems: frozenset[str] = frozenset(),
    ) -> Rated:
        """EvaluationError when a bad rating says nothing about what went wrong; StorageFull-
        Error when the disk cannot take it."""
        evaluation = Evaluation(
            level=level,
            dimensions={Dimension.OVERALL: level, **dimensions},
            problems=problems if level.is_bad else frozenset(),
            receipt_no=service.receipt_no,
            item_code=service.item_code,
            hall_code=self.hall_code,
            agent_id=service.agent_id,
        )
        entry = self._outbox.evaluate(evaluation)
        return Rated(entry.record_id, offline=self._online() is False)

"""政务公开, Qt-free: the notices and policies the platform published, from the cache the sync
loop keeps fresh (never the network here), with how old they are, so offline the villager
still reads them and is told since when they may have changed."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.notice import Notice
from kiosk.ports.clock import Clock
from kiosk.ports.notices import NoticeSource

PUBLIC = "政务公开"  # the platform's category for this screen (生活信息 is another screen's)
FRESH_MINUTES = 30  # the sync loop pulls every 15 minutes: older means it has not reached it


@dataclass(frozen=True)
class NoticesView:
    notices: tuple[Notice, ...]  # newest first
    age_minutes: int | None  # since the platform last confirmed them; None: never

    @property
    def fresh(self) -> bool:
        return self.age_minutes is not None and self.age_minutes <= FRESH_MINUTES

    def find(self, code: str) -> Notice | None:
        return next((n for n in self.notices if n.code == code), None)


class NoticeReader:
    """Thread: `current` on a worker (reads one small file)."""

    def __init__(self, source: NoticeSource, clock: Clock, category: str = PUBLIC) -> None:
        self._source, self._clock, self._category = source, clock, category

    def current(self) -> NoticesView:
        board = self._source.notices()
        shown = tuple(n for n in board.notices if n.category in (self._category, ""))
        return NoticesView(shown, board.age_minutes(self._clock.now()))

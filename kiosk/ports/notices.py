"""The notices port: what the platform has published, as last fetched. Plain data only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from kiosk.domain.notice import Notice


@dataclass(frozen=True)
class NoticeBoard:
    notices: tuple[Notice, ...]
    fetched_at: datetime | None  # when the platform last confirmed them; None: never

    def age_minutes(self, now: datetime) -> int | None:
        if self.fetched_at is None:
            return None
        return max(0, int((now - self.fetched_at).total_seconds() // 60))


class NoticeSource(Protocol):
    def notices(self) -> NoticeBoard:
        """The cached notices, kept fresh by the sync loop (by delta). Reads one small file,
        never the network: call from a worker. An absent or damaged cache is an empty board."""
        ...

"""Notices by delta (`since` + ETag), cached on disk for offline reading.

The sync loop pulls (`NoticeFeed.pull`, a PullTask); screens read the cache (`notices()`, the
NoticeSource port). The cache file is replaced atomically, so a reader on another thread sees
the old board or the new one, never half of one.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from kiosk.domain.notice import Notice, NoticeFormatError
from kiosk.ports.clock import Clock
from kiosk.ports.notices import NoticeBoard
from offline_queue.catalog_cache import JsonFileCache
from offline_queue.platform_client import PlatformClient, PlatformGarbage
from offline_queue.store import Outbox

log = logging.getLogger("offline_queue.notices")


class NoticeFeed:
    name = "notices"

    def __init__(
        self, client: PlatformClient, cache: JsonFileCache, clock: Clock, interval_s: float = 900
    ) -> None:
        self.client, self.cache, self.clock, self.interval_s = client, cache, clock, interval_s

    def _load(self) -> dict[str, Any]:
        data = self.cache.load() or {}
        if not isinstance(data.get("notices"), dict) or not isinstance(data.get("version"), int):
            return {"version": 0, "etag": None, "notices": {}}  # none or damaged: fetch whole
        return data

    def pull(self, outbox: Outbox) -> None:
        """On the sync thread, after a successful probe. Raises PlatformError."""
        del outbox  # notices live beside the queue, not in it
        data = self._load()
        etag = data.get("etag") if data["notices"] else None
        delta = self.client.fetch_notices(data["version"], etag if isinstance(etag, str) else None)
        if delta is not None:
            data = self._apply(data, delta)
        data["fetched_at_ms"] = int(self.clock.now().timestamp() * 1000)
        self.cache.save(data)

    @staticmethod
    def _apply(data: dict[str, Any], delta: dict[str, Any]) -> dict[str, Any]:
        incoming, removed = delta.get("notices"), delta.get("removed")
        version = delta.get("version")
        if not (isinstance(incoming, list) and isinstance(removed, list)):
            raise PlatformGarbage("notices reply without notices")
        if not isinstance(version, int):
            raise PlatformGarbage("notices reply without a version")
        notices: dict[str, Any] = {} if delta.get("full") else dict(data["notices"])
        for code in removed:
            notices.pop(str(code), None)
        for raw in incoming:
            try:
                notice = Notice.from_dict(raw)
            except NoticeFormatError as exc:  # one bad notice never hides the others
                log.warning("skipped a notice: %s", exc)
                continue
            notices[notice.code] = notice.to_dict()
        return {"version": version, "etag": delta.get("etag"), "notices": notices}

    def notices(self) -> NoticeBoard:
        """The cached board, newest first. Thread: any worker; reads one file."""
        data = self._load()
        board = []
        for raw in data["notices"].values():
            try:
                board.append(Notice.from_dict(raw))
            except NoticeFormatError:
                continue
        fetched = data.get("fetched_at_ms")
        return NoticeBoard(
            tuple(sorted(board, key=lambda n: (-n.version, n.code))),
            datetime.fromtimestamp(fetched / 1000, UTC) if isinstance(fetched, int) else None,
        )

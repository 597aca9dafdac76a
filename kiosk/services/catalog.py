"""The service guide's data: fresh from the platform when it answers, the cached copy when not.

Thread: a worker thread (it does HTTP and disk I/O); never the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kiosk.domain.catalog import Catalog, CatalogFormatError
from kiosk.errors import PlatformError
from kiosk.ports.clock import Clock
from kiosk.ports.platform import CatalogSource, CatalogStore


@dataclass(frozen=True)
class CatalogView:
    catalog: Catalog
    fresh: bool  # True when the platform confirmed it just now
    fetched_at: datetime | None  # when the platform last confirmed it
    problem: str = ""  # message key of why it is not fresh

    def age_minutes(self, now: datetime) -> int | None:
        if self.fetched_at is None:
            return None
        return max(0, int((now - self.fetched_at).total_seconds() // 60))


class CatalogService:
    def __init__(self, source: CatalogSource, store: CatalogStore, clock: Clock) -> None:
        self._source, self._store, self._clock = source, store, clock

    def _cached(self) -> tuple[Catalog, str | None, datetime | None]:
        data = self._store.load()
        if data is None:
            return Catalog.empty(), None, None
        try:
            catalog = Catalog.empty().apply_delta({**data, "full": True})
        except CatalogFormatError:  # a damaged cache is refetched whole, never shown
            return Catalog.empty(), None, None
        fetched_ms = data.get("fetched_at_ms")
        fetched = (
            datetime.fromtimestamp(fetched_ms / 1000, UTC) if isinstance(fetched_ms, int) else None
        )
        etag = data.get("etag") if isinstance(data.get("etag"), str) else None
        return catalog, etag, fetched

    def _save(self, catalog: Catalog, etag: str | None, at: datetime) -> None:
        body: dict[str, Any] = catalog.to_dict()
        self._store.save({**body, "etag": etag, "fetched_at_ms": int(at.timestamp() * 1000)})

    def refresh(self) -> CatalogView:
        catalog, etag, fetched = self._cached()
        try:
            delta = self._source.fetch_catalog(catalog.version, etag if catalog.items else None)
        except PlatformError as exc:
            return CatalogView(catalog, False, fetched, exc.message_key)
        now = self._clock.now()
        if delta is not None:
            try:
                catalog = catalog.apply_delta(delta)
            except CatalogFormatError:
                return CatalogView(catalog, False, fetched, "catalog.bad_reply")
            etag = delta.get("etag") if isinstance(delta.get("etag"), str) else None
        self._save(catalog, etag, now)
        return CatalogView(catalog, True, now)

    def cached(self) -> CatalogView:
        catalog, _, fetched = self._cached()
        return CatalogView(catalog, False, fetched, "catalog.not_refreshed")

"""What services need from the platform and from the local caches. Plain data only."""

from __future__ import annotations

from typing import Any, Protocol


class CatalogSource(Protocol):
    def fetch_catalog(self, since: int, etag: str | None) -> dict[str, Any] | None:
        """The catalog delta since `since` (contract JSON), or None if unchanged.
        Raises PlatformError when the platform cannot be reached or answers garbage."""
        ...


class CatalogStore(Protocol):
    def load(self) -> dict[str, Any] | None: ...

    def save(self, catalog: dict[str, Any]) -> None: ...

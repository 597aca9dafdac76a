"""The last copy of what the platform sent (the catalog, the notices), on disk, so the service
guide and the notice board work offline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from offline_queue.files import write_private


class JsonFileCache:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[str, Any] | None:
        """The cached catalog with `etag` and `fetched_at_ms`, or None when there is none or
        it is damaged (a damaged cache is refetched, never shown)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def save(self, catalog: dict[str, Any]) -> None:
        write_private(self.path, json.dumps(catalog, ensure_ascii=False).encode())


JsonCatalogCache = JsonFileCache  # the name the composition root knows

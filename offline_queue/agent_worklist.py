"""A proxy agent's worklist from the platform, with the last list kept per agent so the agent
still sees their cases (and how old that view is) while the link is down.

The cache holds what the platform sent: receipt numbers, items, states and the villagers'
masked names (张*), never a full name or an ID number. Owner-only, written atomically.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.domain.case import Case, CaseFormatError
from kiosk.errors import PlatformError
from kiosk.ports.clock import Clock
from kiosk.ports.operators import Worklist, WorklistEntry
from offline_queue.files import write_private
from offline_queue.platform_client import PlatformClient, PlatformGarbage

log = logging.getLogger(__name__)
_SAFE = re.compile(r"^[A-Z0-9]{1,20}$")


def _entries(raw: Any) -> tuple[WorklistEntry, ...]:
    if not isinstance(raw, list):
        raise PlatformGarbage("worklist reply has no case list")
    out = []
    for item in raw:
        try:
            out.append(
                WorklistEntry(
                    Case.from_dict(item), str(item["masked_name"]), int(item["handled_at_ms"])
                )
            )
        except (CaseFormatError, KeyError, TypeError, ValueError):
            log.warning("a worklist entry is malformed; skipped")
    return tuple(out)


class PlatformAgentCases:
    def __init__(self, client: PlatformClient, folder: Path, clock: Clock) -> None:
        self._client, self.folder, self._clock = client, folder, clock

    def _path(self, operator_id: str) -> Path:
        if not _SAFE.match(operator_id):
            raise ValueError("not an operator number")
        return self.folder / f"{operator_id}.json"

    def worklist(self, operator_id: str) -> Worklist:
        path = self._path(operator_id)
        try:
            reply = self._client.agent_cases(operator_id)
        except PlatformError:
            cached = self._cached(path)
            if cached is None:
                raise
            return cached
        entries = _entries(reply.get("cases"))
        now_ms = int(self._clock.now().timestamp() * 1000)  # as cached, so both views agree
        body = {"fetched_at_ms": now_ms, "cases": reply.get("cases")}
        write_private(path, json.dumps(body, ensure_ascii=False).encode())
        return Worklist(entries, datetime.fromtimestamp(now_ms / 1000, UTC), True)

    def _cached(self, path: Path) -> Worklist | None:
        try:
            body = json.loads(path.read_text(encoding="utf-8"))
            fetched = datetime.fromtimestamp(int(body["fetched_at_ms"]) / 1000, UTC)
            return Worklist(_entries(body["cases"]), fetched, False)
        except (OSError, ValueError, KeyError, TypeError, PlatformError):
            return None

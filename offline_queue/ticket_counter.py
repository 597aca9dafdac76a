"""The terminal's own ticket numbers, for when the platform is out of reach (the TicketCounter
port). One small JSON file, rewritten atomically with fsync before a number is handed out."""

from __future__ import annotations

import json
import logging
import threading
from datetime import date
from pathlib import Path

from offline_queue.files import write_private

log = logging.getLogger(__name__)
# After a damaged file the day's last numbers are unknown: start well past anything one
# terminal hands out offline in a day, so no number is ever printed twice.
RESTART_AFTER_DAMAGE = 500


class JsonTicketCounter:
    """Thread: workers; safe across threads of one process (the only process that prints)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def _load(self, day: str) -> dict[str, int]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("offline ticket counter damaged; numbering from %d", RESTART_AFTER_DAMAGE)
            return {"A": RESTART_AFTER_DAMAGE, "B": RESTART_AFTER_DAMAGE}
        if not isinstance(data, dict) or data.get("day") != day:
            return {}
        last = data.get("last")
        if not isinstance(last, dict):
            return {"A": RESTART_AFTER_DAMAGE, "B": RESTART_AFTER_DAMAGE}
        return {k: v for k, v in last.items() if isinstance(v, int)}

    def next_number(self, day: date, series: str) -> int:
        if series not in ("A", "B"):
            raise ValueError("series is A or B")
        with self._lock:
            last = self._load(day.isoformat())
            number = last.get(series, 0) + 1
            last[series] = number
            body = {"day": day.isoformat(), "last": last}
            write_private(self.path, json.dumps(body).encode())
            return number

"""This hall's operators, cached on disk for offline sign-in, and their failed PIN attempts.

Both files are owner-only and written atomically. The cache holds names, operator numbers and
scrypt credentials (kiosk/domain/operators.py), never an ID number or a PIN.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Any

from kiosk.domain.operators import Operator, OperatorFormatError
from kiosk.ports.operators import Failures
from offline_queue.files import write_private
from offline_queue.platform_client import PlatformClient, PlatformGarbage
from offline_queue.store import Outbox

log = logging.getLogger(__name__)


def _read(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class CachedOperatorDirectory:
    def __init__(self, client: PlatformClient, path: Path) -> None:
        self._client, self.path = client, path

    def operators(self) -> list[Operator]:
        data = _read(self.path)
        if not isinstance(data, list):
            return []
        out = []
        for entry in data:
            try:
                out.append(Operator.from_dict(entry))
            except OperatorFormatError:
                log.warning("a cached operator entry is damaged; skipped")
        return out

    def refresh(self) -> list[Operator]:
        reply = self._client.fetch_operators()
        entries = reply.get("operators")
        if not isinstance(entries, list):
            raise PlatformGarbage("operators reply has no list")
        operators = []
        for entry in entries:
            try:
                operators.append(Operator.from_dict(entry))
            except (OperatorFormatError, AttributeError):
                log.warning("the platform sent a malformed operator entry; skipped")
        write_private(
            self.path, json.dumps([o.to_dict() for o in operators], ensure_ascii=False).encode()
        )
        return operators


class JsonFailureStore:
    """Failed PIN attempts per operator. Thread-safe within a process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def get(self, operator_id: str) -> Failures:
        data = _read(self.path)
        entry = data.get(operator_id) if isinstance(data, dict) else None
        if not isinstance(entry, dict):
            return Failures(0, 0)
        return Failures(int(entry.get("count", 0)), int(entry.get("locked_until_ms", 0)))

    def put(self, operator_id: str, failures: Failures) -> None:
        with self._lock:
            data = _read(self.path)
            data = data if isinstance(data, dict) else {}
            data[operator_id] = {
                "count": failures.count,
                "locked_until_ms": failures.locked_until_ms,
            }
            write_private(self.path, json.dumps(data).encode())


class OperatorsPull:
    """The sync loop's refresh of the operator list (a PullTask): a technician or agent the
    platform registers can sign in here within `interval_s` of the terminal being online."""

    name = "operators"

    def __init__(self, directory: CachedOperatorDirectory, interval_s: float = 900.0) -> None:
        self.directory, self.interval_s = directory, interval_s

    def pull(self, outbox: Outbox) -> None:  # noqa: ARG002 - the list is not in the outbox
        self.directory.refresh()


def open_operator_directory(client: PlatformClient, data_dir: Path) -> CachedOperatorDirectory:
    """The terminal's operator cache at its usual place in the data dir."""
    return CachedOperatorDirectory(client, data_dir / "operators.json")


def open_failure_store(data_dir: Path) -> JsonFailureStore:
    return JsonFailureStore(data_dir / "operator-failures.json")

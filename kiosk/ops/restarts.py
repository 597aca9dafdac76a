"""How often the kiosk session and the sync service stopped, and why: `<data_dir>/restarts.json`.

systemd runs `kiosk record-exit` as the ExecStopPost of kiosk-session.service and (with
`--service sync`) of kiosk-sync.service after every stop, with SERVICE_RESULT, EXIT_CODE and
EXIT_STATUS in the environment (systemd.exec(5)); the service then restarts. The sync
service's reasons carry a `sync_` prefix, so one count and the heartbeat's existing fields
cover both. The heartbeat reads them with `RestartCounter(path, clock).read()`:

    stats = RestartCounter(DataLayout(data_dir).restarts, clock).read()
    stats.unexpected   # crashes + hangs (watchdog) + anything but a clean stop
    stats.by_reason    # {"crashed": 2, "hung": 1, "stopped": 5, "sync_hung": 1}
    stats.last_reason, stats.last_at_ms

The file is replaced atomically, so a reader sees the old counts or the new ones, never half;
writers take a lock, as both services stop together at shutdown.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.ports.clock import Clock
from offline_queue.files import write_private

# SERVICE_RESULT values (systemd.exec(5)) in the words the technician sees.
_REASONS = {
    "success": "stopped",
    "exit-code": "crashed",
    "signal": "crashed",
    "core-dump": "crashed",
    "watchdog": "hung",
    "timeout": "timeout",
    "oom-kill": "out_of_memory",
    "start-limit-hit": "start_limit",
    "resources": "resources",
}
SYNC_PREFIX = "sync_"
CLEAN_STOPS = ("stopped", SYNC_PREFIX + "stopped")


def reason_from_systemd(environ: Mapping[str, str], ui_status: int | None = None) -> str:
    """`ui_status` is the UI's own exit status (kiosk/ops/session.py): cage reports success
    even when its client crashed, so a non-zero status there makes it a crash."""
    result = environ.get("SERVICE_RESULT", "")
    if result == "success" and ui_status not in (None, 0):
        return "crashed"
    return _REASONS.get(result, result or "unknown")


@dataclass(frozen=True)
class RestartStats:
    total: int = 0
    by_reason: dict[str, int] = field(default_factory=dict)
    last_reason: str | None = None
    last_at_ms: int | None = None
    last_exit: str | None = None  # e.g. "killed/ABRT" or "exited/1"

    @property
    def unexpected(self) -> int:
        return self.total - sum(self.by_reason.get(reason, 0) for reason in CLEAN_STOPS)


class RestartCounter:
    def __init__(self, path: Path, clock: Clock) -> None:
        self.path, self.clock = path, clock

    def read(self) -> RestartStats:
        """The counts so far; zero when nothing was recorded or the file is damaged."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return RestartStats(
                int(data["total"]),
                {str(k): int(v) for k, v in dict(data["by_reason"]).items()},
                data.get("last_reason"),
                data.get("last_at_ms"),
                data.get("last_exit"),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return RestartStats()

    def record(self, reason: str, exit_detail: str | None = None) -> RestartStats:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        lock_path = self.path.with_name(self.path.name + ".lock")
        lock = os.open(lock_path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the descriptor closes
            return self._record(reason, exit_detail)
        finally:
            os.close(lock)

    def _record(self, reason: str, exit_detail: str | None) -> RestartStats:
        old = self.read()
        stats = RestartStats(
            old.total + 1,
            {**old.by_reason, reason: old.by_reason.get(reason, 0) + 1},
            reason,
            int(self.clock.now().timestamp() * 1000),
            exit_detail,
        )
        body = {
            "schema_version": 1,
            "total": stats.total,
            "unexpected": stats.unexpected,
            "by_reason": stats.by_reason,
            "last_reason": stats.last_reason,
            "last_at_ms": stats.last_at_ms,
            "last_exit": stats.last_exit,
        }
        write_private(self.path, json.dumps(body, sort_keys=True).encode())
        return stats

    def record_from_systemd(
        self, environ: Mapping[str, str], ui_status: int | None = None, prefix: str = ""
    ) -> RestartStats:
        """`prefix` names the service when it is not the kiosk session (SYNC_PREFIX)."""
        code, status = environ.get("EXIT_CODE", ""), environ.get("EXIT_STATUS", "")
        detail = f"{code}/{status}" if code else None
        if ui_status not in (None, 0):
            detail = (
                f"ui exited {ui_status}" if ui_status > 0 else f"ui killed by signal {-ui_status}"
            )
        return self.record(prefix + reason_from_systemd(environ, ui_status), detail)

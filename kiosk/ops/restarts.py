"""How often the kiosk session stopped, and why: counted in `<data_dir>/restarts.json`.

systemd runs `kiosk record-exit` as the session's ExecStopPost after every stop, with
SERVICE_RESULT, EXIT_CODE and EXIT_STATUS in the environment (systemd.exec(5)); the session
then restarts. The heartbeat reads the counts with `RestartCounter(path, clock).read()`:

    stats = RestartCounter(DataLayout(data_dir).restarts, clock).read()
    stats.unexpected   # crashes + hangs (watchdog) + anything but a clean stop
    stats.by_reason    # {"crashed": 2, "hung": 1, "stopped": 5}
    stats.last_reason, stats.last_at_ms

The file is replaced atomically, so a reader sees the old counts or the new ones, never half.
"""

from __future__ import annotations

import json
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
        return self.total - self.by_reason.get("stopped", 0)


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
        self, environ: Mapping[str, str], ui_status: int | None = None
    ) -> RestartStats:
        code, status = environ.get("EXIT_CODE", ""), environ.get("EXIT_STATUS", "")
        detail = f"{code}/{status}" if code else None
        if ui_status not in (None, 0):
            detail = (
                f"ui exited {ui_status}" if ui_status > 0 else f"ui killed by signal {-ui_status}"
            )
        return self.record(reason_from_systemd(environ, ui_status), detail)

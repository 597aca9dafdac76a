"""The technician's way out of the kiosk session: the one documented exit hook.

The technician screen (after its PIN/card check) calls `request_maintenance(...)`. It writes
`<data_dir>/maintenance.request`; the root-owned `kiosk-maintenance.path` unit sees it and
starts `kiosk-maintenance.service`, which stops the kiosk session (Conflicts=) and offers a
text login on tty1 for a technician's own Unix account. When the technician logs out (or after
its RuntimeMaxSec), the request is removed and the kiosk session starts again.

The kiosk user can only ask for the login prompt; the shell still needs a technician's Unix
password. Nothing a villager can press writes this file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from kiosk.ports.clock import Clock
from offline_queue.files import write_private


@dataclass(frozen=True)
class MaintenanceRequest:
    technician: str  # the technician's id as the technician screen knows it (no personal data)
    reason: str
    at_ms: int


def request_maintenance(path: Path, technician: str, reason: str, clock: Clock) -> None:
    """Ask systemd to stop the kiosk session and open the maintenance console."""
    at_ms = int(clock.now().timestamp() * 1000)
    body = {"technician": technician, "reason": reason, "at_ms": at_ms}
    write_private(path, json.dumps(body, ensure_ascii=False).encode())


def pending_request(path: Path) -> MaintenanceRequest | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return MaintenanceRequest(str(data["technician"]), str(data["reason"]), int(data["at_ms"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None

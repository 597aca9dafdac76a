"""The TerminalControl port on the deployment's hooks (docs/deployment.md): a request file in
the data dir that a root-owned systemd path unit acts on."""

from __future__ import annotations

from kiosk.ops.layout import DataLayout
from kiosk.ops.maintenance import request_maintenance
from kiosk.ports.clock import Clock


class SystemdTerminalControl:
    def __init__(self, layout: DataLayout, clock: Clock) -> None:
        self.layout, self.clock = layout, clock

    def exit_to_maintenance(self, technician_id: str, reason: str) -> None:
        request_maintenance(self.layout.maintenance_request, technician_id, reason, self.clock)

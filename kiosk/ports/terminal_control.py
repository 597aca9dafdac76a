"""Leaving the kiosk session: the technician's one way out of the locked-down terminal.

The implementation (kiosk/ops/terminal_control.py) asks systemd, through the maintenance hook,
to stop the kiosk session and open the maintenance console; the technician screen reaches it
only through the technician desk, after a sign-in, and every call is audited there first.
"""

from __future__ import annotations

from typing import Protocol


class TerminalControl(Protocol):
    def exit_to_maintenance(self, technician_id: str, reason: str) -> None:
        """Ask for the maintenance console (the kiosk session stops soon after). Blocks on a
        small atomic file write: call it from a worker."""
        ...

"""What a device check found, for `python -m devices diagnose` and the technician screen.

The checks themselves live in devices/diagnose.py (they drive real devices); the UI reaches
them through a callable the composition root hands it, and gets these results back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kiosk.ports.device import DeviceStatus
from kiosk.ports.device_messages import technician_text


@dataclass(frozen=True)
class DiagnosisResult:
    device: str  # "card_reader", "id_reader", "printer", "camera", "face", "voice"
    title: str  # the device in plain Chinese, e.g. "打印机"
    ok: bool  # False: this device needs a technician
    status: DeviceStatus
    found: str = ""  # what the check saw, e.g. "读到卡：张*（居民身份证），用时 12 毫秒"

    @property
    def problem(self) -> str:
        return technician_text(self.status.message_key).problem

    @property
    def fix(self) -> str:
        """What to do; "" for a device that is fine (a degraded one that works says it too)."""
        return technician_text(self.status.message_key).fix


# Blocks a worker thread for up to about `card_wait_s` plus a few seconds per device.
Diagnose = Callable[[float], list[DiagnosisResult]]

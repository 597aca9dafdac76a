"""The SelfTests port on the kiosk's own devices: each test runs devices/diagnose.py's check for
its device (the same code as `python -m devices diagnose`), leaving the readers and the voice
open for the running kiosk; a device that config disabled or that failed to start is reported
with its status instead."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from devices.diagnose import (
    TITLES,
    diagnose_camera,
    diagnose_card_readers,
    diagnose_printer,
    diagnose_voice,
)
from devices.registry import KioskDevices
from kiosk.ports.diagnosis import DiagnosisResult
from kiosk.ports.self_test import SelfTest

_DEVICES = {
    SelfTest.CARD: ("card_reader", "id_reader"),
    SelfTest.CAMERA: ("camera",),
    SelfTest.PRINTER: ("printer",),
    SelfTest.VOICE: ("voice",),
}


class DeviceSelfTests:
    def __init__(self, devices: KioskDevices, now: Callable[[], datetime]) -> None:
        self.devices, self.now = devices, now

    def _missing(self, test: SelfTest) -> list[DiagnosisResult]:
        return [
            DiagnosisResult(
                name,
                TITLES.get(name, name),
                status.message_key == "device.disabled",
                status,
            )
            for name in _DEVICES[test]
            if (status := self.devices.unavailable.get(name)) is not None
        ]

    def run(self, test: SelfTest, card_wait_s: float = 10.0) -> list[DiagnosisResult]:
        d = self.devices
        found: list[DiagnosisResult] = []
        if test is SelfTest.CARD and d.card_readers:
            found = diagnose_card_readers(d.card_readers, card_wait_s, leave_open=True)
        elif test is SelfTest.PRINTER and d.printer is not None:
            found = [diagnose_printer(d.printer, self.now(), print_page=True)]
        elif test is SelfTest.CAMERA and d.camera is not None:
            found = [diagnose_camera(d.camera)]
        elif test is SelfTest.VOICE and d.voice is not None:
            found = [diagnose_voice(d.voice, leave_open=True)]
        return found + self._missing(test)

"""The technician's device self-tests: read a card, take a picture, print a test page, speak a
test prompt. The checks are devices/diagnose.py's, the same code as `python -m devices
diagnose`; the technician screen reaches them through this port and gets their results."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from kiosk.ports.diagnosis import DiagnosisResult


class SelfTest(StrEnum):
    CARD = "card"  # every card reader; waits for a card to be put on one
    CAMERA = "camera"  # one still picture, a covered lens found
    PRINTER = "printer"  # status, then a test page with a QR code
    VOICE = "voice"  # a spoken test prompt


class SelfTests(Protocol):
    def run(self, test: SelfTest, card_wait_s: float = 10.0) -> list[DiagnosisResult]:
        """One result per device the test covers, including a device that is not there or
        failed to start (with why). Blocks (a card wait, a print job, speech): a worker.
        Never raises for a device."""
        ...

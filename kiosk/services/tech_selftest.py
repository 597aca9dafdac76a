"""设备自检 for the technician: one device test at a time, audited before it runs (a test page
is printed, a prompt is spoken). Qt-free; `run` blocks: a worker."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from kiosk.ports.audit import AuditValue
from kiosk.ports.diagnosis import DiagnosisResult
from kiosk.ports.self_test import SelfTest, SelfTests

CARD_WAIT_S = 15.0  # long enough to fetch a card from a pocket and put it down
Record = Callable[[str, str, Mapping[str, AuditValue] | None], None]


class SelfTestTools:
    def __init__(self, record: Record, tests: SelfTests, card_wait_s: float = CARD_WAIT_S) -> None:
        self._record, self._tests, self.card_wait_s = record, tests, card_wait_s

    def run(self, test: SelfTest) -> list[DiagnosisResult]:
        self._record("self_test.run", test.value, None)
        return self._tests.run(test, self.card_wait_s)

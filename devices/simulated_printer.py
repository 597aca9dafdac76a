"""SimulatedPrinter: an in-process receipt printer with injectable states and failures.

It lays each receipt out exactly as the real printer would (same raster), keeps the images,
and follows the same rules: status checked before a job, paper that runs out mid-job makes
the job fail. Thread-safe; listeners run on the caller's thread.
"""

from __future__ import annotations

import threading

from PIL import Image

from devices.escpos_printer import build_receipt_job, build_slip_job, error_for_status
from devices.receipt_layout import render_receipt, render_slip
from kiosk.domain.receipt import Receipt
from kiosk.domain.slip import Slip
from kiosk.ports.device import DeviceState, DeviceStatus, StatusListener, Unsubscribe
from kiosk.ports.printer import PaperWidth, PrinterError, PrinterOutOfPaper, PrintResult

SIMULATED_STATES = {
    "ok": DeviceStatus(DeviceState.READY, "printer.ready"),
    "near_end": DeviceStatus(DeviceState.DEGRADED, "printer.paper_near_end"),
    "out": DeviceStatus(DeviceState.ERROR, "printer.out_of_paper"),
    "offline": DeviceStatus(DeviceState.OFFLINE, "printer.offline"),
    "mute": DeviceStatus(DeviceState.OFFLINE, "printer.silent"),
    "missing": DeviceStatus(DeviceState.OFFLINE, "printer.not_found"),
}


class SimulatedPrinter:
    def __init__(self, paper_width: PaperWidth = PaperWidth.MM80, state: str = "ok") -> None:
        self._paper_width = paper_width
        self._lock = threading.Lock()
        self._listeners: list[StatusListener] = []
        self._state = state
        self._run_out_during_next_job = False
        self._fail_next: PrinterError | None = None
        self._last: DeviceStatus | None = None
        self.printed: list[tuple[Receipt, Image.Image]] = []
        self.slips: list[tuple[Slip, Image.Image]] = []

    # -- test controls -----------------------------------------------------------------

    def set_state(self, state: str) -> None:
        if state not in SIMULATED_STATES:
            raise ValueError(state)
        self._state = state

    def run_out_during_next_job(self) -> None:
        self._run_out_during_next_job = True

    def fail_next(self, error: PrinterError) -> None:
        self._fail_next = error

    # -- ReceiptPrinter ------------------------------------------------------------------

    @property
    def paper_width(self) -> PaperWidth:
        return self._paper_width

    def open(self) -> None:
        self.status()

    def close(self) -> None:
        """Nothing to release."""

    def capabilities(self) -> frozenset[str]:
        return frozenset({"receipt", "raster", "cut", "status", f"paper_{int(self._paper_width)}"})

    def reset(self) -> None:
        self._last = None

    def cancel(self) -> None:
        """Jobs are instantaneous here."""

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def status(self) -> DeviceStatus:
        return self._publish(SIMULATED_STATES[self._state])

    def print_receipt(self, receipt: Receipt) -> PrintResult:
        job = build_receipt_job(receipt, self._paper_width)
        image = render_receipt(receipt, int(self._paper_width))
        result = self._print(job)
        self.printed.append((receipt, image))
        return result

    def print_slip(self, slip: Slip) -> PrintResult:
        result = self._print(build_slip_job(slip, self._paper_width))
        self.slips.append((slip, render_slip(slip, int(self._paper_width))))
        return result

    def _print(self, job: bytes) -> PrintResult:
        with self._lock:
            if self._fail_next is not None:
                error, self._fail_next = self._fail_next, None
                raise error
            before = self.status()
            if not before.usable:
                raise error_for_status(before, "not printed: " + before.message_key)
            if self._run_out_during_next_job:
                self._run_out_during_next_job = False
                self._state = "out"
                self.status()
                raise PrinterOutOfPaper("paper ran out during the job; receipt incomplete")
            return PrintResult(job_bytes=len(job), status_after=self.status())

    def _publish(self, status: DeviceStatus) -> DeviceStatus:
        if status != self._last:
            self._last = status
            for listener in list(self._listeners):
                listener(status)
        return status

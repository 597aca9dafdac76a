"""Printing a slip (appointment slip, queue ticket). When the terminal has no printer, or the
printer cannot print now, the caller shows the same slip on screen with its QR instead.

Thread: workers (the printer blocks for up to a couple of timeouts); never the GUI thread.
"""

from __future__ import annotations

from kiosk.domain.slip import Slip
from kiosk.ports.printer import PrinterNotFound, ReceiptPrinter


class SlipPrinting:
    def __init__(self, printer: ReceiptPrinter | None) -> None:
        self._printer = printer

    def print(self, slip: Slip) -> None:
        """Printed whole, or a PrinterError (out of paper, offline, ...) saying why not."""
        if self._printer is None:
            raise PrinterNotFound("this terminal has no printer")
        self._printer.print_slip(slip)

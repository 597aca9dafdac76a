"""The receipt printer port: print a Receipt, or say clearly why not.

Every failure is a PrinterError with a message key; nothing from the printer library escapes.
A receipt is either printed whole or reported as not printed: a printer that runs out of paper
mid-job raises PrinterOutOfPaper, never returns success.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Protocol

from kiosk.domain.receipt import Receipt
from kiosk.domain.slip import Slip
from kiosk.errors import DeviceError
from kiosk.ports.device import Device, DeviceStatus


class PaperWidth(IntEnum):
    """Printable width in dots at 203 dpi."""

    MM58 = 384
    MM80 = 576


class PrinterError(DeviceError):
    message_key = "printer.error"


class PrinterOutOfPaper(PrinterError):
    message_key = "printer.out_of_paper"


class PrinterOffline(PrinterError):
    message_key = "printer.offline"


class PrinterSilent(PrinterError):
    """The printer accepted the connection but did not answer a status query in time."""

    message_key = "printer.silent"


class PrinterNotFound(PrinterError):
    message_key = "printer.not_found"


@dataclass(frozen=True)
class PrintResult:
    job_bytes: int
    status_after: DeviceStatus  # e.g. degraded "printer.paper_near_end" after a good print


class ReceiptPrinter(Device, Protocol):
    @property
    def paper_width(self) -> PaperWidth: ...

    def print_receipt(self, receipt: Receipt) -> PrintResult:
        """Blocks the calling worker thread (never the GUI thread) until the job is sent.

        Raises a PrinterError subclass when the receipt was not (or not wholly) printed.
        """
        ...

    def print_slip(self, slip: Slip) -> PrintResult:
        """An appointment slip or a queue ticket; blocks and fails like print_receipt."""
        ...

"""EscposReceiptPrinter: receipts on an ESC/POS printer through python-escpos.

Transports (network, USB, serial, dummy) are chosen by config in `escpos_printer_from_config`,
always with a short timeout: python-escpos waits 60 s on a silent printer by default.

The connection is opened per operation (status query or job) and closed after, so a printer
that was power-cycled between receipts is simply reconnected. Each job is built in memory first
(on escpos's Dummy) and sent in one write, after a status check, then status is queried again:
a receipt is reported printed only if the printer still has paper after the job.

Methods block the calling worker thread for at most about two timeouts; status listeners run on
that same thread.
"""

from __future__ import annotations

import copy
import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from escpos.exceptions import DeviceNotFoundError
from escpos.exceptions import Error as EscposError
from escpos.printer import Dummy, Network, Serial, Usb
from PIL import Image

from devices.receipt_layout import ReceiptLabels, render_receipt, render_slip
from kiosk.domain.receipt import Receipt
from kiosk.domain.slip import Slip
from kiosk.errors import ConfigError
from kiosk.ports.device import DeviceState, DeviceStatus, StatusListener, Unsubscribe
from kiosk.ports.printer import (
    PaperWidth,
    PrinterError,
    PrinterNotFound,
    PrinterOffline,
    PrinterOutOfPaper,
    PrinterSilent,
    PrintResult,
)

log = logging.getLogger(__name__)

# ESC/POS real-time status (DLE EOT n), Epson ESC/POS command reference:
# n=1 printer status, bit 3 = offline; n=4 roll paper sensor, bits 2-3 = near end, bits 5-6 = out.
DLE_EOT_PRINTER = b"\x10\x04\x01"
DLE_EOT_PAPER = b"\x10\x04\x04"
_OFFLINE_BIT = 0x08
_NEAR_END_BITS = 0x0C
_PAPER_OUT_BITS = 0x60
DEFAULT_TIMEOUT_S = 2.0
MAX_TIMEOUT_S = 10.0

READY = DeviceStatus(DeviceState.READY, "printer.ready")


def status_from_bytes(printer_byte: int, paper_byte: int) -> DeviceStatus:
    """Map the two DLE EOT answers to our status. Paper out wins: it also sets offline."""
    code = f"{printer_byte:02x}/{paper_byte:02x}"
    if paper_byte & _PAPER_OUT_BITS:
        return DeviceStatus(DeviceState.ERROR, "printer.out_of_paper", vendor_code=code)
    if printer_byte & _OFFLINE_BIT:
        return DeviceStatus(DeviceState.OFFLINE, "printer.offline", vendor_code=code)
    if paper_byte & _NEAR_END_BITS:
        return DeviceStatus(DeviceState.DEGRADED, "printer.paper_near_end", vendor_code=code)
    return DeviceStatus(DeviceState.READY, "printer.ready", vendor_code=code)


def error_for_status(status: DeviceStatus, detail: str) -> PrinterError:
    errors: dict[str, type[PrinterError]] = {
        "printer.out_of_paper": PrinterOutOfPaper,
        "printer.offline": PrinterOffline,
        "printer.silent": PrinterSilent,
        "printer.not_found": PrinterNotFound,
    }
    return errors.get(status.message_key, PrinterError)(detail)


def build_receipt_job(
    receipt: Receipt, width: PaperWidth, labels: ReceiptLabels | None = None
) -> bytes:
    """ESC @, the receipt as GS v 0 raster bands, feed and cut: the bytes of one job."""
    return raster_job(render_receipt(receipt, int(width), labels), width)


def build_slip_job(slip: Slip, width: PaperWidth) -> bytes:
    return raster_job(render_slip(slip, int(width)), width)


def raster_job(image: Image.Image, width: PaperWidth) -> bytes:
    dummy = Dummy()
    # Tell escpos the paper width (a private copy: profiles are shared module data).
    profile = copy.deepcopy(dummy.profile.profile_data)
    profile["media"]["width"]["pixels"] = int(width)
    dummy.profile.profile_data = profile
    dummy.hw("INIT")
    dummy.image(image, impl="bitImageRaster", fragment_height=256)
    dummy.cut()
    return bytes(dummy.output)


class EscposReceiptPrinter:
    """A ReceiptPrinter over any python-escpos printer object made by `connect`."""

    def __init__(
        self,
        connect: Callable[[], Any],
        paper_width: PaperWidth,
        *,
        queries_status: bool = True,
        needs_open: bool = True,
        labels: ReceiptLabels | None = None,
    ) -> None:
        self._connect = connect
        self._paper_width = paper_width
        self._queries_status = queries_status
        self._needs_open = needs_open
        self._labels = labels
        self._lock = threading.Lock()
        self._listeners: list[StatusListener] = []
        self._last: DeviceStatus | None = None

    @property
    def paper_width(self) -> PaperWidth:
        return self._paper_width

    def open(self) -> None:
        self.status()

    def close(self) -> None:
        """Nothing stays open between operations."""

    def capabilities(self) -> frozenset[str]:
        caps = {"receipt", "raster", "cut", f"paper_{int(self._paper_width)}"}
        if self._queries_status:
            caps.add("status")
        return frozenset(caps)

    def reset(self) -> None:
        self._last = None

    def cancel(self) -> None:
        """A job is one write of a few kB; there is nothing to cancel half-way."""

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def status(self) -> DeviceStatus:
        with self._lock:
            try:
                driver = self._open_driver()
            except PrinterError as exc:
                return self._publish(DeviceStatus(_state_of(exc), exc.message_key, exc.detail))
            try:
                return self._publish(self._query(driver))
            except PrinterError as exc:
                return self._publish(DeviceStatus(_state_of(exc), exc.message_key, exc.detail))
            finally:
                _close_quietly(driver)

    def print_receipt(self, receipt: Receipt) -> PrintResult:
        return self._print(build_receipt_job(receipt, self._paper_width, self._labels))

    def print_slip(self, slip: Slip) -> PrintResult:
        return self._print(build_slip_job(slip, self._paper_width))

    def _print(self, job: bytes) -> PrintResult:
        with self._lock:
            try:
                return self._print_locked(job)
            except PrinterError as exc:
                self._publish(DeviceStatus(_state_of(exc), exc.message_key, exc.detail))
                raise

    # -- internals, called with the lock held --------------------------------------------

    def _print_locked(self, job: bytes) -> PrintResult:
        driver = self._open_driver()
        try:
            before = self._publish(self._query(driver))
            if not before.usable:
                raise error_for_status(before, "not printed: " + before.message_key)
            self._send(driver, job)
            after = self._publish(self._query(driver))
            if after.message_key == "printer.out_of_paper":
                raise PrinterOutOfPaper("paper ran out during the job; receipt incomplete")
            if not after.usable:
                raise error_for_status(after, "job sent but not confirmed")
            return PrintResult(job_bytes=len(job), status_after=after)
        finally:
            _close_quietly(driver)

    def _open_driver(self) -> Any:
        try:
            driver = self._connect()
            if self._needs_open:
                driver.open()
            return driver
        except PrinterError:
            raise
        except DeviceNotFoundError as exc:
            raise PrinterNotFound(type(exc).__name__) from exc
        except TimeoutError as exc:
            raise PrinterSilent("connect timed out") from exc
        except (OSError, EscposError) as exc:
            raise PrinterOffline(type(exc).__name__) from exc

    def _query(self, driver: Any) -> DeviceStatus:
        if not self._queries_status:
            return READY
        printer_byte = self._ask(driver, DLE_EOT_PRINTER)
        paper_byte = self._ask(driver, DLE_EOT_PAPER)
        return status_from_bytes(printer_byte, paper_byte)

    @staticmethod
    def _ask(driver: Any, query: bytes) -> int:
        try:
            answer: bytes = driver.query_status(query)
        except TimeoutError as exc:
            raise PrinterSilent("no answer to DLE EOT within the timeout") from exc
        except (OSError, EscposError) as exc:
            raise PrinterOffline(type(exc).__name__) from exc
        if not answer:
            # Serial reads return b"" on timeout; a TCP peer that closes is gone too.
            raise PrinterSilent("empty answer to DLE EOT")
        # Every DLE EOT status byte is 0xx1xx10 (Epson ESC/POS reference, DLE EOT): anything
        # else is not a printer (e.g. a web server answering "HTTP/1.1 400" on port 9100).
        if len(answer) != 1 or answer[0] & 0x93 != 0x12:
            raise PrinterOffline(
                f"answer to DLE EOT is not a status byte: {answer[:8].hex()}",
                message_key="printer.not_escpos",
            )
        return answer[0]

    @staticmethod
    def _send(driver: Any, job: bytes) -> None:
        try:
            driver._raw(job)
        except TimeoutError as exc:
            raise PrinterSilent("job write timed out; receipt not confirmed") from exc
        except (OSError, EscposError) as exc:
            raise PrinterOffline("job write failed: " + type(exc).__name__) from exc

    def _publish(self, status: DeviceStatus) -> DeviceStatus:
        """Listeners hear changes of state or message, not of detail."""
        last = self._last
        if last is None or (status.state, status.message_key) != (last.state, last.message_key):
            self._last = status
            log.info("printer status %s (%s)", status.message_key, status.vendor_code or "-")
            for listener in list(self._listeners):
                listener(status)
        return status


def _state_of(exc: PrinterError) -> DeviceState:
    return DeviceState.ERROR if isinstance(exc, PrinterOutOfPaper) else DeviceState.OFFLINE


def _close_quietly(driver: Any) -> None:
    try:
        driver.close()
    except (OSError, EscposError, AttributeError) as exc:
        log.debug("printer close failed: %s", type(exc).__name__)


USB_PRINTER_CLASS = 7  # the class deploy/udev/90-kiosk-devices.rules gives the kiosk user


def is_usb_printer(device: Any) -> bool:
    """A pyusb device of the printer class, named on the device or on one of its interfaces
    (most receipt printers say so only on the interface)."""
    if device.bDeviceClass == USB_PRINTER_CLASS:
        return True
    return any(
        interface.bInterfaceClass == USB_PRINTER_CLASS for config in device for interface in config
    )


def first_usb_printer(devices: Iterable[Any]) -> tuple[int, int]:
    """(vendor id, product id) of the first printer-class device. Raises PrinterNotFound."""
    for device in devices:
        if is_usb_printer(device):
            return int(device.idVendor), int(device.idProduct)
    raise PrinterNotFound("no USB printer (class 07) is plugged in")


def _usb(vendor_id: int, product_id: int, timeout_ms: int) -> Any:
    """vendor_id and product_id 0: the first USB printer plugged in, found again at each
    connect, so a terminal ships with one config for whichever model it was built with."""
    if not Usb.is_usable():
        raise PrinterNotFound("pyusb or libusb-1.0 is not installed")
    if not (vendor_id and product_id):
        import usb.core  # pyusb: present whenever Usb.is_usable()

        vendor_id, product_id = first_usb_printer(usb.core.find(find_all=True) or ())
    return Usb(vendor_id, product_id, timeout=timeout_ms)


class SerialLinePrinter(Serial):  # type: ignore[misc]  # escpos is untyped
    """python-escpos's Serial, but a status read returns as soon as the answer is there.

    Its `_read` asks pyserial for 16 bytes, and pyserial waits the whole timeout for them;
    a DLE EOT answer is one byte, so every query cost the full timeout (a receipt, four
    queries: 8 s at the default 2 s; measured over a PTY in tests/devices). Here: wait up to
    the timeout for the first byte, then take only what has already arrived."""

    def _read(self) -> bytes:
        first: bytes = self.device.read(1)
        return first + self.device.read(self.device.in_waiting) if first else first


def _timeout(config: Mapping[str, Any]) -> float:
    timeout = float(config.get("timeout_s", DEFAULT_TIMEOUT_S))
    if not 0 < timeout <= MAX_TIMEOUT_S:
        raise ConfigError(f"printer timeout_s must be in (0, {MAX_TIMEOUT_S}]")
    return timeout


def escpos_printer_from_config(config: Mapping[str, Any]) -> EscposReceiptPrinter:
    """Build the printer from `[devices.printer]`: transport network / usb / serial / dummy.

    network: host, port (9100), timeout_s; usb: vendor_id, product_id (ints; both 0 or
    absent: the first USB printer plugged in), timeout_s;
    serial: device, baudrate (9600), xonxoff (false: the printer's software flow control,
    for a model whose buffer overflows on a long raster), timeout_s; every transport: paper_mm
    58 or 80.
    """
    paper = {58: PaperWidth.MM58, 80: PaperWidth.MM80}.get(int(config.get("paper_mm", 80)))
    if paper is None:
        raise ConfigError("printer paper_mm must be 58 or 80")
    transport = config.get("transport")
    timeout = _timeout(config)
    connect: Callable[[], Any]
    if transport == "network":
        host, port = str(config["host"]), int(config.get("port", 9100))
        connect = lambda: Network(host, port=port, timeout=timeout)  # noqa: E731
    elif transport == "usb":
        vid, pid = int(config.get("vendor_id", 0)), int(config.get("product_id", 0))
        millis = int(timeout * 1000)
        connect = lambda: _usb(vid, pid, millis)  # noqa: E731
    elif transport == "serial":
        dev, baud = str(config["device"]), int(config.get("baudrate", 9600))
        xonxoff = bool(config.get("xonxoff", False))
        connect = lambda: SerialLinePrinter(  # noqa: E731
            devfile=dev, baudrate=baud, timeout=timeout, xonxoff=xonxoff
        )
    elif transport == "dummy":
        sink = Dummy()
        return EscposReceiptPrinter(lambda: sink, paper, queries_status=False, needs_open=False)
    else:
        raise ConfigError(f"unknown printer transport {transport!r}")
    return EscposReceiptPrinter(connect, paper)

"""Diagnose checks for the printer and the camera, for `python -m devices diagnose` and the
technician screen. Each returns a DeviceStatus the caller words; none raises a device error.

Both block the calling worker thread for at most a few seconds (the printer's short timeout,
the camera's still wait).
"""

from __future__ import annotations

from datetime import datetime

from kiosk.domain.receipt import Receipt
from kiosk.ports.camera import Camera, CameraError
from kiosk.ports.device import DeviceState, DeviceStatus
from kiosk.ports.printer import PrinterError, ReceiptPrinter

BLACK_FRAME_MEAN = 5.0  # a covered lens or a dead sensor delivers frames, all black


def printer_test_page(issued_at: datetime, terminal_id: str = "-", hall_name: str = "-") -> Receipt:
    return Receipt(
        title="打印测试页",
        item_name="打印机自检（中文 ABC 123）",
        receipt_no="TEST-0000-0",
        issued_at=issued_at,
        terminal_id=terminal_id,
        hall_name=hall_name,
        masked_name="测*",
        next_steps=("二维码应可被手机扫描。", "文字应清晰、无缺行。"),
        offline=False,
        qr_payload="KIOSK-PRINTER-TEST",
        footer="technician test page",
    )


def check_printer(printer: ReceiptPrinter, print_at: datetime | None = None) -> DeviceStatus:
    """The printer's status; with `print_at`, also print a test page stamped with that time."""
    status = printer.status()
    if print_at is None or not status.usable:
        return status
    try:
        return printer.print_receipt(printer_test_page(print_at)).status_after
    except PrinterError as exc:
        state = (
            DeviceState.ERROR if exc.message_key == "printer.out_of_paper" else DeviceState.OFFLINE
        )
        return DeviceStatus(state, exc.message_key, exc.detail)


def check_camera(camera: Camera, timeout_s: float = 3.0) -> DeviceStatus:
    """Open the camera, take one still, and close it again."""
    camera.open()
    try:
        if not camera.status().usable:
            return camera.status()
        frame = camera.capture_still(timeout_s)
        if float(frame.image.mean()) < BLACK_FRAME_MEAN:
            return DeviceStatus(DeviceState.DEGRADED, "camera.black_frame", "lens covered?")
        height, width = frame.image.shape[:2]
        return DeviceStatus(DeviceState.READY, "camera.ready", f"{width}x{height}")
    except CameraError as exc:
        return DeviceStatus(DeviceState.OFFLINE, exc.message_key, exc.detail)
    finally:
        camera.close()

"""Reading a QR code held up to the camera (a receipt, for status lookup). Pure functions."""

from __future__ import annotations

from collections.abc import Iterable

import cv2

from kiosk.ports.camera import FrameArray


def decode_qr(image: FrameArray, detector: cv2.QRCodeDetector | None = None) -> str | None:
    """The payload of the QR code in the image, or None. About 15 ms per 640x480 frame."""
    detector = detector or cv2.QRCodeDetector()
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    text, points, _ = detector.detectAndDecode(gray)
    return text or None if points is not None else None


def first_qr(frames: Iterable[FrameArray], max_frames: int = 90) -> str | None:
    """Scan frames in order until one decodes; None after max_frames without a code."""
    detector = cv2.QRCodeDetector()
    for count, image in enumerate(frames):
        if count >= max_frames:
            break
        payload = decode_qr(image, detector)
        if payload:
            return payload
    return None


def decode_barcode(image: FrameArray) -> str | None:
    """A 1-D barcode (EAN/UPC/Code128...) anywhere in the image, or None.

    cv2's BarcodeDetector finds bars only within a band of sizes, so a full-resolution page
    is tried at a few scales, largest first.
    """
    detector = cv2.barcode.BarcodeDetector()
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    for scale in (1.0, 0.5, 0.35, 0.25):
        scaled = (
            gray
            if scale == 1.0
            else cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        )
        text = detector.detectAndDecode(scaled)[0]
        if text:
            return str(text)
    return None

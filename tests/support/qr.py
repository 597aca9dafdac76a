"""Reading a QR code off a rendered receipt, slip or screen in tests.

OpenCV's detector alone misses about one receipt in 150 (the receipt's text next to the code
confuses its finder-pattern search; a phone's scanner reads them all). Each detector is tried
at the image's size and at twice it before a test concludes there is no readable code.
"""

from __future__ import annotations

import cv2
import numpy as np


def read_qr(image: np.ndarray) -> str:
    """The text of the QR code in `image` (grey or colour), or "" when none can be read."""
    for scale in (1, 2):
        scaled = (
            image
            if scale == 1
            else cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
        )
        for detector in (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco()):
            text = detector.detectAndDecode(scaled)[0]
            if text:
                return str(text)
    return ""

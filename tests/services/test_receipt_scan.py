"""A receipt's QR code held to the camera: frames made in the test from a rendered receipt,
written to a video file, read back through cv2.VideoCapture by the real camera driver, and the
receipt number found by the progress service."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest

from devices.camera.opencv_camera import OpenCvCamera
from devices.camera.qr import decode_qr
from devices.receipt_layout import render_receipt
from kiosk.domain.receipt_numbers import format_receipt_number
from kiosk.services.progress import ProgressService, receipt_in_qr
from tests.devices.camera_media import SIZE, write_video
from tests.devices.receipts import sample_receipt

RECEIPT = format_receipt_number("K7Q2M", 1031)


def held_up(qr_payload: str, count: int = 8) -> list[np.ndarray]:
    """The receipt's lower half (its QR code), tilted as a hand holds it, drifting a little."""
    receipt = replace(sample_receipt(), receipt_no=RECEIPT, qr_payload=qr_payload)
    paper = np.array(render_receipt(receipt, 384).convert("L"), dtype=np.uint8)
    part = np.asarray(paper[paper.shape[0] // 2 :] * 0.9 + 20, dtype=np.float32)
    h, w = part.shape
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    rng = np.random.default_rng(7)
    frames = []
    for i in range(count):
        dst = np.array([[180 + 3 * i, 50], [450, 40 + i], [470, 440], [170, 430]], np.float32)
        matrix = cv2.getPerspectiveTransform(src, dst)
        mask = cv2.warpPerspective(np.ones_like(part), matrix, SIZE)
        warped = cv2.warpPerspective(part, matrix, SIZE)
        background = 70 + 30 * rng.random((SIZE[1], SIZE[0]))
        lit = background * (1 - mask) + warped * mask + rng.normal(0, 3, (SIZE[1], SIZE[0]))
        grey = cv2.GaussianBlur(np.clip(lit, 0, 255).astype(np.uint8), (3, 3), 0)
        frames.append(cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR))
    return frames


class NoCases:
    def by_receipt(self, receipt_no):
        raise AssertionError("scanning looks nothing up")


@pytest.mark.parametrize(
    "payload", [RECEIPT, f"https://zwfw.example.cn/r/{RECEIPT}", f"KIOSK|回执={RECEIPT}|v1"]
)
def test_a_receipt_qr_read_from_a_video_file_gives_its_receipt_number(tmp_path: Path, payload):
    video = write_video(tmp_path / "held-up.avi", held_up(payload))
    camera = OpenCvCamera(str(video), loop=True, fps=30)
    progress = ProgressService(NoCases(), NoCases(), decode_qr)  # type: ignore[arg-type]
    found = None
    camera.open()
    try:
        deadline = time.monotonic() + 20  # a hang guard, not a performance figure
        while found is None and time.monotonic() < deadline:
            frame = camera.latest_frame()
            if frame is None:
                time.sleep(0.01)
                continue
            found = progress.receipt_in_frame(frame.image)
    finally:
        camera.close()
    assert found == RECEIPT


def test_a_frame_without_a_receipt_qr_gives_nothing():
    blank = np.full((SIZE[1], SIZE[0], 3), 128, np.uint8)
    assert ProgressService(NoCases(), NoCases(), decode_qr).receipt_in_frame(blank) is None  # type: ignore[arg-type]
    assert receipt_in_qr("https://zwfw.example.cn/notices/42") is None
    assert receipt_in_qr(RECEIPT.lower()) == RECEIPT
    typo = RECEIPT[:-1] + ("0" if RECEIPT[-1] != "0" else "1")
    assert receipt_in_qr(typo) is None  # the check character catches a misread

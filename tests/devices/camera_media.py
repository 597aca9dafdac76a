"""Media made in the tests: a receipt held up to a camera, as a video file and a sequence."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from devices.receipt_layout import render_receipt
from tests.devices.receipts import sample_receipt

SIZE = (640, 480)


def held_up_receipt_frames(count: int = 12) -> list[np.ndarray]:
    """A 58 mm receipt's lower half (the QR), tilted in perspective, moving a little."""
    receipt = np.array(render_receipt(sample_receipt(), 384).convert("L"), dtype=np.uint8)
    part = np.asarray(receipt[receipt.shape[0] // 2 :] * 0.9 + 20, dtype=np.float32)
    h, w = part.shape
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    rng = np.random.default_rng(3)
    frames = []
    for i in range(count):
        dx = 4 * i
        dst = np.array(
            [[190 + dx, 40], [450 + dx, 60], [470 + dx, 440], [170 + dx, 425]], np.float32
        )
        matrix = cv2.getPerspectiveTransform(src, dst)
        background = 60 + 30 * rng.random((SIZE[1], SIZE[0]))
        mask = cv2.warpPerspective(np.ones_like(part), matrix, SIZE)
        warped = cv2.warpPerspective(part, matrix, SIZE)
        lit = background * (1 - mask) + warped * mask + rng.normal(0, 3, (SIZE[1], SIZE[0]))
        gray = cv2.GaussianBlur(np.clip(lit, 0, 255).astype(np.uint8), (3, 3), 0)
        frames.append(cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR))
    return frames


def write_video(path: Path, frames: list[np.ndarray], fps: float = 30.0) -> Path:
    """An MJPG file of `frames` (all the size of the first)."""
    height, width = frames[0].shape[:2]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, (width, height))
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


def write_sequence(folder: Path, frames: list[np.ndarray]) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    for i, frame in enumerate(frames):
        cv2.imwrite(str(folder / f"img_{i:03d}.png"), frame)
    return str(folder / "img_%03d.png")

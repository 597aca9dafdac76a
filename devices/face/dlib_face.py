"""DlibFaceEngine: dlib's HOG face detector, 68-point landmarks and ResNet face descriptors.

The weights come inside the `face-recognition-models` package (CC0), so nothing is
downloaded at run time. About 0.1 s per 640x480 frame for detect + descriptor on one core;
call from a worker thread. The verification threshold comes from config (dlib's own
recommendation is 0.6 Euclidean distance between descriptors; lower is stricter).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import cv2
import dlib  # type: ignore[import-untyped]
import face_recognition_models  # type: ignore[import-untyped]
import numpy as np

from kiosk.errors import ConfigError
from kiosk.ports.camera import FrameArray
from kiosk.ports.face import FaceBox, FaceDetection, FaceGuidance, FaceMatch, NoFaceInPhoto

# 68-point (iBUG 300-W) landmark indices
_NOSE_TIP = 30
_LEFT_EYE = slice(36, 42)
_RIGHT_EYE = slice(42, 48)


@dataclass(frozen=True)
class FaceLimits:
    min_face_fraction: float = 0.18  # face width / frame width
    max_centre_offset: float = 0.15  # face centre from frame centre, as a share of the frame
    min_brightness: float = 60.0  # mean grey inside the face box
    match_threshold: float = 0.6


class DlibFaceEngine:
    def __init__(self, limits: FaceLimits | None = None) -> None:
        self.limits = limits or FaceLimits()
        self._detector = dlib.get_frontal_face_detector()
        self._shapes = dlib.shape_predictor(face_recognition_models.pose_predictor_model_location())
        self._encoder = dlib.face_recognition_model_v1(
            face_recognition_models.face_recognition_model_location()
        )

    def _rects(self, rgb: FrameArray, upsample: int = 0) -> list[Any]:
        return list(self._detector(rgb, upsample))

    def detect(self, frame: FrameArray) -> FaceDetection:
        rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
        rects = self._rects(rgb)
        boxes = tuple(FaceBox(r.left(), r.top(), r.right(), r.bottom()) for r in rects)
        if not boxes:
            return FaceDetection(FaceGuidance.NONE, boxes)
        if len(boxes) > 1:
            return FaceDetection(FaceGuidance.SEVERAL, boxes)
        return FaceDetection(self._guidance(frame, boxes[0]), boxes)

    def _guidance(self, frame: FrameArray, box: FaceBox) -> FaceGuidance:
        height, width = frame.shape[:2]
        top, bottom = max(0, box.top), min(height, box.bottom)
        left, right = max(0, box.left), min(width, box.right)
        face = cv2.cvtColor(frame[top:bottom, left:right], cv2.COLOR_BGR2GRAY)
        if face.size and float(face.mean()) < self.limits.min_brightness:
            return FaceGuidance.TOO_DARK
        if (box.right - box.left) / width < self.limits.min_face_fraction:
            return FaceGuidance.TOO_SMALL
        cx, cy = (box.left + box.right) / 2 / width, (box.top + box.bottom) / 2 / height
        if max(abs(cx - 0.5), abs(cy - 0.5)) > self.limits.max_centre_offset:
            return FaceGuidance.OFF_CENTRE
        return FaceGuidance.OK

    def _descriptor(self, bgr: FrameArray, upsample: int) -> np.ndarray:
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        rects = self._rects(rgb, upsample)
        if len(rects) != 1:
            raise NoFaceInPhoto(f"{len(rects)} faces found")
        shape = self._shapes(rgb, rects[0])
        return np.array(self._encoder.compute_face_descriptor(rgb, shape))

    def verify(self, card_photo_jpeg: bytes, live_frame: FrameArray) -> FaceMatch:
        card = cv2.imdecode(np.frombuffer(card_photo_jpeg, np.uint8), cv2.IMREAD_COLOR)
        if card is None:
            raise NoFaceInPhoto("card photo is not a decodable image")
        # Card photos are small (102x126 on a resident ID card): look at twice the size.
        distance = float(
            np.linalg.norm(self._descriptor(card, 2) - self._descriptor(live_frame, 0))
        )
        return FaceMatch(distance, distance <= self.limits.match_threshold)

    def yaw_ratio(self, frame: FrameArray) -> float | None:
        rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
        rects = self._rects(rgb)
        if len(rects) != 1:
            return None
        shape = self._shapes(rgb, rects[0])
        points = np.array([(p.x, p.y) for p in shape.parts()], dtype=np.float64)
        left, right = points[_LEFT_EYE].mean(axis=0), points[_RIGHT_EYE].mean(axis=0)
        span = right[0] - left[0]
        if span <= 1:
            return None
        return float((points[_NOSE_TIP][0] - left[0]) / span)


def dlib_face_engine_from_config(config: Mapping[str, Any]) -> DlibFaceEngine:
    """`[devices.face]`: match_threshold (0.6 by default; lower is stricter)."""
    threshold = float(config.get("match_threshold", 0.6))
    if not 0.2 <= threshold <= 0.8:
        raise ConfigError("face match_threshold must be within [0.2, 0.8]")
    return DlibFaceEngine(FaceLimits(match_threshold=threshold))

"""The face port: live guidance, verification against the card photo, a liveness signal.

Behind it sits one engine (today dlib with the face-recognition-models weights); a better one
replaces it by implementing this Protocol. Calls are CPU-heavy (about 0.1 s per 640x480
frame): run them on a worker thread, never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from kiosk.errors import DeviceError
from kiosk.ports.camera import FrameArray


class FaceGuidance(StrEnum):
    NONE = "face.none"
    SEVERAL = "face.several"
    OFF_CENTRE = "face.off_centre"
    TOO_SMALL = "face.too_small"
    TOO_DARK = "face.too_dark"
    OK = "face.ok"


@dataclass(frozen=True)
class FaceBox:
    left: int
    top: int
    right: int
    bottom: int


@dataclass(frozen=True)
class FaceDetection:
    guidance: FaceGuidance
    boxes: tuple[FaceBox, ...]


@dataclass(frozen=True)
class FaceMatch:
    distance: float  # smaller is more alike
    is_match: bool  # distance <= the configured threshold


class FaceError(DeviceError):
    message_key = "face.error"


class NoFaceInPhoto(FaceError):
    """The card photo or the live frame does not show exactly one usable face."""

    message_key = "face.not_found"


class FaceEngine(Protocol):
    def detect(self, frame: FrameArray) -> FaceDetection: ...

    def verify(self, card_photo_jpeg: bytes, live_frame: FrameArray) -> FaceMatch:
        """Raises NoFaceInPhoto when either image lacks exactly one face."""
        ...

    def yaw_ratio(self, frame: FrameArray) -> float | None:
        """Where the nose sits between the eyes (0.5 = facing the camera), or None.

        A real head turning moves it; a flat photo turned or moved keeps it (an affine
        squeeze scales all horizontal distances alike). The liveness challenge uses this.
        """
        ...

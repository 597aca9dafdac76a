"""The camera port: the latest frame, still capture, and frames delivered to subscribers.

Frames are BGR uint8 numpy arrays (height, width, 3). Subscribers run on the camera's capture
thread and must hand work off quickly; the UI bridges them to Qt with queued signals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy.typing as npt

from kiosk.errors import DeviceError
from kiosk.ports.device import Device, Unsubscribe

# BGR (or grey) uint8 images; typed loosely because OpenCV's stubs type every image so.
FrameArray = npt.NDArray[Any]


@dataclass(frozen=True)
class Frame:
    index: int  # increases by one per frame captured since open()
    image: FrameArray


FrameListener = Callable[[Frame], None]


class CameraError(DeviceError):
    message_key = "camera.error"


class CameraMissing(CameraError):
    message_key = "camera.missing"


class CameraNoFrame(CameraError):
    """No frame arrived within the wait; the camera may have stalled."""

    message_key = "camera.no_frame"


class Camera(Device, Protocol):
    def latest_frame(self) -> Frame | None:
        """The newest frame, or None before the first one. Never blocks."""
        ...

    def capture_still(self, timeout_s: float = 2.0) -> Frame:
        """Waits for a frame newer than the call; raises CameraNoFrame or CameraMissing."""
        ...

    def subscribe_frames(self, listener: FrameListener) -> Unsubscribe: ...

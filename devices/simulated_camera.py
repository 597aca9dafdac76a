"""SimulatedCamera: frames from arrays or image files, delivered when the test says so.

No thread: `push()` (or `advance()` through the given frames, looping) makes the next frame
current and calls frame listeners on the caller's thread. `capture_still` pulls the next
scripted frame itself, so still capture works without anyone pushing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import cv2

from kiosk.ports.camera import CameraMissing, CameraNoFrame, Frame, FrameArray, FrameListener
from kiosk.ports.device import DeviceState, DeviceStatus, StatusListener, Unsubscribe

READY = DeviceStatus(DeviceState.READY, "camera.ready")
MISSING = DeviceStatus(DeviceState.OFFLINE, "camera.missing")


class SimulatedCamera:
    def __init__(self, frames: Sequence[FrameArray | Path] = (), *, present: bool = True) -> None:
        self._frames = [self._load(f) for f in frames]
        self._present = present
        self._opened = False
        self._next = 0
        self._index = 0
        self._latest: Frame | None = None
        self._status = MISSING
        self._status_listeners: list[StatusListener] = []
        self._frame_listeners: list[FrameListener] = []

    @staticmethod
    def _load(frame: FrameArray | Path) -> FrameArray:
        if isinstance(frame, Path):
            image = cv2.imread(str(frame), cv2.IMREAD_COLOR)
            if image is None:
                raise FileNotFoundError(frame)
            return image
        return frame

    # -- test controls -----------------------------------------------------------------

    def unplug(self) -> None:
        self._present = False
        self._set_status(MISSING)

    def push(self, image: FrameArray) -> Frame:
        if not (self._opened and self._present):
            raise CameraMissing("simulated camera not open or unplugged")
        frame = Frame(self._index, image)
        self._index += 1
        self._latest = frame
        for listener in list(self._frame_listeners):
            listener(frame)
        return frame

    def advance(self) -> Frame:
        if not self._frames:
            raise CameraNoFrame("simulated camera has no frames")
        image = self._frames[self._next % len(self._frames)]
        self._next += 1
        return self.push(image)

    # -- Device ------------------------------------------------------------------------

    def open(self) -> None:
        self._opened = True
        self._set_status(READY if self._present else MISSING)

    def close(self) -> None:
        self._opened = False

    def status(self) -> DeviceStatus:
        return self._status

    def capabilities(self) -> frozenset[str]:
        return frozenset({"frames", "still"})

    def reset(self) -> None:
        self._next = 0

    def cancel(self) -> None:
        """Nothing waits here."""

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        self._status_listeners.append(listener)
        return lambda: self._status_listeners.remove(listener)

    # -- Camera ------------------------------------------------------------------------

    def latest_frame(self) -> Frame | None:
        return self._latest

    def capture_still(self, timeout_s: float = 2.0) -> Frame:  # noqa: ARG002
        """Scripted frames are always there: no waiting, so the timeout never applies."""
        return self.advance()

    def subscribe_frames(self, listener: FrameListener) -> Unsubscribe:
        self._frame_listeners.append(listener)
        return lambda: self._frame_listeners.remove(listener)

    def _set_status(self, status: DeviceStatus) -> None:
        if status != self._status:
            self._status = status
            for listener in list(self._status_listeners):
                listener(status)

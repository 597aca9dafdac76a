"""OpenCvCamera: a capture thread over cv2.VideoCapture with latest-frame hand-off.

The source is a device index, a video file, an image-sequence pattern (img_%03d.png) or a
stream URL. Only the newest frame is kept (no queue grows when nobody reads). Frame listeners
run on the capture thread; they must return quickly (the UI re-emits them as queued signals).
A missing camera leaves the device offline with "camera.missing"; it never raises from open().
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any

import cv2

from kiosk.errors import ConfigError
from kiosk.ports.camera import CameraMissing, CameraNoFrame, Frame, FrameListener
from kiosk.ports.device import DeviceState, DeviceStatus, StatusListener, Unsubscribe

log = logging.getLogger(__name__)

MISSING = DeviceStatus(DeviceState.OFFLINE, "camera.missing")
READY = DeviceStatus(DeviceState.READY, "camera.ready")
STALLED = DeviceStatus(DeviceState.DEGRADED, "camera.no_frame")
ENDED = DeviceStatus(DeviceState.OFFLINE, "camera.stream_ended")
_READ_FAILURES_BEFORE_REOPEN = 5


def _open_capture(source: int | str) -> cv2.VideoCapture:
    if isinstance(source, str) and "%" in source:
        return cv2.VideoCapture(source, cv2.CAP_IMAGES)
    return cv2.VideoCapture(source)


class OpenCvCamera:
    def __init__(
        self,
        source: int | str,
        *,
        loop: bool = False,
        fps: float | None = None,
        capture_factory: Callable[[int | str], cv2.VideoCapture] = _open_capture,
    ) -> None:
        """`loop` replays a file or sequence at its end; `fps` paces reading (None: the
        source's own rate for files, or as fast as the device delivers for cameras)."""
        self._source = source
        self._loop = loop
        self._fps = fps
        self._factory = capture_factory
        self._cond = threading.Condition()
        self._latest: Frame | None = None
        self._status = MISSING
        self._status_listeners: list[StatusListener] = []
        self._frame_listeners: list[FrameListener] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- Device ------------------------------------------------------------------------

    def open(self) -> None:
        if self._thread is not None:
            return
        capture = self._factory(self._source)
        if not capture.isOpened():
            capture.release()
            self._set_status(MISSING)
            return
        self._stop.clear()
        self._set_status(READY)
        self._thread = threading.Thread(
            target=self._run, args=(capture,), name="opencv-camera", daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        with self._cond:
            self._cond.notify_all()

    def status(self) -> DeviceStatus:
        return self._status

    def capabilities(self) -> frozenset[str]:
        return frozenset({"frames", "still", "loop"} if self._loop else {"frames", "still"})

    def reset(self) -> None:
        self.close()
        self.open()

    def cancel(self) -> None:
        with self._cond:
            self._cond.notify_all()

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        self._status_listeners.append(listener)
        return lambda: self._status_listeners.remove(listener)

    # -- Camera ------------------------------------------------------------------------

    def latest_frame(self) -> Frame | None:
        with self._cond:
            return self._latest

    def capture_still(self, timeout_s: float = 2.0) -> Frame:
        if self._thread is None:
            raise CameraMissing(f"no capture running ({self._status.message_key})")
        with self._cond:
            after = self._latest.index if self._latest is not None else -1
            got = self._cond.wait_for(
                lambda: (
                    (self._latest is not None and self._latest.index > after)
                    or self._stop.is_set()
                    or self._status is ENDED
                ),
                timeout=timeout_s,
            )
            if not got or self._latest is None or self._latest.index <= after:
                raise CameraNoFrame(f"no new frame within {timeout_s} s")
            return self._latest

    def subscribe_frames(self, listener: FrameListener) -> Unsubscribe:
        self._frame_listeners.append(listener)
        return lambda: self._frame_listeners.remove(listener)

    # -- capture thread ----------------------------------------------------------------

    def _run(self, capture: cv2.VideoCapture) -> None:
        fps = self._fps
        if fps is None and not isinstance(self._source, int):
            fps = capture.get(cv2.CAP_PROP_FPS) or 30.0
        interval = 1.0 / fps if fps else 0.0
        index, failures = 0, 0
        current: cv2.VideoCapture | None = capture
        try:
            while current is not None and not self._stop.is_set():
                ok, image = current.read()
                if not ok or image is None:
                    failures += 1
                    current = self._after_failure(current, failures)
                    continue
                failures = 0
                frame = Frame(index, image)
                index += 1
                with self._cond:
                    self._latest = frame
                    self._cond.notify_all()
                if self._status is not READY:
                    self._set_status(READY)
                for listener in list(self._frame_listeners):
                    listener(frame)
                if interval:
                    self._stop.wait(interval)
        finally:
            if current is not None:
                current.release()
            with self._cond:
                self._cond.notify_all()

    def _after_failure(self, capture: cv2.VideoCapture, failures: int) -> cv2.VideoCapture | None:
        """Reopen at the end of a looped file, or after repeated device read failures.

        None ends the capture thread (a file or stream that ended and is not looped)."""
        is_device = isinstance(self._source, int)
        if not is_device and not self._loop:
            capture.release()
            self._set_status(ENDED)
            return None
        if is_device and failures < _READ_FAILURES_BEFORE_REOPEN:
            self._stop.wait(0.05)
            return capture
        capture.release()
        if is_device:
            self._set_status(STALLED)
            self._stop.wait(0.5)
        reopened = self._factory(self._source)
        if not reopened.isOpened():
            self._set_status(MISSING)
        return reopened

    def _set_status(self, status: DeviceStatus) -> None:
        if status == self._status:
            return
        self._status = status
        log.info("camera status %s", status.message_key)
        for listener in list(self._status_listeners):
            listener(status)


def opencv_camera_from_config(config: Mapping[str, Any]) -> OpenCvCamera:
    """`[devices.camera]`: source = 0 | "path.avi" | "seq/img_%03d.png" | "rtsp://...";
    loop (bool), fps (float)."""
    raw = config.get("source", 0)
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise ConfigError("camera source must be a device index, a path or a URL")
    source: int | str = int(raw) if isinstance(raw, str) and raw.isdigit() else raw
    fps = config.get("fps")
    return OpenCvCamera(
        source, loop=bool(config.get("loop", False)), fps=None if fps is None else float(fps)
    )

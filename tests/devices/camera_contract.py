"""One contract for every Camera: subclass CameraContract and provide `camera` (opened)."""

from __future__ import annotations

import threading

import pytest

from devices.camera.qr import first_qr
from kiosk.ports.camera import Camera, Frame
from kiosk.ports.device import DeviceState
from tests.devices.receipts import sample_receipt


class CameraContract:
    @pytest.fixture
    def camera(self) -> Camera:
        raise NotImplementedError

    def test_an_open_camera_is_ready(self, camera: Camera) -> None:
        assert camera.status().state is DeviceState.READY
        assert {"frames", "still"} <= camera.capabilities()

    def test_a_still_is_a_colour_frame_newer_than_the_last(self, camera: Camera) -> None:
        first = camera.capture_still()
        second = camera.capture_still()
        assert second.index > first.index
        assert second.image.ndim == 3 and second.image.shape[2] == 3
        latest = camera.latest_frame()
        assert latest is not None and latest.index >= second.index

    def test_after_reset_and_cancel_the_camera_is_ready_and_gives_stills(
        self, camera: Camera
    ) -> None:
        camera.capture_still()
        camera.cancel()  # nothing waiting: harmless
        camera.reset()  # reopened (its frame count may start again)
        assert camera.status().state is DeviceState.READY
        first, second = camera.capture_still(), camera.capture_still()
        assert second.index > first.index and first.image.ndim == 3

    def test_subscribers_receive_frames_until_they_unsubscribe(self, camera: Camera) -> None:
        got: list[Frame] = []
        enough = threading.Event()

        def on_frame(frame: Frame) -> None:
            got.append(frame)
            if len(got) >= 3:
                enough.set()

        unsubscribe = camera.subscribe_frames(on_frame)
        for _ in range(4):
            camera.capture_still()
        assert enough.wait(timeout=5)
        unsubscribe()
        count = len(got)
        camera.capture_still()
        camera.capture_still()
        assert len(got) <= count + 1  # at most one frame already in flight
        assert [f.index for f in got] == sorted(f.index for f in got)

    def test_the_qr_of_a_receipt_held_up_to_the_camera_reads_back(self, camera: Camera) -> None:
        payload = first_qr(camera.capture_still().image for _ in range(10))
        assert payload == sample_receipt().qr_payload

"""The camera contract against the simulator and OpenCvCamera on a video file and a sequence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from devices.camera.opencv_camera import OpenCvCamera
from devices.simulated_camera import SimulatedCamera
from kiosk.ports.camera import Camera
from tests.devices.camera_contract import CameraContract
from tests.devices.camera_media import held_up_receipt_frames, write_sequence, write_video


@pytest.fixture(scope="module")
def frames() -> list[np.ndarray]:
    return held_up_receipt_frames()


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory, frames: list[np.ndarray]) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("camera")
    return {
        "video": str(write_video(folder / "receipt.avi", frames)),
        "sequence": write_sequence(folder / "seq", frames),
    }


class TestSimulatedCamera(CameraContract):
    @pytest.fixture
    def camera(self, frames: list[np.ndarray]) -> Iterator[Camera]:
        camera = SimulatedCamera(frames)
        camera.open()
        yield camera
        camera.close()


class TestOpenCvCamera(CameraContract):
    @pytest.fixture(params=["video", "sequence"])
    def camera(self, request: pytest.FixtureRequest, media: dict[str, str]) -> Iterator[Camera]:
        camera = OpenCvCamera(media[request.param], loop=True, fps=200)
        camera.open()
        yield camera
        camera.close()


def test_simulated_camera_loads_frames_from_image_files(tmp_path: Path) -> None:
    path = Path(write_sequence(tmp_path, held_up_receipt_frames(1)).replace("%03d", "000"))
    camera = SimulatedCamera([path])
    camera.open()
    assert camera.capture_still().image.shape == (480, 640, 3)

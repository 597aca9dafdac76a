"""OpenCvCamera beyond the contract: missing devices, ends of files, looping, clean stop."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from devices.camera.opencv_camera import OpenCvCamera, opencv_camera_from_config
from kiosk.errors import ConfigError
from kiosk.ports.camera import CameraMissing, CameraNoFrame
from kiosk.ports.device import DeviceState, DeviceStatus
from tests.devices.camera_media import held_up_receipt_frames, write_video


@pytest.fixture(scope="module")
def short_video(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("opencv")
    return str(write_video(folder / "short.avi", held_up_receipt_frames(4)))


def _capture_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "opencv-camera"]


@pytest.mark.parametrize("source", [0, "/nonexistent/camera.avi"])
def test_a_missing_camera_is_offline_with_a_message_not_a_crash(source: int | str) -> None:
    camera = OpenCvCamera(source)
    seen: list[DeviceStatus] = []
    camera.subscribe(seen.append)
    camera.open()
    assert camera.status() == DeviceStatus(DeviceState.OFFLINE, "camera.missing")
    with pytest.raises(CameraMissing) as caught:
        camera.capture_still(timeout_s=0.1)
    assert caught.value.message_key == "camera.missing"
    camera.close()


def test_a_file_that_ends_says_so_and_stills_fail_fast(short_video: str) -> None:
    camera = OpenCvCamera(short_video, fps=500)
    ended = threading.Event()
    camera.subscribe(lambda s: ended.set() if s.message_key == "camera.stream_ended" else None)
    camera.open()
    assert ended.wait(timeout=5)
    with pytest.raises(CameraNoFrame):
        camera.capture_still(timeout_s=5)
    latest = camera.latest_frame()
    assert latest is not None and latest.index == 3
    camera.close()


def test_a_looped_file_keeps_delivering_past_its_end(short_video: str) -> None:
    camera = OpenCvCamera(short_video, loop=True, fps=500)
    camera.open()
    try:
        index = 0
        while index < 10:
            # Whether it keeps delivering, not how fast: a loaded machine may take a while
            # to reopen the file at its end.
            index = camera.capture_still(timeout_s=30).index
        assert camera.status().state is DeviceState.READY
    finally:
        camera.close()


def test_close_stops_and_joins_the_capture_thread(short_video: str) -> None:
    camera = OpenCvCamera(short_video, loop=True, fps=100)
    camera.open()
    camera.capture_still()
    assert _capture_threads()
    camera.close()
    assert not _capture_threads()


def test_config_picks_index_file_or_url(tmp_path: Path) -> None:
    assert opencv_camera_from_config({"source": "0"}).capabilities() == {"frames", "still"}
    looped = opencv_camera_from_config({"source": str(tmp_path / "a.avi"), "loop": True})
    assert "loop" in looped.capabilities()
    with pytest.raises(ConfigError):
        opencv_camera_from_config({"source": 1.5})

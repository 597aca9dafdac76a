"""Faces with dlib: guidance, verification against a card photo, and liveness vs a photo."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from devices.face.dlib_face import DlibFaceEngine, dlib_face_engine_from_config
from devices.face.liveness import HeadTurnChallenge, LivenessState
from devices.registry import FACE_DRIVERS
from devices.simulated_face import SimulatedFaceEngine
from kiosk.config import DeviceConfig
from kiosk.errors import ConfigError
from kiosk.ports.face import FaceEngine, FaceGuidance, NoFaceInPhoto

DATA = Path(__file__).parent / "data"


def _head() -> np.ndarray:
    image = cv2.imread(str(DATA / "astronaut_head.jpg"), cv2.IMREAD_COLOR)
    assert image is not None
    return image


def scene(*places: tuple[float, int, int], light: float = 1.0, squeeze: float = 1.0) -> np.ndarray:
    """A 640x480 frame with the head at each (scale, centre x, centre y)."""
    rng = np.random.default_rng(5)
    frame = (110 + 20 * rng.random((480, 640, 3))).astype(np.float32)
    for scale, cx, cy in places:
        head = cv2.resize(_head(), None, fx=scale * squeeze, fy=scale).astype(np.float32)
        h, w = head.shape[:2]
        top, left = cy - h // 2, cx - w // 2
        frame[top : top + h, left : left + w] = head
    return np.asarray(np.clip(frame * light, 0, 255), dtype=np.uint8)


@pytest.fixture(scope="module")
def engine() -> DlibFaceEngine:
    typed: FaceEngine = DlibFaceEngine()  # the engine satisfies the port
    assert isinstance(typed, DlibFaceEngine)
    return typed


@pytest.mark.parametrize(
    ("frame", "guidance"),
    [
        (lambda: scene((1.5, 320, 240)), FaceGuidance.OK),
        (lambda: scene((1.0, 320, 240)), FaceGuidance.TOO_SMALL),
        (lambda: scene((1.5, 190, 240)), FaceGuidance.OFF_CENTRE),
        (lambda: scene((1.5, 320, 240), light=0.25), FaceGuidance.TOO_DARK),
        (lambda: scene((1.0, 170, 240), (1.0, 470, 240)), FaceGuidance.SEVERAL),
        (lambda: scene(), FaceGuidance.NONE),
    ],
    ids=["ok", "small", "off-centre", "dark", "several", "none"],
)
def test_live_guidance_names_what_to_fix(engine: DlibFaceEngine, frame, guidance) -> None:
    assert engine.detect(frame()).guidance is guidance


def _jpeg(image: np.ndarray) -> bytes:
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 80])
    assert ok
    return data.tobytes()


def test_the_same_person_matches_the_small_card_photo(engine: DlibFaceEngine) -> None:
    card = _jpeg(cv2.resize(_head()[10:230, 30:210], (102, 126)))
    live = scene((1.5, 320, 240), light=1.15)
    match = engine.verify(card, live)
    assert match.is_match and match.distance < 0.5


def test_another_person_does_not_match(engine: DlibFaceEngine) -> None:
    face = cv2.imread(str(DATA / "lfw_face_0.png"), cv2.IMREAD_GRAYSCALE)
    assert face is not None
    card = np.full((252, 204), 200, np.uint8)
    card[26:226, 2:202] = cv2.resize(face, (200, 200), interpolation=cv2.INTER_CUBIC)
    match = engine.verify(_jpeg(cv2.cvtColor(card, cv2.COLOR_GRAY2BGR)), scene((1.5, 320, 240)))
    assert not match.is_match and match.distance > 0.6


def test_a_card_photo_without_a_face_is_a_clear_error(engine: DlibFaceEngine) -> None:
    blank = _jpeg(np.full((126, 102, 3), 200, np.uint8))
    with pytest.raises(NoFaceInPhoto) as caught:
        engine.verify(blank, scene((1.5, 320, 240)))
    assert caught.value.message_key == "face.not_found"


def test_a_photo_held_up_and_turned_never_passes_the_head_turn_challenge(
    engine: DlibFaceEngine,
) -> None:
    # Turning a flat photo squeezes it horizontally; moving it shifts it. Twelve frames.
    squeezes = [1.0, 0.9, 0.8, 0.7, 0.6, 0.6, 0.7, 0.8, 0.9, 1.0, 1.0, 0.8]
    challenge = HeadTurnChallenge(max_frames=len(squeezes))
    ratios = []
    for i, squeeze in enumerate(squeezes):
        ratio = engine.yaw_ratio(scene((1.5, 300 + 4 * i, 240), squeeze=squeeze))
        ratios.append(ratio)
        challenge.feed(ratio)
    assert challenge.state is LivenessState.FAILED
    measured = [r for r in ratios if r is not None]
    assert len(measured) >= 8
    assert max(measured) - min(measured) < 0.1


def test_a_real_turn_front_side_front_passes() -> None:
    challenge = HeadTurnChallenge()
    for ratio in [0.5, 0.52, 0.6, 0.7, 0.75, 0.66, 0.55, 0.5]:
        challenge.feed(ratio)
    assert challenge.state is LivenessState.PASSED


def test_losing_the_face_too_often_fails_the_challenge() -> None:
    challenge = HeadTurnChallenge(max_missing=3)
    for ratio in [0.5, None, None, None, None]:
        challenge.feed(ratio)
    assert challenge.state is LivenessState.FAILED


def test_a_head_that_only_stays_turned_does_not_pass() -> None:
    challenge = HeadTurnChallenge(max_frames=6)
    for ratio in [0.75, 0.76, 0.74, 0.75, 0.77, 0.75]:
        challenge.feed(ratio)
    assert challenge.state is LivenessState.FAILED


def test_the_match_threshold_comes_from_config() -> None:
    assert dlib_face_engine_from_config({"match_threshold": 0.45}).limits.match_threshold == 0.45
    with pytest.raises(ConfigError):
        dlib_face_engine_from_config({"match_threshold": 1.5})


def test_the_simulated_engine_drives_the_same_challenge_to_a_pass() -> None:
    engine = SimulatedFaceEngine(yaw_ratios=[0.5, 0.72, 0.5])
    challenge = HeadTurnChallenge()
    blank = np.zeros((4, 4, 3), np.uint8)
    for _ in range(3):
        challenge.feed(engine.yaw_ratio(blank))
    assert challenge.state is LivenessState.PASSED
    assert engine.verify(b"", blank).is_match


def test_the_kiosks_simulated_engine_turns_its_head_for_every_visitor() -> None:
    """The `simulated` driver replays its head turn: a second visitor is identified too."""
    engine = FACE_DRIVERS["simulated"](DeviceConfig("face", "simulated", {}))
    blank = np.zeros((4, 4, 3), np.uint8)
    for _visitor in range(3):
        challenge = HeadTurnChallenge()
        while challenge.state is LivenessState.WAITING:
            challenge.feed(engine.yaw_ratio(blank))
        assert challenge.state is LivenessState.PASSED

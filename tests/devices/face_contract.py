"""One contract for every FaceEngine: subclass FaceContract and provide `rig`.

A rig is the engine plus the pictures of each situation (what the camera would see, what the
card holds) and `expect(situation)`, which tells a scripted engine what that picture shows (a
real engine reads the picture itself and ignores it). The contract holds every engine to the
same answers, types and errors, so the screens and the liveness challenge behave the same on
the simulator as on dlib.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from kiosk.ports.camera import FrameArray
from kiosk.ports.face import FaceEngine, FaceGuidance, NoFaceInPhoto

# What the camera sees: a face (front), nobody, two people, a face in the dark.
SCENES = ("face", "nobody", "two", "dark")
GUIDANCE = {
    "face": FaceGuidance.OK,
    "nobody": FaceGuidance.NONE,
    "two": FaceGuidance.SEVERAL,
    "dark": FaceGuidance.TOO_DARK,
}


@dataclass
class FaceRig:
    engine: FaceEngine
    frame: Callable[[str], FrameArray]  # a scene of SCENES
    card: Callable[[str], bytes]  # "same" (the person in the frame), "other", "blank"
    expect: Callable[[str], None]  # a scripted engine learns what the next picture shows
    threshold: float


class FaceContract:
    @pytest.fixture
    def rig(self) -> FaceRig:
        raise NotImplementedError

    @pytest.mark.parametrize("scene", SCENES)
    def test_guidance_names_what_the_camera_sees(self, rig: FaceRig, scene: str) -> None:
        rig.expect(scene)
        found = rig.engine.detect(rig.frame(scene))
        assert found.guidance is GUIDANCE[scene]
        assert len(found.boxes) <= 1 or found.guidance is FaceGuidance.SEVERAL
        if found.guidance is FaceGuidance.NONE:
            assert found.boxes == ()

    def test_the_card_holder_matches_and_another_person_does_not(self, rig: FaceRig) -> None:
        rig.expect("same")
        same = rig.engine.verify(rig.card("same"), rig.frame("face"))
        rig.expect("other")
        other = rig.engine.verify(rig.card("other"), rig.frame("face"))
        assert same.is_match and same.distance <= rig.threshold
        assert not other.is_match and other.distance > rig.threshold

    def test_a_card_photo_without_a_face_is_a_clear_error(self, rig: FaceRig) -> None:
        rig.expect("blank")
        with pytest.raises(NoFaceInPhoto) as caught:
            rig.engine.verify(rig.card("blank"), rig.frame("face"))
        assert caught.value.message_key == "face.not_found"

    def test_a_face_looking_at_the_camera_has_a_central_yaw_and_nobody_none(
        self, rig: FaceRig
    ) -> None:
        rig.expect("face")
        ratio = rig.engine.yaw_ratio(rig.frame("face"))
        assert ratio is not None and 0.35 <= ratio <= 0.65
        rig.expect("nobody")
        assert rig.engine.yaw_ratio(rig.frame("nobody")) is None

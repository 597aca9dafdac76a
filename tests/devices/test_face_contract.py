"""The face contract against dlib (real pictures: a head in a synthetic scene, a card photo
cut from it, another person from LFW) and against the simulated engine (scripted answers)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from devices.face.dlib_face import DlibFaceEngine
from devices.simulated_face import SimulatedFaceEngine
from tests.devices.face_contract import GUIDANCE, FaceContract, FaceRig
from tests.devices.test_face_dlib import DATA, _head, _jpeg, scene

SCENE = {
    "face": lambda: scene((1.5, 320, 240)),
    "nobody": lambda: scene(),
    "two": lambda: scene((1.0, 170, 240), (1.0, 470, 240)),
    "dark": lambda: scene((1.5, 320, 240), light=0.25),
}


def card(who: str) -> bytes:
    if who == "same":
        return _jpeg(cv2.resize(_head()[10:230, 30:210], (102, 126)))
    if who == "blank":
        return _jpeg(np.full((126, 102, 3), 200, np.uint8))
    face = cv2.imread(str(DATA / "lfw_face_0.png"), cv2.IMREAD_GRAYSCALE)
    assert face is not None
    photo = np.full((252, 204), 200, np.uint8)
    photo[26:226, 2:202] = cv2.resize(face, (200, 200), interpolation=cv2.INTER_CUBIC)
    return _jpeg(cv2.cvtColor(photo, cv2.COLOR_GRAY2BGR))


@pytest.fixture(scope="module")
def dlib_engine() -> DlibFaceEngine:
    return DlibFaceEngine()


class TestDlibFaceEngine(FaceContract):
    @pytest.fixture
    def rig(self, dlib_engine: DlibFaceEngine) -> FaceRig:
        return FaceRig(
            engine=dlib_engine,
            frame=lambda name: SCENE[name](),
            card=card,
            expect=lambda _what: None,  # it reads the pictures itself
            threshold=dlib_engine.limits.match_threshold,
        )


class TestSimulatedFaceEngine(FaceContract):
    @pytest.fixture
    def rig(self) -> FaceRig:
        engine = SimulatedFaceEngine()
        blank = np.zeros((48, 64, 3), np.uint8)

        def expect(what: str) -> None:
            if what in GUIDANCE:
                engine.guidance = GUIDANCE[what]
                engine.script_yaw([None] if what == "nobody" else [0.5])
            else:
                engine.distance = {"same": 0.2, "other": 0.8, "blank": None}[what]

        return FaceRig(engine, lambda _name: blank, lambda _who: b"", expect, 0.6)

"""The liveness port: a challenge fed one yaw ratio per frame (FaceEngine.yaw_ratio) that says
whether a live head turned. devices/face/liveness.py (HeadTurnChallenge) implements it; the
identify service makes a fresh one per attempt through a factory from the composition root.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

# The states a challenge reports, as message keys (devices' LivenessState has these values).
LIVENESS_WAITING = "liveness.waiting"
LIVENESS_PASSED = "liveness.passed"
LIVENESS_FAILED = "liveness.failed"


class LivenessChallenge(Protocol):
    def feed(self, yaw_ratio: float | None) -> str:
        """One frame's ratio (None: not exactly one face); returns the state after it."""
        ...


LivenessFactory = Callable[[], LivenessChallenge]

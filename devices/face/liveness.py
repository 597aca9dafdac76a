"""A head-turn liveness challenge over a stream of yaw ratios. Pure logic, any thread.

The kiosk asks "please turn your head slowly to one side and back". A live head moves the
nose across the line between the eyes (the yaw ratio leaves 0.5 and comes back); a printed
photo or a phone screen held up and tilted keeps the ratio, because turning a flat picture
squeezes every horizontal distance on it alike. This stops a held-up photo, not a mask or a
replayed video of the person turning; it is a first line, not a certified presentation-attack
detector.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class LivenessState(StrEnum):
    WAITING = "liveness.waiting"  # keep turning
    PASSED = "liveness.passed"
    FAILED = "liveness.failed"  # too many frames without a turn, or the face was lost


@dataclass
class HeadTurnChallenge:
    frontal_within: float = 0.08  # |ratio - 0.5| counted as facing the camera
    turn_beyond: float = 0.17  # |ratio - 0.5| counted as turned
    max_frames: int = 90  # about 3 s at 30 fps
    max_missing: int = 10  # frames without exactly one face before failing
    _frames: int = 0
    _missing: int = 0
    _phases: list[str] = field(default_factory=list)

    @property
    def state(self) -> LivenessState:
        if self._phases[:3] == ["front", "turned", "front"]:
            return LivenessState.PASSED
        if self._frames >= self.max_frames or self._missing > self.max_missing:
            return LivenessState.FAILED
        return LivenessState.WAITING

    def feed(self, yaw_ratio: float | None) -> LivenessState:
        """One frame's ratio (None when there was not exactly one face)."""
        if self.state is not LivenessState.WAITING:
            return self.state
        self._frames += 1
        if yaw_ratio is None:
            self._missing += 1
            return self.state
        offset = abs(yaw_ratio - 0.5)
        phase = (
            "front"
            if offset <= self.frontal_within
            else ("turned" if offset >= self.turn_beyond else "")
        )
        if phase and (not self._phases or self._phases[-1] != phase):
            self._phases.append(phase)
        return self.state

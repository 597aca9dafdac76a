"""SimulatedFaceEngine: scripted answers for the face port, for UI and service tests."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from kiosk.ports.camera import FrameArray
from kiosk.ports.face import FaceDetection, FaceGuidance, FaceMatch, NoFaceInPhoto


class SimulatedFaceEngine:
    def __init__(
        self,
        guidance: FaceGuidance = FaceGuidance.OK,
        distance: float | None = 0.3,  # None: no face in the photo
        yaw_ratios: Iterable[float | None] = (0.5, 0.7, 0.5),
        match_threshold: float = 0.6,
        *,
        replay: bool = False,
    ) -> None:
        """With `replay`, the yaw script starts again once played out, so every visitor turns
        their head (the kiosk's `simulated` driver); without, its last ratio repeats (a test
        scripting one face check, or a head that stops turning)."""
        self.guidance = guidance
        self.distance = distance
        self.match_threshold = match_threshold
        self._script = tuple(yaw_ratios)
        self._replay = replay
        self._yaw = deque(self._script)

    def script_yaw(self, yaw_ratios: Iterable[float | None]) -> None:
        """The head's next ratios (a new visitor turning their head, or nobody: None)."""
        self._script = tuple(yaw_ratios)
        self._yaw = deque(self._script)

    def detect(self, frame: FrameArray) -> FaceDetection:  # noqa: ARG002
        """Ignores the frame: answers the scripted guidance."""
        return FaceDetection(self.guidance, ())

    def verify(self, card_photo_jpeg: bytes, live_frame: FrameArray) -> FaceMatch:  # noqa: ARG002
        """Ignores the images: answers the scripted distance."""
        if self.distance is None:
            raise NoFaceInPhoto("simulated: no face")
        return FaceMatch(self.distance, self.distance <= self.match_threshold)

    def yaw_ratio(self, frame: FrameArray) -> float | None:  # noqa: ARG002
        """Next scripted ratio; the last one repeats (or, replaying, the script restarts)."""
        if len(self._yaw) > 1:
            return self._yaw.popleft()
        if self._replay and self._yaw:
            last = self._yaw.popleft()
            self._yaw.extend(self._script)
            return last
        return self._yaw[0] if self._yaw else None

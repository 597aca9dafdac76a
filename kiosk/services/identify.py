"""Who is at the terminal: their card, judged, and their face against the card photo.

Qt-free. `IdentifyService.judge` turns a reader's event into a usable identity or the message
key of what is wrong (unreadable, expired, ...). `FaceCheck` is one person's face check: the
screen hands it camera frames one at a time, on a worker thread (each step costs a face
detection, about 30 ms, and once a descriptor match, about 0.2 s), and shows the step it returns:

    GUIDE (face into the circle, steady for a few frames) -> match against the card photo
      -> TURN (head-turn liveness challenge) -> MATCHED
    a failed match -> MISMATCH; no head turn seen -> NOT_LIVE; both may be retried a few times
    no card photo, a card photo without a face, a face engine that fails -> UNAVAILABLE

When the face cannot be checked here, the visit may go on with IdentityCheck.STAFF: the
application says so, and staff confirm the person at the window before it counts.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.identity import Identity
from kiosk.ports.camera import FrameArray
from kiosk.ports.card_reader import CardEvent, CardEventKind
from kiosk.ports.clock import Clock
from kiosk.ports.face import FaceBox, FaceEngine, FaceError, FaceGuidance, NoFaceInPhoto
from kiosk.ports.liveness import (
    LIVENESS_FAILED,
    LIVENESS_PASSED,
    LivenessChallenge,
    LivenessFactory,
)


class IdentityCheck(StrEnum):
    """How the person was identified; it travels with their submission."""

    FACE = "face"  # card read, face matched the card photo, head turn seen
    CARD = "card"  # card read; the journey needs no face check
    STAFF = "staff"  # card read, face not checkable here: staff confirm at the window


@dataclass(frozen=True)
class CardVerdict:
    identity: Identity | None
    problem: str = ""  # message key of what is wrong; "" when the card can be used

    @property
    def ok(self) -> bool:
        return self.identity is not None and not self.problem


class FacePhase(StrEnum):
    GUIDE = "guide"
    TURN = "turn"
    MATCHED = "matched"
    MISMATCH = "mismatch"
    NOT_LIVE = "not_live"
    UNAVAILABLE = "unavailable"


FINAL_PHASES = frozenset(
    {FacePhase.MATCHED, FacePhase.MISMATCH, FacePhase.NOT_LIVE, FacePhase.UNAVAILABLE}
)


@dataclass(frozen=True)
class FaceStep:
    phase: FacePhase
    prompt: str  # message key to show and speak
    boxes: tuple[FaceBox, ...] = ()  # in frame pixels
    face_seen: bool = False  # someone is in front of the camera (keeps the visit alive)
    attempts_left: int = 0


def mask_id_number(number: str) -> str:
    """110***********7777: enough for the owner to recognise, too little for a bystander."""
    if len(number) <= 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


class FaceCheck:
    """One person's face check. step() runs on a worker thread, one call at a time (the
    screen sends the next frame only when the last step is back); retry() between steps."""

    def __init__(
        self,
        engine: FaceEngine,
        photo_jpeg: bytes,
        liveness: LivenessFactory,
        *,
        steady_frames: int = 3,
        max_attempts: int = 3,
        max_photo_errors: int = 2,
    ) -> None:
        self._engine, self._photo, self._liveness = engine, photo_jpeg, liveness
        self.steady_frames, self.max_attempts = steady_frames, max_attempts
        self._max_photo_errors = max_photo_errors
        self._lock = threading.Lock()
        self._attempt = 1
        self._steady = 0
        self._photo_errors = 0
        self._challenge: LivenessChallenge | None = None
        self._last = FaceStep(FacePhase.GUIDE, FaceGuidance.NONE.value, attempts_left=self._left())
        self.distance: float | None = None  # of the last match, for the technician's log

    def _left(self) -> int:
        return self.max_attempts - self._attempt

    @property
    def last(self) -> FaceStep:
        return self._last

    @property
    def can_retry(self) -> bool:
        return self._last.phase in (FacePhase.MISMATCH, FacePhase.NOT_LIVE) and self._left() > 0

    def retry(self) -> bool:
        """Start another attempt after a mismatch or a missed turn; False when none is left."""
        with self._lock:
            if not self.can_retry:
                return False
            self._attempt += 1
            self._steady, self._challenge = 0, None
            self._last = FaceStep(
                FacePhase.GUIDE, FaceGuidance.NONE.value, attempts_left=self._left()
            )
            return True

    def step(self, image: FrameArray) -> FaceStep:
        with self._lock:
            if self._last.phase not in FINAL_PHASES:
                try:
                    self._last = self._advance(image)
                except FaceError as exc:
                    self._last = FaceStep(FacePhase.UNAVAILABLE, exc.message_key)
            return self._last

    def _advance(self, image: FrameArray) -> FaceStep:
        left = self._left()
        if self._challenge is not None:
            state = self._challenge.feed(self._engine.yaw_ratio(image))
            if state == LIVENESS_PASSED:
                return FaceStep(FacePhase.MATCHED, "face.matched", face_seen=True)
            if state == LIVENESS_FAILED:
                return FaceStep(FacePhase.NOT_LIVE, "face.not_live", attempts_left=left)
            return FaceStep(FacePhase.TURN, "face.turn", face_seen=True, attempts_left=left)
        found = self._engine.detect(image)
        seen = found.guidance is not FaceGuidance.NONE
        if found.guidance is not FaceGuidance.OK:
            self._steady = 0
            return FaceStep(FacePhase.GUIDE, found.guidance.value, found.boxes, seen, left)
        self._steady += 1
        if self._steady < self.steady_frames:
            return FaceStep(FacePhase.GUIDE, FaceGuidance.OK.value, found.boxes, True, left)
        try:
            match = self._engine.verify(self._photo, image)
        except NoFaceInPhoto:
            # The live frame just showed one good face, so it is the card photo that has none
            # a machine can find (old, worn or unusual photos): after a second look, staff.
            self._photo_errors += 1
            self._steady = 0
            if self._photo_errors >= self._max_photo_errors:
                return FaceStep(FacePhase.UNAVAILABLE, "card.photo_unavailable")
            return FaceStep(FacePhase.GUIDE, "face.not_found", found.boxes, True, left)
        self.distance = match.distance
        if not match.is_match:
            return FaceStep(FacePhase.MISMATCH, "face.mismatch", found.boxes, True, left)
        self._challenge = self._liveness()
        return FaceStep(FacePhase.TURN, "face.turn", found.boxes, True, left)


class IdentifyService:
    """Judges cards and starts face checks. Any thread; holds nobody's data itself."""

    def __init__(
        self,
        clock: Clock,
        face: FaceEngine | None = None,
        liveness: LivenessFactory | None = None,
        *,
        max_attempts: int = 3,
    ) -> None:
        self._clock, self._face, self._liveness = clock, face, liveness
        self.max_attempts = max_attempts

    @property
    def can_check_faces(self) -> bool:
        return self._face is not None and self._liveness is not None

    def judge(self, event: CardEvent) -> CardVerdict:
        """A reader's identity_read or read_failed event, in words the screen can show."""
        if event.kind is CardEventKind.READ_FAILED or event.kind is CardEventKind.HARDWARE_ERROR:
            return CardVerdict(None, event.message_key or "card.unreadable")
        if event.kind is not CardEventKind.IDENTITY_READ or event.identity is None:
            return CardVerdict(None, "card.unreadable")
        identity = event.identity
        # Validity is a date on the card in China's calendar day: the terminal's local date.
        if identity.is_expired(self._clock.now().astimezone().date()):
            return CardVerdict(identity, "card.expired")
        return CardVerdict(identity)

    def face_unavailable(self, identity: Identity) -> str:
        """Why this person's face cannot be checked here ("" when it can)."""
        if not identity.photo_jpeg:
            return identity.photo_unavailable_reason or "card.photo_unavailable"
        if not self.can_check_faces:
            return "face.error"
        return ""

    def face_check(self, identity: Identity) -> FaceCheck:
        """Raises ValueError when face_unavailable(identity) says it cannot be done."""
        photo = identity.photo_jpeg
        if not photo or self._face is None or self._liveness is None:
            raise ValueError("no face check possible for this card")
        return FaceCheck(self._face, photo, self._liveness, max_attempts=self.max_attempts)

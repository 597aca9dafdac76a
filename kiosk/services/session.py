"""One person's visit, from the first touch until everything about them is forgotten.

The terminal forgets a person when they walk away (no touch for `idle_timeout_s`) or take their
card away (and do not put it back within `card_grace_s`). Before the idle end there is always a
visible, spoken countdown of `warning_s` (the guideline's "enough time"), and a touch or a key
anywhere cancels it, so a screen is never snatched from someone who is typing. While the
terminal itself is busy for the person (printing, sending, reading a card) the clock is held.

Pure and Qt-free: the UI feeds it touches, card events and ticks, and acts on the verdicts.
Monotonic time only, so a wall-clock step never ends a visit. Thread: the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.identity import Identity
from kiosk.ports.clock import Clock


class Phase(StrEnum):
    EMPTY = "empty"  # nobody is using the terminal
    ACTIVE = "active"
    WARNING = "warning"  # idle: the countdown is showing
    CARD_GRACE = "card_grace"  # the card was taken away mid-visit
    ENDED = "ended"  # forget the person now


class EndReason(StrEnum):
    IDLE = "idle"
    CARD_REMOVED = "card_removed"
    FINISHED = "finished"  # the person pressed 完成 / 首页, or a journey ended
    OTHER_PERSON = "other_person"  # a different card arrived mid-visit


@dataclass(frozen=True)
class Verdict:
    phase: Phase
    remaining_s: float = 0.0  # in WARNING and CARD_GRACE: time left before the end
    reason: EndReason | None = None  # in ENDED


class Session:
    def __init__(
        self,
        clock: Clock,
        idle_timeout_s: float,
        warning_s: float = 20.0,
        card_grace_s: float = 15.0,
    ) -> None:
        if not 0 < warning_s < idle_timeout_s:
            raise ValueError("the warning must start before the timeout")
        self._clock = clock
        self.idle_timeout_s, self.warning_s, self.card_grace_s = (
            idle_timeout_s,
            warning_s,
            card_grace_s,
        )
        self._active = False
        self._last_touch = 0.0
        self._holds = 0
        self._identity: Identity | None = None
        self._card_gone_at: float | None = None
        self._ended: EndReason | None = None

    # --- what the person does -----------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self._active

    @property
    def identity(self) -> Identity | None:
        """The identified person, held in memory for this visit only."""
        return self._identity

    def touch(self) -> None:
        """Any touch, click or key: starts a visit, or keeps it going (cancels a countdown)."""
        self._last_touch = self._clock.monotonic()
        self._active = True  # a pending ENDED stays pending: the last person is still forgotten

    def identify(self, identity: Identity) -> bool:
        """A card was read. Returns False when it is a different person than the one in this
        visit: the caller must end the visit (forget the first person) before going on."""
        self.touch()
        if self._identity is not None and self._identity.id_number != identity.id_number:
            return False
        self._identity = identity
        self._card_gone_at = None
        return True

    def card_removed(self) -> None:
        """Starts the grace period when the identified person's card leaves the reader."""
        if self._identity is not None and self._card_gone_at is None:
            self._card_gone_at = self._clock.monotonic()

    def release_card_hold(self) -> None:
        """The journey no longer needs the card (e.g. the receipt is printed): taking it
        away is then expected and ends nothing."""
        self._card_gone_at = None

    def begin_hold(self) -> None:
        """The terminal is working for the person (printing, sending): no idle end until the
        matching end_hold(). Pair them with a worker's start and finish."""
        self._holds += 1

    def end_hold(self) -> None:
        self._holds = max(0, self._holds - 1)
        self._last_touch = self._clock.monotonic()

    def finish(self, reason: EndReason = EndReason.FINISHED) -> None:
        """End the visit now; the next tick says ENDED once, then EMPTY."""
        if self._active or self._identity is not None:
            self._ended = reason
            self._last_touch = self._clock.monotonic()
        self._reset()

    def quiet_for_s(self) -> float:
        """Seconds since anyone last did anything here; 0 while a visit runs."""
        if self._active:
            return 0.0
        return self._clock.monotonic() - self._last_touch

    def _reset(self) -> None:
        self._active = False
        self._identity = None
        self._card_gone_at = None
        self._holds = 0

    # --- the clock ---------------------------------------------------------------------------

    def tick(self) -> Verdict:
        """Where the visit stands now. ENDED is reported once; the caller then forgets."""
        if self._ended is not None:
            reason, self._ended = self._ended, None
            return Verdict(Phase.ENDED, reason=reason)
        if not self._active:
            return Verdict(Phase.EMPTY)
        now = self._clock.monotonic()
        if self._card_gone_at is not None:
            left = self.card_grace_s - (now - self._card_gone_at)
            if left <= 0:
                self._reset()
                return Verdict(Phase.ENDED, reason=EndReason.CARD_REMOVED)
            return Verdict(Phase.CARD_GRACE, remaining_s=left)
        if self._holds:
            return Verdict(Phase.ACTIVE)
        left = self.idle_timeout_s - (now - self._last_touch)
        if left <= 0:
            self._reset()
            return Verdict(Phase.ENDED, reason=EndReason.IDLE)
        if left <= self.warning_s:
            return Verdict(Phase.WARNING, remaining_s=left)
        return Verdict(Phase.ACTIVE)

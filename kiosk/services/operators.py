"""Signing in proxy agents and technicians: their own card (or, for a technician, their
operator number) and a PIN, checked offline against the cached credentials, so a dead link
never keeps an agent from working. Five wrong PINs lock that operator out for 15 minutes, on
this terminal, across restarts.

Thread: a worker thread (scrypt takes ~40 ms per check, and a card is compared with every
operator's tag); never the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.identity import Identity
from kiosk.domain.operators import Operator, Role
from kiosk.ports.clock import Clock
from kiosk.ports.operators import Failures, FailureStore, OperatorDirectory

MAX_FAILURES = 5
LOCK_S = 15 * 60


class Outcome(StrEnum):
    SIGNED_IN = "operator.signed_in"
    WRONG_PIN = "operator.wrong_pin"
    LOCKED = "operator.locked"


@dataclass(frozen=True)
class SignInResult:
    outcome: Outcome
    operator: Operator
    attempts_left: int = 0
    wait_s: int = 0  # while locked: how long until the next try


class OperatorSignIn:
    def __init__(
        self,
        directory: OperatorDirectory,
        failures: FailureStore,
        clock: Clock,
        max_failures: int = MAX_FAILURES,
        lock_s: int = LOCK_S,
    ) -> None:
        self._directory, self._failures, self._clock = directory, failures, clock
        self.max_failures, self.lock_s = max_failures, lock_s

    def refresh(self) -> int:
        """Fetch the hall's operators (worker thread); returns how many. PlatformError when
        the platform is unreachable: the cached list keeps working."""
        return len(self._directory.refresh())

    def by_card(self, identity: Identity, role: Role) -> Operator | None:
        """The operator of `role` whose own card this is, or None (not an operator here)."""
        for operator in self._directory.operators():
            if operator.role is role and operator.credential.card_matches(identity.id_number):
                return operator
        return None

    def count(self, role: Role) -> int:
        """How many operators of `role` the cached list holds (0 before the first fetch)."""
        return sum(1 for operator in self._directory.operators() if operator.role is role)

    def by_number(self, operator_id: str, role: Role) -> Operator | None:
        wanted = operator_id.strip().upper()
        for operator in self._directory.operators():
            if operator.role is role and operator.operator_id == wanted:
                return operator
        return None

    def _now_ms(self) -> int:
        return int(self._clock.now().timestamp() * 1000)

    def check_pin(self, operator: Operator, pin: str) -> SignInResult:
        now = self._now_ms()
        failures = self._failures.get(operator.operator_id)
        if failures.locked_until_ms > now:
            wait = -(-(failures.locked_until_ms - now) // 1000)
            return SignInResult(Outcome.LOCKED, operator, wait_s=wait)
        if operator.credential.pin_matches(operator.operator_id, pin):
            self._failures.put(operator.operator_id, Failures(0, 0))
            return SignInResult(Outcome.SIGNED_IN, operator)
        count = (0 if failures.locked_until_ms else failures.count) + 1
        if count >= self.max_failures:
            self._failures.put(operator.operator_id, Failures(count, now + self.lock_s * 1000))
            return SignInResult(Outcome.LOCKED, operator, wait_s=self.lock_s)
        self._failures.put(operator.operator_id, Failures(count, 0))
        return SignInResult(Outcome.WRONG_PIN, operator, attempts_left=self.max_failures - count)

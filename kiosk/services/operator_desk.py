"""What the technician's and the proxy agent's desks share: signing an operator in (their own
card or their operator number, then their PIN), holding who is signed in, signing out, and
auditing every attempt and action with the operator's number as the actor.

The PIN check itself (scrypt, lockout after five wrong PINs for 15 minutes, durable across
restarts) is OperatorSignIn's; it runs against the operators cached from the platform, so a
sign-in never fails because the link is down. Each desk says which role it signs in, how its
entries read in the audit trail ("technician.sign_in", "agent.sign_in") and what an operator
number of its role looks like.

Qt-free. Threads: sign-in and record() block (scrypt, file I/O): call them from a worker.
`operator` may be read from any thread.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from kiosk.domain.identity import Identity
from kiosk.domain.operators import Operator, Role
from kiosk.errors import KioskError
from kiosk.ports.audit import AuditActor, AuditRole, AuditTrail, AuditValue
from kiosk.services.operators import OperatorSignIn, Outcome


class NotSignedIn(KioskError):
    """An action was asked for without an operator session (it ended meanwhile)."""

    message_key = "tech.not_signed_in"


class SignInOutcome(StrEnum):
    SIGNED_IN = "signed_in"
    WRONG_PIN = "wrong_pin"
    LOCKED = "locked"
    UNKNOWN = "unknown"  # no operator of this role with this number or card on this terminal
    NO_LIST = "no_list"  # the terminal has never fetched its operators from the platform


@dataclass(frozen=True)
class SignInAttempt:
    outcome: SignInOutcome
    operator_id: str = ""
    masked_name: str = ""
    attempts_left: int = 0
    wait_s: int = 0  # while locked: seconds until the next try


class OperatorDesk:
    """The sign-in and session half of a desk; subclasses add their role's tools."""

    role: ClassVar[Role]
    audit_role: ClassVar[AuditRole]
    prefix: ClassVar[str]  # of the audit actions: "<prefix>.sign_in", "<prefix>.sign_out"
    number_pattern: ClassVar[re.Pattern[str]]
    not_signed_in: ClassVar[type[KioskError]] = NotSignedIn

    def __init__(self, signin: OperatorSignIn, audit: AuditTrail) -> None:
        self._signin, self._audit = signin, audit
        self._lock = threading.Lock()
        self._operator: Operator | None = None

    @property
    def operator(self) -> Operator | None:
        """Who is signed in (None outside a session)."""
        return self._operator

    def find_card(self, identity: Identity) -> Operator | None:
        """The operator of this desk's role whose own card this is (scrypt per operator:
        worker thread)."""
        return self._signin.by_card(identity, self.role)

    def sign_in_by_number(self, number: str, pin: str) -> SignInAttempt:
        operator = self._signin.by_number(number, self.role)
        if operator is None:
            subject = number if self.number_pattern.fullmatch(number) else "malformed"
            return self._unknown(subject, "number")
        return self._check(operator, pin, "number")

    def sign_in_by_card(self, operator: Operator, pin: str) -> SignInAttempt:
        """`operator` as find_card returned it for the card on the reader."""
        return self._check(operator, pin, "card")

    def card_unknown(self) -> SignInAttempt:
        """A card was put on the reader that is no operator's of this role: audited (without
        anything of the card)."""
        return self._unknown("card", "card")

    def _unknown(self, subject: str, method: str) -> SignInAttempt:
        known = self._signin.count(self.role) > 0
        outcome = SignInOutcome.UNKNOWN if known else SignInOutcome.NO_LIST
        self._record(
            AuditActor(self.audit_role, "unknown"),
            f"{self.prefix}.sign_in_failed",
            subject,
            {"method": method, "reason": outcome.value},
        )
        return SignInAttempt(outcome)

    def _check(self, operator: Operator, pin: str, method: str) -> SignInAttempt:
        result = self._signin.check_pin(operator, pin)
        actor = AuditActor(self.audit_role, operator.operator_id)
        if result.outcome is Outcome.SIGNED_IN:
            with self._lock:
                self._operator = operator
                self._signed_in(operator)
            self._record(actor, f"{self.prefix}.sign_in", "", {"method": method})
            return SignInAttempt(
                SignInOutcome.SIGNED_IN, operator.operator_id, operator.masked_name
            )
        outcome = (
            SignInOutcome.LOCKED if result.outcome is Outcome.LOCKED else SignInOutcome.WRONG_PIN
        )
        self._record(
            actor,
            f"{self.prefix}.sign_in_failed",
            "",
            {
                "method": method,
                "reason": outcome.value,
                "attempts_left": result.attempts_left,
                "wait_s": result.wait_s,
            },
        )
        return SignInAttempt(
            outcome,
            operator.operator_id,
            attempts_left=result.attempts_left,
            wait_s=result.wait_s,
        )

    def _signed_in(self, operator: Operator) -> None:
        """Subclasses set up their session here (called with the lock held)."""

    def _signed_out(self) -> Mapping[str, AuditValue]:
        """Subclasses drop their session here (lock held); extra details for the record."""
        return {}

    def sign_out(self, reason: str) -> bool:
        """Ends the session (`reason`: signed_out, idle, left, other_person, ...). Returns False
        when nobody was signed in. The session is let go before the record is written, so a
        failing audit never keeps anybody signed in."""
        with self._lock:
            operator, self._operator = self._operator, None
            extra = self._signed_out() if operator is not None else {}
        if operator is None:
            return False
        self._record(
            AuditActor(self.audit_role, operator.operator_id),
            f"{self.prefix}.sign_out",
            "",
            {"reason": reason, **extra},
        )
        return True

    def record(
        self, action: str, subject: str = "", details: Mapping[str, AuditValue] | None = None
    ) -> None:
        """An action of the signed-in operator, written to the audit trail before it is taken
        (so an action that crashes the terminal is still on record)."""
        operator = self._operator
        if operator is None:
            raise self.not_signed_in(action)
        self._record(AuditActor(self.audit_role, operator.operator_id), action, subject, details)

    def _record(
        self,
        actor: AuditActor,
        action: str,
        subject: str,
        details: Mapping[str, AuditValue] | None,
    ) -> None:
        self._audit.record(actor, action, subject, details)

"""The technician's desk (运维): sign-in, the technician session, and every action taken in it,
each written to the audit trail.

A technician signs in with their own ID card or their technician number (T + four digits) and
their PIN, checked offline against the operators cached from the platform (OperatorSignIn,
Role.TECHNICIAN): five wrong PINs lock that technician out for 15 minutes on this terminal.
The session lasts as long as the visit does: the UI signs out when the visit ends (idle,
首页, another card), and nothing a technician does is possible without a session.

Every attempt and every action is audited with the technician's number as the actor, never a
name or an ID number: failed sign-ins too (with the number typed, when it is a technician
number, or "card" for a card that is no technician's).

Qt-free. Threads: sign-in and every action block (scrypt, file I/O, the sync service's
connection): call them from a worker. `technician` may be read from any thread.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.identity import Identity
from kiosk.domain.operators import Operator, Role
from kiosk.errors import KioskError
from kiosk.ports.audit import AuditActor, AuditRole, AuditTrail, AuditValue
from kiosk.ports.device import Unsubscribe
from kiosk.ports.sync import DeadLetter, StatusListener, SyncControl, SyncStatus
from kiosk.ports.terminal_control import TerminalControl
from kiosk.services.operators import OperatorSignIn, Outcome
from kiosk.services.tech_logs import LogTools
from kiosk.services.tech_network import NetworkCheck
from kiosk.services.tech_selftest import SelfTestTools

TECHNICIAN_NUMBER = re.compile(r"T[0-9]{4}")


class NotSignedIn(KioskError):
    """An action was asked for without a technician session (it ended meanwhile)."""

    message_key = "tech.not_signed_in"


class SignInOutcome(StrEnum):
    SIGNED_IN = "signed_in"
    WRONG_PIN = "wrong_pin"
    LOCKED = "locked"
    UNKNOWN = "unknown"  # no technician with this number or card on this terminal's list
    NO_LIST = "no_list"  # the terminal has never fetched its operators from the platform


@dataclass(frozen=True)
class SignInAttempt:
    outcome: SignInOutcome
    technician_id: str = ""
    masked_name: str = ""
    attempts_left: int = 0
    wait_s: int = 0  # while locked: seconds until the next try


@dataclass(frozen=True)
class Technician:
    technician_id: str
    masked_name: str


@dataclass
class TechTools:
    """The technician's tools this terminal has (None: not here, its tile is not shown). Each
    takes the desk's `record`, so every use is audited and needs a signed-in technician."""

    self_tests: SelfTestTools | None = None
    network: NetworkCheck | None = None
    logs: LogTools | None = None


def normalise_number(typed: str) -> str:
    """What a technician types on the keypad (four digits, or the whole T0003) as a number."""
    typed = typed.strip().upper()
    return typed if typed.startswith("T") else "T" + typed


class TechnicianDesk:
    def __init__(
        self,
        signin: OperatorSignIn,
        audit: AuditTrail,
        sync: SyncControl | None = None,
        terminal: TerminalControl | None = None,
    ) -> None:
        self._signin, self._audit, self._sync, self._terminal = signin, audit, sync, terminal
        self.tools = TechTools()
        self._lock = threading.Lock()
        self._technician: Technician | None = None

    # --- the session --------------------------------------------------------------------------

    @property
    def technician(self) -> Technician | None:
        return self._technician

    def attach_sync(self, sync: SyncControl) -> None:
        """The sync service, once the terminal is enrolled and its queue runs."""
        self._sync = sync

    @property
    def has_queue(self) -> bool:
        return self._sync is not None

    def find_card(self, identity: Identity) -> Operator | None:
        """The technician whose own card this is (scrypt per operator: worker thread)."""
        return self._signin.by_card(identity, Role.TECHNICIAN)

    def sign_in_by_number(self, typed_number: str, pin: str) -> SignInAttempt:
        number = normalise_number(typed_number)
        operator = self._signin.by_number(number, Role.TECHNICIAN)
        if operator is None:
            subject = number if TECHNICIAN_NUMBER.fullmatch(number) else "malformed"
            return self._unknown(subject, "number")
        return self._check(operator, pin, "number")

    def sign_in_by_card(self, operator: Operator, pin: str) -> SignInAttempt:
        """`operator` as find_card returned it for the card on the reader."""
        return self._check(operator, pin, "card")

    def card_unknown(self) -> SignInAttempt:
        """A card was put on the reader that is no technician's: audited (without the card)."""
        return self._unknown("card", "card")

    def _unknown(self, subject: str, method: str) -> SignInAttempt:
        known = self._signin.count(Role.TECHNICIAN) > 0
        outcome = SignInOutcome.UNKNOWN if known else SignInOutcome.NO_LIST
        self._record(
            AuditActor(AuditRole.TECHNICIAN, "unknown"),
            "technician.sign_in_failed",
            subject,
            {"method": method, "reason": outcome.value},
        )
        return SignInAttempt(outcome)

    def _check(self, operator: Operator, pin: str, method: str) -> SignInAttempt:
        result = self._signin.check_pin(operator, pin)
        actor = AuditActor(AuditRole.TECHNICIAN, operator.operator_id)
        if result.outcome is Outcome.SIGNED_IN:
            with self._lock:
                self._technician = Technician(operator.operator_id, operator.masked_name)
            self._record(actor, "technician.sign_in", "", {"method": method})
            return SignInAttempt(
                SignInOutcome.SIGNED_IN, operator.operator_id, operator.masked_name
            )
        outcome = (
            SignInOutcome.LOCKED if result.outcome is Outcome.LOCKED else SignInOutcome.WRONG_PIN
        )
        self._record(
            actor,
            "technician.sign_in_failed",
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

    def sign_out(self, reason: str) -> bool:
        """Ends the session (`reason`: signed_out, idle, left, other_person, ...). Returns False
        when nobody was signed in."""
        with self._lock:
            technician, self._technician = self._technician, None
        if technician is None:
            return False
        self._record(
            AuditActor(AuditRole.TECHNICIAN, technician.technician_id),
            "technician.sign_out",
            "",
            {"reason": reason},
        )
        return True

    def record(
        self, action: str, subject: str = "", details: Mapping[str, AuditValue] | None = None
    ) -> None:
        """An action of the signed-in technician, written to the audit trail before it is
        taken (so an action that crashes the terminal is still on record)."""
        technician = self._technician
        if technician is None:
            raise NotSignedIn(action)
        self._record(
            AuditActor(AuditRole.TECHNICIAN, technician.technician_id), action, subject, details
        )

    def _record(
        self,
        actor: AuditActor,
        action: str,
        subject: str,
        details: Mapping[str, AuditValue] | None,
    ) -> None:
        self._audit.record(actor, action, subject, details)

    # --- queue and sync -----------------------------------------------------------------------

    def _control(self) -> SyncControl:
        if self._sync is None:
            raise NotSignedIn("no queue on this terminal yet")
        return self._sync

    def sync_status(self) -> SyncStatus:
        """Never blocks (the sync service's last snapshot); any thread."""
        return self._sync.status() if self._sync is not None else SyncStatus()

    def subscribe_sync(self, listener: StatusListener) -> Unsubscribe:
        """Listener on the sync service's thread; the UI relays it to the GUI thread."""
        if self._sync is None:
            return lambda: None
        return self._sync.subscribe(listener)

    def dead_letters(self) -> list[DeadLetter]:
        if self._technician is None:
            raise NotSignedIn("dead_letters")
        return self._control().dead_letters()

    def retry(self, record_id: str | None = None) -> int:
        """One dead letter or conflict by id, or every dead letter (never conflicts)."""
        control = self._control()
        if record_id is None:
            self.record("queue.retry_dead_letters")
        else:
            self.record("queue.retry_record", record_id)
        return control.retry_dead_letters(record_id)

    def sync_now(self) -> None:
        control = self._control()
        self.record("queue.sync_now")
        control.sync_now()

    # --- leaving the kiosk --------------------------------------------------------------------

    @property
    def can_exit_to_maintenance(self) -> bool:
        return self._terminal is not None

    def exit_to_maintenance(self, reason: str) -> None:
        """Audited first, then the maintenance hook: the kiosk session stops soon after."""
        technician = self._technician
        if technician is None or self._terminal is None:
            raise NotSignedIn("exit_to_maintenance")
        self.record("technician.exit_to_maintenance", "", {"reason": reason})
        self._terminal.exit_to_maintenance(technician.technician_id, reason)

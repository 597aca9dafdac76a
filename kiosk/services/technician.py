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
from collections.abc import Mapping
from dataclasses import dataclass

from kiosk.domain.operators import Operator, Role
from kiosk.ports.audit import AuditActor, AuditRole, AuditTrail, AuditValue
from kiosk.ports.device import Unsubscribe
from kiosk.ports.sync import DeadLetter, StatusListener, SyncControl, SyncStatus
from kiosk.ports.terminal_control import TerminalControl
from kiosk.services.operator_desk import (
    NotSignedIn,
    OperatorDesk,
    SignInAttempt,
    SignInOutcome,
)
from kiosk.services.operators import OperatorSignIn
from kiosk.services.tech_carry import CarryTools, RelayTools
from kiosk.services.tech_config import ConfigTools
from kiosk.services.tech_logs import LogTools
from kiosk.services.tech_network import NetworkCheck
from kiosk.services.tech_provision import ProvisionTools
from kiosk.services.tech_selftest import SelfTestTools

__all__ = ["NotSignedIn", "SignInAttempt", "SignInOutcome", "Technician", "TechnicianDesk"]

TECHNICIAN_NUMBER = re.compile(r"T[0-9]{4}")


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
    carry: CarryTools | None = None  # once enrolled: the queue on a USB stick
    relay: RelayTools | None = None  # once enrolled: another terminal's stick sent on
    provision: ProvisionTools | None = None  # takes record_provisioning, not record
    config: ConfigTools | None = None


def normalise_number(typed: str) -> str:
    """What a technician types on the keypad (four digits, or the whole T0003) as a number."""
    typed = typed.strip().upper()
    return typed if typed.startswith("T") else "T" + typed


class TechnicianDesk(OperatorDesk):
    """Sign-in and session from OperatorDesk (shared with the agent's desk); the queue,
    sync and maintenance tools here."""

    role = Role.TECHNICIAN
    audit_role = AuditRole.TECHNICIAN
    prefix = "technician"
    number_pattern = TECHNICIAN_NUMBER

    def __init__(
        self,
        signin: OperatorSignIn,
        audit: AuditTrail,
        sync: SyncControl | None = None,
        terminal: TerminalControl | None = None,
    ) -> None:
        super().__init__(signin, audit)
        self._sync, self._terminal = sync, terminal
        self.tools = TechTools()

    # --- the session --------------------------------------------------------------------------

    @property
    def technician(self) -> Technician | None:
        operator: Operator | None = self.operator
        return None if operator is None else Technician(operator.operator_id, operator.masked_name)

    def attach_sync(self, sync: SyncControl) -> None:
        """The sync service, once the terminal is enrolled and its queue runs."""
        self._sync = sync

    @property
    def has_queue(self) -> bool:
        return self._sync is not None

    def sign_in_by_number(self, number: str, pin: str) -> SignInAttempt:
        """`number` as typed on the keypad (four digits, or the whole T0003)."""
        return super().sign_in_by_number(normalise_number(number), pin)

    # --- queue and sync -----------------------------------------------------------------------

    def record_provisioning(
        self, action: str, subject: str = "", details: Mapping[str, AuditValue] | None = None
    ) -> None:
        """登记新终端's audit: the signed-in technician, or `enrolment` when nobody can be
        signed in (a terminal not enrolled yet has no operator list; the one-time code is the
        credential, and the provisioner refuses a terminal that is already enrolled)."""
        operator = self._operator
        ref = operator.operator_id if operator is not None else "enrolment"
        self._record(AuditActor(AuditRole.TECHNICIAN, ref), action, subject, details)

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
        if self.operator is None:
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
        technician = self.technician
        if technician is None or self._terminal is None:
            raise NotSignedIn("exit_to_maintenance")
        self.record("technician.exit_to_maintenance", "", {"reason": reason})
        self._terminal.exit_to_maintenance(technician.technician_id, reason)

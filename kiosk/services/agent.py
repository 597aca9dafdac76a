"""The proxy agent's desk (帮代办): sign-in, the agent session, the villagers served one after
another in it, the worklist and the printed day summary, each action written to the audit
trail first.

An agent signs in with their own ID card on the reader and their PIN, checked offline against
the operators cached from the platform (OperatorDesk, shared with the technician's desk): five
wrong PINs lock that agent out for 15 minutes on this terminal. The session outlasts each
villager's visit: the UI starts serving a villager (their own card is their consent), ends it
when their visit ends (finished, idle, card taken away) and stays signed in; an idle agent is
signed out by the UI with the reason.

Audited: sign-in attempts, each villager served (start; the villager by masked name once their
card is read; the receipts taken; the end with its reason), the worklist looked at, the day
summary printed, sign-out. Never a full name or an ID number (the trail refuses them).

Qt-free. Threads: every method but the properties blocks (scrypt, file I/O, the platform,
the printer): call them from a worker.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from kiosk.domain.agent_day import DaySummary, summarise
from kiosk.domain.operators import Operator, Role
from kiosk.domain.slip import Slip
from kiosk.domain.submission import Agent
from kiosk.ports.audit import AuditRole, AuditTrail, AuditValue
from kiosk.ports.clock import Clock
from kiosk.ports.operators import AgentCases, Worklist
from kiosk.ports.printer import PrinterNotFound, PrintResult, ReceiptPrinter
from kiosk.services.operator_desk import NotSignedIn, OperatorDesk
from kiosk.services.operators import OperatorSignIn

AGENT_NUMBER = re.compile(r"A[0-9]{4}")


class AgentNotSignedIn(NotSignedIn):
    message_key = "agent.not_signed_in"


class NoWorklist(AgentNotSignedIn):
    """This terminal has no way to ask the platform for worklists (not enrolled yet)."""

    message_key = "agent.no_worklist"


@dataclass(frozen=True)
class Serving:
    """The villager being served, as far as the audit trail may know them."""

    masked_name: str = ""
    receipts: tuple[str, ...] = ()


class AgentDesk(OperatorDesk):
    role = Role.AGENT
    audit_role = AuditRole.AGENT
    prefix = "agent"
    number_pattern = AGENT_NUMBER
    not_signed_in = AgentNotSignedIn

    def __init__(
        self,
        signin: OperatorSignIn,
        audit: AuditTrail,
        clock: Clock,
        cases: AgentCases | None = None,
        printer: ReceiptPrinter | None = None,
    ) -> None:
        super().__init__(signin, audit)
        self._clock, self._cases, self._printer = clock, cases, printer
        self._serving: Serving | None = None
        self._serve_lock = threading.Lock()  # keeps a villager's records in order

    # --- the session --------------------------------------------------------------------------

    @property
    def agent(self) -> Agent | None:
        """Who a submission taken now is filed under (None outside a session)."""
        operator: Operator | None = self.operator
        return None if operator is None else Agent(operator.operator_id, operator.name)

    def attach_cases(self, cases: AgentCases) -> None:
        """The platform's worklists, once the terminal is enrolled."""
        self._cases = cases

    def attach_printer(self, printer: ReceiptPrinter) -> None:
        self._printer = printer

    @property
    def can_print(self) -> bool:
        return self._printer is not None

    def _signed_out(self) -> Mapping[str, AuditValue]:
        serving, self._serving = self._serving, None
        return {} if serving is None else {"while_serving": True}

    # --- villagers, one after another ---------------------------------------------------------

    @property
    def serving(self) -> bool:
        return self._serving is not None

    def start_serving(self) -> None:
        """The agent turns to the next villager (whose card comes next)."""
        with self._serve_lock:
            self.record("agent.serve_start")
            self._serving = Serving()

    def villager_identified(self, masked_name: str, check: str) -> None:
        """The villager's own card was read (their consent); `check`: face, card or staff."""
        with self._serve_lock:
            if self._serving is None:
                return
            self.record("agent.serve_villager", masked_name, {"check": check})
            self._serving = replace(self._serving, masked_name=masked_name)

    def note_receipt(self, receipt_no: str) -> None:
        """A journey took something for the villager being served (its receipt number)."""
        with self._serve_lock:
            if self._serving is None:
                return
            self.record("agent.serve_receipt", receipt_no)
            self._serving = replace(self._serving, receipts=(*self._serving.receipts, receipt_no))

    def end_serving(self, reason: str) -> bool:
        """The villager's visit ended (`reason`: finished, idle, card_removed, other_person);
        the agent stays signed in. False when nobody was being served."""
        with self._serve_lock:
            serving, self._serving = self._serving, None
            if serving is None or self.operator is None:
                return False
            subject = ",".join(serving.receipts) or serving.masked_name
            self.record(
                "agent.serve_end", subject, {"reason": reason, "receipts": len(serving.receipts)}
            )
            return True

    # --- the worklist and the day -------------------------------------------------------------

    def worklist(self) -> Worklist:
        """The agent's cases from the platform, or the last list when it is unreachable
        (Worklist.fresh False). PlatformError when unreachable and nothing is cached."""
        operator = self.operator
        if operator is None:
            raise AgentNotSignedIn("worklist")
        if self._cases is None:
            raise NoWorklist("no worklist source")
        self.record("agent.worklist")
        return self._cases.worklist(operator.operator_id)

    def today(self) -> date:
        return self._clock.now().astimezone().date()

    def day_summary(self, day: date | None = None) -> tuple[DaySummary, Worklist]:
        worklist = self.worklist()
        operator = self.operator
        if operator is None:
            raise AgentNotSignedIn("day_summary")
        return summarise(operator.operator_id, worklist.entries, day or self.today()), worklist

    def print_day_summary(
        self, layout: Callable[[DaySummary, Worklist], Slip], day: date | None = None
    ) -> tuple[DaySummary, PrintResult]:
        """The day's cases (fresh, or the cached list when offline) printed as a slip laid
        out by `layout` (the UI's words); audited before it prints."""
        printer = self._printer
        if printer is None:
            raise PrinterNotFound("no printer on this terminal")
        summary, worklist = self.day_summary(day)
        self.record(
            "agent.print_day_summary",
            summary.day.isoformat(),
            {"cases": len(summary.lines), "fresh": worklist.fresh},
        )
        return summary, printer.print_slip(layout(summary, worklist))

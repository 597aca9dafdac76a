"""The way into agent mode, and the agent's session around the villagers' visits.

Entry: a visible 代办员登录 button on the home screen, then the agent's own card and PIN. Not the
agent's card on the reader at home: a village agent is a neighbour whom villagers know, not a
hidden technician, and at home a card on the reader belongs to a villager starting their own
visit (an agent applying for themselves puts their card there too). A button says plainly which
of the two is meant, and a villager who taps it by mistake reads "村民办事请按首页".

Session: the agent's presence is a visit of its own (the idle countdown and sign-out apply to
it). "为下一位村民办理" starts a villager's visit through the identify step (their own card is
their consent). When that visit ends (办完了/首页, idle, card taken away, another person's card)
every screen forgets the villager as for any visit; the agent stays signed in and is back on
their home. A visit that ends while nobody is being served is the agent's own: idle or left,
the agent is signed out with that reason. ctx.agent is set while signed in and cleared first
on sign-out, on the GUI thread; the desk writes the audit entries on workers.

GUI thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from ui.agent.base import AGENT_HOME, AGENT_SERVING, AGENT_SIGN_IN
from ui.context import UiContext
from ui.navigation import Navigator

log = logging.getLogger(__name__)

# How a visit's end reads in the audit trail (kiosk.services.session.EndReason values).
_REASONS = {
    "idle": "idle",
    "finished": "finished",
    "card_removed": "card_removed",
    "other_person": "other_person",
}


class AgentHooks(QObject):
    def __init__(self, ctx: UiContext, navigator: Navigator) -> None:
        super().__init__()
        self.ctx, self.navigator = ctx, navigator
        self.serving = False  # a villager's visit runs inside the agent's session

    def open(self) -> None:
        """The home screen's 代办员登录: whatever visit was under way ends first."""
        if self.ctx.services.agent is None:
            return
        self.navigator.home()
        self.navigator.go(AGENT_SIGN_IN, {})

    def serve_next(self) -> None:
        """为下一位村民办理: the identify step, then the serving screen."""
        desk = self.ctx.services.agent
        agent = self.ctx.agent
        if desk is None or agent is None:
            return
        self.serving = True
        self.ctx.run(desk.start_serving, _ignore, _not_audited)
        operator = desk.operator
        self.navigator.go(
            "identify",
            {
                "next": AGENT_SERVING,
                "next_params": {},
                "face": True,
                "purpose_key": "agent.identify_for",
                "purpose_params": {
                    "agent": operator.masked_name if operator is not None else agent.agent_id
                },
            },
        )

    def sign_out_pressed(self) -> None:
        """退出登录 on the agent's home."""
        self.sign_out("signed_out")

    def sign_out(self, reason: str) -> None:
        """Clears ctx.agent at once; the desk signs out (audited) on a worker; then the visit
        ends and the home screen shows."""
        self._sign_out(reason)
        self.navigator.home()

    def _sign_out(self, reason: str) -> None:
        desk = self.ctx.services.agent
        self.ctx.agent = None
        self.serving = False
        if desk is not None:
            self.ctx.run(lambda: desk.sign_out(reason), _ignore, _not_audited)

    def visit_ended(self, reason: str) -> None:
        """Connected to SessionWatch.ended (after every screen forgot the person)."""
        desk = self.ctx.services.agent
        if desk is None or self.ctx.agent is None:
            return
        why = _REASONS.get(reason, reason)
        if self.serving:
            self.serving = False
            self.ctx.run(lambda: desk.end_serving(why), _ignore, _not_audited)
            self.ctx.session.touch()  # the agent's own visit goes on, idle clock fresh
            self.navigator.go(AGENT_HOME, {})
            return
        self._sign_out("idle" if why == "idle" else "left")


def _ignore(_result: object) -> None:
    pass


def _not_audited(exc: Exception) -> None:
    # The session moved on all the same; only the record is missing, which the log says.
    log.error("agent action not audited: %s", type(exc).__name__)

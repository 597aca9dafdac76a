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
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from ui.agent.base import AGENT_HOME, AGENT_SERVING, AGENT_SIGN_IN, AgentScreen
from ui.context import UiContext
from ui.navigation import Navigator

log = logging.getLogger(__name__)
Work = Callable[[], Any]
Done = Callable[[Any], None] | None
Failed = Callable[[Exception], None] | None

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
        # The desk's serving calls run one after another, in the order they were asked for
        # (a pool could start the next villager's serve_start before the last one's serve_end).
        self._calls: deque[tuple[Work, Done, Failed]] = deque()
        self._busy = False

    def open(self) -> None:
        """The home screen's 代办员登录: whatever visit was under way ends first."""
        if self.ctx.services.agent is None:
            return
        self.navigator.home()
        self.navigator.go(AGENT_SIGN_IN, {})

    # --- one villager after another -----------------------------------------------------------

    def serve_next(self) -> None:
        """为下一位村民办理: serve_start is on record first, then the identify step (the
        villager's own card), then the serving screen."""
        desk = self.ctx.services.agent
        if desk is None or self.ctx.agent is None or self.serving:
            return
        self.serving = True
        self._in_turn(desk.start_serving, lambda _r: self._identify(), self._not_started)

    def _identify(self) -> None:
        desk = self.ctx.services.agent
        operator = desk.operator if desk is not None else None
        if not self.serving or operator is None or self.navigator.current.name != AGENT_HOME:
            return  # signed out or moved on meanwhile
        self.navigator.go(
            "identify",
            {
                "next": AGENT_SERVING,
                "next_params": {},
                "face": True,
                "purpose_key": "agent.identify_for",
                "purpose_params": {"agent": operator.masked_name},
            },
        )

    def _not_started(self, exc: Exception) -> None:
        self.serving = False
        home = self.navigator.screens.get(AGENT_HOME)
        if isinstance(home, AgentScreen):
            home.show_failure(exc)

    def villager_identified(self, masked_name: str, check: str) -> None:
        """The serving screen opened for a villager whose card (and face) passed."""
        desk = self.ctx.services.agent
        if desk is not None and self.serving:
            self._in_turn(lambda: desk.villager_identified(masked_name, check))

    # --- signing out --------------------------------------------------------------------------

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
            self._in_turn(lambda: desk.sign_out(reason))

    def visit_ended(self, reason: str) -> None:
        """Connected to SessionWatch.ended (after every screen forgot the person)."""
        desk = self.ctx.services.agent
        if desk is None or self.ctx.agent is None:
            return
        why = _REASONS.get(reason, reason)
        if self.serving:
            self.serving = False
            self._in_turn(lambda: desk.end_serving(why))
            self.ctx.session.touch()  # the agent's own visit goes on, idle clock fresh
            self.navigator.go(AGENT_HOME, {})
            return
        self._sign_out("idle" if why == "idle" else "left")

    # --- the desk's calls, in turn ------------------------------------------------------------

    def _in_turn(self, work: Work, done: Done = None, failed: Failed = None) -> None:
        self._calls.append((work, done, failed))
        if not self._busy:
            self._next()

    def _next(self) -> None:
        if not self._calls:
            self._busy = False
            return
        self._busy = True
        work, done, failed = self._calls.popleft()

        def finished(value: Any) -> None:
            try:
                if done is not None:
                    done(value)
            finally:
                self._next()

        def broke(exc: Exception) -> None:
            try:
                (failed or _not_audited)(exc)
            finally:
                self._next()

        self.ctx.run(work, finished, broke)


def _not_audited(exc: Exception) -> None:
    # The session moved on all the same; only the record is missing, which the log says.
    log.error("agent action not audited: %s", type(exc).__name__)

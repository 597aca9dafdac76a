"""Sample states of the agent screens for the accessibility audit: each drives the entered
screen into a state it can show (a desk over doubles, the agent signed in, a worklist with a
补正 case, a villager being served)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from kiosk.ports.operators import Worklist
from kiosk.services.operator_desk import SignInAttempt, SignInOutcome
from tests.services.agent_fakes import (
    SAMPLE_ENTRIES,
    FakeCases,
    agent_operator,
    sample_agent_desk,
)
from tests.ui.cards import ZHANG
from ui.agent.home import AgentHomeScreen
from ui.agent.serving import AgentServingScreen
from ui.agent.signin import AgentSignInScreen
from ui.agent.worklist import AgentWorklistScreen
from ui.navigation import Screen
from ui.widgets import BannerKind

State = Callable[[Screen], None]
FETCHED = datetime(2026, 11, 22, 5, 0, tzinfo=UTC)


def _signed_in(screen: Screen, cases: FakeCases | None = None, **params: Any) -> None:
    """Give the window a signed-in agent and show the screen again (without one it went to
    the agent sign-in)."""
    desk = screen.ctx.services.agent
    if desk is None or desk.operator is None or cases is not None:
        desk, _audit = sample_agent_desk(screen.ctx.clock, cases)
        screen.ctx.services.agent = desk
    screen.ctx.agent = desk.agent
    screen.navigate.emit(screen.name, params)


def _signin_says(outcome: SignInOutcome | None, **values: Any) -> State:
    def state(screen: Screen) -> None:
        assert isinstance(screen, AgentSignInScreen)
        screen._card_known(agent_operator())  # the agent's card was read: the PIN page
        if outcome is not None:
            screen._answered(SignInAttempt(outcome, **values))

    return state


def _card_unknown(outcome: SignInOutcome) -> State:
    def state(screen: Screen) -> None:
        assert isinstance(screen, AgentSignInScreen)
        screen._card_known(SignInAttempt(outcome))

    return state


def _home(note: str) -> State:
    def state(screen: Screen) -> None:
        assert isinstance(screen, AgentHomeScreen)
        _signed_in(screen)
        if note == "card":
            screen.banner.show_message(BannerKind.WARNING, screen.t("agent.home.card_on_reader"))
        elif note == "printed":
            screen.banner.show_message(BannerKind.OK, screen.t("agent.home.printed", count=3))

    return state


def _serving(check: str) -> State:
    def state(screen: Screen) -> None:
        assert isinstance(screen, AgentServingScreen)
        screen.ctx.session.identify(ZHANG)
        _signed_in(screen, identity_check=check)

    return state


def _worklist(fresh: bool) -> State:
    def state(screen: Screen) -> None:
        assert isinstance(screen, AgentWorklistScreen)
        # The screen fetched on entry (on a worker) from the last state's desk: that answer is
        # dropped, and the sample source answers the same list as shown here.
        screen.forget()
        _signed_in(screen, FakeCases(online=fresh, fetched_at=FETCHED))
        screen.show_worklist(Worklist(SAMPLE_ENTRIES, FETCHED, fresh))

    return state


STATES: dict[str, list[Any]] = {
    "agent_signin": [
        {},
        _signin_says(None),
        _signin_says(SignInOutcome.WRONG_PIN, operator_id="A0012", attempts_left=2),
        _signin_says(SignInOutcome.LOCKED, operator_id="A0012", wait_s=870),
        _card_unknown(SignInOutcome.UNKNOWN),
        _card_unknown(SignInOutcome.NO_LIST),
    ],
    "agent_home": [_home(""), _home("card"), _home("printed")],
    "agent_serving": [_serving("face"), _serving("staff")],
    "agent_worklist": [_worklist(True), _worklist(False)],
}

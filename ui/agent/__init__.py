"""Proxy agent mode (帮代办): sign-in by card and PIN, the agent's home, villagers served one
after another through the identify step, the worklist and the day summary slip."""

from __future__ import annotations

from ui.context import UiContext
from ui.navigation import Screen


def agent_screens(ctx: UiContext) -> list[Screen]:
    from ui.agent.home import AgentHomeScreen
    from ui.agent.serving import AgentServingScreen
    from ui.agent.signin import AgentSignInScreen
    from ui.agent.worklist import AgentWorklistScreen

    return [
        AgentSignInScreen(ctx),
        AgentHomeScreen(ctx),
        AgentServingScreen(ctx),
        AgentWorklistScreen(ctx),
    ]

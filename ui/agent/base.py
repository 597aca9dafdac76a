"""What every agent screen shares with the technician's (ui/technician/base.py OperatorScreen):
the desk (the Qt-free AgentDesk), the guard that sends anyone without an agent session to the
agent sign-in, and desk calls on workers whose late results are dropped once the session ends.
"""

from __future__ import annotations

from typing import Any

from kiosk.services.agent import AgentDesk
from kiosk.services.operator_desk import OperatorDesk
from ui.agent.messages import MESSAGES
from ui.technician.base import OperatorScreen
from ui.widgets import BannerKind

AGENT_SIGN_IN = "agent_signin"
AGENT_HOME = "agent_home"
AGENT_WORKLIST = "agent_worklist"
AGENT_SERVING = "agent_serving"


class AgentScreen(OperatorScreen):
    sign_in_screen = AGENT_SIGN_IN

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        ctx.tr.add(MESSAGES)

    def operator_desk(self) -> OperatorDesk | None:
        return self.ctx.services.agent

    def signed_in(self) -> bool:
        # The GUI's own record (set on sign-in, cleared first on sign-out) decides, so a screen
        # never opens for an agent whose sign-out is still being written on a worker.
        return super().signed_in() and self.ctx.agent is not None

    @property
    def desk(self) -> AgentDesk:
        desk = self.ctx.services.agent
        assert desk is not None  # available() is False without it, so no screen is reached
        return desk

    def show_failure(self, exc: Exception) -> None:
        self.banner.show_message(
            BannerKind.ERROR, self.t("agent.failed", reason=self.ctx.error_text(exc))
        )

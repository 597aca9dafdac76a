"""The technician mode (运维): hidden entry, sign-in and the technician's tools."""

from __future__ import annotations

from ui.context import UiContext
from ui.navigation import Screen


def technician_screens(ctx: UiContext) -> list[Screen]:
    from ui.technician.carry import TechCarryScreen
    from ui.technician.logs import TechLogsScreen
    from ui.technician.menu import TechMenuScreen
    from ui.technician.network import TechNetworkScreen
    from ui.technician.provision import TechProvisionScreen
    from ui.technician.queue import TechQueueScreen
    from ui.technician.relay import TechRelayScreen
    from ui.technician.selftest import TechSelfTestScreen
    from ui.technician.settings import TechSettingsScreen
    from ui.technician.signin import TechSignInScreen

    return [
        TechSignInScreen(ctx),
        TechMenuScreen(ctx),
        TechSelfTestScreen(ctx),
        TechQueueScreen(ctx),
        TechNetworkScreen(ctx),
        TechLogsScreen(ctx),
        TechCarryScreen(ctx),
        TechRelayScreen(ctx),
        TechProvisionScreen(ctx),
        TechSettingsScreen(ctx),
    ]

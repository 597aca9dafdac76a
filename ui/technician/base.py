"""What every operator screen shares (the technician's and the proxy agent's): the desk (a
Qt-free OperatorDesk), a guard that sends anyone without a session back to the role's sign-in
screen, and running desk calls on a worker with the failure shown in the banner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

import shiboken6

from kiosk.services.operator_desk import OperatorDesk
from kiosk.services.technician import TechnicianDesk
from ui.navigation import Screen
from ui.technician.messages import MESSAGES
from ui.widgets import BannerKind

SIGN_IN = "tech_signin"


class OperatorScreen(Screen):
    needs_session = True  # the sign-in screen itself does not
    sign_in_screen: ClassVar[str] = SIGN_IN

    def __init__(self, ctx: Any) -> None:
        super().__init__(ctx)
        ctx.tr.add(MESSAGES)
        self._generation = 0  # bumped by forget(): late results of an ended session are dropped

    def operator_desk(self) -> OperatorDesk | None:
        """The role's desk from the services (None: the role is not offered here)."""
        raise NotImplementedError

    def available(self) -> bool:
        return self.operator_desk() is not None

    def signed_in(self) -> bool:
        desk = self.operator_desk()
        return desk is not None and desk.operator is not None

    def enter(self, **params: Any) -> None:
        """Silent, unlike villagers' screens: nobody in the hall needs to hear the technician's
        titles. Without a session (it ended while this screen was in the history) it goes to
        the sign-in screen instead of opening."""
        if self.needs_session and not self.signed_in():
            self.navigate.emit(self.sign_in_screen, {})
            return
        self.opened(**params)

    def opened(self, **params: Any) -> None:
        """Subclasses fill the screen here (GUI thread; blocking work through run())."""

    def run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Desk work on a worker (the idle clock held); a failure is shown in the banner. A
        result that comes back after the session ended (or the screen is gone) is dropped, so
        nothing of it shows to whoever uses the terminal next."""
        generation = self._generation

        def current() -> bool:
            return shiboken6.isValid(self) and generation == self._generation

        self.ctx.run(
            work,
            lambda value: done(value) if current() else None,
            lambda exc: self.show_failure(exc) if current() else None,
            hold=True,
        )

    def forget(self) -> None:
        self._generation += 1
        super().forget()

    def show_failure(self, exc: Exception) -> None:
        self.banner.show_message(
            BannerKind.ERROR, self.t("tech.failed", reason=self.ctx.error_text(exc))
        )


class TechScreen(OperatorScreen):
    def operator_desk(self) -> OperatorDesk | None:
        return self.ctx.services.technician

    @property
    def desk(self) -> TechnicianDesk:
        desk = self.ctx.services.technician
        assert desk is not None  # available() is False without it, so no screen is reached
        return desk

"""The hidden way into the technician screens, and the end of a technician's session.

Five taps within three seconds on the top-left corner (120 x 120 px, the same physical corner
in both languages) of the home screen open the technician sign-in. It is no button: nothing is
drawn there, a tap anywhere else starts the count again, and the taps still reach whatever is
under them (the hall's name), so a villager who taps around finds nothing. Before the sign-in
screen shows, the visit in progress (if any) is ended and every screen forgets its person.

The same corner works on the out-of-service screen (a terminal not enrolled yet, a platform
that refused it): the technician's tools are what puts such a terminal right. The kiosk goes
back to that screen when the technician's visit ends.

When a visit ends (idle, 首页, another person's card), a signed-in technician is signed out,
with the reason in the audit trail.

GUI thread. (Why no reference to the session watch: PySide keeps a signal's slot alive, and a
watch kept alive past its window would keep filtering events for widgets that are gone.)
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from kiosk.services.session import EndReason
from ui.context import UiContext
from ui.navigation import Navigator
from ui.technician.base import SIGN_IN
from ui.technician.menu import MENU, TechMenuScreen

log = logging.getLogger(__name__)

TAPS = 5
WINDOW_S = 3.0
CORNER_PX = 120
# How a visit's end reads in the audit trail.
_SIGN_OUT_REASONS = {
    EndReason.IDLE.value: "idle",
    EndReason.FINISHED.value: "left",
    EndReason.CARD_REMOVED.value: "card_removed",
    EndReason.OTHER_PERSON.value: "other_person",
}


class TechnicianHooks(QObject):
    """What the main window wires: the hidden entry on the home screen (an application event
    filter that counts taps and lets them through), and `visit_ended`, which signs the
    technician out. It holds no reference to the session watch, so nothing keeps a closed
    window's parts alive."""

    def __init__(
        self,
        ctx: UiContext,
        navigator: Navigator,
        stack: QStackedWidget | None = None,
        out_of_service: QWidget | None = None,
    ) -> None:
        super().__init__()
        self.ctx, self.navigator = ctx, navigator
        self.stack, self.out_of_service = stack, out_of_service
        self.from_out_of_service = False
        self.home = navigator.screens["home"]
        menu = navigator.screens.get(MENU)
        if isinstance(menu, TechMenuScreen):
            menu.offers = navigator.offers
        self._taps: list[float] = []
        self._last_event = -1
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            # One press reaches the window and then each widget it propagates to: count once.
            if event.timestamp() != self._last_event:
                self._last_event = event.timestamp()
                try:
                    self._tap(event.globalPosition().toPoint())
                except Exception:  # a filter must never raise: the tap still reaches its widget
                    log.exception("hidden entry failed")
        return super().eventFilter(watched, event)

    def _showing_out_of_service(self) -> bool:
        screen = self.out_of_service
        return screen is not None and shiboken6.isValid(screen) and screen.isVisible()

    def _tap(self, where: QPoint) -> None:
        home: QWidget = self.home
        if self._showing_out_of_service():
            assert self.out_of_service is not None
            home = self.out_of_service
        elif (
            not shiboken6.isValid(home)
            or not home.isVisible()
            or self.navigator.current is not home
        ):
            self._taps.clear()
            return
        origin = home.mapToGlobal(QPoint(0, 0))
        if not (
            0 <= where.x() - origin.x() < CORNER_PX and 0 <= where.y() - origin.y() < CORNER_PX
        ):
            self._taps.clear()
            return
        now = self.ctx.clock.monotonic()
        self._taps = [t for t in self._taps if now - t <= WINDOW_S] + [now]
        if len(self._taps) >= TAPS:
            self._taps.clear()
            self.open()

    def open(self) -> None:
        """The villager's visit (if any) ends and is forgotten first (as 首页 does); then the
        sign-in screen."""
        if self.ctx.services.technician is None:
            return
        was_out_of_service = self._showing_out_of_service()
        self.navigator.home()  # ends the visit: visit_ended runs before the flag is set
        if was_out_of_service and self.stack is not None:
            self.from_out_of_service = True
            self.stack.setCurrentWidget(self.navigator)
        self.navigator.go(SIGN_IN, {})

    def visit_ended(self, reason: str) -> None:
        """Connected to SessionWatch.ended: a signed-in technician is signed out (audited);
        a terminal that was out of service shows that screen again."""
        if self.from_out_of_service and self.stack is not None and self.out_of_service:
            self.from_out_of_service = False
            self.stack.setCurrentWidget(self.out_of_service)
        desk = self.ctx.services.technician
        if desk is None or desk.technician is None:
            return
        why = _SIGN_OUT_REASONS.get(reason, reason)
        self.ctx.run(lambda: desk.sign_out(why), lambda _r: None, _sign_out_failed)


def _sign_out_failed(exc: Exception) -> None:
    # The session is over all the same (the desk let go before writing); only the record is
    # missing, which the log says.
    log.error("technician sign-out not audited: %s", type(exc).__name__)

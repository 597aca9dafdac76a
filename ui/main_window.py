"""The window: the navigator with every screen, the countdown overlay on top, and the
out-of-service screen. The composition root drives it; it never does I/O itself."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from ui.agent import agent_screens
from ui.agent.entry import AgentHooks
from ui.agent.home import AgentHomeScreen
from ui.agent.serving import AgentServingScreen
from ui.card_watch import CardWatch
from ui.context import UiContext
from ui.keyboard import KeyboardDock
from ui.messages import MESSAGES
from ui.navigation import Navigator, Screen
from ui.screens.apply import ApplyScreen
from ui.screens.appointment import AppointmentScreen
from ui.screens.appointment_book import BookScreen
from ui.screens.complaint import ComplaintScreen
from ui.screens.evaluation import EvaluationScreen
from ui.screens.guide import GuideScreen
from ui.screens.guide_item import GuideItemScreen
from ui.screens.guide_list import GuideListScreen
from ui.screens.home import HomeScreen
from ui.screens.identify import IdentifyScreen
from ui.screens.notices import NoticeScreen, NoticesScreen
from ui.screens.out_of_service import OutOfServiceScreen
from ui.screens.progress import ProgressScreen
from ui.screens.progress_case import CaseScreen
from ui.screens.progress_list import CaseListScreen
from ui.screens.progress_number import ReceiptNumberScreen
from ui.screens.ticket import TicketScreen
from ui.session_watch import CountdownOverlay, Defaults, SessionWatch
from ui.technician import technician_screens
from ui.technician.entry import TechnicianHooks


def build_screens(ctx: UiContext) -> list[Screen]:
    """Every screen of the kiosk, home first."""
    return [
        HomeScreen(ctx),
        *(GuideScreen(ctx), GuideListScreen(ctx), GuideItemScreen(ctx)),
        *(ProgressScreen(ctx), ReceiptNumberScreen(ctx), CaseScreen(ctx), CaseListScreen(ctx)),
        *(AppointmentScreen(ctx), BookScreen(ctx), TicketScreen(ctx), EvaluationScreen(ctx)),
        *(ComplaintScreen(ctx), NoticesScreen(ctx), NoticeScreen(ctx)),
        *technician_screens(ctx),
        *agent_screens(ctx),
        IdentifyScreen(ctx),
        ApplyScreen(ctx),
    ]


class MainWindow(QMainWindow):
    def __init__(self, ctx: UiContext, defaults: Defaults) -> None:
        super().__init__()
        ctx.tr.add(MESSAGES)
        self.ctx = ctx
        ctx.workers.serve(self)
        self.setWindowTitle(ctx.tr.t("app.title"))
        self.navigator = Navigator(ctx)
        for screen in build_screens(ctx):
            self.navigator.register(screen)
        home = self.navigator.screens["home"]
        assert isinstance(home, HomeScreen)
        self.home = home
        for screen in self.navigator.screens.values():
            if hasattr(screen, "offers"):  # screens that show a choice only if it leads somewhere
                screen.offers = self.navigator.offers
        self.out_of_service = OutOfServiceScreen()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.navigator)
        self.stack.addWidget(self.out_of_service)
        # The on-screen keyboard docks under the screens, inside this one window (see
        # ui/keyboard.py for why); the screens shrink while it shows.
        self.keyboard = KeyboardDock(ctx.tr.language, ctx.theme.elderly)
        ctx.tr.changed.connect(self.keyboard.set_language)
        ctx.theme.changed.connect(self.keyboard.set_big_keys)
        self.navigator.moved.connect(lambda _name: self.keyboard.close_keyboard())
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        # The screens never make the window larger than the display: on a panel smaller than
        # the 1080x1920 / 1920x1080 they are laid out for, a compositor such as cage must still
        # be able to make the window full screen (the screen is clipped, not the window lost).
        # A scroll area around the stack was tried: its relayouts with word-wrapped labels
        # stalled the GUI thread, once for minutes.
        self.stack.setMinimumSize(1, 1)  # an explicit minimum overrides the screens' hints
        column.addWidget(self.stack, 1)
        column.addWidget(self.keyboard)
        self.setCentralWidget(central)
        self.overlay = CountdownOverlay(self.stack)
        self.watch = SessionWatch(ctx, self.navigator, self.overlay, defaults)
        self.technician = TechnicianHooks(ctx, self.navigator, self.stack, self.out_of_service)
        self.watch.ended.connect(self.technician.visit_ended)
        self.agent = AgentHooks(ctx, self.navigator)
        self.watch.ended.connect(self.agent.visit_ended)
        home.agent_button.clicked.connect(self.agent.open)
        agent_home = self.navigator.screens["agent_home"]
        assert isinstance(agent_home, AgentHomeScreen)
        agent_home.serve_requested.connect(self.agent.serve_next)
        agent_home.sign_out_button.clicked.connect(self.agent.sign_out_pressed)
        serving = self.navigator.screens["agent_serving"]
        assert isinstance(serving, AgentServingScreen)
        serving.offers = self.navigator.offers
        serving.identified.connect(self.agent.villager_identified)
        # Before any screen listens to cards (screens connect only while they show).
        self.card_watch = (
            None
            if ctx.devices is None
            else CardWatch(ctx.session, ctx.devices, self.watch.end_visit)
        )
        # The window owns its watchers: two of them filter every event of the application and
        # all of them run timers or hold slots, so they must end with the window (a closed
        # window's watch that kept filtering would slow every later window, e.g. in tests).
        for part in (self.watch, self.technician, self.agent, self.card_watch):
            if part is not None:
                part.setParent(self)
        self.navigator.reset("home")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.overlay.isVisible():
            self.overlay.cover()

    def show_out_of_service(self, reason: str, phone: str) -> None:
        self.out_of_service.show_reason(reason, phone)
        if self.technician.from_out_of_service:
            return  # the technician is at work: the screen shows again when they leave
        self.stack.setCurrentWidget(self.out_of_service)

    def show_service(self) -> None:
        self.technician.from_out_of_service = False
        self.stack.setCurrentWidget(self.navigator)


class FallbackWindow(QMainWindow):
    """Shown instead of the kiosk when it cannot even be configured: only the out-of-service
    screen, which needs no configuration, translator or services."""

    def __init__(self, reason: str, phone: str) -> None:
        super().__init__()
        self.out_of_service = OutOfServiceScreen()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.out_of_service)
        self.setCentralWidget(self.stack)
        self.out_of_service.show_reason(reason, phone)

"""What every screen is given: translator, theme, session, voice, workers, clock, settings and
the services. The composition root (kiosk/app.py) builds it; screens never build their own
parts and never reach past it (no globals, no service locators).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.domain.submission import Agent
from kiosk.errors import KioskError
from kiosk.ports.clock import Clock
from kiosk.services.agent import AgentDesk
from kiosk.services.apply import ApplyService
from kiosk.services.appointments import AppointmentService
from kiosk.services.catalog import CatalogService
from kiosk.services.complaints import ComplaintDesk
from kiosk.services.evaluation import EvaluationService
from kiosk.services.guide import GuideService
from kiosk.services.identify import IdentifyService
from kiosk.services.notices import NoticeReader
from kiosk.services.progress import ProgressService
from kiosk.services.session import Session
from kiosk.services.slips import SlipPrinting
from kiosk.services.technician import TechnicianDesk
from kiosk.services.tickets import TicketService
from ui.bridge import DeviceBridge
from ui.i18n import Translator
from ui.theme import Theme
from ui.voice import Prompter
from ui.workers import Workers

log = logging.getLogger(__name__)


@dataclass
class UiSettings:
    hall_name: str = ""
    hall_code: str = ""
    terminal_id: str = ""
    service_phone: str = "12345"


@dataclass
class Services:
    """The use cases screens call (all Qt-free, in kiosk/services). None when not available
    on this terminal; a screen whose service is missing is not offered."""

    catalog: CatalogService | None = None
    progress: ProgressService | None = None
    appointments: AppointmentService | None = None
    tickets: TicketService | None = None
    slips: SlipPrinting | None = None  # None: this terminal has no printer
    evaluation: EvaluationService | None = None
    guide: GuideService | None = None
    technician: TechnicianDesk | None = None
    identify: IdentifyService | None = None
    apply: ApplyService | None = None
    agent: AgentDesk | None = None
    complaints: ComplaintDesk | None = None  # offered once it has the queue (enrolled)
    notices: NoticeReader | None = None


@dataclass
class UiContext:
    tr: Translator
    theme: Theme
    session: Session
    voice: Prompter
    workers: Workers
    clock: Clock
    settings: UiSettings = field(default_factory=UiSettings)
    services: Services = field(default_factory=Services)
    devices: DeviceBridge | None = None  # card readers, camera and device status, on Qt signals
    # The proxy agent (代办员) signed in (ui/agent), whom a submission built now is filed under; None
    # outside an agent session. Set and cleared on the GUI thread only.
    agent: Agent | None = None

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None],
        *,
        hold: bool = False,
    ) -> None:
        """Run blocking work on a worker thread; callbacks come back on the GUI thread. With
        `hold`, the person's idle clock stops meanwhile (the terminal is busy for them)."""
        if not hold:
            self.workers.run(work, on_done, on_failed)
            return
        self.session.begin_hold()

        def done(value: Any) -> None:
            self.session.end_hold()
            on_done(value)

        def failed(exc: Exception) -> None:
            self.session.end_hold()
            on_failed(exc)

        self.workers.run(work, done, failed)

    def error_text(self, exc: Exception) -> str:
        """Plain words for a failure: a KioskError's message key, else the generic text. The
        details go to the log (no personal data: only the type and the technical detail)."""
        if isinstance(exc, KioskError):
            log.info("shown to the person: %s (%s)", exc.message_key, exc.detail)
            key = exc.message_key if self.tr.has(exc.message_key) else "error.generic"
            return self.tr.t(key)
        log.error("unexpected failure: %s", type(exc).__name__, exc_info=exc)
        return self.tr.t("error.generic")

"""The real kiosk for the progress, appointment, ticket and evaluation journeys: an enrolled
terminal with its durable outbox and sync service (against the real platform on loopback,
optionally through the fault proxy), the journeys' services wired by the composition root's own
function, a receipt printer over python-escpos to the ESC/POS emulator, and the real widgets.

The clock is the system's, shifted by hand when a test needs hours to pass (monotonic time is
left alone, so the sync loop keeps its own pace).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from devices.emulators.escpos_decoder import DecodedJob
from devices.emulators.escpos_printer import EscposPrinterEmulator
from devices.escpos_printer import escpos_printer_from_config
from kiosk.app import add_journey_services
from kiosk.ports.clock import SystemClock
from kiosk.services.catalog import CatalogService
from offline_queue.catalog_cache import JsonCatalogCache
from offline_queue.credentials import Credentials
from offline_queue.terminal import TerminalQueue, build_terminal_queue, signed_client
from tests.offline_queue.kiosk_side import enrolled_kiosk
from tests.support.central import CentralHandle
from tests.support.fault_proxy import FaultProxy
from tests.ui.support import make_window
from ui.context import Services
from ui.main_window import MainWindow

SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "progress"


class ShiftedClock(SystemClock):
    """The system clock, with the wall clock moved forward by hand."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def shift(self, **delta: float) -> None:
        self.offset += timedelta(**delta)


@dataclass
class JourneyKiosk:
    window: MainWindow
    queue: TerminalQueue
    clock: ShiftedClock
    printer: EscposPrinterEmulator
    terminal_id: str
    hall_code: str
    closers: list[Any] = field(default_factory=list)

    @property
    def services(self) -> Services:
        return self.window.ctx.services

    def screen(self, name: str) -> Any:
        return self.window.navigator.screens[name]

    @property
    def current(self) -> Any:
        return self.window.navigator.current

    def cut_off(self, qtbot: Any, proxy: FaultProxy) -> None:
        """The link refuses from now on; returns once the sync loop has found it out."""
        proxy.refuse()
        self.queue.sync.sync_now()
        qtbot.waitUntil(lambda: self.queue.sync.status().online is False, timeout=20_000)

    def jobs(self, count: int) -> list[DecodedJob]:
        return self.printer.wait_for_jobs(count, timeout_s=20)

    def close(self) -> None:
        self.window.watch.end_visit()
        self.queue.close()
        self.printer.stop()
        for close in self.closers:
            close()
        self.window.close()


def journey_kiosk(
    qapp: QApplication,
    tmp_path: Path,
    central: CentralHandle,
    base_url: str | None = None,
    *,
    elderly: bool = True,
    language: str = "zh_CN",
) -> JourneyKiosk:
    config, enrolment, key = enrolled_kiosk(tmp_path, central, base_url or central.base_url)
    clock = ShiftedClock()
    queue = build_terminal_queue(config, enrolment, key, clock)
    printer = EscposPrinterEmulator().start()
    host, port = printer.address
    escpos = escpos_printer_from_config(
        {"transport": "network", "host": host, "port": port, "timeout_s": 2, "paper_mm": 80}
    )
    client = signed_client(config, enrolment, key)
    catalog = CatalogService(
        client, JsonCatalogCache(config.terminal.data_dir / "catalog.json"), clock
    )
    catalog.refresh()  # the guide as the running kiosk keeps it: for choosing what to book
    services = Services(catalog=catalog)
    credentials = Credentials(config.terminal.data_dir / "keys")
    add_journey_services(services, config, enrolment, credentials, queue, clock, escpos)
    window = make_window(qapp, clock=clock, services=services, elderly=elderly, language=language)
    window.ctx.settings.hall_code = str(enrolment.hall["code"])
    window.ctx.settings.hall_name = str(enrolment.hall["name"])
    window.navigator.retranslate()
    queue.sync.start()
    return JourneyKiosk(
        window,
        queue,
        clock,
        printer,
        enrolment.terminal_id,
        str(enrolment.hall["code"]),
        [client.close],
    )


def click(widget: QAbstractButton) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.text()
    widget.click()


def button_with(root: QWidget, text: str) -> QAbstractButton:
    """The visible button whose text contains `text` (exactly one)."""
    found = [b for b in root.findChildren(QAbstractButton) if b.isVisible() and text in b.text()]
    assert len(found) == 1, (text, [b.text() for b in found])
    return found[0]


def shoot(window: MainWindow, name: str) -> Path:
    """A screenshot of the whole window under test-output/progress/, to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    path = SHOTS / f"{name}.png"
    window.grab().save(str(path))
    return path

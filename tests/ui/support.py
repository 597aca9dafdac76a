"""Building the real UI for tests: the real translator, theme, session, navigator and screens,
with a hand-moved clock and a speaker that records what it was asked to say."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from kiosk.errors import PlatformError
from kiosk.ports.camera import Camera
from kiosk.ports.card_reader import CardReader
from kiosk.ports.clock import Clock, FakeClock
from kiosk.services.catalog import CatalogService
from kiosk.services.complaints import ComplaintDesk
from kiosk.services.guide import GuideService
from kiosk.services.notices import NoticeReader
from kiosk.services.session import Session
from offline_queue.catalog_cache import JsonFileCache
from offline_queue.front import SharedOutbox
from offline_queue.notices import NoticeFeed
from offline_queue.outbox_port import TerminalOutbox
from offline_queue.platform_client import PlatformClient
from offline_queue.store import open_terminal_outbox
from ui.bridge import DeviceBridge
from ui.context import Services, UiContext, UiSettings
from ui.i18n import Translator
from ui.main_window import MainWindow
from ui.session_watch import Defaults
from ui.theme import Theme
from ui.voice import Prompter
from ui.workers import Workers

PORTRAIT = (1080, 1920)  # the touchscreen of most village kiosks
LANDSCAPE = (1920, 1080)  # a wall or desk screen turned sideways
SCREEN_SIZE = PORTRAIT


@dataclass
class RecordingSpeaker:
    said: list[tuple[str, str]] = field(default_factory=list)
    cancels: int = 0

    def speak(self, text: str, language: str) -> None:
        self.said.append((text, language))

    def cancel(self) -> None:
        self.cancels += 1


def make_window(
    qapp: QApplication,
    *,
    clock: Clock | None = None,
    services: Services | None = None,
    language: str = "zh_CN",
    elderly: bool = True,
    speaker: RecordingSpeaker | None = None,
    idle_timeout_s: float = 90,
    card_readers: Mapping[str, CardReader] | None = None,
    camera: Camera | None = None,
    size: tuple[int, int] = SCREEN_SIZE,
) -> MainWindow:
    """`card_readers` and `camera` (real drivers or simulators) are bridged to the screens."""
    clock = clock or FakeClock()
    tr = Translator(language)
    theme = Theme(qapp, elderly, right_to_left=tr.right_to_left)
    workers = Workers()
    bridge = None
    if card_readers is not None or camera is not None:
        bridge = DeviceBridge(workers, card_readers or {}, camera)
    ctx = UiContext(
        tr=tr,
        theme=theme,
        session=Session(clock, idle_timeout_s, warning_s=20, card_grace_s=15),
        voice=Prompter(speaker if speaker is not None else RecordingSpeaker(), tr),
        workers=workers,
        clock=clock,
        settings=UiSettings(
            hall_name="富阳镇便民服务中心", hall_code="451123101", terminal_id="K7Q2M"
        ),
        services=services or Services(),
        devices=bridge,
    )
    window = MainWindow(ctx, Defaults(language, elderly, True))
    window.watch.timer.stop()  # tests tick by hand with the fake clock
    window.resize(*size)
    window.show()
    qapp.processEvents()
    return window


# --- the service guide, offline, from the real seed catalog -------------------------------------

SEED_CATALOG = Path(__file__).resolve().parents[2] / "central" / "seed" / "catalog.json"


class MemoryCatalogStore:
    """The catalog cache in memory (the JSON the real cache keeps on disk)."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self.data = data

    def load(self) -> dict[str, Any] | None:
        return self.data

    def save(self, catalog: dict[str, Any]) -> None:
        self.data = catalog


class UnreachablePlatform:
    def fetch_catalog(self, since: int, etag: str | None) -> dict[str, Any] | None:
        raise PlatformError("no network in this test", message_key="platform.unreachable")


def seed_catalog_store(clock: Clock, age_minutes: int = 30) -> MemoryCatalogStore:
    """The seed catalog as the kiosk would have cached it `age_minutes` ago."""
    data = json.loads(SEED_CATALOG.read_text(encoding="utf-8"))
    fetched = clock.now() - timedelta(minutes=age_minutes)
    return MemoryCatalogStore(
        {
            "version": 1,
            "full": True,
            "removed": [],
            **data,
            "etag": '"catalog-1"',
            "fetched_at_ms": int(fetched.timestamp() * 1000),
        }
    )


def guide_services(clock: Clock, store: MemoryCatalogStore | None = None) -> Services:
    """Services with the guide reading the cached seed catalog, the platform unreachable."""
    catalog = CatalogService(UnreachablePlatform(), store or seed_catalog_store(clock), clock)
    return Services(catalog=catalog, guide=GuideService(catalog))


def settle(qapp: QApplication, rounds: int = 3) -> None:
    """Let worker jobs finish and their results reach the widgets (a result may start more
    work, e.g. a search after loading)."""
    for _ in range(rounds):
        QThreadPool.globalInstance().waitForDone(10_000)
        qapp.processEvents()


SEED_NOTICES = SEED_CATALOG.with_name("notices.json")
NOWHERE = "http://127.0.0.1:9"  # a platform that is never there


def seed_notice_reader(clock: Clock, data_dir: Path, age_minutes: int = 30) -> NoticeReader:
    """The real notice cache (the file the sync loop keeps) holding the platform's seed
    notices as fetched `age_minutes` ago, read the way the kiosk reads it."""
    notices = json.loads(SEED_NOTICES.read_text(encoding="utf-8"))
    fetched = clock.now() - timedelta(minutes=age_minutes)
    cache = JsonFileCache(data_dir / "notices.json")
    cache.save(
        {
            "version": 1,
            "etag": None,
            "notices": {n["code"]: n for n in notices},
            "fetched_at_ms": int(fetched.timestamp() * 1000),
        }
    )
    return NoticeReader(NoticeFeed(PlatformClient(NOWHERE, 0.1, 0.1), cache, clock), clock)


def offline_complaints(clock: Clock, data_dir: Path) -> ComplaintDesk:
    """The complaint desk on a real, enrolled-looking outbox that never reaches a platform."""
    seal = X25519PrivateKey.generate().public_key()
    box = open_terminal_outbox(data_dir, seal, "K7Q2M", clock, shared=True)
    desk = ComplaintDesk(clock)
    desk.attach_outbox(TerminalOutbox(SharedOutbox(box), "451123101"), lambda: False)
    return desk


def sample_services(clock: Clock) -> Services:
    """Every service a screen can show data from, for the accessibility audit's sample states
    (journeys add theirs here)."""
    from devices.camera.document_scanner import OpenCvDocumentScanner
    from devices.face.liveness import HeadTurnChallenge
    from devices.simulated_face import SimulatedFaceEngine
    from kiosk.services.apply import ApplyService
    from kiosk.services.identify import IdentifyService

    services = guide_services(clock)
    services.identify = IdentifyService(clock, SimulatedFaceEngine(), HeadTurnChallenge)
    assert services.catalog is not None
    services.apply = ApplyService(
        services.catalog, clock, outbox=lambda: None, scanner=OpenCvDocumentScanner()
    )
    from tests.services.agent_fakes import sample_agent_desk

    services.agent, _audit = sample_agent_desk(clock, signed_in=False)
    data_dir = Path(tempfile.mkdtemp(prefix="kiosk-ui-"))
    services.notices = seed_notice_reader(clock, data_dir, age_minutes=180)
    services.complaints = offline_complaints(clock, data_dir)
    return services


def sample_devices() -> dict[str, Any]:
    """Devices for the audit's sample states: an in-process card reader, a simulated camera."""
    import numpy as np

    from devices.simulated_camera import SimulatedCamera
    from tests.ui.cards import TestCardReader

    grey = np.full((480, 640, 3), 128, np.uint8)
    return {"card_readers": {"card_reader": TestCardReader()}, "camera": SimulatedCamera([grey])}

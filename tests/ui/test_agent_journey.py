"""Proxy agent mode on real parts: the reference platform on loopback (the agent registered
there, the operator list and worklists fetched from it, cases filed under the agent and one
sent back for 补正 through the central admin), the real audit log in the data dir, the ESC/POS
emulator over TCP for the day slip, the simulated camera for the villagers' identify step, the
real UI offscreen with a hand-moved clock. The cards: the real card stack (each card a virtual
card in vpcd, seen by pcscd, read by the kiosk's PC/SC driver), and for the journey also the
in-process reader the other UI tests use."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget

from devices.emulators.card_model import kiosk_test_card
from devices.emulators.escpos_printer import EscposPrinterEmulator
from devices.emulators.people import PEOPLE, Person, make_id_number
from devices.escpos_printer import escpos_printer_from_config
from devices.pcsc.driver import PcscCardReader
from devices.receipt_layout import render_slip
from devices.simulated_face import SimulatedFaceEngine
from kiosk.app import build_agent_desk
from kiosk.config import Config
from kiosk.contract.records import record_content_hash
from kiosk.domain.agent_day import summarise
from kiosk.domain.identity import CardKind, Identity
from kiosk.domain.submission import Agent
from kiosk.ports.audit import AuditEntry
from kiosk.ports.card_reader import CardEvent, CardEventKind
from kiosk.ports.clock import FakeClock
from kiosk.services.agent import AgentDesk
from offline_queue.audit import open_terminal_audit, verify_chain
from offline_queue.operators_cache import open_operator_directory
from offline_queue.platform_client import PlatformClient
from offline_queue.terminal import signed_client
from tests.central.test_contract_server import push, submission
from tests.offline_queue.kiosk_side import enrolled_kiosk
from tests.support import pcsc
from tests.support.central import DEFAULT_HALL, CentralHandle
from tests.support.pcsc import VpcdSlot
from tests.support.qr import read_qr
from tests.ui.cards import LI, LIU_LONG_TERM, ZHANG, TestCardReader
from tests.ui.journeys import identify_screen, kiosk_with_devices, present_card, settle, show_face
from ui.agent.home import AgentHomeScreen
from ui.agent.serving import AgentServingScreen
from ui.agent.signin import AgentSignInScreen
from ui.agent.worklist import AgentWorklistScreen
from ui.context import Services
from ui.main_window import MainWindow

AGENT_NAME, AGENT_PIN = "黄代办", "258036"
AGENT_PERSON = replace(
    next(p for p in PEOPLE if p.label == "plain"),
    name=AGENT_NAME,
    region="451123",
    birth_date=date(1975, 5, 4),
    sequence=31,
    label="the agent",
)
AGENT_ID_NUMBER = make_id_number("451123", date(1975, 5, 4), 31)
AGENT_CARD = AGENT_PERSON.identity(CardKind.KIOSK_TEST)
VILLAGERS = (ZHANG, LI, LIU_LONG_TERM)

# pcscd with the vpcd virtual reader, as tests/devices use them (`vpcd_slot` here)
pcsc_service, vpcd_slot = pcsc.pcsc_service, pcsc.vpcd


class VpcdCards:
    """TestCardReader's calls on the real card stack: a card put on the reader is a virtual
    card in vpcd, which pcscd sees and the kiosk's PC/SC driver reads; its events reach the
    screens through the same bridge as any reader's. remove() returns once the driver has
    seen the card go (pcscd polls its readers)."""

    def __init__(self, slot: VpcdSlot, driver: PcscCardReader) -> None:
        self.slot, self.driver = slot, driver
        self.card: Identity | None = None
        self._gone = threading.Event()
        driver.subscribe_events(self._seen)  # after the kiosk's bridge: it hears first

    def _seen(self, event: CardEvent) -> None:
        if event.kind is CardEventKind.CARD_REMOVED:
            self._gone.set()

    def insert(self, identity: Identity) -> None:
        self._gone.clear()
        self.slot.insert(kiosk_test_card(_person(identity)))
        self.card = identity

    def remove(self) -> None:
        self.slot.remove()
        assert self._gone.wait(10), "the PC/SC driver never saw the card go"
        self.card = None


def _person(identity: Identity) -> Person:
    """The sample person whose card states `identity` (the agent's, or a villager's)."""
    for p in (AGENT_PERSON, *PEOPLE):
        if p.id_number == identity.id_number:
            return p
    raise KeyError(identity.masked_name)


class EveryVillagerTurns(SimulatedFaceEngine):
    """The simulated engine's head turn (front, side, front), scripted again per villager."""

    def rescript(self) -> None:
        self.script_yaw((0.5, 0.7, 0.5))


@dataclass
class AgentKiosk:
    window: MainWindow
    reader: TestCardReader | VpcdCards
    camera: object
    desk: AgentDesk
    client: PlatformClient
    central: CentralHandle
    config: Config
    clock: FakeClock
    number: str
    printer: EscposPrinterEmulator
    face: EveryVillagerTurns

    def audit(self) -> list[AuditEntry]:
        """Oldest first."""
        data = self.config.terminal.data_dir
        return list(reversed(open_terminal_audit(data, self.clock).recent(200)))

    def actions(self) -> list[tuple[str, str]]:
        return [(e.action, e.subject) for e in self.audit()]


@pytest.fixture(name="agent")
def agent_fixture(
    request: pytest.FixtureRequest, qapp: QApplication, tmp_path: Path, central: CentralHandle
) -> Iterator[AgentKiosk]:
    """With `indirect` parametrization "vpcd", the cards go through pcscd and the PC/SC
    driver; otherwise through the in-process reader."""
    on_vpcd = getattr(request, "param", "") == "vpcd"
    slot: VpcdSlot | None = request.getfixturevalue("vpcd_slot") if on_vpcd else None
    driver = PcscCardReader(slot.reader, retry_s=0.2) if slot is not None else None
    body = {"role": "agent", "name": AGENT_NAME, "id_number": AGENT_ID_NUMBER,
            "pin": AGENT_PIN, "hall_code": DEFAULT_HALL}  # fmt: skip
    reply = central.admin("POST", "/v1/admin/operators", body)
    reply.raise_for_status()
    number = str(reply.json()["operator_id"])
    config, enrolment, key = enrolled_kiosk(tmp_path, central, central.base_url)
    client = signed_client(config, enrolment, key)
    open_operator_directory(client, config.terminal.data_dir).refresh()  # as the sync loop does
    emulator = EscposPrinterEmulator(out_dir=tmp_path / "printed").start()
    host, port = emulator.address
    printer = escpos_printer_from_config(
        {"transport": "network", "host": host, "port": port, "timeout_s": 2, "paper_mm": 58}
    )
    clock = FakeClock(datetime.now(UTC))  # the platform's days are today's
    desk = build_agent_desk(config, client, clock, printer=printer)
    face = EveryVillagerTurns()
    window, in_process, camera = kiosk_with_devices(
        qapp,
        clock=clock,
        face=face,
        card_reader=driver,
        services=Services(agent=desk),
        with_probe=False,
    )
    reader: TestCardReader | VpcdCards = in_process
    if driver is not None and slot is not None:
        driver.open()
        reader = VpcdCards(slot, driver)
    try:
        yield AgentKiosk(
            window, reader, camera, desk, client, central, config, clock, number, emulator, face
        )
    finally:
        window.close()
        if driver is not None:
            driver.close()
        client.close()
        emulator.stop()


def showing(window: MainWindow) -> str:
    return window.navigator.current.name


def signed_in(window: MainWindow) -> Agent | None:
    """ctx.agent now (a call, so a type checker does not pin it after one assert)."""
    return window.ctx.agent


def texts(window: MainWindow) -> str:
    """Every text any widget of the window holds, shown or not."""
    out = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            out.append(widget.text())
        out.append(widget.accessibleName())
    return "\n".join(out)


def sign_in(qtbot, qapp, kiosk: AgentKiosk, pin: str = AGENT_PIN) -> AgentSignInScreen:
    window = kiosk.window
    if showing(window) != "agent_signin":
        assert window.home.agent_button.isVisible()
        qtbot.mouseClick(window.home.agent_button, Qt.MouseButton.LeftButton)
    screen = window.navigator.screens["agent_signin"]
    assert isinstance(screen, AgentSignInScreen) and showing(window) == "agent_signin"
    if kiosk.reader.card is None:
        present_card(qtbot, qapp, kiosk.reader, AGENT_CARD)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.pin_page, timeout=20_000)
    for digit in pin:
        qtbot.mouseClick(screen.keypad.digit_buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen._busy, timeout=20_000)
    return screen


def agent_home(window: MainWindow) -> AgentHomeScreen:
    screen = window.navigator.screens["agent_home"]
    assert isinstance(screen, AgentHomeScreen)
    return screen


def serve(qtbot, qapp, kiosk: AgentKiosk, villager: Identity) -> AgentServingScreen:
    """为下一位村民办理, the villager's own card, "is this you", their face: the serving screen."""
    window = kiosk.window
    kiosk.face.rescript()
    qtbot.mouseClick(agent_home(window).serve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: showing(window) == "identify", timeout=10_000)  # serve_start first
    screen = identify_screen(window)
    assert "黄**" in screen.purpose.plain()  # the agent is named, masked
    present_card(qtbot, qapp, kiosk.reader, villager)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.confirm_page, timeout=10_000)
    screen.yes_button.click()
    show_face(qtbot, qapp, window, kiosk.camera, lambda: showing(window) == "agent_serving")  # type: ignore[arg-type]
    serving = window.navigator.screens["agent_serving"]
    assert isinstance(serving, AgentServingScreen)
    qtbot.waitUntil(  # the villager's record is written (on a worker) before anything else
        lambda: ("agent.serve_villager", villager.masked_name) in kiosk.actions(), timeout=10_000
    )
    settle(qtbot, qapp)
    return serving


def tick(kiosk: AgentKiosk, seconds: float) -> None:
    kiosk.clock.advance(seconds)
    kiosk.window.watch.tick()


def file_cases(central: CentralHandle, number: str, count: int) -> list[str]:
    """Submissions filed on the platform by a terminal of the hall under the agent."""
    terminal = central.enrol()
    records = [submission(terminal) for _ in range(count)]
    for rec in records:
        rec["meta"]["agent_id"] = number
        rec["content_hash"] = record_content_hash(rec)
    results = push(terminal, *records)
    assert [r["outcome"] for r in results] == ["accepted"] * count
    return [str(r["receipt_no"]) for r in results]


@pytest.mark.parametrize("agent", ["in-process", "vpcd"], indirect=True)
def test_an_agent_signs_in_by_card_and_serves_three_villagers_in_a_row(qtbot, qapp, agent):
    window = agent.window
    sign_in(qtbot, qapp, agent)
    assert showing(window) == "agent_home"
    assert window.ctx.agent == Agent(agent.number, AGENT_NAME)
    home = agent_home(window)
    assert agent.number in home.who.plain() and "黄**" in home.who.plain()
    assert AGENT_NAME not in texts(window)
    # The agent's own card still on the reader is never taken for a villager's.
    qtbot.mouseClick(home.serve_button, Qt.MouseButton.LeftButton)
    assert showing(window) == "agent_home" and "读卡区上还有" in home.banner.text()
    agent.reader.remove()
    settle(qtbot, qapp)

    endings = ["finished", "card_removed", "idle"]
    for n, villager in enumerate(VILLAGERS):
        serving = serve(qtbot, qapp, agent, villager)
        assert villager.masked_name in serving.who.plain()
        everything = texts(window)
        for other in VILLAGERS:
            if other is not villager:  # nobody served before (or after) is anywhere
                assert other.name not in everything and other.masked_name not in everything
        assert villager.name not in everything  # and this one only masked
        if endings[n] == "finished":
            qtbot.mouseClick(serving.done_button, Qt.MouseButton.LeftButton)
            agent.reader.remove()
        elif endings[n] == "card_removed":
            agent.reader.remove()
            settle(qtbot, qapp)
            tick(agent, 16)  # past the card grace
        else:
            agent.reader.remove()  # "finished, take your card"... and walks away with the visit on
            settle(qtbot, qapp)
            window.ctx.session.release_card_hold()
            tick(agent, 91)
        settle(qtbot, qapp)
        assert showing(window) == "agent_home", endings[n]
        assert window.ctx.agent is not None and window.ctx.session.identity is None
        assert villager.masked_name not in texts(window)
        bridge = window.ctx.devices
        assert bridge is not None  # the camera is closed on a worker after each villager
        qtbot.waitUntil(lambda: not bridge.camera_open, timeout=10_000)  # noqa: B023

    # The agent walks away: the idle countdown, then signed out with the reason.
    tick(agent, 75)
    assert window.overlay.isVisible()
    tick(agent, 16)
    settle(qtbot, qapp)
    assert showing(window) == "home" and window.ctx.agent is None
    qtbot.waitUntil(lambda: agent.desk.operator is None, timeout=10_000)
    qtbot.waitUntil(lambda: agent.actions()[-1][0] == "agent.sign_out", timeout=10_000)
    audit = agent.audit()
    assert [(e.action, e.subject) for e in audit] == [
        ("agent.sign_in", ""),
        ("agent.serve_start", ""),
        ("agent.serve_villager", ZHANG.masked_name),
        ("agent.serve_end", ZHANG.masked_name),
        ("agent.serve_start", ""),
        ("agent.serve_villager", LI.masked_name),
        ("agent.serve_end", LI.masked_name),
        ("agent.serve_start", ""),
        ("agent.serve_villager", LIU_LONG_TERM.masked_name),
        ("agent.serve_end", LIU_LONG_TERM.masked_name),
        ("agent.sign_out", ""),
    ]
    assert [e.details.get("reason") for e in audit if e.action == "agent.serve_end"] == endings
    assert audit[-1].details == {"reason": "idle"}
    assert {e.actor.ref for e in audit} == {agent.number}
    path = agent.config.terminal.data_dir / "audit.log"
    raw = path.read_text(encoding="utf-8")
    for person in (*VILLAGERS, AGENT_CARD):
        assert person.name not in raw and person.id_number not in raw
    assert verify_chain(path).ok


@pytest.mark.parametrize("agent", ["vpcd"], indirect=True)
def test_five_wrong_pins_lock_the_agent_out_with_the_time_left(qtbot, qapp, agent):
    window = agent.window
    for left in (4, 3, 2, 1):
        screen = sign_in(qtbot, qapp, agent, pin="000001")
        assert f"还可以再试 {left} 次" in screen.banner.text()
    screen = sign_in(qtbot, qapp, agent, pin="000001")
    assert "已锁定" in screen.banner.text() and "15 分 0 秒" in screen.banner.text()
    agent.clock.advance(250)
    screen = sign_in(qtbot, qapp, agent)  # the right PIN waits too
    assert "10 分 50 秒" in screen.banner.text()
    assert showing(window) == "agent_signin" and window.ctx.agent is None
    actions = [a for a, _s in agent.actions()]
    assert actions == ["agent.sign_in_failed"] * 6


@pytest.mark.parametrize("agent", ["vpcd"], indirect=True)
def test_signing_in_works_offline_and_the_worklist_shows_its_age(qtbot, qapp, agent):
    receipts = file_cases(agent.central, agent.number, 3)
    agent.central.advance_case(receipts[1], "accepted", "县民政局")
    agent.central.advance_case(receipts[1], "correction_needed", "县民政局", "请补充户口簿")
    window = agent.window
    sign_in(qtbot, qapp, agent)
    qtbot.mouseClick(agent_home(window).worklist_button, Qt.MouseButton.LeftButton)
    worklist = window.navigator.screens["agent_worklist"]
    assert isinstance(worklist, AgentWorklistScreen)
    qtbot.waitUntil(lambda: worklist.worklist is not None, timeout=20_000)
    rows = [label.plain() for label in worklist.labels]
    assert "补正" in rows[0] and "1 件" in rows[0]  # needing action: on top
    assert receipts[1] in rows[1] and "需补正材料" in rows[1] and "⚠" in rows[1]
    assert all(r in "\n".join(rows[2:]) for r in (receipts[0], receipts[2]))
    assert "买买提·艾力" not in texts(window)
    assert "刚从平台取回" in worklist.freshness.plain()

    # Offline: sign out, the platform goes away, the agent signs in again from the cache.
    qtbot.mouseClick(worklist.back_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(agent_home(window).sign_out_button, Qt.MouseButton.LeftButton)
    assert showing(window) == "home" and window.ctx.agent is None
    agent.reader.remove()
    settle(qtbot, qapp)
    agent.central.stop()
    agent.clock.advance(2 * 3600)
    sign_in(qtbot, qapp, agent)
    assert showing(window) == "agent_home" and signed_in(window) is not None
    qtbot.mouseClick(agent_home(window).worklist_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: worklist.worklist is not None, timeout=20_000)
    assert worklist.worklist is not None and not worklist.worklist.fresh
    assert "网络未连接" in worklist.banner.text() and "2 小时" in worklist.banner.text()
    assert receipts[1] in worklist.labels[1].plain()
    actions = [a for a, _s in agent.actions()]
    assert actions == [
        "agent.sign_in",
        "agent.worklist",
        "agent.sign_out",
        "agent.sign_in",
        "agent.worklist",
    ]


@pytest.mark.parametrize("agent", ["vpcd"], indirect=True)
def test_the_day_summary_slip_is_printed_and_decoded_from_the_emulator(qtbot, qapp, agent):
    receipts = file_cases(agent.central, agent.number, 2)
    agent.central.advance_case(receipts[0], "accepted", "县民政局")
    agent.central.advance_case(receipts[0], "correction_needed", "县民政局", "请补充户口簿")
    window = agent.window
    sign_in(qtbot, qapp, agent)
    home = agent_home(window)
    qtbot.mouseClick(home.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已打印" in home.banner.text(), timeout=20_000)
    assert "共 2 件" in home.banner.text()
    jobs = agent.printer.wait_for_jobs(1)
    assert len(jobs) == 1 and jobs[0].cuts == 1
    printed = np.vstack([np.array(img.convert("L")) for img in jobs[0].images])
    paper = cv2.copyMakeBorder(printed, 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=255)
    qr = read_qr(paper)
    today = agent.clock.now().astimezone().date().isoformat()
    assert qr.startswith(f"AGENTDAY|{agent.number}|{today}|correction_needed=1,submitted=1|")
    assert qr.endswith(f"|{receipts[0]};{receipts[1]}")
    # The raster is the slip the screen laid out: counts by state, receipts, masked names.
    worklist = agent.desk._cases.worklist(agent.number)
    summary = summarise(agent.number, worklist.entries, agent.clock.now().astimezone().date())
    slip = home.slip(summary, worklist)
    words = "\n".join(slip.lines)
    assert "需补正材料：1 件" in words and "已提交：1 件" in words and "共 2 件" in words
    assert receipts[0] in words and "买**" in words and "买买提" not in words
    expected = np.array(render_slip(slip, 384).convert("L"))
    assert (printed > 127).tolist() == (expected > 127).tolist()
    assert agent.actions()[-1] == ("agent.print_day_summary", today)

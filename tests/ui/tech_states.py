"""Sample states of the technician screens for the accessibility audit: each drives the entered
screen into a state it can show (a desk over doubles, signed in, with a busy queue)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kiosk.ports.network import NetworkReport
from kiosk.ports.self_test import SelfTest
from kiosk.services.tech_config import ConfigTools
from kiosk.services.tech_network import NetworkCheck
from kiosk.services.tech_provision import ProvisionTools
from kiosk.services.technician import SignInAttempt, SignInOutcome
from tests.services.tech_fakes import (
    BUSY,
    LETTERS,
    MEDIA,
    NET_BAD,
    NET_GOOD,
    FakeProbe,
    FakeProvisioner,
    FakeSettings,
    FakeSync,
    sample_desk,
)
from ui.navigation import Screen
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

State = Callable[[Screen], None]


def _with_desk(screen: Screen, sync: FakeSync | None = None) -> None:
    """Give the window a signed-in desk and show the screen again with it (without one it
    went to the sign-in screen)."""
    desk = screen.ctx.services.technician
    if desk is None or desk.technician is None or sync is not None:
        desk, _audit = sample_desk(screen.ctx.clock, sync)
        screen.ctx.services.technician = desk
    screen.navigate.emit(screen.name, {})


def _signin_says(outcome: SignInOutcome, **values: Any) -> State:
    def state(screen: Screen) -> None:
        assert isinstance(screen, TechSignInScreen)
        screen.number.setText("T0417")
        screen._answered(SignInAttempt(outcome, **values))

    return state


def _menu(confirming: bool) -> State:
    def state(screen: Screen) -> None:
        assert isinstance(screen, TechMenuScreen)
        _with_desk(screen)
        if confirming:
            screen.maintenance_button.click()

    return state


def _queue(busy: bool) -> State:
    def state(screen: Screen) -> None:
        assert isinstance(screen, TechQueueScreen)
        _with_desk(screen, FakeSync(BUSY, list(LETTERS)) if busy else FakeSync())
        screen._show_letters(list(LETTERS) if busy else [])

    return state


def _network(report: NetworkReport) -> State:
    def state(screen: Screen) -> None:
        assert isinstance(screen, TechNetworkScreen)
        _with_desk(screen)
        desk = screen.desk
        desk.tools.network = NetworkCheck(desk.record, FakeProbe(report))
        screen.check()

    return state


def _logs(exported: bool) -> State:
    def state(screen: Screen) -> None:
        assert isinstance(screen, TechLogsScreen)
        _with_desk(screen)
        if exported:
            screen.export(screen.picker.media[0] if screen.picker.media else MEDIA[0])

    return state


def _carry(exported: bool) -> State:
    def state(screen: Screen) -> None:
        assert isinstance(screen, TechCarryScreen)
        _with_desk(screen)
        if exported:
            screen.export(MEDIA[0])

    return state


def _relay(answer: str) -> State:
    """The stick's bundles listed; then relayed, relayed again, or refused as damaged."""

    def state(screen: Screen) -> None:
        assert isinstance(screen, TechRelayScreen)
        _with_desk(screen)
        relay = screen.desk.tools.relay
        assert relay is not None
        bundle = relay.bundles()[0]
        if answer == "damaged":
            relay._relay.damaged.add(bundle.path)  # type: ignore[attr-defined]
        for _ in range({"listed": 0, "relayed": 1, "again": 2, "damaged": 1}[answer]):
            screen.relay(bundle)

    return state


def _provision(state_: str) -> State:
    """enrolled (the menu's view), or a terminal not enrolled: empty, refused, done."""

    def state(screen: Screen) -> None:
        assert isinstance(screen, TechProvisionScreen)
        _with_desk(screen)
        desk = screen.desk
        if state_ == "enrolled":
            return
        refuse = "tech.provision.code_refused" if state_ == "refused" else ""
        desk.tools.provision = ProvisionTools(
            desk.record_provisioning, FakeProvisioner(None, refuse)
        )
        screen.navigate.emit(screen.name, {})
        if state_ != "empty":
            screen.url.setText("https://zwfw.example.cn")
            screen.code.setText("K7Q2-M4XP")
            screen.enrol()

    return state


def _settings(state_: str) -> State:
    def state(screen: Screen) -> None:
        assert isinstance(screen, TechSettingsScreen)
        _with_desk(screen)
        desk = screen.desk
        desk.tools.config = ConfigTools(desk.record, FakeSettings(), lambda: None)
        screen.navigate.emit(screen.name, {})
        if state_ == "view":
            return
        screen._show(FakeSettings().settings())
        edit = screen.inputs["ui.idle_timeout_s"]
        assert hasattr(edit, "setText")
        edit.setText("soon" if state_ == "refused" else "120")
        screen.save()

    return state


def _self_test(test: SelfTest | None) -> State:
    def state(screen: Screen) -> None:
        assert isinstance(screen, TechSelfTestScreen)
        _with_desk(screen)
        if test is not None:
            screen.start(test)

    return state


STATES: dict[str, list[Any]] = {
    "tech_signin": [
        {},
        _signin_says(SignInOutcome.WRONG_PIN, operator_id="T0417", attempts_left=2),
        _signin_says(SignInOutcome.LOCKED, operator_id="T0417", wait_s=870),
        _signin_says(SignInOutcome.UNKNOWN),
        _signin_says(SignInOutcome.NO_LIST),
    ],
    "tech_menu": [_menu(False), _menu(True)],
    "tech_selftest": [_self_test(None), _self_test(SelfTest.CARD), _self_test(SelfTest.PRINTER)],
    "tech_queue": [_queue(True), _queue(False)],
    "tech_network": [_network(NET_BAD), _network(NET_GOOD)],
    "tech_logs": [_logs(False), _logs(True)],
    "tech_carry": [_carry(False), _carry(True)],
    "tech_relay": [_relay("listed"), _relay("relayed"), _relay("again"), _relay("damaged")],
    "tech_provision": [
        _provision("enrolled"),
        _provision("empty"),
        _provision("refused"),
        _provision("done"),
    ],
    "tech_settings": [_settings("view"), _settings("refused"), _settings("saved")],
}

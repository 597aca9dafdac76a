"""Every state the identify step can show, for the accessibility audit (SAMPLE_STATES) and the
screenshots: each function takes the entered identify screen, starts a new visit and walks the
real screen into the state with the window's test card reader and simulated camera."""

from __future__ import annotations

from collections.abc import Callable

from devices.face.liveness import HeadTurnChallenge
from devices.simulated_face import SimulatedFaceEngine
from kiosk.services.identify import IdentifyService
from tests.ui.cards import ZHANG, TestCardReader, without_photo
from tests.ui.journeys import IDENTIFY_PARAMS, pump, push_frames_until
from ui.navigation import Screen
from ui.screens.identify import IdentifyScreen

State = Callable[[Screen], None]


def fresh(screen: Screen) -> tuple[IdentifyScreen, TestCardReader]:
    """A new visit on the identify step, with no card on the test reader."""
    assert isinstance(screen, IdentifyScreen)
    bridge = screen.ctx.devices
    assert bridge is not None
    reader = bridge.card_readers["card_reader"]
    assert isinstance(reader, TestCardReader)
    if reader.card is not None:
        reader.remove()
        pump(lambda: bridge.present_identity is None)
    screen.ctx.session.finish()
    screen.ctx.session.tick()
    screen.forget()
    screen.enter(**IDENTIFY_PARAMS)
    return screen, reader


def card_page(screen: Screen) -> None:
    fresh(screen)
    pump(lambda: True)


def card_failed(screen: Screen) -> None:
    identify, reader = fresh(screen)
    reader.insert(None, fails_with="card.needs_psam")
    pump(lambda: identify.banner.isVisible())


def confirm_page(screen: Screen) -> None:
    identify, reader = fresh(screen)
    reader.insert(ZHANG)
    pump(lambda: identify.pages.currentWidget() is identify.confirm_page)


def face_page(screen: Screen) -> None:
    confirm_page(screen)
    assert isinstance(screen, IdentifyScreen)
    screen.yes_button.click()
    push_frames_until(screen, lambda: bool(screen.face_prompt.plain()))


def face_failed(screen: Screen) -> None:
    default = screen.ctx.services.identify
    screen.ctx.services.identify = IdentifyService(
        screen.ctx.clock, SimulatedFaceEngine(distance=0.9), HeadTurnChallenge
    )
    confirm_page(screen)
    assert isinstance(screen, IdentifyScreen)
    screen.yes_button.click()
    push_frames_until(screen, lambda: screen.pages.currentWidget() is screen.failed_page)
    screen.ctx.services.identify = default


def staff_page(screen: Screen) -> None:
    identify, reader = fresh(screen)
    reader.insert(without_photo(ZHANG, "card.photo_unavailable_no_decoder"))
    pump(lambda: identify.pages.currentWidget() is identify.confirm_page)
    identify.yes_button.click()
    pump(lambda: identify.pages.currentWidget() is identify.staff_page)


STATES: dict[str, list[State]] = {
    "identify": [card_page, card_failed, confirm_page, face_page, face_failed, staff_page],
}

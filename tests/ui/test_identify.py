"""The identify step with real widgets offscreen: card events from an in-process reader, frames
from the simulated camera, scripted face answers; the real dlib engine on a video file last."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import cv2
import pytest

from devices.camera.opencv_camera import OpenCvCamera
from devices.face.dlib_face import DlibFaceEngine
from devices.face.liveness import HeadTurnChallenge
from devices.simulated_face import SimulatedFaceEngine
from kiosk.ports.clock import FakeClock
from kiosk.ports.device import DeviceState, DeviceStatus
from kiosk.ports.face import FaceGuidance
from kiosk.services.identify import IdentifyService
from kiosk.services.session import Phase
from tests.devices.camera_media import write_video
from tests.devices.test_face_dlib import DATA as FACE_DATA
from tests.devices.test_face_dlib import scene
from tests.ui import samples_identify
from tests.ui.cards import LI, LIU_LONG_TERM, ZHANG, ZHAO_EXPIRED, without_photo
from tests.ui.journeys import (
    bridge_of,
    identify_screen,
    kiosk_with_devices,
    present_card,
    probe,
    settle,
    show_face,
    start_identify,
)
from tests.ui.support import RecordingSpeaker
from ui.context import Services


def test_the_card_is_shown_back_masked_then_the_face_matches_and_the_journey_goes_on(qapp, qtbot):
    speaker = RecordingSpeaker()
    window, reader, camera = kiosk_with_devices(qapp, speaker=speaker)
    screen = start_identify(window, item_code="000113001000")
    settle(qtbot, qapp)
    assert screen.pages.currentWidget() is screen.card_page
    assert "读卡区" in screen.place_card.plain() and "最低生活保障申请" in screen.purpose.plain()
    assert speaker.said[-1][0] == window.ctx.tr.t("identify.place_card")

    present_card(qtbot, qapp, reader, ZHANG)
    assert screen.pages.currentWidget() is screen.confirm_page
    shown = screen.name_line.plain() + screen.id_line.plain()
    assert "张*" in shown and ZHANG.id_number[:3] + "*" * 11 + ZHANG.id_number[-4:] in shown
    assert ZHANG.name not in shown and ZHANG.id_number not in shown
    assert window.ctx.session.identity is ZHANG

    screen.yes_button.click()
    assert screen.pages.currentWidget() is screen.face_page
    frames = show_face(
        qtbot, qapp, window, camera, lambda: window.navigator.current is probe(window)
    )
    assert frames >= 5  # steady frames, then the turn: front, side, front
    assert probe(window).params == {"item_code": "000113001000", "identity_check": "face"}
    assert screen.preview.image() is None  # the camera picture is gone once done
    assert not bridge_of(window).camera_in_use
    spoken = [text for text, _lang in speaker.said]
    assert window.ctx.tr.t("face.turn") in spoken


@pytest.mark.parametrize(
    "key",
    [
        "card.unreadable",
        "card.removed_during_read",
        "card.unknown_type",
        "card.needs_psam",
        "reader.no_service",
    ],
)
def test_every_card_failure_says_what_to_do_and_nothing_is_identified(qapp, qtbot, key):
    speaker = RecordingSpeaker()
    window, reader, _camera = kiosk_with_devices(qapp, speaker=speaker)
    screen = start_identify(window)
    reader.insert(None, fails_with=key)
    settle(qtbot, qapp)
    assert screen.pages.currentWidget() is screen.card_page
    assert screen.banner.isVisible() and window.ctx.tr.t(key) in screen.banner.plain()
    assert speaker.said[-1][0] == window.ctx.tr.t(key)
    assert window.ctx.session.identity is None


def test_an_expired_card_is_refused_in_plain_words(qapp, qtbot):
    window, reader, _camera = kiosk_with_devices(qapp)
    screen = start_identify(window)
    present_card(qtbot, qapp, reader, ZHAO_EXPIRED)
    assert "过有效期" in screen.banner.plain()
    assert screen.pages.currentWidget() is screen.card_page
    assert window.ctx.session.identity is None


def test_a_missing_reader_is_said_and_a_reader_coming_back_clears_it(qapp, qtbot):
    window, reader, _camera = kiosk_with_devices(qapp)
    reader.set_status(DeviceStatus(DeviceState.OFFLINE, "reader.missing"))
    settle(qtbot, qapp)
    screen = start_identify(window)
    settle(qtbot, qapp)
    assert "读卡器没有连接" in screen.banner.plain()
    reader.set_status(DeviceStatus(DeviceState.READY, "reader.ready"))
    settle(qtbot, qapp)
    assert screen.banner.isHidden()


def test_a_card_already_on_the_reader_is_used_and_long_term_validity_is_said(qapp, qtbot):
    window, reader, _camera = kiosk_with_devices(qapp)
    present_card(qtbot, qapp, reader, LIU_LONG_TERM)  # on the reader before the step starts
    screen = start_identify(window, face=False)
    settle(qtbot, qapp)
    assert "长期" in screen.valid_line.plain()
    screen.yes_button.click()
    settle(qtbot, qapp)
    assert window.navigator.current.name == "probe"
    assert probe(window).params == {"identity_check": "card"}


def test_a_face_that_does_not_match_may_try_again_then_only_staff_can_help(qapp, qtbot):
    face = SimulatedFaceEngine(distance=0.8)
    window, reader, camera = kiosk_with_devices(qapp, face=face)
    screen = start_identify(window)
    present_card(qtbot, qapp, reader, LI)
    screen.yes_button.click()
    for tries_left in (2, 1):
        show_face(
            qtbot, qapp, window, camera, lambda: screen.pages.currentWidget() is screen.failed_page
        )
        assert "对不上" in screen.failed_title.plain()
        assert f"还可以试 {tries_left} 次" in screen.failed_hint.plain()
        assert screen.retry_button.isVisible()
        screen.retry_button.click()
    show_face(
        qtbot, qapp, window, camera, lambda: screen.pages.currentWidget() is screen.failed_page
    )
    assert screen.retry_button.isHidden() and "工作人员" in screen.failed_hint.plain()
    screen.failed_staff.click()
    assert screen.pages.currentWidget() is screen.staff_page
    assert "当面核对" in screen.staff_explain.plain()
    screen.staff_continue.click()
    settle(qtbot, qapp)
    assert probe(window).params == {"identity_check": "staff"}


def test_without_a_card_photo_the_visit_goes_on_only_with_staff(qapp, qtbot):
    window, reader, _camera = kiosk_with_devices(qapp)
    screen = start_identify(window)
    present_card(qtbot, qapp, reader, without_photo(ZHANG, "card.photo_unavailable_no_decoder"))
    screen.yes_button.click()
    assert screen.pages.currentWidget() is screen.staff_page
    assert "工作人员协助" in screen.staff_reason.plain()
    screen.staff_stop.click()
    assert window.navigator.current.name == "home"
    assert window.ctx.session.identity is None


def test_guidance_is_shown_and_spoken_but_not_repeated_every_frame(qapp, qtbot):
    speaker, clock = RecordingSpeaker(), FakeClock()
    face = SimulatedFaceEngine(guidance=FaceGuidance.TOO_SMALL)
    window, reader, camera = kiosk_with_devices(qapp, face=face, speaker=speaker, clock=clock)
    screen = start_identify(window)
    present_card(qtbot, qapp, reader, ZHANG)
    screen.yes_button.click()
    settle(qtbot, qapp)
    count = show_face(qtbot, qapp, window, camera, lambda: True)
    assert count == 1
    for _ in range(5):
        show_face(qtbot, qapp, window, camera, lambda: True)
    assert screen.face_prompt.plain() == "请再靠近一点。"
    spoken = [t for t, _ in speaker.said if t == "请再靠近一点。"]
    assert len(spoken) == 1  # the clock did not move: said once
    clock.advance(5)
    show_face(qtbot, qapp, window, camera, lambda: True)
    assert len([t for t, _ in speaker.said if t == "请再靠近一点。"]) == 2


def test_a_different_persons_card_mid_visit_ends_the_first_visit_first(qapp, qtbot):
    window, reader, _camera = kiosk_with_devices(qapp)
    screen = start_identify(window, face=False)
    present_card(qtbot, qapp, reader, ZHANG)
    screen.yes_button.click()
    settle(qtbot, qapp)
    assert window.navigator.current.name == "probe"
    ended: list[str] = []
    window.watch.ended.connect(ended.append)
    present_card(qtbot, qapp, reader, LI)  # Zhang's card swapped for Li's
    assert ended == ["other_person"]
    assert window.navigator.current.name == "home"
    assert window.ctx.session.identity is None
    assert probe(window).params is None
    # Li starts clean: the card on the reader is hers, read when she starts the step.
    screen = start_identify(window, face=False)
    settle(qtbot, qapp)
    assert "李*" in screen.name_line.plain()


def test_taking_the_card_away_starts_the_grace_and_putting_it_back_continues(qapp, qtbot):
    window, reader, _camera = kiosk_with_devices(qapp)
    screen = start_identify(window)
    present_card(qtbot, qapp, reader, ZHANG)
    reader.remove()
    settle(qtbot, qapp)
    assert window.ctx.session.tick().phase is Phase.CARD_GRACE
    present_card(qtbot, qapp, reader, ZHANG)
    assert window.ctx.session.tick().phase is Phase.ACTIVE
    assert screen.pages.currentWidget() is screen.confirm_page


def test_an_identified_person_passes_straight_through_and_back(qapp, qtbot):
    window, reader, _camera = kiosk_with_devices(qapp)
    screen = start_identify(window, face=False, step=1)
    present_card(qtbot, qapp, reader, ZHANG)
    screen.yes_button.click()
    settle(qtbot, qapp)
    window.navigator.go("home")  # e.g. another journey in the same visit
    start_identify(window, face=False, step=2)
    settle(qtbot, qapp)
    assert window.navigator.current.name == "probe"
    assert probe(window).params == {"step": 2, "identity_check": "card"}
    window.navigator.back()  # back through identify lands before it
    settle(qtbot, qapp)
    assert window.navigator.current.name == "home"
    assert identify_screen(window) is screen


def _video_of_a_face(path):
    """A 640x480 MJPG video of the test face held still in the middle of the frame."""
    frames = [scene((1.5, 320, 240), light=1.0 + 0.01 * i) for i in range(20)]
    return write_video(path, frames, fps=15)


def _card_photo() -> bytes:
    head = cv2.imread(str(FACE_DATA / "astronaut_head.jpg"), cv2.IMREAD_COLOR)
    assert head is not None
    ok, data = cv2.imencode(".jpg", cv2.resize(head[10:230, 30:210], (102, 126)))
    assert ok
    return data.tobytes()


@pytest.mark.integration
def test_a_real_camera_and_dlib_match_the_card_photo_but_a_still_picture_never_turns(
    qapp, qtbot, tmp_path
):
    """OpenCvCamera on a video file, DlibFaceEngine on a worker: the face in the video is the
    card holder's, so the match passes; it is a still picture, so the head turn never comes."""
    camera = OpenCvCamera(str(_video_of_a_face(tmp_path / "face.avi")), loop=True, fps=15)
    services = Services(
        identify=IdentifyService(
            FakeClock(), DlibFaceEngine(), lambda: HeadTurnChallenge(max_frames=12)
        )
    )
    window, reader, _camera = kiosk_with_devices(qapp, camera=camera, services=services)
    try:
        screen = start_identify(window)
        present_card(qtbot, qapp, reader, replace(ZHANG, photo_jpeg=_card_photo()))
        screen.yes_button.click()
        turn = window.ctx.tr.t("face.turn")
        qtbot.waitUntil(lambda: screen.face_prompt.plain() == turn, timeout=60_000)
        distance = screen._check.distance if screen._check is not None else None
        assert distance is not None and distance < 0.6
        assert screen.preview.frames_shown > 0 and screen.preview.image() is not None
        qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.failed_page, timeout=60_000)
        assert screen.failed_title.plain() == "没有看到您转头。"
        assert screen.retry_button.isVisible()
        qtbot.waitUntil(lambda: not camera_thread_alive(), timeout=10_000)  # closed when done
    finally:
        window.watch.end_visit()
        camera.close()


def camera_thread_alive() -> bool:
    return any(t.name == "opencv-camera" and t.is_alive() for t in threading.enumerate())


SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "identify"


@pytest.mark.soak  # pictures for people, not checks: make soak takes them
@pytest.mark.parametrize(
    ("elderly", "language"), [(True, "zh_CN"), (False, "zh_CN"), (True, "ug_CN")]
)
def test_screenshots_of_every_identify_state(qapp, elderly, language):
    """Saved under test-output/identify/ to look at (ugly or cramped layouts are bugs)."""
    window, _reader, _camera = kiosk_with_devices(
        qapp, elderly=elderly, language=language, with_probe=False
    )
    window.ctx.theme.set_right_to_left(window.ctx.tr.right_to_left)
    SHOTS.mkdir(parents=True, exist_ok=True)
    mode = "elderly" if elderly else "normal"
    for state in samples_identify.STATES["identify"]:
        window.watch.end_visit()
        window.ctx.tr.set_language(language)
        window.ctx.theme.set_right_to_left(window.ctx.tr.right_to_left)
        window.navigator.go("identify", {})
        state(identify_screen(window))
        qapp.processEvents()
        path = SHOTS / f"{state.__name__}-{mode}-{language}.png"
        assert window.grab().save(str(path))
    window.watch.end_visit()

"""Nothing of one villager is visible to the next (issue 5, "Privacy and time"), in the kiosk
its composition root builds, on the real card reader (pcscd + vpcd) and the video camera.

Person A goes deep: card, face, the form filled (their phone typed, the card's name, number
and address shown), a page photographed, the review. Then A walks away and takes the card:
after the grace period's countdown the visit ends by itself. Person B comes: at the home screen
and again on B's own form, every widget Qt knows of (the window, every screen of the
navigator, the countdown overlay, the keyboard dock, orphans) is searched for A's name, masked
name, ID number (whole, masked, its tail), phone and address, in every text it holds (shown,
placeholder, tooltip, accessible name and description, item rows), and for any picture A's
visit showed (the camera frames, anything new on a label) or A's card photo; the widgets' own
data (a QR's payload, a preview's last frame, a screen's identity or draft) too. B is not
offered A's half-finished application, which is still kept for A alone."""

from __future__ import annotations

import time

import cv2
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from devices.emulators.people import PEOPLE
from kiosk.domain.identity import CardKind
from tests.e2e.real_kiosk import (
    ELDERLY_CARD_CODE,
    RealKiosk,
    confirm_and_face,
    identify_with_card,
    open_item_from_home,
    photograph_pages,
)
from tests.e2e.traces import (
    PersonTraces,
    find_traces,
    image_hash,
    image_hashes,
    undo_histories,
)
from tests.ui.apply_support import tap, type_field
from tests.ui.journeys import settle

A_PHONE = "13587654321"


def video_frames(real: RealKiosk) -> set[str]:
    """Every frame the camera can deliver, hashed as a preview would hold it."""
    capture = cv2.VideoCapture(str(real.camera_file))
    hashes: set[str] = set()
    try:
        while True:
            ok, frame = capture.read()
            if not ok:
                return hashes
            hashes.add(image_hash(frame))
    finally:
        capture.release()


def test_a_villager_who_walks_away_leaves_nothing_for_the_next(
    qtbot, qapp: QApplication, real_kiosk: RealKiosk
):
    real, started = real_kiosk, time.perf_counter()
    a, b = PEOPLE[2].identity(CardKind.KIOSK_TEST), PEOPLE[5].identity(CardKind.KIOSK_TEST)
    window, apply = real.kiosk.window, real.kiosk.ctx.services.apply
    assert apply is not None
    before = image_hashes(qapp)  # the kiosk's own pictures, shown to everybody
    ctx = window.ctx
    others = (ctx.session, ctx.devices, ctx.voice, window.watch, window.card_watch)

    # A starts a message to the hall (咨询投诉), types a phone number, thinks better of it.
    tap(window.home.tile_buttons["complaint"])
    settle(qtbot, qapp)
    complaint = real.nav.current
    assert complaint.name == "complaint"
    complaint.text.insertPlainText("低保的事，请打电话 " + A_PHONE)
    QTest.keyClicks(complaint.phone, A_PHONE)
    tap(complaint.back_button)
    settle(qtbot, qapp)
    assert real.nav.current.name == "home" and window.ctx.session.active

    # A: card, face, the form, one page of two, the review.
    open_item_from_home(qtbot, qapp, real)
    identify_with_card(qtbot, qapp, real, PEOPLE[2])
    screen = confirm_and_face(qtbot, qapp, real)
    type_field(screen, "phone", A_PHONE)
    tap(screen.form_next)
    settle(qtbot, qapp)
    photograph_pages(qtbot, qapp, screen, 1)
    seen = image_hashes(qapp)  # the preview holds a camera frame now
    tap(screen.materials.next_button)
    settle(qtbot, qapp)
    assert screen.pages.currentWidget() is screen.review
    traces = PersonTraces.of(a, phone=A_PHONE)
    traces.images |= (seen | image_hashes(qapp) | video_frames(real)) - before
    assert len(traces.images) > 1
    # The search sees A while A is there: on the identify and apply screens, in the form's
    # fields and the review's lines (so an empty answer later means something).
    while_there = find_traces(qapp, traces, others)
    assert any("card-address" in line and a.address in line for line in while_there)
    assert any(A_PHONE in line for line in while_there)
    assert any("keeps their identity" in line for line in while_there)
    assert any(line.startswith("Session._identity") for line in while_there)

    # A walks away with the card: the countdown shows, then the visit ends by itself.
    real.vpcd.remove()
    qtbot.waitUntil(lambda: window.overlay.isVisible(), timeout=5_000)
    assert "秒" in window.overlay.detail.plain()
    qtbot.waitUntil(lambda: real.nav.current.name == "home", timeout=15_000)
    settle(qtbot, qapp)
    assert window.ctx.session.identity is None and not window.overlay.isVisible()
    assert find_traces(qapp, traces, others) == []
    assert undo_histories(qapp) == []  # no 撤销 brings anything of A back
    kept = apply.drafts.peek(a)  # kept for A alone, step by step
    assert kept is not None and kept.values.get("phone") == A_PHONE

    # B comes, to the same item: a clean form, nothing of A anywhere.
    open_item_from_home(qtbot, qapp, real)
    identify_with_card(qtbot, qapp, real, PEOPLE[5])
    assert find_traces(qapp, traces, others) == []
    screen = confirm_and_face(qtbot, qapp, real)
    assert screen.pages.currentWidget() is screen.form_page  # not "continue where you left"
    assert screen.form.fields["phone"].edit is not None
    assert screen.form.fields["phone"].edit.text() == ""
    assert screen.form.fields["address"].edit is not None
    assert screen.form.fields["address"].edit.text() == b.address
    assert find_traces(qapp, traces, others) == []
    assert apply.draft_for(b, ELDERLY_CARD_CODE)[0].values.get("phone") in (None, "")
    print(f"\ne2e two villagers in a row: {time.perf_counter() - started:.1f} s")

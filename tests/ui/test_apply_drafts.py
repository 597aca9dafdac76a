"""A half-finished application is kept step by step and offered again only to the same card
holder: the card taken away ends the visit (after the grace) and the screens forget; another
person's card starts clean; the first person's card brings back where they were."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool

from kiosk.ports.clock import FakeClock
from tests.ui.apply_support import ELDERLY_CARD, apply_kiosk, from_guide_to_form, tap, type_field
from tests.ui.cards import LI, ZHANG
from tests.ui.journeys import settle
from ui.widgets import BodyLabel


def walk_away(qtbot, qapp, window, reader, clock: FakeClock) -> None:
    reader.remove()
    settle(qtbot, qapp)
    clock.advance(16)  # past the card grace
    window.watch.tick()
    settle(qtbot, qapp)
    assert window.navigator.current.name == "home"
    # The camera closes on a worker; the next person's face step waits for it (the journeys'
    # helpers check "open" before pushing frames).
    bridge = window.ctx.devices
    qtbot.waitUntil(lambda: not bridge.camera_open, timeout=10_000)
    QThreadPool.globalInstance().waitForDone(10_000)


def test_the_draft_is_offered_to_the_same_card_holder_only(qapp, qtbot):
    clock = FakeClock()
    window, reader, camera, service = apply_kiosk(qapp, clock=clock)
    screen = from_guide_to_form(qtbot, qapp, window, reader, camera, ZHANG, ELDERLY_CARD)
    type_field(screen, "phone", "13800138000")
    tap(screen.form_next)
    settle(qtbot, qapp)
    assert screen.pages.currentWidget() is screen.materials
    walk_away(qtbot, qapp, window, reader, clock)
    assert not screen.form.fields and screen._draft is None  # the screen forgot

    # Someone else at the same item: a clean form, no offer.
    screen = from_guide_to_form(qtbot, qapp, window, reader, camera, LI, ELDERLY_CARD)
    assert screen.form.fields["phone"].edit.text() == ""  # type: ignore[union-attr]
    assert screen.pages.currentWidget() is screen.form_page
    walk_away(qtbot, qapp, window, reader, clock)
    assert len(service.drafts) == 2  # LI's step is kept for LI, ZHANG's for ZHANG

    # The first person again: offered to continue, and back at the materials with their phone.
    screen = from_guide_to_form(
        qtbot, qapp, window, reader, camera, ZHANG, ELDERLY_CARD, resumed=True
    )
    assert "上次办到一半" in screen.resume_text.plain()
    tap(screen.resume_button)
    settle(qtbot, qapp)
    assert screen.pages.currentWidget() is screen.materials
    tap(screen.materials.skip_button)
    tap(screen.materials.next_button)
    settle(qtbot, qapp)
    shown = [w.plain() for w in screen.review.summary.widgets() if isinstance(w, BodyLabel)]
    assert "联系电话：13800138000" in shown
    # 重新开始 drops it: a clean form.
    walk_away(qtbot, qapp, window, reader, clock)
    screen = from_guide_to_form(
        qtbot, qapp, window, reader, camera, ZHANG, ELDERLY_CARD, resumed=True
    )
    tap(screen.restart_button)
    settle(qtbot, qapp)
    assert screen.form.fields["phone"].edit.text() == ""  # type: ignore[union-attr]
    window.close()

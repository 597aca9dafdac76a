"""Materials in the apply journey with real widgets: the page found and outlined live in what
the camera sees, guidance in plain words, each page flattened and compressed by the real
documents pipeline, the one list of what is still missing; then the same step on OpenCV's
capture reading an image sequence (cv2.VideoCapture), as the kiosk's camera driver does."""

from __future__ import annotations

from pathlib import Path

from devices.camera.opencv_camera import OpenCvCamera
from tests.devices.camera_media import write_sequence
from tests.ui.apply_support import (
    ELDERLY_CARD,
    apply_kiosk,
    apply_screen,
    capture,
    document_frame,
    from_guide_to_form,
    show_page,
    tap,
    type_field,
)
from tests.ui.cards import ZHANG
from tests.ui.journeys import GREY_FRAME, settle


def test_pages_are_taken_one_by_one_with_the_outline_and_plain_guidance(qapp, qtbot):
    window, reader, camera, service = apply_kiosk(qapp)
    screen = from_guide_to_form(qtbot, qapp, window, reader, camera, ZHANG, ELDERLY_CARD)
    type_field(screen, "phone", "13800138000")
    tap(screen.form_next)
    settle(qtbot, qapp)
    page = screen.materials
    assert screen.pages.currentWidget() is page
    # The ID card was read at the identify step: nobody photographs it again.
    assert "居民身份证：已经读过证件，不用拍" in page.list.plain()
    assert "近期一寸免冠彩色照片：还要拍 2 页" in page.list.plain()
    assert "第 1 页，共 2 页" in page.now.plain()

    t = window.ctx.tr.t
    show_page(qtbot, qapp, screen, camera, GREY_FRAME, lambda: bool(page.guidance.plain()))
    assert page.guidance.plain() == t("document.not_found")
    assert page.preview.image() is not None  # the live picture
    frame = document_frame()
    show_page(qtbot, qapp, screen, camera, frame, lambda: page.guidance.plain() == t("document.ok"))
    assert page.preview._corners is not None and page.preview._ok  # the green outline

    capture(qtbot, qapp, screen)
    draft = service.drafts.peek(ZHANG)
    assert draft is not None and len(draft.pages[1]) == 1
    taken = draft.pages[1][0]
    assert taken.content_type in ("image/jpeg", "image/webp")
    assert len(taken.data) <= 150_000  # compressed for the slow link
    assert taken.name.startswith("material-2-page-1.")
    assert "第 2 页，共 2 页" in page.now.plain()

    # 重拍 drops the last page; then both are taken and the step is complete.
    tap(page.retake_button)
    assert not draft.pages[1]
    for _ in range(2):
        show_page(
            qtbot, qapp, screen, camera, frame, lambda: page.guidance.plain() == t("document.ok")
        )
        capture(qtbot, qapp, screen)
    assert "近期一寸免冠彩色照片：已拍 2 页" in page.list.plain()
    assert page.capture_button.isHidden()
    tap(page.next_button)
    settle(qtbot, qapp)
    assert screen.pages.currentWidget() is screen.review
    assert "信息和材料都齐了" in screen.review.missing.plain()
    assert not screen.review.submit.isEnabled()  # not before the explicit consent
    tap(screen.review.consent)
    assert screen.review.submit.isEnabled()
    assert not window.ctx.devices.camera_in_use  # type: ignore[union-attr]
    window.close()


def test_everything_still_missing_is_listed_at_once_and_blocks_the_submit(qapp, qtbot):
    window, reader, camera, _service = apply_kiosk(qapp)
    screen = from_guide_to_form(qtbot, qapp, window, reader, camera, ZHANG, "000113001000")
    for name, text in (("phone", "13800138000"), ("household_size", "3")):
        type_field(screen, name, text)
    type_field(screen, "monthly_income_yuan", "900")
    tap(screen.form_next)
    settle(qtbot, qapp)
    for _ in range(4):  # 户口簿, 收入声明, 授权书, 银行卡: none of them to hand
        tap(screen.materials.skip_button)
    tap(screen.materials.next_button)
    settle(qtbot, qapp)
    missing = screen.review.missing.plain()
    assert missing.startswith("还缺下面这些，一次告诉您：")
    for name in ("户口簿", "家庭收入情况声明", "家庭经济状况核对授权书", "本人银行卡或存折"):
        assert f"✖ 材料：{name}" in missing
    tap(screen.review.consent)
    assert not screen.review.submit.isEnabled()
    tap(screen.review.edit_materials)
    settle(qtbot, qapp)
    assert screen.pages.currentWidget() is screen.materials
    window.close()


def test_the_materials_step_on_opencv_reading_an_image_sequence(qapp, qtbot, tmp_path: Path):
    pattern = write_sequence(tmp_path / "frames", [document_frame()] * 3)
    camera = OpenCvCamera(pattern, loop=True, fps=15.0)
    window, _reader, _sim, service = apply_kiosk(qapp, camera=camera)
    screen = apply_screen(window)
    window.ctx.session.identify(ZHANG)  # identify itself is tested on its own
    window.navigator.go("apply", {"item_code": ELDERLY_CARD, "identity_check": "card"})
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.form_page, timeout=10_000)
    type_field(screen, "phone", "13800138000")
    tap(screen.form_next)
    ok = window.ctx.tr.t("document.ok")
    qtbot.waitUntil(lambda: screen.materials.guidance.plain() == ok, timeout=20_000)
    capture(qtbot, qapp, screen)
    draft = service.drafts.peek(ZHANG)
    assert draft is not None and len(draft.pages[1]) == 1
    screen.leave()
    qtbot.waitUntil(lambda: not window.ctx.devices.camera_open, timeout=10_000)  # type: ignore[union-attr]
    window.close()

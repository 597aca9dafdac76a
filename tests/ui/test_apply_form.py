"""The apply journey's form with real widgets offscreen: from the item's guide page through
identify (in-process reader, simulated camera and face) to the e-form pre-filled from the card,
checked field by field in plain words; agent mode refuses items not done by proxy."""

from __future__ import annotations

from datetime import date

from kiosk.domain.submission import Agent
from kiosk.services.apply import ApplyDraft
from tests.ui.apply_support import (
    CARD_REPLACEMENT,
    LOW_INCOME,
    apply_kiosk,
    apply_screen,
    choose,
    from_guide_to_form,
    tap,
    type_field,
)
from tests.ui.cards import ZHANG
from tests.ui.journeys import settle
from tests.ui.support import settle as wait_for_workers


def test_the_form_is_prefilled_from_the_card_and_checked_field_by_field(qapp, qtbot):
    window, reader, camera, service = apply_kiosk(qapp)
    screen = from_guide_to_form(qtbot, qapp, window, reader, camera, ZHANG, LOW_INCOME)
    fields = screen.form.fields
    # What the card says is shown (masked as on the identify step), read-only, never typed.
    assert screen.form.card_fields == {"name", "id_number", "address"}
    for name in screen.form.card_fields:
        edit = fields[name].edit
        assert edit is not None and edit.isReadOnly()
    assert fields["name"].edit.text() == ZHANG.masked_name  # type: ignore[union-attr]
    assert ZHANG.id_number not in fields["id_number"].edit.text()  # type: ignore[union-attr]
    assert fields["address"].edit.text() == ZHANG.address  # type: ignore[union-attr]
    assert "从证件读出" in fields["name"].hint.plain()

    # Field by field: a wrong phone number is said under it at once, nothing else yet.
    type_field(screen, "phone", "1380013")
    assert fields["phone"].problem.plain() == "✖ 请写正确的11位手机号码"
    assert fields["household_size"].problem.isHidden()
    type_field(screen, "household_size", "几个")
    assert fields["household_size"].problem.plain() == "✖ 共同生活家庭人口的填写格式不对"

    # 下一步 shows every problem at once and stays.
    tap(screen.form_next)
    assert "还有 3 处要改" in screen.banner.plain()
    assert fields["monthly_income_yuan"].problem.plain() == "✖ 请填写家庭月总收入（元）"
    assert screen.pages.currentWidget() is screen.form_page

    type_field(screen, "phone", "138 0013 8000")
    type_field(screen, "household_size", "3")
    type_field(screen, "monthly_income_yuan", "900")
    assert fields["phone"].problem.isHidden()
    tap(screen.form_next)
    settle(qtbot, qapp)
    assert screen.pages.currentWidget() is screen.materials
    # The form goes to the platform with the card's own values and the typed ones, typed.
    draft = service.drafts.peek(ZHANG)
    assert isinstance(draft, ApplyDraft) and draft.step == "materials"
    data = service.form_data(screen._item, ZHANG, draft.values)  # type: ignore[arg-type]
    assert data["name"] == ZHANG.name and data["id_number"] == ZHANG.id_number
    assert data["phone"] == "13800138000" and data["household_size"] == 3
    assert not service.check_form(screen._item, ZHANG, draft.values)  # type: ignore[arg-type]
    assert date.today()  # the fake clock's today is used for the check
    window.close()


def test_a_choice_is_made_by_tapping_big_buttons(qapp, qtbot):
    window, reader, camera, _service = apply_kiosk(qapp)
    screen = from_guide_to_form(qtbot, qapp, window, reader, camera, ZHANG, CARD_REPLACEMENT)
    type_field(screen, "phone", "13800138000")
    tap(screen.form_next)
    assert screen.form.fields["reason"].problem.plain() == "✖ 请填写补换原因"
    choose(screen, "reason", "遗失")
    assert screen.form.fields["reason"].problem.isHidden()
    tap(screen.form_next)
    settle(qtbot, qapp)
    assert screen.pages.currentWidget() is screen.materials
    window.close()


def test_an_agent_is_told_plainly_when_an_item_is_not_done_by_proxy(qapp, qtbot):
    window, _reader, _camera, service = apply_kiosk(qapp)
    catalog = service._catalog.cached().catalog
    item = catalog.items[LOW_INCOME]
    from dataclasses import replace

    personal_only = replace(item, proxy_allowed=False)
    service._catalog.cached = lambda: replace(  # type: ignore[method-assign]
        service._catalog.__class__.cached(service._catalog),
        catalog=replace(catalog, items={**catalog.items, LOW_INCOME: personal_only}),
    )
    window.ctx.agent = Agent("A0012", "韦代办")
    screen = apply_screen(window)
    window.navigator.go("apply", {"item_code": LOW_INCOME})
    qtbot.waitUntil(lambda: "必须本人亲自办理" in screen.banner.plain(), timeout=10_000)
    assert window.navigator.current is screen  # not sent on to identify
    window.close()


def test_the_home_tile_leads_to_the_guide_to_choose_the_item_first(qapp, qtbot):
    window, _reader, _camera, _service = apply_kiosk(qapp)
    assert window.home.tile_buttons["apply"].isVisible()
    tap(window.home.tile_buttons["apply"])
    screen = apply_screen(window)
    assert window.navigator.current is screen
    assert screen.pages.currentWidget() is screen.start_page
    assert "先找到您要办的事" in screen.choose_text.plain()
    tap(screen.to_guide_button)
    assert window.navigator.current.name == "guide"
    window.navigator.back()  # back from the guide: the same page, no loop
    assert window.navigator.current is screen
    assert screen.pages.currentWidget() is screen.start_page
    wait_for_workers(qapp)  # the guide's catalog load lands before the window goes
    window.close()

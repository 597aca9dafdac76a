"""Every state the apply journey can show, for the accessibility audit (SAMPLE_STATES): each
function starts a new visit with a card holder already identified and walks the real screen
into the state (the done states are shown from a result as the service returns it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from kiosk.domain.receipt import Receipt
from kiosk.ports.outbox import LocalState, OutboxEntry
from kiosk.ports.payments import PaymentOrder
from kiosk.services.apply import ApplyDraft, Submitted
from tests.ui.cards import ZHANG
from tests.ui.journeys import pump
from ui.navigation import Screen
from ui.screens.apply import ApplyScreen

State = Callable[[Screen], None]
LOW_INCOME = "000113001000"
CARD_REPLACEMENT = "000121005000"


def fresh(screen: Screen, code: str = LOW_INCOME) -> ApplyScreen:
    assert isinstance(screen, ApplyScreen)
    session = screen.ctx.session
    session.finish()
    session.tick()
    screen.forget()
    if screen.ctx.services.apply is not None:  # a new visit of the same holder starts clean
        screen.ctx.services.apply.drop(ZHANG)
    session.identify(ZHANG)
    screen.navigate.emit("apply", {"item_code": code, "identity_check": "card"})
    pump(lambda: screen._draft is not None)
    return screen


def start_page(screen: Screen) -> None:
    """From the home tile, before an item is chosen."""
    assert isinstance(screen, ApplyScreen)
    screen.ctx.session.finish()
    screen.ctx.session.tick()
    screen.forget()
    screen.navigate.emit("apply", {})


def form_page(screen: Screen) -> None:
    fresh(screen)


def form_errors(screen: Screen) -> None:
    apply = fresh(screen)
    apply.form_next.click()


def _filled(screen: Screen, code: str = LOW_INCOME) -> ApplyScreen:
    apply = fresh(screen, code)
    values = {"phone": "13800138000", "household_size": "3", "monthly_income_yuan": "900"}
    for name, text in values.items():
        edit = apply.form.fields[name].edit
        assert edit is not None
        edit.setText(text)
    apply.form_next.click()
    pump(lambda: apply.pages.currentWidget() is apply.materials)
    return apply


def materials(screen: Screen) -> None:
    _filled(screen)


def review_missing(screen: Screen) -> None:
    apply = _filled(screen)
    apply.materials.next_button.click()
    apply.review.consent.click()


def resume(screen: Screen) -> None:
    apply = fresh(screen)
    service = apply.ctx.services.apply
    assert service is not None
    service.keep(ZHANG, ApplyDraft(LOW_INCOME, step="materials"))
    apply.forget()
    apply.ctx.session.identify(ZHANG)
    apply.navigate.emit("apply", {"item_code": LOW_INCOME, "identity_check": "card"})
    pump(lambda: apply._draft is not None)
    service.drop(ZHANG)


def _done(printed: bool, paid: bool) -> State:
    def state(screen: Screen) -> None:
        apply = fresh(screen, CARD_REPLACEMENT)
        receipt = Receipt(
            title="受理回执",
            item_name="社会保障卡挂失与补换",
            receipt_no="K7Q2M-01A7-Q",
            issued_at=datetime(2026, 11, 23, 9, 30),
            terminal_id="K7Q2M",
            hall_name="富阳镇便民服务中心",
            masked_name=ZHANG.masked_name,
            next_steps=(),
            offline=not paid,
            qr_payload="K7Q2M-01A7-Q",
        )
        entry = OutboxEntry(
            "r1",
            "submission",
            "K7Q2M-01A7-Q",
            "社会保障卡挂失与补换",
            "张*",
            datetime(2026, 11, 23, 9, 30),
            LocalState.QUEUED,
        )
        payment = PaymentOrder("P1", 1500, "https://pay.example.cn/o/P1") if paid else None
        apply._submitted(
            apply._generation,
            Submitted(
                entry,
                receipt,
                delivered=paid,
                print_problem="" if printed else "printer.out_of_paper",
                payment=payment,
                payment_problem="" if paid else "apply.pay_offline",
            ),
        )

    return state


STATES: dict[str, list[State]] = {
    "apply": [
        start_page,
        form_page,
        form_errors,
        materials,
        review_missing,
        resume,
        _done(printed=False, paid=False),
        _done(printed=True, paid=True),
    ],
}

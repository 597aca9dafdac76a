"""Every state the progress, appointment, ticket and evaluation screens can show, for the
accessibility audit (tests/ui/test_accessibility.py) and the symbol check. A state is either
the params a screen is entered with, or a function that drives the entered screen there (the
results its workers would deliver)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from kiosk.domain.appointment import BookingState, Hall, Slot, Ticket
from kiosk.domain.case import Case, CaseStatus, TimelineEntry
from kiosk.domain.evaluation import PROBLEMS, Level
from kiosk.errors import PlatformError
from kiosk.ports.hall import NoBookingToday
from kiosk.ports.outbox import LocalState, OutboxEntry
from kiosk.services.appointments import Booking, SlotChoice
from kiosk.services.evaluation import Rated
from kiosk.services.progress import CaseReport

NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)  # FakeClock's start
RECEIPT = "K7Q2M-0001-5"
DAY = date(2026, 11, 25)
SLOT = Slot("451123101.000113001000.2026-11-25.am", DAY, "09:00", "11:30", 4, 1)


def case(status: CaseStatus) -> Case:
    at = int((NOW - timedelta(days=3)).timestamp() * 1000)
    steps = [CaseStatus.SUBMITTED, CaseStatus.ACCEPTED, status]
    timeline = tuple(
        TimelineEntry(s, at + i * 3_600_000, "富川县民政局", "材料齐全" if i == 1 else "")
        for i, s in enumerate(steps)
    )
    return Case(
        RECEIPT, "C1", "000113001000", "最低生活保障申请", status, "富川县民政局", at, timeline, ""
    )


def local(
    kind: str, state: LocalState, booking_no: str | None = None, problem: str = ""
) -> OutboxEntry:
    return OutboxEntry(
        "0192f0c4-0000-7000-8000-000000000001", kind, RECEIPT, "最低生活保障申请", "买买*",
        NOW, state, problem, None, booking_no,
    )  # fmt: skip


def report(**kw: Any) -> CaseReport:
    return CaseReport(RECEIPT, **kw)


def ignore(_value: Any) -> None:
    """A choice list's pick, for states that only show the list."""


def drive(method: str, *args: Any) -> Any:
    return lambda screen: getattr(screen, method)(*args)


def typed_badly(screen: Any) -> None:
    screen.pad.type_text("K7Q2M00015")
    screen._confirm(screen.pad.text)


def book_page(page: str, *setup: Any) -> Any:
    def go(screen: Any) -> None:
        screen.hall = Hall(
            "451123101", "富阳镇便民服务中心", "富阳镇", "富川瑶族自治县", "0774-7800001"
        )
        screen.item = ("000113001000", "最低生活保障申请")
        screen.slot, screen.day = SLOT, DAY
        for step in setup:
            step(screen)
        screen._go(getattr(screen, page))

    return go


def booked(state: BookingState, slot_full: bool = False) -> Any:
    booking = Booking(
        RECEIPT, state, "B0192F0C4" if state is BookingState.CONFIRMED else "", slot_full
    )

    def go(screen: Any) -> None:
        book_page("result_page")(screen)
        screen.booking = booking
        screen._finish(booking)

    return go


def evaluation_page(*steps: Any) -> Any:
    def go(screen: Any) -> None:
        screen._rate_service(screen.service.__class__(RECEIPT, "000113001000", "最低生活保障申请"))
        for step in steps:
            step(screen)

    return go


STATES: dict[str, list[Any]] = {
    "progress": [{}, {"purpose": "evaluate"}],
    "progress.number": [{"purpose": "case"}, typed_badly],
    "progress.case": [
        {"report": report(case=case(CaseStatus.CORRECTION_NEEDED), fetched_at=NOW, fresh=True)},
        {"report": report(case=case(CaseStatus.UNDER_REVIEW), fetched_at=NOW - timedelta(hours=3))},
        {"report": report(case=case(CaseStatus.COMPLETED), fetched_at=NOW, fresh=True)},
        {"report": report(case=case(CaseStatus.REFUSED), fetched_at=NOW, fresh=True)},
        {"report": report(case=None, local=local("submission", LocalState.QUEUED))},
        {"report": report(case=None, local=local("appointment", LocalState.SENDING))},
        {
            "report": report(
                case=None, fresh=True, local=local("appointment", LocalState.DELIVERED, "B01")
            )
        },
        {
            "report": report(
                case=None, local=local("appointment", LocalState.DEAD, None, "slot_full: x")
            )
        },
        drive("_found", None),
        drive("_failed", PlatformError("down")),
    ],
    "progress.list": [
        drive(
            "_loaded",
            [
                report(case=case(CaseStatus.CORRECTION_NEEDED), fresh=True),
                report(case=case(CaseStatus.COMPLETED), fresh=True),
                report(case=case(CaseStatus.UNDER_REVIEW), fresh=True),
            ],
        ),
        drive("_loaded", []),
        drive("_failed", PlatformError("down")),
    ],
    "appointment": [{}],
    "appointment.book": [
        {"new": True},
        book_page(
            "hall_page",
            drive(
                "_show_halls", [Hall("451123102", "白沙镇便民服务中心", "白沙镇", "富川", "0774")]
            ),
        ),
        book_page(
            "categories",
            lambda s: s.categories.set_choices([("社会救助", "x"), ("社会保险", "y")], ignore),
        ),
        book_page(
            "items", lambda s: s.items.set_choices([("最低生活保障申请", ("a", "b"))], ignore)
        ),
        book_page("days", lambda s: s.days.set_choices([("11月25日 星期三", DAY)], ignore)),
        book_page(
            "slots",
            drive("_show_slots", SlotChoice((SLOT, Slot("p", DAY, "14:30", "17:00", 4, 4)), True)),
        ),
        book_page("slots", drive("_show_slots", SlotChoice((SLOT,), False))),
        book_page("phone_page", lambda s: s.phone_pad.type_text("1380013")),
        book_page(
            "confirm_page", lambda s: s.summary.set_plain("富阳镇便民服务中心\n最低生活保障申请")
        ),
        booked(BookingState.CONFIRMED),
        booked(BookingState.WAITING_CONFIRMATION),
        booked(BookingState.REFUSED, slot_full=True),
        drive("_halls_failed", PlatformError("down")),
        drive("_no_items", PlatformError("none")),
    ],
    "ticket": [
        drive("_got", Ticket(7, False, "", DAY, waiting_before=3)),
        drive("_got", Ticket(2, True, "", DAY, 0, "B01", "09:00", "11:30")),
        drive("_got", Ticket(3, False, "", DAY, terminal_id="K7Q2M")),
        drive("_got", Ticket(1, True, "", DAY, terminal_id="K7Q2M")),
        drive("_failed", NoBookingToday("none")),
        drive("_failed", PlatformError("down")),
        {"action": "check_in"},  # without a card
    ],
    "evaluation": [
        {},
        {"receipt_no": RECEIPT, "item_code": "000113001000", "item_name": "最低生活保障申请"},
        evaluation_page(drive("_choose_level", Level.DISSATISFIED), drive("_problems_done")),
        evaluation_page(
            drive("_choose_level", Level.VERY_DISSATISFIED),
            drive("_toggle_problem", PROBLEMS[0], True),
            drive("_problems_done"),
        ),
        evaluation_page(drive("_choose_level", Level.SATISFIED)),
        evaluation_page(
            drive("_choose_level", Level.SATISFIED), drive("_rated", Rated("id", offline=True))
        ),
        evaluation_page(
            drive("_choose_level", Level.SATISFIED), drive("_rated", Rated("id", offline=False))
        ),
    ],
}

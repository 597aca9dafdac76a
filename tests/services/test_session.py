"""The visit's clock: countdown before an idle end, card-removal grace, holds, other people."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kiosk.domain.identity import CardKind, Identity, Sex
from kiosk.ports.clock import FakeClock
from kiosk.services.drafts import DraftStore
from kiosk.services.session import EndReason, Phase, Session, Verdict


def person(id_number: str = "110101199003077777", name: str = "张三") -> Identity:
    return Identity(
        name=name,
        id_number=id_number,
        sex=Sex.MALE,
        ethnicity_code="01",
        birth_date=date(1990, 3, 7),
        address="北京市东城区",
        issuing_authority="东城分局",
        valid_from=date(2015, 6, 1),
        valid_until=date(2035, 6, 1),
        card_kind=CardKind.KIOSK_TEST,
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_nobody_there_is_empty_and_a_touch_starts_a_visit(clock):
    s = Session(clock, idle_timeout_s=90, warning_s=20)
    assert s.tick().phase is Phase.EMPTY
    s.touch()
    assert s.tick().phase is Phase.ACTIVE and s.active


def test_an_idle_visit_warns_with_a_countdown_before_it_ends(clock):
    s = Session(clock, idle_timeout_s=90, warning_s=20)
    s.touch()
    clock.advance(69)
    assert s.tick().phase is Phase.ACTIVE
    clock.advance(2)
    verdict = s.tick()
    assert verdict.phase is Phase.WARNING and verdict.remaining_s == pytest.approx(19)
    clock.advance(19)
    assert s.tick() == Verdict(Phase.ENDED, reason=EndReason.IDLE)
    assert s.tick().phase is Phase.EMPTY  # ENDED is reported once


def test_a_touch_during_the_countdown_keeps_the_visit(clock):
    s = Session(clock, idle_timeout_s=90, warning_s=20)
    s.identify(person())
    clock.advance(80)
    assert s.tick().phase is Phase.WARNING
    s.touch()
    assert s.tick().phase is Phase.ACTIVE
    clock.advance(60)
    assert s.tick().phase is Phase.ACTIVE and s.identity is not None


def test_a_hold_stops_the_idle_clock_while_the_terminal_works_for_the_person(clock):
    s = Session(clock, idle_timeout_s=90, warning_s=20)
    s.touch()
    s.begin_hold()
    clock.advance(500)
    assert s.tick().phase is Phase.ACTIVE
    s.end_hold()
    clock.advance(75)
    assert s.tick().phase is Phase.WARNING  # the idle time counts from the end of the hold


def test_a_removed_card_ends_the_visit_unless_it_comes_back_in_time(clock):
    s = Session(clock, idle_timeout_s=90, warning_s=20, card_grace_s=15)
    s.identify(person())
    s.card_removed()
    clock.advance(10)
    verdict = s.tick()
    assert verdict.phase is Phase.CARD_GRACE and verdict.remaining_s == pytest.approx(5)
    assert s.identify(person())  # the same card is back
    assert s.tick().phase is Phase.ACTIVE
    s.card_removed()
    clock.advance(15)
    assert s.tick().reason is EndReason.CARD_REMOVED
    assert s.identity is None


def test_taking_the_card_once_the_journey_no_longer_needs_it_ends_nothing(clock):
    s = Session(clock, idle_timeout_s=90, warning_s=20, card_grace_s=15)
    s.identify(person())
    s.card_removed()
    s.release_card_hold()
    clock.advance(30)
    assert s.tick().phase is Phase.ACTIVE


def test_another_persons_card_is_refused_until_the_visit_is_ended(clock):
    s = Session(clock, idle_timeout_s=90, warning_s=20)
    assert s.identify(person())
    assert not s.identify(person("110101199003070000", "李四"))
    assert s.identity is not None and s.identity.name == "张三"
    s.finish(EndReason.OTHER_PERSON)
    assert s.tick().reason is EndReason.OTHER_PERSON
    assert s.identify(person("110101199003070000", "李四"))


def test_a_touch_right_after_the_end_does_not_cancel_the_forgetting(clock):
    s = Session(clock, idle_timeout_s=90, warning_s=20)
    s.identify(person())
    s.finish()
    s.touch()
    assert s.tick().phase is Phase.ENDED
    assert s.identity is None


def test_a_wall_clock_step_never_ends_a_visit(clock):
    s = Session(clock, idle_timeout_s=90, warning_s=20)
    s.touch()
    clock.set_wall(clock.now() + timedelta(days=2))
    assert s.tick().phase is Phase.ACTIVE


def test_a_draft_is_offered_only_to_the_same_card_holder_and_expires(clock):
    drafts: DraftStore[dict[str, str]] = DraftStore(clock, ttl_s=600, max_drafts=2)
    drafts.save(person(), {"step": "materials"})
    assert drafts.peek(person("110101199003070000", "李四")) is None
    assert drafts.peek(person()) == {"step": "materials"}
    clock.advance(601)
    assert drafts.peek(person()) is None and len(drafts) == 0


def test_the_draft_store_is_bounded_and_drops_the_oldest(clock):
    drafts: DraftStore[int] = DraftStore(clock, max_drafts=2)
    for n in range(3):
        drafts.save(person(f"11010119900307000{n}"), n)
    assert drafts.peek(person("110101199003070000")) is None
    assert drafts.peek(person("110101199003070002")) == 2 and len(drafts) == 2
    drafts.discard(person("110101199003070002"))
    assert len(drafts) == 1

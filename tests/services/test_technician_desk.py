"""The technician desk: sign-in by number or card with the PIN, lockout, the session, and every
attempt and action in the real hash-chained audit log with the technician's number and never a
name, an ID number or a PIN."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.domain.identity import CardKind
from kiosk.ports.clock import FakeClock
from kiosk.services.operators import OperatorSignIn
from kiosk.services.technician import NotSignedIn, SignInOutcome, TechnicianDesk
from offline_queue.audit import AuditLog, verify_chain
from tests.services.tech_fakes import (
    LETTERS,
    TECH_ID_NUMBER,
    TECH_NUMBER,
    TECH_PIN,
    FakeDirectory,
    FakeSync,
    FakeTerminal,
    MemoryFailures,
    technician,
)
from tests.services.test_session import person


@pytest.fixture
def parts(tmp_path: Path):
    clock = FakeClock()
    audit = AuditLog(tmp_path / "audit.log", clock)
    directory = FakeDirectory([technician()])
    sync, terminal = FakeSync(letters=list(LETTERS)), FakeTerminal()
    desk = TechnicianDesk(OperatorSignIn(directory, MemoryFailures(), clock), audit, sync, terminal)
    return desk, audit, clock, directory, sync, terminal


def actions(audit: AuditLog) -> list[tuple[str, str, str]]:
    return [(e.actor.ref, e.action, e.subject) for e in reversed(audit.recent())]


def test_the_number_and_pin_sign_in_and_both_are_audited_without_the_pin(parts):
    desk, audit, *_ = parts
    attempt = desk.sign_in_by_number("0417", TECH_PIN)
    assert attempt.outcome is SignInOutcome.SIGNED_IN and attempt.masked_name == "覃**"
    assert desk.technician is not None and desk.technician.technician_id == TECH_NUMBER
    assert desk.sign_in_by_number("t0417", TECH_PIN).outcome is SignInOutcome.SIGNED_IN
    assert actions(audit)[0] == (TECH_NUMBER, "technician.sign_in", "")
    assert audit.recent()[0].details == {"method": "number"}
    assert TECH_PIN not in audit.path.read_text()


def test_wrong_pins_lock_out_and_every_try_is_on_record(parts):
    desk, audit, clock, *_ = parts
    lefts = [desk.sign_in_by_number("0417", "000001").attempts_left for _ in range(4)]
    assert lefts == [4, 3, 2, 1]
    locked = desk.sign_in_by_number("0417", "000001")
    assert locked.outcome is SignInOutcome.LOCKED and locked.wait_s == 900
    clock.advance(60)
    still = desk.sign_in_by_number("0417", TECH_PIN)
    assert still.outcome is SignInOutcome.LOCKED and still.wait_s == 840
    assert desk.technician is None
    clock.advance(840)
    assert desk.sign_in_by_number("0417", TECH_PIN).outcome is SignInOutcome.SIGNED_IN
    failed = [e for e in audit.recent() if e.action == "technician.sign_in_failed"]
    assert len(failed) == 6
    assert {e.actor.ref for e in failed} == {TECH_NUMBER}
    assert [e.details["reason"] for e in reversed(failed)] == ["wrong_pin"] * 4 + ["locked"] * 2
    assert verify_chain(audit.path).ok


def test_an_unknown_number_or_card_is_audited_without_the_card_and_says_if_the_list_is_missing(
    parts,
):
    desk, audit, _clock, directory, *_ = parts
    assert desk.sign_in_by_number("9999", TECH_PIN).outcome is SignInOutcome.UNKNOWN
    assert desk.sign_in_by_number("12", TECH_PIN).outcome is SignInOutcome.UNKNOWN
    villager = person()
    assert desk.find_card(villager) is None
    assert desk.card_unknown().outcome is SignInOutcome.UNKNOWN
    directory.listed.clear()
    assert desk.sign_in_by_number("0417", TECH_PIN).outcome is SignInOutcome.NO_LIST
    assert actions(audit) == [
        ("unknown", "technician.sign_in_failed", "T9999"),
        ("unknown", "technician.sign_in_failed", "malformed"),
        ("unknown", "technician.sign_in_failed", "card"),
        ("unknown", "technician.sign_in_failed", "T0417"),
    ]
    text = audit.path.read_text()
    assert villager.id_number not in text and villager.name not in text


def test_the_technicians_own_card_then_the_pin_sign_in(parts):
    desk, audit, *_ = parts
    card = replace(person(), id_number=TECH_ID_NUMBER, card_kind=CardKind.RESIDENT_ID)
    found = desk.find_card(card)
    assert found is not None and found.operator_id == TECH_NUMBER
    assert desk.sign_in_by_card(found, "000001").outcome is SignInOutcome.WRONG_PIN
    assert desk.sign_in_by_card(found, TECH_PIN).outcome is SignInOutcome.SIGNED_IN
    assert audit.recent()[0].details == {"method": "card"}
    assert TECH_ID_NUMBER not in audit.path.read_text()


def test_nothing_can_be_done_without_a_session_and_each_action_is_audited_first(parts):
    desk, audit, _clock, _directory, sync, terminal = parts
    for action in (desk.dead_letters, desk.sync_now, lambda: desk.retry(None)):
        with pytest.raises(NotSignedIn):
            action()
    with pytest.raises(NotSignedIn):
        desk.exit_to_maintenance("menu")
    assert sync.retried == [] and sync.syncs == 0 and terminal.exits == []
    desk.sign_in_by_number("0417", TECH_PIN)
    assert len(desk.dead_letters()) == 2
    assert desk.retry(None) == 1
    assert desk.retry(LETTERS[1].record_id) == 1
    desk.sync_now()
    desk.exit_to_maintenance("menu")
    assert sync.retried == [None, LETTERS[1].record_id] and sync.syncs == 1
    assert terminal.exits == [(TECH_NUMBER, "menu")]
    assert desk.sign_out("idle") and not desk.sign_out("idle")
    assert actions(audit)[1:] == [
        (TECH_NUMBER, "queue.retry_dead_letters", ""),
        (TECH_NUMBER, "queue.retry_record", LETTERS[1].record_id),
        (TECH_NUMBER, "queue.sync_now", ""),
        (TECH_NUMBER, "technician.exit_to_maintenance", ""),
        (TECH_NUMBER, "technician.sign_out", ""),
    ]
    assert audit.recent()[0].details == {"reason": "idle"}
    with pytest.raises(NotSignedIn):
        desk.sync_now()

"""Operator sign-in against the real platform on loopback: the hall's agents and the county's
technicians are fetched and cached, then a sign-in works with the platform stopped; five wrong
PINs lock the operator out across a restart; nothing personal is in the cache in clear."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import date

import pytest

from devices.emulators.people import PEOPLE, make_id_number
from kiosk.domain.identity import CardKind
from kiosk.domain.operators import Credential, Role, pin_problem
from kiosk.errors import PlatformError
from kiosk.ports.clock import FakeClock
from kiosk.services.operators import OperatorSignIn, Outcome
from offline_queue.operators_cache import CachedOperatorDirectory, JsonFailureStore
from offline_queue.platform_client import PlatformClient, Signer
from tests.support.central import DEFAULT_HALL, CentralHandle

AGENT_ID = make_id_number("451123", date(1975, 5, 4), 31)
TECH_ID = make_id_number("451102", date(1988, 9, 9), 57)
OTHER_AGENT_ID = make_id_number("451123", date(1969, 1, 2), 44)


def add(central: CentralHandle, role: str, name: str, id_number: str, pin: str, hall: str):
    body = {"role": role, "name": name, "id_number": id_number, "pin": pin, "hall_code": hall}
    return central.admin("POST", "/v1/admin/operators", body)


def card(id_number: str):
    return replace(PEOPLE[0].identity(CardKind.RESIDENT_ID), id_number=id_number)


@pytest.fixture
def setup(central: CentralHandle, tmp_path):
    agent = add(central, "agent", "黄代办", AGENT_ID, "258036", DEFAULT_HALL).json()["operator_id"]
    tech = add(central, "technician", "覃技术", TECH_ID, "741963", "").json()["operator_id"]
    assert (
        add(central, "agent", "别村代办", OTHER_AGENT_ID, "369258", "451123102").status_code == 201
    )
    terminal = central.enrol()
    client = PlatformClient(central.base_url, 1, 2)
    client.signer = Signer(terminal.terminal_id, terminal.key)
    clock = FakeClock()

    def service() -> OperatorSignIn:
        return OperatorSignIn(
            CachedOperatorDirectory(client, tmp_path / "operators.json"),
            JsonFailureStore(tmp_path / "operator-failures.json"),
            clock,
        )

    return service, clock, agent, tech, tmp_path


def test_the_platform_sends_this_halls_agents_and_the_county_technicians(setup, central):
    service, _clock, agent, tech, _ = setup
    assert service().refresh() == 2
    directory = CachedOperatorDirectory(
        PlatformClient(central.base_url, 1, 2), setup[4] / "operators.json"
    )
    assert sorted(o.operator_id for o in directory.operators()) == sorted([agent, tech])


def test_an_agent_signs_in_with_card_and_pin_while_the_platform_is_down(setup, central):
    service, _clock, agent, tech, _ = setup
    service().refresh()
    central.stop()
    with pytest.raises(PlatformError):
        service().refresh()
    signin = service()
    found = signin.by_card(card(AGENT_ID), Role.AGENT)
    assert found is not None and found.operator_id == agent
    assert signin.by_card(card(AGENT_ID), Role.TECHNICIAN) is None
    assert signin.by_card(card(PEOPLE[1].id_number), Role.AGENT) is None  # a villager
    assert signin.check_pin(found, "258036").outcome is Outcome.SIGNED_IN
    technician = signin.by_number(tech.lower(), Role.TECHNICIAN)
    assert technician is not None
    assert signin.check_pin(technician, "741963").outcome is Outcome.SIGNED_IN


def test_five_wrong_pins_lock_the_operator_out_even_across_a_restart(setup):
    service, clock, _agent, _tech, _ = setup
    service().refresh()
    signin = service()
    agent = signin.by_card(card(AGENT_ID), Role.AGENT)
    assert agent is not None
    lefts = [signin.check_pin(agent, "000001").attempts_left for _ in range(4)]
    assert lefts == [4, 3, 2, 1]
    locked = signin.check_pin(agent, "000001")
    assert locked.outcome is Outcome.LOCKED and locked.wait_s == 15 * 60
    restarted = service()
    assert restarted.check_pin(agent, "258036").outcome is Outcome.LOCKED
    clock.advance(15 * 60 - 1)
    assert restarted.check_pin(agent, "258036").wait_s == 1
    clock.advance(1)
    assert restarted.check_pin(agent, "258036").outcome is Outcome.SIGNED_IN
    assert restarted.check_pin(agent, "000001").attempts_left == 4  # a fresh count


def test_a_deactivated_operator_is_gone_after_the_next_refresh(setup, central):
    service, _clock, agent, _tech, _ = setup
    service().refresh()
    assert central.admin("DELETE", f"/v1/admin/operators/{agent}").status_code == 204
    service().refresh()
    assert service().by_card(card(AGENT_ID), Role.AGENT) is None


def test_weak_pins_and_bad_id_numbers_are_refused_by_the_platform(central):
    assert add(central, "agent", "甲", AGENT_ID, "111111", DEFAULT_HALL).status_code == 422
    assert add(central, "agent", "甲", AGENT_ID, "123456", DEFAULT_HALL).status_code == 422
    assert add(central, "agent", "甲", AGENT_ID[:-1] + "0", "258036", DEFAULT_HALL).status_code in (
        422,
    )
    assert add(central, "agent", "甲", AGENT_ID, "258036", "").status_code == 422  # no hall
    assert add(central, "agent", "甲", AGENT_ID, "258036", DEFAULT_HALL).status_code == 201
    assert add(central, "agent", "乙", AGENT_ID, "258037", DEFAULT_HALL).status_code == 409
    assert (
        pin_problem("654321") == "operator.pin_weak"
        and pin_problem("12a456") == "operator.pin_format"
    )


def test_the_cache_is_owner_only_and_holds_no_id_number_or_pin(setup):
    service, _clock, _agent, _tech, tmp = setup
    service().refresh()
    agent = service().by_card(card(AGENT_ID), Role.AGENT)
    assert agent is not None
    service().check_pin(agent, "000001")
    for name in ("operators.json", "operator-failures.json"):
        path = tmp / name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        text = path.read_text(encoding="utf-8")
        for secret in (AGENT_ID, TECH_ID, "258036", "741963", AGENT_ID[6:14]):
            assert secret not in text


def test_a_credential_matches_only_its_own_card_and_pin():
    cred = Credential.make("A0001", "11010119900307777X", "258036")
    assert cred.card_matches("11010119900307777x")  # the check character in either case
    assert not cred.card_matches("110101199003077770")
    assert cred.pin_matches("A0001", "258036")
    assert not cred.pin_matches("A0002", "258036")  # bound to the operator number
    assert not cred.pin_matches("A0001", "258037")

"""A proxy agent's worklist, against the real platform on loopback: the submissions an agent
took (and only theirs) come back with the villagers' masked names, those needing the villager
first; the last list stays readable, with its age, when the platform is down."""

from __future__ import annotations

import stat
from datetime import date

import pytest

from devices.emulators.people import make_id_number
from kiosk.contract.records import record_content_hash
from kiosk.domain.identity import mask_name
from kiosk.errors import PlatformError
from kiosk.ports.clock import FakeClock, SystemClock
from offline_queue.agent_worklist import PlatformAgentCases
from offline_queue.platform_client import PlatformClient, Signer
from tests.central.test_contract_server import ID_NUMBER, push, submission
from tests.support.central import DEFAULT_HALL, CentralHandle

AGENT_ID_NUMBER = make_id_number("451123", date(1975, 5, 4), 31)


def test_an_agents_worklist_lists_their_cases_needing_action_first(
    central: CentralHandle, tmp_path
):
    body = {"role": "agent", "name": "黄代办", "id_number": AGENT_ID_NUMBER, "pin": "258036",
            "hall_code": DEFAULT_HALL}  # fmt: skip
    agent = central.admin("POST", "/v1/admin/operators", body).json()["operator_id"]
    terminal = central.enrol()
    by_agent = [submission(terminal) for _ in range(3)]
    for rec in by_agent:
        rec["meta"]["agent_id"] = agent
        rec["content_hash"] = record_content_hash(rec)
    self_service = submission(terminal)
    results = push(terminal, *by_agent, self_service)
    assert [r["outcome"] for r in results] == ["accepted"] * 4
    central.advance_case(results[1]["receipt_no"], "accepted", "县民政局")
    central.advance_case(results[1]["receipt_no"], "correction_needed", "县民政局", "请补充户口簿")

    client = PlatformClient(central.base_url, 1, 2)
    client.signer = Signer(terminal.terminal_id, terminal.key)
    cases = PlatformAgentCases(client, tmp_path / "worklists", SystemClock())
    worklist = cases.worklist(agent)
    assert worklist.fresh
    receipts = [e.case.receipt_no for e in worklist.entries]
    assert sorted(receipts) == sorted(r["receipt_no"] for r in results[:3])
    assert receipts[0] == results[1]["receipt_no"]  # the villager must act: first
    assert {e.masked_name for e in worklist.entries} == {mask_name("买买提·艾力")}
    path = tmp_path / "worklists" / f"{agent}.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert ID_NUMBER not in text and "买买提·艾力" not in text

    central.stop()
    later = FakeClock(worklist.fetched_at)
    later.advance(3600)
    offline = PlatformAgentCases(client, tmp_path / "worklists", later).worklist(agent)
    assert not offline.fresh and offline.entries == worklist.entries
    assert offline.fetched_at == worklist.fetched_at


def test_a_worklist_is_only_for_an_agent_of_the_terminals_hall(central: CentralHandle, tmp_path):
    body = {"role": "agent", "name": "别村代办", "id_number": AGENT_ID_NUMBER, "pin": "258036",
            "hall_code": "451123102"}  # fmt: skip
    other_hall_agent = central.admin("POST", "/v1/admin/operators", body).json()["operator_id"]
    terminal = central.enrol()
    client = PlatformClient(central.base_url, 1, 2)
    client.signer = Signer(terminal.terminal_id, terminal.key)
    cases = PlatformAgentCases(client, tmp_path, SystemClock())
    with pytest.raises(PlatformError):
        cases.worklist(other_hall_agent)
    with pytest.raises(ValueError):
        cases.worklist("../../etc")

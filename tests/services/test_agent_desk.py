"""The proxy agent's desk: sign-in by card and PIN through the sign-in shared with the
technician's desk, lockout, villagers served one after another in one session, the worklist's
day summary and its slip printed through the ESC/POS emulator over TCP, and every action in the
real hash-chained audit log without a full name, an ID number or a PIN."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import cv2
import numpy as np
import pytest

from devices.emulators.escpos_printer import EscposPrinterEmulator
from devices.escpos_printer import escpos_printer_from_config
from devices.receipt_layout import render_slip
from kiosk.domain.agent_day import DaySummary
from kiosk.domain.case import CaseStatus
from kiosk.domain.slip import Slip
from kiosk.domain.submission import Agent
from kiosk.ports.clock import FakeClock
from kiosk.ports.operators import Worklist
from kiosk.services.agent import AgentDesk, AgentNotSignedIn
from kiosk.services.operator_desk import OperatorDesk, SignInOutcome
from kiosk.services.operators import OperatorSignIn
from kiosk.services.technician import TechnicianDesk
from offline_queue.audit import AuditLog, verify_chain
from tests.services.agent_fakes import (
    AGENT_ID_NUMBER,
    AGENT_NAME,
    AGENT_NUMBER,
    AGENT_PIN,
    FakeCases,
    agent_operator,
)
from tests.services.tech_fakes import FakeDirectory, MemoryFailures, technician
from tests.services.test_session import person
from tests.support.qr import read_qr


@pytest.fixture
def parts(tmp_path: Path):
    clock = FakeClock(datetime(2026, 11, 22, 8, 0, tzinfo=UTC))
    audit = AuditLog(tmp_path / "audit.log", clock)
    directory = FakeDirectory([agent_operator(), technician()])
    cases = FakeCases()
    desk = AgentDesk(OperatorSignIn(directory, MemoryFailures(), clock), audit, clock, cases)
    return desk, audit, clock, cases


def actions(audit: AuditLog) -> list[tuple[str, str, str]]:
    return [(e.actor.ref, e.action, e.subject) for e in reversed(audit.recent())]


def test_both_desks_share_one_sign_in():
    assert issubclass(AgentDesk, OperatorDesk) and issubclass(TechnicianDesk, OperatorDesk)
    assert AgentDesk.sign_in_by_card is TechnicianDesk.sign_in_by_card


def test_the_agents_own_card_and_pin_sign_in_and_the_session_names_the_agent(parts):
    desk, audit, *_ = parts
    card = person(AGENT_ID_NUMBER, AGENT_NAME)
    operator = desk.find_card(card)
    assert operator is not None and operator.operator_id == AGENT_NUMBER
    assert desk.find_card(person()) is None  # a villager's card is nobody's here
    attempt = desk.sign_in_by_card(operator, AGENT_PIN)
    assert attempt.outcome is SignInOutcome.SIGNED_IN and attempt.masked_name == "黄**"
    assert desk.agent == Agent(AGENT_NUMBER, AGENT_NAME)
    assert actions(audit) == [(AGENT_NUMBER, "agent.sign_in", "")]
    assert audit.recent()[0].details == {"method": "card"}
    text = audit.path.read_text()
    assert AGENT_PIN not in text and AGENT_ID_NUMBER not in text and AGENT_NAME not in text


def test_a_technicians_card_is_no_agents_and_the_unknown_card_is_audited(parts):
    desk, audit, *_ = parts
    assert desk.find_card(person("45110219880909057X", "覃技术")) is None
    assert desk.card_unknown().outcome is SignInOutcome.UNKNOWN
    assert actions(audit) == [("unknown", "agent.sign_in_failed", "card")]


def test_five_wrong_pins_lock_the_agent_out_with_the_time_left(parts):
    desk, audit, clock, _ = parts
    operator = agent_operator()
    lefts = [desk.sign_in_by_card(operator, "000001").attempts_left for _ in range(4)]
    assert lefts == [4, 3, 2, 1]
    locked = desk.sign_in_by_card(operator, "000001")
    assert locked.outcome is SignInOutcome.LOCKED and locked.wait_s == 900
    clock.advance(300)
    again = desk.sign_in_by_card(operator, AGENT_PIN)  # even the right PIN waits
    assert again.outcome is SignInOutcome.LOCKED and again.wait_s == 600
    assert desk.agent is None
    clock.advance(601)
    assert desk.sign_in_by_card(operator, AGENT_PIN).outcome is SignInOutcome.SIGNED_IN
    assert [a for _r, a, _s in actions(audit)] == ["agent.sign_in_failed"] * 6 + ["agent.sign_in"]


def test_villagers_one_after_another_in_one_session_by_masked_name_and_receipt(parts):
    desk, audit, *_ = parts
    desk.sign_in_by_card(agent_operator(), AGENT_PIN)
    desk.start_serving()
    desk.villager_identified("张*", "face")
    desk.note_receipt("K7Q2M-01A7-Q")
    assert desk.end_serving("finished")
    assert not desk.end_serving("finished")  # nobody is being served now
    desk.start_serving()
    desk.villager_identified("李*", "card")
    assert desk.end_serving("card_removed")
    desk.start_serving()
    assert desk.end_serving("idle")  # walked away before the card
    assert desk.agent is not None  # the agent is still signed in
    assert desk.sign_out("idle")
    assert actions(audit)[1:] == [
        (AGENT_NUMBER, "agent.serve_start", ""),
        (AGENT_NUMBER, "agent.serve_villager", "张*"),
        (AGENT_NUMBER, "agent.serve_receipt", "K7Q2M-01A7-Q"),
        (AGENT_NUMBER, "agent.serve_end", "K7Q2M-01A7-Q"),
        (AGENT_NUMBER, "agent.serve_start", ""),
        (AGENT_NUMBER, "agent.serve_villager", "李*"),
        (AGENT_NUMBER, "agent.serve_end", "李*"),
        (AGENT_NUMBER, "agent.serve_start", ""),
        (AGENT_NUMBER, "agent.serve_end", ""),
        (AGENT_NUMBER, "agent.sign_out", ""),
    ]
    assert audit.recent()[0].details == {"reason": "idle"}
    assert verify_chain(audit.path).ok
    with pytest.raises(AgentNotSignedIn):
        desk.start_serving()


def test_signing_out_mid_villager_says_so(parts):
    desk, audit, *_ = parts
    desk.sign_in_by_card(agent_operator(), AGENT_PIN)
    desk.start_serving()
    desk.sign_out("idle")
    assert not desk.serving
    assert audit.recent()[0].details == {"reason": "idle", "while_serving": True}


def test_the_day_summary_counts_the_days_cases_needing_action_first(parts):
    desk, audit, _clock, cases = parts
    desk.sign_in_by_card(agent_operator(), AGENT_PIN)
    summary, worklist = desk.day_summary()
    assert worklist.fresh and cases.asked == [AGENT_NUMBER]
    assert summary.day == date(2026, 11, 22)
    assert [line.receipt_no for line in summary.lines] == [
        "K7Q2M-001A-Q",  # 补正 first
        "K7Q2M-002A-Q",  # pickup
        "K7Q2M-003A-Q",
    ]  # K7Q2M-004A-Q was two days before
    assert summary.counts() == [
        (CaseStatus.CORRECTION_NEEDED, 1),
        (CaseStatus.COMPLETED, 1),
        (CaseStatus.SUBMITTED, 1),
    ]
    assert summary.qr_payload() == (
        "AGENTDAY|A0012|2026-11-22|correction_needed=1,completed=1,submitted=1|"
        "K7Q2M-001A-Q;K7Q2M-002A-Q;K7Q2M-003A-Q"
    )
    assert actions(audit)[-1] == (AGENT_NUMBER, "agent.worklist", "")


def layout(summary: DaySummary, worklist: Worklist) -> Slip:
    counts = "、".join(f"{s.label_zh} {n}" for s, n in summary.counts())
    lines = [f"代办员 {summary.agent_id}", f"日期 {summary.day}"]
    lines += [f"共 {len(summary.lines)} 件：{counts}", ""]
    lines += [f"{x.receipt_no} {x.masked_name} {x.status.label_zh}" for x in summary.lines]
    if not worklist.fresh:
        lines.append("（离线：上次取回的清单）")
    return Slip("代办日结单", "", tuple(lines), qr_payload=summary.qr_payload())


def test_the_day_slip_prints_through_the_escpos_emulator_and_decodes(parts, tmp_path: Path):
    desk, audit, _clock, _cases = parts
    emulator = EscposPrinterEmulator(out_dir=tmp_path / "jobs").start()
    try:
        host, port = emulator.address
        printer = escpos_printer_from_config(
            {"transport": "network", "host": host, "port": port, "timeout_s": 1, "paper_mm": 58}
        )
        desk.attach_printer(printer)
        desk.sign_in_by_card(agent_operator(), AGENT_PIN)
        summary, result = desk.print_day_summary(layout)
        jobs = emulator.wait_for_jobs(1)
    finally:
        emulator.stop()
    assert result.job_bytes > 0 and len(jobs) == 1
    job = jobs[0]
    assert job.cuts == 1 and len(job.images) >= 1
    printed = np.vstack([np.array(img.convert("L")) for img in job.images])
    expected = render_slip(layout(summary, Worklist((), summary_day(), True)), 384)
    assert printed.shape[1] == 384
    # A white margin around the strip, as a scanner sees the paper on a table.
    paper = cv2.copyMakeBorder(printed, 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=255)
    qr = read_qr(paper)
    assert qr == summary.qr_payload()
    assert "K7Q2M-001A-Q" in qr and "correction_needed=1" in qr
    # The raster is exactly the slip's lines laid out (masked names, no full names anywhere).
    assert printed.shape[0] == expected.height
    assert (printed > 127).tolist() == (np.array(expected.convert("L")) > 127).tolist()
    slip = layout(summary, Worklist((), summary_day(), True))
    assert "买* 需补正材料" in "\n".join(slip.lines)
    assert actions(audit)[-1] == (AGENT_NUMBER, "agent.print_day_summary", "2026-11-22")
    assert audit.recent()[0].details == {"cases": 3, "fresh": True}


def summary_day() -> datetime:
    return datetime(2026, 11, 22, tzinfo=UTC)

"""Cases, evaluations, complaints, tickets and submissions: the rules they carry."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.domain.appointment import Slot, Ticket
from kiosk.domain.case import Case, CaseFormatError, CaseStatus
from kiosk.domain.complaint import Complaint, ComplaintError, ComplaintKind
from kiosk.domain.evaluation import Dimension, Evaluation, EvaluationError, Level
from kiosk.domain.identity import CardKind, Identity, Sex
from kiosk.domain.submission import Agent, Submission

CASE = {
    "receipt_no": "K7Q2M-0001-P",
    "case_id": "C1",
    "item_code": "000113001000",
    "item_name": "最低生活保障申请",
    "status": "correction_needed",
    "department": "县民政局",
    "updated_at_ms": 5,
    "next_action": "请补正",
    "timeline": [
        {"status": "submitted", "at_ms": 1, "department": "县民政局", "note": ""},
        {
            "status": "correction_needed",
            "at_ms": 5,
            "department": "县民政局",
            "note": "补充收入证明",
        },
    ],
}


def test_a_case_reply_becomes_a_case_with_its_timeline():
    case = Case.from_dict(CASE)
    assert case.status is CaseStatus.CORRECTION_NEEDED and case.status.needs_villager
    assert [e.status.label_zh for e in case.timeline] == ["已提交", "需补正材料"]


def test_a_malformed_case_reply_is_a_clear_error():
    with pytest.raises(CaseFormatError):
        Case.from_dict({**CASE, "status": "lost"})
    with pytest.raises(CaseFormatError):
        Case.from_dict({k: v for k, v in CASE.items() if k != "timeline"})


def test_the_five_levels_read_as_the_national_words():
    assert [lv.label_zh for lv in sorted(Level, reverse=True)] == [
        "非常满意",
        "满意",
        "基本满意",
        "不满意",
        "非常不满意",
    ]


def test_a_bad_rating_must_say_what_went_wrong():
    with pytest.raises(EvaluationError):
        Evaluation(Level.DISSATISFIED, {})
    ok = Evaluation(
        Level.VERY_DISSATISFIED,
        {Dimension.ATTITUDE: Level.DISSATISFIED},
        frozenset({"多次跑腿"}),
        receipt_no="K7Q2M-0001-P",
        agent_id="A1",
    )
    assert ok.to_meta()["problems"] == ["多次跑腿"] and ok.to_meta()["agent_id"] == "A1"
    with pytest.raises(EvaluationError):
        Evaluation(Level.DISSATISFIED, {}, frozenset({"I typed this"}))
    with pytest.raises(EvaluationError):
        Evaluation(Level.SATISFIED, {Dimension.OVERALL: Level.DISSATISFIED})


def test_a_complaint_needs_text_a_category_and_a_reachable_phone():
    Complaint(ComplaintKind.COMPLAINT, "办事服务", "排队太久", "13800138000")
    for args, key in (
        (("其他", " ", "13800138000"), "text_empty"),
        (("其他", "x" * 501, "13800138000"), "text_long"),
        (("天气", "x", "13800138000"), "bad_category"),
        (("其他", "x", "123"), "bad_phone"),
    ):
        with pytest.raises(ComplaintError, match=key):
            Complaint(ComplaintKind.CONSULTATION, *args)
    assert "13800138000" not in repr(Complaint(ComplaintKind.COMPLAINT, "其他", "x", "13800138000"))


def test_a_consultation_may_leave_the_phone_empty_a_complaint_may_not():
    assert Complaint(ComplaintKind.CONSULTATION, "其他", "x", " ").phone == ""
    with pytest.raises(ComplaintError, match="phone_needed"):
        Complaint(ComplaintKind.COMPLAINT, "其他", "x", "")
    assert Complaint(ComplaintKind.COMPLAINT, "其他", "x", "+86 138-0013-8000").phone == (
        "13800138000"
    )


def test_tickets_and_slots():
    assert Ticket(7, booked=True, item_code="x").label == "A007"
    assert Ticket(12, booked=False, item_code="x").label == "B012"
    assert Slot("s", date(2026, 11, 23), "09:00", "11:30", 4, 6).free == 0


def test_a_submission_keeps_personal_data_in_its_sealed_payload_only():
    person = Identity(
        "张三",
        "11010519491231002X",
        Sex.MALE,
        "01",
        date(1949, 12, 31),
        "北京",
        "公安局",
        None,
        None,
        CardKind.RESIDENT_ID,
    )
    sub = Submission(
        "000113001000",
        "低保申请",
        {"household_size": 2},
        person,
        "13800138000",
        agent=Agent("A1", "李四"),
    )
    payload = sub.personal_payload()
    assert payload["applicant"]["id_number"] == "11010519491231002X"
    assert payload["agent"] == {"id": "A1", "name": "李四"}
    clear = str(sub.clear_meta()) + repr(sub)
    for secret in ("11010519491231002X", "张三", "13800138000", "北京"):
        assert secret not in clear
    assert sub.clear_meta()["masked_name"] == "张*"

"""Batched intake: a batch is one transaction, yet each record is answered on its own."""

from __future__ import annotations

import hashlib
import os

from kiosk.contract.records import record_content_hash
from tests.central.test_contract_server import ID_NUMBER, ITEM, _next_weekday, push, submission
from tests.support.central import CentralHandle


def test_a_record_failing_inside_the_batch_is_rejected_alone_and_leaves_nothing_behind(
    shared_central: CentralHandle,
):
    t = shared_central.enrol()
    first = submission(t)
    same_receipt = submission(t)  # another record claiming the first one's receipt number
    same_receipt["meta"]["receipt_no"] = first["meta"]["receipt_no"]
    same_receipt["content_hash"] = record_content_hash(same_receipt)
    last = submission(t)
    results = push(t, first, same_receipt, first, last)
    assert [r["outcome"] for r in results] == ["accepted", "rejected", "duplicate", "accepted"]
    assert "already used" in results[1]["reason"]
    assert results[2]["case_id"] == results[0]["case_id"]
    assert t.get(f"/v1/cases/{last['meta']['receipt_no']}").status_code == 200
    # The rejected record left no trace: sent again alone it is judged afresh, not a duplicate.
    [again] = push(t, same_receipt)
    assert again["outcome"] == "rejected"


def test_a_full_slot_mid_batch_undoes_only_that_booking(shared_central: CentralHandle):
    t = shared_central.enrol()
    day = _next_weekday().isoformat()
    [slot] = [
        s
        for s in t.get(f"/v1/halls/{t.hall['code']}/slots?item_code={ITEM}&date={day}").json()[
            "slots"
        ]
        if s["slot_id"].endswith(".pm")
    ]
    person = {"name": "张三", "id_number": ID_NUMBER, "phone": "13800138000"}
    bookings = [
        t.record("appointment", {"slot_id": slot["slot_id"], "item_code": ITEM}, person)
        for _ in range(slot["capacity"] + 2)
    ]
    feedback = t.record("complaint", {"receipt_no": None}, {"text": "路灯坏了"})
    results = push(t, *bookings, feedback)
    outcomes = [r["outcome"] for r in results]
    assert outcomes == ["accepted"] * slot["capacity"] + ["rejected"] * 2 + ["accepted"]
    after = t.get(f"/v1/halls/{t.hall['code']}/slots?item_code={ITEM}&date={day}").json()
    [booked] = [s["booked"] for s in after["slots"] if s["slot_id"] == slot["slot_id"]]
    assert booked == slot["capacity"]


def test_announcements_say_how_much_of_each_attachment_the_platform_holds(
    shared_central: CentralHandle,
):
    t = shared_central.enrol()
    data = os.urandom(3000)
    sha = hashlib.sha256(data).hexdigest()
    untouched = hashlib.sha256(b"not yet sent").hexdigest()
    hdrs = {
        "Upload-Offset": "0",
        "Upload-Length": str(len(data)),
        "Content-Type": "application/offset+octet-stream",
    }
    t.request("PATCH", f"/v1/blobs/{sha}", content=data[:1000], headers=hdrs)
    rec = submission(t)
    ann = {
        "id": rec["id"],
        "kind": "submission",
        "content_hash": rec["content_hash"],
        "size": 4000,
        "item_code": ITEM,
        "attachments": [{"sha256": sha, "size": 3000}, {"sha256": untouched, "size": 1000}],
    }
    [answer] = t.post("/v1/announcements", {"records": [ann]}).json()["results"]
    assert answer["status"] == "new"
    assert answer["attachments"] == [
        {"sha256": sha, "offset": 1000, "complete": False},
        {"sha256": untouched, "offset": 0, "complete": False},
    ]


def test_ids_that_share_their_first_digits_still_get_their_own_case_and_booking(
    shared_central: CentralHandle,
):
    # Two terminals in the same millisecond: a UUIDv7 starts with the time and a counter.
    prefix = "019ab3c4-5d6e-7001-8"
    a, b = shared_central.enrol(), shared_central.enrol()
    [first] = push(a, submission(a, record_id=prefix + "000-000000000001"))
    [second] = push(b, submission(b, record_id=prefix + "000-000000000002"))
    assert first["outcome"] == second["outcome"] == "accepted"
    assert first["case_id"] != second["case_id"]
    slot = f"{a.hall['code']}.{ITEM}.{_next_weekday().isoformat()}.am"
    person = {"name": "张三", "id_number": ID_NUMBER, "phone": "13800138000"}
    bookings = [
        push(t, t.record("appointment", {"slot_id": slot}, person, record_id=prefix + rid))[0]
        for t, rid in ((a, "000-000000000003"), (b, "000-000000000004"))
    ]
    assert [r["outcome"] for r in bookings] == ["accepted", "accepted"]
    assert bookings[0]["booking_no"] != bookings[1]["booking_no"]

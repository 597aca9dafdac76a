"""The reference platform honours the v1 contract: over loopback, against the real server."""

from __future__ import annotations

import hashlib
import os
import threading
from datetime import date, timedelta
from typing import Any

import httpx

from kiosk.contract.records import record_content_hash
from tests.support.central import CentralHandle, TestTerminal

ID_NUMBER = "45112319491231003X"  # valid, ends in X, 富川 region code
ITEM = "000113001000"  # 最低生活保障申请


def submission(t: TestTerminal, record_id: str | None = None, **form_overrides):
    form = {
        "name": "买买提·艾力",
        "id_number": ID_NUMBER,
        "phone": "13800138000",
        "household_size": 3,
        "monthly_income_yuan": 900,
        **form_overrides,
    }
    payload = {
        "applicant": {"name": "买买提·艾力", "id_number": ID_NUMBER},
        "form": form,
        "phone": "13800138000",
        "agent": None,
    }
    return t.record(
        "submission",
        {"item_code": ITEM, "receipt_no": t.receipt_no()},
        payload,
        record_id=record_id,
    )


def push(t: TestTerminal, *records):
    r = t.post("/v1/records", {"records": list(records)})
    assert r.status_code == 200, r.text
    return r.json()["results"]


def test_health_is_open_and_carries_the_server_time(shared_central: CentralHandle):
    r = httpx.get(shared_central.base_url + "/v1/health")
    assert r.json()["status"] == "ok" and int(r.headers["X-Server-Time"]) > 0


def test_an_enrolment_code_works_once(shared_central: CentralHandle):
    code = shared_central.new_enrolment_code()
    body = {"enrolment_code": code, "terminal_public_key": "A" * 43, "software_version": "t"}
    first = httpx.post(shared_central.base_url + "/v1/enrolments", json=body)
    assert first.status_code == 201 and len(first.json()["terminal_id"]) == 5
    body["terminal_public_key"] = "B" * 43
    again = httpx.post(shared_central.base_url + "/v1/enrolments", json=body)
    assert again.status_code == 403 and again.json()["error"]["code"] == "enrolment_code_invalid"
    body["enrolment_code"] = "ZZZZ-ZZZZ"
    assert httpx.post(shared_central.base_url + "/v1/enrolments", json=body).status_code == 403


def test_unsigned_bad_stale_replayed_and_unknown_requests_are_refused(
    shared_central: CentralHandle,
):
    t = shared_central.enrol()
    url = shared_central.base_url + "/v1/catalog"

    def code(headers):
        r = httpx.get(url, headers=headers)
        return r.status_code, r.json()["error"]["code"]

    assert code({}) == (401, "unsigned")
    good = t.signed_headers("GET", "/v1/catalog", b"")
    assert httpx.get(url, headers=good).status_code == 200
    assert code(good) == (401, "replayed")
    bad = {**t.signed_headers("GET", "/v1/catalog", b""), "X-Signature": "A" * 86}
    assert code(bad) == (401, "bad_signature")
    other_path = t.signed_headers("GET", "/v1/notices", b"")
    assert code(other_path) == (401, "bad_signature")
    assert code(t.signed_headers("GET", "/v1/catalog", b"", skew_s=-900)) == (401, "stale_request")
    unknown = {**t.signed_headers("GET", "/v1/catalog", b""), "X-Terminal-Id": "ZZZZZ"}
    assert code(unknown) == (401, "unknown_terminal")


def test_the_catalog_comes_whole_then_by_delta_then_not_at_all(shared_central: CentralHandle):
    t = shared_central.enrol()
    full = t.get("/v1/catalog")
    body = full.json()
    assert body["full"] and len(body["items"]) >= 30 and body["categories"]
    etag, version = full.headers["ETag"], body["version"]
    assert t.get("/v1/catalog", headers={"If-None-Match": etag}).status_code == 304
    item = next(i for i in body["items"] if i["code"] == "000113005000")
    new_version = shared_central.update_item({**item, "promised_limit_days": 5, "version": 2})
    shared_central.remove_item("000131002000")
    delta = t.get(f"/v1/catalog?since={version}").json()
    assert not delta["full"] and delta["version"] == new_version + 1
    assert [i["code"] for i in delta["items"]] == ["000113005000"]
    assert delta["removed"] == ["000131002000"]


def test_a_submission_opens_one_case_and_a_repeat_returns_the_first_result(
    shared_central: CentralHandle,
):
    t = shared_central.enrol()
    rec = submission(t)
    [first] = push(t, rec)
    assert first["outcome"] == "accepted" and first["receipt_no"] == rec["meta"]["receipt_no"]
    [again] = push(t, rec)
    assert again["outcome"] == "duplicate" and again["case_id"] == first["case_id"]
    case = t.get(f"/v1/cases/{first['receipt_no']}").json()
    assert case["status"] == "submitted" and case["item_name"] == "最低生活保障申请"
    mine = t.post("/v1/cases/lookup", {"id_number": ID_NUMBER.lower()}).json()["cases"]
    assert first["receipt_no"] in [c["receipt_no"] for c in mine]


def test_concurrent_duplicates_make_exactly_one_case(shared_central: CentralHandle):
    t = shared_central.enrol()
    rec = submission(t)
    results: list[dict[str, Any]] = []
    start = threading.Barrier(8)

    def send():
        start.wait()
        results.extend(push(t, rec))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    outcomes = sorted(r["outcome"] for r in results)
    assert outcomes == ["accepted"] + ["duplicate"] * 7
    assert len({r["case_id"] for r in results}) == 1


def test_the_same_id_with_other_content_is_a_conflict_not_an_overwrite(
    shared_central: CentralHandle,
):
    t = shared_central.enrol()
    rec = submission(t)
    [first] = push(t, rec)
    changed = submission(t, record_id=rec["id"], household_size=4)
    [conflict] = push(t, changed)
    assert conflict["outcome"] == "conflict"
    assert t.get(f"/v1/cases/{first['receipt_no']}").status_code == 200


def test_bad_records_are_rejected_one_by_one_without_failing_the_batch(
    shared_central: CentralHandle,
):
    t = shared_central.enrol()
    tampered = submission(t)
    tampered["meta"]["item_code"] = "000113002000"
    unopenable = submission(t)
    unopenable["sealed"] = unopenable["sealed"][:-4] + "AAAA"
    unopenable["content_hash"] = record_content_hash(unopenable)
    invalid_form = submission(t, phone="123")
    good = submission(t)
    results = push(t, tampered, unopenable, invalid_form, good, {"id": 5})
    assert [r["outcome"] for r in results] == ["rejected"] * 3 + ["accepted", "rejected"]
    assert "content hash" in results[0]["reason"]
    assert "does not open" in results[1]["reason"]
    assert "phone" in results[2]["reason"] and "123" not in results[2]["reason"]


def test_attachments_resume_from_the_acknowledged_offset_and_are_verified(
    shared_central: CentralHandle,
):
    t = shared_central.enrol()
    data = os.urandom(50_000)
    sha = hashlib.sha256(data).hexdigest()
    rec = submission(t)
    rec["attachments"] = [
        {"sha256": sha, "size": len(data), "name": "p1.jpg", "content_type": "image/jpeg"}
    ]
    rec["content_hash"] = record_content_hash(rec)
    [waiting] = push(t, rec)
    assert waiting["outcome"] == "missing_attachments"

    def patch(offset, chunk, sha_=sha, length=50_000):
        hdrs = {
            "Upload-Offset": str(offset),
            "Upload-Length": str(length),
            "Content-Type": "application/offset+octet-stream",
        }
        return t.request("PATCH", f"/v1/blobs/{sha_}", content=chunk, headers=hdrs)

    assert t.request("HEAD", f"/v1/blobs/{sha}").status_code == 404
    assert patch(0, data[:20_000]).headers["Upload-Offset"] == "20000"
    head = t.request("HEAD", f"/v1/blobs/{sha}")
    assert head.headers["Upload-Offset"] == "20000" and head.headers["Blob-Complete"] == "0"
    wrong = patch(10_000, data[10_000:30_000])
    assert wrong.status_code == 409 and wrong.headers["Upload-Offset"] == "20000"
    assert patch(20_000, data[20_000:]).status_code == 204
    assert t.request("HEAD", f"/v1/blobs/{sha}").headers["Blob-Complete"] == "1"
    [done] = push(t, rec)
    assert done["outcome"] == "accepted"

    liar = hashlib.sha256(b"something else").hexdigest()
    assert patch(0, data[:100], sha_=liar, length=100).status_code == 422
    assert t.request("HEAD", f"/v1/blobs/{liar}").status_code == 404


def test_announcements_say_what_the_platform_already_knows(shared_central: CentralHandle):
    t = shared_central.enrol()
    rec = submission(t)
    ann = {
        "id": rec["id"],
        "kind": "submission",
        "content_hash": rec["content_hash"],
        "size": 100,
        "item_code": ITEM,
        "attachments": [],
    }
    status = lambda a: t.post("/v1/announcements", {"records": [a]}).json()["results"][0]["status"]  # noqa: E731
    assert status(ann) == "new"
    assert status(ann) == "known"
    assert status({**ann, "content_hash": "0" * 64}) == "conflict"
    push(t, rec)
    assert status(ann) == "delivered"


def test_the_back_office_moves_a_case_along_its_timeline(shared_central: CentralHandle):
    t = shared_central.enrol()
    [res] = push(t, submission(t))
    shared_central.advance_case(res["receipt_no"], "accepted", "县民政局", "材料齐全")
    case = shared_central.advance_case(res["receipt_no"], "correction_needed", note="补充收入证明")
    assert [e["status"] for e in case["timeline"]] == ["submitted", "accepted", "correction_needed"]
    assert case["next_action"]
    assert (
        shared_central.admin(
            "POST", f"/v1/admin/cases/{res['receipt_no']}/transitions", {"status": "flying"}
        ).status_code
        == 422
    )
    assert (
        httpx.post(
            shared_central.base_url + f"/v1/admin/cases/{res['receipt_no']}/transitions",
            json={"status": "completed"},
        ).status_code
        == 401
    )


def _next_weekday() -> date:
    day = date.today() + timedelta(days=2)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def test_a_slot_is_never_overbooked_even_under_concurrent_bookings(shared_central: CentralHandle):
    t = shared_central.enrol()
    day = _next_weekday().isoformat()
    slots = t.get(f"/v1/halls/{t.hall['code']}/slots?item_code={ITEM}&date={day}").json()["slots"]
    slot = slots[0]
    assert slot["booked"] == 0 and slot["capacity"] >= 2
    attempts = slot["capacity"] * 3
    records = [
        t.record(
            "appointment",
            {"slot_id": slot["slot_id"], "item_code": ITEM},
            {"name": "张三", "id_number": ID_NUMBER, "phone": "13800138000"},
        )
        for _ in range(attempts)
    ]
    results: list[dict[str, Any]] = []
    start = threading.Barrier(attempts)

    def book(rec):
        start.wait()
        results.extend(push(t, rec))

    threads = [threading.Thread(target=book, args=(r,)) for r in records]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    accepted = [r for r in results if r["outcome"] == "accepted"]
    assert len(accepted) == slot["capacity"]
    assert all("slot_full" in r["reason"] for r in results if r["outcome"] == "rejected")
    [again] = push(t, records[0])  # a repeat of a booking is idempotent
    assert again["outcome"] in ("duplicate", "rejected")
    after = t.get(f"/v1/halls/{t.hall['code']}/slots?item_code={ITEM}&date={day}").json()["slots"]
    assert after[0]["booked"] == slot["capacity"]


def test_heartbeats_are_taken_and_answered_with_commands_and_the_server_time(
    shared_central: CentralHandle,
):
    t = shared_central.enrol()
    reply = t.post("/v1/heartbeats", {"software_version": "0.1.0"}).json()
    assert reply["commands"] == []
    assert isinstance(reply["server_time_ms"], int)


def test_a_payment_order_exists_only_for_a_case_the_platform_holds(shared_central: CentralHandle):
    t = shared_central.enrol()
    missing = t.post("/v1/payments", {"receipt_no": t.receipt_no(), "item_code": "000121005000"})
    assert missing.status_code == 404
    (reply,) = push(t, submission(t))
    free = t.post("/v1/payments", {"receipt_no": reply["receipt_no"], "item_code": ITEM})
    assert free.status_code == 409 and free.json()["error"]["code"] == "no_fee"
    other = t.post("/v1/payments", {"receipt_no": reply["receipt_no"], "item_code": "000121005000"})
    assert other.status_code == 409

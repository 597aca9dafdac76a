"""Record intake: idempotent on the terminal's record id, never a second case.

Every record is handled inside one `BEGIN IMMEDIATE` transaction that starts with the lookup
of its id, so two identical requests arriving at once are serialised: the second finds the
first's row and answers with the first's result.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from central import cases, collections, slots
from central.blobs import SHA_RE, is_complete
from central.context import Platform
from central.errors import Rejected
from kiosk.contract.records import RECORD_KINDS, record_content_hash
from kiosk.contract.sealing import SealError, open_sealed
from kiosk.contract.signing import unb64
from kiosk.domain.forms import validate_form
from kiosk.domain.receipt_numbers import ReceiptNumberError, parse_receipt_number

CHINA = timedelta(hours=8)


def today_in_china(now_ms: int) -> date:
    return (datetime.fromtimestamp(now_ms / 1000, UTC) + CHINA).date()


def _result(rid: str, outcome: str, reason: str = "", **extra: Any) -> dict[str, Any]:
    return {
        "id": rid,
        "outcome": outcome,
        "reason": reason,
        "receipt_no": None,
        "case_id": None,
        "booking_no": None,
        **extra,
    }


def _check_shape(rec: Any) -> str:
    if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
        raise Rejected("a record needs an id")
    try:
        uuid.UUID(rec["id"])
    except ValueError:
        raise Rejected("the record id is not a UUID") from None
    if rec.get("kind") not in RECORD_KINDS:
        raise Rejected("unknown record kind")
    if not isinstance(rec.get("meta"), dict) or not isinstance(rec.get("sealed"), str):
        raise Rejected("a record needs meta and a sealed payload")
    atts = rec.get("attachments", [])
    if not isinstance(atts, list) or not all(
        isinstance(a, dict) and isinstance(a.get("sha256"), str) and SHA_RE.fullmatch(a["sha256"])
        for a in atts
    ):
        raise Rejected("attachments must be listed by their SHA-256")
    if rec.get("content_hash") != record_content_hash(rec):
        raise Rejected("the content hash does not match the record")
    return str(rec["id"])


def _open(p: Platform, rec: dict[str, Any]) -> dict[str, Any]:
    try:
        payload = json.loads(open_sealed(p.keys.seal, unb64(rec["sealed"]), rec["id"].encode()))
    except (SealError, ValueError, UnicodeError):
        raise Rejected("the sealed payload does not open with the platform key") from None
    if not isinstance(payload, dict):
        raise Rejected("the sealed payload is not an object")
    return payload


def _submission(
    p: Platform,
    conn: sqlite3.Connection,
    tid: str,
    rec: dict[str, Any],
    payload: dict[str, Any],
    now_ms: int,
) -> dict[str, Any]:
    meta = rec["meta"]
    item = collections.live_item(p.storage, str(meta.get("item_code", "")))
    if item is None:
        raise Rejected("the service item is unknown or withdrawn")
    try:
        receipt = parse_receipt_number(str(meta.get("receipt_no", "")))
    except ReceiptNumberError:
        raise Rejected("the receipt number is malformed") from None
    if receipt.terminal_id != tid:
        raise Rejected("the receipt number belongs to another terminal")
    form, applicant = payload.get("form"), payload.get("applicant")
    if not isinstance(form, dict) or not isinstance(applicant, dict):
        raise Rejected("a submission carries the form and the applicant")
    errors = validate_form(item["form_schema"], form, today_in_china(now_ms))
    if errors:  # names the fields, never their values
        raise Rejected("form fields invalid: " + ", ".join(e.field for e in errors))
    id_number = applicant.get("id_number")
    if not isinstance(id_number, str) or not id_number:
        raise Rejected("the applicant's ID number is missing")
    receipt_no = str(receipt)
    if conn.execute("SELECT 1 FROM cases WHERE receipt_no = ?", (receipt_no,)).fetchone():
        raise Rejected("this receipt number was already used by another record")
    case_id = cases.open_case(
        conn,
        record_id=rec["id"],
        receipt_no=receipt_no,
        terminal_id=tid,
        item=item,
        id_hmac=p.keys.id_hmac(id_number),
        at_ms=now_ms,
    )
    return _result(rec["id"], "accepted", receipt_no=receipt_no, case_id=case_id)


def accept(p: Platform, tid: str, rec: Any, now_ms: int) -> dict[str, Any]:
    try:
        rid = _check_shape(rec)
    except Rejected as exc:
        bad_id = rec.get("id") if isinstance(rec, dict) else None
        return _result(bad_id if isinstance(bad_id, str) else "", "rejected", str(exc))
    with p.storage.write() as conn:
        row = conn.execute(
            "SELECT content_hash, result FROM records WHERE id = ?", (rid,)
        ).fetchone()
        if row is not None:
            if row["content_hash"] == rec["content_hash"]:
                return {**json.loads(row["result"]), "outcome": "duplicate"}
            conn.execute(
                "INSERT INTO conflicts (id, terminal_id, content_hash, record, at_ms)"
                " VALUES (?, ?, ?, ?, ?)",
                (rid, tid, rec["content_hash"], json.dumps(rec), now_ms),
            )
            return _result(rid, "conflict", "this id was already received with other content")
        missing = [
            a["sha256"]
            for a in rec.get("attachments", [])
            if not is_complete(p.storage, a["sha256"])
        ]
        if missing:
            return _result(rid, "missing_attachments", f"{len(missing)} attachment(s) not uploaded")
        try:
            payload = _open(p, rec)
            if rec["kind"] == "submission":
                result = _submission(p, conn, tid, rec, payload, now_ms)
            elif rec["kind"] == "appointment":
                booking = slots.book(
                    conn,
                    str(rec["meta"].get("slot_id", "")),
                    rid,
                    p.keys.id_hmac(str(payload.get("id_number", ""))),
                    now_ms,
                )
                result = _result(rid, "accepted", booking_no=booking)
            else:
                conn.execute(
                    "INSERT INTO feedback VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        rid,
                        rec["kind"],
                        tid,
                        rec["meta"].get("receipt_no"),
                        json.dumps(rec["meta"]),
                        rec["sealed"],
                        now_ms,
                    ),
                )
                result = _result(rid, "accepted", receipt_no=rec["meta"].get("receipt_no"))
        except Rejected as exc:
            return _result(rid, "rejected", str(exc))
        conn.execute(
            "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                rid,
                tid,
                rec["kind"],
                rec["content_hash"],
                json.dumps(rec),
                json.dumps(result),
                now_ms,
            ),
        )
    return result


def announce(p: Platform, tid: str, ann: dict[str, Any], now_ms: int) -> dict[str, str]:
    rid = ann["id"]
    done = p.storage.one("SELECT content_hash FROM records WHERE id = ?", rid)
    if done is not None:
        return {
            "id": rid,
            "status": "delivered" if done["content_hash"] == ann["content_hash"] else "conflict",
        }
    with p.storage.write() as conn:
        row = conn.execute("SELECT content_hash FROM announcements WHERE id = ?", (rid,)).fetchone()
        if row is not None:
            return {
                "id": rid,
                "status": "known" if row["content_hash"] == ann["content_hash"] else "conflict",
            }
        conn.execute(
            "INSERT INTO announcements VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rid,
                tid,
                ann["kind"],
                ann["content_hash"],
                ann["size"],
                ann.get("item_code"),
                json.dumps(ann.get("attachments", [])),
                now_ms,
            ),
        )
    return {"id": rid, "status": "new"}

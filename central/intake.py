"""Record intake: idempotent on the terminal's record id, never a second case.

A batch is handled in two steps. First, outside the write lock, each record is checked on its
own (shape, content hash, unsealing, form): pure work that needs no lock. Then the whole batch
is stored in one `BEGIN IMMEDIATE` transaction (one commit, one fsync): each record starts with
the lookup of its id, so two identical batches arriving at once are serialised and the second
answers with the first's results. Each record's writes run under a savepoint of their own, so
a bad record gets its own `rejected` result and never fails the batch.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from central import cases, collections, operators, slots
from central.blobs import SHA_RE
from central.context import Platform
from central.errors import Rejected
from kiosk.contract.records import RECORD_KINDS, record_content_hash
from kiosk.contract.sealing import SealError, open_sealed
from kiosk.contract.signing import unb64
from kiosk.domain.forms import validate_form
from kiosk.domain.identity import mask_name
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


def rejected(rid: str, reason: str) -> dict[str, Any]:
    """A `rejected` result in the shape every record result has (central/bundles.py)."""
    return _result(rid, "rejected", reason)


@dataclass
class _Checked:
    """A well-formed record after the checks that need no lock. `rejected` is why the record
    itself is unacceptable; it is answered only once the record is known to be neither a
    duplicate nor waiting for its attachments, as if checked inside the transaction."""

    rec: dict[str, Any]
    rejected: str = ""
    item: dict[str, Any] = field(default_factory=dict)
    receipt_no: str = ""
    id_hmac: str = ""
    agent_id: str = ""  # the proxy agent who took the submission, if any
    masked_name: str = ""  # the applicant's, for that agent's worklist

    @property
    def rid(self) -> str:
        return str(self.rec["id"])


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


def _check_submission(
    p: Platform,
    tid: str,
    checked: _Checked,
    payload: dict[str, Any],
    items: dict[str, dict[str, Any] | None],
    now_ms: int,
) -> None:
    meta = checked.rec["meta"]
    code = str(meta.get("item_code", ""))
    if code not in items:  # one catalog read per item code and batch
        items[code] = collections.live_item(p.storage, code)
    item = items[code]
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
    checked.item, checked.receipt_no = item, str(receipt)
    checked.id_hmac = p.keys.id_hmac(id_number)
    agent_id = meta.get("agent_id")
    if isinstance(agent_id, str) and agent_id:
        checked.agent_id = agent_id[:20]
        checked.masked_name = mask_name(str(applicant.get("name") or ""))


def _check(
    p: Platform, tid: str, rec: Any, items: dict[str, dict[str, Any] | None], now_ms: int
) -> _Checked | dict[str, Any]:
    """Outside the write lock. A malformed record is answered at once (a result dict)."""
    try:
        _check_shape(rec)
    except Rejected as exc:
        bad_id = rec.get("id") if isinstance(rec, dict) else None
        return _result(bad_id if isinstance(bad_id, str) else "", "rejected", str(exc))
    checked = _Checked(rec)
    try:
        payload = _open(p, rec)
        if rec["kind"] == "submission":
            _check_submission(p, tid, checked, payload, items, now_ms)
        elif rec["kind"] == "appointment":
            checked.id_hmac = p.keys.id_hmac(str(payload.get("id_number", "")))
    except Rejected as exc:
        checked.rejected = str(exc)
    return checked


def _write(conn: sqlite3.Connection, tid: str, c: _Checked, now_ms: int) -> dict[str, Any]:
    """The record's own writes, inside the batch's transaction. Raises Rejected."""
    rec, rid = c.rec, c.rid
    if rec["kind"] == "submission":
        if conn.execute("SELECT 1 FROM cases WHERE receipt_no = ?", (c.receipt_no,)).fetchone():
            raise Rejected("this receipt number was already used by another record")
        case_id = cases.open_case(
            conn,
            record_id=rid,
            receipt_no=c.receipt_no,
            terminal_id=tid,
            item=c.item,
            id_hmac=c.id_hmac,
            at_ms=now_ms,
        )
        if c.agent_id:
            operators.note_agent_case(conn, case_id, c.agent_id, c.masked_name, now_ms)
        return _result(rid, "accepted", receipt_no=c.receipt_no, case_id=case_id)
    if rec["kind"] == "appointment":
        sid = str(rec["meta"].get("slot_id", ""))
        booking = slots.book(conn, sid, rid, c.id_hmac, now_ms)
        return _result(rid, "accepted", booking_no=booking)
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
    return _result(rid, "accepted", receipt_no=rec["meta"].get("receipt_no"))


def _store(conn: sqlite3.Connection, tid: str, c: _Checked, now_ms: int) -> dict[str, Any]:
    rid, rec = c.rid, c.rec
    row = conn.execute("SELECT content_hash, result FROM records WHERE id = ?", (rid,)).fetchone()
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
        if not conn.execute(
            "SELECT 1 FROM blobs WHERE sha256 = ? AND complete", (a["sha256"],)
        ).fetchone()
    ]
    if missing:
        return _result(rid, "missing_attachments", f"{len(missing)} attachment(s) not uploaded")
    if c.rejected:
        return _result(rid, "rejected", c.rejected)
    conn.execute("SAVEPOINT record")
    try:
        result = _write(conn, tid, c, now_ms)
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
    except (Rejected, sqlite3.IntegrityError) as exc:
        # Only this record's writes are undone; the batch goes on.
        conn.execute("ROLLBACK TO record")
        conn.execute("RELEASE record")
        reason = str(exc) if isinstance(exc, Rejected) else "the record clashes with stored data"
        return _result(rid, "rejected", reason)
    conn.execute("RELEASE record")
    return result


def accept(p: Platform, tid: str, records: list[Any], now_ms: int) -> list[dict[str, Any]]:
    """One result per record, in order. The batch is one transaction: either all its results
    are stored or (on a platform failure, a 5xx) none, and the terminal sends it again."""
    items: dict[str, dict[str, Any] | None] = {}
    checked = [_check(p, tid, rec, items, now_ms) for rec in records]
    with p.storage.write() as conn:
        return [c if isinstance(c, dict) else _store(conn, tid, c, now_ms) for c in checked]


def _blob_states(conn: sqlite3.Connection, ann: dict[str, Any]) -> list[dict[str, Any]]:
    """What the platform holds of each attachment, so the terminal needs no HEAD per blob."""
    states = []
    for att in ann.get("attachments", []):
        row = conn.execute(
            "SELECT offset, complete FROM blobs WHERE sha256 = ?", (att["sha256"],)
        ).fetchone()
        states.append(
            {
                "sha256": att["sha256"],
                "offset": 0 if row is None else int(row["offset"]),
                "complete": row is not None and bool(row["complete"]),
            }
        )
    return states


def _announce_one(
    conn: sqlite3.Connection, tid: str, ann: dict[str, Any], now_ms: int
) -> dict[str, Any]:
    rid = ann["id"]
    done = conn.execute("SELECT content_hash FROM records WHERE id = ?", (rid,)).fetchone()
    if done is not None:
        same = done["content_hash"] == ann["content_hash"]
        return {"id": rid, "status": "delivered" if same else "conflict"}
    row = conn.execute("SELECT content_hash FROM announcements WHERE id = ?", (rid,)).fetchone()
    if row is not None:
        same = row["content_hash"] == ann["content_hash"]
        return {"id": rid, "status": "known" if same else "conflict"}
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


def announce(
    p: Platform, tid: str, anns: list[dict[str, Any]], now_ms: int
) -> list[dict[str, Any]]:
    """One transaction for the batch; each result also says how much of each attachment the
    platform already holds (`attachments`: sha256, offset, complete)."""
    with p.storage.write() as conn:
        return [
            {**_announce_one(conn, tid, ann, now_ms), "attachments": _blob_states(conn, ann)}
            for ann in anns
        ]

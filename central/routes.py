"""The v1 routes a terminal calls. Handlers are plain functions (FastAPI runs them in its
thread pool), so SQLite work never blocks the event loop."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query, Request, Response
from pydantic import BaseModel, Field

from central import blobs, cases, collections, intake, payments, slots
from central.context import Platform, platform, terminal_id
from central.errors import ApiError
from kiosk.contract.records import MAX_BATCH
from kiosk.contract.signing import unb64
from kiosk.domain.receipt_numbers import ALPHABET

router = APIRouter(prefix="/v1")
MAX_INT = 2**53  # every integer fits SQLite and JSON numbers exactly


class EnrolmentIn(BaseModel):
    enrolment_code: str = Field(max_length=32)
    terminal_public_key: str = Field(max_length=64)
    software_version: str = Field(max_length=40)


class AttachmentRef(BaseModel):
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0, le=MAX_INT)


class AnnouncementIn(BaseModel):
    id: str = Field(max_length=64)
    kind: str = Field(max_length=20)
    content_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int = Field(ge=0, le=MAX_INT)
    item_code: str | None = Field(default=None, max_length=40)
    attachments: list[AttachmentRef] = Field(default_factory=list, max_length=50)


class AnnouncementsIn(BaseModel):
    records: list[AnnouncementIn] = Field(max_length=MAX_BATCH)


class RecordsIn(BaseModel):
    # Each record is checked by intake (shape, hash, seal) so one bad record never fails the
    # batch: it gets its own `rejected` result and the others go through.
    records: list[dict[str, Any]] = Field(max_length=MAX_BATCH)


class PaymentIn(BaseModel):
    receipt_no: str = Field(min_length=1, max_length=40)
    item_code: str = Field(min_length=1, max_length=40)


class LookupIn(BaseModel):
    id_number: str = Field(min_length=1, max_length=32)


def _terminal(request: Request) -> tuple[Platform, str]:
    return platform(request), terminal_id(request)


@router.get("/health")
def health() -> dict[str, Any]:
    return {"status": "ok", "api_version": "v1", "server_time_ms": Platform.now_ms()}


@router.post("/enrolments", status_code=201)
def enrol(body: EnrolmentIn, request: Request) -> dict[str, Any]:
    p = platform(request)
    try:
        key = unb64(body.terminal_public_key)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise ApiError(422, "invalid_request", "terminal_public_key must be a raw Ed25519 key")
    now = p.now_ms()
    with p.storage.write() as conn:
        code = conn.execute(
            "SELECT hall_code FROM enrolment_codes WHERE code = ? AND used_at_ms IS NULL"
            " AND expires_at_ms > ?",
            (body.enrolment_code.strip().upper(), now),
        ).fetchone()
        if code is None:
            raise ApiError(403, "enrolment_code_invalid", "the enrolment code is unknown or used")
        if conn.execute("SELECT 1 FROM terminals WHERE public_key = ?", (key,)).fetchone():
            raise ApiError(409, "key_already_enrolled", "this key belongs to another terminal")
        while True:
            tid = "".join(secrets.choice(ALPHABET) for _ in range(5))
            if not conn.execute("SELECT 1 FROM terminals WHERE terminal_id = ?", (tid,)).fetchone():
                break
        conn.execute(
            "INSERT INTO terminals VALUES (?, ?, ?, ?, ?, NULL)",
            (tid, key, code["hall_code"], body.software_version, now),
        )
        conn.execute(
            "UPDATE enrolment_codes SET used_at_ms = ?, terminal_id = ? WHERE code = ?",
            (now, tid, body.enrolment_code.strip().upper()),
        )
        hall = conn.execute("SELECT * FROM halls WHERE code = ?", (code["hall_code"],)).fetchone()
    return {
        "terminal_id": tid,
        "hall": {k: hall[k] for k in ("code", "name", "township", "county", "phone")},
        "platform_seal_public_key": p.keys.seal_public_b64,
        "platform_signing_public_key": p.keys.signing_public_b64,
    }


def _collection(
    name: str, request: Request, response: Response, since: int, if_none_match: str | None
) -> Any:
    p, _ = _terminal(request)
    etag = f'"{name}-{collections.version(p.storage, name)}"'
    if if_none_match == etag:
        return Response(status_code=304, headers={"ETag": etag})
    response.headers["ETag"] = etag
    return collections.delta(p.storage, name, since)


@router.get("/catalog")
def catalog(
    request: Request,
    response: Response,
    since: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Any:
    return _collection("catalog", request, response, since, if_none_match)


@router.get("/notices")
def notices(
    request: Request,
    response: Response,
    since: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Any:
    return _collection("notices", request, response, since, if_none_match)


@router.post("/announcements")
def announce(body: AnnouncementsIn, request: Request) -> dict[str, Any]:
    p, tid = _terminal(request)
    now = p.now_ms()
    return {"results": intake.announce(p, tid, [a.model_dump() for a in body.records], now)}


@router.post("/records")
def records(body: RecordsIn, request: Request) -> dict[str, Any]:
    p, tid = _terminal(request)
    return {"results": intake.accept(p, tid, body.records, p.now_ms())}


class RelayedIn(BaseModel):
    # Another terminal's records from a USB stick bundle, each with that terminal's signature.
    terminal_id: str = Field(max_length=20)
    records: list[dict[str, Any]] = Field(max_length=MAX_BATCH)


@router.post("/relayed-records")
def relayed_records(body: RelayedIn, request: Request) -> dict[str, Any]:
    from central.bundles import BundleRefused, relay

    p, tid = _terminal(request)
    try:
        results = relay(p, tid, body.terminal_id, body.records, p.now_ms())
    except BundleRefused as exc:
        raise ApiError(422, "relay_refused", str(exc)) from None
    return {"results": results}


@router.head("/blobs/{sha256}")
def blob_state(sha256: str, request: Request) -> Response:
    p, _ = _terminal(request)
    blobs.check_sha(sha256)
    s = blobs.state(p.storage, sha256)
    if s is None:
        raise ApiError(404, "not_found", "no part of this blob has arrived")
    return Response(
        headers={
            "Upload-Offset": str(s[1]),
            "Upload-Length": str(s[0]),
            "Blob-Complete": "1" if s[2] else "0",
        }
    )


@router.patch("/blobs/{sha256}", status_code=204)
async def blob_append(
    sha256: str,
    request: Request,
    upload_offset: Annotated[int, Header(ge=0)],
    upload_length: Annotated[int, Header(ge=1)],
) -> Response:
    from starlette.concurrency import run_in_threadpool

    p, _ = _terminal(request)
    chunk = await request.body()
    new = await run_in_threadpool(
        blobs.append,
        p.storage,
        p.data_dir / "blobs",
        sha256,
        upload_offset,
        upload_length,
        chunk,
        p.now_ms(),
    )
    return Response(status_code=204, headers={"Upload-Offset": str(new)})


@router.get("/cases")
def cases_changed(
    request: Request, since: Annotated[str, Query(max_length=60)] = ""
) -> dict[str, Any]:
    """This terminal's cases changed since the cursor (the status pull by delta)."""
    p, tid = _terminal(request)
    return cases.changed_since(p.storage, tid, since)


@router.get("/cases/{receipt_no}")
def case(receipt_no: str, request: Request) -> dict[str, Any]:
    p, _ = _terminal(request)
    return cases.by_receipt(p.storage, receipt_no)


@router.post("/payments", status_code=201)
def payment(body: PaymentIn, request: Request) -> dict[str, Any]:
    p, tid = _terminal(request)
    return payments.create_order(p.storage, tid, body.receipt_no, body.item_code)


@router.post("/cases/lookup")
def lookup(body: LookupIn, request: Request) -> dict[str, Any]:
    p, _ = _terminal(request)
    return {"cases": cases.by_person(p.storage, p.keys.id_hmac(body.id_number))}


@router.get("/halls/{hall_code}/slots")
def hall_slots(
    hall_code: str,
    request: Request,
    item_code: Annotated[str, Query(max_length=40)],
    date_: Annotated[date, Query(alias="date")],
) -> dict[str, Any]:
    p, _ = _terminal(request)
    if p.storage.one("SELECT 1 FROM halls WHERE code = ?", hall_code) is None:
        raise ApiError(404, "not_found", "no such hall")
    if collections.live_item(p.storage, item_code) is None:
        raise ApiError(404, "not_found", "no such service item")
    today = intake.today_in_china(p.now_ms())
    return {"slots": slots.list_slots(p.storage, hall_code, item_code, date_, today)}

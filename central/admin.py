"""The back office: enrolment codes, catalog edits, moving cases along. Bearer-token protected;
the same functions serve the CLI (`python -m central ...`)."""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel, Field

from central import cases, collections
from central.context import Platform, platform, require_admin
from central.errors import ApiError
from central.storage import Storage
from kiosk.domain.receipt_numbers import ALPHABET

router = APIRouter(prefix="/v1/admin", dependencies=[Depends(require_admin)])
CODE_TTL_MS = 7 * 24 * 3600 * 1000


def new_enrolment_code(storage: Storage, hall_code: str, now_ms: int) -> str:
    if storage.one("SELECT 1 FROM halls WHERE code = ?", hall_code) is None:
        raise ApiError(404, "not_found", "no such hall")
    raw = "".join(secrets.choice(ALPHABET) for _ in range(8))
    code = f"{raw[:4]}-{raw[4:]}"
    with storage.write() as conn:
        conn.execute(
            "INSERT INTO enrolment_codes VALUES (?, ?, ?, NULL, NULL)",
            (code, hall_code, now_ms + CODE_TTL_MS),
        )
    return code


class CodeIn(BaseModel):
    hall_code: str = Field(max_length=20)


class TransitionIn(BaseModel):
    status: str = Field(max_length=30)
    department: str = Field(default="", max_length=60)
    note: str = Field(default="", max_length=300)


Collection = Annotated[str, Path(pattern="^(catalog|notices)$")]


@router.post("/enrolment-codes", status_code=201)
def enrolment_code(body: CodeIn, request: Request) -> dict[str, str]:
    p = platform(request)
    return {"enrolment_code": new_enrolment_code(p.storage, body.hall_code, p.now_ms())}


@router.put("/{collection}/{code}")
def put_entry(
    collection: Collection, code: str, body: dict[str, Any], request: Request
) -> dict[str, int]:
    return {"version": collections.upsert(platform(request).storage, collection, code, body)}


@router.delete("/{collection}/{code}")
def delete_entry(collection: Collection, code: str, request: Request) -> dict[str, int]:
    return {"version": collections.remove(platform(request).storage, collection, code)}


@router.post("/cases/{receipt_no}/transitions")
def transition(receipt_no: str, body: TransitionIn, request: Request) -> dict[str, Any]:
    p = platform(request)
    return cases.transition(
        p.storage, receipt_no, body.status, body.department, body.note, Platform.now_ms()
    )

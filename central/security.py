"""Request signing, body limits and X-Server-Time, as one pure ASGI middleware.

It runs before routing and body parsing, so an unsigned or replayed request never reaches a
handler (and never gets a 422 for its body first). The body is read once, verified, and
replayed to the app unchanged.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from central.context import Platform
from central.errors import ApiError, error_response
from kiosk.contract import signing
from kiosk.contract.records import canonical_json

MAX_BODY = 8 * 1024 * 1024
UNSIGNED_PATHS = {"/v1/health", "/v1/enrolments"}
NONCE_RE = re.compile(r"[0-9a-f]{32}")
TIMESTAMP_RE = re.compile(r"[0-9]{1,12}")


def _needs_signature(path: str) -> bool:
    return (
        path.startswith("/v1/") and path not in UNSIGNED_PATHS and not path.startswith("/v1/admin/")
    )


def _check_json(headers: Headers, body: bytes) -> None:
    """Refuse JSON that cannot be stored: lone surrogates (\\ud800), absurd nesting."""
    if not body or "json" not in headers.get("content-type", ""):
        return
    try:
        canonical_json(json.loads(body))
    except (UnicodeError, RecursionError) as exc:
        raise ApiError(422, "invalid_request", "the JSON body cannot be processed") from exc
    except ValueError:
        return  # plainly invalid JSON: the route's validation answers it in the usual shape


def authenticate(p: Platform, method: str, path: str, headers: Headers, body: bytes) -> str:
    """Verify the signature headers; returns the terminal id or raises a 401 ApiError."""
    tid = headers.get(signing.HEADER_TERMINAL)
    ts_text = headers.get(signing.HEADER_TIMESTAMP)
    nonce = headers.get(signing.HEADER_NONCE)
    sig = headers.get(signing.HEADER_SIGNATURE)
    if not (tid and ts_text and nonce and sig):
        raise ApiError(401, "unsigned", "this request must be signed by an enrolled terminal")
    row = p.storage.one("SELECT public_key FROM terminals WHERE terminal_id = ?", tid)
    if row is None:
        raise ApiError(401, "unknown_terminal", "this terminal is not enrolled")
    if not TIMESTAMP_RE.fullmatch(ts_text) or not NONCE_RE.fullmatch(nonce):
        raise ApiError(401, "bad_signature", "malformed timestamp or nonce")
    now_ms = p.now_ms()
    if abs(int(ts_text) - now_ms // 1000) > signing.MAX_SKEW_S:
        raise ApiError(401, "stale_request", "the request's timestamp is too far from ours")
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    pub = Ed25519PublicKey.from_public_bytes(bytes(row["public_key"]))
    if not signing.verify_request(pub, method, path, body, int(ts_text), nonce, sig):
        raise ApiError(401, "bad_signature", "the signature does not verify")
    # The nonce is kept twice the skew window: any request older than that is already stale.
    expires = now_ms + 2 * signing.MAX_SKEW_S * 1000
    with p.storage.write() as conn:
        try:
            conn.execute("INSERT INTO nonces VALUES (?, ?, ?)", (tid, nonce, expires))
        except sqlite3.IntegrityError:
            raise ApiError(401, "replayed", "this request was already received") from None
        conn.execute("DELETE FROM nonces WHERE expires_at_ms < ?", (now_ms,))
        conn.execute("UPDATE terminals SET last_seen_ms = ? WHERE terminal_id = ?", (now_ms, tid))
    return tid


class SigningMiddleware:
    def __init__(self, app: ASGIApp, platform: Platform) -> None:
        self.app = app
        self.platform = platform

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_time(message: Message) -> None:
            if message["type"] == "http.response.start":
                stamp = str(Platform.now_ms()).encode()
                message["headers"] = [
                    *message.get("headers", []),
                    (signing.HEADER_SERVER_TIME.lower().encode(), stamp),
                ]
            await send(message)

        try:
            body = await _read_body(receive)
            headers = Headers(scope=scope)
            _check_json(headers, body)
            if _needs_signature(scope["path"]):
                raw: bytes = scope.get("raw_path") or scope["path"].encode()
                path = raw.decode("latin-1")
                if scope.get("query_string"):
                    path += "?" + scope["query_string"].decode("latin-1")
                tid = await run_in_threadpool(
                    authenticate, self.platform, scope["method"], path, headers, body
                )
                scope.setdefault("state", {})["terminal_id"] = tid
        except ApiError as exc:
            response = error_response(exc.status, exc.code, exc.message, exc.headers)
            await response(scope, receive, send_with_time)
            return

        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send_with_time)


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message: dict[str, Any] = dict(await receive())
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            raise ApiError(413, "too_large", f"the body exceeds {MAX_BODY} bytes")
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)

"""The terminal's HTTP client for the v1 contract (docs/sync-protocol.md).

One `requests.Session` (keep-alive), connect and read timeouts on every call, TLS verified
(optionally against a pinned CA file), every request after enrolment signed. It is a plain
transport: no retry loops here; the sync engine decides when to try again. Every failure
becomes a PlatformError subclass; no requests exception escapes. Thread: any worker thread,
one call at a time per client.
"""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

import requests
import urllib3
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.contract.records import canonical_json
from kiosk.contract.signing import HEADER_SERVER_TIME, sign_request
from kiosk.errors import PlatformError

MAX_REPLY_BYTES = 16 * 1024 * 1024


def retry_after_s(value: str, now: float) -> float | None:
    """Retry-After in seconds: given as seconds, or as an HTTP date (RFC 9110), which some
    gateways send; None when absent or unreadable (the backoff alone decides then)."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


class PlatformUnreachable(PlatformError):
    message_key = "platform.unreachable"


class PlatformRefused(PlatformError):
    """A 4xx with the contract's error code (e.g. bad_signature, enrolment_code_invalid)."""

    message_key = "platform.refused"

    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status, self.code = status, code
        self.resume_offset: int | None = None


class PlatformBusy(PlatformError):
    """5xx or 429: try later, after `retry_after_s` when the platform said so."""

    message_key = "platform.busy"

    def __init__(self, status: int, retry_after_s: float | None) -> None:
        super().__init__(f"platform answered {status}")
        self.status, self.retry_after_s = status, retry_after_s


class PlatformGarbage(PlatformError):
    """The reply is not what the contract says (HTML, not JSON, oversized)."""

    message_key = "platform.garbage"


@dataclass
class Signer:
    terminal_id: str
    key: Ed25519PrivateKey


class PlatformClient:
    def __init__(
        self, base_url: str, connect_timeout_s: float, read_timeout_s: float, ca_file: str = ""
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = (connect_timeout_s, read_timeout_s)
        self.session = requests.Session()
        self.session.verify = ca_file or True
        self.signer: Signer | None = None
        self.clock_offset_ms = 0  # platform clock minus ours, from the last reply
        # Called after every exchange, answered or failed: the sync service's liveness.
        self.on_exchange: Callable[[], object] = lambda: None

    def close(self) -> None:
        self.session.close()

    def _send(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        signed: bool = True,
    ) -> requests.Response:
        data = b"" if body is None else canonical_json(body)
        hdrs = {"Content-Type": "application/json"} if body is not None else {}
        hdrs.update(headers or {})
        return self._send_raw(method, path, data, hdrs, signed)

    def _send_raw(
        self, method: str, path: str, data: bytes, hdrs: dict[str, str], signed: bool = True
    ) -> requests.Response:
        if signed and self.signer is not None:
            ts = int(time.time() + self.clock_offset_ms / 1000)
            hdrs.update(
                sign_request(
                    self.signer.key, self.signer.terminal_id, method, path, data, ts
                ).as_dict()
            )
        try:
            reply = self.session.request(
                method,
                self.base_url + path,
                data=data,
                headers=hdrs,
                timeout=self.timeout,
                stream=True,
                # Given per request: requests lets REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE in the
                # environment override a session's verify, i.e. the pinned CA (psf/requests#3829).
                verify=self.session.verify,
            )
            content = reply.raw.read(MAX_REPLY_BYTES + 1, decode_content=True)
        # Reading the body straight from urllib3: a reset mid-body is urllib3's own error.
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            raise PlatformUnreachable(type(exc).__name__) from None
        finally:
            self.on_exchange()
        reply._content = content  # body read under a size cap, then used as usual
        if len(content) > MAX_REPLY_BYTES:
            raise PlatformGarbage("reply too large")
        server_ms = reply.headers.get(HEADER_SERVER_TIME, "")
        if server_ms.isdigit():
            self.clock_offset_ms = int(server_ms) - int(time.time() * 1000)
        if reply.status_code == 429 or reply.status_code >= 500:
            after = retry_after_s(reply.headers.get("Retry-After", ""), time.time())
            raise PlatformBusy(reply.status_code, after)
        if reply.status_code >= 400:
            code, message = "unknown", ""
            if method == "HEAD":  # a HEAD reply has no body to carry the error
                raise PlatformRefused(reply.status_code, f"http_{reply.status_code}", "")
            try:
                err = reply.json()["error"]
                code, message = str(err["code"]), str(err["message"])
            except (ValueError, KeyError, TypeError):
                raise PlatformGarbage(f"{reply.status_code} without the contract's error") from None
            refused = PlatformRefused(reply.status_code, code, message)
            offset = reply.headers.get("Upload-Offset", "")
            refused.resume_offset = int(offset) if offset.isdigit() else None
            raise refused
        return reply

    def _json(self, reply: requests.Response) -> dict[str, Any]:
        try:
            data = reply.json()
        except (ValueError, json.JSONDecodeError):
            raise PlatformGarbage("reply is not JSON") from None
        if not isinstance(data, dict):
            raise PlatformGarbage("reply is not a JSON object")
        return data

    def health(self) -> dict[str, Any]:
        return self._json(self._send("GET", "/v1/health", signed=False))

    def enrol(self, code: str, public_key_b64: str, software_version: str) -> dict[str, Any]:
        body = {
            "enrolment_code": code,
            "terminal_public_key": public_key_b64,
            "software_version": software_version,
        }
        return self._json(self._send("POST", "/v1/enrolments", body, signed=False))

    def fetch_catalog(self, since: int, etag: str | None) -> dict[str, Any] | None:
        """The delta since `since`, or None when the platform says nothing changed (304)."""
        return self._fetch_collection("catalog", since, etag)

    def fetch_notices(self, since: int, etag: str | None) -> dict[str, Any] | None:
        return self._fetch_collection("notices", since, etag)

    def _fetch_collection(self, name: str, since: int, etag: str | None) -> dict[str, Any] | None:
        reply = self._send(
            "GET", f"/v1/{name}?since={since}", headers={"If-None-Match": etag} if etag else None
        )
        if reply.status_code == 304:
            return None
        return {**self._json(reply), "etag": reply.headers.get("ETag")}

    def push_records(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return self.push_encoded([canonical_json(r) for r in records])

    def push_encoded(self, records: list[bytes]) -> list[dict[str, Any]]:
        """Records already in canonical JSON (the sync engine encodes each once, to size its
        pushes): the body is exactly the canonical JSON of `{"records": [...]}`."""
        body = b'{"records":[' + b",".join(records) + b"]}"
        hdrs = {"Content-Type": "application/json"}
        results = self._json(self._send_raw("POST", "/v1/records", body, hdrs)).get("results")
        if not isinstance(results, list) or len(results) != len(records):
            raise PlatformGarbage("records reply does not answer every record")
        return results

    def relay_records(self, terminal_id: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Another terminal's records from a USB stick bundle ({record, signature} each)."""
        body = {"terminal_id": terminal_id, "records": items}
        results = self._json(self._send("POST", "/v1/relayed-records", body)).get("results")
        if not isinstance(results, list) or len(results) != len(items):
            raise PlatformGarbage("relay reply does not answer every record")
        return results

    def announce(self, announcements: list[dict[str, Any]]) -> list[dict[str, Any]]:
        reply = self._json(self._send("POST", "/v1/announcements", {"records": announcements}))
        results = reply.get("results")
        if not isinstance(results, list):
            raise PlatformGarbage("announcements reply has no results")
        return results

    def blob_offset(self, sha256: str) -> tuple[int, bool]:
        """How much of a blob the platform holds: (offset, complete); (0, False) if none."""
        try:
            reply = self._send("HEAD", f"/v1/blobs/{sha256}")
        except PlatformRefused as exc:
            if exc.status == 404:
                return 0, False
            raise
        offset = reply.headers.get("Upload-Offset", "")
        if not offset.isdigit():
            raise PlatformGarbage("blob state without Upload-Offset")
        return int(offset), reply.headers.get("Blob-Complete") == "1"

    def blob_append(self, sha256: str, offset: int, length: int, chunk: bytes) -> int:
        """Sends one chunk; returns the platform's new offset (also after a 409 offset
        mismatch, which just tells where to resume)."""
        headers = {
            "Upload-Offset": str(offset),
            "Upload-Length": str(length),
            "Content-Type": "application/offset+octet-stream",
        }
        try:
            reply = self._send_raw("PATCH", f"/v1/blobs/{sha256}", chunk, headers)
        except PlatformRefused as exc:
            if exc.status == 409 and exc.resume_offset is not None:
                return exc.resume_offset
            raise
        new = reply.headers.get("Upload-Offset", "")
        if not new.isdigit():
            raise PlatformGarbage("blob append without Upload-Offset")
        return int(new)

    def agent_cases(self, operator_id: str) -> dict[str, Any]:
        """The cases a proxy agent of this hall handled (their worklist)."""
        return self._json(self._send("GET", f"/v1/operators/{quote(operator_id, safe='')}/cases"))

    def fetch_operators(self) -> dict[str, Any]:
        """The proxy agents and technicians who may act at this terminal's hall."""
        return self._json(self._send("GET", "/v1/operators"))

    def cases_changed(self, since: str) -> dict[str, Any]:
        """This terminal's cases changed after the cursor ("" for all), a page at a time:
        {"cases": [...], "next": cursor, "more": bool}."""
        reply = self._json(self._send("GET", f"/v1/cases?since={quote(since, safe='')}"))
        cases, cursor, more = reply.get("cases"), reply.get("next"), reply.get("more")
        if not (isinstance(cases, list) and isinstance(cursor, str) and isinstance(more, bool)):
            raise PlatformGarbage("case changes reply is not cases, next and more")
        return reply

    def case_by_receipt(self, receipt_no: str) -> dict[str, Any]:
        """Raises PlatformRefused with status 404 when the platform has no such case."""
        return self._json(self._send("GET", f"/v1/cases/{quote(receipt_no, safe='')}"))

    def cases_by_id_number(self, id_number: str) -> list[dict[str, Any]]:
        """A POST, so the ID number never appears in a URL or an access log."""
        cases = self._json(self._send("POST", "/v1/cases/lookup", {"id_number": id_number}))
        found = cases.get("cases")
        if not isinstance(found, list) or not all(isinstance(c, dict) for c in found):
            raise PlatformGarbage("case lookup reply has no list of cases")
        return found

    def create_payment(self, receipt_no: str, item_code: str) -> dict[str, Any]:
        """A payment order for the fee of a case the platform holds (PlatformRefused 404 when
        it does not hold it yet)."""
        body = {"receipt_no": receipt_no, "item_code": item_code}
        return self._json(self._send("POST", "/v1/payments", body))

    def send_heartbeat(self, payload: Mapping[str, Any]) -> dict[str, Any]:
        """The terminal's health; the reply carries signed commands (checked by the caller)."""
        reply = self._json(self._send("POST", "/v1/heartbeats", dict(payload)))
        if not isinstance(reply.get("commands", []), list):
            raise PlatformGarbage("heartbeat reply's commands is not a list")
        return reply

    def upload_log(self, command_id: str, name: str, gzipped: bytes) -> None:
        """One log file, gzip-compressed, for an `upload_logs` command."""
        headers = {"Content-Type": "application/gzip"}
        self._send_raw("PUT", f"/v1/logs/{command_id}/{name}", gzipped, headers)

    # --- the hall's desk (docs/sync-protocol.md, "Appointments" and "Queue tickets") ---------

    def halls(self) -> dict[str, Any]:
        return self._json(self._send("GET", "/v1/halls"))

    def hall_slots(self, hall_code: str, item_code: str, day: str) -> dict[str, Any]:
        query = urlencode({"item_code": item_code, "date": day})
        return self._json(self._send("GET", f"/v1/halls/{quote(hall_code, safe='')}/slots?{query}"))

    def hall_ticket(self, hall_code: str, kind: str, body: dict[str, Any]) -> dict[str, Any]:
        """`kind` is "tickets" (walk-in) or "check-ins" (booked)."""
        return self._json(self._send("POST", f"/v1/halls/{quote(hall_code, safe='')}/{kind}", body))

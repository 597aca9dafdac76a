"""The real reference platform (`python -m central serve`) as a subprocess, for integration tests.

    from tests.support.central import central  # noqa: F401  (a pytest fixture)

    def test_x(central: CentralHandle) -> None:
        terminal = central.enrol()                    # a signed test terminal
        r = terminal.post("/v1/records", {"records": [terminal.record("submission", ...)]})

`running_central(data_dir)` is the same as a context manager. The handle can `stop()` and
`start()` the server again on the same port and data dir (offline/online tests); the process is
always terminated and waited for on exit, so no zombie is left behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from kiosk.contract.records import canonical_json, record_content_hash
from kiosk.contract.sealing import seal
from kiosk.contract.signing import b64, sign_request, unb64
from kiosk.domain.receipt_numbers import format_receipt_number

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_HALL = "451123101"  # 富川瑶族自治县 富阳镇便民服务中心 (central/seed/halls.json)
START_TIMEOUT_S = 30.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class TestTerminal:
    """An enrolled terminal that signs its requests exactly as the contract says."""

    __test__ = False  # not a pytest test class

    central: CentralHandle
    terminal_id: str
    key: Ed25519PrivateKey
    hall: dict[str, Any]
    seal_public_key: X25519PublicKey
    signing_public_key: Ed25519PublicKey
    _seq: int = 0

    def signed_headers(
        self, method: str, path: str, body: bytes, skew_s: int = 0
    ) -> dict[str, str]:
        ts = int(time.time()) + skew_s
        return sign_request(self.key, self.terminal_id, method, path, body, ts).as_dict()

    def request(
        self,
        method: str,
        path: str,
        json_body: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """`path` includes the query string; it is signed exactly as sent."""
        body = canonical_json(json_body) if json_body is not None else (content or b"")
        hdrs = {"Content-Type": "application/json"} if json_body is not None else {}
        hdrs.update(headers or {})
        hdrs.update(self.signed_headers(method, path, body))
        return httpx.request(
            method, self.central.base_url + path, content=body, headers=hdrs, timeout=30
        )

    def get(self, path: str, headers: dict[str, str] | None = None) -> httpx.Response:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, json_body: Any) -> httpx.Response:
        return self.request("POST", path, json_body=json_body)

    def receipt_no(self) -> str:
        """The next receipt number of this terminal, as the kiosk issues them."""
        self._seq += 1
        return format_receipt_number(self.terminal_id, self._seq)

    def record(
        self,
        kind: str,
        meta: dict[str, Any],
        payload: dict[str, Any],
        attachments: list[dict[str, Any]] | None = None,
        record_id: str | None = None,
    ) -> dict[str, Any]:
        """A complete Record: payload sealed to the platform with the id as associated data."""
        rid = record_id or str(uuid.uuid4())
        self._seq += 1
        rec: dict[str, Any] = {
            "id": rid,
            "kind": kind,
            "schema_version": 1,
            "created_at_ms": int(time.time() * 1000),
            "monotonic_seq": self._seq,
            "clock_offset_ms": 0,
            "meta": {"hall_code": self.hall["code"], "agent_id": None, **meta},
            "sealed": b64(seal(self.seal_public_key, canonical_json(payload), rid.encode())),
            "attachments": attachments or [],
        }
        rec["content_hash"] = record_content_hash(rec)
        return rec


@dataclass
class CentralHandle:
    data_dir: Path
    port: int = field(default_factory=_free_port)
    admin_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    host: str = "127.0.0.1"
    extra_args: tuple[str, ...] = ()  # more `serve` options, e.g. ("--silent-after-s", "5")
    _proc: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def log_path(self) -> Path:
        return self.data_dir / "server.log"

    @property
    def pid(self) -> int:
        """The server's process id (for benchmarks reading its memory and CPU time)."""
        if self._proc is None:
            raise RuntimeError("central is not running")
        return self._proc.pid

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        if self.running:
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        token_file = self.data_dir / "admin-token"
        token_file.write_text(self.admin_token)
        token_file.chmod(0o600)
        cmd = [sys.executable, "-m", "central", "serve", "--host", self.host]
        cmd += ["--port", str(self.port), "--data-dir", str(self.data_dir)]
        cmd += ["--admin-token-file", str(token_file), *self.extra_args]
        with self.log_path.open("ab") as log:
            env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
            self._proc = subprocess.Popen(
                cmd, cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT, env=env
            )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                self._proc = None
                raise RuntimeError("central exited at start:\n" + self._log_tail())
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.base_url + "/v1/health", timeout=1).status_code == 200:
                    return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("central did not become healthy:\n" + self._log_tail())

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def _log_tail(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    # --- admin side -------------------------------------------------------------------------

    def admin(self, method: str, path: str, json_body: Any = None) -> httpx.Response:
        return httpx.request(
            method,
            self.base_url + path,
            json=json_body,
            headers={"Authorization": f"Bearer {self.admin_token}"},
            timeout=30,
        )

    def new_enrolment_code(self, hall_code: str = DEFAULT_HALL) -> str:
        r = self.admin("POST", "/v1/admin/enrolment-codes", {"hall_code": hall_code})
        r.raise_for_status()
        return str(r.json()["enrolment_code"])

    def advance_case(
        self, receipt_no: str, status: str, department: str = "", note: str = ""
    ) -> dict[str, Any]:
        body = {"status": status, "department": department, "note": note}
        r = self.admin("POST", f"/v1/admin/cases/{receipt_no}/transitions", body)
        r.raise_for_status()
        return dict(r.json())

    def update_item(self, item: dict[str, Any], collection: str = "catalog") -> int:
        """Insert or replace a catalog item (or a notice): returns the new collection version."""
        r = self.admin("PUT", f"/v1/admin/{collection}/{item['code']}", item)
        r.raise_for_status()
        return int(r.json()["version"])

    def remove_item(self, code: str, collection: str = "catalog") -> int:
        r = self.admin("DELETE", f"/v1/admin/{collection}/{code}")
        r.raise_for_status()
        return int(r.json()["version"])

    def enrol(self, hall_code: str = DEFAULT_HALL) -> TestTerminal:
        key = Ed25519PrivateKey.generate()
        pub = key.public_key().public_bytes_raw()
        body = {
            "enrolment_code": self.new_enrolment_code(hall_code),
            "terminal_public_key": b64(pub),
            "software_version": "0.1.0-test",
        }
        r = httpx.post(self.base_url + "/v1/enrolments", json=body, timeout=30)
        r.raise_for_status()
        data = r.json()
        return TestTerminal(
            central=self,
            terminal_id=data["terminal_id"],
            key=key,
            hall=data["hall"],
            seal_public_key=X25519PublicKey.from_public_bytes(
                unb64(data["platform_seal_public_key"])
            ),
            signing_public_key=Ed25519PublicKey.from_public_bytes(
                unb64(data["platform_signing_public_key"])
            ),
        )


@contextlib.contextmanager
def running_central(
    data_dir: Path, port: int | None = None, extra_args: tuple[str, ...] = ()
) -> Iterator[CentralHandle]:
    handle = CentralHandle(data_dir=data_dir, extra_args=extra_args)
    if port is not None:
        handle.port = port
    try:
        handle.start()
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralHandle]:
    """A fresh platform per test, in its own data dir."""
    with running_central(tmp_path / "central") as handle:
        yield handle


@pytest.fixture(scope="module")
def shared_central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralHandle]:
    """One platform for a whole test module (faster; tests must not depend on each other)."""
    with running_central(tmp_path_factory.mktemp("central")) as handle:
        yield handle


def dump(value: Any) -> str:
    """Pretty JSON for assertion messages."""
    return json.dumps(value, ensure_ascii=False, indent=1)

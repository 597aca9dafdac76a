"""What every route needs: storage, keys, the admin token, the clock. Built once by the app."""

from __future__ import annotations

import hmac
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request

from central.errors import ApiError
from central.keys import PlatformKeys
from central.storage import Storage


@dataclass
class Platform:
    data_dir: Path
    storage: Storage
    keys: PlatformKeys
    admin_token: str

    @classmethod
    def open(cls, data_dir: Path, admin_token: str) -> Platform:
        from central.seed_data import seed

        data_dir.mkdir(parents=True, exist_ok=True)
        (data_dir / "blobs").mkdir(exist_ok=True)
        storage = Storage(data_dir / "central.sqlite3")
        seed(storage, int(time.time() * 1000))
        return cls(data_dir, storage, PlatformKeys.load_or_create(data_dir), admin_token)

    @staticmethod
    def now_ms() -> int:
        return int(time.time() * 1000)


def platform(request: Request) -> Platform:
    p: Platform = request.app.state.platform
    return p


def terminal_id(request: Request) -> str:
    """Set by the signing middleware once the request's signature has been verified."""
    tid: Any = request.scope.get("state", {}).get("terminal_id")
    if not isinstance(tid, str):
        raise ApiError(401, "unsigned", "this request must be signed by an enrolled terminal")
    return tid


def require_admin(request: Request) -> None:
    p = platform(request)
    auth = request.headers.get("authorization", "")
    token = auth[7:] if auth.lower().startswith("bearer ") else ""
    if not token or not hmac.compare_digest(token.encode(), p.admin_token.encode()):
        raise ApiError(401, "admin_unauthorized", "a valid admin bearer token is required")

"""Canonical JSON and the content hash that makes a record's identity checkable on both sides."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

RECORD_KINDS = ("submission", "evaluation", "complaint", "appointment")
MAX_BATCH = 100


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8 kept as is (a name like 买买提·艾力 stays readable)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def record_content_hash(record: Mapping[str, Any]) -> str:
    """SHA-256 hex of the record's canonical JSON without its own `content_hash` field."""
    body = {k: v for k, v in record.items() if k != "content_hash"}
    return hashlib.sha256(canonical_json(body)).hexdigest()

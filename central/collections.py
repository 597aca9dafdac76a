"""Versioned collections (the catalog, the notices) with delta fetch by version."""

from __future__ import annotations

import json
from typing import Any

from central.errors import ApiError
from central.storage import Storage
from kiosk.domain.catalog import CatalogFormatError, ServiceItem

COLLECTIONS = ("catalog", "notices")


def version(storage: Storage, collection: str) -> int:
    row = storage.one("SELECT version FROM collections WHERE name = ?", collection)
    return 0 if row is None else int(row["version"])


def delta(storage: Storage, collection: str, since: int) -> dict[str, Any]:
    """Everything changed after `since`; a full copy when `since` is 0 or unknown to us."""
    current = version(storage, collection)
    full = since <= 0 or since > current
    rows = storage.all(
        "SELECT code, data, removed FROM entries WHERE collection = ? AND changed_at > ?"
        " ORDER BY code",
        collection,
        0 if full else since,
    )
    live = [json.loads(r["data"]) for r in rows if not r["removed"]]
    removed = [] if full else [r["code"] for r in rows if r["removed"]]
    key = "items" if collection == "catalog" else "notices"
    body: dict[str, Any] = {"version": current, "full": full, key: live, "removed": removed}
    if collection == "catalog":
        body["categories"] = json.loads(storage.meta("categories") or "[]")
    return body


def live_item(storage: Storage, code: str) -> dict[str, Any] | None:
    row = storage.one(
        "SELECT data FROM entries WHERE collection = 'catalog' AND code = ? AND removed = 0", code
    )
    return None if row is None else dict(json.loads(row["data"]))


def upsert(storage: Storage, collection: str, code: str, entry: dict[str, Any]) -> int:
    if collection == "catalog":
        try:
            if ServiceItem.from_dict(entry).code != code:
                raise ApiError(422, "invalid_request", "the item's code does not match the path")
        except CatalogFormatError as exc:
            raise ApiError(422, "invalid_item", str(exc)) from None
    elif not (isinstance(entry.get("title"), str) and isinstance(entry.get("body"), str)):
        raise ApiError(422, "invalid_notice", "a notice needs a title and a body")
    return _change(storage, collection, code, json.dumps({**entry, "code": code}), removed=False)


def remove(storage: Storage, collection: str, code: str) -> int:
    return _change(storage, collection, code, None, removed=True)


def _change(storage: Storage, collection: str, code: str, data: str | None, removed: bool) -> int:
    with storage.write() as conn:
        row = conn.execute(
            "SELECT version FROM collections WHERE name = ?", (collection,)
        ).fetchone()
        new = (0 if row is None else int(row["version"])) + 1
        conn.execute("INSERT OR REPLACE INTO collections VALUES (?, ?)", (collection, new))
        if removed:
            cur = conn.execute(
                "UPDATE entries SET removed = 1, changed_at = ? WHERE collection = ? AND code = ?",
                (new, collection, code),
            )
            if cur.rowcount == 0:
                raise ApiError(404, "not_found", "no such entry")
        else:
            conn.execute(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, 0)",
                (collection, code, data, new),
            )
    return new

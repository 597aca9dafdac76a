"""First-start seed: halls, the service catalog and public notices from central/seed/*.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from central.storage import Storage

SEED_DIR = Path(__file__).parent / "seed"


def load(name: str) -> Any:
    return json.loads((SEED_DIR / name).read_text(encoding="utf-8"))


def seed(storage: Storage, now_ms: int) -> None:
    """Idempotent: runs once per data dir (the `seeded` meta key)."""
    if storage.meta("seeded"):
        return
    catalog = load("catalog.json")
    with storage.write() as conn:
        for h in load("halls.json"):
            conn.execute(
                "INSERT OR REPLACE INTO halls VALUES (?, ?, ?, ?, ?, ?)",
                (h["code"], h["name"], h["township"], h["county"], h["phone"], h["address"]),
            )
        for collection, entries in (
            ("catalog", catalog["items"]),
            ("notices", load("notices.json")),
        ):
            conn.execute("INSERT OR REPLACE INTO collections VALUES (?, 1)", (collection,))
            for e in entries:
                conn.execute(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, 1, 0)",
                    (collection, e["code"], json.dumps(e, ensure_ascii=False)),
                )
        categories = json.dumps(catalog["categories"], ensure_ascii=False)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('categories', ?)", (categories,))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('seeded', ?)", (str(now_ms),))

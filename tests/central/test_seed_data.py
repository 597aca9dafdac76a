"""The seed catalog parses with the kiosk's own domain types and its forms are valid schemas."""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.domain.catalog import ServiceItem
from kiosk.domain.forms import check_schema

SEED = Path(__file__).resolve().parents[2] / "central" / "seed" / "catalog.json"


def test_every_seed_item_parses_and_its_form_schema_is_valid():
    data = json.loads(SEED.read_text(encoding="utf-8"))
    items = data["items"]
    assert len(items) >= 30
    categories = {c["code"] for c in data["categories"]}
    codes = [i["code"] for i in items]
    assert len(set(codes)) == len(codes)
    for raw in items:
        item = ServiceItem.from_dict({"version": 1, **raw})
        assert len(item.code) == 12 and item.code.isdigit()
        assert raw["category"] in categories
        check_schema(raw["form_schema"])

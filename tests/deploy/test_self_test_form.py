"""The self-test's submission is one the platform accepts, for every item in the seed catalog."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from kiosk.domain.forms import validate_form
from kiosk.self_test import sample_form

SEED = Path(__file__).resolve().parents[2] / "central/seed/catalog.json"


def test_a_valid_test_form_exists_for_every_seed_item():
    data = json.loads(SEED.read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else data["items"]
    for item in items:
        form = sample_form(item["form_schema"], date(2026, 11, 23))
        assert validate_form(item["form_schema"], form, date(2026, 11, 23)) == []

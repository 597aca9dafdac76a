"""A bundle's own font files win over the system's; a checkout uses the system's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk import fonts


def test_a_checkout_draws_with_the_systems_font_files():
    assert fonts.bundled_font_files() == []
    assert fonts.font_path(fonts.CJK) == fonts.SYSTEM_FONTS[fonts.CJK]
    assert fonts.font_path(fonts.CJK).is_file()  # scripts/setup-system.sh installed it


def test_a_bundle_draws_with_its_own_copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(fonts, "BUNDLED_DIR", tmp_path)
    shutil.copy(fonts.SYSTEM_FONTS[fonts.CJK], tmp_path / fonts.CJK)
    assert fonts.bundled_font_files() == [tmp_path / fonts.CJK]
    assert fonts.font_path(fonts.CJK) == tmp_path / fonts.CJK
    assert fonts.font_path("DejaVuSans.ttf") == fonts.SYSTEM_FONTS["DejaVuSans.ttf"]

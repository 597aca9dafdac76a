"""Configuration: one TOML file, typed environment overrides, clear messages for mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.errors import ConfigError

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "kiosk.example.toml"


def test_the_example_config_is_valid_and_documents_every_section():
    cfg = load_config(EXAMPLE, environ={})
    assert cfg.platform.base_url.startswith("http") and cfg.ui.elderly_mode


def test_environment_overrides_are_typed():
    env = {
        "KIOSK__PLATFORM__READ_TIMEOUT_S": "7.5",
        "KIOSK__UI__FULLSCREEN": "true",
        "KIOSK__UI__IDLE_TIMEOUT_S": "120",
        "KIOSK__TERMINAL__DATA_DIR": "/srv/kiosk",
    }
    cfg = load_config(EXAMPLE, environ=env)
    assert cfg.platform.read_timeout_s == 7.5 and cfg.ui.fullscreen is True
    assert cfg.ui.idle_timeout_s == 120 and cfg.terminal.data_dir == Path("/srv/kiosk")


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"KIOSK__PLATFORM__BASE_URL": "ftp://x"}, "platform.base_url"),
        ({"KIOSK__PLATFORM__READ_TIMEOUT_S": "-1"}, "platform.read_timeout_s"),
        ({"KIOSK__PLATFORM__READ_TIMEOUT_S": "soon"}, "platform.read_timeout_s"),
        ({"KIOSK__UI__FULLSCREEN": "maybe"}, "ui.fullscreen"),
        ({"KIOSK__UI__SERVICE_PHONE": "call us"}, "ui.service_phone"),
        ({"KIOSK__UI__COLOUR": "red"}, "unknown key"),
        ({"KIOSK__NOPE__X": "1"}, "unknown config section"),
        ({"KIOSK__PLATFORM__CA_FILE": "/no/such.pem"}, "platform.ca_file"),
    ],
)
def test_each_mistake_is_named_in_the_message(env, named):
    with pytest.raises(ConfigError, match=named):
        load_config(EXAMPLE, environ=env)


def test_a_broken_or_missing_file_is_a_config_error_not_a_traceback(tmp_path):
    bad = tmp_path / "k.toml"
    bad.write_text("[platform\nbase_url=", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(bad, environ={})
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path / "absent.toml", environ={})

"""设置's store: the effective configuration with secrets hidden, the technician's changes
checked as at start, saved atomically beside the previous ones, used at the next start."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.ops.settings_store import TomlSettings
from kiosk.ports.settings import Setting, SettingRefused

CONFIG = """
[terminal]
data_dir = "{data}"
enrolment_code = "K7Q2-M4XP"

[platform]
base_url = "https://zwfw.example.cn"

[ui]
idle_timeout_s = 90

[devices.printer]
driver = "escpos"
transport = "network"
host = "192.168.1.50"
port = 9100
paper_mm = 80
"""


@pytest.fixture
def kiosk_toml(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(CONFIG.format(data=tmp_path / "data"), encoding="utf-8")
    return path


def by_key(store: TomlSettings) -> dict[str, Setting]:
    return {s.key: s for s in store.settings()}


def test_every_effective_value_with_its_source_and_no_secret(kiosk_toml):
    store = TomlSettings(kiosk_toml, environ={"KIOSK__UI__SERVICE_PHONE": "0774-7812345"})
    shown = by_key(store)
    code = shown["terminal.enrolment_code"]
    assert code.secret and code.is_set and code.value == "" and not code.editable
    assert "K7Q2" not in repr(store.settings())
    assert (shown["ui.idle_timeout_s"].value, shown["ui.idle_timeout_s"].source) == ("90", "file")
    assert (
        shown["ui.idle_warning_s"].source == "default" and not shown["ui.idle_warning_s"].editable
    )
    phone = shown["ui.service_phone"]
    assert phone.source == "environment" and not phone.editable  # the environment wins anyway
    assert shown["devices.printer.host"].editable and shown["devices.printer.host"].value == (
        "192.168.1.50"
    )
    assert shown["ui.voice_prompts"].kind == "switch"
    assert shown["devices.printer.paper_mm"].choices == ("58", "80")


def test_a_change_is_saved_atomically_keeps_the_previous_and_takes_effect_at_start(kiosk_toml):
    store = TomlSettings(kiosk_toml, environ={})
    assert store.save({"ui.idle_timeout_s": "120", "devices.printer.host": "10.0.0.7"}) == [
        "ui.idle_timeout_s",
        "devices.printer.host",
    ]
    assert not store.path.with_name("settings.toml.previous").exists()  # nothing before
    assert oct(store.path.stat().st_mode & 0o777) == "0o600"
    store.save({"ui.voice_prompts": "false", "platform.base_url": "https://zw.example.cn/"})
    previous = store.path.with_name("settings.toml.previous").read_text(encoding="utf-8")
    assert "idle_timeout_s = 120" in previous and "voice_prompts" not in previous
    assert not any(p.name.endswith(".tmp") for p in store.path.parent.iterdir())
    config = load_config(kiosk_toml, environ={})  # what the kiosk reads when it restarts
    assert config.ui.idle_timeout_s == 120 and config.ui.voice_prompts is False
    assert config.devices.printer.get("host") == "10.0.0.7"
    assert config.platform.base_url == "https://zw.example.cn/"
    assert kiosk_toml.read_text(encoding="utf-8").count("192.168.1.50") == 1  # file untouched
    env = {"KIOSK__UI__IDLE_TIMEOUT_S": "300"}
    assert load_config(kiosk_toml, environ=env).ui.idle_timeout_s == 300  # env over settings
    assert store.save({"ui.idle_timeout_s": "120"}) == []  # no change, nothing written


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"ui.idle_timeout_s": "5"}, "ui.idle_timeout_s"),
        ({"ui.idle_timeout_s": "soon"}, "ui.idle_timeout_s"),
        ({"ui.idle_timeout_s": "15"}, "ui.idle_timeout_s"),  # shorter than the warning (20)
        ({"devices.printer.port": "abc"}, "devices.printer.port"),
        ({"devices.printer.paper_mm": "70"}, "devices.printer.paper_mm"),
        ({"platform.base_url": "ftp://x"}, "platform.base_url"),
        ({"ui.service_phone": "call us", "ui.idle_timeout_s": "100"}, "ui.service_phone"),
        ({"terminal.language": "en"}, "terminal.language"),
        ({"ui.voice_prompts": "maybe"}, "ui.voice_prompts"),
        ({"terminal.data_dir": "/tmp"}, "terminal.data_dir"),  # not on the whitelist
        ({"platform.ca_file": "/etc/passwd"}, "platform.ca_file"),
    ],
)
def test_a_bad_value_is_refused_naming_the_field_and_nothing_is_saved(kiosk_toml, changes, field):
    store = TomlSettings(kiosk_toml, environ={})
    with pytest.raises(SettingRefused) as refused:
        store.save(changes)
    assert refused.value.key == field
    assert not store.path.exists()


def test_an_overridden_value_cannot_be_changed(kiosk_toml):
    store = TomlSettings(kiosk_toml, environ={"KIOSK__UI__IDLE_TIMEOUT_S": "100"})
    with pytest.raises(SettingRefused, match="cannot be changed"):
        store.save({"ui.idle_timeout_s": "120"})


def test_printer_settings_for_a_driver_no_longer_configured_are_left_out(kiosk_toml):
    TomlSettings(kiosk_toml, environ={}).save({"devices.printer.host": "10.0.0.7"})
    config = load_config(kiosk_toml, environ={"KIOSK__DEVICES_PRINTER__DRIVER": "simulated"})
    assert config.devices.printer.driver == "simulated"
    assert "host" not in config.devices.printer.options


def test_settings_follow_the_data_dir_the_environment_names(kiosk_toml, tmp_path):
    other = tmp_path / "other"
    env = {"KIOSK__TERMINAL__DATA_DIR": os.fspath(other)}
    store = TomlSettings(kiosk_toml, environ=env)
    store.save({"ui.idle_timeout_s": "200"})
    assert (other / "settings.toml").is_file()
    assert load_config(kiosk_toml, environ=env).ui.idle_timeout_s == 200

"""[devices.*] config, the registry of drivers, and building the kiosk's devices from them."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from devices.registry import REGISTRY, build_devices
from devices.simulated_card_reader import SimulatedCardReader
from kiosk.app import build_kiosk_devices
from kiosk.config import DEVICE_DRIVERS, load_config
from kiosk.errors import ConfigError
from kiosk.ports.device import DeviceState


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "kiosk.example.toml"


def test_the_registry_and_the_config_know_the_same_drivers() -> None:
    assert set(REGISTRY) == set(DEVICE_DRIVERS)
    for device, drivers in DEVICE_DRIVERS.items():
        assert set(REGISTRY[device]) | {"none"} == set(drivers), device


# A standard terminal: every device on its real driver (the example and the installed config).
STANDARD_TERMINAL = {
    "card_reader": "pcsc",
    "id_reader": "serial_idreader",
    "printer": "escpos",
    "camera": "opencv",
    "face": "dlib",
    "voice": "espeak",
}


def test_the_example_config_configures_every_device_with_a_real_driver() -> None:
    devices = load_config(EXAMPLE, environ={}).devices
    assert {d.name: d.driver for d in devices} == STANDARD_TERMINAL


def test_without_a_devices_section_every_device_is_off() -> None:
    assert {d.driver for d in load_config(None, environ={}).devices} == {"none"}


def test_environment_overrides_reach_device_options_typed() -> None:
    devices = load_config(
        EXAMPLE,
        environ={
            "KIOSK__DEVICES_PRINTER__HOST": "10.0.0.7",
            "KIOSK__DEVICES_PRINTER__PORT": "9101",
            "KIOSK__DEVICES_CAMERA__SOURCE": "2",
            "KIOSK__DEVICES_CAMERA__LOOP": "yes",
            "KIOSK__DEVICES_ID_READER__PORT": "/dev/ttyS1",
        },
    ).devices
    assert devices.printer.get("host") == "10.0.0.7" and devices.printer.get("port") == 9101
    assert devices.camera.get("source") == 2 and devices.camera.get("loop") is True
    assert devices.id_reader.get("port") == "/dev/ttyS1"


def test_switching_a_driver_from_the_environment_drops_the_files_other_options() -> None:
    devices = load_config(EXAMPLE, environ={"KIOSK__DEVICES_PRINTER__DRIVER": "simulated"}).devices
    assert devices.printer.driver == "simulated"
    assert dict(devices.printer.options) == {"paper_mm": 80}


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"KIOSK__DEVICES_PRINTER__DRIVER": "laser"}, "devices.printer.driver"),
        ({"KIOSK__DEVICES_PRINTER__COLOUR": "red"}, "colour"),
        ({"KIOSK__DEVICES_PRINTER__PORT": "ninety"}, "devices.printer.port"),
        ({"KIOSK__DEVICES_PRINTER__PAPER_MM": "70"}, "devices.printer.paper_mm"),
        ({"KIOSK__DEVICES_PRINTER__TRANSPORT": "bluetooth"}, "devices.printer.transport"),
        ({"KIOSK__DEVICES_SCANNER__DRIVER": "x"}, "unknown device"),
        ({"KIOSK__DEVICES_CAMERA__LOOP": "sometimes"}, "devices.camera.loop"),
    ],
)
def test_each_device_mistake_is_named(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        load_config(EXAMPLE, environ=env)


def test_a_device_table_that_is_not_a_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "k.toml"
    path.write_text('[devices]\nprinter = "escpos"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="devices.printer"):
        load_config(path, environ={})


def test_building_never_raises_and_says_why_a_device_is_left_out() -> None:
    config = load_config(
        EXAMPLE,
        environ={
            "KIOSK__DEVICES_ID_READER__PORT": "",  # empty: refused when built
            "KIOSK__DEVICES_FACE__MATCH_THRESHOLD": "0.95",
            "KIOSK__DEVICES_CARD_READER__DRIVER": "simulated",
            "KIOSK__DEVICES_CAMERA__DRIVER": "none",
        },
    )
    devices = build_devices(config.devices)
    assert set(devices.card_readers) == {"card_reader"}
    assert isinstance(devices.card_readers["card_reader"], SimulatedCardReader)
    assert devices.unavailable["id_reader"].message_key == "device.config_invalid"
    assert "match_threshold" in devices.unavailable["face"].detail
    assert devices.unavailable["camera"].message_key == "device.disabled"
    assert devices.printer is not None and devices.voice is not None
    devices.close()


def test_the_composition_root_builds_devices_and_their_health_without_contacting_them() -> None:
    config = load_config(
        EXAMPLE,
        environ={
            "KIOSK__DEVICES_CAMERA__DRIVER": "none",
            "KIOSK__DEVICES_VOICE__PLAYER": "none",
            "KIOSK__DEVICES_ID_READER__PORT": "/nonexistent/ttyUSB0",
            "KIOSK__DEVICES_PRINTER__HOST": "127.0.0.1",
            "KIOSK__DEVICES_PRINTER__PORT": str(closed_port()),
        },
    )
    devices, health = build_kiosk_devices(config)
    snapshot = health.snapshot()
    assert set(snapshot) == {"card_reader", "id_reader", "printer", "camera", "face", "voice"}
    assert snapshot["camera"].message_key == "device.disabled"
    assert snapshot["printer"].message_key == "device.starting"  # not asked yet: no blocking
    assert snapshot["face"].message_key == "face.ready"
    seen: list[tuple[str, str]] = []
    health.subscribe(lambda name, status: seen.append((name, status.message_key)))
    devices.open()
    try:
        health.refresh()  # a worker's job in the kiosk: the printer is asked over the network
        snapshot = health.snapshot()
        assert snapshot["voice"].message_key == "voice.no_audio_output"
        assert snapshot["printer"].message_key == "printer.not_found"
        assert health.problems().keys() >= {"id_reader", "printer"}
        assert "camera" not in health.problems()  # disabled is not a problem
        assert health.worst() in (DeviceState.OFFLINE, DeviceState.ERROR)
        assert ("voice", "voice.no_audio_output") in seen
    finally:
        devices.close()

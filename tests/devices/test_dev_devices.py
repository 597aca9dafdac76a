"""`make run`'s emulators give the kiosk every device: diagnose, with the example config and
the overrides make run sets, finds each one working; the console drives them."""

from __future__ import annotations

from pathlib import Path

import pytest

from devices.diagnose import run_diagnosis
from devices.registry import build_devices
from kiosk.config import load_config
from scripts.dev_devices import DevDevices
from tests.support.pcsc import VpcdSlot

pytestmark = pytest.mark.integration
EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "kiosk.example.toml"


def test_make_runs_emulators_give_the_example_config_every_device(
    tmp_path: Path, vpcd: VpcdSlot
) -> None:
    """Holds the vpcd lock (`vpcd`) so no other test process restarts pcscd meanwhile."""
    dev = DevDevices(tmp_path)
    dev.start()
    try:
        assert dev.pcsc_note == ""
        assert "person 2" in dev.command("id 2")
        assert dev.command("paper near_end") == "printer near_end"
        env = {**dev.env(), "KIOSK__DEVICES_VOICE__PLAYER": "none"}
        env["KIOSK__DEVICES_FACE__DRIVER"] = "simulated"  # dlib is covered elsewhere
        devices = build_devices(load_config(EXAMPLE, environ=env).devices)
        try:
            results = {r.device: r for r in run_diagnosis(devices, card_wait_s=10)}
        finally:
            devices.close()
        assert all(r.ok for r in results.values()), {d: r.status for d, r in results.items()}
        assert "张*" in results["card_reader"].found
        assert "买买***" in results["id_reader"].found
        assert results["printer"].status.message_key == "printer.paper_near_end"
        assert results["camera"].status.message_key == "camera.ready"
        assert list((tmp_path / "printer").glob("job-*.png"))
        assert "commands" not in dev.command("card social 1") and "device console" in dev.command(
            "?"
        )
    finally:
        dev.stop()

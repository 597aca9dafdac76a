"""deploy/install.sh lays out a terminal as docs/deployment.md says (run with --dest, so it
changes nothing on this machine), and the configuration it installs is valid."""

from __future__ import annotations

import os
import subprocess
import tarfile
from pathlib import Path

from kiosk.config import load_config
from kiosk.ops.releases import Releases
from kiosk.ports.clock import FakeClock
from tests.devices.test_device_config import STANDARD_TERMINAL

ROOT = Path(__file__).resolve().parents[2]


def _release_archive(tmp: Path, version: str) -> Path:
    bundle = tmp / "kiosk"
    bundle.mkdir()
    exe = bundle / "kiosk"
    exe.write_text(f'#!/bin/sh\n[ "$1" = --version ] && echo {version}\n')
    exe.chmod(0o755)
    archive = tmp / f"kiosk-{version}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(bundle, arcname="kiosk")
    return archive


def test_install_sh_lays_out_the_terminal(tmp_path):
    dest = tmp_path / "root"
    keys = tmp_path / "release-keys"
    keys.write_text("# test key\nAAAA\n")
    cmd = [
        "bash",
        str(ROOT / "deploy/install.sh"),
        "--dest",
        str(dest),
        "--archive",
        str(_release_archive(tmp_path, "0.1.0")),
        "--release-keys",
        str(keys),
        "--platform",
        "https://gateway.example.gov.cn",
        "--enrolment-code",
        "ABCD-EFGH",
    ]
    for _ in range(2):  # idempotent
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    mode = lambda p: (dest / p).stat().st_mode & 0o777  # noqa: E731
    assert mode("var/lib/kiosk") == 0o700 and mode("var/lib/kiosk/updates") == 0o700
    assert mode("etc/kiosk/kiosk.toml") == 0o640 and mode("etc/kiosk/release-keys") == 0o644
    releases = Releases(dest / "opt/kiosk", FakeClock())
    assert releases.current == releases.stable == "0.1.0"
    assert os.access(dest / "opt/kiosk/current/kiosk", os.X_OK)
    units = {p.name for p in (dest / "etc/systemd/system").iterdir()}
    assert {"kiosk-session.service", "kiosk-sync.service", "pcscd.service.d"} <= units
    assert (dest / "etc/pam.d/kiosk-session").is_file()
    config = load_config(dest / "etc/kiosk/kiosk.toml", environ={})
    assert config.platform.base_url == "https://gateway.example.gov.cn"
    assert config.terminal.enrolment_code == "ABCD-EFGH"
    assert config.ui.fullscreen and str(config.terminal.data_dir) == "/var/lib/kiosk"
    assert config.updates.install_root == Path("/opt/kiosk")
    # A standard terminal's devices, all configured: none left at "none".
    assert {d.name: d.driver for d in config.devices} == STANDARD_TERMINAL
    assert config.devices.printer.get("transport") == "usb"

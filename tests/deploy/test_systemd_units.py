"""The unit files pass `systemd-analyze verify` and agree with the install layout."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "deploy/systemd"
INSTALLED_BINARY = "/opt/kiosk/current/kiosk"
STABLE_BINARY = "/opt/kiosk/stable/kiosk"


def _unit_files() -> list[Path]:
    return sorted(p for p in UNITS.iterdir() if p.is_file())


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_units_and_the_pcscd_drop_in_pass_systemd_analyze_verify(tmp_path):
    # The bundle is not installed on a build machine: point the units at a stand-in binary,
    # which is the only change made to them.
    stand_in = tmp_path / "kiosk"
    stand_in.write_text("#!/bin/sh\n")
    stand_in.chmod(0o755)
    for unit in _unit_files():
        text = unit.read_text().replace(INSTALLED_BINARY, str(stand_in))
        text = text.replace(STABLE_BINARY, str(stand_in))
        (tmp_path / unit.name).write_text(text)
    shutil.copytree(UNITS / "pcscd.service.d", tmp_path / "pcscd.service.d")
    names = [p.name for p in _unit_files()] + ["pcscd.service"]
    env = {**os.environ, "SYSTEMD_UNIT_PATH": f"{tmp_path}:", "SYSTEMD_LOG_COLOR": "0"}
    done = subprocess.run(
        ["systemd-analyze", "verify", *names],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    # Parse problems are warnings with exit 0: any output at all is a failure.
    assert done.returncode == 0 and done.stderr.strip() == "", done.stderr


def test_every_unit_runs_the_installed_bundle_as_the_kiosk_user():
    for name in ("kiosk-session.service", "kiosk-sync.service", "kiosk-disk-guard.service"):
        text = (UNITS / name).read_text()
        assert f"ExecStart={INSTALLED_BINARY}" in text or f"-- {INSTALLED_BINARY}" in text
        assert "User=kiosk" in text
    session = (UNITS / "kiosk-session.service").read_text()
    for line in (
        "Type=notify",
        "NotifyAccess=all",
        "Restart=always",
        "StartLimitIntervalSec=0",
        f"ExecStopPost=-{STABLE_BINARY} record-exit",
    ):
        assert line in session
    assert "cage -s" not in session  # -s would allow VT switching
    sync = (UNITS / "kiosk-sync.service").read_text()
    assert f"ExecStopPost=-{STABLE_BINARY} record-exit /etc/kiosk/kiosk.toml --service sync" in sync


def test_the_updater_runs_as_root_only_from_the_stable_version():
    for name in ("kiosk-update-apply.service", "kiosk-update-check.service"):
        text = (UNITS / name).read_text()
        assert f"ExecStart={STABLE_BINARY} update-" in text and "User=" not in text
    session = (UNITS / "kiosk-session.service").read_text()
    assert f"ExecStartPre=-+{STABLE_BINARY} update-check" in session
    fetch = (UNITS / "kiosk-update-fetch.service").read_text()
    assert "User=kiosk" in fetch

"""The kiosk under the real cage compositor, headless, as an unprivileged user: what the
kiosk session unit runs (`cage -- kiosk session ...`), minus the tty and logind.

Needs root (to become `nobody`, since cage refuses to run as root) and Debian's cage and
xwayland packages (scripts/setup-system.sh installs them); skipped otherwise.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.deploy.notify_listener import notify_listener
from tests.support.central import CentralHandle

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("cage") is None or shutil.which("setpriv") is None,
    reason="needs root, cage and setpriv",
)


@pytest.fixture
def nobody_dir() -> Iterator[Path]:
    """A folder the unprivileged user owns (pytest's tmp_path is root's, mode 0700)."""
    user = pwd.getpwnam("nobody")
    path = Path(tempfile.mkdtemp(prefix="kiosk-cage-", dir="/tmp"))
    for sub in ("", "run", "data"):
        (path / sub).mkdir(exist_ok=True)
        os.chown(path / sub, user.pw_uid, user.pw_gid)
        (path / sub).chmod(0o700 if sub else 0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


AS_NOBODY = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]


def _nobody_can_run_the_kiosk() -> bool:
    """A checkout under a private home (mode 0700) is out of the unprivileged user's reach."""
    probe = [*AS_NOBODY, sys.executable, "-c", "import kiosk.cli"]
    env = {"PATH": os.environ["PATH"], "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(probe, cwd=ROOT, env=env, capture_output=True).returncode == 0


def test_the_kiosk_fills_the_screen_under_headless_cage_as_nobody(
    nobody_dir: Path, central: CentralHandle
):
    if not _nobody_can_run_the_kiosk():
        pytest.skip(f"the unprivileged user cannot read {ROOT} or its venv")
    data = nobody_dir / "data"
    with notify_listener() as listener:
        listener.path.parent.chmod(0o755)
        listener.path.chmod(0o777)  # the kiosk user may send to "systemd"
        env = {
            "PATH": os.environ["PATH"],
            "HOME": str(nobody_dir / "run"),
            "XDG_RUNTIME_DIR": str(nobody_dir / "run"),
            "WLR_BACKENDS": "headless",
            "WLR_RENDERER": "pixman",
            "WLR_LIBINPUT_NO_DEVICES": "1",
            "QT_QPA_PLATFORM": "wayland",
            "QT_WAYLAND_SHELL_INTEGRATION": "xdg-shell",
            "KIOSK__UI__FULLSCREEN": "true",
            "KIOSK__PLATFORM__BASE_URL": central.base_url,
            "KIOSK__TERMINAL__DATA_DIR": str(data),
            "KIOSK__LOGGING__DIR": str(data / "logs"),
            "KIOSK__TERMINAL__ENROLMENT_CODE": central.new_enrolment_code(),
            "NOTIFY_SOCKET": str(listener.path),
            "WATCHDOG_USEC": "2000000",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        kiosk = [sys.executable, "-m", "kiosk", "session", "--self-test"]
        done = subprocess.run(
            [*AS_NOBODY, "env", "-i", *[f"{k}={v}" for k, v in env.items()], "cage", "-d", "--"]
            + kiosk,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=240,
        )
        messages = listener.drain()
    lines = [line for line in done.stdout.splitlines() if line.startswith('{"ok"')]
    assert lines, done.stdout[-2000:] + done.stderr[-3000:]
    report = json.loads(lines[-1])
    assert report["ok"], report
    assert report["platform"] == "wayland"
    # Full screen: cage configures the toplevel to the output and Qt takes that size.
    assert report["window"] == report["screen"] == [1280, 720]
    # READY came from the kiosk, a child of cage (the unit's NotifyAccess=all).
    assert any(m.startswith("READY=1") for m in messages)
    # cage ended when its client did, and `kiosk session` noted how the UI ended.
    assert json.loads((data / "session-exit.json").read_text()) == {"status": 0}

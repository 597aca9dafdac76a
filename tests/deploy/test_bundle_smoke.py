"""The built bundle (dist/kiosk, from `make package`) on this machine, as a terminal runs it:
offscreen against the real reference platform on loopback and the ESC/POS printer emulator,
under a stand-in for systemd's notify socket.

Runs only when KIOSK_BUNDLE names a built bundle (`make package-smoke`, or .ci/run after
`make package`); `make test` alone skips it.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices.emulators.escpos_printer import EscposPrinterEmulator
from kiosk.ports.clock import SystemClock
from offline_queue.credentials import Credentials
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.store import open_terminal_outbox
from tests.deploy.notify_listener import notify_listener
from tests.support.central import CentralHandle

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = os.environ.get("KIOSK_BUNDLE", "")

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(
        not BUNDLE, reason="no bundle built (make package; KIOSK_BUNDLE=dist/kiosk)"
    ),
]


@pytest.fixture
def printer() -> Iterator[EscposPrinterEmulator]:
    emulator = EscposPrinterEmulator().start()
    try:
        yield emulator
    finally:
        emulator.stop()


def test_every_library_in_the_bundle_finds_what_it_links_against():
    """Trimming Qt's QML modules must not leave a plugin without its libraries (the virtual
    keyboard's components plugin needs libQt6Multimedia, for one)."""
    internal = (ROOT / BUNDLE / "_internal").resolve()
    missing = []
    for lib in sorted(internal.rglob("*.so*")):
        if not lib.is_file() or lib.is_symlink():
            continue
        path = f"{internal / 'PySide6/Qt/lib'}:{internal}:{lib.parent}"
        out = subprocess.run(
            ["ldd", str(lib)], env={"LD_LIBRARY_PATH": path}, capture_output=True, text=True
        ).stdout
        missing += [
            f"{lib.relative_to(internal)}: {line.strip()}"
            for line in out.splitlines()
            if "not found" in line
        ]
    assert missing == []


def _bundle_env(central: CentralHandle, data: Path, **extra: str) -> dict[str, str]:
    # Nothing from the build venv leaks in: the bundle must stand on its own.
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TZ")}
    return {
        **keep,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK__PLATFORM__BASE_URL": central.base_url,
        "KIOSK__TERMINAL__DATA_DIR": str(data),
        "KIOSK__LOGGING__DIR": str(data / "logs"),
        **extra,
    }


def test_the_bundle_boots_queues_a_submission_prints_and_the_bundled_sync_delivers_it(
    tmp_path, central: CentralHandle, printer: EscposPrinterEmulator
):
    exe = (ROOT / BUNDLE / "kiosk").resolve()
    assert exe.is_file(), f"no bundle at {exe}"
    data = tmp_path / "kiosk"
    host, port = printer.address
    # A terminal image without any font package: fontconfig finds no font at all, so
    # Chinese on screen and on the receipt can only come from the bundle's own files.
    no_system_fonts = tmp_path / "fonts.conf"
    no_system_fonts.write_text(
        f"<fontconfig><cachedir>{tmp_path / 'fontcache'}</cachedir></fontconfig>\n"
    )
    with notify_listener() as listener:
        env = _bundle_env(
            central,
            data,
            KIOSK__TERMINAL__ENROLMENT_CODE=central.new_enrolment_code(),
            NOTIFY_SOCKET=str(listener.path),
            QT_IM_MODULE="qtvirtualkeyboard",
            WATCHDOG_USEC="200000",
            FONTCONFIG_FILE=str(no_system_fonts),
        )
        done = subprocess.run(
            [str(exe), "--self-test", "--printer", f"{host}:{port}"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
        messages = listener.drain()
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    print("\nbundle self-test:", report)
    assert report["ok"] and report["home_screen"] and report["face_models"] == "loaded"
    assert report["virtual_keyboard"] and report["qt_translations"] and report["qr"] == "ok"
    assert report["ui_font"] == "WenQuanYi Micro Hei"
    assert report["receipt_font"].startswith(str((ROOT / BUNDLE).resolve()))
    # Liveness from the bundle's event loop reached "systemd".
    assert messages[0].startswith("READY=1") and "WATCHDOG=1" in messages
    # The test receipt reached the printer: raster lines and a cut.
    job = printer.wait_for_jobs(1)[0]
    assert job.images and job.cuts >= 1
    # The submission sits sealed in the real outbox ...
    enrolment = Credentials(data / "keys").enrolment()
    assert enrolment is not None
    outbox = open_terminal_outbox(
        data, enrolment.seal_public_key, enrolment.terminal_id, SystemClock()
    )
    record = outbox.get(report["record_id"])
    assert record.receipt_no == report["receipt_no"]
    assert record.state in ("queued", "delivered")  # the app's own sync may have sent it
    # ... and the bundle's own headless sync delivers it to the platform.
    sync = subprocess.run(
        [str(exe), "sync", "--once"],
        cwd=tmp_path,
        env=_bundle_env(central, data),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert sync.returncode == 0, sync.stderr[-3000:]
    assert outbox.get(report["record_id"]).state == "delivered"
    outbox.close()
    client = PlatformClient(central.base_url, 2, 10)
    client.signer = Signer(enrolment.terminal_id, Credentials(data / "keys").key())
    assert client.case_by_receipt(report["receipt_no"])["status"] == "submitted"
    client.close()

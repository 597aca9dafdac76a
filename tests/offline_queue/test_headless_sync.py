"""The headless sync service delivers what the kiosk queued, in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.ports.clock import SystemClock
from offline_queue.credentials import Credentials
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.store import open_terminal_outbox
from tests.deploy.notify_listener import notify_listener
from tests.offline_queue.test_sync_with_platform import application
from tests.support.central import CentralHandle

ROOT = Path(__file__).resolve().parents[2]


def test_python_m_offline_queue_sync_drains_the_queue_once(tmp_path, central: CentralHandle):
    data = tmp_path / "kiosk"
    creds = Credentials(data / "keys")
    client = PlatformClient(central.base_url, 2, 5)
    enrolment = creds.save_enrolment(
        client.enrol(central.new_enrolment_code(), creds.public_key_b64(), "test")
    )
    outbox = open_terminal_outbox(
        data, enrolment.seal_public_key, enrolment.terminal_id, SystemClock()
    )
    receipts = [outbox.enqueue(application(n, pages=1)).receipt_no for n in range(3)]
    outbox.close()
    env = {
        **os.environ,
        "KIOSK__PLATFORM__BASE_URL": central.base_url,
        "KIOSK__TERMINAL__DATA_DIR": str(data),
        "KIOSK__LOGGING__DIR": str(data / "logs"),
    }
    cmd = [sys.executable, "-m", "offline_queue", "sync", "--once"]
    with notify_listener() as systemd:  # kiosk-sync.service is Type=notify with a watchdog
        env_notify = {**env, "NOTIFY_SOCKET": str(systemd.path), "WATCHDOG_USEC": "300000000"}
        done = subprocess.run(
            cmd, cwd=ROOT, env=env_notify, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        said = systemd.drain()
    assert said[0] == "READY=1\nSTATUS=sync loop starting" and "WATCHDOG=1" in said[1:]
    outbox = open_terminal_outbox(
        data, enrolment.seal_public_key, enrolment.terminal_id, SystemClock()
    )
    assert {r.state for r in outbox.records()} == {"delivered"}
    assert outbox.blobs.names() == set()
    client.signer = Signer(enrolment.terminal_id, creds.key())
    assert all(client.case_by_receipt(r or "")["status"] == "submitted" for r in receipts)
    again = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0
    assert {r.state for r in outbox.records()} == {"delivered"}

"""The running kiosk reports healthy once its home screen is up (what the updater's health
check waits for), and asks for a staged update only when nobody is in a visit and the terminal
has settled since the last one."""

from __future__ import annotations

import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.app import QuietWhenNoVisit, offer_staged_update
from kiosk.contract.signing import b64
from kiosk.ops.layout import DataLayout
from kiosk.ops.updates import UpdateInbox, read_health
from kiosk.ports.clock import FakeClock
from kiosk.services.session import Session
from kiosk.version import VERSION
from scripts.make_release import build_release
from tests.support.kiosk_app import StartKiosk


def test_health_is_reported_and_a_staged_update_waits_for_the_visit_to_end(
    qtbot,
    tmp_path,
    start_kiosk: StartKiosk,
):
    key = Ed25519PrivateKey.generate()
    keys = tmp_path / "release-keys"
    keys.write_text(b64(key.public_key().public_bytes_raw()) + "\n")
    kiosk = start_kiosk(updates__release_keys_file=str(keys))
    layout = DataLayout(kiosk.config.terminal.data_dir)
    qtbot.waitUntil(lambda: kiosk.reported_healthy, timeout=30_000)
    health = read_health(layout.health)
    assert health is not None and health["version"] == VERSION

    # A verified download staged by `kiosk update-fetch`.
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "kiosk").write_text("#!/bin/sh\n")
    signed = build_release(bundle, "9.0.0", key, layout.updates)
    inbox = UpdateInbox(layout.updates)
    (layout.updates / "kiosk-9.0.0.tar.gz").rename(inbox.archive_path("9.0.0"))
    signed.rename(inbox.manifest_path("9.0.0"))
    assert inbox.staged([key.public_key()]) is not None

    quiet = QuietWhenNoVisit(kiosk.ctx.session, settle_s=0)
    kiosk.ctx.session.touch()  # a villager is using the terminal
    offer_staged_update(kiosk, quiet)  # returns before any file work while a visit runs
    assert not inbox.request_path.exists()
    kiosk.ctx.session.finish()
    offer_staged_update(kiosk, quiet)
    qtbot.waitUntil(inbox.request_path.exists, timeout=10_000)
    assert json.loads(inbox.request_path.read_text())["version"] == "9.0.0"


def test_the_quiet_moment_waits_for_the_terminal_to_settle_after_a_visit():
    clock = FakeClock()
    session = Session(clock, idle_timeout_s=90)
    quiet = QuietWhenNoVisit(session, settle_s=120)
    clock.advance(500)
    assert quiet.is_quiet()  # nobody since start
    session.touch()
    clock.advance(300)
    assert not quiet.is_quiet()  # a visit runs, however long nobody touched
    session.finish()
    clock.advance(119)
    assert not quiet.is_quiet()  # the person may be back with a document, or the next one
    clock.advance(1)
    assert quiet.is_quiet()

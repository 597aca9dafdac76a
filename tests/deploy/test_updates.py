"""Signed application updates against the real reference platform on loopback: a download cut
mid-stream and resumed, a bad signature and a corrupt archive refused, a switch at a quiet
moment confirmed by the new version's health report, and a failed one rolled back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.config import Config, load_config
from kiosk.contract.releases import ReleaseRejected, manifest_from_dict, verify_manifest
from kiosk.contract.signing import b64
from kiosk.ops.layout import DataLayout
from kiosk.ops.releases import Limits, Releases, Verdict
from kiosk.ops.updates import UpdateInbox, report_healthy
from kiosk.ports.clock import FakeClock
from kiosk.updater import apply, check, fetch
from offline_queue.credentials import Credentials
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.update_fetch import UpdateFetcher
from scripts.make_release import build_release
from tests.support.central import CentralHandle
from tests.support.fault_proxy import Fault, FaultProxy

ROOT = Path(__file__).resolve().parents[2]
RELEASE_KEY = Ed25519PrivateKey.generate()
PAYLOAD = 300_000  # incompressible bytes per fake bundle, so a download takes several slices


def _bundle(where: Path, version: str) -> Path:
    """A stand-in for dist/kiosk: an executable that says its version, plus ballast."""
    bundle = where / f"bundle-{version}"
    (bundle / "_internal").mkdir(parents=True)
    exe = bundle / "kiosk"
    exe.write_text(f"#!/bin/sh\necho {version}\n")
    exe.chmod(0o755)
    (bundle / "_internal" / "ballast.bin").write_bytes(os.urandom(PAYLOAD))
    return bundle


def _publish(central: CentralHandle, tmp: Path, version: str, key=RELEASE_KEY) -> Path:
    signed = build_release(_bundle(tmp, version), version, key, tmp / "out")
    archive = tmp / "out" / f"kiosk-{version}.tar.gz"
    cmd = [sys.executable, "-m", "central", "publish-release", "--data-dir", str(central.data_dir)]
    done = subprocess.run(
        [*cmd, str(signed), str(archive)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return central.data_dir / "releases" / version / archive.name


@dataclass
class Terminal:
    config: Config
    layout: DataLayout
    releases: Releases


def _terminal(tmp: Path, central: CentralHandle, base_url: str | None = None) -> Terminal:
    data = tmp / "kiosk"
    creds = Credentials(data / "keys")
    client = PlatformClient(central.base_url, 2, 5)
    creds.save_enrolment(client.enrol(central.new_enrolment_code(), creds.public_key_b64(), "t"))
    keys = tmp / "release-keys"
    keys.write_text("# release team, 2026\n" + b64(RELEASE_KEY.public_key().public_bytes_raw()))
    root = tmp / "opt-kiosk"
    env = {
        "KIOSK__PLATFORM__BASE_URL": base_url or central.base_url,
        "KIOSK__PLATFORM__READ_TIMEOUT_S": "5",
        "KIOSK__TERMINAL__DATA_DIR": str(data),
        "KIOSK__LOGGING__DIR": str(data / "logs"),
        "KIOSK__UPDATES__RELEASE_KEYS_FILE": str(keys),
        "KIOSK__UPDATES__INSTALL_ROOT": str(root),
        "KIOSK__UPDATES__FETCH_BUDGET_BYTES": "100000",
    }
    config = load_config(None, env)
    # The installed version, as deploy/install.sh leaves it: releases/0.1.0, current, stable.
    installed = root / "releases" / "0.1.0"
    installed.parent.mkdir(parents=True)
    _bundle(tmp, "0.1.0").rename(installed)
    releases = Releases(root, FakeClock(), Limits(health_timeout_s=180, max_starts=3))
    releases.adopt("0.1.0")
    return Terminal(config, DataLayout(data), releases)


def _run(path: Path) -> str:
    return subprocess.run([str(path / "kiosk")], capture_output=True, text=True).stdout.strip()


class Quiet:
    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet

    def is_quiet(self) -> bool:
        return self.quiet


def test_a_download_cut_mid_stream_resumes_from_where_it_stopped(tmp_path, central):
    _publish(central, tmp_path, "0.2.0")
    with FaultProxy(central.port) as proxy:
        term = _terminal(tmp_path, central, base_url=proxy.url)
        # The link drops 30 kB into the first slice of the archive.
        proxy.add(Fault.reset_reply(after_bytes=30_000, match="GET /v1/updates/0.2.0/archive"))
        outcomes = [fetch(term.config, "0.1.0")]
        part = term.layout.updates / "0.2.0.part"
        cut_at = part.stat().st_size if part.exists() else 0
        assert outcomes == ["offline"] and 0 < cut_at < 100_000  # what came stays on disk
        for _ in range(10):
            outcomes.append(fetch(term.config, "0.1.0"))
            if outcomes[-1] == "staged":
                break
    assert outcomes[-1] == "staged" and set(outcomes[1:-1]) <= {"downloading"}
    assert "reset_reply" in proxy.applied
    staged = UpdateInbox(term.layout.updates).staged([RELEASE_KEY.public_key()])
    assert staged is not None and staged.manifest.version == "0.2.0"
    server_copy = central.data_dir / "releases" / "0.2.0" / staged.manifest.archive
    assert staged.archive.read_bytes() == server_copy.read_bytes()


def test_each_slice_asks_for_the_bytes_after_the_part_on_disk(tmp_path, central):
    _publish(central, tmp_path, "0.2.0")
    term = _terminal(tmp_path, central)
    client = PlatformClient(central.base_url, 2, 5)
    creds = Credentials(term.layout.keys)
    enrolment = creds.enrolment()
    assert enrolment is not None
    client.signer = Signer(enrolment.terminal_id, creds.key())
    signed = UpdateFetcher(client, term.layout.updates).offered("0.1.0")
    assert signed is not None
    manifest = verify_manifest(signed, [RELEASE_KEY.public_key()])
    first = UpdateFetcher(client, term.layout.updates).fetch(manifest, 50_000)
    # A new fetcher (a restarted process) continues from the file, not from memory.
    second = UpdateFetcher(client, term.layout.updates).fetch(manifest, 50_000)
    assert (first.resumed_from, first.offset) == (0, 50_000)
    assert (second.resumed_from, second.offset) == (50_000, 100_000)
    assert UpdateFetcher(client, term.layout.updates).offered("0.2.0") is None  # up to date


def test_a_manifest_signed_by_another_key_is_refused_and_nothing_is_downloaded(tmp_path, central):
    _publish(central, tmp_path, "0.2.0", key=Ed25519PrivateKey.generate())
    term = _terminal(tmp_path, central)
    assert fetch(term.config, "0.1.0") == "refused"
    assert not term.layout.updates.exists() or not any(term.layout.updates.iterdir())


def test_a_tampered_manifest_does_not_verify():
    signed = json.loads(
        json.dumps(
            {
                "manifest": {
                    "schema_version": 1,
                    "version": "0.2.0",
                    "archive": "kiosk-0.2.0.tar.gz",
                    "size": 10,
                    "sha256": "0" * 64,
                }
            }
        )
    )
    from kiosk.contract.releases import sign_manifest

    good = sign_manifest(RELEASE_KEY, manifest_from_dict(signed["manifest"]))
    verify_manifest(good, [RELEASE_KEY.public_key()])
    good["manifest"]["sha256"] = "1" * 64
    with pytest.raises(ReleaseRejected):
        verify_manifest(good, [RELEASE_KEY.public_key()])


def test_a_corrupt_archive_is_refused_and_deleted(tmp_path, central):
    on_server = _publish(central, tmp_path, "0.2.0")
    data = bytearray(on_server.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, one flipped byte: only the hash can tell
    on_server.write_bytes(bytes(data))
    term = _terminal(tmp_path, central)
    outcomes = [fetch(term.config, "0.1.0") for _ in range(6)]
    assert "refused" in outcomes and "staged" not in outcomes
    assert not list(term.layout.updates.glob("*.tar.gz"))
    assert not (term.layout.updates / "0.2.0.part").exists() or outcomes[-1] == "downloading"


def _staged(tmp_path, central) -> Terminal:
    """A terminal on 0.1.0 that has fetched and staged 0.2.0 from the platform."""
    _publish(central, tmp_path, "0.2.0")
    term = _terminal(tmp_path, central)
    while fetch(term.config, "0.1.0") != "staged":
        pass
    return term


def _staged_and_switched(tmp_path, central) -> Terminal:
    term = _staged(tmp_path, central)
    inbox = UpdateInbox(term.layout.updates)
    clock = FakeClock()
    assert not inbox.request_apply("0.2.0", Quiet(False), clock)  # someone is in a session
    assert apply(term.config, restart=False) == "nothing_to_apply"
    assert term.releases.current == "0.1.0"
    assert inbox.request_apply("0.2.0", Quiet(True), clock)
    assert apply(term.config, restart=False) == "switched"
    return term


def test_a_switch_at_a_quiet_moment_is_confirmed_once_the_new_version_reports_healthy(
    tmp_path, central
):
    term = _staged_and_switched(tmp_path, central)
    root = term.config.updates.install_root
    assert term.releases.current == "0.2.0" and term.releases.stable == "0.1.0"
    assert _run(root / "current") == "0.2.0"
    assert not UpdateInbox(term.layout.updates).request_path.exists()
    assert check(term.config, starting=True, restart=False) == "waiting"
    assert check(term.config, starting=False, restart=False) == "waiting"
    report_healthy(term.layout.health, "0.2.0", FakeClock())
    assert check(term.config, starting=False, restart=False) == "confirmed"
    assert term.releases.stable == "0.2.0" and _run(root / "stable") == "0.2.0"
    assert (root / "releases" / "0.1.0").is_dir()  # the previous version is kept
    assert fetch(term.config, "0.2.0") == "up_to_date"


def test_a_new_version_that_never_reports_healthy_is_rolled_back_and_not_taken_again(
    tmp_path, central
):
    term = _staged_and_switched(tmp_path, central)
    clock = FakeClock(monotonic_start=time.monotonic())  # the switch used the system's clock
    releases = Releases(term.config.updates.install_root, clock, Limits(180, 3))
    assert releases.check(None) is Verdict.WAITING
    clock.advance(181)
    assert releases.check(None) is Verdict.ROLLED_BACK
    assert (
        releases.current == "0.1.0"
        and _run(term.config.updates.install_root / "current") == "0.1.0"
    )
    assert releases.state()["bad"] == ["0.2.0"]
    assert fetch(term.config, "0.1.0") == "refused_rolled_back_version"


def test_a_new_version_that_keeps_crashing_is_rolled_back_before_its_next_start(tmp_path, central):
    term = _staged_and_switched(tmp_path, central)
    # A crash-looping build: systemd restarts the session, each start counted as root.
    verdicts = [check(term.config, starting=True, restart=False) for _ in range(4)]
    assert verdicts == ["waiting", "waiting", "waiting", "rolled_back"]
    assert term.releases.current == "0.1.0"
    # A health report from the old version does not confirm anything.
    report_healthy(term.layout.health, "0.1.0", FakeClock())
    assert check(term.config, starting=False, restart=False) == "nothing_pending"


def test_an_archive_that_escapes_its_folder_is_refused(tmp_path):
    import io
    import tarfile

    from kiosk.contract.releases import Manifest

    archive = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("../../etc/cron.d/evil")
        info.size = 4
        tar.addfile(info, io.BytesIO(b"evil"))
    releases = Releases(tmp_path / "root", FakeClock())
    with pytest.raises(ReleaseRejected):
        releases.install(archive, Manifest("9.9.9", "evil.tar.gz", 1, "0" * 64))
    assert not (tmp_path / "etc").exists()


def test_root_checks_the_staged_archive_again_before_installing_it(tmp_path, central):
    term = _staged(tmp_path, central)
    inbox = UpdateInbox(term.layout.updates)
    archive = inbox.archive_path("0.2.0")
    data = bytearray(archive.read_bytes())
    data[100] ^= 0x01  # changed on disk after the kiosk user staged it
    archive.write_bytes(bytes(data))
    assert inbox.request_apply("0.2.0", Quiet(True), FakeClock())
    assert apply(term.config, restart=False) == "refused"
    assert term.releases.current == "0.1.0" and not archive.exists()
    assert not (term.config.updates.install_root / "releases" / "0.2.0").exists()


def test_root_installs_its_own_copy_and_never_follows_a_link_put_in_the_archive_s_place(
    tmp_path, central
):
    term = _staged(tmp_path, central)
    inbox = UpdateInbox(term.layout.updates)
    archive = inbox.archive_path("0.2.0")
    elsewhere = tmp_path / "kept-by-the-kiosk-user.tar.gz"
    archive.rename(elsewhere)
    archive.symlink_to(elsewhere)  # the kiosk user could swap the file after root's check
    assert inbox.request_apply("0.2.0", Quiet(True), FakeClock())
    assert apply(term.config, restart=False) == "refused"
    assert term.releases.current == "0.1.0"
    assert not (term.config.updates.install_root / ".incoming" / "incoming.tar.gz").exists()


def test_an_older_release_is_never_installed_even_correctly_signed(tmp_path, central):
    term = _staged(tmp_path, central)
    # Meanwhile this terminal got 0.3.0 (say, from a technician's stick).
    _bundle(tmp_path, "0.3.0").rename(term.config.updates.install_root / "releases" / "0.3.0")
    term.releases.adopt("0.3.0")
    assert UpdateInbox(term.layout.updates).request_apply("0.2.0", Quiet(True), FakeClock())
    assert apply(term.config, restart=False) == "refused"
    assert term.releases.current == "0.3.0"
    # And the fetcher does not even download what is not newer than the running version.
    assert fetch(term.config, "0.3.0") in ("up_to_date", "refused_downgrade")
    assert fetch(term.config, "0.2.0") in ("up_to_date", "refused_downgrade")


@pytest.mark.parametrize(
    ("offered", "current", "taken"),
    [("0.2.0", "0.1.0", True), ("0.10.0", "0.9.3", True), ("0.1.0", "0.1.0", False),
     ("0.1.9", "0.2.0", False), ("1.0.0", None, True)],
)  # fmt: skip
def test_updates_only_go_forward(offered: str, current: str | None, taken: bool) -> None:
    from kiosk.updater import _newer

    assert _newer(offered, current) is taken

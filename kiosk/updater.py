"""The update verbs of the `kiosk` command: wiring only (see kiosk/ops/updates.py for the flow).

kiosk update-fetch [CONFIG]             kiosk user, timer: ask, download a slice, stage
kiosk update-apply [CONFIG] [--restart] root, path unit: verify again, install, switch
kiosk update-check [CONFIG] [--starting] [--restart]
                                        root, timer and ExecStartPre: confirm or roll back
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.config import Config
from kiosk.contract.releases import (
    ReleaseRejected,
    parse_version,
    verify_archive,
    verify_manifest,
)
from kiosk.errors import PlatformError
from kiosk.ops.layout import DataLayout
from kiosk.ops.releases import Limits, Releases, Verdict
from kiosk.ops.updates import UpdateInbox, load_release_keys, read_health
from kiosk.ports.clock import SystemClock
from kiosk.version import VERSION

log = logging.getLogger("kiosk.updates")
SESSION_UNIT = "kiosk-session.service"
SYNC_UNIT = "kiosk-sync.service"  # runs from /opt/kiosk/current too: the same version, always


def _restart_session() -> None:
    subprocess.run(["systemctl", "--no-block", "restart", SESSION_UNIT], check=False)
    # The headless sync runs the same code: left on the old version, a later prune would
    # delete the folder it runs from. try-restart: only if it runs (not on a dev machine).
    subprocess.run(["systemctl", "--no-block", "try-restart", SYNC_UNIT], check=False)


def _newer(offered: str, current: str | None) -> bool:
    """Updates only go forward: an old (even correctly signed) release is never taken, so a
    compromised platform cannot roll terminals back to a version with a known hole."""
    return current is None or parse_version(offered) > parse_version(current)


def _private_copy(staged: Path, folder: Path) -> Path:
    """Root's own copy of the archive the kiosk user staged, read through a descriptor that
    never follows a link: verified and installed from there, so the file cannot be swapped
    between the check and the install (the staging folder is the kiosk user's)."""
    folder.mkdir(mode=0o700, exist_ok=True)
    copy = folder / "incoming.tar.gz"
    copy.unlink(missing_ok=True)
    source = os.open(staged, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        with os.fdopen(source, "rb", closefd=False) as reader, open(copy, "xb") as writer:
            shutil.copyfileobj(reader, writer, 1024 * 1024)
            writer.flush()
            os.fsync(writer.fileno())
    finally:
        os.close(source)
    return copy


def fetch(config: Config, current_version: str = VERSION) -> str:
    """One pass; returns what happened, in a word, for the journal and the tests."""
    from offline_queue.credentials import Credentials
    from offline_queue.platform_client import PlatformClient, Signer
    from offline_queue.update_fetch import UpdateFetcher

    layout = DataLayout(config.terminal.data_dir)
    inbox = UpdateInbox(layout.updates)
    trusted = load_release_keys(config.updates.release_keys_file)
    if inbox.staged(trusted) is not None:
        return "staged"
    enrolment = Credentials(layout.keys).enrolment()
    if enrolment is None:
        return "not_enrolled"
    client = PlatformClient(
        config.platform.base_url,
        config.platform.connect_timeout_s,
        config.platform.read_timeout_s,
        config.platform.ca_file,
    )
    client.signer = Signer(enrolment.terminal_id, Credentials(layout.keys).key())
    fetcher = UpdateFetcher(client, layout.updates)
    try:
        signed = fetcher.offered(current_version)
        if signed is None:
            return "up_to_date"
        manifest = verify_manifest(signed, trusted)
        if not _newer(manifest.version, current_version):
            log.error("update refused: %s is not newer than %s", manifest.version, current_version)
            return "refused_downgrade"
        bad = Releases(config.updates.install_root, SystemClock()).state().get("bad", [])
        if manifest.version in bad:
            return "refused_rolled_back_version"
        fetcher.remember(signed, manifest)
        progress = fetcher.fetch(manifest, config.updates.fetch_budget_bytes)
        log.info("update %s: %d of %d bytes", manifest.version, progress.offset, progress.size)
        if not progress.complete:
            return "downloading"
        inbox.stage(fetcher.part_path(manifest), signed, manifest)
        return "staged"
    except ReleaseRejected as exc:
        log.error("update refused: %s", exc)
        return "refused"
    except PlatformError as exc:
        log.info("update check: platform not reachable (%s)", exc.detail)
        return "offline"
    finally:
        client.close()


def apply(config: Config, restart: bool) -> str:
    layout = DataLayout(config.terminal.data_dir)
    inbox = UpdateInbox(layout.updates)
    wanted = inbox.requested_version()
    releases = _releases(config)
    staged = None
    try:
        staged = inbox.staged(load_release_keys(config.updates.release_keys_file))
        if wanted is None or staged is None or staged.manifest.version != wanted:
            return "nothing_to_apply"
        if not _newer(staged.manifest.version, releases.current):
            raise ReleaseRejected(
                f"{staged.manifest.version} is not newer than {releases.current}: no downgrades"
            )
        try:
            copy = _private_copy(staged.archive, releases.root / ".incoming")
        except OSError as exc:
            raise ReleaseRejected(f"the staged archive cannot be read: {exc}") from None
        try:
            verify_archive(copy, staged.manifest)
            releases.install(copy, staged.manifest)
        finally:
            copy.unlink(missing_ok=True)
        releases.switch(staged.manifest.version, layout.health)
        staged.archive.unlink()
    except ReleaseRejected as exc:
        log.error("update not applied: %s", exc)
        if staged is not None:
            staged.archive.unlink(missing_ok=True)  # refused once, refused again: do not keep it
        return "refused"
    finally:
        inbox.request_path.unlink(missing_ok=True)
    if restart:
        _restart_session()
    return "switched"


def _releases(config: Config) -> Releases:
    limits = Limits(config.updates.health_timeout_s, config.updates.max_starts)
    return Releases(config.updates.install_root, SystemClock(), limits)


def check(config: Config, starting: bool, restart: bool) -> str:
    releases = _releases(config)
    if starting:
        verdict = releases.starting()
    else:
        verdict = releases.check(read_health(DataLayout(config.terminal.data_dir).health))
        if verdict is Verdict.ROLLED_BACK and restart:
            _restart_session()
    if verdict is Verdict.ROLLED_BACK:
        log.error("update rolled back: %s", releases.state().get("last_rollback"))
    return verdict.value


def main(verb: str, config: Config, argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog=f"kiosk {verb}")
    parser.add_argument("--restart", action="store_true", help="restart the kiosk session")
    parser.add_argument("--starting", action="store_true", help="called before a session start")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(message)s")
    if verb == "update-fetch":
        outcome = fetch(config)
    elif verb == "update-apply":
        outcome = apply(config, args.restart)
    else:
        outcome = check(config, args.starting, args.restart)
    print(outcome)
    return 1 if outcome == "refused" else 0

"""Application updates on the terminal: what is trusted, what is staged, when to switch.

Why not an existing updater: tufup (on python-tuf) was the closest fit and was looked at
first. It would bring a whole TUF repository (root/targets/snapshot/timestamp roles) to run
on the platform, its downloads go through python-tuf's own fetcher (whole files, no resume
with Range, so a 250 MB bundle on a 2G link never finishes), and it installs by overwriting
the install folder rather than switching between kept versions with a health check and a
rollback. What a village terminal needs is small: one signed manifest (kiosk/contract/
releases.py), a resumable download (offline_queue/update_fetch.py), and the switch and
rollback in kiosk/ops/releases.py, each tested against the real platform.

The flow, across users:
  kiosk user, `kiosk update-fetch` (timer): asks the platform, checks the manifest's
      signature, downloads in budgeted slices to <data>/updates/, verifies size and sha256,
      and stages <version>.tar.gz beside its signed manifest.
  kiosk UI (the composition root): when something is staged and the QuietMoment says nobody
      is in a session, writes <data>/updates/apply.request.
  root, `kiosk update-apply` (path unit): checks signature and hash again with the root-owned
      release keys, installs, switches, restarts the session.
  root, `kiosk update-check` (timer, and before each session start): confirms the new version
      once it reported healthy, or rolls back when it did not in time or kept crashing.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk.contract.releases import Manifest, ReleaseRejected, verify_archive, verify_manifest
from kiosk.contract.signing import unb64
from kiosk.ports.clock import Clock
from offline_queue.files import write_private


class QuietMoment(Protocol):
    """Implemented by the UI: True only when nobody is in a session (the home screen, idle,
    no card in the reader, no print or upload running), so a restart interrupts no one."""

    def is_quiet(self) -> bool: ...


def load_release_keys(path: Path) -> list[Ed25519PublicKey]:
    """One base64url raw Ed25519 public key per line; # comments and blank lines ignored."""
    keys = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip()
        if text:
            keys.append(Ed25519PublicKey.from_public_bytes(unb64(text)))
    return keys


@dataclass(frozen=True)
class Staged:
    manifest: Manifest
    signed: dict[str, Any]
    archive: Path


class UpdateInbox:
    """The updates folder in the data dir: downloads in progress, a staged archive, and the
    request to apply it. The disk guard may delete anything here that `keep()` does not name."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def manifest_path(self, version: str) -> Path:
        return self.directory / f"{version}.manifest.json"

    def archive_path(self, version: str) -> Path:
        return self.directory / f"{version}.tar.gz"

    @property
    def request_path(self) -> Path:
        return self.directory / "apply.request"

    def stage(self, part: Path, signed: dict[str, Any], manifest: Manifest) -> Staged:
        """A finished download, verified, becomes the staged archive; a bad one is deleted."""
        try:
            verify_archive(part, manifest)
        except ReleaseRejected:
            part.unlink(missing_ok=True)
            raise
        final = self.archive_path(manifest.version)
        os.replace(part, final)
        return Staged(manifest, signed, final)

    def staged(self, trusted: list[Ed25519PublicKey]) -> Staged | None:
        """The newest staged archive whose manifest still verifies (the hash is checked again
        when it is applied)."""
        for path in sorted(self.directory.glob("*.tar.gz"), reverse=True):
            version = path.name.removesuffix(".tar.gz")
            try:
                signed = json.loads(self.manifest_path(version).read_text(encoding="utf-8"))
                manifest = verify_manifest(signed, trusted)
            except (OSError, ValueError):
                continue
            if manifest.version == version:
                return Staged(manifest, signed, path)
        return None

    def request_apply(self, version: str, quiet: QuietMoment, clock: Clock) -> bool:
        """Asks root to switch to `version`, only at a quiet moment. Returns whether it asked."""
        if self.request_path.exists() or not quiet.is_quiet():
            return False
        at_ms = int(clock.now().timestamp() * 1000)
        write_private(self.request_path, json.dumps({"version": version, "at_ms": at_ms}).encode())
        return True

    def requested_version(self) -> str | None:
        try:
            return str(json.loads(self.request_path.read_text(encoding="utf-8"))["version"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def keep(self) -> set[Path]:
        """What the disk guard must leave alone: the newest download or staged archive, its
        manifest, and a pending request. Older versions' files are fair game."""
        names = [p.name.split(".manifest.json")[0] for p in self.directory.glob("*.manifest.json")]
        if not names:
            return {self.request_path}
        newest = max(names, key=lambda v: tuple(int(x) for x in v.split(".") if x.isdigit()))
        return {
            self.request_path,
            self.manifest_path(newest),
            self.archive_path(newest),
            self.directory / f"{newest}.part",
        }


def report_healthy(path: Path, version: str, clock: Clock) -> None:
    """Written by the UI once its home screen is up: the health check reads it (as root)."""
    body = {"version": version, "at_ms": int(clock.now().timestamp() * 1000), "pid": os.getpid()}
    write_private(path, json.dumps(body).encode())
    os.chmod(path, 0o644)  # root reads it; it holds nothing private


def read_health(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None

"""Installed application versions, the atomic switch between them, and the rollback.

    /opt/kiosk/releases/<version>/   one extracted bundle per version (root-owned, read-only)
    /opt/kiosk/current -> releases/<v>   what the units run
    /opt/kiosk/stable  -> releases/<v>   the last version that proved healthy; the updater
                                         itself always runs from here, never from an
                                         unproven version
    /opt/kiosk/state.json                the pending switch, if any, and versions rolled back

A switch: install beside the others, record the pending switch (durably), then flip `current`
with one rename of a symlink. The new version must report healthy (kiosk/ops/updates.py,
`report_healthy`) within `health_timeout_s` of the switch and before it has been started
`max_starts` times; otherwise `current` flips back to `stable` and the version is remembered
as bad so it is not installed again. Old versions beyond current and stable are pruned once
the new one is confirmed.
"""

from __future__ import annotations

import json
import os
import shutil
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Any

from kiosk.contract.releases import Manifest, ReleaseRejected
from kiosk.ports.clock import Clock
from offline_queue.files import write_private


def linux_boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


class Verdict(StrEnum):
    NOTHING_PENDING = "nothing_pending"
    WAITING = "waiting"
    CONFIRMED = "confirmed"
    ROLLED_BACK = "rolled_back"


@dataclass(frozen=True)
class Limits:
    health_timeout_s: float = 180.0
    max_starts: int = 3


def _safe_members(tar: tarfile.TarFile) -> list[tarfile.TarInfo]:
    """Python 3.11.2 has no extraction filters: refuse anything that could land outside the
    release folder or is not a plain file, folder or in-tree symlink."""
    members = []
    for m in tar.getmembers():
        path = PurePosixPath(m.name)
        if path.is_absolute() or ".." in path.parts:
            raise ReleaseRejected(f"archive member escapes the release folder: {m.name!r}")
        if m.issym():
            target = PurePosixPath(m.linkname)
            if target.is_absolute() or ".." in (path.parent / target).parts:
                raise ReleaseRejected(f"archive symlink points outside: {m.name!r}")
        elif not (m.isfile() or m.isdir()):
            raise ReleaseRejected(f"archive member is not a file or folder: {m.name!r}")
        m.mode &= 0o755  # no setuid, nothing world-writable
        members.append(m)
    return members


class Releases:
    def __init__(
        self,
        root: Path,
        clock: Clock,
        limits: Limits | None = None,
        boot_id: Callable[[], str] = linux_boot_id,
    ) -> None:
        self.root, self.clock, self.limits, self.boot_id = root, clock, limits or Limits(), boot_id

    # --- layout -------------------------------------------------------------------------------

    def folder(self, version: str) -> Path:
        return self.root / "releases" / version

    def _link(self, name: str) -> str | None:
        try:
            return Path(os.readlink(self.root / name)).name
        except OSError:
            return None

    @property
    def current(self) -> str | None:
        return self._link("current")

    @property
    def stable(self) -> str | None:
        return self._link("stable")

    def _point(self, name: str, version: str) -> None:
        """Atomically: a new symlink beside the old one, renamed over it, then fsync the dir."""
        tmp = self.root / f".{name}.tmp"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(Path("releases") / version)
        os.replace(tmp, self.root / name)
        fd = os.open(self.root, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def state(self) -> dict[str, Any]:
        try:
            data = json.loads((self.root / "state.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"pending": None, "bad": []}
        return data if isinstance(data, dict) else {"pending": None, "bad": []}

    def _save(self, state: dict[str, Any]) -> None:
        path = self.root / "state.json"
        write_private(path, json.dumps(state, sort_keys=True).encode())
        path.chmod(0o644)  # the kiosk user's fetcher reads which versions were rolled back

    # --- install and switch ---------------------------------------------------------------------

    def adopt(self, version: str) -> None:
        """First install: the version in releases/<version> becomes current and stable."""
        self._point("current", version)
        self._point("stable", version)

    def install(self, archive: Path, manifest: Manifest) -> Path:
        """Extracts a verified archive to releases/<version>/ (complete or not at all)."""
        if manifest.version in self.state().get("bad", []):
            raise ReleaseRejected(f"{manifest.version} was rolled back before; not installing")
        final = self.folder(manifest.version)
        if final.is_dir():
            return final
        tmp = self.root / "releases" / f".{manifest.version}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True, mode=0o755)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(tmp, members=_safe_members(tar))
        inner = list(tmp.iterdir())
        source = inner[0] if len(inner) == 1 and inner[0].is_dir() else tmp
        if not (source / "kiosk").is_file():
            shutil.rmtree(tmp)
            raise ReleaseRejected("archive holds no kiosk executable")
        os.replace(source, final)
        shutil.rmtree(tmp, ignore_errors=True)  # the emptied wrapper folder, if there was one
        return final

    def switch(self, version: str, health_file: Path) -> None:
        if not self.folder(version).is_dir():
            raise ReleaseRejected(f"{version} is not installed")
        if self.current == version:
            return
        health_file.unlink(missing_ok=True)  # only the new version's report may count
        state = self.state()
        state["pending"] = {
            "version": version,
            "from": self.current,
            "since": self.clock.monotonic(),
            "boot_id": self.boot_id(),
            "starts": 0,
        }
        self._save(state)
        self._point("current", version)

    # --- the health check ----------------------------------------------------------------------

    def starting(self) -> Verdict:
        """Before each session start: one more start of a pending version; too many and it is
        rolled back before it runs again."""
        state = self.state()
        pending = state.get("pending")
        if not pending:
            return Verdict.NOTHING_PENDING
        pending["starts"] = int(pending.get("starts", 0)) + 1
        self._save(state)
        if pending["starts"] > self.limits.max_starts:
            return self.rollback(f"started {pending['starts'] - 1} times without reporting healthy")
        return Verdict.WAITING

    def check(self, health: dict[str, Any] | None) -> Verdict:
        """Periodically: confirm a pending version that reported healthy, or roll it back when
        its time is up. After a reboot the clock for the timeout starts again."""
        state = self.state()
        pending = state.get("pending")
        if not pending:
            return Verdict.NOTHING_PENDING
        if health is not None and health.get("version") == pending["version"]:
            state["pending"] = None
            self._save(state)
            self._point("stable", pending["version"])
            self.prune(keep_also=pending.get("from"))
            return Verdict.CONFIRMED
        if pending.get("boot_id") != self.boot_id():
            pending.update(boot_id=self.boot_id(), since=self.clock.monotonic())
            self._save(state)
            return Verdict.WAITING
        if self.clock.monotonic() - float(pending["since"]) > self.limits.health_timeout_s:
            return self.rollback(f"not healthy within {self.limits.health_timeout_s:.0f} s")
        return Verdict.WAITING

    def rollback(self, reason: str) -> Verdict:
        state = self.state()
        pending = state.get("pending") or {}
        stable = self.stable
        if stable is None:
            raise ReleaseRejected("no stable version to roll back to")
        self._point("current", stable)
        bad = [v for v in state.get("bad", []) if v != pending.get("version")]
        state.update(
            pending=None,
            bad=[*bad, pending.get("version")] if pending else bad,
            last_rollback={"version": pending.get("version"), "reason": reason},
        )
        self._save(state)
        return Verdict.ROLLED_BACK

    def prune(self, keep_also: str | None = None) -> list[str]:
        """Removes versions other than current, stable and `keep_also` (the previous one)."""
        keep = {self.current, self.stable, keep_also}
        removed = []
        for folder in (self.root / "releases").iterdir():
            if folder.name not in keep and not folder.name.startswith("."):
                shutil.rmtree(folder)
                removed.append(folder.name)
        return removed

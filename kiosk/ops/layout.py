"""Where the terminal keeps its data: one directory (the `terminal.data_dir` setting, in
production /var/lib/kiosk, owned by the kiosk user, mode 0700). One place knows the layout,
so the disk guard, the heartbeat and the technician screen agree on it.

    queue.sqlite3           the outbox and its sealed pages (offline_queue.store owns it)
    keys/                   terminal key and enrolment (0600 files, 0700 dir)
    catalog.json            cached service catalog
    notices.json            cached notices (refetched from the platform when purged)
    logs/                   the `logging.dir` setting: rotated JSON-lines logs of the UI, and
                            logs/sync/ of the sync service (each process rotates its own file)
    updates/                application update downloads (resumable partial files)
    restarts.json           how often the kiosk session stopped, and why (see restarts.py)
    session-exit.json       how the UI's last run ended (session.py; read by record-exit)
    health.json             the running version's last "healthy" report (see updates)
    maintenance.request     the technician asked to leave the kiosk session (maintenance.py)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DataLayout:
    root: Path

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def catalog_cache(self) -> Path:
        return self.root / "catalog.json"

    @property
    def notices_cache(self) -> Path:
        return self.root / "notices.json"

    @property
    def updates(self) -> Path:
        return self.root / "updates"

    @property
    def restarts(self) -> Path:
        return self.root / "restarts.json"

    @property
    def session_exit(self) -> Path:
        return self.root / "session-exit.json"

    @property
    def health(self) -> Path:
        return self.root / "health.json"

    @property
    def maintenance_request(self) -> Path:
        return self.root / "maintenance.request"

"""The terminal-side parts the heartbeat reads and the actions platform commands run: the data
dir's disk, the log upload, and the handlers the composition root wires.

Thread: worker threads (file and network I/O).
"""

from __future__ import annotations

import gzip
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from kiosk.log import scrub
from kiosk.ports.health import DiskUsage
from offline_queue.platform_client import PlatformClient

LOG_NAME_RE = re.compile(r"kiosk\.log(\.[0-9]{1,2})?")  # kiosk/log.py's file and its backups
MAX_LOG_UPLOAD = 4 * 1024 * 1024  # per file, compressed; the newest part is kept


class DataDirDisk:
    def __init__(self, path: Path) -> None:
        self.path = path

    def usage(self) -> DiskUsage:
        usage = shutil.disk_usage(self.path)
        return DiskUsage(free_bytes=usage.free, total_bytes=usage.total)


def log_files(log_dir: Path) -> list[tuple[str, Path]]:
    """(name, path) of the log files: the UI's, and the sync service's in logs/sync/."""
    found = []
    for prefix, folder in (("", log_dir), ("sync-", log_dir / "sync")):
        found += [
            (prefix + p.name, p)
            for p in sorted(folder.glob("kiosk.log*"))
            if LOG_NAME_RE.fullmatch(p.name)
        ]
    return found


class LogUploader:
    """Sends the kiosk's log files for an `upload_logs` command. The logs hold no personal
    data by construction (kiosk/log.py); every line is scrubbed once more on the way out."""

    def __init__(self, client: PlatformClient, log_dir: Path) -> None:
        self.client, self.log_dir = client, log_dir

    def files(self) -> list[tuple[str, Path]]:
        """(upload name, path): the UI's logs, and the sync service's in logs/sync/."""
        return log_files(self.log_dir)

    def upload(self, command_id: str) -> str:
        """Raises PlatformError when the platform cannot take them (the command then fails
        and says so; the technician may send it again)."""
        sent = 0
        files = self.files()
        for name, path in files:
            text = path.read_bytes().decode("utf-8", errors="replace")
            body = gzip.compress("\n".join(scrub(line) for line in text.splitlines()).encode())
            if len(body) > MAX_LOG_UPLOAD:
                tail = text[-MAX_LOG_UPLOAD * 4 :]  # JSON lines compress about 10:1
                body = gzip.compress("\n".join(scrub(ln) for ln in tail.splitlines()).encode())
            self.client.upload_log(command_id, name, body)
            sent += len(body)
        return f"{len(files)} log files, {sent} bytes compressed"


class TerminalCommandHandlers:
    """CommandHandlers over the real actions, as the composition root passes them in."""

    def __init__(
        self,
        refresh_catalog: Callable[[], str],
        requeue_dead_letters: Callable[[], int],
        logs: LogUploader,
    ) -> None:
        self._refresh, self._requeue, self._logs = refresh_catalog, requeue_dead_letters, logs

    def refresh_catalog(self) -> str:
        return self._refresh()

    def upload_logs(self, command_id: str) -> str:
        return self._logs.upload(command_id)

    def retry_dead_letters(self) -> str:
        return f"{self._requeue()} dead letters queued again"

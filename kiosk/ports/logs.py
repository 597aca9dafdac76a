"""The terminal's logs for the technician: the latest lines, and a copy on a USB stick.

The logs hold no personal data by construction (kiosk/log.py scrubs every line as it is
written); an export scrubs each line again and reads the copy back to prove it, before it
counts as done. Plain data only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kiosk.errors import KioskError


@dataclass(frozen=True)
class LogLine:
    at: str  # as the log has it, e.g. 2026-11-22T16:03:05
    level: str
    source: str  # "kiosk" (the UI) or "sync" (the headless sync service)
    text: str  # the logger's name and message


@dataclass(frozen=True)
class LogExport:
    directory: str  # the folder made on the medium
    files: tuple[str, ...]
    total_bytes: int
    lines_checked: int  # lines read back from the copy and found free of personal data


class ExportNotClean(KioskError):
    """The copy, read back, held something shaped like personal data: it was deleted."""

    message_key = "tech.logs.not_clean"


class ExportFailed(KioskError):
    """The medium could not take the copy (full, read-only, pulled out)."""

    message_key = "tech.export.failed"


class LogStore(Protocol):
    def recent(self, limit: int = 200) -> list[LogLine]:
        """The newest lines of every log, newest last. Reads files: a worker."""
        ...

    def export(self, destination: str, folder: str) -> LogExport:
        """Copies every log (scrubbed again) and the audit log (as it is, to stay verifiable)
        into `destination/folder`, synced to the medium, then reads it back to prove it holds
        no personal data. Raises ExportFailed or ExportNotClean (the copy is then removed)."""
        ...

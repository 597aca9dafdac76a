"""日志 for the technician: the latest lines, and a copy on a USB stick, both audited.

Qt-free; every call reads files or writes to the medium: a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from kiosk.ports.audit import AuditValue
from kiosk.ports.clock import Clock
from kiosk.ports.logs import LogExport, LogLine, LogStore
from kiosk.ports.media import Medium, RemovableMedia

Record = Callable[[str, str, Mapping[str, AuditValue] | None], None]


def export_folder(kind: str, terminal_id: str, clock: Clock) -> str:
    """e.g. kiosk-logs-K7Q2M-20261122T080000Z: which terminal, what, when (UTC)."""
    return f"kiosk-{kind}-{terminal_id or 'unenrolled'}-{clock.now():%Y%m%dT%H%M%SZ}"


class LogTools:
    def __init__(
        self,
        record: Record,
        logs: LogStore,
        media: RemovableMedia,
        terminal_id: Callable[[], str],
        clock: Clock,
    ) -> None:
        self._record, self._logs, self._media = record, logs, media
        self._terminal_id, self._clock = terminal_id, clock

    def recent(self, limit: int = 200) -> list[LogLine]:
        self._record("logs.view", "", None)
        return self._logs.recent(limit)

    def media(self) -> list[Medium]:
        return self._media.media()

    def export(self, medium: Medium) -> LogExport:
        """Audited before (the folder) and after (what was written); a medium's label is
        never recorded (a stick may be named after its owner)."""
        folder = export_folder("logs", self._terminal_id(), self._clock)
        self._record("logs.export", folder, None)
        done = self._logs.export(medium.path, folder)
        self._record(
            "logs.exported",
            folder,
            {"files": len(done.files), "bytes": done.total_bytes, "lines": done.lines_checked},
        )
        return done

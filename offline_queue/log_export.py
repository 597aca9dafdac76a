"""The LogStore port on the log files (kiosk/log.py's JSON lines) and the audit log.

Export: into a new folder on the medium, written as `.partial` and renamed when complete,
every file fsynced (a USB stick may be pulled right after), with a SHA256SUMS file for
`sha256sum -c`; then every exported file is read back and searched for ID numbers (18 digits
whose check character is right, or 15 digits) and mobile numbers, independently of the scrub
that wrote it. Anything found and the copy is removed.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

from kiosk.domain.validation import id_check_char
from kiosk.log import scrub
from kiosk.ports.logs import ExportFailed, ExportNotClean, LogExport, LogLine
from offline_queue.heartbeat import log_files

# 18 digits with the right check character anywhere; the shorter shapes only as whole tokens,
# since hex hashes in the audit log hold long runs of digits by chance.
_ID18 = re.compile(r"(?<![0-9])([0-9]{17})([0-9Xx])(?![0-9])")
_ID15 = re.compile(r"(?<![0-9A-Za-z])[0-9]{15}(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86)?1[3-9][0-9]{9}(?![0-9A-Za-z])")
TAIL_BYTES = 256 * 1024


def personal_data_in(text: str) -> list[str]:
    """What in `text` looks like personal data: "id", "mobile" (one per finding)."""
    found = ["id" for m in _ID18.finditer(text) if id_check_char(m.group(1)) == m.group(2).upper()]
    found += ["id" for _ in _ID15.finditer(text)]
    found += ["mobile" for _ in _MOBILE.finditer(text)]
    return found


def _tail(path: Path, limit: int) -> list[str]:
    with path.open("rb") as f:
        size = f.seek(0, os.SEEK_END)
        f.seek(max(0, size - TAIL_BYTES))
        data = f.read().decode("utf-8", errors="replace")
    lines = data.splitlines()
    return lines[-limit:] if size <= TAIL_BYTES else lines[1:][-limit:]


def _line(raw: str, source: str) -> LogLine:
    try:
        entry = json.loads(raw)
        text = f"{entry.get('logger', '')}: {entry.get('msg', '')}"
        return LogLine(str(entry.get("t", "")), str(entry.get("level", "")), source, scrub(text))
    except (ValueError, AttributeError):
        return LogLine("", "", source, scrub(raw))


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class FileLogStore:
    def __init__(self, log_dir: Path, audit_log: Path) -> None:
        self.log_dir, self.audit_log = log_dir, audit_log

    def recent(self, limit: int = 200) -> list[LogLine]:
        lines: list[LogLine] = []
        for name, path in log_files(self.log_dir):
            if name in ("kiosk.log", "sync-kiosk.log"):  # the live files; backups are older
                source = "sync" if name.startswith("sync-") else "kiosk"
                lines += [_line(raw, source) for raw in _tail(path, limit)]
        lines.sort(key=lambda line: line.at)
        return lines[-limit:]

    def _sources(self) -> Iterator[tuple[str, Path, bool]]:
        """(name in the export, file, scrub it)."""
        for name, path in log_files(self.log_dir):
            yield name, path, True
        for path in (self.audit_log, self.audit_log.with_name(self.audit_log.name + ".head")):
            if path.is_file():
                yield path.name, path, False

    def export(self, destination: str, folder: str) -> LogExport:
        target = Path(destination) / folder
        partial = target.with_name(target.name + ".partial")
        try:
            return self._export(target, partial)
        except OSError as exc:
            shutil.rmtree(partial, ignore_errors=True)
            why = "no space left" if exc.errno == errno.ENOSPC else type(exc).__name__
            raise ExportFailed(f"{destination}: {why}") from None

    def _export(self, target: Path, partial: Path) -> LogExport:
        partial.mkdir(parents=True)
        sums, total = [], 0
        for name, path, clean in self._sources():
            data = path.read_bytes()
            if clean:
                text = data.decode("utf-8", errors="replace")
                data = ("\n".join(scrub(line) for line in text.splitlines()) + "\n").encode()
            with (partial / name).open("wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            sums.append(f"{hashlib.sha256(data).hexdigest()}  {name}\n")
            total += len(data)
        (partial / "SHA256SUMS").write_text("".join(sums), encoding="utf-8")
        checked = 0
        for exported in sorted(partial.iterdir()):
            text = exported.read_text(encoding="utf-8", errors="replace")
            checked += text.count("\n")
            if personal_data_in(text):
                shutil.rmtree(partial, ignore_errors=True)
                raise ExportNotClean(f"{exported.name}: personal data found; copy removed")
        _fsync_dir(partial)
        partial.rename(target)
        _fsync_dir(target.parent)
        names = tuple(sorted(p.name for p in target.iterdir()))
        return LogExport(str(target), names, total, checked)

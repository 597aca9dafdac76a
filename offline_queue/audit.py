"""The tamper-evident audit log: hash-chained JSON lines in the terminal's data dir.

Each entry carries `prev`, the hash of the entry before it, and `hash`, the SHA-256 of its own
canonical JSON without `hash`; so changing any entry breaks its own hash or the next entry's
link. `audit.head` (written after every append) remembers the last entry, so a log cut short
is found too; the heartbeat reports the same head to the platform, which keeps it as an anchor
that a local rewrite of both files cannot match.

Durable: each entry is one O_APPEND write, fsynced before `record` returns; writers in several
processes take an exclusive flock. A line torn by a power cut (never acknowledged to its
caller) is cut off by the next writer, which records that it did so.

Thread: any worker thread; a call blocks on two fsyncs.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.contract.records import canonical_json
from kiosk.log import scrub
from kiosk.ports.audit import (
    GENESIS_HASH,
    AuditActor,
    AuditEntry,
    AuditHead,
    AuditPersonalData,
    AuditRole,
    AuditValue,
)
from kiosk.ports.clock import Clock, SystemClock
from offline_queue.files import write_private

ACTION_RE = re.compile(r"[a-z][a-z0-9_.]{0,63}")
DETAIL_KEY_RE = re.compile(r"[a-z][a-z0-9_]{0,31}")
MAX_TEXT = 200
MAX_DETAILS = 20
TAIL_BLOCK = 64 * 1024


def entry_hash(body: Mapping[str, Any]) -> str:
    """SHA-256 hex of an entry's canonical JSON without its own `hash` field."""
    return hashlib.sha256(
        canonical_json({k: v for k, v in body.items() if k != "hash"})
    ).hexdigest()


def _clean_text(what: str, value: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError(f"audit {what}: a string of at most {limit} characters")
    if scrub(value) != value:
        raise AuditPersonalData(f"audit {what}: looks like an ID or phone number; refused")
    return value


def _validate(actor: AuditActor, action: str, subject: str, details: Mapping[str, Any]) -> None:
    if not ACTION_RE.fullmatch(action):
        raise ValueError(f"audit action {action!r}: lower-case dotted code expected")
    ref = _clean_text("actor", actor.ref, 40)
    if not ref.isascii() and "*" not in ref:
        raise AuditPersonalData("audit actor: a person is named by number or masked name only")
    _clean_text("subject", subject, 120)
    if len(details) > MAX_DETAILS:
        raise ValueError(f"audit details: at most {MAX_DETAILS} keys")
    for key, value in details.items():
        if not DETAIL_KEY_RE.fullmatch(key):
            raise ValueError(f"audit detail key {key!r}: lower-case code expected")
        if isinstance(value, str):
            _clean_text(f"detail {key}", value)
        elif not isinstance(value, bool | int):
            raise ValueError(f"audit detail {key}: str, int or bool expected")


def _entry_from_json(data: Mapping[str, Any]) -> AuditEntry:
    actor = data["actor"]
    return AuditEntry(
        seq=int(data["seq"]),
        at_ms=int(data["at_ms"]),
        actor=AuditActor(AuditRole(actor["role"]), str(actor["ref"])),
        action=str(data["action"]),
        subject=str(data.get("subject", "")),
        details=dict(data.get("details", {})),
        prev=str(data["prev"]),
        hash=str(data["hash"]),
    )


def _read_head(path: Path) -> AuditHead | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return AuditHead(int(data["seq"]), str(data["hash"]))
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError):
        return AuditHead(-1, "")  # a damaged head file is itself a finding for verify


class AuditLog:
    """The AuditTrail port on a file. One instance per process is enough; it holds no handle
    open between calls."""

    def __init__(self, path: Path, clock: Clock) -> None:
        self.path = path
        self.head_path = path.with_name(path.name + ".head")
        self.clock = clock

    def record(
        self,
        actor: AuditActor,
        action: str,
        subject: str = "",
        details: Mapping[str, AuditValue] | None = None,
    ) -> AuditEntry:
        details = dict(details or {})
        _validate(actor, action, subject, details)
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            last, torn = self._last(fd)
            if torn:
                # A torn line is an append a power cut interrupted: never acknowledged, cut off,
                # and the cut itself is recorded.
                os.ftruncate(fd, os.fstat(fd).st_size - torn)
                repair = self._append(
                    fd,
                    last,
                    AuditActor(AuditRole.SYSTEM, "terminal"),
                    "audit.torn_line_removed",
                    "",
                    {"bytes": torn},
                )
                last = AuditHead(repair.seq, repair.hash)
            entry = self._append(fd, last, actor, action, subject, details)
        finally:
            os.close(fd)  # closing releases the flock
        return entry

    def _append(
        self,
        fd: int,
        last: AuditHead,
        actor: AuditActor,
        action: str,
        subject: str,
        details: Mapping[str, AuditValue],
    ) -> AuditEntry:
        body: dict[str, Any] = {
            "seq": last.seq + 1,
            "at_ms": int(self.clock.now().timestamp() * 1000),
            "actor": {"role": actor.role.value, "ref": actor.ref},
            "action": action,
            "subject": subject,
            "details": dict(details),
            "prev": last.hash,
        }
        body["hash"] = entry_hash(body)
        os.write(fd, canonical_json(body) + b"\n")
        os.fsync(fd)
        write_private(self.head_path, canonical_json({"seq": body["seq"], "hash": body["hash"]}))
        return _entry_from_json(body)

    def _last(self, fd: int) -> tuple[AuditHead, int]:
        """The last complete entry's head, and how many bytes of torn line follow it."""
        size = os.fstat(fd).st_size
        if size == 0:
            return AuditHead(0, GENESIS_HASH), 0
        start = max(0, size - TAIL_BLOCK)
        tail = os.pread(fd, size - start, start)
        torn = 0 if tail.endswith(b"\n") else len(tail) - (tail.rfind(b"\n") + 1)
        lines = tail[: len(tail) - torn].splitlines()
        if not lines:
            return AuditHead(0, GENESIS_HASH), torn
        try:
            data = json.loads(lines[-1])
            return AuditHead(int(data["seq"]), str(data["hash"])), torn
        except (ValueError, KeyError, TypeError):
            # The last line was damaged by someone: carry on after it (verify reports the
            # damage), linking to its raw bytes so nothing after it can be spliced elsewhere.
            count = sum(1 for _ in _lines(self.path))
            return AuditHead(count, hashlib.sha256(lines[-1]).hexdigest()), torn

    def head(self) -> AuditHead:
        head = _read_head(self.head_path)
        return head if head is not None and head.seq >= 0 else AuditHead(0, GENESIS_HASH)

    def recent(self, limit: int = 50) -> list[AuditEntry]:
        if not self.path.exists():
            return []
        with self.path.open("rb") as f:
            size = f.seek(0, os.SEEK_END)
            data = b""
            while data.count(b"\n") <= limit and size > len(data):
                start = max(0, size - len(data) - TAIL_BLOCK)
                f.seek(start)
                data = f.read(size - len(data) - start) + data
        out: list[AuditEntry] = []
        for raw in reversed(data.splitlines()):
            if len(out) >= limit:
                break
            try:
                out.append(_entry_from_json(json.loads(raw)))
            except (ValueError, KeyError, TypeError):
                continue  # damaged lines are verify's business, not the screen's
        return out


def open_terminal_audit(data_dir: Path, clock: Clock) -> AuditLog:
    """The terminal's audit log at its usual place in the data dir."""
    return AuditLog(data_dir / "audit.log", clock)


# --- verification ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainReport:
    entries: int  # lines read
    head: AuditHead  # the last entry that verified
    broken_line: int | None = None  # 1-based line of the first broken link
    broken_seq: int | None = None  # the entry number expected there
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_line is None

    def describe(self) -> str:
        if self.ok:
            return f"audit log OK: {self.entries} entries, head {self.head.seq} {self.head.hash}"
        return (
            f"audit log BROKEN: first broken link at entry {self.broken_seq}"
            f" (line {self.broken_line}): {self.reason}"
        )


def _lines(path: Path) -> Iterator[bytes]:
    with path.open("rb") as f:
        yield from f


def _check_line(raw: bytes, seq: int, prev: str) -> tuple[dict[str, Any] | None, str]:
    """The parsed entry and "" when it links correctly after (seq - 1, prev); else why not."""
    if not raw.endswith(b"\n"):
        return None, "the last line is incomplete (torn write or truncated file)"
    try:
        data = json.loads(raw)
        found = int(data["seq"])
        _entry_from_json(data)
    except (ValueError, KeyError, TypeError):
        return None, "the line is not a well-formed entry (edited or damaged)"
    if found > seq:
        missing = f"{seq}" if found == seq + 1 else f"{seq} to {found - 1}"
        return None, f"entry {missing} is missing here (deleted); found entry {found}"
    if found < seq:
        return None, f"found entry {found} where entry {seq} belongs (reordered or inserted)"
    if data["prev"] != prev:
        return None, f"it does not link to entry {seq - 1} (that entry or this one was changed)"
    if entry_hash(data) != data.get("hash"):
        return None, "its content does not match its hash (edited)"
    return data, ""


def verify_chain(path: Path, anchor: AuditHead | None = None) -> ChainReport:
    """Walks the chain from the start; reports the first broken link. Also checks the head
    file beside the log and, when given, an anchor (e.g. the head the platform holds)."""
    head = AuditHead(0, GENESIS_HASH)
    expected = [h for h in (_read_head(path.with_name(path.name + ".head")), anchor) if h]
    seen: dict[int, tuple[str, int]] = {}  # seq -> (hash, line), for the expected heads
    line = 0
    if path.exists():
        for raw in _lines(path):
            line += 1
            data, why = _check_line(raw, head.seq + 1, head.hash)
            if data is None:
                return ChainReport(line, head, line, head.seq + 1, why)
            head = AuditHead(int(data["seq"]), str(data["hash"]))
            if any(h.seq == head.seq for h in expected):
                seen[head.seq] = (head.hash, line)
    for want in expected:
        if want.seq < 0:
            return ChainReport(line, head, line + 1, head.seq + 1, "the head file is damaged")
        if want.seq > head.seq:
            return ChainReport(
                line,
                head,
                line + 1,
                head.seq + 1,
                f"entries {head.seq + 1} to {want.seq} are missing (the log was truncated)",
            )
        found_hash, found_line = seen.get(want.seq, (GENESIS_HASH, 0))
        if found_hash != want.hash:
            return ChainReport(
                line,
                head,
                found_line,
                want.seq,
                f"entry {want.seq} differs from the recorded head (the log was rewritten)",
            )
    return ChainReport(line, head)


def cli(argv: list[str]) -> int:
    """`python -m offline_queue audit verify [CONFIG.toml] [--anchor SEQ:HASH]`: exit 0 when the
    chain verifies, 1 with the first broken link when not, 2 when it cannot be checked."""
    import argparse
    import sys

    from kiosk.config import load_config
    from kiosk.errors import ConfigError

    parser = argparse.ArgumentParser(prog="offline_queue audit")
    parser.add_argument("action", choices=["verify"])
    parser.add_argument("config", nargs="?", type=Path)
    parser.add_argument("--anchor", help="SEQ:HASH the platform holds for this terminal")
    args = parser.parse_args(argv)
    anchor = None
    if args.anchor:
        seq, _, digest = str(args.anchor).partition(":")
        if not seq.isdigit() or not re.fullmatch(r"[0-9a-f]{64}", digest):
            sys.stderr.write("--anchor: expected SEQ:HASH (64 hex digits)\n")
            return 2
        anchor = AuditHead(int(seq), digest)
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        sys.stderr.write(f"configuration error: {exc.detail}\n")
        return 2
    path = open_terminal_audit(config.terminal.data_dir, SystemClock()).path
    report = verify_chain(path, anchor)
    (sys.stdout if report.ok else sys.stderr).write(report.describe() + "\n")
    return 0 if report.ok else 1

"""Sync: push the outbox to the platform, exactly once per record.

One run: claim a batch (urgent kinds first), announce it, upload each record's attachments
from the platform's acknowledged offset, push the records (in as many requests as the link
needs, pacing.py), and settle every reply in one transaction:
- accepted / duplicate: delivered, payload and pages deleted at once;
- missing_attachments: retried after a backoff;
- conflict: kept aside for the technician, never overwritten;
- rejected: dead-lettered with the platform's reason, retryable by the technician.
A failure of the link (unreachable, busy, garbage) hands the claims back with a backoff and
ends the run: it is systemic, not the record's fault. A refusal that names one record (a 4xx
other than the signature's, on its page or when it is sent alone) or a page this terminal
can no longer read is that record's fault: it is dead-lettered with the reason and the run
goes on, so one bad record never holds up the others. A batch the platform refuses whole is
tried record by record to find which one it is.

Records with nothing left to upload go first, in one push, so an evaluation or a complaint
never waits behind another villager's pages on a slow link; each record with pages is pushed
as soon as its own pages are up. Runs on a worker thread or headless.
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from kiosk.contract.records import canonical_json
from kiosk.errors import PlatformError
from offline_queue.backoff import backoff_delay
from offline_queue.pacing import LinkPace
from offline_queue.platform_client import (
    PlatformBusy,
    PlatformClient,
    PlatformRefused,
    PlatformUnreachable,
)
from offline_queue.records import QueuedRecord, Settlement
from offline_queue.store import Outbox

CHUNK = 64 * 1024  # the largest upload chunk; slow links get smaller ones (pacing.py)
T = TypeVar("T")
# Refusals that are about the request, not the link or this terminal: 401 (the signature) and
# 403 (this terminal barred) stop the run for every record, 408 and 429 are the link's.
RECORD_FAULTS = frozenset({400, 404, 409, 410, 411, 413, 414, 415, 422})


def record_fault(exc: PlatformError) -> bool:
    return isinstance(exc, PlatformRefused) and exc.status in RECORD_FAULTS


class PageUnreadable(Exception):
    """A page this terminal queued is gone or unreadable here (a local fault of that record)."""


def announcement(record_id: str, kind: str, wire: dict[str, Any]) -> dict[str, Any]:
    """What the platform is told first: the record's id, hash, size and pages."""
    return {
        "id": record_id,
        "kind": kind,
        "content_hash": wire["content_hash"],
        "size": sum(a["size"] for a in wire["attachments"]) + len(wire["sealed"]),
        "item_code": wire["meta"].get("item_code") or None,
        "attachments": [{"sha256": a["sha256"], "size": a["size"]} for a in wire["attachments"]],
    }


def push_groups(bodies: list[bytes], most: int | None) -> list[list[bytes]]:
    """Consecutive groups of encoded records, each at most `most` bytes (but at least one
    record); one group when there is no limit."""
    if most is None:
        return [bodies] if bodies else []
    groups: list[list[bytes]] = []
    size = 0
    for body in bodies:
        if groups and size + len(body) <= most:
            groups[-1].append(body)
            size += len(body)
        else:
            groups.append([body])
            size = len(body)
    return groups


def blob_states(answers: list[dict[str, Any]]) -> dict[str, tuple[int, bool]]:
    """What the announcement said the platform holds of each attachment: sha256 -> (offset,
    complete). A platform that does not say (an older gateway) gives nothing: HEAD then."""
    known: dict[str, tuple[int, bool]] = {}
    for answer in answers:
        states = answer.get("attachments") if isinstance(answer, dict) else None
        for att in states if isinstance(states, list) else ():
            if not isinstance(att, dict):
                continue
            sha, offset, complete = att.get("sha256"), att.get("offset"), att.get("complete")
            if isinstance(sha, str) and isinstance(offset, int) and isinstance(complete, bool):
                known[sha] = (max(offset, 0), complete)
    return known


def _uploaded(rec: QueuedRecord, known: dict[str, tuple[int, bool]]) -> bool:
    """The platform holds every page of the record already (or it has none)."""
    pages = (rec.wire or {}).get("attachments", [])
    return all(known.get(a["sha256"], (0, False))[1] for a in pages)


def _dead(rec: QueuedRecord, why: str, report: SyncReport, reason: str | None = None) -> Settlement:
    """Dead-lettered with `why` (for the technician); `reason` is what the report lists."""
    report.dead += 1
    report.reasons.append(why if reason is None else reason)
    return Settlement(rec.id, "dead", error=why)


@dataclass
class SyncReport:
    delivered: int = 0
    retried: int = 0
    dead: int = 0
    conflicts: int = 0
    stopped: str = ""  # why the run ended early, in words for the technician
    backoff_s: float = 0.0  # when the link failed: how long the records wait before the next try
    reasons: list[str] = field(default_factory=list)


class SyncEngine:
    def __init__(
        self,
        outbox: Outbox,
        client: PlatformClient,
        batch: int = 50,
        chunk: int = CHUNK,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self.outbox, self.client = outbox, client
        self.batch, self.rng = batch, rng
        # `chunk` is the largest upload chunk; sizes in use follow the link.
        self.pace = LinkPace(client.timeout[1], chunk)
        # Consecutive runs ended by the link: a record's own attempts do not grow when the
        # link fails (it is not the record's fault), so the link keeps its own count and the
        # backoff doubles across an outage instead of retrying every few seconds.
        self.link_failures = 0

    def _upload(self, attachment: dict[str, Any], known: dict[str, tuple[int, bool]]) -> None:
        """From the platform's offset: the announcement's answer when it gave one (no HEAD
        request), else a HEAD. A stale offset costs nothing: the platform answers 409 with the
        right one and the upload resumes there."""
        sha, size = attachment["sha256"], int(attachment["size"])
        offset, complete = known[sha] if sha in known else self.client.blob_offset(sha)
        if complete:
            return
        while offset < size:
            try:
                chunk = self.outbox.blobs.read(sha, offset, self.pace.chunk())
            except (KeyError, OSError, sqlite3.DatabaseError) as exc:
                raise PageUnreadable(type(exc).__name__) from None
            append = partial(self.client.blob_append, sha, offset, size, chunk)
            offset = self._timed(len(chunk), append, chunk=True)

    def _timed(self, nbytes: int, send: Callable[[], T], chunk: bool = False) -> T:
        """One request, its time reported to the pace (a lost one makes the pace slower)."""
        started = self.outbox.clock.monotonic()
        try:
            answer = send()
        except PlatformUnreachable:
            self.pace.failed()
            raise
        seconds = self.outbox.clock.monotonic() - started
        if chunk:
            self.pace.chunk_sent(nbytes, seconds)
        else:
            self.pace.carried(nbytes, seconds)
        return answer

    def _push(
        self, records: list[QueuedRecord], report: SyncReport, settled: list[Settlement]
    ) -> None:
        """Pushes in as many requests as the link needs (each fits the read timeout) and adds
        what became of each record to `settled` as its answer arrives, so the records
        answered before a failure are settled all the same. A group refused whole is pushed
        record by record: the record refused alone is dead-lettered. Raises PlatformError."""
        bodies = [canonical_json(r.wire) for r in records]
        done = 0
        for group in push_groups(bodies, self.pace.push_bytes()):
            batch, done = records[done : done + len(group)], done + len(group)
            try:
                results = self._timed(
                    sum(map(len, group)), partial(self.client.push_encoded, group)
                )
            except PlatformError as exc:
                if not record_fault(exc):
                    raise
                if len(batch) == 1:
                    settled.append(self._refused(batch[0], exc, report))
                else:
                    for rec in batch:
                        self._push([rec], report, settled)
                continue
            settled += [
                self._settlement(rec, result, report)
                for rec, result in zip(batch, results, strict=True)
            ]

    def _announce(
        self, records: list[QueuedRecord], report: SyncReport, settled: list[Settlement]
    ) -> tuple[list[QueuedRecord], dict[str, tuple[int, bool]]]:
        """The records the platform now knows of (those it refused alone are dead-lettered)
        and what it holds of their pages. Raises PlatformError."""
        notes = [announcement(r.id, r.kind, r.wire or {}) for r in records]
        try:
            answers = self._timed(len(canonical_json(notes)), partial(self.client.announce, notes))
        except PlatformError as exc:
            if not record_fault(exc):
                raise
            if len(records) == 1:
                settled.append(self._refused(records[0], exc, report))
                return [], {}
            known: dict[str, tuple[int, bool]] = {}
            kept: list[QueuedRecord] = []
            for rec in records:
                ok, states = self._announce([rec], report, settled)
                kept += ok
                known.update(states)
            return kept, known
        # An id the platform holds with other content: kept aside for the technician now,
        # before any page of it is uploaded for nothing (the push would say the same).
        clash = {
            a.get("id") for a in answers if isinstance(a, dict) and a.get("status") == "conflict"
        }
        for rec in records:
            if rec.id in clash:
                report.conflicts += 1
                why = "平台已有同编号但内容不同的记录（通告时发现）"
                settled.append(Settlement(rec.id, "conflict", error=why))
        return [r for r in records if r.id not in clash], blob_states(answers)

    def _refused(self, rec: QueuedRecord, exc: PlatformError, report: SyncReport) -> Settlement:
        code = exc.code if isinstance(exc, PlatformRefused) else type(exc).__name__
        return _dead(rec, f"平台拒收这条记录（{code}）：{exc.detail}", report)

    def _send_with_pages(
        self,
        rec: QueuedRecord,
        known: dict[str, tuple[int, bool]],
        report: SyncReport,
        settled: list[Settlement],
    ) -> None:
        """Uploads the record's pages, then pushes it. Raises PlatformError (the link's)."""
        try:
            for attachment in (rec.wire or {}).get("attachments", []):
                self._upload(attachment, known)
        except PageUnreadable as exc:
            why = f"本机保存的材料页读不出来（{exc}），请技术人员检查磁盘后重试"
            settled.append(_dead(rec, why, report))
            return
        except PlatformError as exc:
            if not record_fault(exc):
                raise
            settled.append(self._refused(rec, exc, report))
            return
        self._push([rec], report, settled)

    def _settlement(
        self, rec: QueuedRecord, result: dict[str, Any], report: SyncReport
    ) -> Settlement:
        outcome = result.get("outcome")
        reason = str(result.get("reason") or "")
        if outcome in ("accepted", "duplicate"):
            report.delivered += 1
            return Settlement(rec.id, "delivered", result=result)
        if outcome == "conflict":
            report.conflicts += 1
            return Settlement(rec.id, "conflict", error="平台已有同编号但内容不同的记录：" + reason)
        if outcome == "rejected":
            return _dead(rec, "平台拒收：" + reason, report, reason)
        # missing_attachments or an outcome this terminal does not know yet
        report.retried += 1
        delay = backoff_delay(rec.attempts, self.rng)
        return Settlement(rec.id, "queued", error=f"{outcome}: {reason}", delay_s=delay)

    def run_once(self) -> SyncReport:
        report = SyncReport()
        claimed = [r for r in self.outbox.claim(self.batch) if r.wire is not None]
        if not claimed:
            return report
        settled: list[Settlement] = []
        kept = False  # `settled` is on disk
        try:
            try:
                announced, known = self._announce(claimed, report, settled)
                self._push([r for r in announced if _uploaded(r, known)], report, settled)
                for rec in announced:
                    if not _uploaded(rec, known):
                        self._send_with_pages(rec, known, report, settled)
            finally:
                if settled:  # what the platform answered is kept, whatever comes next
                    self.outbox.settle(settled)
                kept = True
        except PlatformError as exc:
            done = {s.record_id for s in settled}
            pending = [r for r in claimed if r.id not in done]
            attempts = max((r.attempts for r in pending), default=0)
            after = exc.retry_after_s if isinstance(exc, PlatformBusy) else None
            delay = backoff_delay(max(attempts, self.link_failures), self.rng, retry_after_s=after)
            self.link_failures += 1
            self.outbox.release([r.id for r in pending], delay)
            report.backoff_s = delay
            report.stopped = exc.detail
            if isinstance(exc, PlatformRefused) and exc.status == 401:
                report.stopped = f"平台拒绝了本终端的签名（{exc.code}），请技术人员检查登记与时钟"
        except Exception:
            # This terminal's fault (its disk, a bug): the claims go back for the next cycle
            # when they can (else their leases run out), and the service says what broke.
            done = {s.record_id for s in settled} if kept else set()
            with contextlib.suppress(Exception):
                self.outbox.release([r.id for r in claimed if r.id not in done])
            raise
        else:
            self.link_failures = 0
        self.outbox.set_sync_state("clock_offset_ms", str(self.client.clock_offset_ms))
        return report

    def drain(self, max_runs: int = 1000) -> SyncReport:
        """Runs until nothing is due or the link fails; returns the totals."""
        total = SyncReport()
        for _ in range(max_runs):
            report = self.run_once()
            total.delivered += report.delivered
            total.retried += report.retried
            total.dead += report.dead
            total.conflicts += report.conflicts
            total.reasons += report.reasons
            if report.stopped or not (report.delivered or report.dead or report.conflicts):
                total.stopped, total.backoff_s = report.stopped, report.backoff_s
                return total
        return total

"""Sync: push the outbox to the platform, exactly once per record.

One run: claim a batch (urgent kinds first), announce it, upload each record's attachments
from the platform's acknowledged offset, push the records, and sort every reply:
- accepted / duplicate: delivered, payload and pages deleted at once;
- missing_attachments: retried after a backoff;
- conflict: kept aside for the technician, never overwritten;
- rejected: dead-lettered with the platform's reason, retryable by the technician.
A failure of the link (unreachable, busy, garbage) hands the claims back with a backoff and
ends the run: it is systemic, not the record's fault. Runs on a worker thread or headless.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiosk.errors import PlatformError
from offline_queue.backoff import backoff_delay
from offline_queue.platform_client import PlatformBusy, PlatformClient, PlatformRefused
from offline_queue.records import QueuedRecord
from offline_queue.store import Outbox

CHUNK = 64 * 1024  # small enough to finish on a 2G link before a read timeout


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
        self.batch, self.chunk, self.rng = batch, chunk, rng
        # Consecutive runs ended by the link: a record's own attempts do not grow when the
        # link fails (it is not the record's fault), so the link keeps its own count and the
        # backoff doubles across an outage instead of retrying every few seconds.
        self.link_failures = 0

    def _upload(self, attachment: dict[str, Any]) -> None:
        sha, size = attachment["sha256"], int(attachment["size"])
        offset, complete = self.client.blob_offset(sha)
        if complete:
            return
        data = self.outbox.blobs.read(sha)
        while offset < size:
            offset = self.client.blob_append(sha, offset, size, data[offset : offset + self.chunk])

    def _settle(self, rec: QueuedRecord, result: dict[str, Any], report: SyncReport) -> None:
        outcome = result.get("outcome")
        reason = str(result.get("reason") or "")
        if outcome in ("accepted", "duplicate"):
            self.outbox.ack(rec.id, result)
            report.delivered += 1
        elif outcome == "conflict":
            self.outbox.dead_letter(rec.id, "平台已有同编号但内容不同的记录：" + reason, "conflict")
            report.conflicts += 1
        elif outcome == "rejected":
            self.outbox.dead_letter(rec.id, "平台拒收：" + reason)
            report.dead += 1
            report.reasons.append(reason)
        else:  # missing_attachments or an outcome this terminal does not know yet
            self.outbox.retry(rec.id, f"{outcome}: {reason}", backoff_delay(rec.attempts, self.rng))
            report.retried += 1

    def run_once(self) -> SyncReport:
        report = SyncReport()
        claimed = self.outbox.claim(self.batch)
        if not claimed:
            return report
        pending = {r.id: r for r in claimed}
        try:
            self.client.announce(
                [
                    {
                        "id": r.id,
                        "kind": r.kind,
                        "content_hash": w["content_hash"],
                        "size": sum(a["size"] for a in w["attachments"]) + len(w["sealed"]),
                        "item_code": w["meta"].get("item_code") or None,
                        "attachments": [
                            {"sha256": a["sha256"], "size": a["size"]} for a in w["attachments"]
                        ],
                    }
                    for r in claimed
                    if (w := r.wire) is not None
                ]
            )
            for rec in claimed:
                for attachment in (rec.wire or {}).get("attachments", []):
                    self._upload(attachment)
            results = self.client.push_records([r.wire for r in claimed if r.wire is not None])
            self.link_failures = 0
            for rec, result in zip(claimed, results, strict=True):
                self._settle(rec, result, report)
                pending.pop(rec.id)
        except PlatformError as exc:
            attempts = max((r.attempts for r in pending.values()), default=0)
            after = exc.retry_after_s if isinstance(exc, PlatformBusy) else None
            delay = backoff_delay(max(attempts, self.link_failures), self.rng, retry_after_s=after)
            self.link_failures += 1
            self.outbox.release(list(pending), delay)
            report.backoff_s = delay
            report.stopped = exc.detail
            if isinstance(exc, PlatformRefused) and exc.status == 401:
                report.stopped = f"平台拒绝了本终端的签名（{exc.code}），请技术人员检查登记与时钟"
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

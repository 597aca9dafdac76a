"""The durable outbox: nothing lost, nothing twice, nothing readable at rest.

- SQLite in WAL mode with synchronous=FULL (a commit survives power loss, not only a crash).
- Queuing is one transaction: the record, its attachment rows, and the bumps of the
  terminal's sequence and receipt counters, so a number is never reused after a crash.
- Personal data and attachments are sealed to the platform's key before they touch the disk;
  in clear only what the terminal's own screens need (item, receipt number, masked name,
  times, state).
- Delivered records lose their sealed payload and attachments at once; a stub stays for
  `stub_days`.
- Claims belong to one sync process (see sync_lock.py) and are handed back at start.

Thread: one Outbox per thread (SQLite connections are not shared). Processes: any number may
enqueue; only the holder of the sync lock claims.

Two ways into one connection, on purpose: every write is raw sqlite3 in an explicit
`BEGIN IMMEDIATE` transaction (sqlite-utils' writers commit on their own, which would split
a record from its pages or counters), and the read side (listings, counts, the sync state the
screens show) goes through sqlite-utils' table API, which needs no hand-built SQL.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from kiosk.contract.records import canonical_json, record_content_hash
from kiosk.contract.sealing import Sealer
from kiosk.contract.signing import b64
from kiosk.domain.ids import UuidV7Generator
from kiosk.domain.receipt_numbers import format_receipt_number
from kiosk.errors import StorageFullError
from kiosk.ports.clock import Clock
from offline_queue.blobstore import BlobStore, adopt_files
from offline_queue.records import (
    PRIORITY,
    Limits,
    NewAttachment,
    NewRecord,
    QueuedRecord,
    QueueFullError,
    QueueStats,
    Settlement,
)
from offline_queue.schema import migrate

FREE_PAGES_KEPT = 1024  # 4 MB of free database pages are kept for the next records


def seal_record(
    key: X25519PublicKey, new: NewRecord, record_id: str
) -> tuple[str, list[tuple[NewAttachment, bytes]]]:
    """The record's personal data (base64) and each page, sealed to the platform's key with
    one key exchange for them all: what enqueue stores, and all the clear text it has."""
    sealer = Sealer(key)
    pages = [(att, sealer.seal(att.data, att.name.encode())) for att in new.attachments]
    return b64(sealer.seal(canonical_json(new.personal), record_id.encode())), pages


def _full(exc: sqlite3.Error) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "full" in str(exc)


class Outbox:
    def __init__(
        self,
        path: Path,
        seal_key: X25519PublicKey,
        terminal_id: str,
        clock: Clock,
        limits: Limits | None = None,
        ids: UuidV7Generator | None = None,
        shared: bool = False,
        legacy_blobs: Path | None = None,
    ) -> None:
        """`shared`: the connection may be used from several threads, one call at a time
        (the caller serialises; see front.py). `legacy_blobs`: where an older version kept
        page files; they are moved into the database."""
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = path
        self.conn = sqlite3.connect(
            path, isolation_level=None, timeout=30, check_same_thread=not shared
        )
        self.conn.row_factory = sqlite3.Row
        if self.conn.execute("PRAGMA page_count").fetchone()[0] == 0:
            # A new queue gives the space of delivered pages back to the file system (see
            # purge_stubs); this can only be chosen before the first table exists.
            self.conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
        for pragma in (
            "journal_mode=WAL",
            "journal_size_limit=8388608",  # the WAL shrinks back after a burst of pages
            "synchronous=FULL",
            "foreign_keys=ON",
            "busy_timeout=30000",
        ):
            self.conn.execute(f"PRAGMA {pragma}")
        os.chmod(path, 0o600)
        migrate(self.conn)
        self.db = sqlite_utils.Database(self.conn)
        self.blobs, self.seal_key, self.terminal_id = BlobStore(self.conn), seal_key, terminal_id
        if legacy_blobs is not None:
            adopt_files(self.conn, legacy_blobs)
        self.clock, self.limits = clock, limits or Limits()
        self.lease_s = 600.0  # a claim older than this is taken for a hung sync and reissued
        self.ids = ids or UuidV7Generator(lambda: int(clock.now().timestamp() * 1000), os.urandom)
        row = self.conn.execute("SELECT value FROM sync_state WHERE key = 'elapsed_s'").fetchone()
        self._elapsed_base, self._mono0 = (0.0 if row is None else float(row[0])), clock.monotonic()

    def elapsed(self) -> float:
        """Seconds this store has been in use, summed over runs: only monotonic time, so a
        wall-clock step neither ages nor expires anything. Time powered off is not counted,
        which errs towards keeping stubs longer, never purging early."""
        return self._elapsed_base + (self.clock.monotonic() - self._mono0)

    def _save_elapsed(self) -> None:
        """Inside a write transaction; several processes keep the largest value."""
        self.conn.execute(
            "INSERT INTO sync_state VALUES ('elapsed_s', ?) ON CONFLICT(key) DO UPDATE"
            " SET value = MAX(CAST(value AS REAL), excluded.value)",
            (str(self.elapsed()),),
        )

    def close(self) -> None:
        self.conn.close()

    def _rollback(self) -> None:
        if self.conn.in_transaction:  # SQLITE_FULL and some I/O errors roll back by themselves
            self.conn.execute("ROLLBACK")

    # --- queuing ------------------------------------------------------------------------------

    def _bump(self, name: str) -> int:
        return int(
            self.conn.execute(
                "INSERT INTO counters VALUES (?, 1) ON CONFLICT(name) DO UPDATE"
                " SET value = value + 1 RETURNING value",
                (name,),
            ).fetchone()[0]
        )

    def clock_offset_ms(self) -> int:
        row = self.conn.execute(
            "SELECT value FROM sync_state WHERE key = 'clock_offset_ms'"
        ).fetchone()
        return 0 if row is None else int(row[0])

    def set_sync_state(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO sync_state VALUES (?, ?)", (key, value))

    def sync_state(self) -> dict[str, str]:
        """What the sync process last recorded (probe, last success, last error...): shared
        through the database, so the UI sees what a headless sync process did."""
        return {str(r["key"]): str(r["value"]) for r in self.db["sync_state"].rows}

    def enqueue(self, new: NewRecord) -> QueuedRecord:
        """Seals and stores a record durably; returns it with its receipt number.
        Raises StorageFullError (disk) or QueueFullError (back-pressure); nothing already
        queued is touched either way."""
        if new.kind not in PRIORITY:
            raise ValueError(f"unknown record kind {new.kind!r}")
        if new.self_service and self._pending() >= self.limits.hard_count:
            raise QueueFullError("too many unsent records")
        record_id = str(self.ids.new())
        # Sealed in memory first, outside the write lock; the pages then go into the
        # record's own transaction.
        sealed_payload, sealed_pages = seal_record(self.seal_key, new, record_id)
        return self._insert(new, record_id, sealed_payload, sealed_pages)

    def _insert(
        self,
        new: NewRecord,
        record_id: str,
        sealed: str,
        sealed_pages: list[tuple[NewAttachment, bytes]],
    ) -> QueuedRecord:
        now_ms = int(self.clock.now().timestamp() * 1000)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                attachments: list[dict[str, Any]] = []
                for att, blob in sealed_pages:
                    sha = self.blobs.put(blob)
                    attachments.append(
                        {
                            "sha256": sha,
                            "size": len(blob),
                            "name": att.name,
                            "content_type": att.content_type,
                        }
                    )
                seq = self._bump("seq")
                receipt = (
                    format_receipt_number(self.terminal_id, self._bump("receipt"))
                    if new.issue_receipt
                    else None
                )
                meta = {**new.meta, "item_code": new.item_code}
                # A record without its own receipt (an evaluation) keeps the receipt number
                # it refers to: the case being rated.
                if new.issue_receipt or "receipt_no" not in meta:
                    meta["receipt_no"] = receipt
                wire: dict[str, Any] = {
                    "id": record_id,
                    "kind": new.kind,
                    "schema_version": 1,
                    "created_at_ms": now_ms,
                    "monotonic_seq": seq,
                    "clock_offset_ms": self.clock_offset_ms(),
                    "meta": meta,
                    "sealed": sealed,
                    "attachments": attachments,
                }
                wire["content_hash"] = record_content_hash(wire)
                size = len(sealed) + sum(a["size"] for a in attachments)
                self.conn.execute(
                    "INSERT INTO records (id, kind, priority, seq, state, receipt_no, item_code,"
                    " item_name, masked_name, created_at_ms, clock_offset_ms, wire, size,"
                    " created_elapsed) VALUES (?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        record_id,
                        new.kind,
                        PRIORITY[new.kind],
                        seq,
                        receipt,
                        new.item_code,
                        new.item_name,
                        new.masked_name,
                        now_ms,
                        wire["clock_offset_ms"],
                        json.dumps(wire, ensure_ascii=False),
                        size,
                        self.elapsed(),
                    ),
                )
                self.conn.executemany(
                    "INSERT OR IGNORE INTO attachments VALUES (?, ?, ?, ?, ?)",
                    [
                        (record_id, a["sha256"], a["name"], a["content_type"], a["size"])
                        for a in attachments
                    ],
                )
                self._save_elapsed()
            except BaseException:
                self._rollback()
                raise
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if _full(exc):
                raise StorageFullError("queue database: disk full") from None
            raise
        return QueuedRecord(
            record_id,
            new.kind,
            seq,
            "queued",
            receipt,
            new.item_name,
            new.masked_name,
            now_ms,
            0,
            "",
            wire,
        )

    # --- reading ------------------------------------------------------------------------------

    def _row(self, row: Mapping[str, Any]) -> QueuedRecord:
        return QueuedRecord(
            row["id"],
            row["kind"],
            row["seq"],
            row["state"],
            row["receipt_no"],
            row["item_name"],
            row["masked_name"],
            row["created_at_ms"],
            row["attempts"],
            row["last_error"],
            None if row["wire"] is None else json.loads(row["wire"]),
        )

    def _where(self, where: str | None, args: Sequence[Any] = ()) -> list[QueuedRecord]:
        """Records matching `where`, in the terminal's own order."""
        return [self._row(r) for r in self.db["records"].rows_where(where, args, order_by="seq")]

    def get(self, record_id: str) -> QueuedRecord:
        found = self._where("id = ?", (record_id,))
        if not found:
            raise KeyError(record_id)
        return found[0]

    def records(self, state: str | None = None) -> list[QueuedRecord]:
        return self._where("state = ?", (state,)) if state else self._where(None)

    def _pending(self) -> int:
        """Unsent records, counted on the index (enqueue asks before every record)."""
        return int(self.db["records"].count_where("state IN ('queued', 'claimed')"))

    def stats(self) -> QueueStats:
        rows = self.conn.execute(
            "SELECT kind, COUNT(*) AS n, SUM(size) AS bytes, MIN(created_elapsed) AS oldest"
            " FROM records WHERE state IN ('queued', 'claimed') GROUP BY kind"
        ).fetchall()
        by_kind = {r["kind"]: int(r["n"]) for r in rows}
        oldest = min((float(r["oldest"]) for r in rows), default=None)
        age = None if oldest is None else max(0.0, self.elapsed() - oldest)
        count = sum(by_kind.values())
        states = dict(
            self.conn.execute(
                "SELECT state, COUNT(*) FROM records"
                " WHERE state IN ('dead', 'conflict') GROUP BY state"
            ).fetchall()
        )
        return QueueStats(
            by_kind,
            sum(int(r["bytes"] or 0) for r in rows),
            age,
            int(states.get("dead", 0)),
            int(states.get("conflict", 0)),
            warning=count >= self.limits.soft_count or (age or 0) >= self.limits.soft_age_s,
            refusing=count >= self.limits.hard_count,
        )

    # --- state changes (only the holder of the sync lock calls these) -------------------------

    def _tx(self, sql: str, args: tuple[Any, ...]) -> int:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            count = self.conn.execute(sql, args).rowcount
            self._save_elapsed()
        except BaseException:
            self._rollback()
            raise
        self.conn.execute("COMMIT")
        return int(count)

    def claim(self, limit: int) -> list[QueuedRecord]:
        """Up to `limit` due records, urgent kinds first, then in the terminal's own order.
        A claim is a lease: if its holder hangs, the record is claimable again once the lease
        expires (the platform's idempotent intake makes a second send harmless)."""
        now = self.clock.monotonic()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            rows = self.conn.execute(
                "UPDATE records SET state = 'claimed', lease_until = ? WHERE id IN (SELECT id"
                " FROM records WHERE (state = 'queued' AND not_before <= ?)"
                " OR (state = 'claimed' AND lease_until <= ?) ORDER BY priority, seq LIMIT ?)"
                " RETURNING *",
                (now + self.lease_s, now, now, limit),
            ).fetchall()
        except BaseException:
            self._rollback()
            raise
        self.conn.execute("COMMIT")
        return sorted((self._row(r) for r in rows), key=lambda r: (PRIORITY[r.kind], r.seq))

    def settle(self, settlements: Sequence[Settlement]) -> list[bool]:
        """The platform's replies to a batch, in one transaction (one fsync for the batch).
        Delivered: the sealed payload goes at once, and every page no other undelivered
        record still needs. Only a claimed record changes: a late reply for a record that is
        no longer claimed (dead-lettered meanwhile, or already delivered) changes nothing and
        gets False."""
        now_ms, mono = int(self.clock.now().timestamp() * 1000), self.clock.monotonic()
        changed: list[bool] = []
        dropped: list[str] = []
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for s in settlements:
                if s.state == "delivered":
                    count = self.conn.execute(
                        "UPDATE records SET state = 'delivered', wire = NULL, result = ?,"
                        " delivered_at_ms = ?, delivered_elapsed = ?, last_error = ''"
                        " WHERE id = ? AND state = 'claimed'",
                        (json.dumps(s.result), now_ms, self.elapsed(), s.record_id),
                    ).rowcount
                    if count:
                        dropped += [
                            r[0]
                            for r in self.conn.execute(
                                "DELETE FROM attachments WHERE record_id = ? RETURNING sha256",
                                (s.record_id,),
                            ).fetchall()
                        ]
                elif s.state == "queued":
                    count = self.conn.execute(
                        "UPDATE records SET state = 'queued', attempts = attempts + 1,"
                        " not_before = ?, last_error = ? WHERE id = ? AND state = 'claimed'",
                        (mono + s.delay_s, s.error, s.record_id),
                    ).rowcount
                elif s.state in ("dead", "conflict"):
                    count = self.conn.execute(
                        "UPDATE records SET state = ?, attempts = attempts + 1, last_error = ?"
                        " WHERE id = ? AND state = 'claimed'",
                        (s.state, s.error, s.record_id),
                    ).rowcount
                else:
                    raise ValueError(f"no such settlement state {s.state!r}")
                changed.append(bool(count))
            self.blobs.drop_unreferenced(dropped)
            self._save_elapsed()
        except BaseException:
            self._rollback()
            raise
        self.conn.execute("COMMIT")
        return changed

    # --- carried on a USB stick (see bundle_export.py) -----------------------------------------

    def carriable(self) -> list[QueuedRecord]:
        """What a bundle carries: every record still waiting for the platform (queued, or
        claimed by a sync run in flight), in the terminal's own order. Dead letters and
        conflicts are not: the platform has answered for them already."""
        return self._where("state IN ('queued', 'claimed') AND wire IS NOT NULL")

    def mark_exported(self, record_ids: Sequence[str], bundle: str, at_ms: int) -> int:
        """The records left on a stick in `bundle`. Their state does not change: they stay in
        the queue until the platform acknowledges them (a stick may be lost on the way)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            count = 0
            for rid in record_ids:
                count += self.conn.execute(
                    "UPDATE records SET exported_at_ms = ?, export_bundle = ? WHERE id = ?",
                    (at_ms, bundle, rid),
                ).rowcount
        except BaseException:
            self._rollback()
            raise
        self.conn.execute("COMMIT")
        return count

    def exported(self) -> dict[str, str]:
        """record id -> the bundle that carried it, for records not yet delivered."""
        rows = self.db["records"].rows_where(
            "export_bundle IS NOT NULL AND state != 'delivered'", select="id, export_bundle"
        )
        return {str(r["id"]): str(r["export_bundle"]) for r in rows}

    def ack(self, record_id: str, result: dict[str, Any]) -> bool:
        return self.settle([Settlement(record_id, "delivered", result=result)])[0]

    def retry(self, record_id: str, error: str, delay_s: float) -> bool:
        return self.settle([Settlement(record_id, "queued", error=error, delay_s=delay_s)])[0]

    def release(self, record_ids: list[str], delay_s: float = 0.0) -> None:
        """Hand claims back without counting an attempt (the link failed, not the record)."""
        if not record_ids:
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.executemany(
                "UPDATE records SET state = 'queued', not_before = ?"
                " WHERE id = ? AND state = 'claimed'",
                [(self.clock.monotonic() + delay_s, rid) for rid in record_ids],
            )
            self._save_elapsed()
        except BaseException:
            self._rollback()
            raise
        self.conn.execute("COMMIT")

    def dead_letter(self, record_id: str, reason: str, state: str = "dead") -> bool:
        """Kept with its reason for the technician; never dropped. `state` may be `conflict`.
        Only a claimed record can be dead-lettered: a delivered one has no payload left."""
        return self.settle([Settlement(record_id, state, error=reason)])[0]

    def requeue(self, record_id: str | None = None) -> int:
        """The technician's retry: one dead letter or conflict by id, or all dead letters
        (a conflict needs a decision, not a bulk resend)."""
        if record_id is None:
            return self._tx(
                "UPDATE records SET state = 'queued', not_before = 0 WHERE state = 'dead'", ()
            )
        return self._tx(
            "UPDATE records SET state = 'queued', not_before = 0"
            " WHERE id = ? AND state IN ('dead', 'conflict')",
            (record_id,),
        )

    def recover(self) -> int:
        """At start, under the sync lock: claims of a dead process come back, backoff times
        of a previous boot are void (they were on its monotonic clock). Pages commit with
        their record, so none can be orphaned; any unreferenced one goes all the same."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            count = self.conn.execute(
                "UPDATE records SET state = 'queued' WHERE state = 'claimed'"
            ).rowcount
            self.conn.execute("UPDATE records SET not_before = 0 WHERE state = 'queued'")
            self.blobs.drop_unreferenced()
        except BaseException:
            self._rollback()
            raise
        self.conn.execute("COMMIT")
        return int(count)

    def purge_stubs(self) -> int:
        """Receipt stubs of delivered records older than `stub_days` of the store's elapsed
        time. Only delivered ones: an undelivered record is never purged."""
        cutoff = self.elapsed() - self.limits.stub_days * 86_400
        purged = self._tx(
            "DELETE FROM records WHERE state = 'delivered' AND delivered_elapsed < ?", (cutoff,)
        )
        self._give_back_space()
        return purged

    def _give_back_space(self) -> None:
        """Delivered pages leave free pages inside the database; past a few MB of them they
        are handed back to the file system (a queue made before pages lived in the database
        keeps them for its next pages instead)."""
        free = int(self.conn.execute("PRAGMA freelist_count").fetchone()[0])
        if free > FREE_PAGES_KEPT and self.conn.execute("PRAGMA auto_vacuum").fetchone()[0]:
            # executescript steps the pragma to the end (execute frees a single page).
            self.conn.executescript("PRAGMA incremental_vacuum;")


def open_terminal_outbox(
    data_dir: Path,
    seal_key: X25519PublicKey,
    terminal_id: str,
    clock: Clock,
    limits: Limits | None = None,
    shared: bool = False,
) -> Outbox:
    """The terminal's outbox at its usual place in the data dir (one place knows the layout)."""
    return Outbox(
        data_dir / "queue.sqlite3",
        seal_key,
        terminal_id,
        clock,
        limits,
        shared=shared,
        legacy_blobs=data_dir / "blobs",
    )

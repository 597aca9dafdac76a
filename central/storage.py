"""SQLite storage (stdlib sqlite3, WAL): one connection per thread, explicit transactions.

Writers take `BEGIN IMMEDIATE`, so two identical requests arriving at once are serialised: the
second sees the first's row and answers from it. Unique constraints are the last line of
defence against a second case or an overbooked slot.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS halls (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, township TEXT NOT NULL, county TEXT NOT NULL,
    phone TEXT NOT NULL, address TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS enrolment_codes (
    code TEXT PRIMARY KEY, hall_code TEXT NOT NULL, expires_at_ms INTEGER NOT NULL,
    used_at_ms INTEGER, terminal_id TEXT);
CREATE TABLE IF NOT EXISTS terminals (
    terminal_id TEXT PRIMARY KEY, public_key BLOB NOT NULL UNIQUE, hall_code TEXT NOT NULL,
    software_version TEXT NOT NULL, enrolled_at_ms INTEGER NOT NULL, last_seen_ms INTEGER);
CREATE TABLE IF NOT EXISTS nonces (
    terminal_id TEXT NOT NULL, nonce TEXT NOT NULL, expires_at_ms INTEGER NOT NULL,
    PRIMARY KEY (terminal_id, nonce));
CREATE INDEX IF NOT EXISTS nonces_expiry ON nonces (expires_at_ms);
CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
    collection TEXT NOT NULL, code TEXT NOT NULL, data TEXT NOT NULL,
    changed_at INTEGER NOT NULL, removed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (collection, code));
CREATE TABLE IF NOT EXISTS announcements (
    id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, kind TEXT NOT NULL,
    content_hash TEXT NOT NULL, size INTEGER NOT NULL, item_code TEXT,
    attachments TEXT NOT NULL, at_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, kind TEXT NOT NULL,
    content_hash TEXT NOT NULL, record TEXT NOT NULL, result TEXT NOT NULL,
    received_at_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS conflicts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, terminal_id TEXT NOT NULL,
    content_hash TEXT NOT NULL, record TEXT NOT NULL, at_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS blobs (
    sha256 TEXT PRIMARY KEY, length INTEGER NOT NULL, offset INTEGER NOT NULL,
    complete INTEGER NOT NULL DEFAULT 0, updated_at_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS cases (
    case_id TEXT PRIMARY KEY, receipt_no TEXT NOT NULL UNIQUE, record_id TEXT NOT NULL UNIQUE,
    terminal_id TEXT NOT NULL, item_code TEXT NOT NULL, item_name TEXT NOT NULL,
    id_hmac TEXT NOT NULL, status TEXT NOT NULL, department TEXT NOT NULL,
    updated_at_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS cases_by_person ON cases (id_hmac);
CREATE INDEX IF NOT EXISTS cases_by_terminal_change ON cases (terminal_id, updated_at_ms, case_id);
CREATE TABLE IF NOT EXISTS case_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, case_id TEXT NOT NULL, status TEXT NOT NULL,
    at_ms INTEGER NOT NULL, department TEXT NOT NULL, note TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS slots (
    slot_id TEXT PRIMARY KEY, hall_code TEXT NOT NULL, item_code TEXT NOT NULL,
    date TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL,
    capacity INTEGER NOT NULL, booked INTEGER NOT NULL DEFAULT 0 CHECK (booked <= capacity));
CREATE TABLE IF NOT EXISTS bookings (
    booking_no TEXT PRIMARY KEY, record_id TEXT NOT NULL UNIQUE, slot_id TEXT NOT NULL,
    id_hmac TEXT NOT NULL, at_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS feedback (
    record_id TEXT PRIMARY KEY, kind TEXT NOT NULL, terminal_id TEXT NOT NULL,
    receipt_no TEXT, meta TEXT NOT NULL, sealed TEXT NOT NULL, at_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS heartbeats (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, terminal_id TEXT NOT NULL, at_ms INTEGER NOT NULL,
    body TEXT NOT NULL);
"""


class Storage:
    """The platform's database. Thread-safe: each thread gets its own connection."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        conn = self.conn()
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(SCHEMA)

    def conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE in `write`).
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout=30000")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            self._local.conn = conn
        return conn

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One serialised write transaction; rolled back on any exception."""
        conn = self.conn()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def one(self, sql: str, *args: object) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn().execute(sql, args).fetchone()
        return row

    def all(self, sql: str, *args: object) -> list[sqlite3.Row]:
        return list(self.conn().execute(sql, args).fetchall())

    def meta(self, key: str) -> str | None:
        row = self.one("SELECT value FROM meta WHERE key = ?", key)
        return None if row is None else str(row["value"])

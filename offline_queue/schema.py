"""The outbox schema and its migrations, tracked by PRAGMA user_version.

Each migration runs in its own transaction together with the user_version bump, so a crash
mid-migration leaves the database at the previous version, never half-migrated.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # v1
    """
    CREATE TABLE records (
        id TEXT PRIMARY KEY,            -- UUIDv7, the idempotency key end to end
        kind TEXT NOT NULL,
        priority INTEGER NOT NULL,      -- lower goes first: small urgent records before big ones
        seq INTEGER NOT NULL UNIQUE,    -- the terminal's monotonic counter: the only ordering
        state TEXT NOT NULL,            -- queued | claimed | delivered | dead | conflict
        receipt_no TEXT UNIQUE,
        item_code TEXT NOT NULL DEFAULT '',
        item_name TEXT NOT NULL DEFAULT '',
        masked_name TEXT NOT NULL DEFAULT '',
        created_at_ms INTEGER NOT NULL, -- wall clock, for people; never used to order or expire
        clock_offset_ms INTEGER NOT NULL,
        wire TEXT,                      -- the contract Record, sealed; NULL once delivered
        size INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before REAL NOT NULL DEFAULT 0,  -- this boot's monotonic clock; reset at start
        last_error TEXT NOT NULL DEFAULT '',
        result TEXT,
        delivered_at_ms INTEGER
    );
    CREATE INDEX records_ready ON records (state, priority, seq);
    CREATE TABLE attachments (
        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
        sha256 TEXT NOT NULL,
        name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        PRIMARY KEY (record_id, sha256)
    );
    CREATE INDEX attachments_by_blob ON attachments (sha256);
    CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # v2: expiring claims, and ages measured on the store's own elapsed clock
    """
    ALTER TABLE records ADD COLUMN lease_until REAL NOT NULL DEFAULT 0;
    ALTER TABLE records ADD COLUMN created_elapsed REAL NOT NULL DEFAULT 0;
    ALTER TABLE records ADD COLUMN delivered_elapsed REAL;
    """,
    # v3: the last known state of cases, for the progress screen when the link is down. Only
    # what the platform returns by receipt number (no ID number, no names); purged by age.
    """
    CREATE TABLE case_cache (
        receipt_no TEXT PRIMARY KEY,
        case_json TEXT NOT NULL,
        final INTEGER NOT NULL,          -- completed, refused or withdrawn: no more refreshes
        fetched_at_ms INTEGER NOT NULL,  -- wall clock, to tell people how old it is
        fetched_elapsed REAL NOT NULL    -- the store's elapsed clock, for refresh and purge
    );
    """,
    # v4: sealed pages live in the database, written in their record's transaction (one
    # fsync per record instead of two per page file); the page files of older queues are
    # moved in at open (blobstore.adopt_files).
    """
    CREATE TABLE pages (
        sha256 TEXT PRIMARY KEY,        -- of the sealed bytes: the blob's name on the platform
        data BLOB NOT NULL              -- sealed to the platform's key
    );
    """,
    # v5: records carried out on a USB stick (sneakernet). They stay queued until the
    # platform answers for them; the mark only tells the technician they also left by stick.
    """
    ALTER TABLE records ADD COLUMN exported_at_ms INTEGER;
    ALTER TABLE records ADD COLUMN export_bundle TEXT;
    """,
)


def _statements(script: str) -> list[str]:
    """Split on the `;` that end statements (not those inside comments or strings)."""
    out, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current)
            current = ""
    return out


def migrate(conn: sqlite3.Connection) -> int:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    for target, script in enumerate(MIGRATIONS[version:], start=version + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return len(MIGRATIONS)

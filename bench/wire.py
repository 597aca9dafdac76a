"""Bytes on the wire for one typical submission with three document pages."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from bench.workload import new_record
from kiosk.ports.clock import SystemClock
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.records import NewAttachment
from offline_queue.store import open_terminal_outbox
from offline_queue.sync import SyncEngine
from tests.support.central import running_central
from tests.support.fault_proxy import FaultProxy


def bench_wire_bytes(tmp: Path, page_bytes: int = 78_000) -> None:
    """Counted by a proxy between kiosk and platform: every request and reply of one
    submission with three pages (announce, PATCHes, the push), HTTP heads and signatures
    included. Pages are random bytes: a WebP page does not compress further."""
    with running_central(tmp / "wire-central") as central, FaultProxy(central.port) as proxy:
        terminal = central.enrol()
        client = PlatformClient(proxy.url, 2, 30)
        client.signer = Signer(terminal.terminal_id, terminal.key)
        box = open_terminal_outbox(
            tmp / "wire", terminal.seal_public_key, terminal.terminal_id, SystemClock()
        )
        pages = tuple(
            NewAttachment(f"p{i}.webp", "image/webp", os.urandom(page_bytes)) for i in range(3)
        )
        box.enqueue(dataclasses.replace(new_record(1, pages=0), attachments=pages))
        assert SyncEngine(box, client).drain().delivered == 1
    print(
        f"bytes on the wire for one submission with three {page_bytes // 1000} kB pages"
        f" ({3 * page_bytes / 1024:.0f} KiB of pages): {proxy.bytes_up / 1024:.0f} KiB up,"
        f" {proxy.bytes_down / 1024:.1f} KiB down, {len(proxy.seen)} requests"
        f" ({' '.join(s.split(' ')[0] for s in proxy.seen)}) (goal: under 450 KB)"
    )

"""Fleet figures for `make bench`: heartbeat bytes on the wire, heartbeat intake against the
cheapest signed request, and the fleet page for a county-sized fleet. Set BENCH_TERMINALS to
change the fleet size (default 1,000)."""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.contract.records import canonical_json
from kiosk.contract.signing import b64
from offline_queue.platform_client import PlatformClient, Signer
from tests.support.central import CentralHandle, running_central
from tests.support.fault_proxy import FaultProxy

HALLS = [f"45112310{n}" for n in range(1, 8)] + ["451123201"]


def heartbeat(n: int) -> dict[str, Any]:
    """A full heartbeat as a kiosk with four devices sends it."""
    device = {
        "state": "ready",
        "message_key": "printer.ready",
        "detail": "",
        "vendor_code": "12/12",
    }
    return {
        "schema_version": 1,
        "trigger": "schedule",
        "sent_at_ms": int(time.time() * 1000),
        "software_version": "0.1.0",
        "uptime_s": 86_400 + n,
        "restarts": {
            "total": 3,
            "unexpected": 1,
            "by_reason": {"stopped": 2, "crashed": 1},
            "last_reason": "crashed",
            "last_at_ms": int(time.time() * 1000) - 86_400_000,
        },
        "clock_offset_ms": -350,
        "devices": {
            name: {**device, "message_key": f"{key}.ready"}
            for name, key in (
                ("card_reader", "reader"),
                ("id_reader", "reader"),
                ("camera", "camera"),
                ("printer", "printer"),
            )
        },
        "queue": {
            "pending_by_kind": {"submission": n % 4, "evaluation": 1},
            "pending": n % 4 + 1,
            "bytes_pending": 230_000 * (n % 4),
            "oldest_pending_age_s": 600.0,
            "dead_letters": int(n % 7 == 0),
            "conflicts": 0,
            "warning": False,
            "refusing": False,
        },
        "last_sync_at_ms": int(time.time() * 1000) - 60_000,
        "last_error": "",
        "disk": {"free_bytes": 21_000_000_000, "total_bytes": 32_000_000_000},
        "audit_head": {"seq": 214, "hash": "9f" * 32},
        "command_results": [],
        "probe_errors": {},
    }


def _timed(fn: Any, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def bench_heartbeat_wire(tmp: Path) -> None:
    with running_central(tmp / "hb-central") as central, FaultProxy(central.port) as proxy:
        terminal = central.enrol()
        client = PlatformClient(proxy.url, 2, 30)
        client.signer = Signer(terminal.terminal_id, terminal.key)
        body = heartbeat(1)
        client.send_heartbeat(body)
    print(
        f"one heartbeat (four devices, backlog, audit head): {len(canonical_json(body))} B of "
        f"JSON; on the wire {proxy.bytes_up} B up, {proxy.bytes_down} B down with HTTP heads "
        f"and signature (every 5 min: {proxy.bytes_up * 288 / 1024:.0f} KiB a day)"
    )


def _terminal(central: CentralHandle, web: httpx.Client, hall: str) -> PlatformClient:
    """An enrolled terminal's own client (keep-alive session, signing every request)."""
    code = web.post("/v1/admin/enrolment-codes", json={"hall_code": hall}).json()
    key = Ed25519PrivateKey.generate()
    client = PlatformClient(central.base_url, 5, 60)
    reply = client.enrol(code["enrolment_code"], b64(key.public_key().public_bytes_raw()), "0.1.0")
    client.signer = Signer(reply["terminal_id"], key)
    return client


def bench_fleet(tmp: Path, n: int) -> None:
    with running_central(tmp / "fleet-central") as central:
        auth = {"Authorization": f"Bearer {central.admin_token}"}
        with httpx.Client(base_url=central.base_url, headers=auth, timeout=60) as web:
            t0 = time.perf_counter()
            for i in range(n):
                client = _terminal(central, web, HALLS[i % len(HALLS)])
                client.send_heartbeat(heartbeat(i))
                if i:
                    client.close()
                else:
                    one = client
            setup_s = time.perf_counter() - t0
            beats = _timed(lambda: one.send_heartbeat(heartbeat(0)), 200)
            floor = _timed(lambda: one.fetch_catalog(10**9, None), 200)
            page = web.get("/fleet")
            page.raise_for_status()
            pages = _timed(lambda: web.get("/fleet").raise_for_status(), 10)
            town = _timed(lambda: web.get("/fleet?township=白沙镇").raise_for_status(), 10)
            api = _timed(lambda: web.get("/v1/admin/fleet").raise_for_status(), 10)
            one.close()
    med = statistics.median
    print(
        f"fleet of {n} terminals on the reference platform (each enrolled and reporting once:"
        f" {setup_s:.0f} s)"
    )
    print(
        f"  heartbeat intake   p50 {med(beats) * 1000:6.1f} ms  (validate, store, trend, "
        f"commands due; one terminal's keep-alive client)"
    )
    print(
        f"  signed no-op GET   p50 {med(floor) * 1000:6.1f} ms  (signature and replay check "
        f"only: the floor)   ratio {med(beats) / med(floor):.1f}x"
    )
    print(
        f"  fleet page         p50 {med(pages) * 1000:6.0f} ms  ({len(page.content) / 1024:.0f}"
        f" KiB of HTML, {int(page.headers['content-length']) / 1024:.0f} KiB gzipped; {n} rows,"
        f" alerts computed per row)"
    )
    print(f"  one township       p50 {med(town) * 1000:6.0f} ms")
    print(f"  fleet JSON (API)   p50 {med(api) * 1000:6.0f} ms")


def main(tmp: Path) -> None:
    bench_heartbeat_wire(tmp)
    bench_fleet(tmp, int(os.environ.get("BENCH_TERMINALS", "1000")))

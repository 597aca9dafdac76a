"""Fleet health: the heartbeat and log upload a terminal sends (signed), the admin API to see
the fleet and issue signed commands, and the technicians' fleet page (central/fleet_page.py).

Registered by `install(app, policy)` from the app factory.
"""

from __future__ import annotations

import os
from pathlib import Path as FsPath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Path, Query, Request, Response
from pydantic import BaseModel, Field

from central import commands, fleet_page, fleet_store
from central.context import Platform, platform, require_admin, terminal_id
from central.errors import ApiError
from central.fleet_alerts import FleetPolicy

MAX_INT = 2**53
Text40 = Annotated[str, Field(max_length=40)]
Text300 = Annotated[str, Field(max_length=300)]
Count = Annotated[int, Field(ge=0, le=MAX_INT)]
LOG_NAME = r"^(sync-)?kiosk\.log(\.[0-9]{1,2})?$"


class DeviceIn(BaseModel):
    state: Literal["ready", "busy", "degraded", "offline", "error"]
    message_key: Text40
    detail: Annotated[str, Field(max_length=200)] = ""
    vendor_code: Text40 | None = None


class QueueIn(BaseModel):
    pending_by_kind: dict[Text40, Count] = Field(default_factory=dict, max_length=10)
    pending: Count = 0
    bytes_pending: Count = 0
    oldest_pending_age_s: Annotated[float, Field(ge=0, le=MAX_INT)] | None = None
    dead_letters: Count = 0
    conflicts: Count = 0
    warning: bool = False
    refusing: bool = False


class DiskIn(BaseModel):
    free_bytes: Count
    total_bytes: Count


class AuditHeadIn(BaseModel):
    seq: Count
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class CommandResultIn(BaseModel):
    id: Annotated[str, Field(max_length=64)]
    action: Text40 = ""
    status: Literal["done", "failed", "refused", "interrupted"]
    reason: Text40 = ""
    detail: Text300 = ""


class RestartsIn(BaseModel):
    total: Count = 0
    unexpected: Count = 0
    by_reason: dict[Text40, Count] = Field(default_factory=dict, max_length=20)
    last_reason: Text40 | None = None
    last_at_ms: Annotated[int, Field(ge=0, le=MAX_INT)] | None = None


class HeartbeatIn(BaseModel):
    """docs/sync-protocol.md, "Heartbeat". Everything but the version is optional, so an
    older terminal's heartbeat is still taken."""

    schema_version: Annotated[int, Field(ge=1, le=100)] = 1
    trigger: Annotated[str, Field(max_length=20)] = ""
    sent_at_ms: Annotated[int, Field(ge=0, le=MAX_INT)] | None = None
    software_version: Text40
    uptime_s: Count = 0
    restarts: RestartsIn | None = None
    clock_offset_ms: Annotated[int, Field(ge=-MAX_INT, le=MAX_INT)] = 0
    devices: dict[Text40, DeviceIn] = Field(default_factory=dict, max_length=16)
    queue: QueueIn = Field(default_factory=QueueIn)
    last_sync_at_ms: Annotated[int, Field(ge=0, le=MAX_INT)] | None = None
    last_error: Text300 = ""
    disk: DiskIn | None = None
    audit_head: AuditHeadIn | None = None
    command_results: list[CommandResultIn] = Field(default_factory=list, max_length=200)
    probe_errors: dict[Text40, Text40] = Field(default_factory=dict, max_length=10)


class CommandIn(BaseModel):
    action: Text40  # one of kiosk.contract.commands.ACTIONS, checked by commands.issue
    ttl_s: Annotated[int, Field(ge=60, le=86400)] = 3600


terminal_router = APIRouter(prefix="/v1")
admin_router = APIRouter(prefix="/v1/admin", dependencies=[Depends(require_admin)])
TerminalId = Annotated[str, Path(pattern=r"^[0-9A-Z]{5}$")]


@terminal_router.post("/heartbeats")
def heartbeat(body: HeartbeatIn, request: Request) -> dict[str, Any]:
    p, tid = platform(request), terminal_id(request)
    data = body.model_dump()
    if not data["queue"]["pending"]:
        data["queue"]["pending"] = sum(data["queue"]["pending_by_kind"].values())
    now = p.now_ms()
    with p.storage.write() as conn:
        fleet_store.record_heartbeat(conn, tid, data, now, fleet_page.fleet_policy(request))
        commands.settle(conn, tid, data["command_results"], now)
        due = commands.due(conn, tid, now)
    return {"commands": due, "server_time_ms": now}


@terminal_router.put("/logs/{command_id}/{name}", status_code=204)
async def upload_log(
    command_id: Annotated[str, Path(pattern=r"^[0-9a-f-]{36}$")],
    name: Annotated[str, Path(pattern=LOG_NAME)],
    request: Request,
) -> Response:
    from starlette.concurrency import run_in_threadpool

    p, tid = platform(request), terminal_id(request)
    body = await request.body()
    await run_in_threadpool(_store_log, p, tid, command_id, name, body)
    return Response(status_code=204)


def _logs_dir(p: Platform, tid: str) -> FsPath:
    return p.data_dir / "terminal-logs" / tid


def _store_log(p: Platform, tid: str, command_id: str, name: str, body: bytes) -> None:
    if not commands.open_upload(p.storage, tid, command_id, p.now_ms()):
        raise ApiError(403, "not_requested", "no open upload_logs command for this terminal")
    folder = _logs_dir(p, tid) / command_id
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / (name + ".gz")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(body)


@admin_router.get("/fleet")
def fleet_json(
    request: Request, township: Annotated[str, Query(max_length=40)] = ""
) -> dict[str, Any]:
    rows = fleet_page.fleet_view(request, township)
    for row in rows:
        row["alerts"] = [a.to_json() for a in row["alerts"]]
    return {
        "terminals": rows,
        "townships": fleet_store.townships(platform(request).storage),
        "server_time_ms": platform(request).now_ms(),
    }


@admin_router.post("/terminals/{tid}/commands", status_code=201)
def issue_command(tid: TerminalId, body: CommandIn, request: Request) -> dict[str, Any]:
    p = platform(request)
    return commands.issue(p.storage, p.keys, tid, body.action, body.ttl_s, p.now_ms())


@admin_router.get("/terminals/{tid}/commands")
def list_commands(tid: TerminalId, request: Request) -> dict[str, Any]:
    p = platform(request)
    return {"commands": commands.listing(p.storage, tid, p.now_ms())}


@admin_router.get("/terminals/{tid}/logs")
def list_logs(tid: TerminalId, request: Request) -> dict[str, Any]:
    root = _logs_dir(platform(request), tid)
    files = sorted(root.glob("*/*.gz")) if root.exists() else []
    return {
        "logs": [
            {"command_id": f.parent.name, "name": f.name, "size": f.stat().st_size} for f in files
        ]
    }


@admin_router.delete("/terminals/{tid}/audit-alert")
def clear_audit_alert(tid: TerminalId, request: Request) -> dict[str, bool]:
    return {"cleared": fleet_store.clear_audit_alert(platform(request).storage, tid)}


def install(app: FastAPI, fleet_policy: FleetPolicy | None = None) -> None:
    fleet_store.install(app.state.platform.storage)
    app.state.fleet_policy = fleet_policy or FleetPolicy()
    app.include_router(terminal_router)
    app.include_router(admin_router)
    app.include_router(fleet_page.router)

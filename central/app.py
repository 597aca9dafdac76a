"""The FastAPI application factory."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI

from central import admin, errors, fleet, hall_queue, operators, routes, updates
from central.context import Platform
from central.fleet_alerts import FleetPolicy
from central.security import SigningMiddleware


def create_app(
    data_dir: Path, admin_token: str, fleet_policy: FleetPolicy | None = None
) -> FastAPI:
    p = Platform.open(data_dir, admin_token)
    app = FastAPI(
        title="Village kiosk reference platform",
        version="1.0.0",
        description="The terminal-platform contract v1 (docs/sync-protocol.md).",
    )
    app.state.platform = p
    errors.install(app)
    app.include_router(routes.router)
    operators.ensure_schema(p.storage)
    app.include_router(operators.router)
    # Before admin.router, whose /{collection}/{code} would otherwise claim /operators/{id}.
    app.include_router(operators.admin_router)
    app.include_router(admin.router)
    fleet.install(app, fleet_policy)
    app.include_router(updates.router)
    hall_queue.install(app, p.storage)
    app.add_middleware(SigningMiddleware, platform=p)
    return app

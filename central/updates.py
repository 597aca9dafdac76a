"""Application updates: the platform stores and offers releases the release team signed.

The platform never signs a release and never needs the release key: `publish` checks the
archive against the manifest (size, sha256) so a bad upload is caught early, and terminals
check the signature against the release keys installed with them.

    python -m central publish-release --data-dir D kiosk-0.2.0.manifest.json kiosk-0.2.0.tar.gz

    GET /v1/updates/latest?current=0.1.0   the newest signed manifest, or 204 if none is newer
    GET /v1/updates/{version}/archive      the archive; Range requests resume (206)

Layout: <data_dir>/releases/<version>/{signed.json, <archive>}.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.responses import FileResponse

from central.context import platform, terminal_id
from central.errors import ApiError
from kiosk.contract.releases import (
    VERSION_RE,
    Manifest,
    manifest_from_dict,
    parse_version,
    verify_archive,
)

router = APIRouter(prefix="/v1/updates")
VERSION_PATTERN = VERSION_RE.pattern


def _releases(data_dir: Path) -> Path:
    return data_dir / "releases"


def publish(data_dir: Path, signed: dict[str, Any], archive: Path) -> Manifest:
    manifest = manifest_from_dict(signed.get("manifest") or {})
    verify_archive(archive, manifest)  # a bad upload is caught here, not on a terminal
    final = _releases(data_dir) / manifest.version
    tmp = _releases(data_dir) / f".{manifest.version}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    shutil.copyfile(archive, tmp / manifest.archive)
    (tmp / "signed.json").write_text(json.dumps(signed), encoding="utf-8")
    shutil.rmtree(final, ignore_errors=True)
    os.replace(tmp, final)
    return manifest


def _published(data_dir: Path) -> list[tuple[tuple[int, int, int], dict[str, Any]]]:
    found = []
    root = _releases(data_dir)
    if root.is_dir():
        for entry in root.iterdir():
            if entry.name.startswith(".") or not (entry / "signed.json").is_file():
                continue
            signed = json.loads((entry / "signed.json").read_text(encoding="utf-8"))
            found.append((parse_version(entry.name), signed))
    return sorted(found, key=lambda pair: pair[0])


@router.get("/latest")
def latest(
    request: Request, current: Annotated[str, Query(pattern=VERSION_PATTERN, max_length=20)]
) -> Any:
    terminal_id(request)
    published = _published(platform(request).data_dir)
    if not published or published[-1][0] <= parse_version(current):
        return Response(status_code=204)
    return published[-1][1]


@router.get("/{version}/archive")
def archive(
    request: Request, version: Annotated[str, PathParam(pattern=VERSION_PATTERN, max_length=20)]
) -> FileResponse:
    terminal_id(request)
    folder = _releases(platform(request).data_dir) / version
    try:
        signed = json.loads((folder / "signed.json").read_text(encoding="utf-8"))
        manifest = manifest_from_dict(signed["manifest"])
    except (OSError, ValueError, KeyError):
        raise ApiError(404, "not_found", "no such release") from None
    # Starlette's FileResponse answers Range requests with 206 and Content-Range.
    return FileResponse(folder / manifest.archive, media_type="application/gzip")

"""USB sticks as the kernel has them mounted: the RemovableMedia port.

A stick counts when its mount point is under one of the roots (/media, /run/media), as
/proc/self/mounts lists it (octal escapes such as \\040 for a space decoded); the configured
export directory counts when it exists. Free space by statvfs; writable by access(W_OK).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from kiosk.ports.media import Medium

ROOTS = (Path("/media"), Path("/run/media"))
_ESCAPE = re.compile(r"\\([0-7]{3})")


def _decode(field: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def mount_points(mounts: Path = Path("/proc/self/mounts")) -> list[Path]:
    try:
        lines = mounts.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    return [Path(_decode(line.split()[1])) for line in lines if len(line.split()) > 2]


def _medium(path: Path) -> Medium | None:
    try:
        st = os.statvfs(path)
    except OSError:
        return None
    return Medium(
        str(path),
        path.name or str(path),
        st.f_bavail * st.f_frsize,
        st.f_blocks * st.f_frsize,
        os.access(path, os.W_OK),
    )


class MountedMedia:
    def __init__(
        self,
        export_dir: str = "",
        roots: tuple[Path, ...] = ROOTS,
        mounts: Path = Path("/proc/self/mounts"),
    ) -> None:
        self.export_dir, self.roots, self.mounts = export_dir, roots, mounts

    def media(self) -> list[Medium]:
        found: list[Medium] = []
        candidates = [
            point
            for point in mount_points(self.mounts)
            if any(root in point.parents for root in self.roots)
        ]
        if self.export_dir and Path(self.export_dir).is_dir():
            candidates.append(Path(self.export_dir))
        for path in dict.fromkeys(candidates):
            medium = _medium(path)
            if medium is not None:
                found.append(medium)
        return found

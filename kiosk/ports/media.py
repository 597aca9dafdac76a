"""Removable media for the technician's exports (logs, the queue carried out on a USB stick).

Plain data only. A medium is a USB stick mounted under /media or /run/media (the desktop's
automounter puts them there), or the directory the configuration names (`technician.
export_dir`, a fixed mount point, or a directory in tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Medium:
    path: str  # where it is mounted
    label: str  # what the technician recognises it by (the volume label or folder name)
    free_bytes: int
    total_bytes: int
    writable: bool


class RemovableMedia(Protocol):
    def media(self) -> list[Medium]:
        """What is mounted now (a quick read of /proc/self/mounts and statvfs; worker)."""
        ...

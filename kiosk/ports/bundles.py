"""The queue carried on a USB stick (sneakernet) when a terminal has been cut off for long.

The stick holds the records exactly as the terminal would push them (personal data and pages
still sealed to the platform's key, so a lost stick reveals nothing) with a manifest signed by
the terminal's key. The platform (`python -m central import-bundle`) takes them in; the
records stay in the terminal's queue, marked as carried, until the platform acknowledges them
over the link: the record id makes the later push a duplicate, never a second case.
Plain data only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class BundlePlan:
    records: int  # waiting for the platform, so a bundle would carry them
    total_bytes: int
    already_carried: int  # of those, how many a previous bundle carried already


@dataclass(frozen=True)
class BundleExport:
    directory: str  # the folder made on the medium
    records: int
    attachments: int
    total_bytes: int


class QueueBundles(Protocol):
    def plan(self) -> BundlePlan:
        """What a bundle made now would carry (a read of the queue: worker)."""
        ...

    def export(self, destination: str, folder: str) -> BundleExport:
        """Writes the bundle into `destination/folder`, synced to the medium, reads it back
        and verifies it, then marks its records as carried. Raises ExportFailed (the medium
        could not take it; nothing is left there and nothing is marked)."""
        ...

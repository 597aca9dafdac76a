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

from kiosk.errors import KioskError


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


@dataclass(frozen=True)
class CarriedBundle:
    """Another terminal's bundle found on a stick, as far as its manifest says (unverified)."""

    path: str  # the bundle's folder
    terminal_id: str  # the terminal that made it
    records: int
    created_at_ms: int  # when it was made, on that terminal's clock


@dataclass(frozen=True)
class RelayDone:
    terminal_id: str
    delivered: int  # taken in now
    already: int  # the platform had them (an earlier relay, its own import, their terminal)
    refused: int  # rejected or in conflict: the platform keeps them for its staff
    pages: int  # pages uploaded now (those it had are skipped)


class BundleUnreadable(KioskError):
    """The bundle on the stick is damaged or not a bundle: nothing was sent."""

    message_key = "tech.relay.unreadable"


class BundleRelay(Protocol):
    """A cut-off terminal's bundle sent on through this connected terminal, in that terminal's
    name (each record keeps its own signature, which the platform checks)."""

    def find(self, medium: str) -> list[CarriedBundle]:
        """The bundles in the medium's top folder (reads manifests: worker)."""
        ...

    def relay(self, bundle: CarriedBundle) -> RelayDone:
        """Uploads the pages the platform lacks, then the records. Raises BundleUnreadable
        (nothing sent) or PlatformError (run it again: what was taken is a duplicate then)."""
        ...

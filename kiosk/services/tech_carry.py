"""U 盘带出 and 代送 (sneakernet) for the technician: the terminal's waiting records carried on
a USB stick to where the platform can take them in, when the terminal has been cut off for
long; and such a stick, plugged into a connected terminal, sent on from there (RelayTools).

The records stay in the queue, marked as carried, until the platform acknowledges them over
the link (a stick may be lost on the way); their later pushes are answered as duplicates.
Audited before (the folder) and after (how many records, pages, bytes): never a medium's
label, never a record's content.

Qt-free; every call reads the queue or writes to the medium: a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from kiosk.ports.bundles import (
    BundleExport,
    BundlePlan,
    BundleRelay,
    CarriedBundle,
    QueueBundles,
    RelayDone,
)
from kiosk.ports.clock import Clock
from kiosk.ports.media import Medium, RemovableMedia
from kiosk.services.tech_logs import Record, export_folder


class CarryTools:
    def __init__(
        self,
        record: Record,
        bundles: QueueBundles,
        media: RemovableMedia,
        terminal_id: Callable[[], str],
        clock: Clock,
    ) -> None:
        self._record, self._bundles, self._media = record, bundles, media
        self._terminal_id, self._clock = terminal_id, clock

    def plan(self) -> BundlePlan:
        return self._bundles.plan()

    def media(self) -> list[Medium]:
        return self._media.media()

    def export(self, medium: Medium) -> BundleExport:
        folder = export_folder("queue", self._terminal_id(), self._clock)
        self._record("queue.carry", folder, None)
        done = self._bundles.export(medium.path, folder)
        self._record(
            "queue.carried",
            folder,
            {"records": done.records, "pages": done.attachments, "bytes": done.total_bytes},
        )
        return done


class RelayTools:
    """代送: a cut-off terminal's stick plugged into this connected terminal; its bundle goes on
    to the platform in that terminal's name. Nothing of it is kept here: if the link fails
    half-way, the stick still holds everything and the relay is simply run again. Audited
    before (the folder, the origin terminal) and after (the counts)."""

    def __init__(
        self,
        record: Record,
        relay: BundleRelay,
        media: RemovableMedia,
        terminal_id: Callable[[], str],
    ) -> None:
        self._record, self._relay, self._media = record, relay, media
        self._terminal_id = terminal_id

    def bundles(self) -> list[CarriedBundle]:
        """Every other terminal's bundle on every stick plugged in (this terminal's own, made
        here with 带出, goes by its own sync: the platform refuses a terminal relaying itself)."""
        own = self._terminal_id()
        return [
            b for m in self._media.media() for b in self._relay.find(m.path) if b.terminal_id != own
        ]

    def relay(self, bundle: CarriedBundle) -> RelayDone:
        folder = PurePath(bundle.path).name
        self._record("queue.relay", folder, {"terminal": bundle.terminal_id})
        done = self._relay.relay(bundle)
        self._record(
            "queue.relayed",
            folder,
            {
                "terminal": done.terminal_id,
                "delivered": done.delivered,
                "already": done.already,
                "refused": done.refused,
                "pages": done.pages,
            },
        )
        return done

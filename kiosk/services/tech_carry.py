"""U 盘带出 (sneakernet) for the technician: the terminal's waiting records carried on a USB
stick to where the platform can take them in, when the terminal has been cut off for long.

The records stay in the queue, marked as carried, until the platform acknowledges them over
the link (a stick may be lost on the way); their later pushes are answered as duplicates.
Audited before (the folder) and after (how many records, pages, bytes): never a medium's
label, never a record's content.

Qt-free; every call reads the queue or writes to the medium: a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.ports.bundles import BundleExport, BundlePlan, QueueBundles
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

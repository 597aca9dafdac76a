"""The document scanner port: where the page is in a camera frame and what to tell the person,
and the page itself, flattened and compressed for the slow link.

Guidance is a message key (document.ok, document.not_found, document.too_dark,
document.move_closer, document.cut_off, document.blurry, document.glare) that the UI shows and
speaks. Thread: workers only (30-80 ms per frame on the kiosk's CPU).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kiosk.ports.camera import FrameArray
from kiosk.ports.outbox import Page

Corners = tuple[tuple[float, float], ...]  # tl, tr, br, bl in frame pixels


@dataclass(frozen=True)
class PageLook:
    guidance: str
    corners: Corners | None = None

    @property
    def ok(self) -> bool:
        return self.guidance == "document.ok"


class DocumentScanner(Protocol):
    def look(self, image: FrameArray) -> PageLook:
        """Where the page is and what to say; cheap enough for every few frames."""
        ...

    def scan(self, image: FrameArray, name: str) -> tuple[PageLook, Page | None]:
        """The page flattened and compressed (named `name` plus its extension), or None
        with the guidance that says why not."""
        ...

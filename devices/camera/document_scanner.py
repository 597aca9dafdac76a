"""The DocumentScanner port (kiosk/ports/documents.py) on the documents pipeline."""

from __future__ import annotations

from devices.camera.documents import PageCheck, check_frame, process_document
from kiosk.ports.camera import FrameArray
from kiosk.ports.documents import Corners, PageLook
from kiosk.ports.outbox import Page

_EXTENSIONS = {"image/jpeg": ".jpg", "image/webp": ".webp"}


def _look(check: PageCheck) -> PageLook:
    corners: Corners | None = None
    if check.corners is not None:
        corners = tuple((float(x), float(y)) for x, y in check.corners.reshape(4, 2))
    return PageLook(check.guidance, corners)


class OpenCvDocumentScanner:
    """Thread: any worker; holds no state."""

    def __init__(self, long_edge: int = 1500, budget_bytes: int = 150_000) -> None:
        self.long_edge, self.budget_bytes = long_edge, budget_bytes

    def look(self, image: FrameArray) -> PageLook:
        return _look(check_frame(image))

    def scan(self, image: FrameArray, name: str) -> tuple[PageLook, Page | None]:
        check, encoded, _page = process_document(image, self.long_edge, self.budget_bytes)
        if encoded is None:
            return _look(check), None
        page = Page(name + _EXTENSIONS.get(encoded.mime, ".bin"), encoded.mime, encoded.data)
        return _look(check), page

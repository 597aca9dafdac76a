"""The documents pipeline: check a frame, flatten the page, make it small for the slow link.

Pure numpy/cv2 functions; safe on any worker thread, never on the GUI thread (about 30-80 ms
per 1280x960 frame). `check_frame` returns a guidance key the UI can speak:

    document.ok, document.not_found, document.too_dark, document.move_closer,
    document.cut_off, document.blurry, document.glare
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from kiosk.ports.camera import FrameArray

FloatArray = npt.NDArray[np.float32]
A4_ASPECT = 297 / 210


@dataclass(frozen=True)
class DocumentThresholds:
    min_brightness: float = 60.0  # median grey of the frame, 0-255
    min_area_fraction: float = 0.25  # page area / frame area: below it, "move closer"
    edge_margin_px: int = 4  # a page contour this close to the border is cut off
    min_sharpness: float = 350.0  # variance of the Laplacian on the page at 800 px tall
    max_glare_fraction: float = 0.004  # saturated share of the page when paper is not


@dataclass(frozen=True)
class PageCheck:
    guidance: str
    corners: FloatArray | None  # tl, tr, br, bl in frame pixels
    brightness: float = 0.0
    area_fraction: float = 0.0
    sharpness: float = 0.0
    glare_fraction: float = 0.0

    @property
    def ok(self) -> bool:
        return self.guidance == "document.ok"


@dataclass(frozen=True)
class EncodedPage:
    data: bytes
    mime: str  # image/jpeg or image/webp
    quality: int
    size: tuple[int, int]  # width, height


def _gray(frame: FrameArray) -> FrameArray:
    return frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)


def order_corners(points: FloatArray) -> FloatArray:
    pts = points.reshape(4, 2).astype(np.float32)
    by_sum, by_diff = pts.sum(axis=1), np.diff(pts, axis=1).ravel()
    return np.array(
        [pts[by_sum.argmin()], pts[by_diff.argmin()], pts[by_sum.argmax()], pts[by_diff.argmax()]],
        dtype=np.float32,
    )


def _outlines(gray: FrameArray) -> list[FrameArray]:
    """The largest outline by edges (Canny) and by brightness (Otsu): edges find the page on
    a light table, brightness still finds it when blur has washed the edges out."""
    smooth = cv2.GaussianBlur(gray, (5, 5), 0)
    edges = cv2.dilate(cv2.Canny(smooth, 50, 150), np.ones((3, 3), np.uint8))
    level, bright = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    bright = cv2.morphologyEx(bright, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    masks = [edges]
    # Otsu splits any image in two; only a paper clearly brighter than its table counts.
    above, below = smooth[smooth > level], smooth[smooth <= level]
    if above.size and below.size and float(above.mean()) - float(below.mean()) > 50:
        masks.append(bright)
    found: list[FrameArray] = []
    for mask in masks:
        contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        if contours:
            found.append(max(contours, key=cv2.contourArea))
    return found


def find_page(gray: FrameArray) -> tuple[FloatArray | None, float, bool]:
    """(corners or None, area fraction of the largest outline, whether it touches the edge)."""
    height, width = gray.shape[:2]
    m = DocumentThresholds.edge_margin_px
    best: tuple[FloatArray | None, float, bool] = (None, 0.0, False)
    for contour in _outlines(gray):
        area = cv2.contourArea(cv2.convexHull(contour)) / float(width * height)
        x, y, w, h = cv2.boundingRect(contour)
        touches = x <= m or y <= m or x + w >= width - m or y + h >= height - m
        approx = cv2.approxPolyDP(contour, 0.02 * cv2.arcLength(contour, True), True)
        corners = None
        if len(approx) == 4 and cv2.isContourConvex(approx) and not touches:
            corners = order_corners(approx.astype(np.float32))
        candidate = (corners, area, touches)
        # A found quadrilateral beats none; then the larger outline wins.
        if (corners is not None, area) > (best[0] is not None, best[1]):
            best = candidate
    return best


def rectify(frame: FrameArray, corners: FloatArray, long_edge: int = 1500) -> FrameArray:
    """Warp the page flat, grey, with its long edge `long_edge` px and its measured aspect."""
    tl, tr, br, bl = corners
    width = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    height = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    scale = long_edge / max(width, height)
    out_w, out_h = round(width * scale), round(height * scale)
    target = np.array([[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(corners, target)
    return cv2.warpPerspective(_gray(frame), matrix, (out_w, out_h), flags=cv2.INTER_CUBIC)


def sharpness(page: FrameArray) -> float:
    """Variance of the Laplacian at a fixed scale (800 px tall), so distance does not count."""
    small = cv2.resize(page, (round(page.shape[1] * 800 / page.shape[0]), 800))
    return float(cv2.Laplacian(small, cv2.CV_64F).var())


def glare_fraction(page: FrameArray) -> float:
    """Share of saturated pixels on a page whose paper itself is not saturated."""
    paper = float(np.percentile(page, 75))
    if paper >= 245:
        return 0.0  # an over-exposed page is "too bright everywhere", not glare
    return float(np.count_nonzero(page >= 250)) / page.size


def check_frame(frame: FrameArray, limits: DocumentThresholds | None = None) -> PageCheck:
    limits = limits or DocumentThresholds()
    gray = _gray(frame)
    brightness = float(np.median(gray))
    if brightness < limits.min_brightness:
        return PageCheck("document.too_dark", None, brightness)
    corners, area, touches = find_page(gray)
    if touches and area > 0.1:
        return PageCheck("document.cut_off", None, brightness, area)
    if corners is None:
        return PageCheck("document.not_found", None, brightness, area)
    if area < limits.min_area_fraction:
        return PageCheck("document.move_closer", corners, brightness, area)
    page = rectify(frame, corners, long_edge=800)
    sharp, glare = sharpness(page), glare_fraction(page)
    guidance = "document.ok"
    if sharp < limits.min_sharpness:
        guidance = "document.blurry"
    elif glare > limits.max_glare_fraction:
        guidance = "document.glare"
    return PageCheck(guidance, corners, brightness, area, sharp, glare)


def deskew(page: FrameArray, max_degrees: float = 3.0, step: float = 0.25) -> FrameArray:
    """Rotate by the angle whose row profile of ink is sharpest (text lines line up)."""
    small = cv2.resize(page, (400, round(page.shape[0] * 400 / page.shape[1])))
    ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    centre = (ink.shape[1] / 2, ink.shape[0] / 2)

    def score(angle: float) -> float:
        matrix = cv2.getRotationMatrix2D(centre, angle, 1.0)
        rotated = cv2.warpAffine(ink, matrix, (ink.shape[1], ink.shape[0]))
        return float(np.var(rotated.sum(axis=1, dtype=np.float64)))

    angles = np.arange(-max_degrees, max_degrees + step / 2, step)
    best = float(max(angles, key=score))
    if abs(best) < step:
        return page
    matrix = cv2.getRotationMatrix2D((page.shape[1] / 2, page.shape[0] / 2), best, 1.0)
    return cv2.warpAffine(
        page,
        matrix,
        (page.shape[1], page.shape[0]),
        flags=cv2.INTER_CUBIC,
        borderMode=cv2.BORDER_REPLICATE,
    )


def normalise(page: FrameArray) -> FrameArray:
    """Flatten uneven light (divide by the paper's own background), stretch, whiten paper.

    A flat white background costs almost nothing in JPEG; noise on it costs most of the bytes.
    """
    background = cv2.morphologyEx(page, cv2.MORPH_CLOSE, np.ones((25, 25), np.uint8))
    background = cv2.GaussianBlur(background, (0, 0), 8)
    flat = cv2.divide(page, background, scale=255)
    low = float(np.percentile(flat, 1))
    stretched = np.clip((flat.astype(np.float32) - low) * (255.0 / max(1.0, 235.0 - low)), 0, 255)
    return np.where(stretched > 225, 255, stretched).astype(np.uint8)


def _encode(page: FrameArray, ext: str, quality: int) -> bytes:
    flag = cv2.IMWRITE_WEBP_QUALITY if ext == ".webp" else cv2.IMWRITE_JPEG_QUALITY
    ok, buf = cv2.imencode(ext, page, [flag, quality])
    if not ok:
        raise ValueError(f"could not encode {ext}")
    return buf.tobytes()


def compress(page: FrameArray, budget_bytes: int = 150_000) -> EncodedPage:
    """The highest quality (JPEG or WebP, whichever is smaller) that fits the budget."""
    size = (page.shape[1], page.shape[0])
    for quality in range(85, 20, -5):
        candidates = [
            (_encode(page, ext, quality), mime)
            for ext, mime in ((".jpg", "image/jpeg"), (".webp", "image/webp"))
        ]
        data, mime = min(candidates, key=lambda c: len(c[0]))
        if len(data) <= budget_bytes:
            return EncodedPage(data, mime, quality, size)
    return EncodedPage(data, mime, 20, size)


def process_document(
    frame: FrameArray, long_edge: int = 1500, budget_bytes: int = 150_000
) -> tuple[PageCheck, EncodedPage | None, FrameArray | None]:
    """Check, then (only if fine) rectify, deskew, normalise and compress."""
    check = check_frame(frame)
    if not check.ok or check.corners is None:
        return check, None, None
    page = normalise(deskew(rectify(frame, check.corners, long_edge)))
    return check, compress(page, budget_bytes), page

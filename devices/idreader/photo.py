"""The card photo: 1024 bytes in a vendor-compressed ("wlt") format that only vendor libraries
decode. PhotoDecoder is the seam; WltLibraryDecoder loads such a library with ctypes when one
is installed, and otherwise the reader reports card.photo_unavailable_no_decoder.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import io
import logging
from typing import Protocol

log = logging.getLogger(__name__)

NO_DECODER = "card.photo_unavailable_no_decoder"
DECODE_FAILED = "card.photo_unavailable"
# Library names vendors ship on Linux; each exports `int unpack(char *wlt, char *bmp, int save)`
# filling a 38862-byte 102x126 24-bit BMP and returning 1 on success.
LIBRARY_NAMES = ("libwltdecode.so", "libwlt2bmp.so", "libwltrs.so")
BMP_BYTES = 38862


class PhotoDecoder(Protocol):
    # The message key an Identity carries when decode() gives no photo.
    unavailable_reason: str

    def decode(self, wlt: bytes) -> bytes | None:
        """JPEG bytes, or None when this photo cannot be decoded. Runs on the reader thread."""
        ...


class NoPhotoDecoder:
    unavailable_reason = NO_DECODER

    def decode(self, wlt: bytes) -> bytes | None:  # noqa: ARG002 - the Protocol's signature
        return None


class WltLibraryDecoder:
    """Calls a vendor library's `unpack` and re-encodes its BMP as JPEG with Pillow."""

    unavailable_reason = DECODE_FAILED

    def __init__(self, library: ctypes.CDLL) -> None:
        self._unpack = library.unpack
        self._unpack.restype = ctypes.c_int

    def decode(self, wlt: bytes) -> bytes | None:
        src = ctypes.create_string_buffer(wlt, len(wlt))
        dst = ctypes.create_string_buffer(BMP_BYTES)
        if self._unpack(src, dst, 0) != 1:
            return None
        from PIL import Image

        out = io.BytesIO()
        Image.open(io.BytesIO(dst.raw)).convert("RGB").save(out, format="JPEG", quality=90)
        return out.getvalue()


def load_photo_decoder(library_path: str = "") -> PhotoDecoder:
    """The configured vendor library, else the first one found under a known name, else
    NoPhotoDecoder."""
    candidates = [library_path] if library_path else []
    for name in LIBRARY_NAMES:
        candidates.append(
            ctypes.util.find_library(name.removeprefix("lib").removesuffix(".so")) or name
        )
    for path in candidates:
        try:
            library = ctypes.CDLL(path)
        except OSError:
            if path == library_path:
                log.warning("configured card photo decoder %s cannot be loaded", path)
            continue
        if hasattr(library, "unpack"):
            log.info("card photo decoder loaded: %s", path)
            return WltLibraryDecoder(library)
    return NoPhotoDecoder()

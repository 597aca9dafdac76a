"""A guard against a reference-counting bug in PySide6 6.12.0 on CPython 3.11.

Every call of a wrapped method that returns nothing (setText, show, hide, click, setEnabled,
processEvents, ...) drops one reference to None it never took. After about 5,000 such calls
None's count reaches zero and the interpreter aborts ("Fatal Python error: none_dealloc"):
a kiosk showing a clock would die within hours, a test run after a few journeys. Measured
here: 6.12.0 loses one reference per call; 6.11.3 loses none; CPython 3.12 makes None immortal.

Until the pin moves off 6.12.0, None and the two bools (singletons of the same kind) get a
reference count no process can use up. CPython only; it changes nothing on 3.12 and later.
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 48  # one leaked reference per call: more calls than a kiosk makes in a lifetime


def guard_singletons() -> None:
    """Call once, before the first Qt call (the composition root and the test session)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object header.
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM

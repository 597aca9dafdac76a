"""The Qt binding keeps Python's reference counts: a kiosk calls Qt millions of times a day.

PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call of a method that
returns nothing, and one to True on every SignalInstance.disconnect(): after a few thousand
calls the interpreter aborts ("none_dealloc" / "bool_dealloc"), which on a kiosk means a crash
every few hours. requirements.lock pins 6.11.3, which keeps them; this guards any future bump.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal

CALLS = 500  # enough to tell a leak (-500) from noise; few enough never to abort


class _Source(QObject):
    changed = Signal(object)


def test_methods_returning_nothing_keep_the_reference_to_none(qapp):
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        timer.stop()
    assert sys.getrefcount(None) - before > -CALLS // 2


def test_disconnecting_a_slot_keeps_the_reference_to_true(qapp):
    source = _Source()

    def slot(_value: object) -> None: ...

    before = sys.getrefcount(True)
    for _ in range(CALLS):
        source.changed.connect(slot)
        source.changed.disconnect(slot)
    assert sys.getrefcount(True) - before > -CALLS // 2


def test_emitting_a_signal_keeps_the_reference_to_true(qapp):
    # 6.12.0 also took one reference from True per emit() from Python; the on-screen keyboard
    # emits on every key press, so it made the kiosk abort within minutes of typing.
    source = _Source()
    before = sys.getrefcount(True)
    for _ in range(CALLS):
        source.changed.emit(True)
    assert sys.getrefcount(True) - before > -CALLS // 2

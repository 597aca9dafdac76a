"""Shared fixtures: the real reference platform on loopback; Qt offscreen, with the on-screen
keyboard's input-method environment exactly as the kiosk sets it (ui/keyboard.py), in place
before pytest-qt makes the QApplication."""

import gc
import os
from collections.abc import Iterator

import pytest

from tests.support.central import central, shared_central  # noqa: F401
from tests.support.kiosk_app import start_kiosk  # noqa: F401
from ui.keyboard import apply_input_method_environment

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
apply_input_method_environment()


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_test_thread() -> Iterator[None]:
    """A test's windows and screens hold reference cycles (slots that capture their screen):
    collected here, on the GUI thread, once the test is over. Left to the cyclic collector they
    may be freed later on whatever thread happens to allocate, e.g. a worker of the next test,
    and a QWidget destroyed off the GUI thread crashes the process (seen as a segfault or an
    abort in test_technician_app after the accessibility sweep)."""
    yield
    gc.collect()

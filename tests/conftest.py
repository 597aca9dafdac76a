"""Shared fixtures: the real reference platform on loopback; Qt offscreen."""

import os

from ui.pyside_guard import guard_singletons

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
guard_singletons()  # PySide6 6.12.0 leaks references to None (see ui/pyside_guard.py)

from tests.support.central import central, shared_central  # noqa: E402, F401
from tests.support.kiosk_app import start_kiosk  # noqa: E402, F401

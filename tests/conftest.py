"""Shared fixtures: the real reference platform on loopback; Qt offscreen."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.support.central import central, shared_central  # noqa: F401
from tests.support.kiosk_app import start_kiosk  # noqa: F401

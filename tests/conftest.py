"""Shared fixtures: the real reference platform on loopback; Qt offscreen, with the on-screen
keyboard's input-method environment exactly as the kiosk sets it (ui/keyboard.py), in place
before pytest-qt makes the QApplication."""

import os

from tests.support.central import central, shared_central  # noqa: F401
from tests.support.kiosk_app import start_kiosk  # noqa: F401
from ui.keyboard import apply_input_method_environment

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
apply_input_method_environment()

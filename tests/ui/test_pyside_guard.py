"""The guard keeps a kiosk alive past the PySide6 6.12.0 reference leak (ui/pyside_guard.py):
far more wrapped void calls than None's own reference count, in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROGRAM = """
import sys
assert sys.getrefcount(None) < 100_000
from ui.pyside_guard import guard_singletons
guard_singletons()
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for _ in range(100_000):
    label.setText("x")
    label.show()
print("alive")
"""


def test_many_wrapped_void_calls_do_not_abort_the_interpreter():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "alive" in done.stdout

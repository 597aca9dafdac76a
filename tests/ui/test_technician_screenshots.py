"""Screenshots of the technician screens in both modes and both languages, in the states the
accessibility audit checks (test-output/technician/): to be looked at, cramped or clipped
layouts count as bugs. The same states pass the audit in tests/ui/test_accessibility.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool

from kiosk.ports.clock import FakeClock
from tests.ui.support import make_window
from tests.ui.tech_states import STATES
from tests.ui.tech_support import screenshot

pytestmark = pytest.mark.soak  # pictures for people, not checks: make soak takes them


@pytest.mark.parametrize(
    ("elderly", "language"), [(True, "zh_CN"), (True, "ug_CN"), (False, "zh_CN")]
)
def test_screenshots_of_every_technician_screen(qapp, qtbot, elderly, language):
    window = make_window(qapp, clock=FakeClock(), elderly=elderly, language=language)
    window.ctx.theme.set_right_to_left(window.ctx.tr.right_to_left)
    mode = "elderly" if elderly else "normal"
    # the sample state to show of each screen
    shots = {
        "tech_signin": 2,
        "tech_menu": 1,
        "tech_queue": 0,
        "tech_network": 0,
        "tech_logs": 1,
        "tech_selftest": 1,
    }
    pool = QThreadPool.globalInstance()
    for name, index in shots.items():
        state = STATES[name][index]
        window.navigator.go(name, state if isinstance(state, dict) else {})
        if callable(state):
            state(window.navigator.screens[name])
        qtbot.waitUntil(lambda: pool.activeThreadCount() == 0)  # the screen's data arrived
        qtbot.wait(50)
        assert window.navigator.current.name == name
        path = screenshot(window, f"{name}-{language[:2]}-{mode}")
        assert path.stat().st_size > 10_000
    window.ctx.theme.set_right_to_left(False)

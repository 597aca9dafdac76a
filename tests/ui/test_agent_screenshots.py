"""Screenshots of the agent screens in both modes and both languages, in the states the
accessibility audit checks (test-output/agent/): to be looked at, cramped or clipped layouts
count as bugs. The same states pass the audit in tests/ui/test_accessibility.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from kiosk.ports.clock import FakeClock
from tests.ui.agent_states import STATES
from tests.ui.support import make_window, sample_devices, sample_services

pytestmark = pytest.mark.soak  # pictures for people, not checks: make soak takes them

OUT = Path(__file__).resolve().parents[2] / "test-output" / "agent"


@pytest.mark.parametrize(
    ("elderly", "language"), [(True, "zh_CN"), (True, "ug_CN"), (False, "zh_CN")]
)
def test_screenshots_of_every_agent_screen(qapp, qtbot, elderly, language):
    clock = FakeClock()
    window = make_window(
        qapp,
        clock=clock,
        elderly=elderly,
        language=language,
        services=sample_services(clock),
        **sample_devices(),
    )
    window.ctx.theme.set_right_to_left(window.ctx.tr.right_to_left)
    mode = "elderly" if elderly else "normal"
    # the sample state to show: the PIN page, the home, a villager served, the offline list
    shots = {"agent_signin": 3, "agent_home": 2, "agent_serving": 0, "agent_worklist": 1}
    pool = QThreadPool.globalInstance()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, index in shots.items():
        state = STATES[name][index]
        window.navigator.go(name, state if isinstance(state, dict) else {})
        if callable(state):
            state(window.navigator.screens[name])
        qtbot.waitUntil(lambda: pool.activeThreadCount() == 0)  # the screen's data arrived
        qtbot.wait(50)
        assert window.navigator.current.name == name
        path = OUT / f"{name}-{language[:2]}-{mode}.png"
        window.grab().save(str(path))
        assert path.stat().st_size > 10_000
    window.watch.end_visit()
    window.ctx.theme.set_right_to_left(False)

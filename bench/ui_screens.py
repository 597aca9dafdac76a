"""Screen changes for `python -m bench ui`: how long the GUI thread takes to go from one screen
to the next (navigation, layout, the worker's data shown), on a Chinese terminal (the
baseline) and on a Uyghur one, whose Arabic script is shaped right to left. Also Uyghur with
the Chinese terminal's font order (WenQuanYi first: a Uyghur visitor on a Chinese terminal,
and every Uyghur terminal before), to keep the reason for ui/theme.py's ARABIC_SCRIPT_FIRST
measured. Each variant runs in its own process (Qt's font caches are per process),
interleaved round by round, on the real main window with the sample services.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from pathlib import Path

from bench.machine import spread

REPO = Path(__file__).resolve().parents[1]
SCREENS = ["home", "guide", "notices", "complaint"]
LAPS = 12
VARIANTS = {
    "zh": ("zh_CN", "kiosk"),
    "ug": ("ug_CN", "kiosk"),
    "ug_before": ("ug_CN", "chinese"),
}
CHILD = """
import os, sys, time
from PySide6.QtWidgets import QApplication
import ui.theme
from kiosk.ports.clock import FakeClock
from tests.ui.support import make_window, sample_services, settle

app = QApplication([])
language, order = sys.argv[1], sys.argv[2]
if order == "chinese":
    ui.theme.ARABIC_SCRIPT_FIRST = ui.theme.FONT_FAMILIES
clock = FakeClock()
window = make_window(app, clock=clock, language=language, services=sample_services(clock))
screens = sys.argv[3].split(",")
for name in screens:  # every screen built and laid out once before timing
    window.navigator.go(name, {})
    settle(app, 2)
started = time.perf_counter()
for _ in range(int(sys.argv[4])):
    for name in screens:
        window.navigator.go(name, {})
        settle(app, 2)
print((time.perf_counter() - started) * 1000 / (int(sys.argv[4]) * len(screens)))
"""


def _one(language: str, order: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, language, order, ",".join(SCREENS), str(LAPS)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def bench_screen_changes(rounds: int) -> dict[str, list[float]]:
    ms: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for _ in range(rounds):
        for name, (language, order) in VARIANTS.items():
            ms[name].append(_one(language, order))
    zh, ug, before = (statistics.median(ms[n]) for n in VARIANTS)
    print(f"screen changes ({', '.join(SCREENS)}; {LAPS} laps, {rounds} rounds), ms each:")
    print(f"  Chinese terminal (baseline):       {spread(ms['zh'], 1)}")
    print(f"  Uyghur terminal:                   {spread(ms['ug'], 1)}  {ug / zh:.2f}x Chinese")
    print(
        f"  Uyghur in the Chinese font order:  {spread(ms['ug_before'], 1)}"
        f"  {before / zh:.2f}x Chinese; a Uyghur terminal takes {ug / before:.2f}x of it"
    )
    return ms

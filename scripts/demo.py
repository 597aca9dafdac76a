"""`make demo`: the main journeys, walked headless as a villager would, with a screenshot of every
screen state passed and the receipts as printed, in demo-output/ (index.html lists them).

The reference platform runs on loopback (tests/support/central.py), the kiosk is built by its
own composition root (kiosk.app.build) offscreen, with simulated card readers and camera and the
ESC/POS printer emulator on TCP, which renders each job to demo-output/receipts/job-NNN.png.
The journeys are the tests' own drivers (tests/ui/*): the demo only adds the screenshots.

    .venv/bin/python -m scripts.demo                       # every pass (about 2-3 minutes)
    .venv/bin/python -m scripts.demo --passes zh-elderly-portrait --journeys home,apply
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ui.session_watch import Defaults

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "demo-output"
PORTRAIT, LANDSCAPE = (1080, 1920), (1920, 1080)


@dataclass(frozen=True)
class Pass:
    """One walk through the journeys in one language, mode and orientation."""

    language: str
    elderly: bool
    size: tuple[int, int]

    @property
    def tag(self) -> str:
        mode = "elderly" if self.elderly else "normal"
        shape = "portrait" if self.size[1] > self.size[0] else "landscape"
        return f"{self.language[:2]}-{mode}-{shape}"


PASSES = (
    Pass("zh_CN", True, PORTRAIT),
    Pass("zh_CN", False, PORTRAIT),
    Pass("zh_CN", True, LANDSCAPE),
    Pass("zh_CN", False, LANDSCAPE),
    Pass("ug_CN", True, PORTRAIT),
    Pass("en_GB", True, PORTRAIT),
)


class Bot:
    """What the tests' drivers ask of pytest-qt's qtbot, without pytest: wait for a condition
    while Qt's events are processed, and click."""

    def waitUntil(self, until: Callable[[], Any], timeout: int = 5000) -> None:
        from tests.ui.journeys import pump

        def holds() -> bool:  # pytest-qt's rule: a callback returning None holds unless it raises
            try:
                result = until()
            except AssertionError:
                return False
            return result is None or bool(result)

        pump(holds, timeout / 1000)

    def wait(self, ms: int) -> None:
        deadline = time.monotonic() + ms / 1000
        while time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.002)

    def mouseClick(
        self,
        widget: QWidget,
        button: Qt.MouseButton,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        pos: QPoint | None = None,
    ) -> None:
        QTest.mouseClick(widget, button, modifier, pos or QPoint())


class CardOnReader:
    """The kiosk's simulated card reader, as the tests' drivers hold a card to it."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self.card: Any = None

    def insert(self, who: Any) -> None:
        from devices.simulated_card_reader import SimulatedCard

        self.card = who
        self._reader.insert(SimulatedCard(who))

    def remove(self) -> None:
        self.card = None
        self._reader.remove()


@dataclass
class Demo:
    """The running kiosk with its platform and printer; the tests' journey drivers take it in
    place of their fixtures (it has .window, .screen(name), .current and .reader)."""

    app: QApplication
    kiosk: Any
    central: Any
    printer: Any
    out: Path
    agent_number: str
    tech_number: str
    shots: dict[str, list[Path]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # per pass and journey
    receipt_no: str = ""
    step: int = 0
    now: Pass = PASSES[0]
    bot: Bot = field(default_factory=Bot)

    @property
    def window(self) -> Any:
        return self.kiosk.window

    @property
    def current(self) -> Any:
        return self.window.navigator.current

    @property
    def reader(self) -> Any:  # the drivers type it TestCardReader; they use insert and card
        return self._reader

    @property
    def fixture(self) -> Any:
        """This demo where a driver wants its test's kiosk fixture (JourneyKiosk, AgentKiosk):
        the drivers use only .window, .screen(name), .current and .reader, which it has."""
        return self

    def screen(self, name: str) -> Any:
        return self.window.navigator.screens[name]

    def __post_init__(self) -> None:
        self._reader = CardOnReader(self.kiosk.devices.card_readers["card_reader"])

    def settle(self) -> None:
        for _ in range(3):
            QThreadPool.globalInstance().waitForDone(10_000)
            self.app.processEvents()

    def shot(self, name: str) -> None:
        """The whole window as it shows now."""
        self.settle()
        self.step += 1
        folder = self.out / "screens" / self.now.tag
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.step:02d}-{name}.png"
        self.window.grab().save(str(path))
        self.shots.setdefault(self.now.tag, []).append(path)

    def fresh_visit(self) -> None:
        """A new villager at the home screen, who taps the language and 长辈模式 switches."""
        self._reader.remove()
        self.window.watch.end_visit()
        self.window.navigator.go("home", {})
        home = self.window.home
        if self.window.ctx.tr.language != self.now.language:
            home.language_buttons[self.now.language].click()
        if self.window.ctx.theme.elderly != self.now.elderly:
            home.elderly_button.click()
        self.settle()

    def click(self, widget: Any) -> None:
        from tests.ui.progress_kiosk import click

        click(widget)
        self.settle()


# --- the journeys: each starts a fresh visit and calls the tests' drivers ------------------------


def home(d: Demo) -> None:
    d.shot("home")


def guide(d: Demo) -> None:
    d.click(d.window.home.tile_buttons["guide"])
    d.shot("guide")
    d.window.navigator.go("guide", {"query": "dbsq"})  # pinyin initials of 低保申请
    d.shot("guide-search-dbsq")
    d.window.navigator.go("guide_list", {"category": "social_assistance"})
    d.shot("guide-list")
    d.window.navigator.go("guide_item", {"code": "000113001000"})  # 低保: four materials
    d.shot("guide-item")


def apply(d: Demo) -> None:
    from tests.ui.apply_support import (
        ELDERLY_CARD,
        apply_screen,
        fill_form_and_photograph,
        from_guide_to_form,
        tap,
    )
    from tests.ui.cards import ZHANG

    camera = d.kiosk.devices.camera
    screen = from_guide_to_form(
        d.bot, d.app, d.window, d.reader, camera, ZHANG, ELDERLY_CARD, shot=prefixed(d, "apply")
    )
    fill_form_and_photograph(d.bot, d.app, screen, camera, shot=prefixed(d, "apply"))
    tap(screen.review.consent)
    d.shot("apply-consent")
    tap(screen.review.submit)
    d.bot.waitUntil(lambda: screen.result is not None, timeout=30_000)
    d.shot("apply-receipt")
    assert screen.result is not None and apply_screen(d.window) is screen
    d.receipt_no = screen.result.entry.receipt_no or ""


def progress(d: Demo) -> None:
    from kiosk.ports.outbox import LocalState
    from tests.ui.journeys import pump
    from tests.ui.test_progress_journey import type_receipt

    if not d.receipt_no:
        raise RuntimeError("progress needs the apply journey first (its receipt number)")
    queue = d.kiosk.queue
    queue.sync.sync_now()

    def delivered() -> bool:
        entry = queue.outbox.entry(d.receipt_no)
        return entry is not None and entry.state is LocalState.DELIVERED

    pump(delivered, 30)
    d.click(d.window.home.tile_buttons["progress"])
    d.shot("progress")
    type_receipt(d.bot, d.fixture, d.receipt_no)
    d.shot("progress-case")


def appointment(d: Demo) -> None:
    from tests.ui.test_appointment_journey import book

    d.click(d.window.home.tile_buttons["appointment"])
    d.shot("appointment")
    if d.now.language != "zh_CN":  # the booking driver finds its buttons by their Chinese
        return
    d.fresh_visit()
    book(d.bot, d.fixture, 1, "am" if d.step % 2 else "pm")
    d.shot("appointment-booked")


def ticket(d: Demo) -> None:
    d.click(d.window.home.tile_buttons["appointment"])
    screen = d.screen("ticket")
    d.click(d.screen("appointment").walk_in_button)
    d.bot.waitUntil(lambda: screen.ticket is not None, timeout=20_000)
    d.shot("ticket")


def evaluation(d: Demo) -> None:
    screen = d.screen("evaluation")
    d.click(d.window.home.tile_buttons["evaluation"])
    d.shot("evaluation")
    d.click(screen.which_hall)
    d.shot("evaluation-levels")
    levels = sorted(screen.level_buttons)
    d.click(screen.level_buttons[levels[1]])  # 不满意: asks what went wrong, in taps
    if screen.pages.currentWidget() is screen.problem_page:
        d.click(next(iter(screen.problem_buttons.values())))
        d.shot("evaluation-problems")
        d.click(screen.problems_next)
    d.shot("evaluation-dimensions")
    d.click(screen.submit_button)
    d.bot.waitUntil(lambda: screen.rated is not None, timeout=20_000)
    d.shot("evaluation-done")


def complaint(d: Demo) -> None:
    from tests.ui.test_accessibility import fill_complaint

    d.click(d.window.home.tile_buttons["complaint"])
    d.shot("complaint")
    fill_complaint(d.current, send=False)
    d.shot("complaint-filled")
    d.fresh_visit()
    d.click(d.window.home.tile_buttons["complaint"])
    fill_complaint(d.current)
    d.settle()
    d.shot("complaint-sent")


def notices(d: Demo) -> None:
    d.click(d.window.home.tile_buttons["notices"])
    d.shot("notices")
    d.window.navigator.go("notice", {"code": "N2026001"})
    d.shot("notice")


def agent(d: Demo) -> None:
    from tests.ui.test_agent_journey import AGENT_CARD, AGENT_PIN, sign_in

    d.click(d.window.home.agent_button)
    d.shot("agent-signin")
    d.reader.insert(AGENT_CARD)
    d.settle()
    sign_in(d.bot, d.app, d.fixture, AGENT_PIN)
    d.bot.waitUntil(lambda: d.current.name == "agent_home", timeout=20_000)
    d.shot("agent-home")
    d.click(d.screen("agent_home").worklist_button)
    d.shot("agent-worklist")
    d.window.navigator.go("agent_home", {})
    d.click(d.screen("agent_home").sign_out_button)


def technician(d: Demo) -> None:
    from tests.ui.tech_support import TECH_PIN, menu_of, tap_corner, try_sign_in

    tap_corner(d.bot, d.window)
    d.shot("technician-signin")
    try_sign_in(d.bot, d.window, d.tech_number, TECH_PIN)
    d.bot.waitUntil(lambda: d.current.name == "tech_menu", timeout=20_000)
    d.shot("technician-menu")
    d.click(menu_of(d.window).sign_out_button)


JOURNEYS: dict[str, Callable[[Demo], None]] = {
    f.__name__: f
    for f in (
        home,
        guide,
        apply,
        progress,
        appointment,
        ticket,
        evaluation,
        complaint,
        notices,
        agent,
        technician,
    )
}


def prefixed(d: Demo, prefix: str) -> Callable[[str], None]:
    return lambda name: d.shot(f"{prefix}-{name}")


# --- the platform, the printer, the kiosk --------------------------------------------------------


@contextmanager
def running_kiosk(out: Path, work: Path) -> Iterator[Demo]:
    from devices.emulators.escpos_printer import EscposPrinterEmulator
    from kiosk.app import Kiosk, build
    from tests.support.central import DEFAULT_HALL, running_central
    from tests.support.kiosk_app import EXAMPLE, kiosk_env
    from tests.ui.tech_support import register_technician
    from tests.ui.test_agent_journey import AGENT_ID_NUMBER, AGENT_NAME, AGENT_PIN
    from ui.keyboard import apply_input_method_environment

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    apply_input_method_environment()  # before the QApplication, as kiosk.app.main does
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    printer = EscposPrinterEmulator(out_dir=out / "receipts").start()
    kiosk: Kiosk | None = None
    try:
        with running_central(work / "central") as central:
            body = {"role": "agent", "name": AGENT_NAME, "id_number": AGENT_ID_NUMBER,
                    "pin": AGENT_PIN, "hall_code": DEFAULT_HALL}  # fmt: skip
            reply = central.admin("POST", "/v1/admin/operators", body)
            reply.raise_for_status()
            agent_number = str(reply.json()["operator_id"])
            tech_number = register_technician(central)
            host, port = printer.address
            env = kiosk_env(
                central,
                work / "kiosk",
                platform__probe_interval_s="600",
                devices_printer__driver="escpos",
                devices_printer__transport="network",
                devices_printer__host=host,
                devices_printer__port=str(port),
            )
            saved = {key: os.environ.get(key) for key in env}
            os.environ.update(env)
            try:
                built = build(app, EXAMPLE)
            finally:  # read by build() only; a test process must not keep them
                for key, value in saved.items():
                    if value is None:
                        os.environ.pop(key, None)
                    else:
                        os.environ[key] = value
            if not isinstance(built, Kiosk):
                raise RuntimeError("the kiosk did not start (out of service)")
            kiosk = built
            for timer in kiosk.timers:
                timer.stop()
            kiosk.window.show()
            demo = Demo(app, kiosk, central, printer, out, agent_number, tech_number)
            data = kiosk.config.terminal.data_dir
            demo.bot.waitUntil(lambda: kiosk is not None and kiosk.queue is not None, 30_000)
            demo.bot.waitUntil((data / "operators.json").exists, 30_000)
            yield demo
    finally:
        if kiosk is not None:
            kiosk.window.watch.end_visit()
            kiosk.close()
            kiosk.window.close()
        printer.stop()


def run(passes: list[Pass], journeys: list[str], out: Path) -> Demo:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with (
        tempfile.TemporaryDirectory(prefix="kiosk-demo-") as work,
        running_kiosk(out, Path(work)) as demo,
    ):
        for p in passes:
            demo.now, demo.step = p, 0
            demo.window.resize(*p.size)
            # The terminal's own language and mode for this pass, as its config would set them:
            # every visit starts (and ends) in them. Switching the whole window's style sheet per
            # visit instead costs seconds each time.
            demo.window.watch.defaults = Defaults(p.language, p.elderly, True)
            for name in journeys:
                started = time.monotonic()
                demo.fresh_visit()
                try:
                    JOURNEYS[name](demo)
                except Exception as exc:  # one journey's fault must not hide the rest
                    demo.failures.append(f"{p.tag} {name}: {type(exc).__name__}: {exc}")
                    demo.shot(f"{name}-FAILED")
                demo.seconds[f"{p.tag} {name}"] = time.monotonic() - started
        demo.fresh_visit()
        demo.settle()
    write_index(demo, out)
    return demo


def write_index(demo: Demo, out: Path) -> Path:
    """index.html: every pass's screens in order, then the receipts as printed."""
    parts = ["<!doctype html><meta charset='utf-8'><title>Kiosk demo</title>",
             "<style>body{font-family:sans-serif}figure{display:inline-block;margin:6px;"
             "vertical-align:top}img{max-width:270px;max-height:480px;border:1px solid #999}"
             "figcaption{font-size:12px}</style><h1>Kiosk demo</h1>"]  # fmt: skip
    if demo.failures:
        parts.append("<h2>Failed</h2><ul>")
        parts += [f"<li>{html.escape(f)}</li>" for f in demo.failures]
        parts.append("</ul>")
    for tag, paths in demo.shots.items():
        parts.append(f"<h2>{html.escape(tag)}</h2>")
        parts += [figure(p, out) for p in paths]
    parts.append("<h2>Receipts and slips (ESC/POS emulator)</h2>")
    parts += [figure(p, out) for p in receipts(out)]
    index = out / "index.html"
    index.write_text("\n".join(parts), encoding="utf-8")
    return index


def figure(path: Path, out: Path) -> str:
    rel = html.escape(path.relative_to(out).as_posix())
    return f"<figure><a href='{rel}'><img src='{rel}'></a><figcaption>{rel}</figcaption></figure>"


def receipts(out: Path) -> list[Path]:
    return sorted((out / "receipts").glob("job-*.png"))


# The README's few (docs/screenshots/): name -> (file under demo-output/, width in pixels).
README_SHOTS = {
    "home-elderly-portrait.png": ("screens/zh-elderly-portrait/01-home.png", 540),
    "apply-form-elderly.png": ("screens/zh-elderly-portrait/10-apply-form-filled.png", 540),
    "receipt.png": ("receipts/job-001.png", 432),
    "home-landscape.png": ("screens/zh-normal-landscape/01-home.png", 960),
    "agent-home.png": ("screens/zh-elderly-portrait/33-agent-home.png", 540),
    "home-uyghur.png": ("screens/ug-elderly-portrait/01-home.png", 540),
}


def copy_for_readme(out: Path, docs: Path) -> list[Path]:
    """Downscaled, 64-colour copies (tens of KB each: they are committed)."""
    from PIL import Image

    docs.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (path, width) in README_SHOTS.items():
        image = Image.open(out / path).convert("RGB")
        image = image.resize(
            (width, round(image.height * width / image.width)), Image.Resampling.LANCZOS
        )
        image.quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(docs / name, optimize=True)
        written.append(docs / name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--passes", default="", help="comma-separated tags, e.g. zh-elderly-portrait"
    )
    parser.add_argument(
        "--journeys", default="", help="comma-separated, of: " + ", ".join(JOURNEYS)
    )
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--readme", action="store_true", help="also refresh docs/screenshots/ (every pass)"
    )
    args = parser.parse_args(argv)
    passes = [p for p in PASSES if not args.passes or p.tag in args.passes.split(",")]
    journeys = args.journeys.split(",") if args.journeys else list(JOURNEYS)
    unknown = [j for j in journeys if j not in JOURNEYS]
    if unknown or not passes:
        parser.error(f"unknown journeys {unknown} or no pass matches {args.passes!r}")
    started = time.monotonic()
    demo = run(passes, journeys, args.out)
    took = time.monotonic() - started
    count = sum(len(paths) for paths in demo.shots.values())
    slips = len(receipts(args.out))
    print(f"demo: {count} screenshots ({len(demo.shots)} passes), {slips} receipts and slips")
    print(f"      in {args.out}/ (open {args.out / 'index.html'}); took {took:.0f} s")
    slowest = sorted(demo.seconds.items(), key=lambda kv: -kv[1])[:5]
    print("      slowest:", ", ".join(f"{k} {v:.1f} s" for k, v in slowest))
    for failure in demo.failures:
        print("FAILED", failure, file=sys.stderr)
    if args.readme and not demo.failures:
        for path in copy_for_readme(args.out, ROOT / "docs" / "screenshots"):
            print(f"      {path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
    return 1 if demo.failures else 0


if __name__ == "__main__":
    sys.exit(main())

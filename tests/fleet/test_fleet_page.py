"""The fleet page in headless Chromium, over a simulated fleet of 30 terminals heartbeating to
the real reference platform (tests/fleet/simulated_fleet.py).

Chromium is Debian's (/usr/bin/chromium, scripts/setup-system.sh), driven by Playwright's
bundled driver; Playwright never downloads a browser here. Screenshots go to
test-output/fleet/ and their paths are printed.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest

from devices.emulators.escpos_printer import PaperState
from kiosk.services.heartbeat import HeartbeatSettings
from tests.fleet.simulated_fleet import SimulatedTerminal, SkewedClock, application
from tests.offline_queue.realistic import LOW_INCOME_ITEM
from tests.support.central import CentralHandle, running_central

os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
from playwright.sync_api import BrowserContext, Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "test-output" / "fleet"
HALLS = [f"45112310{n}" for n in range(1, 8)] + ["451123201"]
TERMINALS = 30
SILENT_AFTER_S = 8  # the platform's threshold for this run (an hour in production)
WAIT_S = 120.0  # how long a page may take to show a change before the test fails
SETTINGS = HeartbeatSettings(interval_s=2.0, min_gap_s=0.5, retry_s=1.0)
SKEWED, DEAD, SILENT, PAPER, GROWING = 5, 3, 7, 12, 20

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed"),
]


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CentralHandle]:
    args = ("--silent-after-s", str(SILENT_AFTER_S), "--backlog-window-s", "10")
    with running_central(tmp_path_factory.mktemp("central"), extra_args=args) as handle:
        yield handle


@pytest.fixture(scope="module")
def fleet(
    central: CentralHandle, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[SimulatedTerminal]]:
    root = tmp_path_factory.mktemp("fleet")
    terminals = [
        SimulatedTerminal(
            central,
            root / f"t{n:02d}",
            HALLS[n % len(HALLS)],
            SETTINGS,
            clock=SkewedClock(timedelta(minutes=10 if n == SKEWED else 0)),
            grow_backlog=n == GROWING,
        )
        for n in range(TERMINALS)
    ]
    try:
        for t in terminals:
            t.start()
        for t in terminals:
            assert t.ready.wait(120), "a terminal did not start"
            assert t.error is None, repr(t.error)
        yield terminals
    finally:
        for t in terminals:
            t.stop()


@pytest.fixture(scope="module")
def browser(
    central: CentralHandle, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BrowserContext]:
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": 1600, "height": 1000},
            locale="zh-CN",
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.goto(central.base_url + "/fleet")
            assert "登录" in page.title()
            page.fill("input[name=token]", central.admin_token)
            page.click("button[type=submit]")
            page.wait_for_selector("h1:has-text('自助终端运行状况')")
            yield context
        finally:
            context.close()


@pytest.fixture
def page(browser: BrowserContext) -> Page:
    return browser.pages[0]


def shot(page: Page, name: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    page.screenshot(path=str(path), full_page=True)
    print(f"\nscreenshot: {path}")


def alerts_by_terminal(page: Page) -> dict[str, list[str]]:
    rows: list[list[object]] = page.eval_on_selector_all(
        "tr.row",
        "rows => rows.map(r => [r.id.slice(2),"
        " [...r.querySelectorAll('.alert')].map(a => a.dataset.code)])",
    )
    return {str(tid): list(codes) for tid, codes in rows}  # type: ignore[call-overload]


def wait_until(page: Page, what: str, ok: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_S
    while not ok():
        if time.monotonic() > deadline:
            shot(page, "timeout.png")
            pytest.fail(f"the fleet page never showed {what}")
        time.sleep(0.5)
        page.reload()


def beat_all(terminals: list[SimulatedTerminal]) -> None:
    """Every live terminal reports now (so a healthy one is certainly not 'silent')."""
    live = [t for t in terminals if not t.silenced.is_set()]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda t: t.call(lambda p: p.heartbeat.beat()), live))
    assert all(r.sent for r in results), [r.error for r in results if not r.sent]


def test_the_page_lists_every_terminal_with_its_hall_devices_backlog_and_version(
    fleet: list[SimulatedTerminal], page: Page
) -> None:
    wait_until(page, "all 30 terminals", lambda: page.locator("tr.row").count() == TERMINALS)
    assert page.inner_text("#count-total") == str(TERMINALS)
    t = fleet[1]
    row = page.locator(f"#t-{t.terminal_id}")
    assert "白沙镇便民服务中心" in row.inner_text()
    assert row.locator("td[data-device=printer]").inner_text() == "正常"
    assert row.locator("td[data-device=camera]").inner_text() == "正常"
    assert row.locator("td.backlog").inner_text().startswith("0 条")
    assert row.locator("td.version").inner_text() == "0.1.0"
    assert (
        "前" in row.locator("td.sync").inner_text() or "刚刚" in row.locator("td.sync").inner_text()
    )
    shot(page, "01-fleet.png")


def test_a_silenced_terminal_an_empty_printer_a_wrong_clock_and_a_growing_backlog_show_up(
    fleet: list[SimulatedTerminal], page: Page
) -> None:
    ids = {n: fleet[n].terminal_id for n in (SKEWED, SILENT, PAPER, GROWING)}
    fleet[SILENT].silenced.set()
    fleet[PAPER].set_paper(PaperState.OUT)  # the real printer driver reports it on its next tick
    expected = {
        ids[SILENT]: ["silent"],
        ids[PAPER]: ["paper_out"],
        ids[SKEWED]: ["clock_skew"],
        ids[GROWING]: ["backlog_growing"],
    }

    def all_shown() -> bool:
        found = alerts_by_terminal(page)
        return all(set(codes) <= set(found.get(tid, [])) for tid, codes in expected.items())

    wait_until(page, "the four alerts", all_shown)
    beat_all(fleet)
    page.reload()
    found = {tid: codes for tid, codes in alerts_by_terminal(page).items() if codes}
    assert found == expected
    printer = page.locator(f"#t-{ids[PAPER]} td[data-device=printer]")
    assert printer.inner_text() == "缺纸"
    assert "失联" in page.locator(f"#t-{ids[SILENT]} td.alerts").inner_text()
    assert "时钟快 10 分钟" in page.locator(f"#t-{ids[SKEWED]} td.alerts").inner_text()
    assert page.inner_text("#count-alert") == "4"
    assert page.inner_text("#count-silent") == "1"
    first_rows = page.eval_on_selector_all("tr.row", "rows => rows.slice(0, 4).map(r => r.id)")
    assert set(first_rows) == {f"t-{tid}" for tid in expected}  # the troubled ones on top
    shot(page, "02-alerts.png")

    fleet[PAPER].set_paper(PaperState.OK)  # paper refilled: the alert goes by itself
    wait_until(page, "the paper alert gone", lambda: alerts_by_terminal(page)[ids[PAPER]] == [])


def test_the_page_filters_by_township_and_by_alerts(
    fleet: list[SimulatedTerminal], page: Page
) -> None:
    page.select_option("select[name=township]", "莲山镇")
    page.click("button[type=submit]")
    page.wait_for_url("**township=*")
    in_town = [t for n, t in enumerate(fleet) if HALLS[n % len(HALLS)] == "451123103"]
    assert page.locator("tr.row").count() == len(in_town)
    assert set(page.eval_on_selector_all("tr.row", "rs => rs.map(r => r.dataset.township)")) == {
        "莲山镇"
    }
    shot(page, "03-township.png")
    page.select_option("select[name=township]", "")
    page.check("input[name=alerts]")
    page.click("button[type=submit]")
    page.wait_for_url("**alerts=1*")
    alerted = int(page.inner_text("#count-alert"))
    assert alerted >= 1 and page.locator("tr.row").count() == alerted
    assert page.locator("tr.row.ok").count() == 0


def test_a_signed_command_from_the_admin_api_retries_dead_letters_once(
    central: CentralHandle, fleet: list[SimulatedTerminal], page: Page
) -> None:
    """The platform withdrew an item by mistake, so a terminal's application for it was
    refused; once the item is back, a technician retries the terminal's dead letters remotely."""
    t = fleet[DEAD]
    catalog = json.loads((REPO / "central/seed/catalog.json").read_text(encoding="utf-8"))
    item = next(i for i in catalog["items"] if i["code"] == LOW_INCOME_ITEM)
    central.remove_item(LOW_INCOME_ITEM)
    try:
        record_id = t.call(lambda p: p.outbox.enqueue(application(99)).id)
        t.call(lambda p: p.sync.sync_now())
        page.goto(central.base_url + "/fleet")
        wait_until(
            page,
            "the dead letter",
            lambda: "dead_letters" in alerts_by_terminal(page)[t.terminal_id],
        )
    finally:
        central.update_item(item)
    assert t.call(lambda p: p.outbox.get(record_id).state) == "dead"
    r = central.admin(
        "POST", f"/v1/admin/terminals/{t.terminal_id}/commands", {"action": "retry_dead_letters"}
    )
    assert r.status_code == 201, r.text
    command_id = r.json()["id"]
    last_command = page.locator(f"#t-{t.terminal_id} td.command")
    done = "重试被拒记录 · 已完成"
    wait_until(page, "the command done", lambda: last_command.inner_text() == done)
    wait_until(page, "the dead letter gone", lambda: alerts_by_terminal(page)[t.terminal_id] == [])
    assert t.call(lambda p: p.outbox.get(record_id).state) == "delivered"
    entries = t.call(lambda p: p.heartbeat.audit.recent(20))
    acted = [e for e in entries if e.subject == command_id]
    assert [(e.action, e.details["status"]) for e in acted] == [
        ("command.retry_dead_letters", "done")
    ]
    shot(page, "04-command.png")

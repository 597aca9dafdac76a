"""好差评 end to end: a bad rating given offline, by taps only, arrives at the real platform
exactly once, also when the platform's reply to it is lost on the way back."""

from __future__ import annotations

import json
import sqlite3

from kiosk.ports.outbox import LocalState
from tests.offline_queue.kiosk_side import eventually
from tests.support.central import CentralHandle
from tests.support.fault_proxy import Fault, FaultProxy
from tests.ui.progress_kiosk import button_with, click, journey_kiosk, shoot


def test_an_offline_bad_rating_is_tapped_in_and_arrives_exactly_once(
    qtbot, qapp, tmp_path, central: CentralHandle
):
    with FaultProxy(central.port) as proxy:
        k = journey_kiosk(qapp, tmp_path, central, proxy.url)
        try:
            k.cut_off(qtbot, proxy)
            screen = k.screen("evaluation")
            click(k.window.home.tile_buttons["evaluation"])
            click(screen.which_hall)
            assert "富阳镇便民服务中心" in screen.context_line.plain()
            click(button_with(screen.level_page, "★★☆☆☆  不满意"))
            assert screen.pages.currentWidget() is screen.problem_page
            click(screen.problems_next)  # nothing picked: asked again, in words
            assert "至少选一项" in screen.banner.plain()
            click(button_with(screen.problem_page, "排队时间长"))
            click(screen.problems_next)
            assert screen.pages.currentWidget() is screen.dimension_page
            values = screen.dimension_values
            assert all("不满意" in v.plain() for v in values.values())  # pre-set to the overall
            attitude = screen.star_buttons[next(d for d in values if d.value == "attitude")]
            click(attitude[3])  # four stars: 满意
            shoot(k.window, "evaluation-dimensions-elderly-zh")
            click(screen.submit_button)
            qtbot.waitUntil(lambda: screen.rated is not None, timeout=20_000)
            assert "保存在本机" in screen.done_detail.plain()
            shoot(k.window, "evaluation-queued-elderly-zh")
            record_id = screen.rated.record_id

            proxy.accept_again()
            proxy.add(Fault.drop_reply(match="POST /v1/records", times=1))

            def arrived() -> bool:
                k.queue.sync.sync_now()
                entry = next(e for e in k.queue.outbox.recent() if e.record_id == record_id)
                return entry.state is LocalState.DELIVERED

            eventually(arrived, timeout_s=60)
        finally:
            k.close()
    with sqlite3.connect(central.data_dir / "central.sqlite3") as db:
        rows = db.execute("SELECT meta FROM feedback WHERE record_id = ?", (record_id,)).fetchall()
        records = db.execute("SELECT COUNT(*) FROM records WHERE id = ?", (record_id,)).fetchone()
    assert len(rows) == 1 and records[0] == 1
    meta = json.loads(rows[0][0])
    assert meta["level"] == 2 and meta["problems"] == ["排队时间长"]
    assert meta["dimensions"] == {
        "overall": 2,
        "efficiency": 2,
        "service_level": 2,
        "attitude": 4,
    }
    assert meta["hall_code"] == k.hall_code and meta["agent_id"] is None

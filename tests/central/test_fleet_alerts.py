"""Fleet alerts as pure functions of the stored health and `now`."""

from __future__ import annotations

from typing import Any

from central.fleet_alerts import FleetPolicy, backlog_growing, terminal_alerts

NOW = 1_800_000_000_000
POLICY = FleetPolicy()
MIN = 60_000


def healthy(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "devices": {
            "printer": {"state": "ready", "message_key": "printer.ready"},
            "camera": {"state": "ready", "message_key": "camera.ready"},
        },
        "queue": {"pending": 0, "dead_letters": 0, "conflicts": 0, "refusing": False},
        "disk": {"free_bytes": 20 * 1024**3, "total_bytes": 32 * 1024**3},
        "restarts": {"total": 1, "unexpected": 0, "last_reason": "stopped", "last_at_ms": NOW},
        "probe_errors": {},
    }
    row: dict[str, Any] = {
        "received_at_ms": NOW - MIN,
        "body": body,
        "clock_skew_ms": 800,
        "trend": [],
        "audit_alert": "",
        "last_refusal_at_ms": None,
        "last_refusal_reason": "",
    }
    row.update(changes)
    return row


def codes(row: dict[str, Any], policy: FleetPolicy = POLICY) -> list[str]:
    return [a.code for a in terminal_alerts(row, NOW, policy)]


def test_a_healthy_terminal_has_no_alert() -> None:
    assert codes(healthy()) == []


def test_silence_counts_from_the_last_heartbeat_and_the_threshold_is_policy() -> None:
    assert codes(healthy(received_at_ms=NOW - 61 * MIN)) == ["silent"]
    assert codes(healthy(received_at_ms=NOW - 59 * MIN)) == []
    assert codes(healthy(received_at_ms=NOW - 10_000), FleetPolicy(silent_after_s=5)) == ["silent"]
    [never] = terminal_alerts(healthy(received_at_ms=None), NOW, POLICY)
    assert never.label == "从未上报"


def test_paper_out_is_critical_and_near_end_a_warning() -> None:
    row = healthy()
    row["body"]["devices"]["printer"] = {"state": "error", "message_key": "printer.out_of_paper"}
    [alert] = terminal_alerts(row, NOW, POLICY)
    assert (alert.code, alert.severity, alert.label) == ("paper_out", "critical", "打印机缺纸")
    row["body"]["devices"]["printer"] = {
        "state": "degraded",
        "message_key": "printer.paper_near_end",
    }
    assert codes(row) == ["paper_low"]


def test_a_device_offline_names_the_device_and_what_it_says() -> None:
    row = healthy()
    row["body"]["devices"]["card_reader"] = {"state": "offline", "message_key": "reader.missing"}
    [alert] = terminal_alerts(row, NOW, POLICY)
    assert alert.label == "读卡器未连接"


def test_a_backlog_that_only_grows_over_the_window_is_flagged() -> None:
    rising = [[NOW - 50 * MIN, 3], [NOW - 30 * MIN, 5], [NOW - 10 * MIN, 5], [NOW, 9]]
    assert backlog_growing(rising, NOW, POLICY)
    assert codes(healthy(trend=rising)) == ["backlog_growing"]
    draining = [[NOW - 50 * MIN, 3], [NOW - 30 * MIN, 1], [NOW - 10 * MIN, 5], [NOW, 9]]
    assert not backlog_growing(draining, NOW, POLICY)
    flat = [[NOW - 50 * MIN, 4], [NOW - 30 * MIN, 4], [NOW, 4]]
    assert not backlog_growing(flat, NOW, POLICY)
    too_short = [[NOW - 5 * MIN, 1], [NOW - 3 * MIN, 2], [NOW, 3]]
    assert not backlog_growing(too_short, NOW, POLICY)
    old = [[NOW - 300 * MIN, 1], [NOW - 200 * MIN, 2], [NOW, 3]]
    assert not backlog_growing(old, NOW, POLICY)  # only the latest point is in the window


def test_clock_skew_says_which_way_and_how_far() -> None:
    [slow] = terminal_alerts(healthy(clock_skew_ms=10 * MIN), NOW, POLICY)
    assert slow.label == "时钟慢 10 分钟"
    [fast] = terminal_alerts(healthy(clock_skew_ms=-3 * MIN), NOW, POLICY)
    assert fast.label == "时钟快 3 分钟"
    assert codes(healthy(clock_skew_ms=90_000)) == []


def test_dead_letters_conflicts_full_queue_and_low_disk() -> None:
    row = healthy()
    row["body"]["queue"].update(dead_letters=2, conflicts=1, refusing=True)
    row["body"]["disk"]["free_bytes"] = 100 * 1024**2
    assert codes(row) == ["queue_full", "dead_letters", "conflicts", "disk_low"]
    assert "2 条被平台拒收" in [a.label for a in terminal_alerts(row, NOW, POLICY)]


def test_audit_trouble_refused_commands_crashes_and_probe_errors() -> None:
    row = healthy(audit_alert="entry count fell", last_refusal_at_ms=NOW - MIN)
    row["last_refusal_reason"] = "bad_signature"
    row["body"]["restarts"].update(last_reason="crashed", last_at_ms=NOW - 5 * MIN)
    row["body"]["probe_errors"] = {"disk": "OSError"}
    assert codes(row) == ["audit_broken", "command_refused", "restarted", "probe_error"]
    old = healthy(last_refusal_at_ms=NOW - 25 * 60 * MIN)
    assert codes(old) == []


def test_the_sync_services_restarts_alert_in_their_own_words_and_clean_stops_do_not() -> None:
    row = healthy()
    row["body"]["restarts"].update(last_reason="sync_stopped", last_at_ms=NOW - MIN)
    assert codes(row) == []
    row["body"]["restarts"].update(last_reason="sync_hung")
    [alert] = terminal_alerts(row, NOW, POLICY)
    assert (alert.code, alert.label) == ("restarted", "同步服务异常重启（hung）")

"""Each stop of the kiosk session and of the sync service is counted with its reason, in a
file the heartbeat reads; the technician's exit hook leaves a request the maintenance path
unit acts on."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.ops.layout import DataLayout
from kiosk.ops.maintenance import pending_request, request_maintenance
from kiosk.ops.restarts import RestartCounter, reason_from_systemd
from kiosk.ports.clock import FakeClock, SystemClock

ROOT = Path(__file__).resolve().parents[2]


def test_systemd_results_map_to_the_reasons_a_technician_reads():
    assert reason_from_systemd({"SERVICE_RESULT": "watchdog"}) == "hung"
    assert reason_from_systemd({"SERVICE_RESULT": "signal"}) == "crashed"
    assert reason_from_systemd({"SERVICE_RESULT": "exit-code"}) == "crashed"
    assert reason_from_systemd({"SERVICE_RESULT": "success"}) == "stopped"
    assert reason_from_systemd({"SERVICE_RESULT": "oom-kill"}) == "out_of_memory"
    assert reason_from_systemd({}) == "unknown"


def test_counts_accumulate_and_clean_stops_are_not_unexpected(tmp_path):
    clock = FakeClock()
    counter = RestartCounter(tmp_path / "restarts.json", clock)
    assert counter.read().total == 0
    counter.record("crashed", "killed/SEGV")
    clock.advance(60)
    counter.record("hung", "killed/ABRT")
    stats = counter.record("stopped")
    assert stats.total == 3 and stats.unexpected == 2
    again = RestartCounter(tmp_path / "restarts.json", clock).read()
    assert again == stats
    assert again.by_reason == {"crashed": 1, "hung": 1, "stopped": 1}
    assert again.last_at_ms == int(clock.now().timestamp() * 1000)
    assert (tmp_path / "restarts.json").stat().st_mode & 0o777 == 0o600


def test_a_damaged_counter_file_reads_as_zero_and_is_rewritten(tmp_path):
    path = tmp_path / "restarts.json"
    path.write_text("{not json")
    counter = RestartCounter(path, FakeClock())
    assert counter.read().total == 0
    assert counter.record("crashed").total == 1


def test_record_exit_as_systemd_runs_it_after_a_watchdog_kill(tmp_path):
    data = tmp_path / "kiosk"
    env = {
        **os.environ,
        "KIOSK__TERMINAL__DATA_DIR": str(data),
        "KIOSK__LOGGING__DIR": str(data / "logs"),
        "SERVICE_RESULT": "watchdog",
        "EXIT_CODE": "killed",
        "EXIT_STATUS": "ABRT",
    }
    cmd = [sys.executable, "-m", "kiosk", "record-exit"]
    for _ in range(2):
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    stats = RestartCounter(DataLayout(data).restarts, SystemClock()).read()
    assert stats.total == 2 and stats.by_reason == {"hung": 2}
    assert stats.last_exit == "killed/ABRT"
    assert "2 unexpected" in done.stdout


def test_the_sync_services_stops_join_the_same_count_with_their_own_reasons(tmp_path):
    data = tmp_path / "kiosk"
    env = {
        **os.environ,
        "KIOSK__TERMINAL__DATA_DIR": str(data),
        "KIOSK__LOGGING__DIR": str(data / "logs"),
    }
    stops = [("watchdog", "killed", "ABRT"), ("success", "exited", "0")]
    for result, code, status in stops:
        systemd = {"SERVICE_RESULT": result, "EXIT_CODE": code, "EXIT_STATUS": status}
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "record-exit", "--service", "sync"],
            cwd=ROOT,
            env={**env, **systemd},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
    assert "sync service stopped (sync_stopped); 1 unexpected so far" in done.stdout
    counter = RestartCounter(DataLayout(data).restarts, SystemClock())
    counter.record("crashed")  # the kiosk session's, meanwhile
    stats = counter.read()
    assert stats.by_reason == {"sync_hung": 1, "sync_stopped": 1, "crashed": 1}
    assert stats.total == 3 and stats.unexpected == 2


def test_the_exit_hook_writes_a_private_request_the_path_unit_watches(tmp_path):
    layout = DataLayout(tmp_path)
    assert pending_request(layout.maintenance_request) is None
    request_maintenance(layout.maintenance_request, "T-007", "replace printer", FakeClock())
    request = pending_request(layout.maintenance_request)
    assert request is not None and request.technician == "T-007"
    assert layout.maintenance_request.stat().st_mode & 0o777 == 0o600
    unit = (ROOT / "deploy/systemd/kiosk-maintenance.path").read_text()
    assert f"PathExists=/var/lib/kiosk/{layout.maintenance_request.name}" in unit


def test_a_ui_crash_under_cage_counts_as_a_crash_though_cage_exits_cleanly(tmp_path):
    # cage exits 0 whatever its client did; `kiosk session` wrote the UI's own status.
    assert reason_from_systemd({"SERVICE_RESULT": "success"}, ui_status=-11) == "crashed"
    assert reason_from_systemd({"SERVICE_RESULT": "success"}, ui_status=0) == "stopped"
    counter = RestartCounter(tmp_path / "restarts.json", FakeClock())
    stats = counter.record_from_systemd({"SERVICE_RESULT": "success"}, ui_status=-11)
    assert stats.unexpected == 1 and stats.last_exit == "ui killed by signal 11"


def test_kiosk_session_runs_the_ui_and_notes_how_it_ended(tmp_path):
    from kiosk.ops.session import read_exit, supervise

    exit_file = tmp_path / "session-exit.json"
    assert supervise([sys.executable, "-c", "raise SystemExit(3)"], exit_file) == 3
    assert read_exit(exit_file) == 3
    code = "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"
    assert supervise([sys.executable, "-c", code], exit_file) == 128 + 11
    assert read_exit(exit_file) == -11

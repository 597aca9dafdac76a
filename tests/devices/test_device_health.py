"""DeviceHealth (the latest status of every device) and the list of device message keys."""

from __future__ import annotations

import ast
import re
import threading
from pathlib import Path

import pytest

from devices.simulated_printer import SimulatedPrinter
from kiosk.ports.device import DeviceState, DeviceStatus
from kiosk.ports.device_messages import DEVICE_MESSAGE_KEYS, DEVICE_MESSAGES, technician_text
from kiosk.ports.health import DeviceHealthSource
from kiosk.services.device_health import DISABLED, STARTING, DeviceHealth

ROOT = Path(__file__).resolve().parents[2]
KEY = re.compile(r"(device|reader|card|printer|camera|document|face|voice)\.[a-z_]+")
# Keys decided outside devices/ (services compare the card's validity with today's date).
EMITTED_ELSEWHERE = {"card.expired"}
# The identify step's guidance (kiosk/services/identify.py, worded by ui/screens/identify.py):
# what the person should do next, not a device's status.
IDENTIFY_GUIDANCE = {"face.matched", "face.mismatch", "face.not_live", "face.turn"}


MESSAGES_MODULE = ROOT / "kiosk" / "ports" / "device_messages.py"
CODE = ("devices", "kiosk/ports", "kiosk/services")


def keys_in_source(*folders: str) -> set[str]:
    """Every string literal in the code (not the list itself) that looks like a device key."""
    found = set()
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            if path == MESSAGES_MODULE:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    if KEY.fullmatch(node.value):
                        found.add(node.value)
    return found


def test_every_key_the_device_code_can_emit_is_in_the_list() -> None:
    assert keys_in_source(*CODE) - set(DEVICE_MESSAGE_KEYS) - IDENTIFY_GUIDANCE == set()


def test_every_key_in_the_list_is_emitted_somewhere() -> None:
    assert set(DEVICE_MESSAGE_KEYS) - EMITTED_ELSEWHERE - keys_in_source(*CODE) == set()


def test_every_key_has_plain_chinese_words_and_every_problem_a_fix() -> None:
    for key, text in DEVICE_MESSAGES.items():
        assert any("\u4e00" <= c <= "\u9fff" for c in text.problem), key
        state_ok = key.endswith((".ready", ".ok", ".busy", ".starting", ".disabled"))
        assert state_ok or text.fix, f"{key} needs a fix for the technician"
    assert technician_text("printer.bogus").problem.endswith("printer.bogus")


def test_health_keeps_the_latest_status_and_calls_listeners_on_changes_only() -> None:
    health = DeviceHealth()
    printer = SimulatedPrinter()
    seen: list[tuple[str, str]] = []
    health.subscribe(lambda name, status: seen.append((name, status.message_key)))
    health.track("printer", printer)
    health.report("camera", DISABLED)
    assert health.snapshot() == {"printer": STARTING, "camera": DISABLED}
    printer.status()  # the printer publishes ready
    printer.set_state("out")
    printer.status()
    printer.status()
    assert seen == [
        ("printer", "device.starting"),
        ("camera", "device.disabled"),
        ("printer", "printer.ready"),
        ("printer", "printer.out_of_paper"),
    ]
    assert health.problems() == {"printer": health.snapshot()["printer"]}
    assert health.worst() is DeviceState.ERROR
    health.close()
    printer.set_state("ok")
    printer.status()
    assert health.snapshot()["printer"].message_key == "printer.out_of_paper"  # no longer tracked


def test_the_heartbeat_reads_health_as_its_device_source() -> None:
    health = DeviceHealth()
    health.track("printer", SimulatedPrinter(state="out"))
    source: DeviceHealthSource = health
    assert source.device_statuses()["printer"].message_key == "device.starting"  # not asked
    health.refresh()  # the kiosk's heartbeat tick asks the devices first, once
    assert source.device_statuses()["printer"].message_key == "printer.out_of_paper"


def test_refresh_asks_every_device_and_a_failing_one_is_reported_not_raised() -> None:
    class Broken(SimulatedPrinter):
        def status(self) -> DeviceStatus:
            raise RuntimeError("driver bug")

    health = DeviceHealth()
    health.track("printer", SimulatedPrinter(state="near_end"))
    health.track("other", Broken())
    health.refresh()
    snapshot = health.snapshot()
    assert snapshot["printer"].message_key == "printer.paper_near_end"
    assert (snapshot["other"].state, snapshot["other"].message_key) == (
        DeviceState.ERROR,
        "device.failed",
    )
    assert health.worst() is DeviceState.ERROR


def test_a_failing_listener_does_not_stop_reports_and_threads_may_report_at_once() -> None:
    health = DeviceHealth()

    def boom(name: str, status: DeviceStatus) -> None:
        raise RuntimeError("ui bug")

    health.subscribe(boom)
    threads = [
        threading.Thread(
            target=lambda i=i: health.report(f"d{i}", DeviceStatus(DeviceState.READY, "x.ready"))
        )
        for i in range(20)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(health.snapshot()) == 20 and health.worst() is DeviceState.READY


@pytest.mark.parametrize(
    ("statuses", "worst"),
    [
        ({}, DeviceState.READY),
        (
            {"voice": DeviceStatus(DeviceState.DEGRADED, "voice.no_audio_output")},
            DeviceState.DEGRADED,
        ),
        ({"camera": DISABLED}, DeviceState.READY),
    ],
)
def test_worst_ignores_disabled_devices(
    statuses: dict[str, DeviceStatus], worst: DeviceState
) -> None:
    health = DeviceHealth()
    for name, status in statuses.items():
        health.report(name, status)
    assert health.worst() is worst

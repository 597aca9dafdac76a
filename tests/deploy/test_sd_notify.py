"""The UI's liveness reaches systemd over $NOTIFY_SOCKET, and stops when its event loop does."""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.app import start_liveness
from kiosk.ops.sd_notify import Notifier, Pinger
from tests.deploy.notify_listener import notify_listener


def test_without_notify_socket_nothing_is_sent_and_no_timer_runs(qapp):
    notifier = Notifier({"WATCHDOG_USEC": "2000000"})
    assert not notifier.enabled
    assert notifier.ping_interval_s is None
    assert notifier.ready() is False
    assert start_liveness(qapp, notifier) is None


def test_messages_reach_a_path_socket_and_the_ping_interval_is_half_the_timeout():
    with notify_listener() as listener:
        notifier = Notifier({"NOTIFY_SOCKET": str(listener.path), "WATCHDOG_USEC": "20000000"})
        assert notifier.ping_interval_s == 10.0
        assert notifier.ready("home screen shown")
        assert notifier.ping()
        assert listener.drain() == ["READY=1\nSTATUS=home screen shown", "WATCHDOG=1"]


def test_a_vanished_socket_is_not_an_error():
    notifier = Notifier({"NOTIFY_SOCKET": "/nonexistent/notify.sock"})
    assert notifier.enabled
    assert notifier.ping() is False


def test_abstract_socket_addresses_are_supported():
    import socket
    import uuid

    name = f"kiosk-test-{uuid.uuid4().hex}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        assert Notifier({"NOTIFY_SOCKET": "@" + name}).ping()
        assert sock.recv(100) == b"WATCHDOG=1"


def test_watchdog_pings_come_from_the_event_loop_and_stop_while_it_is_blocked(qtbot):
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with notify_listener() as listener:
        environ = {"NOTIFY_SOCKET": str(listener.path), "WATCHDOG_USEC": "200000"}
        timer = start_liveness(app, Notifier(environ))  # nobody else keeps the notifier
        assert timer is not None
        gc.collect()
        try:
            qtbot.waitUntil(lambda: "WATCHDOG=1" in listener.drain(), timeout=10_000)
            assert listener.messages[0].startswith("READY=1")
            seen_while_blocked: list[list[str]] = []

            def hang() -> None:
                # Runs on the GUI thread like a slot that never returns, for 5 ping intervals.
                listener.drain()
                time.sleep(0.5)
                seen_while_blocked.append(listener.drain())

            QTimer.singleShot(0, hang)
            qtbot.waitUntil(lambda: bool(seen_while_blocked), timeout=10_000)
            assert seen_while_blocked == [[]]  # not one ping while the loop was blocked
            qtbot.waitUntil(lambda: "WATCHDOG=1" in listener.drain(), timeout=10_000)
        finally:
            timer.stop()
            timer.deleteLater()


def test_a_receiver_that_stops_reading_never_blocks_the_sender():
    with notify_listener() as listener:
        notifier = Notifier({"NOTIFY_SOCKET": str(listener.path), "WATCHDOG_USEC": "1000000"})
        # Nobody drains: the queue fills, later pings are dropped, and no call ever waits.
        results = [notifier.ping() for _ in range(5000)]
        assert results[0] and not results[-1]
        assert listener.drain()[0] == "WATCHDOG=1"


def test_the_sync_services_pinger_sends_at_most_one_ping_per_gap():
    now = [100.0]
    with notify_listener() as listener:
        notifier = Notifier({"NOTIFY_SOCKET": str(listener.path), "WATCHDOG_USEC": "300000000"})
        ping = Pinger(notifier, min_gap_s=1.0, monotonic=lambda: now[0])
        for step in (0.0, 0.3, 0.3, 0.5, 0.2, 1.5):  # at 100, 100.3, 100.6, 101.1, 101.3, 102.8
            now[0] += step
            ping()
        assert listener.drain() == ["WATCHDOG=1"] * 3  # at 100, 101.1 and 102.8

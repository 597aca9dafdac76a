"""The whole kiosk, built by its own composition root against the real platform on loopback,
offscreen; closed after the test (its sync thread stopped, the queue closed)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk, build
from kiosk.config import DEVICE_DRIVERS
from tests.support.central import CentralHandle

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "kiosk.example.toml"

StartKiosk = Callable[..., Kiosk]


@pytest.fixture
def start_kiosk(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, central: CentralHandle
) -> Iterator[StartKiosk]:
    """`start_kiosk(**env)` builds the kiosk enrolled at `central` with short timeouts; extra
    keyword arguments become KIOSK__ overrides (e.g. platform__probe_interval_s="600")."""
    started: list[Kiosk] = []

    def start(**overrides: str) -> Kiosk:
        env = {
            "platform__base_url": central.base_url,
            "terminal__data_dir": str(tmp_path / "kiosk"),
            "logging__dir": str(tmp_path / "kiosk" / "logs"),
            "terminal__enrolment_code": central.new_enrolment_code(),
            "platform__connect_timeout_s": "1",
            "platform__read_timeout_s": "2",
            # In-process devices unless a test chooses an emulator: the example config names
            # real hardware (/dev/ttyUSB0, a printer on the LAN, camera 0).
            **{f"devices_{name}__driver": "simulated" for name in DEVICE_DRIVERS},
            **overrides,
        }
        for key, value in env.items():
            monkeypatch.setenv("KIOSK__" + key.upper(), value)
        kiosk = build(qapp, EXAMPLE)
        assert isinstance(kiosk, Kiosk)
        started.append(kiosk)
        return kiosk

    yield start
    for kiosk in started:
        for timer in kiosk.timers:
            timer.stop()
        kiosk.close()

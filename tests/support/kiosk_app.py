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


def kiosk_env(central: CentralHandle, data_dir: Path, **overrides: str) -> dict[str, str]:
    """The KIOSK__ environment that enrols a kiosk at `central` with its data in `data_dir`,
    short timeouts and in-process devices; `overrides` are more KIOSK__ keys (lower case, e.g.
    platform__probe_interval_s="600"). Shared with `make demo` (scripts/demo.py)."""
    env = {
        "platform__base_url": central.base_url,
        "terminal__data_dir": str(data_dir),
        "logging__dir": str(data_dir / "logs"),
        "terminal__enrolment_code": central.new_enrolment_code(),
        "platform__connect_timeout_s": "1",
        "platform__read_timeout_s": "2",
        # In-process devices unless a caller chooses an emulator: the example config names
        # real hardware (/dev/ttyUSB0, a printer on the LAN, camera 0).
        **{f"devices_{name}__driver": "simulated" for name in DEVICE_DRIVERS},
        **overrides,
    }
    return {"KIOSK__" + key.upper(): value for key, value in env.items()}


@pytest.fixture
def start_kiosk(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, central: CentralHandle
) -> Iterator[StartKiosk]:
    """`start_kiosk(**env)` builds the kiosk enrolled at `central` with short timeouts; extra
    keyword arguments become KIOSK__ overrides (e.g. platform__probe_interval_s="600")."""
    started: list[Kiosk] = []

    def start(**overrides: str) -> Kiosk:
        for key, value in kiosk_env(central, tmp_path / "kiosk", **overrides).items():
            monkeypatch.setenv(key, value)
        kiosk = build(qapp, EXAMPLE)
        assert isinstance(kiosk, Kiosk)
        started.append(kiosk)
        return kiosk

    yield start
    for kiosk in started:
        for timer in kiosk.timers:
            timer.stop()
        kiosk.close()

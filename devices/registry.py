"""Driver names from `[devices.*]` config to factories, and the kiosk's set of devices.

Plain dicts of functions: nothing is imported by string, so PyInstaller sees every driver
module (the imports inside the factories keep start-up from loading dlib or OpenCV for a
device that is not configured). kiosk.config.DEVICE_DRIVERS names the same drivers with their
options; tests/devices/test_registry.py checks the two agree.

A device that cannot be built (a bad option, a missing library) is left out with a status
`device.config_invalid` or `device.failed` in KioskDevices.unavailable; the kiosk starts
without it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from kiosk.config import DeviceConfig, DevicesConfig
from kiosk.errors import ConfigError
from kiosk.ports.camera import Camera, FrameArray
from kiosk.ports.card_reader import CardReader
from kiosk.ports.device import Device, DeviceState, DeviceStatus
from kiosk.ports.face import FaceDetection, FaceEngine, FaceError, FaceMatch
from kiosk.ports.printer import PaperWidth, ReceiptPrinter
from kiosk.ports.voice import VoicePrompter

log = logging.getLogger(__name__)
DISABLED = DeviceStatus(DeviceState.OFFLINE, "device.disabled")
FACE_READY = DeviceStatus(DeviceState.READY, "face.ready")


# -- card readers ------------------------------------------------------------------------


def _pcsc(cfg: DeviceConfig) -> CardReader:
    from devices.pcsc.driver import PcscCardReader

    return PcscCardReader(str(cfg.get("reader", "")), retry_s=float(cfg.get("retry_s", 1.0)))


def _serial_idreader(cfg: DeviceConfig) -> CardReader:
    from devices.idreader.driver import SerialIdCardReader

    if not cfg.get("port"):
        raise ConfigError("devices.id_reader.port: the serial port, e.g. /dev/ttyUSB0")
    return SerialIdCardReader(
        str(cfg.get("port")),
        baudrate=int(cfg.get("baudrate", 115200)),
        poll_s=float(cfg.get("poll_s", 0.3)),
        timeout_s=float(cfg.get("timeout_s", 3.0)),
        photo_library=str(cfg.get("photo_decoder", "")),
    )


def _simulated_card_reader(cfg: DeviceConfig) -> CardReader:
    from devices.simulated_card_reader import SimulatedCardReader

    return SimulatedCardReader(f"simulated {cfg.name}")


CARD_READER_DRIVERS: dict[str, Callable[[DeviceConfig], CardReader]] = {
    "pcsc": _pcsc,
    "simulated": _simulated_card_reader,
}
ID_READER_DRIVERS: dict[str, Callable[[DeviceConfig], CardReader]] = {
    "serial_idreader": _serial_idreader,
    "simulated": _simulated_card_reader,
}

# -- printer, camera ---------------------------------------------------------------------


def _escpos(cfg: DeviceConfig) -> ReceiptPrinter:
    from devices.escpos_printer import escpos_printer_from_config

    return escpos_printer_from_config(cfg.options)


def _simulated_printer(cfg: DeviceConfig) -> ReceiptPrinter:
    from devices.simulated_printer import SimulatedPrinter

    width = PaperWidth.MM58 if cfg.get("paper_mm", 80) == 58 else PaperWidth.MM80
    return SimulatedPrinter(width)


def _opencv(cfg: DeviceConfig) -> Camera:
    from devices.camera.opencv_camera import opencv_camera_from_config

    return opencv_camera_from_config(cfg.options)


def _simulated_camera(cfg: DeviceConfig) -> Camera:  # noqa: ARG001 - the factory signature
    import numpy as np

    from devices.simulated_camera import SimulatedCamera

    grey = np.full((480, 640, 3), 128, dtype=np.uint8)
    return SimulatedCamera([grey])


PRINTER_DRIVERS: dict[str, Callable[[DeviceConfig], ReceiptPrinter]] = {
    "escpos": _escpos,
    "simulated": _simulated_printer,
}
CAMERA_DRIVERS: dict[str, Callable[[DeviceConfig], Camera]] = {
    "opencv": _opencv,
    "simulated": _simulated_camera,
}

# -- face, voice -------------------------------------------------------------------------


class LazyFaceEngine:
    """Loads the engine on first use (dlib's models take about 0.6 s), on the worker thread
    that first needs it, so building the devices never waits for it."""

    def __init__(self, load: Callable[[], FaceEngine]) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._engine: FaceEngine | None = None

    def engine(self) -> FaceEngine:
        """The loaded engine. Raises FaceError when it cannot load (models missing)."""
        with self._lock:
            if self._engine is None:
                try:
                    self._engine = self._load()
                except Exception as exc:
                    log.exception("face engine failed to load")
                    raise FaceError(f"engine failed to load: {type(exc).__name__}") from exc
            return self._engine

    def detect(self, frame: FrameArray) -> FaceDetection:
        return self.engine().detect(frame)

    def verify(self, card_photo_jpeg: bytes, live_frame: FrameArray) -> FaceMatch:
        return self.engine().verify(card_photo_jpeg, live_frame)

    def yaw_ratio(self, frame: FrameArray) -> float | None:
        return self.engine().yaw_ratio(frame)


def _dlib(cfg: DeviceConfig) -> FaceEngine:
    from devices.face.dlib_face import dlib_face_engine_from_config

    def load() -> FaceEngine:
        return dlib_face_engine_from_config(cfg.options)

    threshold = float(cfg.get("match_threshold", 0.6))
    if not 0.2 <= threshold <= 0.8:  # checked now, not at the first face
        raise ConfigError("devices.face.match_threshold must be within [0.2, 0.8]")
    return LazyFaceEngine(load)


def _simulated_face(cfg: DeviceConfig) -> FaceEngine:  # noqa: ARG001 - the factory signature
    from devices.simulated_face import SimulatedFaceEngine

    # Replayed: a kiosk on simulated devices identifies every visitor, not only the first.
    return SimulatedFaceEngine(replay=True)


def _espeak(cfg: DeviceConfig) -> VoicePrompter:
    from devices.espeak_voice import espeak_voice_from_config

    return espeak_voice_from_config(cfg.options)


def _simulated_voice(cfg: DeviceConfig) -> VoicePrompter:  # noqa: ARG001
    from devices.simulated_voice import SimulatedVoice

    return SimulatedVoice()


FACE_DRIVERS: dict[str, Callable[[DeviceConfig], FaceEngine]] = {
    "dlib": _dlib,
    "simulated": _simulated_face,
}
VOICE_DRIVERS: dict[str, Callable[[DeviceConfig], VoicePrompter]] = {
    "espeak": _espeak,
    "simulated": _simulated_voice,
}

REGISTRY: Mapping[str, Mapping[str, Callable[[DeviceConfig], Any]]] = {
    "card_reader": CARD_READER_DRIVERS,
    "id_reader": ID_READER_DRIVERS,
    "printer": PRINTER_DRIVERS,
    "camera": CAMERA_DRIVERS,
    "face": FACE_DRIVERS,
    "voice": VOICE_DRIVERS,
}

# -- the kiosk's devices -----------------------------------------------------------------


@dataclass
class KioskDevices:
    """The devices config chose. None: not configured, or failed to build; `unavailable`
    says which and why. card_readers holds the PC/SC and ID readers that exist."""

    card_readers: dict[str, CardReader] = field(default_factory=dict)
    printer: ReceiptPrinter | None = None
    camera: Camera | None = None
    face: FaceEngine | None = None
    voice: VoicePrompter | None = None
    unavailable: dict[str, DeviceStatus] = field(default_factory=dict)

    def with_status(self) -> dict[str, Device]:
        """The built devices that report their own status, by config name."""
        named: dict[str, Device | None] = {
            **self.card_readers,
            "printer": self.printer,
            "camera": self.camera,
            "voice": self.voice,
        }
        return {name: device for name, device in named.items() if device is not None}

    def open(self) -> None:
        """Start the card readers' and the voice's threads (each returns at once). The
        camera is opened by whoever needs frames; the printer connects per job."""
        for reader in self.card_readers.values():
            reader.open()
        if self.voice is not None:
            self.voice.open()

    def close(self) -> None:
        """Stop and join every device thread; safe to call twice."""
        for device in self.with_status().values():
            try:
                device.close()
            except Exception:  # closing the others matters more than this one's error
                log.exception("closing %s failed", type(device).__name__)


def build_devices(config: DevicesConfig) -> KioskDevices:
    """Build every configured device (nothing is opened: see KioskDevices.open). Quick: no
    device is contacted and no model is loaded. Never raises for a device."""
    devices = KioskDevices()
    for cfg in config:
        if cfg.driver == "none":
            devices.unavailable[cfg.name] = DISABLED
            continue
        try:
            device = REGISTRY[cfg.name][cfg.driver](cfg)
        except ConfigError as exc:
            status = DeviceStatus(DeviceState.ERROR, "device.config_invalid", exc.detail)
            devices.unavailable[cfg.name] = status
            continue
        except Exception as exc:  # a driver that cannot even load (missing library)
            log.exception("building %s (%s) failed", cfg.name, cfg.driver)
            detail = f"{cfg.driver}: {type(exc).__name__}"
            devices.unavailable[cfg.name] = DeviceStatus(DeviceState.ERROR, "device.failed", detail)
            continue
        if cfg.name in ("card_reader", "id_reader"):
            devices.card_readers[cfg.name] = device
        else:
            setattr(devices, cfg.name, device)
    return devices

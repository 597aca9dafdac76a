"""Configuration: one TOML file plus `KIOSK__SECTION__KEY` environment overrides, validated at
start. Any problem raises ConfigError naming the key, and the kiosk shows its out-of-service
screen with that reason (for the technician) and the service phone (for the villager).

Devices are `[devices.NAME]` tables (card_reader, id_reader, printer, camera, face, voice), each
with a `driver` and that driver's options; their overrides are `KIOSK__DEVICES_NAME__KEY`, e.g.
KIOSK__DEVICES_PRINTER__HOST=10.0.0.7 or KIOSK__DEVICES_CAMERA__DRIVER=none."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlparse

from kiosk.errors import ConfigError

DEFAULT_SERVICE_PHONE = "12345"


@dataclass(frozen=True)
class TerminalConfig:
    data_dir: Path = Path("var/kiosk")
    enrolment_code: str = ""
    language: str = "zh_CN"


@dataclass(frozen=True)
class PlatformConfig:
    base_url: str = "http://127.0.0.1:8700"
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 20.0
    ca_file: str = ""
    probe_interval_s: float = 30.0


@dataclass(frozen=True)
class UiConfig:
    fullscreen: bool = False
    elderly_mode: bool = True
    voice_prompts: bool = True
    idle_timeout_s: int = 90
    idle_warning_s: int = 20  # the visible, spoken countdown before an idle visit ends
    card_grace_s: int = 15  # time to put a removed card back before the visit ends
    service_phone: str = DEFAULT_SERVICE_PHONE


@dataclass(frozen=True)
class LoggingConfig:
    dir: Path = Path("var/kiosk/logs")
    max_bytes: int = 2_000_000
    backups: int = 5
    level: str = "INFO"


class CameraSource:
    """Type marker: a device index (int) or a path or URL (str)."""


# Per device, per driver: the options that driver takes and their types. "none" means the
# kiosk has no such device. devices/registry.py maps the same driver names to factories.
DEVICE_DRIVERS: dict[str, dict[str, dict[str, type]]] = {
    "card_reader": {
        "pcsc": {"reader": str, "retry_s": float},
        "simulated": {},
        "none": {},
    },
    "id_reader": {
        "serial_idreader": {
            "port": str,
            "baudrate": int,
            "poll_s": float,
            "timeout_s": float,
            "photo_decoder": str,
        },
        "simulated": {},
        "none": {},
    },
    "printer": {
        "escpos": {
            "transport": str,
            "host": str,
            "port": int,
            "vendor_id": int,
            "product_id": int,
            "device": str,
            "baudrate": int,
            "timeout_s": float,
            "paper_mm": int,
        },
        "simulated": {"paper_mm": int},
        "none": {},
    },
    "camera": {
        "opencv": {"source": CameraSource, "loop": bool, "fps": float},
        "simulated": {},
        "none": {},
    },
    "face": {"dlib": {"match_threshold": float}, "simulated": {}, "none": {}},
    "voice": {
        "espeak": {
            "rate": int,
            "player": str,
            "voice_zh_cn": str,
            "voice_ug_cn": str,
            "voice_en_gb": str,
        },
        "simulated": {},
        "none": {},
    },
}
_DEVICE_CHOICES: dict[tuple[str, str], tuple[object, ...]] = {
    ("printer", "transport"): ("network", "usb", "serial", "dummy"),
    ("printer", "paper_mm"): (58, 80),
}


@dataclass(frozen=True)
class DeviceConfig:
    """One `[devices.NAME]` table: the driver, and its options already typed and checked."""

    name: str
    driver: str = "none"
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def get(self, key: str, default: Any = None) -> Any:
        return self.options.get(key, default)


@dataclass(frozen=True)
class DevicesConfig:
    card_reader: DeviceConfig = DeviceConfig("card_reader")
    id_reader: DeviceConfig = DeviceConfig("id_reader")
    printer: DeviceConfig = DeviceConfig("printer")
    camera: DeviceConfig = DeviceConfig("camera")
    face: DeviceConfig = DeviceConfig("face")
    voice: DeviceConfig = DeviceConfig("voice")

    def __iter__(self) -> Iterator[DeviceConfig]:
        return (getattr(self, name) for name in DEVICE_DRIVERS)


@dataclass(frozen=True)
class QueueConfig:
    """The offline queue: back-pressure limits, stub lifetime, sync and pull pacing."""

    soft_count: int = 300  # unsent records before the technician is warned
    soft_age_h: float = 48.0  # age of the oldest unsent record before the warning
    hard_count: int = 3000  # unsent records past which self-service submissions are refused
    stub_days: int = 30  # how long a delivered record's receipt stub stays
    batch: int = 50  # records per push (the contract allows 100)
    chunk_kb: int = 64  # the largest upload chunk; slow links get smaller (offline_queue/pacing.py)
    link_poll_s: float = 2.0  # how often interface and route changes are looked for
    notices_interval_s: float = 900.0
    cases_interval_s: float = 600.0


@dataclass(frozen=True)
class UpdatesConfig:
    """Signed application updates (kiosk/ops/updates.py, docs/deployment.md)."""

    release_keys_file: Path = Path("/etc/kiosk/release-keys")  # root-owned, one key per line
    install_root: Path = Path("/opt/kiosk")
    fetch_budget_bytes: int = 4_000_000  # per run of the fetch timer, so queued records go first
    health_timeout_s: float = 180.0
    max_starts: int = 3


@dataclass(frozen=True)
class TechnicianConfig:
    """The technician screens: where exports go besides the USB sticks mounted under /media
    and /run/media (a fixed mount point, or a directory in tests)."""

    export_dir: str = ""


@dataclass(frozen=True)
class Config:
    terminal: TerminalConfig = TerminalConfig()
    platform: PlatformConfig = PlatformConfig()
    ui: UiConfig = UiConfig()
    logging: LoggingConfig = LoggingConfig()
    queue: QueueConfig = QueueConfig()
    technician: TechnicianConfig = TechnicianConfig()
    updates: UpdatesConfig = UpdatesConfig()
    devices: DevicesConfig = DevicesConfig()


_SECTION_TYPES = {
    "terminal": TerminalConfig,
    "platform": PlatformConfig,
    "ui": UiConfig,
    "logging": LoggingConfig,
    "queue": QueueConfig,
    "updates": UpdatesConfig,
    "technician": TechnicianConfig,
}


def _coerce(key: str, kind: type, value: Any) -> Any:
    """Values from TOML keep their type; values from the environment are strings."""
    try:
        if kind is CameraSource:
            if isinstance(value, str) and value.isdigit():
                return int(value)
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise ValueError
            return value
        if kind is bool:
            if isinstance(value, bool):
                return value
            if str(value).lower() in ("1", "true", "yes", "on"):
                return True
            if str(value).lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError
        if kind is Path:
            return Path(str(value))
        if kind in (int, float) and isinstance(value, bool):
            raise ValueError
        return kind(value)
    except (TypeError, ValueError):
        raise ConfigError(f"{key}: expected {kind.__name__}, got {value!r}") from None


def _section(name: str, values: Mapping[str, Any]) -> Any:
    cls = _SECTION_TYPES[name]
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = set(values) - set(fields)
    if unknown:
        raise ConfigError(f"[{name}] unknown key(s): {', '.join(sorted(unknown))}")
    kinds = {"str": str, "int": int, "float": float, "bool": bool, "Path": Path}
    return cls(
        **{k: _coerce(f"{name}.{k}", kinds[str(fields[k].type)], v) for k, v in values.items()}
    )


def check_platform_url(base_url: str) -> None:
    """The platform's address as the kiosk accepts it at start (also for 登记新终端)."""
    try:
        url = urlparse(base_url)
        url.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        raise ConfigError(f"platform.base_url: not an http(s) URL: {base_url!r}") from None
    if url.scheme not in ("http", "https") or not url.hostname:
        raise ConfigError(f"platform.base_url: not an http(s) URL: {base_url!r}")


def value_kind(key: str, driver: str = "") -> type | None:
    """The type of `section.key`, or of `devices.NAME.key` under `driver` (None: no such key).
    The configuration screen coerces what the technician types with it."""
    parts = key.split(".")
    if len(parts) == 3 and parts[0] == "devices":
        return DEVICE_DRIVERS.get(parts[1], {}).get(driver, {}).get(parts[2])
    if len(parts) != 2 or parts[0] not in _SECTION_TYPES:
        return None
    kinds = {"str": str, "int": int, "float": float, "bool": bool, "Path": Path}
    for f in dataclasses.fields(_SECTION_TYPES[parts[0]]):
        if f.name == parts[1]:
            return kinds[str(f.type)]
    return None


def coerce(key: str, kind: type, value: Any) -> Any:
    """A value typed as text (or read from TOML) as `kind`; ConfigError naming `key`."""
    return _coerce(key, kind, value)


def _validate(cfg: Config) -> None:
    check_platform_url(cfg.platform.base_url)
    for key, value in (
        ("platform.connect_timeout_s", cfg.platform.connect_timeout_s),
        ("platform.read_timeout_s", cfg.platform.read_timeout_s),
        ("platform.probe_interval_s", cfg.platform.probe_interval_s),
    ):
        if not 0 < value <= 600:
            raise ConfigError(f"{key}: must be between 0 and 600 seconds, got {value}")
    if cfg.platform.ca_file and not Path(cfg.platform.ca_file).is_file():
        raise ConfigError(f"platform.ca_file: no such file {cfg.platform.ca_file!r}")
    if not 30 <= cfg.ui.idle_timeout_s <= 3600:
        raise ConfigError("ui.idle_timeout_s: must be between 30 and 3600 seconds")
    if not 10 <= cfg.ui.idle_warning_s < cfg.ui.idle_timeout_s:
        raise ConfigError("ui.idle_warning_s: at least 10 s and shorter than ui.idle_timeout_s")
    if not 5 <= cfg.ui.card_grace_s <= 120:
        raise ConfigError("ui.card_grace_s: must be between 5 and 120 seconds")
    if not cfg.ui.service_phone.replace("-", "").isdigit():
        raise ConfigError("ui.service_phone: must be a phone number such as 0774-7812345")
    if cfg.terminal.language not in ("zh_CN", "ug_CN", "en_GB"):
        raise ConfigError("terminal.language: zh_CN (Chinese), ug_CN (Uyghur) or en_GB (English)")
    if cfg.logging.level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError("logging.level: one of DEBUG, INFO, WARNING, ERROR")
    _validate_queue(cfg.queue)
    if cfg.technician.export_dir and not Path(cfg.technician.export_dir).is_absolute():
        raise ConfigError("technician.export_dir: an absolute path, e.g. /media/usb")


def _validate_queue(q: QueueConfig) -> None:
    if not 1 <= q.soft_count <= q.hard_count <= 1_000_000:
        raise ConfigError("queue.soft_count and queue.hard_count: 1 <= soft <= hard <= 1000000")
    for key, value, low, high in (
        ("queue.soft_age_h", q.soft_age_h, 0.1, 24 * 365),
        ("queue.stub_days", q.stub_days, 1, 3650),
        ("queue.batch", q.batch, 1, 100),
        ("queue.chunk_kb", q.chunk_kb, 4, 1024),
        ("queue.link_poll_s", q.link_poll_s, 0.05, 60),
        ("queue.notices_interval_s", q.notices_interval_s, 1, 86_400),
        ("queue.cases_interval_s", q.cases_interval_s, 1, 86_400),
    ):
        if not low <= value <= high:
            raise ConfigError(f"{key}: must be between {low} and {high}, got {value}")


def _device(name: str, from_file: Mapping[str, Any], from_env: Mapping[str, str]) -> DeviceConfig:
    """One device table. When the environment switches the driver, the file's options that the
    new driver does not take are dropped (e.g. KIOSK__DEVICES_PRINTER__DRIVER=simulated on a
    file configured for escpos); every option given in the environment must fit."""
    drivers = DEVICE_DRIVERS[name]
    driver = str(from_env.get("driver", from_file.get("driver", "none")))
    if driver not in drivers:
        choices = ", ".join(drivers)
        raise ConfigError(f"devices.{name}.driver: {driver!r} is not one of {choices}")
    known = drivers[driver]
    values = {k: v for k, v in from_file.items() if k != "driver"}
    if "driver" in from_env and from_env["driver"] != from_file.get("driver"):
        values = {k: v for k, v in values.items() if k in known}
    values.update({k: v for k, v in from_env.items() if k != "driver"})
    unknown = set(values) - set(known)
    if unknown:
        keys = ", ".join(sorted(unknown))
        raise ConfigError(f"[devices.{name}] driver {driver!r} takes no key(s): {keys}")
    options = {k: _coerce(f"devices.{name}.{k}", known[k], v) for k, v in values.items()}
    for key, value in options.items():
        allowed = _DEVICE_CHOICES.get((name, key))
        if allowed is not None and value not in allowed:
            raise ConfigError(f"devices.{name}.{key}: {value!r} is not one of {allowed}")
    return DeviceConfig(name, driver, MappingProxyType(options))


def _devices(from_file: Any, from_env: Mapping[str, dict[str, str]]) -> DevicesConfig:
    if not isinstance(from_file, dict):
        raise ConfigError("[devices] must hold tables such as [devices.printer]")
    for name in set(from_file) | set(from_env):
        if name not in DEVICE_DRIVERS or not isinstance(from_file.get(name, {}), dict):
            raise ConfigError(
                f"unknown device [devices.{name}]; known: {', '.join(DEVICE_DRIVERS)}"
            )
    return DevicesConfig(
        **{
            name: _device(name, from_file.get(name, {}), from_env.get(name, {}))
            for name in DEVICE_DRIVERS
        }
    )


# What the technician may change on the terminal's configuration screen. Those values live in
# `<terminal.data_dir>/settings.toml` (the kiosk's user cannot write /etc/kiosk/kiosk.toml),
# read over the file and under the environment: file < technician's settings < KIOSK__...
EDITABLE: tuple[str, ...] = (
    "platform.base_url",
    "ui.idle_timeout_s",
    "ui.voice_prompts",
    "ui.service_phone",
    "terminal.language",
    "devices.printer.host",
    "devices.printer.port",
    "devices.printer.paper_mm",
)
SETTINGS_FILE = "settings.toml"


def _read_toml(path: Path, what: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read {what} {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{what} {path} is not valid TOML: {exc}") from None


def settings_path(path: Path | None, environ: Mapping[str, str] = os.environ) -> Path:
    """Where the technician's settings are kept: in the data dir the file and the environment
    name (terminal.data_dir is not itself editable)."""
    data_dir: Any = TerminalConfig.data_dir
    if path is not None:
        data_dir = _read_toml(path, "config file").get("terminal", {}).get("data_dir", data_dir)
    data_dir = environ.get("KIOSK__TERMINAL__DATA_DIR", data_dir)
    return Path(str(data_dir)) / SETTINGS_FILE


def _apply_settings(
    settings: Mapping[str, Any], raw: dict[str, dict[str, Any]], devices_file: Any
) -> None:
    """The technician's settings over the file's values. A device option the configured
    driver no longer takes is left out (the file's driver changed since it was set)."""
    for section, values in settings.items():
        if not isinstance(values, dict):
            raise ConfigError(f"{SETTINGS_FILE}: [{section}] is not a table")
        if section == "devices":
            for name, options in values.items():
                table = devices_file.setdefault(name, {}) if isinstance(devices_file, dict) else {}
                driver = str(table.get("driver", "none"))
                for key, value in dict(options).items():
                    if f"devices.{name}.{key}" not in EDITABLE:
                        raise ConfigError(f"{SETTINGS_FILE}: devices.{name}.{key} is not editable")
                    if value_kind(f"devices.{name}.{key}", driver) is not None:
                        table[key] = value
            continue
        for key, value in values.items():
            if f"{section}.{key}" not in EDITABLE:
                raise ConfigError(f"{SETTINGS_FILE}: {section}.{key} is not editable")
            raw.setdefault(section, {})[key] = value


def load_config(
    path: Path | None,
    environ: Mapping[str, str] = os.environ,
    settings: Mapping[str, Any] | None = None,
) -> Config:
    """`settings`: the technician's settings to check instead of those saved (the
    configuration screen validates a change with this before saving it)."""
    raw: dict[str, dict[str, Any]] = {}
    devices_file: Any = {}
    devices_env: dict[str, dict[str, str]] = {}
    if path is not None:
        data = _read_toml(path, "config file")
        devices_file = data.pop("devices", {})
        for name, values in data.items():
            if name not in _SECTION_TYPES or not isinstance(values, dict):
                raise ConfigError(f"unknown config section [{name}]")
            raw[name] = dict(values)
    if settings is None:
        saved = settings_path(path, environ)
        settings = _read_toml(saved, "settings file") if saved.is_file() else {}
    _apply_settings(settings, raw, devices_file)
    for env_key, value in environ.items():
        parts = env_key.split("__")
        if len(parts) == 3 and parts[0] == "KIOSK":
            section = parts[1].lower()
            if section.startswith("devices_"):
                devices_env.setdefault(section.removeprefix("devices_"), {})[parts[2].lower()] = (
                    value
                )
                continue
            if section not in _SECTION_TYPES:
                raise ConfigError(f"{env_key}: unknown config section {section!r}")
            raw.setdefault(section, {})[parts[2].lower()] = value
    cfg = Config(
        **{name: _section(name, values) for name, values in raw.items()},
        devices=_devices(devices_file, devices_env),
    )
    _validate(cfg)
    return cfg

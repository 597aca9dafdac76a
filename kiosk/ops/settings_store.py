"""The SettingsStore port on kiosk/config.py: the effective configuration for the technician,
and the technician's changes saved in `<data_dir>/settings.toml`.

Saving: the changed values are coerced and the whole configuration loaded with them exactly as
at start (load_config), so a value the kiosk would refuse is refused here with the same field
name. Then the previous settings are kept as `settings.toml.previous` and the new ones written
to a temporary file, fsynced and renamed over the old (offline_queue/files.py), so a power cut
leaves the old settings or the new, never half.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.config import (
    DEVICE_DRIVERS,
    EDITABLE,
    Config,
    coerce,
    load_config,
    settings_path,
    value_kind,
)
from kiosk.errors import ConfigError
from kiosk.ports.settings import Setting, SettingRefused
from offline_queue.files import write_private

SECRETS = frozenset({"terminal.enrolment_code"})
CHOICES = {
    "terminal.language": ("zh_CN", "ug_CN"),
    "devices.printer.paper_mm": ("58", "80"),
    "logging.level": ("DEBUG", "INFO", "WARNING", "ERROR"),
}
_KEY = re.compile(r"^([a-z_]+(?:\.[a-z_]+){1,2})")


def _kind(key: str, kind: type | None) -> str:
    if key in CHOICES:
        return "choice"
    if kind is bool:
        return "switch"
    return "number" if kind in (int, float) else "text"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)  # a TOML basic string


def to_toml(settings: Mapping[str, Any]) -> str:
    lines = ["# The technician's settings (设置 screen); over kiosk.toml, under KIOSK__ variables."]
    for section in sorted(s for s in settings if s != "devices"):
        lines += ["", f"[{section}]"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in sorted(settings[section].items())]
    for name, options in sorted(settings.get("devices", {}).items()):
        lines += ["", f"[devices.{name}]"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in sorted(options.items())]
    return "\n".join(lines) + "\n"


class TomlSettings:
    def __init__(self, config_path: Path | None, environ: Mapping[str, str] = os.environ) -> None:
        self.config_path, self.environ = config_path, dict(environ)
        self.path = settings_path(config_path, self.environ)

    def _saved(self) -> dict[str, Any]:
        if not self.path.is_file():
            return {}
        import tomllib

        return tomllib.loads(self.path.read_text(encoding="utf-8"))

    def _file(self) -> dict[str, Any]:
        if self.config_path is None:
            return {}
        import tomllib

        return tomllib.loads(self.config_path.read_text(encoding="utf-8"))

    def _env_key(self, key: str) -> str:
        parts = key.split(".")
        if len(parts) == 3:
            return f"KIOSK__DEVICES_{parts[1].upper()}__{parts[2].upper()}"
        return f"KIOSK__{parts[0].upper()}__{parts[1].upper()}"

    @staticmethod
    def _lookup(tree: Mapping[str, Any], key: str) -> bool:
        node: Any = tree
        for part in key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return False
            node = node[part]
        return True

    def _source(self, key: str, file: Mapping[str, Any], saved: Mapping[str, Any]) -> str:
        if self._env_key(key) in self.environ:
            return "environment"
        if self._lookup(saved, key):
            return "settings"
        return "file" if self._lookup(file, key) else "default"

    def settings(self) -> list[Setting]:
        config = load_config(self.config_path, self.environ)
        file, saved = self._file(), self._saved()
        out: list[Setting] = []
        for section in dataclasses.fields(Config):
            if section.name == "devices":
                continue
            values = getattr(config, section.name)
            for f in dataclasses.fields(values):
                key = f"{section.name}.{f.name}"
                out.append(self._setting(key, getattr(values, f.name), "", file, saved))
        for device in config.devices:
            out.append(
                Setting(
                    f"devices.{device.name}.driver",
                    device.driver,
                    "choice",
                    self._source(f"devices.{device.name}.driver", file, saved),
                    False,
                    choices=tuple(DEVICE_DRIVERS[device.name]),
                )
            )
            for option in DEVICE_DRIVERS[device.name][device.driver]:
                key = f"devices.{device.name}.{option}"
                out.append(self._setting(key, device.get(option, ""), device.driver, file, saved))
        return out

    def _setting(
        self, key: str, value: Any, driver: str, file: Mapping[str, Any], saved: Mapping[str, Any]
    ) -> Setting:
        source = self._source(key, file, saved)
        editable = key in EDITABLE and source != "environment"
        kind = _kind(key, value_kind(key, driver))
        if key in SECRETS:
            return Setting(key, "", kind, source, False, secret=True, is_set=bool(value))
        return Setting(key, _text(value), kind, source, editable, choices=CHOICES.get(key, ()))

    def save(self, changes: Mapping[str, str]) -> list[str]:
        current = {s.key: s for s in self.settings()}
        saved = self._saved()
        changed: list[str] = []
        for key, text in changes.items():
            setting = current.get(key)
            if setting is None or not setting.editable:
                raise SettingRefused(key, f"{key}: cannot be changed here")
            driver = current.get(".".join(key.split(".")[:2]) + ".driver")
            kind = value_kind(key, driver.value if driver is not None else "")
            if kind is None:
                raise SettingRefused(key, f"{key}: not taken by this device's driver")
            try:
                value = coerce(key, kind, text.strip())
            except ConfigError as exc:
                raise SettingRefused(key, exc.detail) from None
            if key in CHOICES and _text(value) not in CHOICES[key]:
                raise SettingRefused(key, f"{key}: one of {', '.join(CHOICES[key])}")
            parts = key.split(".")
            node = saved
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node[parts[-1]] = value
            if _text(value) != setting.value:
                changed.append(key)
        try:
            load_config(self.config_path, self.environ, settings=saved)
        except ConfigError as exc:
            match = _KEY.match(exc.detail)
            named = match.group(1) if match else ""
            raise SettingRefused(
                named if named in changes else next(iter(changes), named), exc.detail
            ) from None
        if not changed:
            return []
        if self.path.is_file():
            write_private(self.path.with_name(self.path.name + ".previous"), self.path.read_bytes())
        write_private(self.path, to_toml(saved).encode())
        return changed

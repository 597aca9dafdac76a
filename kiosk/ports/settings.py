"""The terminal's configuration as the technician sees and changes it (设置).

Every effective value is shown with where it comes from; secrets never (only whether they are
set). A whitelisted few (kiosk/config.py EDITABLE) can be changed, checked by the very
validation the kiosk applies at start, and take effect when the kiosk restarts.
Plain data only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from kiosk.errors import KioskError


@dataclass(frozen=True)
class Setting:
    key: str  # e.g. ui.idle_timeout_s, devices.printer.host
    value: str  # the effective value as text; "" for a secret
    kind: str  # text | number | switch | choice
    source: str  # default | file | settings (the technician's) | environment
    editable: bool
    secret: bool = False
    is_set: bool = True  # for a secret: whether it has a value
    choices: tuple[str, ...] = ()


class SettingRefused(KioskError):
    """A value the kiosk would refuse at start; `key` names the field, `detail` says why (the
    configuration's own words). Nothing was saved."""

    message_key = "tech.config.refused"

    def __init__(self, key: str, detail: str) -> None:
        super().__init__(detail)
        self.key = key


class SettingsStore(Protocol):
    def settings(self) -> list[Setting]:
        """Every effective value (reads the files: a worker)."""
        ...

    def save(self, changes: Mapping[str, str]) -> list[str]:
        """Checks `changes` (key -> text as typed) as the kiosk does at start, then saves them
        atomically, the previous settings kept beside them. Returns the keys whose value
        changed. Raises SettingRefused naming the first bad field."""
        ...

"""设置 for the technician: the effective configuration (secrets never shown), a whitelisted
few values changed with the kiosk's own start-up validation, and the restart that applies them.

Audited: viewing, each save with the names of the fields it changed (never their values: a
platform address or a phone number is not a secret, but the rule is one and simple), a refused
value with the field it names, and the restart.

Qt-free; every call reads or writes files: a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from kiosk.ports.settings import Setting, SettingRefused, SettingsStore
from kiosk.services.tech_logs import Record


class ConfigTools:
    def __init__(
        self, record: Record, store: SettingsStore, restart: Callable[[], None] | None = None
    ) -> None:
        self._record, self._store, self._restart = record, store, restart

    @property
    def can_restart(self) -> bool:
        return self._restart is not None

    def settings(self) -> list[Setting]:
        self._record("config.view", "", None)
        return self._store.settings()

    def save(self, changes: Mapping[str, str]) -> list[str]:
        self._record("config.save", "", {"fields": ",".join(sorted(changes))})
        try:
            changed = self._store.save(changes)
        except SettingRefused as exc:
            self._record("config.refused", exc.key, None)
            raise
        self._record("config.saved", "", {"fields": ",".join(changed)})
        return changed

    def restart(self) -> None:
        """The kiosk restarts (systemd starts its session again) and reads the new values."""
        if self._restart is None:
            return
        self._record("kiosk.restart", "", {"reason": "settings"})
        self._restart()

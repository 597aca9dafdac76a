"""The command journal on disk: which platform commands this terminal has seen, and the
outcomes still to report. One small JSON file in the data dir, replaced atomically and fsynced
on every change (commands are rare), so a command begun before a power cut is reported as
`interrupted` after it and never acted on twice.

Thread-safe within a process; only the kiosk process runs commands.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Any

from kiosk.contract.records import canonical_json
from kiosk.ports.commands import CommandOutcome, CommandStatus
from offline_queue.files import write_private

log = logging.getLogger(__name__)
FORGET_AFTER_MS = 24 * 3600 * 1000  # a seen id is kept this long past its expiry
MAX_SEEN = 5000
MAX_OUTCOMES = 200


def _outcome(data: dict[str, Any]) -> CommandOutcome:
    return CommandOutcome(
        str(data["id"]),
        str(data["action"]),
        CommandStatus(data["status"]),
        str(data.get("reason", "")),
        str(data.get("detail", "")),
    )


class JsonCommandJournal:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._seen: dict[str, int] = {}
        self._begun: dict[str, str] = {}
        self._outcomes: list[CommandOutcome] = []
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                self._seen = {str(k): int(v) for k, v in data["seen"].items()}
                self._outcomes = [_outcome(o) for o in data["outcomes"]]
                begun = {str(k): str(v) for k, v in data["begun"].items()}
            except (ValueError, KeyError, TypeError, AttributeError):
                # Losing the journal may let a still-valid command run again; say so loudly.
                log.error("command journal %s is damaged; starting a new one", path.name)
                begun = {}
            for command_id, action in begun.items():
                self._outcomes.append(
                    CommandOutcome(
                        command_id,
                        action,
                        CommandStatus.INTERRUPTED,
                        detail="the kiosk stopped while acting on it; not tried again",
                    )
                )
            if begun:
                self._save()

    def _save(self) -> None:
        data = {
            "seen": self._seen,
            "begun": self._begun,
            "outcomes": [o.to_json() for o in self._outcomes[-MAX_OUTCOMES:]],
        }
        write_private(self.path, canonical_json(data))

    def seen(self, command_id: str) -> bool:
        with self._lock:
            return command_id in self._seen

    def begin(self, command_id: str, action: str, expires_at_ms: int) -> None:
        with self._lock:
            self._seen[command_id] = expires_at_ms
            self._begun[command_id] = action
            self._save()

    def finish(self, outcome: CommandOutcome) -> None:
        with self._lock:
            self._begun.pop(outcome.command_id, None)
            self._outcomes.append(outcome)
            self._save()

    def note(self, outcome: CommandOutcome) -> None:
        with self._lock:
            self._outcomes.append(outcome)
            self._save()

    def unreported(self) -> list[CommandOutcome]:
        with self._lock:
            return list(self._outcomes[-MAX_OUTCOMES:])

    def reported(self, outcomes: list[CommandOutcome], now_ms: int) -> None:
        """`now_ms` on the platform's clock (a terminal clock running days ahead must not
        forget an id while its command is still valid)."""
        with self._lock:
            done = set(outcomes)
            kept = [o for o in self._outcomes if o not in done]
            seen = {
                k: v
                for k, v in sorted(self._seen.items(), key=lambda kv: kv[1])[-MAX_SEEN:]
                if v + FORGET_AFTER_MS > now_ms
            }
            if kept != self._outcomes or seen != self._seen:
                self._outcomes, self._seen = kept, seen
                self._save()


def open_terminal_journal(data_dir: Path) -> JsonCommandJournal:
    """The terminal's command journal at its usual place in the data dir."""
    return JsonCommandJournal(data_dir / "commands.json")

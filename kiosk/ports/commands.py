"""Platform commands at the terminal: the actions they map to, and the journal that makes each
one happen at most once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class CommandStatus(StrEnum):
    DONE = "done"
    FAILED = "failed"  # verified and tried; the action itself failed (detail says why)
    REFUSED = "refused"  # not acted on: forged, expired, misdirected, replayed or unknown
    INTERRUPTED = "interrupted"  # the kiosk stopped while acting; it is not tried again


@dataclass(frozen=True)
class CommandOutcome:
    command_id: str
    action: str
    status: CommandStatus
    reason: str = ""  # machine code for a refusal: bad_signature, expired, replayed, ...
    detail: str = ""  # in words for the technician; never personal data

    def to_json(self) -> dict[str, str]:
        return {
            "id": self.command_id,
            "action": self.action,
            "status": self.status.value,
            "reason": self.reason,
            "detail": self.detail,
        }


class CommandHandlers(Protocol):
    """The real actions, wired by the composition root. Each returns a short detail for the
    technician ("catalog version 42") and raises KioskError when the action fails. Called on
    the heartbeat's worker thread."""

    def refresh_catalog(self) -> str: ...

    def upload_logs(self, command_id: str) -> str: ...

    def retry_dead_letters(self) -> str: ...


class CommandJournal(Protocol):
    """Durable memory of commands: begun before acting (so a replay or a restart never acts
    twice), their outcomes kept until a heartbeat has carried them to the platform."""

    def seen(self, command_id: str) -> bool: ...

    def begin(self, command_id: str, action: str, expires_at_ms: int) -> None:
        """On disk before it returns."""
        ...

    def finish(self, outcome: CommandOutcome) -> None: ...

    def note(self, outcome: CommandOutcome) -> None:
        """An outcome to report for a command never begun (a refusal)."""
        ...

    def unreported(self) -> list[CommandOutcome]:
        """Outcomes not yet delivered, including `interrupted` for any begun and never
        finished (the kiosk stopped mid-action)."""
        ...

    def reported(self, outcomes: list[CommandOutcome], now_ms: int) -> None:
        """The platform has these; forget them, and forget seen ids long expired."""
        ...

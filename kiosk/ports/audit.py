"""The audit trail port: what agents, technicians and the platform did at this terminal.

The agent and technician screens (through their services) call `record` for every action that
changes something or reveals something: a sign-in, a retry of dead letters, a configuration
edit, a log export, a platform command. Entries are chained by hash so an edited, removed,
reordered or inserted entry is found (offline_queue/audit.py; `python -m offline_queue audit
verify`).

Never personal data: an actor is named by their agent or technician number, or a masked name
(`张*`); subjects and details are codes and counts. The trail refuses anything shaped like an
ID or mobile number with AuditPersonalData.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from kiosk.errors import KioskError

AuditValue = str | int | bool
GENESIS_HASH = "0" * 64  # the `prev` of the first entry


class AuditRole(StrEnum):
    AGENT = "agent"  # 村级代办员
    TECHNICIAN = "technician"  # 运维人员
    PLATFORM = "platform"  # a signed command from the platform
    SYSTEM = "system"  # the terminal itself (e.g. the log was repaired after a power cut)


@dataclass(frozen=True)
class AuditActor:
    role: AuditRole
    ref: str  # agent/technician number, or a masked name; never a full name or ID number


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at_ms: int
    actor: AuditActor
    action: str  # dotted code, e.g. "technician.sign_in", "queue.retry_dead_letters"
    subject: str = ""  # what it acted on: a record id, a config key, a command id
    details: Mapping[str, AuditValue] = field(default_factory=dict)
    prev: str = GENESIS_HASH
    hash: str = ""


@dataclass(frozen=True)
class AuditHead:
    """The last entry's number and hash: what the heartbeat reports so the platform can anchor
    the chain (a local log rewritten from scratch still disagrees with the platform's copy)."""

    seq: int
    hash: str


class AuditPersonalData(KioskError):
    """A caller tried to put something shaped like personal data into the audit log."""

    message_key = "audit.personal_data"


class AuditTrail(Protocol):
    def record(
        self,
        actor: AuditActor,
        action: str,
        subject: str = "",
        details: Mapping[str, AuditValue] | None = None,
    ) -> AuditEntry:
        """Appends one entry durably (on disk before it returns). Blocks on file I/O: call it
        on a worker thread. Raises AuditPersonalData or ValueError for unfit values."""
        ...

    def head(self) -> AuditHead: ...

    def recent(self, limit: int = 50) -> list[AuditEntry]:
        """The newest entries, newest first, for the technician's screen."""
        ...

"""Acting on signed platform commands: verify each one, act at most once, report every outcome.

A command is acted on only when its signature verifies with the platform's signing key from
enrolment, it names this terminal, it has not expired (on the platform's clock, as its reply
states it), it does not claim to live longer than a day, and its id has never been seen.
Anything else is refused, recorded, and reported in the next heartbeat; a forged command's id
is never remembered, so a forger cannot burn the id of a real command.

Thread: the heartbeat's worker thread.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from kiosk.contract.commands import FIELDS, MAX_TTL_MS, signature_ok
from kiosk.errors import KioskError
from kiosk.ports.audit import AuditActor, AuditRole, AuditTrail
from kiosk.ports.commands import CommandHandlers, CommandJournal, CommandOutcome, CommandStatus

log = logging.getLogger(__name__)
MAX_PER_REPLY = 20
FUTURE_SLACK_MS = 5 * 60 * 1000  # issued "in the future" beyond this is refused
_ID_RE = re.compile(r"[0-9A-Za-z-]{1,64}")
_ACTION_RE = re.compile(r"[a-z_]{1,40}")


def _safe_id(value: Any) -> str:
    """A command id fit to echo back and to audit (a forged one may hold anything)."""
    return value if isinstance(value, str) and _ID_RE.fullmatch(value) else ""


def _well_formed(raw: Any) -> bool:
    if not isinstance(raw, Mapping) or any(f not in raw for f in FIELDS):
        return False
    ints = (raw["issued_at_ms"], raw["expires_at_ms"])
    return (
        bool(_safe_id(raw["id"]))
        and all(isinstance(raw[f], str) for f in ("terminal_id", "action"))
        and isinstance(raw["args"], Mapping)
        and all(isinstance(v, int) and not isinstance(v, bool) for v in ints)
    )


class CommandRunner:
    def __init__(
        self,
        terminal_id: str,
        platform_key: Ed25519PublicKey,
        journal: CommandJournal,
        handlers: CommandHandlers,
        audit: AuditTrail | None = None,
    ) -> None:
        self.terminal_id, self.platform_key = terminal_id, platform_key
        self.journal, self.handlers, self.audit = journal, handlers, audit
        self._actions: dict[str, Callable[[str], str]] = {
            "refresh_catalog": lambda _id: handlers.refresh_catalog(),
            "upload_logs": handlers.upload_logs,
            "retry_dead_letters": lambda _id: handlers.retry_dead_letters(),
        }

    def refusal(self, raw: Any, platform_now_ms: int) -> str:
        """Why this command must not be acted on, as a machine code; "" when it may."""
        if not _well_formed(raw):
            return "malformed"
        if not signature_ok(self.platform_key, raw):
            return "bad_signature"
        if raw["terminal_id"] != self.terminal_id:
            return "wrong_terminal"
        if self.journal.seen(raw["id"]):
            return "replayed"
        issued, expires = raw["issued_at_ms"], raw["expires_at_ms"]
        if not 0 < expires - issued <= MAX_TTL_MS:
            return "bad_lifetime"
        if platform_now_ms >= expires:
            return "expired"
        if issued > platform_now_ms + FUTURE_SLACK_MS:
            return "not_yet_valid"
        if raw["action"] not in self._actions:
            return "unknown_action"
        return ""

    def run(self, commands: Sequence[Any], platform_now_ms: int) -> list[CommandOutcome]:
        outcomes = []
        for n, raw in enumerate(commands):
            if n >= MAX_PER_REPLY:
                break  # the rest come again in the next reply
            outcomes.append(self._one(raw, platform_now_ms))
        return outcomes

    def _one(self, raw: Any, platform_now_ms: int) -> CommandOutcome:
        command_id = _safe_id(raw.get("id")) if isinstance(raw, Mapping) else ""
        action = raw.get("action") if isinstance(raw, Mapping) else ""
        action = action if isinstance(action, str) and _ACTION_RE.fullmatch(action) else ""
        reason = self.refusal(raw, platform_now_ms)
        if reason:
            outcome = CommandOutcome(command_id, action, CommandStatus.REFUSED, reason)
            log.warning("platform command %s refused: %s", command_id or "-", reason)
            self.journal.note(outcome)
            self._audit(outcome)
            return outcome
        self.journal.begin(command_id, action, raw["expires_at_ms"])
        try:
            detail = self._actions[action](command_id)
            outcome = CommandOutcome(command_id, action, CommandStatus.DONE, detail=detail[:300])
        except (KioskError, OSError) as exc:
            detail = exc.detail if isinstance(exc, KioskError) else type(exc).__name__
            outcome = CommandOutcome(command_id, action, CommandStatus.FAILED, detail=detail[:300])
        log.info("platform command %s %s: %s", command_id, action, outcome.status.value)
        self.journal.finish(outcome)
        self._audit(outcome)
        return outcome

    def _audit(self, outcome: CommandOutcome) -> None:
        if self.audit is None:
            return
        try:
            self.audit.record(
                AuditActor(AuditRole.PLATFORM, "platform"),
                f"command.{outcome.action or 'unknown'}",
                outcome.command_id,
                {"status": outcome.status.value, "reason": outcome.reason},
            )
        except (KioskError, OSError, ValueError) as exc:
            # The command's outcome still reaches the platform in the next heartbeat.
            log.error("audit entry for command %s not written: %s", outcome.command_id, exc)

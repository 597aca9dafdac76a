"""Platform commands at the terminal: a good one is acted on exactly once; a forged, expired,
replayed, misdirected or otherwise unfit one is refused, recorded and reported."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.contract.commands import sign_command
from kiosk.errors import PlatformError
from kiosk.ports.clock import FakeClock
from kiosk.ports.commands import CommandStatus
from kiosk.services.platform_commands import CommandRunner
from offline_queue.audit import open_terminal_audit, verify_chain
from offline_queue.command_journal import JsonCommandJournal

PLATFORM = Ed25519PrivateKey.generate()
NOW = 1_800_000_000_000
HOUR = 3600 * 1000


class CountingHandlers:
    def __init__(self) -> None:
        self.calls: list[str] = []
        self.fail_with: Exception | None = None

    def refresh_catalog(self) -> str:
        self.calls.append("refresh_catalog")
        if self.fail_with:
            raise self.fail_with
        return "catalog version 7"

    def upload_logs(self, command_id: str) -> str:
        self.calls.append(f"upload_logs {command_id}")
        return "2 log files"

    def retry_dead_letters(self) -> str:
        self.calls.append("retry_dead_letters")
        return "3 dead letters queued again"


def command(
    action: str = "refresh_catalog",
    terminal: str = "K7Q2M",
    issued: int = NOW - 1000,
    ttl: int = HOUR,
    key: Ed25519PrivateKey = PLATFORM,
    **extra: Any,
) -> dict[str, Any]:
    body = {
        "id": str(uuid.uuid4()),
        "terminal_id": terminal,
        "action": action,
        "args": {},
        "issued_at_ms": issued,
        "expires_at_ms": issued + ttl,
        **extra,
    }
    return sign_command(key, body)


@pytest.fixture
def parts(tmp_path: Path) -> tuple[CommandRunner, CountingHandlers, JsonCommandJournal]:
    handlers = CountingHandlers()
    journal = JsonCommandJournal(tmp_path / "commands.json")
    audit = open_terminal_audit(tmp_path, FakeClock())
    return (
        CommandRunner("K7Q2M", PLATFORM.public_key(), journal, handlers, audit),
        handlers,
        journal,
    )


def test_a_good_command_is_acted_on_once_and_its_outcome_kept_for_the_next_heartbeat(
    parts: tuple[CommandRunner, CountingHandlers, JsonCommandJournal], tmp_path: Path
) -> None:
    runner, handlers, journal = parts
    good = command("retry_dead_letters")
    [outcome] = runner.run([good], NOW)
    assert outcome.status is CommandStatus.DONE
    assert outcome.detail == "3 dead letters queued again"
    assert handlers.calls == ["retry_dead_letters"]
    assert journal.unreported() == [outcome]
    # The same command delivered again (a replayed reply) is refused, not acted on.
    [again] = runner.run([good], NOW + 1000)
    assert (again.status, again.reason) == (CommandStatus.REFUSED, "replayed")
    assert handlers.calls == ["retry_dead_letters"]
    # And after a restart: the journal on disk still knows the id.
    reopened = CommandRunner(
        "K7Q2M", PLATFORM.public_key(), JsonCommandJournal(tmp_path / "commands.json"), handlers
    )
    [third] = reopened.run([good], NOW + 2000)
    assert third.reason == "replayed"
    assert handlers.calls == ["retry_dead_letters"]
    audit = verify_chain(tmp_path / "audit.log")
    assert audit.ok and audit.head.seq == 2
    [entry, first] = open_terminal_audit(tmp_path, FakeClock()).recent(2)
    assert (first.action, first.subject, first.details["status"]) == (
        "command.retry_dead_letters",
        good["id"],
        "done",
    )
    assert entry.details == {"status": "refused", "reason": "replayed"}


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (command(key=Ed25519PrivateKey.generate()), "bad_signature"),
        ({**command(), "action": "retry_dead_letters"}, "bad_signature"),  # edited after signing
        ({**command(), "expires_at_ms": NOW + 10 * HOUR}, "bad_signature"),
        (command(terminal="ZZZZZ"), "wrong_terminal"),
        (command(issued=NOW - 2 * HOUR), "expired"),
        (command(ttl=48 * HOUR), "bad_lifetime"),
        (command(ttl=0), "bad_lifetime"),
        (command(issued=NOW + HOUR), "not_yet_valid"),
        (command(action="format_disk"), "unknown_action"),
        ({k: v for k, v in command().items() if k != "signature"}, "bad_signature"),
        ({"id": "x"}, "malformed"),
        ("refresh_catalog", "malformed"),
        (command(issued_at_ms="soon"), "malformed"),
    ],
)
def test_an_unfit_command_is_refused_recorded_and_never_acted_on(
    parts: tuple[CommandRunner, CountingHandlers, JsonCommandJournal],
    bad: Any,
    reason: str,
    tmp_path: Path,
) -> None:
    runner, handlers, journal = parts
    [outcome] = runner.run([bad], NOW)
    assert (outcome.status, outcome.reason) == (CommandStatus.REFUSED, reason)
    assert handlers.calls == []
    assert journal.unreported() == [outcome]
    [entry] = open_terminal_audit(tmp_path, FakeClock()).recent(1)
    assert entry.details == {"status": "refused", "reason": reason}


def test_a_forged_command_does_not_burn_the_id_of_the_real_one(
    parts: tuple[CommandRunner, CountingHandlers, JsonCommandJournal],
) -> None:
    runner, handlers, _ = parts
    real = command()
    forged = sign_command(Ed25519PrivateKey.generate(), real)
    assert runner.run([forged], NOW)[0].reason == "bad_signature"
    assert runner.run([real], NOW)[0].status is CommandStatus.DONE
    assert handlers.calls == ["refresh_catalog"]


def test_a_failing_action_is_reported_failed_and_not_retried(
    parts: tuple[CommandRunner, CountingHandlers, JsonCommandJournal],
) -> None:
    runner, handlers, _ = parts
    handlers.fail_with = PlatformError("platform answered 503")
    cmd = command()
    [outcome] = runner.run([cmd], NOW)
    assert (outcome.status, outcome.detail) == (CommandStatus.FAILED, "platform answered 503")
    assert runner.run([cmd], NOW)[0].reason == "replayed"
    assert handlers.calls == ["refresh_catalog"]


def test_a_command_cut_short_by_a_crash_is_reported_interrupted_and_never_redone(
    tmp_path: Path,
) -> None:
    journal = JsonCommandJournal(tmp_path / "commands.json")
    cmd = command("upload_logs")
    journal.begin(cmd["id"], "upload_logs", cmd["expires_at_ms"])  # then the power went
    after = JsonCommandJournal(tmp_path / "commands.json")
    [outcome] = after.unreported()
    assert (outcome.command_id, outcome.status) == (cmd["id"], CommandStatus.INTERRUPTED)
    handlers = CountingHandlers()
    runner = CommandRunner("K7Q2M", PLATFORM.public_key(), after, handlers)
    assert runner.run([cmd], NOW)[0].reason == "replayed"
    assert handlers.calls == []


def test_reported_outcomes_are_forgotten_and_old_ids_pruned_on_the_platform_clock(
    parts: tuple[CommandRunner, CountingHandlers, JsonCommandJournal],
) -> None:
    runner, _, journal = parts
    cmd = command()
    outcomes = runner.run([cmd], NOW)
    journal.reported(outcomes, NOW)
    assert journal.unreported() == []
    assert journal.seen(cmd["id"])
    journal.reported([], cmd["expires_at_ms"] + 23 * HOUR)
    assert journal.seen(cmd["id"])  # still kept a day past expiry
    journal.reported([], cmd["expires_at_ms"] + 25 * HOUR)
    assert not journal.seen(cmd["id"])


def test_a_damaged_journal_starts_afresh_rather_than_stopping_the_kiosk(tmp_path: Path) -> None:
    (tmp_path / "commands.json").write_text("{not json")
    assert JsonCommandJournal(tmp_path / "commands.json").unreported() == []

"""The audit log: every kind of tampering is found at the right first broken link."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.contract.records import canonical_json
from kiosk.ports.audit import AuditActor, AuditHead, AuditPersonalData, AuditRole
from kiosk.ports.clock import FakeClock
from offline_queue.audit import AuditLog, entry_hash, open_terminal_audit, verify_chain

REPO = Path(__file__).resolve().parents[2]
TECH = AuditActor(AuditRole.TECHNICIAN, "T003")
AGENT = AuditActor(AuditRole.AGENT, "A1023")


def write_log(tmp_path: Path, count: int = 10) -> AuditLog:
    clock = FakeClock()
    log = open_terminal_audit(tmp_path, clock)
    for n in range(count):
        clock.advance(7)
        actor = TECH if n % 2 else AGENT
        log.record(actor, "queue.retry_dead_letters", f"rec-{n}", {"count": n, "all": n % 3 == 0})
    return log


def lines(log: AuditLog) -> list[bytes]:
    return log.path.read_bytes().splitlines(keepends=True)


def rewrite(log: AuditLog, new_lines: list[bytes]) -> None:
    log.path.write_bytes(b"".join(new_lines))


def reseal(raw: bytes, **changes: object) -> bytes:
    """The entry with fields changed and its own hash recomputed, as a careful forger would."""
    data = {**json.loads(raw), **changes}
    data["hash"] = entry_hash(data)
    return canonical_json(data) + b"\n"


def test_a_clean_chain_verifies_with_its_head(tmp_path: Path) -> None:
    log = write_log(tmp_path)
    report = verify_chain(log.path)
    assert report.ok, report.describe()
    assert report.entries == 10
    assert report.head == log.head()
    assert report.head.seq == 10
    assert oct(log.path.stat().st_mode & 0o777) == "0o600"


def test_an_empty_log_verifies() -> None:
    assert verify_chain(Path("/nonexistent/audit.log")).ok


def test_an_edited_entry_is_the_first_broken_link(tmp_path: Path) -> None:
    log = write_log(tmp_path)
    ls = lines(log)
    ls[4] = ls[4].replace(b'"count":4', b'"count":0')
    rewrite(log, ls)
    report = verify_chain(log.path)
    assert (report.broken_seq, report.broken_line) == (5, 5)
    assert "edited" in report.reason
    assert report.head.seq == 4


def test_an_edited_entry_with_its_hash_recomputed_breaks_the_next_link(tmp_path: Path) -> None:
    log = write_log(tmp_path)
    ls = lines(log)
    ls[4] = reseal(ls[4], subject="rec-other")
    rewrite(log, ls)
    report = verify_chain(log.path)
    assert (report.broken_seq, report.broken_line) == (6, 6)
    assert "does not link to entry 5" in report.reason


def test_a_deleted_entry_is_found_where_it_was(tmp_path: Path) -> None:
    log = write_log(tmp_path)
    ls = lines(log)
    del ls[6]
    rewrite(log, ls)
    report = verify_chain(log.path)
    assert (report.broken_seq, report.broken_line) == (7, 7)
    assert "entry 7 is missing" in report.reason


def test_reordered_entries_are_found_at_the_first_one_out_of_place(tmp_path: Path) -> None:
    log = write_log(tmp_path)
    ls = lines(log)
    ls[2], ls[3] = ls[3], ls[2]
    rewrite(log, ls)
    report = verify_chain(log.path)
    assert (report.broken_seq, report.broken_line) == (3, 3)


def test_an_inserted_entry_that_links_perfectly_still_breaks_the_entry_after_it(
    tmp_path: Path,
) -> None:
    log = write_log(tmp_path)
    ls = lines(log)
    before = json.loads(ls[3])  # entry 4
    forged = reseal(ls[4], seq=5, prev=before["hash"], subject="forged")
    ls.insert(4, forged)
    rewrite(log, ls)
    report = verify_chain(log.path)
    assert (report.broken_seq, report.broken_line) == (6, 6)
    assert "found entry 5 where entry 6 belongs" in report.reason


def test_a_careless_insertion_is_found_at_once(tmp_path: Path) -> None:
    log = write_log(tmp_path)
    ls = lines(log)
    ls.insert(2, b'{"seq": 3, "action": "nothing.happened"}\n')
    rewrite(log, ls)
    report = verify_chain(log.path)
    assert (report.broken_seq, report.broken_line) == (3, 3)


def test_a_log_cut_short_is_found_against_its_head(tmp_path: Path) -> None:
    log = write_log(tmp_path)
    rewrite(log, lines(log)[:7])
    report = verify_chain(log.path)
    assert (report.broken_seq, report.broken_line) == (8, 8)
    assert "entries 8 to 10 are missing" in report.reason


def test_a_log_cut_mid_line_is_found_at_that_line(tmp_path: Path) -> None:
    log = write_log(tmp_path)
    log.path.write_bytes(log.path.read_bytes()[:-20])
    report = verify_chain(log.path)
    assert (report.broken_seq, report.broken_line) == (10, 10)
    assert "incomplete" in report.reason


def test_a_log_rewritten_with_its_head_is_found_against_the_platform_anchor(
    tmp_path: Path,
) -> None:
    log = write_log(tmp_path)
    anchor = log.head()  # what the last heartbeat told the platform
    for f in (log.path, log.head_path):
        f.unlink()
    forger = open_terminal_audit(tmp_path, FakeClock())
    for n in range(10):  # a fresh, self-consistent history without the awkward entries
        forger.record(TECH, "technician.test_page", f"page-{n}")
    assert verify_chain(log.path).ok
    report = verify_chain(log.path, anchor)
    assert (report.broken_seq, report.broken_line) == (10, 10)
    assert "rewritten" in report.reason


def test_a_torn_last_line_is_cut_off_by_the_next_writer_and_the_cut_recorded(
    tmp_path: Path,
) -> None:
    log = write_log(tmp_path, 3)
    with log.path.open("ab") as f:
        f.write(b'{"seq":4,"at_ms":17')  # a power cut during the fourth append
    assert not verify_chain(log.path).ok
    log.record(TECH, "technician.sign_in")
    report = verify_chain(log.path)
    assert report.ok, report.describe()
    newest = log.recent(2)
    assert [e.action for e in newest] == ["technician.sign_in", "audit.torn_line_removed"]
    assert newest[1].actor.role is AuditRole.SYSTEM
    assert newest[1].details == {"bytes": 19}


@pytest.mark.parametrize(
    ("actor", "subject", "details"),
    [
        (AGENT, "", {"applicant": "45112319491231003X"}),
        (AGENT, "13912345678", {}),
        (AuditActor(AuditRole.AGENT, "买买提"), "", {}),  # a full name, not masked
        (AGENT, "", {"note": "call 139-1234-5678"}),
    ],
)
def test_personal_data_is_refused_and_nothing_is_written(
    tmp_path: Path, actor: AuditActor, subject: str, details: dict[str, str]
) -> None:
    log = open_terminal_audit(tmp_path, FakeClock())
    with pytest.raises(AuditPersonalData):
        log.record(actor, "agent.served_villager", subject, details)
    assert not log.path.exists() or log.path.read_bytes() == b""


def test_masked_names_and_codes_are_accepted(tmp_path: Path) -> None:
    log = open_terminal_audit(tmp_path, FakeClock())
    entry = log.record(AuditActor(AuditRole.AGENT, "买买*"), "agent.served_villager", "张*")
    assert entry.seq == 1
    with pytest.raises(ValueError, match="action"):
        log.record(AGENT, "Not An Action")
    with pytest.raises(ValueError, match="detail"):
        log.record(AGENT, "agent.sign_in", details={"photo": b"x"})  # type: ignore[dict-item]


def test_recent_gives_the_newest_entries_first(tmp_path: Path) -> None:
    log = write_log(tmp_path, 30)
    assert [e.seq for e in log.recent(3)] == [30, 29, 28]
    assert log.recent(3)[0].details == {"count": 29, "all": False}


def _append_many(path: str, who: str) -> None:
    log = AuditLog(Path(path), FakeClock())
    for n in range(40):
        log.record(AuditActor(AuditRole.TECHNICIAN, who), "technician.test_page", str(n))


def test_two_processes_appending_at_once_keep_one_chain(tmp_path: Path) -> None:
    path = tmp_path / "audit.log"
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_append_many, args=(str(path), who)) for who in ("T1", "T2")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    report = verify_chain(path)
    assert report.ok, report.describe()
    assert report.head.seq == 80


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK__")}
    return subprocess.run(
        [sys.executable, "-m", "offline_queue", "audit", "verify", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_verify_command_reports_ok_then_the_first_broken_link(tmp_path: Path) -> None:
    log = write_log(tmp_path / "data")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[terminal]\ndata_dir = "{tmp_path / "data"}"\n', encoding="utf-8")
    ok = _cli(str(config))
    assert ok.returncode == 0, ok.stderr
    assert "audit log OK: 10 entries" in ok.stdout
    head = log.head()
    assert _cli(str(config), "--anchor", f"{head.seq}:{head.hash}").returncode == 0
    ls = lines(log)
    del ls[3]
    rewrite(log, ls)
    broken = _cli(str(config))
    assert broken.returncode == 1
    assert "first broken link at entry 4 (line 4)" in broken.stderr
    assert _cli(str(config), "--anchor", "nonsense").returncode == 2


def test_the_head_the_trail_reports_is_an_anchor_that_verifies(tmp_path: Path) -> None:
    log = write_log(tmp_path, 4)
    assert verify_chain(log.path, AuditHead(4, log.head().hash)).ok
    assert not verify_chain(log.path, AuditHead(4, "f" * 64)).ok

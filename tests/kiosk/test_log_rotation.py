"""The log file rotates at its size with a bounded number of backups, in an owner-only folder,
so a chatty fault on a terminal nobody visits for months cannot fill its disk."""

from __future__ import annotations

import json
import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import LoggingConfig
from kiosk.log import setup_logging


@pytest.fixture
def restore_root_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        handler.close()
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)


def test_logs_rotate_at_their_size_and_keep_a_bounded_number_of_backups(
    tmp_path: Path, restore_root_logging: None, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = LoggingConfig(dir=tmp_path / "logs", max_bytes=4_000, backups=2, level="INFO")
    path = setup_logging(cfg)
    log = logging.getLogger("kiosk.test.rotation")
    for n in range(400):  # about 40 kB: ten times one file
        log.info("sync cycle %d: platform unreachable, retrying 13912345678", n)
    for handler in logging.getLogger().handlers:
        handler.flush()

    names = sorted(p.name for p in cfg.dir.iterdir())
    assert names == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"]
    assert stat.S_IMODE(cfg.dir.stat().st_mode) == 0o700
    total = sum(p.stat().st_size for p in cfg.dir.iterdir())
    assert total <= cfg.max_bytes * (cfg.backups + 1)
    lines = path.read_text(encoding="utf-8").splitlines()
    newest = json.loads(lines[-1])
    assert newest["msg"] == "sync cycle 399: platform unreachable, retrying [phone]"
    assert newest["level"] == "INFO" and newest["logger"] == "kiosk.test.rotation"
    capsys.readouterr()  # the stderr copy is the journal's, which journald rotates itself

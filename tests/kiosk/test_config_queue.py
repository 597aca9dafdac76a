"""The [queue] section: limits, stub days and sync pacing from TOML or the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.errors import ConfigError


def test_queue_limits_come_from_the_file_and_the_environment(tmp_path: Path):
    path = tmp_path / "k.toml"
    path.write_text("[queue]\nsoft_count = 10\nhard_count = 20\nstub_days = 7\n")
    cfg = load_config(path, {"KIOSK__QUEUE__CHUNK_KB": "16"})
    q = cfg.queue
    assert (q.soft_count, q.hard_count, q.stub_days, q.chunk_kb) == (10, 20, 7, 16)


@pytest.mark.parametrize(
    ("key", "value", "named"),
    [
        ("SOFT_COUNT", "5000", "queue.soft_count"),  # above the hard limit
        ("STUB_DAYS", "0", "queue.stub_days"),
        ("BATCH", "500", "queue.batch"),
        ("CHUNK_KB", "1", "queue.chunk_kb"),
        ("LINK_POLL_S", "abc", "queue.link_poll_s"),
    ],
)
def test_a_bad_queue_setting_names_its_key(key: str, value: str, named: str):
    with pytest.raises(ConfigError) as err:
        load_config(None, {f"KIOSK__QUEUE__{key}": value})
    assert named in err.value.detail

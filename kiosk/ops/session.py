"""`kiosk session [CONFIG]`: the process cage starts, which starts the UI and notes how it ended.

cage 0.1.4 exits 0 whatever became of its client (tried here: a client that exits 3 and one
killed by SIGSEGV both leave cage with status 0), so systemd alone would log a crash as a clean
stop. This parent waits for the UI, writes its exit status to <data_dir>/session-exit.json,
and exits with the same status; `kiosk record-exit` (ExecStopPost) reads it. It imports no Qt
and does nothing else, so it cannot hang where the UI can.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from offline_queue.files import write_private


def ui_command(config_args: Sequence[str]) -> list[str]:
    """The UI in the same build as this process: the bundle's executable, or `python -m kiosk`."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *config_args]
    return [sys.executable, "-m", "kiosk", *config_args]


def supervise(command: Sequence[str], exit_file: Path) -> int:
    exit_file.unlink(missing_ok=True)
    child = subprocess.Popen(command)
    # systemd stops the whole cgroup; a TERM sent to this process alone is passed on.
    signal.signal(signal.SIGTERM, lambda *_: child.terminate())
    status = child.wait()
    write_private(exit_file, json.dumps({"status": status}).encode())
    return status if status >= 0 else 128 - status


def read_exit(exit_file: Path) -> int | None:
    """The UI's exit status (negative: killed by that signal), or None if none was written."""
    try:
        return int(json.loads(exit_file.read_text(encoding="utf-8"))["status"])
    except (OSError, ValueError, KeyError, TypeError):
        return None

"""The one command the terminal runs (`python -m kiosk` or the bundle's `kiosk`), by verb:

    kiosk [CONFIG]               the kiosk UI (kiosk.app, the composition root)
    kiosk session [CONFIG] [--self-test ...]   what cage runs: the UI, noting how it ended
    kiosk sync [CONFIG] [--once] the headless sync service (offline_queue)
    kiosk record-exit [CONFIG] [--service sync]   count a stop of the kiosk session or the
                                 sync service (their systemd ExecStopPost)
    kiosk disk-guard [CONFIG]    purge in a safe order when the disk runs low (systemd timer)
    kiosk update-fetch | update-apply | update-check [CONFIG]   signed updates (kiosk/updater.py)
    kiosk --version              print the version
    kiosk --self-test [CONFIG] [--printer HOST:PORT]   prove an installed build works
    kiosk diagnose [CONFIG] [--card-wait S] [--no-print]   check every configured device
                                 (`python -m devices diagnose`, in the bundle too)

Each verb imports only what it needs, so the headless ones never load Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from kiosk.config import Config, load_config
from kiosk.errors import ConfigError

HEADLESS = ("record-exit", "disk-guard")
UPDATES = ("update-fetch", "update-apply", "update-check")


def _config(args: list[str]) -> Config | None:
    try:
        return load_config(Path(args[0]) if args else None)
    except ConfigError as exc:
        print(f"configuration error: {exc.detail}", file=sys.stderr)
        return None


def record_exit(config: Config, sync: bool) -> int:
    from kiosk.ops.layout import DataLayout
    from kiosk.ops.restarts import SYNC_PREFIX, RestartCounter
    from kiosk.ops.session import read_exit
    from kiosk.ports.clock import SystemClock

    layout = DataLayout(config.terminal.data_dir)
    counter = RestartCounter(layout.restarts, SystemClock())
    if sync:
        stats = counter.record_from_systemd(os.environ, prefix=SYNC_PREFIX)
    else:  # the session-exit note is the kiosk UI's own (kiosk/ops/session.py)
        stats = counter.record_from_systemd(os.environ, read_exit(layout.session_exit))
        layout.session_exit.unlink(missing_ok=True)
    service = "sync service" if sync else "kiosk session"
    print(f"{service} stopped ({stats.last_reason}); {stats.unexpected} unexpected so far")
    return 0


def disk_guard(config: Config) -> int:
    from kiosk.ops.disk_guard import (
        DiskGuard,
        OldestFilesFirst,
        OnceStep,
        PurgeStep,
        files_in,
        rotated_logs,
        single_file,
    )
    from kiosk.ops.layout import DataLayout
    from kiosk.ops.updates import UpdateInbox
    from kiosk.ports.clock import SystemClock
    from offline_queue.credentials import Credentials
    from offline_queue.store import open_terminal_outbox

    # Logs to stderr (the journal) only: the UI and the sync service own their log files.
    layout = DataLayout(config.terminal.data_dir)
    steps: list[PurgeStep] = [
        OldestFilesFirst("rotated_logs", rotated_logs(config.logging.dir)),
        OldestFilesFirst(
            "update_downloads", files_in(layout.updates, UpdateInbox(layout.updates).keep)
        ),
        OldestFilesFirst("cached_notices", single_file(layout.notices_cache)),
    ]
    enrolment = Credentials(layout.keys).enrolment()
    outbox = None
    if enrolment is not None:
        outbox = open_terminal_outbox(
            layout.root, enrolment.seal_public_key, enrolment.terminal_id, SystemClock()
        )
        steps.append(OnceStep("receipt_stubs", outbox.purge_stubs))
    try:
        report = DiskGuard(layout.root, steps).check()
    finally:
        if outbox is not None:
            outbox.close()
    print(f"free {report.after.free} of {report.after.total} bytes; purged {report.purged}")
    return 1 if report.still_low else 0


def main(argv: list[str]) -> int:
    verb = argv[1] if len(argv) > 1 else ""
    if verb == "sync":
        from offline_queue.__main__ import main as sync_main

        return sync_main(argv[1:])
    if verb == "session":
        from kiosk.ops.layout import DataLayout
        from kiosk.ops.session import supervise, ui_command

        rest = argv[2:]
        config = _config([a for a in rest if not a.startswith("-")][:1])
        if config is None:
            return 2
        return supervise(ui_command(rest), DataLayout(config.terminal.data_dir).session_exit)
    if verb == "--version":
        from kiosk.version import VERSION

        print(VERSION)
        return 0
    if verb in UPDATES:
        config_args = [a for a in argv[2:] if not a.startswith("--")]
        config = _config(config_args)
        if config is None:
            return 2
        from kiosk.updater import main as updater

        return updater(verb, config, [a for a in argv[2:] if a.startswith("--")])
    if verb == "--self-test":
        from kiosk.self_test import main as self_test

        return self_test(argv[2:])
    if verb == "diagnose":
        from devices.__main__ import main as devices_main

        return devices_main(["diagnose", *argv[2:]])
    if verb in HEADLESS:
        rest = argv[2:]
        sync = rest[-2:] == ["--service", "sync"]
        config = _config(rest[:-2] if sync else rest)
        if config is None:
            return 2
        return record_exit(config, sync) if verb == "record-exit" else disk_guard(config)
    from kiosk.app import main as app_main

    return app_main(argv)

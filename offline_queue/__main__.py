"""`python -m offline_queue sync [CONFIG.toml] [--once]`: the headless sync service.
`python -m offline_queue audit verify [CONFIG.toml]`: checks the audit log's hash chain.

Runs apart from the UI so submissions keep flowing when the UI has crashed. It probes the
platform itself on a timer (never trusting the OS's idea of "online"), drains the outbox when
the platform answers, and purges old receipt stubs. Only one sync runs per queue (flock).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from kiosk.config import load_config
from kiosk.errors import ConfigError, PlatformError
from kiosk.log import setup_logging
from kiosk.ports.clock import SystemClock
from offline_queue.credentials import Credentials
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.store import open_terminal_outbox
from offline_queue.sync import SyncEngine
from offline_queue.sync_lock import SyncLock, SyncLockHeld

log = logging.getLogger("offline_queue")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["audit"]:
        from offline_queue.audit import cli

        return cli(argv[1:])
    parser = argparse.ArgumentParser(prog="offline_queue")
    parser.add_argument("command", choices=["sync"])
    parser.add_argument("config", nargs="?", type=Path)
    parser.add_argument("--once", action="store_true", help="one pass, then exit")
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"configuration error: {exc.detail}", file=sys.stderr)
        return 2
    setup_logging(config.logging)
    data = config.terminal.data_dir
    enrolment = Credentials(data / "keys").enrolment()
    if enrolment is None:
        print("this terminal is not enrolled yet: start the kiosk once", file=sys.stderr)
        return 2
    lock = SyncLock(data / "sync.lock")
    try:
        lock.acquire()
    except SyncLockHeld:
        print("another sync process is already draining this queue", file=sys.stderr)
        return 0
    client = PlatformClient(
        config.platform.base_url,
        config.platform.connect_timeout_s,
        config.platform.read_timeout_s,
        config.platform.ca_file,
    )
    client.signer = Signer(enrolment.terminal_id, Credentials(data / "keys").key())
    outbox = open_terminal_outbox(
        data, enrolment.seal_public_key, enrolment.terminal_id, SystemClock()
    )
    outbox.recover()
    engine = SyncEngine(outbox, client)
    try:
        while True:
            try:
                client.health()
                report = engine.drain()
                if report.delivered or report.dead or report.stopped:
                    log.info(
                        "sync: %d delivered, %d dead, %d conflicts%s",
                        report.delivered,
                        report.dead,
                        report.conflicts,
                        f"; stopped: {report.stopped}" if report.stopped else "",
                    )
            except PlatformError as exc:
                log.info("platform not reachable: %s", exc.detail)
            outbox.purge_stubs()
            if args.once:
                return 0
            time.sleep(config.platform.probe_interval_s)
    except KeyboardInterrupt:
        return 0
    finally:
        outbox.close()
        lock.release()


if __name__ == "__main__":
    raise SystemExit(main())

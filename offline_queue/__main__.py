"""`python -m offline_queue sync [CONFIG.toml] [--once]`: the headless sync service.
`python -m offline_queue audit verify [CONFIG.toml]`: checks the audit log's hash chain.
`python -m offline_queue relay-bundle CONFIG.toml BUNDLE`: pushes another terminal's queue
carried on a USB stick through this (connected) terminal (offline_queue/bundle_relay.py).

Runs apart from the UI so submissions keep flowing when the UI has crashed. It runs the same
loop as the app's sync service (offline_queue/sync_service.py): probe the platform itself,
drain, pull notices and case statuses, purge old stubs. Only one process syncs a queue
(flock); while the app holds the lock this one observes and takes over when the app is gone.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path

from kiosk.config import load_config
from kiosk.errors import ConfigError
from kiosk.log import setup_logging
from kiosk.ops.sd_notify import Notifier, Pinger
from kiosk.ports.clock import SystemClock
from kiosk.ports.sync import SyncRole
from offline_queue.credentials import Credentials
from offline_queue.terminal import build_sync_service

log = logging.getLogger("offline_queue")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["audit"]:
        from offline_queue.audit import cli

        return cli(argv[1:])
    if argv[:1] == ["relay-bundle"]:
        return relay_cli(argv[1:])
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
    credentials = Credentials(config.terminal.data_dir / "keys")
    enrolment = credentials.enrolment()
    if enrolment is None:
        print("this terminal is not enrolled yet: start the kiosk once", file=sys.stderr)
        return 2
    # The very loop the app runs; on SIGTERM/Ctrl-C it stops after the request in flight.
    service = build_sync_service(config, enrolment, credentials.key(), SystemClock())
    signal.signal(signal.SIGTERM, lambda *_: service.stop(timeout_s=0))
    # Under systemd (kiosk-sync.service, Type=notify, WatchdogSec): ready once built, then
    # pinged by the loop's own progress, so a hung cycle gets the service restarted.
    notifier = Notifier()
    if notifier.ping_interval_s is not None:
        service.alive = Pinger(notifier)
    notifier.ready("sync loop starting")
    try:
        service.run(once=args.once)
    except KeyboardInterrupt:
        return 0
    status = service.status()
    if args.once and status.role == SyncRole.OBSERVING:
        print("another sync process is already draining this queue", file=sys.stderr)
    elif args.once and status.last_error:
        print(f"sync: {status.last_error}", file=sys.stderr)
    return 0


def relay_cli(argv: list[str]) -> int:
    from kiosk.errors import PlatformError
    from kiosk.ports.bundles import BundleUnreadable
    from offline_queue.bundle_relay import relay_bundle
    from offline_queue.terminal import signed_client

    parser = argparse.ArgumentParser(prog="offline_queue relay-bundle")
    parser.add_argument("config", type=Path)
    parser.add_argument("bundle", type=Path, help="the bundle's folder on the stick")
    args = parser.parse_args(argv)
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"configuration error: {exc.detail}", file=sys.stderr)
        return 2
    credentials = Credentials(config.terminal.data_dir / "keys")
    enrolment = credentials.enrolment()
    if enrolment is None:
        print("this terminal is not enrolled: it cannot relay", file=sys.stderr)
        return 2
    client = signed_client(config, enrolment, credentials.key())
    try:
        report = relay_bundle(client, args.bundle, config.queue.chunk_kb * 1024)
    except BundleUnreadable as exc:
        print(f"refused: {exc.detail}", file=sys.stderr)
        return 2
    except PlatformError as exc:
        print(f"the platform could not be reached: {exc.detail}; run it again", file=sys.stderr)
        return 1
    finally:
        client.close()
    counts = ", ".join(f"{k} {v}" for k, v in sorted(report.outcomes.items()))
    print(f"relayed for {report.terminal_id}: {counts or 'empty'} ({report.pages_sent} pages)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The offline queue's parts for one enrolled terminal, put together in one place: the app's
composition root and the headless `python -m offline_queue sync` both build them here, so the
two run the very same sync loop with the same settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.config import Config
from kiosk.ports.clock import Clock
from offline_queue.case_status import CaseStatusRefresher, PlatformCaseSource
from offline_queue.catalog_cache import JsonFileCache
from offline_queue.credentials import Enrolment
from offline_queue.front import SharedOutbox
from offline_queue.link_watch import LinkWatcher
from offline_queue.notices import NoticeFeed
from offline_queue.operators_cache import OperatorsPull, open_operator_directory
from offline_queue.outbox_port import TerminalOutbox
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.records import Limits
from offline_queue.store import Outbox, open_terminal_outbox
from offline_queue.sync_lock import SyncLock
from offline_queue.sync_service import OpenOutbox, SyncService, SyncSettings


def signed_client(config: Config, enrolment: Enrolment, key: Ed25519PrivateKey) -> PlatformClient:
    p = config.platform
    client = PlatformClient(p.base_url, p.connect_timeout_s, p.read_timeout_s, p.ca_file)
    client.signer = Signer(enrolment.terminal_id, key)
    return client


def outbox_opener(config: Config, enrolment: Enrolment, clock: Clock) -> OpenOutbox:
    q = config.queue
    limits = Limits(q.soft_count, q.soft_age_h * 3600, q.hard_count, q.stub_days)

    def open_outbox(shared: bool) -> Outbox:
        return open_terminal_outbox(
            config.terminal.data_dir,
            enrolment.seal_public_key,
            enrolment.terminal_id,
            clock,
            limits,
            shared=shared,
        )

    return open_outbox


def notice_feed(config: Config, client: PlatformClient, clock: Clock) -> NoticeFeed:
    cache = JsonFileCache(config.terminal.data_dir / "notices.json")
    return NoticeFeed(client, cache, clock, config.queue.notices_interval_s)


def build_sync_service(
    config: Config,
    enrolment: Enrolment,
    key: Ed25519PrivateKey,
    clock: Clock,
    link_root: Path = Path("/"),
) -> SyncService:
    client = signed_client(config, enrolment, key)
    q = config.queue
    return SyncService(
        outbox_opener(config, enrolment, clock),
        client,
        SyncLock(config.terminal.data_dir / "sync.lock"),
        clock,
        SyncSettings(config.platform.probe_interval_s, q.link_poll_s, q.batch, q.chunk_kb * 1024),
        LinkWatcher(link_root),
        [
            notice_feed(config, client, clock),
            CaseStatusRefresher(client, clock, q.cases_interval_s),
            OperatorsPull(open_operator_directory(client, config.terminal.data_dir)),
        ],
    )


@dataclass
class TerminalQueue:
    """What the app wires: the sync service and the ports services use."""

    sync: SyncService
    outbox: TerminalOutbox
    cases: PlatformCaseSource
    notices: NoticeFeed
    _front: SharedOutbox
    _client: PlatformClient

    def close(self) -> None:
        """Stops the sync loop and closes the ports' connection. Thread: the app's, at exit."""
        self.sync.stop()
        self._front.close()
        self._client.close()


def build_terminal_queue(
    config: Config,
    enrolment: Enrolment,
    key: Ed25519PrivateKey,
    clock: Clock,
    link_root: Path = Path("/"),
) -> TerminalQueue:
    sync = build_sync_service(config, enrolment, key, clock, link_root)
    front = SharedOutbox(outbox_opener(config, enrolment, clock)(True))
    client = signed_client(config, enrolment, key)  # the ports' own: one call at a time each
    return TerminalQueue(
        sync,
        TerminalOutbox(front, str(enrolment.hall.get("code", "")), sync.sync_now),
        PlatformCaseSource(client, front, clock),
        notice_feed(config, client, clock),
        front,
        client,
    )

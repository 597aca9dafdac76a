"""Requests that fit the link: on a 2G link (about 3 KB/s) every upload chunk and every push
must be answered within the read timeout; on a fast one chunks grow to the largest size."""

from __future__ import annotations

from pathlib import Path

from kiosk.ports.clock import SystemClock
from offline_queue.pacing import SMALLEST, LinkPace
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.store import open_terminal_outbox
from offline_queue.sync import SyncEngine, push_groups
from tests.offline_queue.realistic import assert_exactly_once, submission
from tests.support.central import CentralHandle
from tests.support.fault_proxy import FaultProxy

KB = 1024


def test_the_first_chunk_fits_the_slowest_link_in_half_a_read_timeout():
    assert LinkPace(read_timeout_s=20, largest_chunk=64 * KB).chunk() == 30_000
    assert LinkPace(read_timeout_s=2, largest_chunk=64 * KB).chunk() == SMALLEST
    assert LinkPace(read_timeout_s=600, largest_chunk=64 * KB).chunk() == 64 * KB


def test_chunks_double_on_a_fast_link_up_to_the_largest():
    sizer = LinkPace(read_timeout_s=20, largest_chunk=64 * KB)
    sizes = []
    for _ in range(4):
        sizer.chunk_sent(sizer.chunk(), 0.01)  # about 3 MB/s
        sizes.append(sizer.chunk())
    assert sizes == [60_000, 64 * KB, 64 * KB, 64 * KB]


def test_chunks_never_aim_past_half_of_what_the_link_carries_in_a_read_timeout():
    sizer = LinkPace(read_timeout_s=20, largest_chunk=1024 * KB)
    for _ in range(10):
        sizer.chunk_sent(sizer.chunk(), sizer.chunk() / 3_000)  # a steady 3 KB/s
    assert sizer.chunk() == 30_000  # 3 KB/s x 20 s x 0.5


def test_a_failed_chunk_quarters_the_next_and_forgets_the_faster_past():
    sizer = LinkPace(read_timeout_s=20, largest_chunk=256 * KB)
    for _ in range(5):
        sizer.chunk_sent(sizer.chunk(), 0.01)
    assert sizer.chunk() == 256 * KB
    sizer.failed()
    assert sizer.chunk() == 64 * KB
    sizer.chunk_sent(sizer.chunk(), 0.01)  # one quick chunk does not jump straight back
    assert sizer.chunk() == 128 * KB
    for _ in range(5):
        sizer.failed()
    assert sizer.chunk() == SMALLEST


def test_pushes_carry_what_the_measured_link_carries_in_half_a_read_timeout():
    pace = LinkPace(read_timeout_s=20, largest_chunk=64 * KB)
    assert pace.push_bytes() is None  # not measured yet: the whole batch
    pace.carried(30_000, 10.0)  # 3 KB/s
    assert pace.push_bytes() == 30_000
    bodies = [b"x" * 12_000] * 5 + [b"y" * 40_000]
    assert [len(g) for g in push_groups(bodies, pace.push_bytes())] == [2, 2, 1, 1]
    assert push_groups(bodies, None) == [bodies]


def test_when_the_link_drops_to_2g_chunks_and_pushes_shrink_until_they_cross_in_time(
    tmp_path: Path, central: CentralHandle
):
    terminal = central.enrol()
    outbox = open_terminal_outbox(
        tmp_path, terminal.seal_public_key, terminal.terminal_id, SystemClock()
    )
    with FaultProxy(central.port) as proxy:
        # Timeouts scaled down with the test: a 3 s read timeout at 3 KB/s fits 9 kB, as
        # 20 s fits 60 kB on a real 2G link.
        client = PlatformClient(proxy.url, 1.0, 3.0)
        client.signer = Signer(terminal.terminal_id, terminal.key)
        engine = SyncEngine(outbox, client, chunk=64 * KB, rng=lambda: 0.0)
        sent: list[int] = []
        append = client.blob_append

        def spy(sha256: str, offset: int, length: int, chunk: bytes) -> int:
            sent.append(len(chunk))
            return append(sha256, offset, length, chunk)

        client.blob_append = spy  # type: ignore[method-assign]
        # A fast link first: the chunks grow to the largest.
        outbox.enqueue(submission(1, pages=1, page_bytes=150_000))
        assert engine.drain().delivered == 1
        assert sent[0] == 4_500 and max(sent) == 64 * KB  # 3 KB/s x 3 s x 0.5, then up

        # Then the link drops to 2G: the big chunks time out (the run stops, nothing is
        # lost), each failure quarters the size, until chunks cross within the timeout
        # (12 kB take 4 s, 4 kB 1.4 s).
        proxy.throttle(3_000)
        outbox.enqueue(submission(2, pages=1, page_bytes=12_000))
        del sent[:]
        stops = []
        for _ in range(6):
            report = engine.run_once()
            if report.delivered:
                break
            assert "Timeout" in report.stopped, report
            stops.append(report.stopped)
        assert report.delivered == 1 and 1 <= len(stops) <= 3, (stops, sent)
        assert sent[-1] <= SMALLEST and sent[0] > sent[-1]

        # A backlog of records on the same link goes in pushes that each cross in time.
        for n in range(10):
            outbox.enqueue(submission(10 + n, pages=0))
        del proxy.seen[:]
        report = engine.drain()
        assert report.delivered == 10 and not report.stopped, report
        assert proxy.seen.count("POST /v1/records") >= 3
    assert_exactly_once(central, outbox)

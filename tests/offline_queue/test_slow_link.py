"""Upload chunks that fit the link: on a 2G link (about 3 KB/s) every chunk must be
answered within the read timeout, on a fast one chunks grow to the largest size."""

from __future__ import annotations

from pathlib import Path

from kiosk.ports.clock import SystemClock
from offline_queue.chunking import SMALLEST, ChunkSizer
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.store import open_terminal_outbox
from offline_queue.sync import SyncEngine
from tests.offline_queue.realistic import assert_exactly_once, submission
from tests.support.central import CentralHandle
from tests.support.fault_proxy import FaultProxy

KB = 1024


def test_the_first_chunk_fits_the_slowest_link_in_half_a_read_timeout():
    assert ChunkSizer(read_timeout_s=20, largest=64 * KB).size() == 30_000
    assert ChunkSizer(read_timeout_s=2, largest=64 * KB).size() == SMALLEST
    assert ChunkSizer(read_timeout_s=600, largest=64 * KB).size() == 64 * KB


def test_chunks_double_on_a_fast_link_up_to_the_largest():
    sizer = ChunkSizer(read_timeout_s=20, largest=64 * KB)
    sizes = []
    for _ in range(4):
        sizer.sent(sizer.size(), 0.01)  # about 3 MB/s
        sizes.append(sizer.size())
    assert sizes == [60_000, 64 * KB, 64 * KB, 64 * KB]


def test_chunks_never_aim_past_half_of_what_the_link_carries_in_a_read_timeout():
    sizer = ChunkSizer(read_timeout_s=20, largest=1024 * KB)
    for _ in range(10):
        sizer.sent(sizer.size(), sizer.size() / 3_000)  # a steady 3 KB/s
    assert sizer.size() == 30_000  # 3 KB/s x 20 s x 0.5


def test_a_failed_chunk_quarters_the_next_and_forgets_the_faster_past():
    sizer = ChunkSizer(read_timeout_s=20, largest=256 * KB)
    for _ in range(5):
        sizer.sent(sizer.size(), 0.01)
    assert sizer.size() == 256 * KB
    sizer.failed()
    assert sizer.size() == 64 * KB
    sizer.sent(sizer.size(), 0.01)  # one quick chunk does not jump straight back
    assert sizer.size() == 128 * KB
    for _ in range(5):
        sizer.failed()
    assert sizer.size() == SMALLEST


def test_when_the_link_drops_to_2g_the_chunks_shrink_until_they_cross_in_time(
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

        def spy(sha: str, offset: int, length: int, chunk: bytes) -> int:
            sent.append(len(chunk))
            return append(sha, offset, length, chunk)

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
    assert_exactly_once(central, outbox)

"""PC/SC beyond the contract: the shared vpcd lock, pcscd going away and coming back, a card
already in the reader, and the APDU layer against the in-memory card model."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from devices.emulators.card_model import CardModel, kiosk_test_card, social_card, unknown_card
from devices.emulators.pcscd import lock_path, vpcd_lock
from devices.emulators.people import PEOPLE
from devices.pcsc.apdu import (
    Response,
    check,
    exchange,
    parse_ber_tlv,
    read_binary,
    read_ef,
    select_aid,
)
from devices.pcsc.driver import PcscCardReader
from devices.pcsc.profiles import TEST_CARD_AID, read_identity
from kiosk.domain.identity import CardKind
from kiosk.ports.card_reader import (
    CardEventKind,
    CardNeedsPsam,
    CardReaderError,
    UnknownCardType,
)
from tests.devices.card_reader_contract import EventRecorder
from tests.support.pcsc import PcscService, VpcdSlot

TRY_LOCK = (
    "import sys\n"
    "from devices.emulators.pcscd import vpcd_lock\n"
    "try:\n"
    "    with vpcd_lock(timeout_s=float(sys.argv[1])):\n"
    "        pass\n"
    "except TimeoutError:\n"
    "    sys.exit(3)\n"
)


def other_process_takes_lock(timeout_s: float) -> int:
    return subprocess.run(
        [sys.executable, "-c", TRY_LOCK, str(timeout_s)], check=False, timeout=300
    ).returncode


def test_the_vpcd_lock_keeps_other_processes_out_until_released() -> None:
    with vpcd_lock():
        assert other_process_takes_lock(0.3) == 3
    assert other_process_takes_lock(240) == 0
    assert lock_path().exists()


@pytest.fixture
def reader(vpcd: VpcdSlot) -> Iterator[PcscCardReader]:
    reader = PcscCardReader(vpcd.reader, retry_s=0.1)
    yield reader
    reader.close()


@pytest.mark.integration
def test_a_card_already_in_the_reader_when_it_opens_is_read(
    vpcd: VpcdSlot, reader: PcscCardReader
) -> None:
    vpcd.insert(kiosk_test_card(PEOPLE[2]))
    recorder = EventRecorder(reader)
    reader.open()
    assert recorder.wait_for(CardEventKind.IDENTITY_READ).identity == PEOPLE[2].identity(
        CardKind.KIOSK_TEST
    )


@pytest.mark.integration
def test_pcscd_stopped_and_restarted_is_a_status_and_the_reader_comes_back(
    vpcd: VpcdSlot, reader: PcscCardReader, pcsc_service: PcscService
) -> None:
    if not pcsc_service.restartable:
        pytest.skip("pcscd belongs to the system (or another process): not ours to stop")
    recorder = EventRecorder(reader)
    reader.open()
    recorder.wait_status(reader, "reader.ready")
    vpcd.insert(kiosk_test_card(PEOPLE[0]))
    recorder.wait_for(CardEventKind.IDENTITY_READ)
    pcsc_service.stop()
    vpcd.remove()
    status = recorder.wait_status(reader, "reader.no_service")
    assert not status.usable
    # The card vanished with the service: the reader says so instead of keeping it forever.
    recorder.wait_for(CardEventKind.CARD_REMOVED)
    pcsc_service.ensure_running()
    recorder.wait_status(reader, "reader.ready")
    vpcd.insert(kiosk_test_card(PEOPLE[1]))
    assert recorder.wait_for(CardEventKind.IDENTITY_READ, 2).identity == PEOPLE[1].identity(
        CardKind.KIOSK_TEST
    )
    assert recorder.kinds() == [
        CardEventKind.CARD_INSERTED,
        CardEventKind.IDENTITY_READ,
        CardEventKind.CARD_REMOVED,
        CardEventKind.CARD_INSERTED,
        CardEventKind.IDENTITY_READ,
    ]


@pytest.mark.integration
def test_reading_the_test_card_through_pcscd_is_timed_for_the_docs(
    vpcd: VpcdSlot, reader: PcscCardReader
) -> None:
    """Prints insert-to-identity and the read itself (not asserted; `make bench` has p50/p95)."""
    recorder = EventRecorder(reader)
    reader.open()
    recorder.wait_status(reader, "reader.ready")
    started = time.perf_counter()
    vpcd.insert(kiosk_test_card(PEOPLE[0]))
    inserted = recorder.wait_for(CardEventKind.CARD_INSERTED)
    t_inserted = time.perf_counter()
    recorder.wait_for(CardEventKind.IDENTITY_READ)
    t_read = time.perf_counter()
    assert inserted.kind is CardEventKind.CARD_INSERTED
    print(
        f"\nPC/SC test card: insert->identity {1000 * (t_read - started):.0f} ms "
        f"(pcscd polls every 400 ms), read after detection {1000 * (t_read - t_inserted):.1f} ms"
    )


# -- the APDU layer against the in-memory card model (unit tests) --------------------------


def test_every_profile_reads_its_card_in_memory() -> None:
    assert read_identity(kiosk_test_card(PEOPLE[3])) == PEOPLE[3].identity(CardKind.KIOSK_TEST)
    assert (
        read_identity(social_card(PEOPLE[1], psam_protected=False))
        == PEOPLE[1].social_security_identity()
    )
    with pytest.raises(CardNeedsPsam, match="6982"):
        read_identity(social_card(PEOPLE[1]))
    with pytest.raises(UnknownCardType):
        read_identity(unknown_card())


def test_a_card_that_insists_on_exact_le_is_read_through_6cxx() -> None:
    card = kiosk_test_card(PEOPLE[0], strict_le=True)
    assert read_identity(card) == PEOPLE[0].identity(CardKind.KIOSK_TEST)


class ChainedCard:
    """Answers every command with 61xx and the data in GET RESPONSE pieces of 4 bytes."""

    def __init__(self, inner: CardModel) -> None:
        self.inner = inner
        self.pending = b""
        self.sw = 0x9000

    def transmit(self, apdu: bytes) -> Response:
        if apdu[1] == 0xC0:
            piece, self.pending = self.pending[:4], self.pending[4:]
            return Response(piece, (0x6100 | len(self.pending[:4])) if self.pending else self.sw)
        answer = self.inner.transmit(apdu)
        if not answer.data:
            return answer
        self.pending, self.sw = answer.data, answer.sw
        return Response(b"", 0x6100 | min(4, len(self.pending)))


def test_61xx_answers_are_followed_with_get_response() -> None:
    card = ChainedCard(kiosk_test_card(PEOPLE[5]))
    check(exchange(card, select_aid(TEST_CARD_AID)), "SELECT")
    assert (
        read_ef(card, 0x0102)
        == kiosk_test_card(PEOPLE[5]).mf.children[0x1000].children[0x0102].data
    )


@pytest.mark.parametrize(
    ("sw", "error"),
    [(0x6982, CardNeedsPsam), (0x6A82, UnknownCardType), (0x6581, CardReaderError)],
)
def test_status_words_map_to_our_errors_with_the_sw_in_the_detail(
    sw: int, error: type[CardReaderError]
) -> None:
    with pytest.raises(error) as caught:
        check(Response(b"", sw), "READ BINARY")
    assert f"{sw:04X}" in caught.value.detail
    assert caught.value.vendor_code == f"SW={sw:04X}"  # the card's own code, for the technician


def test_a_torn_tlv_is_an_error_not_a_crash() -> None:
    with pytest.raises(CardReaderError):
        list(parse_ber_tlv(bytes.fromhex("5F0105414243")))  # says 5 bytes, has 3
    with pytest.raises(ValueError):
        read_binary(0x8000, 16)

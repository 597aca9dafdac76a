"""The resident ID reader beyond the contract: frames, the text block, a failing SAM, a reader
unplugged and plugged back, a device that does not answer, and a vendor photo library."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import time
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from devices.emulators.idreader import IdReaderEmulator, card_photo, card_text, run_command
from devices.emulators.people import PEOPLE
from devices.idreader import protocol as p
from devices.idreader.driver import SerialIdCardReader
from devices.idreader.photo import DECODE_FAILED, NoPhotoDecoder, load_photo_decoder
from kiosk.domain.identity import CardKind
from kiosk.ports.card_reader import CardEventKind, CardReaderError
from kiosk.ports.device import DeviceState
from tests.devices.card_reader_contract import EventRecorder

pytestmark = pytest.mark.integration


def test_the_find_card_frame_is_the_published_one() -> None:
    assert p.command_frame(*p.FIND_CARD) == bytes.fromhex("AAAAAA96690003200122")


def test_the_text_block_round_trips_each_awkward_person() -> None:
    for person in PEOPLE:
        identity = p.parse_text(card_text(person), None, "card.photo_unavailable_no_decoder")
        assert identity == person.resident_id_identity(), person.label
    assert card_text(PEOPLE[5])[204:208].decode("utf-16-le") == p.LONG_TERM


def test_text_outside_the_bmp_cannot_be_put_on_a_ucs2_card() -> None:
    fields = {name: "1" for name, _, _ in p.TEXT_FIELDS} | {"name": PEOPLE[3].name}
    with pytest.raises(ValueError, match="UCS-2"):
        p.build_text(fields)


@pytest.mark.parametrize(
    "data",
    [b"\x00", (256).to_bytes(2, "big") + (0).to_bytes(2, "big") + b"x" * 10],
    ids=["too_short", "shorter_than_declared"],
)
def test_a_short_read_answer_is_a_frame_error(data: bytes) -> None:
    with pytest.raises(p.FrameError):
        p.split_read_data(data)


@pytest.fixture
def link(tmp_path: Path) -> Path:
    return tmp_path / "ttyIDR"


@pytest.fixture
def emulator(link: Path) -> Iterator[IdReaderEmulator]:
    emulator = IdReaderEmulator(link=link).start()
    yield emulator
    emulator.stop()


@pytest.fixture
def reader(link: Path) -> Iterator[SerialIdCardReader]:
    reader = SerialIdCardReader(
        str(link), poll_s=0.05, retry_s=0.1, timeout_s=1.0, photo_decoder=NoPhotoDecoder()
    )
    yield reader
    reader.close()


def test_a_failing_sam_is_an_error_status_until_it_recovers(
    emulator: IdReaderEmulator, reader: SerialIdCardReader
) -> None:
    recorder = EventRecorder(reader)
    reader.open()
    recorder.wait_status(reader, "reader.ready")
    assert reader.sam_id  # read once the SAM answered
    emulator.set_sam_ok(False)
    status = recorder.wait_status(reader, "reader.sam_failed")
    assert status.state is DeviceState.ERROR
    assert status.vendor_code is not None and status.vendor_code.startswith("SW3=6")
    assert recorder.wait_for(CardEventKind.HARDWARE_ERROR).message_key == "reader.sam_failed"
    emulator.present(PEOPLE[0])
    emulator.set_sam_ok(True)
    assert recorder.wait_for(CardEventKind.IDENTITY_READ).identity is not None


def test_a_reader_unplugged_with_a_card_then_plugged_back_reads_again(
    emulator: IdReaderEmulator, reader: SerialIdCardReader, link: Path
) -> None:
    recorder = EventRecorder(reader)
    reader.open()
    emulator.present(PEOPLE[1])
    recorder.wait_for(CardEventKind.IDENTITY_READ)
    emulator.stop()
    recorder.wait_for(CardEventKind.CARD_REMOVED)
    assert recorder.wait_status(reader, "reader.missing").state is DeviceState.OFFLINE
    again = IdReaderEmulator(link=link).start()
    try:
        again.present(PEOPLE[2])
        assert recorder.wait_for(CardEventKind.IDENTITY_READ, 2).identity == (
            PEOPLE[2].resident_id_identity()
        )
    finally:
        again.stop()


def test_a_reader_plugged_in_after_the_kiosk_started_is_picked_up(
    reader: SerialIdCardReader, link: Path
) -> None:
    recorder = EventRecorder(reader)
    reader.open()
    recorder.wait_status(reader, "reader.missing")
    emulator = IdReaderEmulator(link=link).start()
    try:
        recorder.wait_status(reader, "reader.ready")
    finally:
        emulator.stop()


def test_a_device_that_does_not_speak_the_protocol_is_not_responding(tmp_path: Path) -> None:
    master, slave = os.openpty()
    tty.setraw(slave)
    reader = SerialIdCardReader(os.ttyname(slave), retry_s=0.1, timeout_s=0.2)
    try:
        recorder = EventRecorder(reader)
        reader.open()
        status = recorder.wait_status(reader, "reader.not_responding")
        assert status.state is DeviceState.OFFLINE
    finally:
        reader.close()
        os.close(master)
        os.close(slave)


def test_reading_an_id_card_over_the_pty_is_timed_for_the_docs(
    emulator: IdReaderEmulator, reader: SerialIdCardReader
) -> None:
    """Prints present-to-identity (not asserted; `make bench` has p50/p95)."""
    recorder = EventRecorder(reader)
    reader.open()
    recorder.wait_status(reader, "reader.ready")
    started = time.perf_counter()
    emulator.present(PEOPLE[2])
    recorder.wait_for(CardEventKind.IDENTITY_READ)
    elapsed = time.perf_counter() - started
    print(f"\nID card over the PTY: present->identity {1000 * elapsed:.1f} ms (poll 50 ms)")


def test_the_console_commands_drive_the_emulator(emulator: IdReaderEmulator) -> None:
    assert "买买提" not in run_command(emulator, "present 2")  # labels only, no personal data
    assert run_command(emulator, "sam fail") == "SAM fail"
    assert "commands:" in run_command(emulator, "present ninety")


# -- the vendor photo library seam, with a stand-in library built here ----------------------

FAKE_VENDOR_LIBRARY = r"""
#include <string.h>
/* Stand-in for a vendor's wlt decoder: a 102x126 24-bit BMP, one colour from the input. */
static void le32(unsigned char *p, unsigned v) { p[0]=v; p[1]=v>>8; p[2]=v>>16; p[3]=v>>24; }
int unpack(char *wlt, char *bmp, int save) {
    unsigned char *b = (unsigned char *)bmp;
    if (memcmp(wlt, "WLT-EMULATED", 12) != 0) return -1;
    memset(b, 0, 38862);
    b[0] = 'B'; b[1] = 'M'; le32(b + 2, 38862); le32(b + 10, 54); le32(b + 14, 40);
    le32(b + 18, 102); le32(b + 22, 126); b[26] = 1; b[28] = 24; le32(b + 34, 38808);
    for (int row = 0; row < 126; row++)
        for (int col = 0; col < 102; col++)
            memset(b + 54 + row * 308 + col * 3, (unsigned char)wlt[12], 3);
    return 1;
}
"""


@pytest.fixture(scope="module")
def vendor_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.fail("a C compiler is needed (build-essential, installed by make setup)")
    folder = tmp_path_factory.mktemp("vendor")
    source = folder / "wlt.c"
    source.write_text(FAKE_VENDOR_LIBRARY, encoding="ascii")
    library = folder / "libwltfake.so"
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-o", str(library), str(source)], check=True, timeout=60
    )
    return library


def test_a_vendor_photo_library_decodes_the_card_photo(vendor_library: Path) -> None:
    decoder = load_photo_decoder(str(vendor_library))
    assert decoder.unavailable_reason == DECODE_FAILED
    jpeg = decoder.decode(card_photo(PEOPLE[0]))
    assert jpeg is not None
    assert Image.open(io.BytesIO(jpeg)).size == (102, 126)
    assert decoder.decode(b"not a photo".ljust(1024, b"\0")) is None


def test_the_reader_uses_the_configured_vendor_library_end_to_end(
    emulator: IdReaderEmulator, link: Path, vendor_library: Path
) -> None:
    reader = SerialIdCardReader(str(link), poll_s=0.05, photo_library=str(vendor_library))
    try:
        recorder = EventRecorder(reader)
        reader.open()
        emulator.present(PEOPLE[0])
        identity = recorder.wait_for(CardEventKind.IDENTITY_READ).identity
        assert identity is not None and identity.card_kind is CardKind.RESIDENT_ID
        assert identity.photo_jpeg is not None and identity.photo_unavailable_reason == ""
    finally:
        reader.close()


def test_without_a_vendor_library_the_photo_is_said_to_be_unavailable() -> None:
    decoder = load_photo_decoder("/nonexistent/libwlt.so")
    assert decoder.decode(card_photo(PEOPLE[0])) is None
    assert decoder.unavailable_reason == "card.photo_unavailable_no_decoder"
    with pytest.raises(CardReaderError):
        p.parse_text(b"short", None)

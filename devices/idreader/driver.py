"""SerialIdCardReader: a resident ID card SAM reader on a serial port, through pyserial.

The protocol has no events, so the reader's own "idreader-poll" thread sends FIND CARD every
`poll_s` seconds; a found card is selected and read (text + photo) at once. A card that stops
answering FIND is confirmed gone with SELECT before card_removed is sent, because some SAMs
answer FIND with 80 for a card that is still on the reader after it has been read.
"""

from __future__ import annotations

import logging
import threading

import serial

from devices.card_reader_common import READY, CardEventHub
from devices.idreader import protocol as p
from devices.idreader.photo import PhotoDecoder, load_photo_decoder
from kiosk.domain.identity import Identity
from kiosk.ports.card_reader import (
    CardEventListener,
    CardReaderError,
    CardRemovedDuringRead,
    ReaderMissing,
    UnknownCardType,
)
from kiosk.ports.device import DeviceState, DeviceStatus, StatusListener, Unsubscribe

log = logging.getLogger(__name__)


class _NoAnswer(CardReaderError):
    message_key = "reader.not_responding"


class SamFailed(CardReaderError):
    """The reader's security module failed its self-test or is not authorised: only the
    vendor can fix it."""

    message_key = "reader.sam_failed"


MAX_FRAME = 4096  # the largest answer (text + photo) is 1295 bytes
_SAM_ERRORS = {0x60, 0x66}  # SAM self-test failed, SAM not authorised
_STATE_FOR = {"reader.sam_failed": DeviceState.ERROR, "reader.error": DeviceState.ERROR}


class SerialIdCardReader:
    """Threads: open() starts the poll thread; every event and status change is delivered on
    it; close() stops and joins it (within one serial timeout). A missing port, a device that
    does not answer frames and a failed SAM are reported as status (reader.missing,
    reader.not_responding, reader.sam_failed) and retried every `retry_s`; nothing raises out
    of the thread."""

    def __init__(
        self,
        port: str,
        *,
        baudrate: int = 115200,
        poll_s: float = 0.3,
        retry_s: float = 1.0,
        timeout_s: float = 3.0,
        photo_decoder: PhotoDecoder | None = None,
        photo_library: str = "",
    ) -> None:
        self._port_name = port
        self._baudrate = baudrate
        self._poll_s = poll_s
        self._retry_s = retry_s
        self._timeout_s = timeout_s
        self._decoder = photo_decoder or load_photo_decoder(photo_library)
        self._hub = CardEventHub(port, DeviceStatus(DeviceState.OFFLINE, "reader.missing"))
        self._serial: serial.Serial | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._present = False
        self._reset = threading.Event()
        self.sam_id = ""

    @property
    def name(self) -> str:
        return self._port_name

    def open(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="idreader-poll", daemon=True)
            self._thread.start()

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self._timeout_s + 5)
            self._thread = None
        self._close_port()

    def status(self) -> DeviceStatus:
        return self._hub.status()

    def capabilities(self) -> frozenset[str]:
        return frozenset({"identity", "resident_id"})

    def reset(self) -> None:
        """Ask the poll thread to close the port, reopen it and re-check the SAM."""
        self._reset.set()

    def cancel(self) -> None:
        """A read is one frame exchange and always ends in one event; nothing to cancel."""

    def subscribe(self, listener: StatusListener) -> Unsubscribe:
        return self._hub.subscribe_status(listener)

    def subscribe_events(self, listener: CardEventListener) -> Unsubscribe:
        return self._hub.subscribe_events(listener)

    # -- poll thread ---------------------------------------------------------------------

    def _close_port(self) -> None:
        port, self._serial = self._serial, None
        if port is not None:
            port.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                if self._reset.is_set():
                    self._reset.clear()
                    self._close_port()
                if self._serial is None:
                    self._connect()
                self._poll_once()
                self._stop.wait(self._poll_s)
            except CardReaderError as exc:
                self._close_port()
                if self._present:
                    self._present = False
                    self._hub.removed()
                state = _STATE_FOR.get(exc.message_key, DeviceState.OFFLINE)
                self._hub.set_status(
                    DeviceStatus(state, exc.message_key, exc.detail, exc.vendor_code)
                )
                self._stop.wait(self._retry_s)
            except Exception:  # the thread must survive anything to report it
                log.exception("ID reader poll failed")
                self._close_port()
                self._hub.set_status(DeviceStatus(DeviceState.ERROR, "reader.error"))
                self._stop.wait(self._retry_s)

    def _connect(self) -> None:
        try:
            self._serial = serial.Serial(
                self._port_name, self._baudrate, timeout=self._timeout_s, write_timeout=2
            )
        except (serial.SerialException, OSError) as exc:
            raise ReaderMissing(f"cannot open {self._port_name}: {type(exc).__name__}") from exc
        sw3, _ = self._transact(p.SAM_STATUS)
        if sw3 != p.SW3_OK:
            name = p.SW3_NAMES.get(sw3, "?")
            raise SamFailed(f"SAM status {sw3:02X}: {name}", vendor_code=f"SW3={sw3:02X}")
        sw3, data = self._transact(p.SAM_ID)
        self.sam_id = data[:16].hex() if sw3 == p.SW3_OK else ""
        self._hub.set_status(READY)

    def _transact(self, command: tuple[int, int]) -> tuple[int, bytes]:
        """One command frame out, one response frame back: (SW3, data). A SAM error in any
        answer raises SamFailed: the reader cannot read cards until the vendor repairs it."""
        port = self._serial
        if port is None:
            raise ReaderMissing("port closed")
        try:
            port.reset_input_buffer()
            port.write(p.command_frame(*command))
            head = port.read(7)
            if len(head) < 7 or not head.startswith(p.PREAMBLE):
                raise _NoAnswer(f"no answer to {command[0]:02X} {command[1]:02X}")
            length = int.from_bytes(head[5:7], "big")
            if length > MAX_FRAME:
                raise p.FrameError(f"frame length {length} is not plausible")
            rest = port.read(length)
        except (serial.SerialException, OSError) as exc:
            raise ReaderMissing(f"serial I/O failed: {type(exc).__name__}") from exc
        if len(rest) < length or length < 4:
            raise p.FrameError("response frame cut short")
        p.Frame(head[5:7], rest[:-1]).check(rest[-1])
        sw3 = rest[2]
        if sw3 in _SAM_ERRORS:
            name = p.SW3_NAMES.get(sw3, "?")
            raise SamFailed(f"SW3 {sw3:02X}: {name}", vendor_code=f"SW3={sw3:02X}")
        return sw3, rest[3:-1]

    def _poll_once(self) -> None:
        found = self._transact(p.FIND_CARD)[0] == p.SW3_FIND_OK
        if self._present:
            # FIND may answer 80 for a card already read; SELECT tells whether it is there.
            if not found and self._transact(p.SELECT_CARD)[0] != p.SW3_OK:
                self._present = False
                self._hub.removed()
            return
        if not found:
            return
        self._present = True
        self._hub.inserted()
        self._hub.set_status(DeviceStatus(DeviceState.BUSY, "reader.busy"))
        try:
            identity = self._read_card()
        except CardRemovedDuringRead as exc:
            self._hub.read_failed(exc.message_key, exc.detail)
            self._present = False
            self._hub.removed()
        except CardReaderError as exc:
            key = "card.unreadable" if isinstance(exc, p.FrameError) else exc.message_key
            self._hub.read_failed(key, exc.detail)
            if isinstance(exc, SamFailed | ReaderMissing | _NoAnswer):
                raise  # the reader itself failed: _run reports it and ends the card
        else:
            self._hub.identity_read(identity)
        self._hub.set_status(READY)

    def _read_card(self) -> Identity:
        sw3, _ = self._transact(p.SELECT_CARD)
        if sw3 != p.SW3_OK:
            if self._transact(p.FIND_CARD)[0] != p.SW3_FIND_OK:
                raise CardRemovedDuringRead(f"select {sw3:02X}, then no card")
            raise UnknownCardType(f"select {sw3:02X}: {p.SW3_NAMES.get(sw3, '?')}")
        sw3, data = self._transact(p.READ_TEXT_PHOTO)
        if sw3 != p.SW3_OK:
            if self._transact(p.FIND_CARD)[0] != p.SW3_FIND_OK:
                raise CardRemovedDuringRead(f"read {sw3:02X}, then no card")
            if sw3 == 0x40:
                raise UnknownCardType("SAM: unknown card type")
            raise p.FrameError(f"read {sw3:02X}: {p.SW3_NAMES.get(sw3, '?')}")
        result = p.split_read_data(data)
        return p.parse_text(
            result.text, self._photo(result.photo), self._decoder.unavailable_reason
        )

    def _photo(self, wlt: bytes) -> bytes | None:
        if not wlt:
            return None
        try:
            return self._decoder.decode(wlt)
        except Exception:  # vendor code: a failed decode costs the photo, never the read
            log.exception("card photo decoder failed")
            return None

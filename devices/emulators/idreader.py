"""A resident ID card SAM reader on a pseudo-terminal, speaking `devices/idreader/protocol.py`.

The real driver opens the PTY's slave end with pyserial exactly as it would open
/dev/ttyUSB0; the emulator answers on the master end. It serves the sample people and the
awkward cases: no card, a card pulled out during the read (SW3 41, then no card), a card that
is not a resident ID card (found, but SELECT fails with 81), and a failing SAM (60 to
everything). Like several real SAMs, it answers FIND with 80 for a card that stays on the
reader after it was read, so the driver must confirm a removal with SELECT.

Run standalone: `python -m devices.emulators.idreader --link var/idreader.tty [--person 2]`
and type commands (`present N`, `pull N`, `unknown`, `remove`, `sam fail`, `sam ok`, `list`).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import logging
import os
import select
import signal
import sys
import threading
import tty
from pathlib import Path

from devices.emulators.people import PEOPLE, Person
from devices.idreader import protocol as p

log = logging.getLogger(__name__)
SAM_ID_BYTES = bytes.fromhex("0501000000000000000000000000001A")  # made-up SAM serial number


def card_text(person: Person) -> bytes:
    """The person's 256-byte UCS-2LE text block, as the card stores it."""
    return p.build_text(
        {
            "name": person.id_card_name,
            "sex": person.sex.value,
            "ethnicity": person.ethnicity_code,
            "birth": f"{person.birth_date:%Y%m%d}",
            "address": person.address,
            "id_number": person.id_number,
            "authority": person.issuing_authority,
            "valid_from": f"{person.valid_from:%Y%m%d}",
            "valid_until": f"{person.valid_until:%Y%m%d}" if person.valid_until else p.LONG_TERM,
        }
    )


def card_photo(person: Person) -> bytes:
    """1024 bytes standing in for the vendor-compressed photo (only vendor code decodes it)."""
    seed = hashlib.sha256(person.id_number.encode()).digest()
    return (b"WLT-EMULATED" + seed * 40)[: p.PHOTO_BYTES]


class IdReaderEmulator:
    """Threads: start() opens the PTY and serves it on the "idreader-emulator" thread; the card
    controls may be called from any thread; stop() closes the PTY (to the driver this looks
    like the reader being unplugged) and joins the thread."""

    def __init__(self, *, link: Path | None = None) -> None:
        self._link = link
        self._lock = threading.Lock()
        self._person: Person | None = None
        self._unknown = False
        self._pull_out = False
        self._selected = False
        self._read_done = False
        self._sam_ok = True
        self._master = -1
        self._slave = -1
        self._slave_name = ""
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.commands: list[tuple[int, int]] = []  # every command received, for tests

    @property
    def port(self) -> str:
        """What to give the driver: the link when there is one, else the PTY's own name."""
        return str(self._link) if self._link is not None else self._slave_name

    def start(self) -> IdReaderEmulator:
        self._master, self._slave = os.openpty()
        tty.setraw(self._slave)  # no echo, no line editing: a byte-transparent line
        self._slave_name = os.ttyname(self._slave)
        if self._link is not None:
            self._link.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileNotFoundError):
                self._link.unlink()
            self._link.symlink_to(self._slave_name)
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name="idreader-emulator", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        for fd in (self._master, self._slave):
            if fd >= 0:
                os.close(fd)
        self._master = self._slave = -1
        if self._link is not None:
            with contextlib.suppress(FileNotFoundError):
                self._link.unlink()

    # -- card controls -------------------------------------------------------------------

    def present(self, person: Person, *, pull_out_mid_read: bool = False) -> None:
        """Place a person's card; with `pull_out_mid_read` it is gone once the read starts."""
        with self._lock:
            self._new_card(person, unknown=False)
            self._pull_out = pull_out_mid_read

    def present_unknown(self) -> None:
        """A contactless card that is not a resident ID card (e.g. a bank or bus card)."""
        with self._lock:
            self._new_card(None, unknown=True)

    def remove(self) -> None:
        with self._lock:
            self._new_card(None, unknown=False)

    def set_sam_ok(self, ok: bool) -> None:
        with self._lock:
            self._sam_ok = ok

    def _new_card(self, person: Person | None, *, unknown: bool) -> None:
        self._person, self._unknown = person, unknown
        self._pull_out = self._selected = self._read_done = False

    # -- serving thread ------------------------------------------------------------------

    def _serve(self) -> None:
        buffer = b""
        while not self._stop.is_set():
            readable, _, _ = select.select([self._master], [], [], 0.05)
            if not readable:
                continue
            try:
                chunk = os.read(self._master, 4096)
            except OSError:  # EIO while no one has the slave open: wait for the driver
                self._stop.wait(0.05)
                continue
            buffer += chunk
            while True:
                frame, buffer = _take_frame(buffer)
                if frame is None:
                    break
                reply = self._answer(frame)
                with contextlib.suppress(OSError):
                    os.write(self._master, reply)

    def _answer(self, frame: bytes) -> bytes:
        length, body, chk = frame[5:7], frame[7:-1], frame[-1]
        if p.xor(length + body) != chk:
            return p.response_frame(0x10)
        if len(body) < 2:
            return p.response_frame(0x11)
        command = (body[0], body[1])
        with self._lock:
            self.commands.append(command)
            return self._respond(command)

    def _respond(self, command: tuple[int, int]) -> bytes:
        if not self._sam_ok:
            return p.response_frame(0x60)  # SAM self-test failed, whatever was asked
        if command == p.SAM_STATUS:
            return p.response_frame(p.SW3_OK)
        if command == p.SAM_ID:
            return p.response_frame(p.SW3_OK, SAM_ID_BYTES)
        on_reader = self._person is not None or self._unknown
        if command == p.FIND_CARD:
            if on_reader and not self._read_done:
                return p.response_frame(p.SW3_FIND_OK, bytes(4))
            return p.response_frame(0x80)
        if command == p.SELECT_CARD:
            if self._person is None:
                return p.response_frame(0x81)
            self._selected = True
            return p.response_frame(p.SW3_OK, bytes(8))
        if command == p.READ_TEXT_PHOTO:
            if self._person is None or not self._selected:
                return p.response_frame(0x41)
            if self._pull_out:
                self._new_card(None, unknown=False)
                return p.response_frame(0x41)
            self._read_done = True
            text, photo = card_text(self._person), card_photo(self._person)
            lengths = len(text).to_bytes(2, "big") + len(photo).to_bytes(2, "big")
            return p.response_frame(p.SW3_OK, lengths + text + photo)
        return p.response_frame(0x21)


def _take_frame(buffer: bytes) -> tuple[bytes | None, bytes]:
    """One whole command frame from the front of the buffer (noise before it is dropped)."""
    start = buffer.find(p.PREAMBLE)
    if start < 0:
        return None, buffer[-(len(p.PREAMBLE) - 1) :]
    buffer = buffer[start:]
    if len(buffer) < 7:
        return None, buffer
    end = 7 + int.from_bytes(buffer[5:7], "big")
    if len(buffer) < end:
        return None, buffer
    return buffer[:end], buffer[end:]


def run_command(emulator: IdReaderEmulator, line: str) -> str:
    """One console command; returns what to tell the operator."""
    words = line.split()
    if not words:
        return ""
    verb, args = words[0], words[1:]
    try:
        if verb in ("present", "pull") and args:
            person = PEOPLE[int(args[0])]
            emulator.present(person, pull_out_mid_read=verb == "pull")
            return f"card of person {args[0]} ({person.label}) on the reader"
        if verb == "unknown":
            emulator.present_unknown()
            return "an unknown card on the reader"
        if verb == "remove":
            emulator.remove()
            return "reader empty"
        if verb == "sam" and args in (["fail"], ["ok"]):
            emulator.set_sam_ok(args[0] == "ok")
            return f"SAM {args[0]}"
    except (ValueError, IndexError):
        pass
    if verb == "list":
        return "\n".join(f"{i}: {person.label}" for i, person in enumerate(PEOPLE))
    return "commands: present N | pull N | unknown | remove | sam fail | sam ok | list"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--link", type=Path, help="symlink to create to the PTY, for the config")
    parser.add_argument("--person", type=int, help="present this sample person's card at start")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    emulator = IdReaderEmulator(link=args.link).start()
    if args.person is not None:
        emulator.present(PEOPLE[args.person])
    sys.stdout.write(f"ID reader on {emulator.port}; type `list` for the sample people\n")
    sys.stdout.flush()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    console = threading.Thread(target=_console, args=(emulator,), daemon=True)
    console.start()  # stdin may be closed (a service): then the emulator just keeps serving
    while not stop.wait(0.5):
        pass
    emulator.stop()
    return 0


def _console(emulator: IdReaderEmulator) -> None:
    for line in sys.stdin:
        reply = run_command(emulator, line)
        if reply:
            sys.stdout.write(reply + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main())

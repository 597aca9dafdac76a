"""A virtual smart card for pcscd's vpcd driver, speaking vpcd's socket protocol.

vpcd (package vsmartcard-vpcd) listens on TCP 35963 (reader "Virtual PCD 00 00") and 35964
("Virtual PCD 00 01"). The card is the TCP client: connecting inserts it, closing removes it.
Every message is a 2-byte big-endian length and a payload; a 1-byte payload is a control
byte (0 power off, 1 power on, 2 reset, 4 get ATR), anything longer is a C-APDU answered with
data + SW. vpcd writes length and payload as two segments, so without TCP_QUICKACK (re-armed
before every recv, Linux clears it) Nagle and delayed ACK cost about 44 ms per APDU.

Run standalone: `python -m devices.emulators.vcard --person 2 [--profile social] [--port N]`.
Never install vsmartcard-vpcd on a production kiosk: it listens on 0.0.0.0.
"""

from __future__ import annotations

import argparse
import logging
import signal
import socket
import struct
import sys
import threading

from devices.emulators.card_model import CardModel, kiosk_test_card, social_card, unknown_card
from devices.emulators.people import PEOPLE

log = logging.getLogger(__name__)
VPCD_PORT = 35963


class VirtualCard:
    """One card that can be inserted into and removed from a vpcd reader slot.

    insert() connects and serves APDUs on its own thread; remove() disconnects and joins it.
    With `pull_out_after`, the card disconnects on its own after that many APDUs (a villager
    pulling the card out mid-read). Raises OSError from insert() when vpcd is not listening.
    """

    def __init__(
        self, card: CardModel, port: int = VPCD_PORT, *, pull_out_after: int | None = None
    ) -> None:
        self.card = card
        self.port = port
        self.pull_out_after = pull_out_after
        self.apdus = 0
        self.disconnected = threading.Event()
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def insert(self) -> None:
        self._stop.clear()
        self.disconnected.clear()
        self.apdus = 0
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        sock.settimeout(0.1)  # bounds how long remove() waits for the serving thread
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock = sock
        self._thread = threading.Thread(target=self._serve, name="vcard", daemon=True)
        self._thread.start()

    def remove(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    def _recv_exact(self, sock: socket.socket, n: int) -> bytes | None:
        buf = b""
        while len(buf) < n:
            if self._stop.is_set():
                return None
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            try:
                chunk = sock.recv(n - len(buf))
            except TimeoutError:
                continue
            if not chunk:
                return None
            buf += chunk
        return buf

    def _serve(self) -> None:
        sock = self._sock
        if sock is None:
            return
        try:
            while True:
                header = self._recv_exact(sock, 2)
                if header is None:
                    break
                (length,) = struct.unpack(">H", header)
                payload = self._recv_exact(sock, length)
                if payload is None:
                    break
                reply = self._answer(payload)
                if reply is None and self.pull_out_after is not None:
                    if self.apdus > self.pull_out_after:
                        break  # pulled out: vanish without answering
                if reply is not None:
                    sock.sendall(struct.pack(">H", len(reply)) + reply)
        except OSError as exc:
            log.info("virtual card connection ended: %s", exc)
        finally:
            sock.close()
            self.disconnected.set()

    def _answer(self, payload: bytes) -> bytes | None:
        if len(payload) == 1:
            if payload[0] == 4:
                return self.card.atr
            if payload[0] in (1, 2):  # power on / reset: back to the MF
                self.card.current_df, self.card.current_ef = self.card.mf, None
            return None
        self.apdus += 1
        if self.pull_out_after is not None and self.apdus > self.pull_out_after:
            return None
        return self.card.process(payload)


def build_card(profile: str, person: int, *, psam_protected: bool = True) -> CardModel:
    if profile == "unknown":
        return unknown_card()
    if profile == "social":
        return social_card(PEOPLE[person], psam_protected=psam_protected)
    return kiosk_test_card(PEOPLE[person])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--person", type=int, default=0, help="index into the sample people")
    parser.add_argument("--profile", choices=("test", "social", "unknown"), default="test")
    parser.add_argument("--open-ef06", action="store_true", help="social card without PSAM lock")
    parser.add_argument("--port", type=int, default=VPCD_PORT)
    parser.add_argument("--list", action="store_true", help="list the sample people and exit")
    args = parser.parse_args(argv)
    if args.list:
        for i, person in enumerate(PEOPLE):
            sys.stdout.write(f"{i}: {person.label}\n")
        return 0
    logging.basicConfig(level=logging.INFO)
    card = VirtualCard(
        build_card(args.profile, args.person, psam_protected=not args.open_ef06), args.port
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        card.insert()
    except OSError as exc:
        sys.stderr.write(f"vpcd is not listening on port {args.port} (pcscd running?): {exc}\n")
        return 1
    sys.stdout.write(
        f"card inserted: vpcd port {args.port}, {args.profile}, person {args.person}\n"
    )
    sys.stdout.flush()
    while not stop.is_set() and not card.disconnected.is_set():
        stop.wait(0.5)
    card.remove()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

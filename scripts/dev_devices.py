"""The device emulators `make run` starts, and the console that drives them.

pcscd (started if none is running) with a virtual card in vpcd's second slot ("Virtual PCD 00
01"; the tests use the first), the resident ID reader on a pseudo-terminal, the ESC/POS network
printer writing var/printer/job-NNN.png, and a demo video as the camera. env() gives the
KIOSK__DEVICES_* overrides that point the kiosk at them. Type `help` in the make run terminal.
"""

from __future__ import annotations

import logging
from pathlib import Path

import cv2
import numpy as np

from devices.emulators.card_model import CardModel
from devices.emulators.escpos_printer import EscposPrinterEmulator, PaperState
from devices.emulators.idreader import IdReaderEmulator
from devices.emulators.idreader import run_command as id_command
from devices.emulators.pcscd import (
    RUN_SLOT,
    PcscdProcess,
    PcscdUnavailable,
    pcscd_running,
    vpcd_lock,
)
from devices.emulators.people import PEOPLE
from devices.emulators.vcard import VirtualCard, build_card

log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[1]
FACE = ROOT / "tests" / "devices" / "data" / "astronaut_head.jpg"
HELP = """device console (type a command and Enter):
  card N | card social N | card open N | card unknown | card out   the PC/SC reader
  id N | id pull N | id unknown | id out | id sam fail | id sam ok  the ID card reader
  paper ok | paper near_end | paper out | paper offline | paper mute the printer
  people                                                          the sample people"""


def demo_video(path: Path) -> Path:
    """A few seconds of a face moving slightly in front of a wall, 640x480 MJPG, made once."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    face = cv2.imread(str(FACE)) if FACE.exists() else None
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15.0, (640, 480))
    for i in range(45):
        frame = np.full((480, 640, 3), (180, 190, 200), dtype=np.uint8)
        if face is not None:
            face_big = cv2.resize(face, (240, 300))
            x = 200 + int(10 * np.sin(i / 7))
            frame[90:390, x : x + 240] = face_big
        writer.write(frame)
    writer.release()
    return path


class DevDevices:
    """Owns every emulator it starts; stop() stops them all (pcscd only if it started it)."""

    def __init__(self, var: Path) -> None:
        self._var = var
        self._pcscd: PcscdProcess | None = None
        self._card: VirtualCard | None = None
        self.printer = EscposPrinterEmulator(out_dir=var / "printer")
        self.id_reader = IdReaderEmulator(link=var / "devices" / "idreader.tty")
        self.camera = demo_video(var / "camera" / "demo.avi")
        self.pcsc_note = ""
        self._started = False

    def start(self) -> None:
        self.printer.start()
        self.id_reader.start()
        self._started = True
        try:
            with vpcd_lock():
                if not pcscd_running():
                    self._pcscd = PcscdProcess()
                    self._pcscd.start()
        except (PcscdUnavailable, TimeoutError) as exc:
            self.pcsc_note = f"PC/SC reader unavailable: {exc}"
        self.insert(build_card("test", 0))

    def stop(self) -> None:
        self.remove_card()
        if self._started:
            self._started = False
            self.id_reader.stop()
            self.printer.stop()
        if self._pcscd is not None:
            with vpcd_lock():  # a test may be using our pcscd: wait for it to finish
                self._pcscd.stop()

    def env(self) -> dict[str, str]:
        host, port = self.printer.address
        return {
            "KIOSK__DEVICES_CARD_READER__READER": RUN_SLOT[1],
            "KIOSK__DEVICES_ID_READER__PORT": self.id_reader.port,
            "KIOSK__DEVICES_PRINTER__TRANSPORT": "network",
            "KIOSK__DEVICES_PRINTER__HOST": host,
            "KIOSK__DEVICES_PRINTER__PORT": str(port),
            "KIOSK__DEVICES_CAMERA__SOURCE": str(self.camera),
            "KIOSK__DEVICES_CAMERA__LOOP": "true",
        }

    def insert(self, card: CardModel) -> str:
        self.remove_card()
        self._card = VirtualCard(card, RUN_SLOT[0])
        try:
            self._card.insert()
        except OSError as exc:
            self._card = None
            return f"no virtual card: vpcd is not listening ({exc.strerror})"
        return f"card in {RUN_SLOT[1]}"

    def remove_card(self) -> None:
        if self._card is not None:
            self._card.remove()
            self._card = None

    def command(self, line: str) -> str:
        """One console line; returns what to tell the developer."""
        words = line.split()
        if not words:
            return ""
        head, rest = words[0], words[1:]
        try:
            if head == "card":
                return self._card_command(rest)
            if head == "id" and rest:
                words = ["present", *rest] if rest[0].isdigit() else rest
                return id_command(self.id_reader, " ".join(words).replace("out", "remove"))
            if head == "paper" and rest:
                self.printer.set_state(PaperState(rest[0]))
                return f"printer {rest[0]}"
            if head == "people":
                return "\n".join(f"{i}: {p.label}" for i, p in enumerate(PEOPLE))
        except (ValueError, IndexError):
            pass
        return HELP

    def _card_command(self, rest: list[str]) -> str:
        if rest == ["out"]:
            self.remove_card()
            return "card out"
        if rest == ["unknown"]:
            return self.insert(build_card("unknown", 0))
        if len(rest) == 2 and rest[0] in ("social", "open"):
            return self.insert(build_card("social", int(rest[1]), psam_protected=rest[0] != "open"))
        return self.insert(build_card("test", int(rest[0])))

"""An ESC/POS printer on TCP (port 9100 style) and, on request, on serial lines (PTYs), for
tests and `make run`.

It answers DLE EOT 1/4 status queries as configured (ok, near end, out, offline, or mute:
never answer), switchable at run time; decodes each connection's bytes into a job (text,
raster images, QR payloads, barcodes, cuts) and, given an output folder, writes job-NNN.png
(the paper as printed, in order) and job-NNN.json (the decoded content).

    python -m devices.emulators.escpos_printer --port 9100 --out var/printer

Standalone, type a state name (ok, near_end, out, offline, mute) and Enter to switch.
Connection handlers run on the server's threads; `jobs` is guarded by a lock.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import select
import signal
import socket
import socketserver
import sys
import threading
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

import qrcode
from PIL import Image, ImageDraw

from devices.emulators.escpos_decoder import DecodedJob, decode, parse_command
from devices.receipt_layout import load_font

log = logging.getLogger(__name__)
PAPER_DOTS = 576


class PaperState(StrEnum):
    OK = "ok"
    NEAR_END = "near_end"
    OUT = "out"
    OFFLINE = "offline"
    MUTE = "mute"


# (DLE EOT 1, DLE EOT 4) answers. Bits 1 and 4 are always set; out of paper also sets offline.
_ANSWERS = {
    PaperState.OK: (0x12, 0x12),
    PaperState.NEAR_END: (0x12, 0x1E),
    PaperState.OUT: (0x1A, 0x72),
    PaperState.OFFLINE: (0x1A, 0x12),
}


# A line's reader: bytes, None when nothing came within its poll interval, b"" once it closed.
Recv = Callable[[], bytes | None]


def _serve_line(emulator: EscposPrinterEmulator, recv: Recv, send: Callable[[bytes], None]) -> None:
    """One connection (TCP) or one open of the serial line: a job, with status answers."""
    buf = bytearray()
    job = bytearray()
    pos = 0
    while not emulator.stopping.is_set():
        chunk = recv()
        if chunk is None:
            continue
        if not chunk:
            break
        buf += chunk
        data = bytes(buf)
        while pos < len(data):
            cmd = parse_command(data, pos)
            if cmd is None:
                break
            if cmd.kind == "status_query":
                answer = emulator.answer(cmd.number)
                if answer is not None:
                    send(bytes([answer]))
            else:
                job += data[cmd.start : cmd.end]
                if cmd.kind == "image":
                    emulator.on_paper_used()
            pos = cmd.end
    job += buf[pos:]
    if job:
        emulator.finish_job(bytes(job))


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        emulator = self.server.emulator
        sock: socket.socket = self.request
        sock.settimeout(0.2)

        def recv() -> bytes | None:
            try:
                return sock.recv(65536)
            except TimeoutError:
                return None
            except OSError:
                return b""

        emulator.connection_changed(+1)
        try:
            _serve_line(emulator, recv, sock.sendall)
        finally:
            emulator.connection_changed(-1)


class SerialLine:
    """The same printer on a serial port: a pseudo-terminal whose other end (`port`) the
    driver opens with pyserial. A job is what comes between the driver's open and close:
    the emulator holds no descriptor of that end, so the driver's close ends the job (EIO)."""

    def __init__(self, emulator: EscposPrinterEmulator) -> None:
        self.emulator = emulator
        self._open = False  # counted as a connection from its first byte (for wait_idle)
        self._master, slave = os.openpty()
        self.port = os.ttyname(slave)
        os.close(slave)
        self._thread = threading.Thread(target=self._serve, name="escpos-serial", daemon=True)
        self._thread.start()

    def _recv(self) -> bytes | None:
        readable, _, _ = select.select([self._master], [], [], 0.05)
        if not readable:
            return None
        try:
            chunk = os.read(self._master, 65536)
        except OSError:  # EIO: nobody has the line open (any more)
            return b""
        if not self._open:
            self._open = True
            self.emulator.connection_changed(+1)
        return chunk

    def _send(self, data: bytes) -> None:
        with contextlib.suppress(OSError):
            os.write(self._master, data)

    def _serve(self) -> None:
        while not self.emulator.stopping.is_set():
            _serve_line(self.emulator, self._recv, self._send)
            if self._open:
                self._open = False
                self.emulator.connection_changed(-1)
            else:
                self.emulator.stopping.wait(0.02)  # nobody has the line open: look again soon

    def close(self) -> None:
        self._thread.join(timeout=5)
        os.close(self._master)


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = False
    block_on_close = True  # server_close() joins every connection thread
    emulator: EscposPrinterEmulator


class EscposPrinterEmulator:
    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        out_dir: Path | None = None,
        state: PaperState = PaperState.OK,
    ) -> None:
        self._server = _Server((host, port), _Handler, bind_and_activate=True)
        self._server.emulator = self
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._jobs_changed = threading.Condition(self._lock)
        self.stopping = threading.Event()
        self.out_dir = out_dir
        self.state = state
        self.jobs: list[DecodedJob] = []
        self._run_out_on_next_image = False
        self._connections = 0
        self._serial_lines: list[SerialLine] = []

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    def start(self) -> EscposPrinterEmulator:
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def serial_line(self) -> str:
        """Also serve on a new serial line; returns the port for the driver to open."""
        line = SerialLine(self)
        self._serial_lines.append(line)
        return line.port

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        for line in self._serial_lines:
            line.close()

    def set_state(self, state: PaperState) -> None:
        self.state = state

    def run_out_during_next_job(self) -> None:
        """The paper ends while the next raster is printing: the job comes out incomplete."""
        self._run_out_on_next_image = True

    def answer(self, query: int) -> int | None:
        if self.state is PaperState.MUTE:
            return None
        printer_byte, paper_byte = _ANSWERS[self.state]
        return paper_byte if query == 4 else printer_byte

    def on_paper_used(self) -> None:
        if self._run_out_on_next_image:
            self._run_out_on_next_image = False
            self.state = PaperState.OUT

    def finish_job(self, raw: bytes) -> None:
        job = decode(raw)
        if not (job.commands):
            return
        with self._jobs_changed:
            self.jobs.append(job)
            number = len(self.jobs)
            self._jobs_changed.notify_all()
        if self.out_dir is not None:
            write_job_files(job, self.out_dir, number)
        log.info("job %d: %d bytes, %d images", number, len(raw), len(job.images))

    def connection_changed(self, delta: int) -> None:
        with self._jobs_changed:
            self._connections += delta
            self._jobs_changed.notify_all()

    def wait_idle(self, timeout_s: float = 5.0) -> list[DecodedJob]:
        """Every job so far, once no connection is open (a job ends when its client closes)."""
        with self._jobs_changed:
            self._jobs_changed.wait_for(lambda: self._connections == 0, timeout=timeout_s)
            return list(self.jobs)

    def wait_for_jobs(self, count: int, timeout_s: float = 5.0) -> list[DecodedJob]:
        with self._jobs_changed:
            self._jobs_changed.wait_for(lambda: len(self.jobs) >= count, timeout=timeout_s)
            return list(self.jobs)


def render_job(job: DecodedJob) -> Image.Image:
    """The paper as printed: blocks in the order they came, on a white strip."""
    font = load_font(24)
    width = max((img.width for img in job.images), default=PAPER_DOTS)
    blocks: list[Image.Image] = []
    line = ""

    def flush_text() -> None:
        nonlocal line
        block = Image.new("L", (width, 32), 255)
        ImageDraw.Draw(block).text((4, 2), line, font=font, fill=0)
        blocks.append(block)
        line = ""

    for cmd in job.commands:
        if cmd.kind == "text":
            line += cmd.text
            continue
        if line or cmd.kind == "newline":
            flush_text()
        if cmd.image is not None:
            blocks.append(cmd.image.convert("L"))
        elif cmd.kind == "qr":
            blocks.append(qrcode.make(cmd.text, box_size=6).get_image().convert("L"))
        elif cmd.kind == "barcode":
            line = f"[barcode {cmd.text}]"
            flush_text()
        elif cmd.kind == "cut":
            cut = Image.new("L", (width, 24), 255)
            for x in range(0, width, 16):
                ImageDraw.Draw(cut).line((x, 12, x + 8, 12), fill=0, width=2)
            blocks.append(cut)
        elif cmd.kind == "feed":
            blocks.append(Image.new("L", (width, 8 * cmd.number), 255))
    if line:
        flush_text()
    paper = Image.new("L", (width, max(1, sum(b.height for b in blocks))), 255)
    y = 0
    for block in blocks:
        paper.paste(block, (0, y))
        y += block.height
    return paper


def write_job_files(job: DecodedJob, out_dir: Path, number: int) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    png = out_dir / f"job-{number:03d}.png"
    render_job(job).save(png)
    (out_dir / f"job-{number:03d}.json").write_text(
        json.dumps(job.to_json(), ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ESC/POS network printer emulator")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9100)
    parser.add_argument("--out", type=Path, default=Path("var/printer"))
    parser.add_argument("--state", choices=[s.value for s in PaperState], default="ok")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    emulator = EscposPrinterEmulator(args.host, args.port, args.out, PaperState(args.state))
    emulator.start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # so `finally` stops the server
    log.info("ESC/POS emulator on %s:%d, jobs to %s", *emulator.address, args.out)
    try:
        for raw in sys.stdin:
            try:
                emulator.set_state(PaperState(raw.strip()))
                log.info("state now %s", emulator.state)
            except ValueError:
                log.warning("states: %s", ", ".join(s.value for s in PaperState))
        threading.Event().wait()  # stdin closed (e.g. run in the background): serve on
    except KeyboardInterrupt:
        pass
    finally:
        emulator.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

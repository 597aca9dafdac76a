"""Device figures for `make bench` (or `python -m bench.devices`): medians and p95, no thresholds.

- card insert -> identity through pcscd + vpcd with the virtual test card (includes pcscd's
  400 ms presence poll) and the read itself (inserted -> identity);
- ID card over the PTY: present -> identity (with a 50 ms poll) and the read itself;
- a receipt: job bytes and time to print to the ESC/POS emulator, at 58 and 80 mm;
- face detection frames per second on a 640x480 stream with a busy "UI" thread beside it;
- a document page: bytes sent against the raw frame as PNG;
- a Mandarin voice prompt: synthesis time and length.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from functools import partial

import cv2
import numpy as np

from devices.camera.documents import process_document
from devices.emulators.card_model import kiosk_test_card
from devices.emulators.escpos_printer import EscposPrinterEmulator
from devices.emulators.idreader import IdReaderEmulator
from devices.emulators.pcscd import TEST_SLOT, PcscdProcess, pcscd_running, vpcd_lock
from devices.emulators.people import PEOPLE
from devices.emulators.vcard import VirtualCard
from devices.escpos_printer import escpos_printer_from_config
from devices.espeak_voice import EspeakVoice
from devices.idreader.driver import SerialIdCardReader
from devices.idreader.photo import NoPhotoDecoder
from devices.pcsc.driver import PcscCardReader
from kiosk.ports.card_reader import CardEvent, CardEventKind, CardReader


def pct(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, int(q * len(values)))] * 1000


def spread(values: list[float]) -> str:
    return f"p50 {pct(values, 0.5):.1f} ms, p95 {pct(values, 0.95):.1f} ms (n={len(values)})"


class Timings:
    """Per card: when it went in, when the reader saw it, when the identity came."""

    def __init__(self, reader: CardReader) -> None:
        self.seen = threading.Event()
        self.done = threading.Event()
        self.inserted_at = 0.0
        self.read_at = 0.0
        reader.subscribe_events(self._event)

    def _event(self, event: CardEvent) -> None:
        if event.kind is CardEventKind.CARD_INSERTED:
            self.inserted_at = time.perf_counter()
        elif event.kind is CardEventKind.IDENTITY_READ:
            self.read_at = time.perf_counter()
            self.done.set()

    def cycle(self, present: Callable[[], None], remove: Callable[[], None]) -> tuple[float, float]:
        self.done.clear()
        started = time.perf_counter()
        present()
        if not self.done.wait(15):
            raise RuntimeError("no identity within 15 s")
        remove()
        return self.read_at - started, self.read_at - self.inserted_at


def bench_pcsc(n: int = 20) -> None:
    with vpcd_lock():
        own = None if pcscd_running() else PcscdProcess()
        if own is not None:
            own.start()
        reader = PcscCardReader(TEST_SLOT[1], retry_s=0.2)
        timings = Timings(reader)
        reader.open()
        card = VirtualCard(kiosk_test_card(PEOPLE[0]), TEST_SLOT[0])
        try:
            totals, reads = [], []
            for _ in range(n):
                total, read = timings.cycle(card.insert, card.remove)
                totals.append(total)
                reads.append(read)
                time.sleep(0.5)  # let pcscd see the removal
        finally:
            reader.close()
            card.remove()
            if own is not None:
                own.stop()
    print(f"PC/SC test card, insert -> identity: {spread(totals)}")
    print(f"PC/SC test card, read (inserted -> identity, 3 files, about 4 kB): {spread(reads)}")


def bench_id_reader(n: int = 50) -> None:
    emulator = IdReaderEmulator().start()
    reader = SerialIdCardReader(emulator.port, poll_s=0.05, photo_decoder=NoPhotoDecoder())
    timings = Timings(reader)
    reader.open()
    try:
        totals, reads = [], []
        for i in range(n):
            person = PEOPLE[i % len(PEOPLE)]
            total, read = timings.cycle(partial(emulator.present, person), emulator.remove)
            totals.append(total)
            reads.append(read)
            time.sleep(0.15)
    finally:
        reader.close()
        emulator.stop()
    print(f"ID card over the PTY, present -> identity (50 ms poll): {spread(totals)}")
    print(f"ID card over the PTY, read (SELECT + READ, 1,295-byte answer): {spread(reads)}")


def bench_receipts(n: int = 10) -> None:
    from tests.devices.receipts import sample_receipt

    emulator = EscposPrinterEmulator().start()
    try:
        host, port = emulator.address
        for paper in (58, 80):
            printer = escpos_printer_from_config(
                {"transport": "network", "host": host, "port": port, "paper_mm": paper}
            )
            times, size = [], 0
            for _ in range(n):
                started = time.perf_counter()
                size = printer.print_receipt(sample_receipt()).job_bytes
                times.append(time.perf_counter() - started)
            print(f"receipt {paper} mm: {size / 1024:.0f} kB per job, print {spread(times)}")
    finally:
        emulator.stop()


def bench_faces(seconds: float = 5.0) -> None:
    from devices.face.dlib_face import DlibFaceEngine

    engine = DlibFaceEngine()
    face = cv2.imread("tests/devices/data/astronaut_head.jpg")
    frame = np.full((480, 640, 3), 170, np.uint8)
    if face is not None:
        frame[90:390, 200:440] = cv2.resize(face, (240, 300))
    stop = threading.Event()
    ticks = [0]

    def busy_ui() -> None:  # a GUI thread repainting: pure Python work, holding the GIL often
        while not stop.is_set():
            sum(i * i for i in range(2000))
            ticks[0] += 1

    def fps() -> float:
        frames, started = 0, time.perf_counter()
        while time.perf_counter() - started < seconds:
            engine.detect(frame)
            frames += 1
        return frames / (time.perf_counter() - started)

    alone = fps()
    ui = threading.Thread(target=busy_ui)
    ui.start()
    started = time.perf_counter()
    beside = fps()
    elapsed = time.perf_counter() - started
    stop.set()
    ui.join()
    print(
        f"face detection, 640x480: {alone:.1f} frames/s alone, {beside:.1f} beside a busy UI "
        f"thread (which ran {ticks[0] / elapsed:.0f} work units/s meanwhile)"
    )


def bench_document() -> None:
    from tests.devices.synthetic_documents import photograph, synthetic_page

    frame = photograph(synthetic_page())
    ok, raw = cv2.imencode(".png", frame)
    started = time.perf_counter()
    _, page, _ = process_document(frame)
    elapsed = time.perf_counter() - started
    if not ok or page is None:
        raise RuntimeError("the synthetic page did not process")
    print(
        f"document page: {len(page.data) / 1024:.0f} kB {page.mime} q{page.quality} "
        f"{page.size[0]}x{page.size[1]} against {len(raw) / 1024:.0f} kB raw PNG frame "
        f"({len(raw) / len(page.data):.0f}x smaller), processed in {1000 * elapsed:.0f} ms"
    )


def bench_voice(n: int = 5) -> None:
    voice = EspeakVoice(player="none")
    voice.open()
    try:
        times, length = [], 0.0
        for _ in range(n):
            started = time.perf_counter()
            voice.speak("您好，请把身份证放在读卡区。", "zh_CN")
            voice.wait_idle(30)
            times.append(time.perf_counter() - started)
            prompt = voice.last_prompt()
            length = prompt.duration_s if prompt else 0.0
    finally:
        voice.close()
    print(f"voice prompt (Mandarin, {length:.1f} s of speech): synthesis {spread(times)}")


def main() -> int:
    bench_pcsc()
    bench_id_reader()
    bench_receipts()
    bench_faces()
    bench_document()
    bench_voice()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Device self-check: read a card, take a picture, print a test page, speak a test prompt.

Qt-free; `python -m devices diagnose` prints the results and the technician screen shows the
same DiagnosisResult objects. Every check runs on the calling worker thread, never raises for
a device, and names what it saw in plain Chinese (a read card only as its masked name).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from datetime import datetime

from devices.pcsc.driver import PcscCardReader
from devices.printer_camera_checks import check_camera, check_printer
from devices.registry import FACE_READY, KioskDevices, LazyFaceEngine
from kiosk.domain.identity import CardKind
from kiosk.ports.camera import Camera
from kiosk.ports.card_reader import CardEvent, CardEventKind, CardReader
from kiosk.ports.device import DeviceState, DeviceStatus
from kiosk.ports.diagnosis import DiagnosisResult
from kiosk.ports.face import FaceEngine, FaceError
from kiosk.ports.printer import ReceiptPrinter
from kiosk.ports.voice import VoicePrompter

TITLES = {
    "card_reader": "社保卡读卡器",
    "id_reader": "身份证读卡器",
    "printer": "打印机",
    "camera": "摄像头",
    "face": "人脸比对",
    "voice": "语音提示",
}
CARD_KINDS = {
    CardKind.RESIDENT_ID: "居民身份证",
    CardKind.SOCIAL_SECURITY: "社会保障卡",
    CardKind.KIOSK_TEST: "终端测试卡",
}
TEST_PROMPT = "语音测试。您好，欢迎使用便民服务终端。"
READY_WAIT_S = 5.0  # a reader's own thread needs a moment to find its hardware
OTHER_READERS_S = 2.0  # after one reader read a card, how long the others still wait
VOICE_WAIT_S = 30.0


class _FirstCard:
    """Remembers a reader's first read outcome and how long it took after insertion."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.result: CardEvent | None = None
        self.inserted_at: float | None = None
        self.read_ms = 0.0

    def __call__(self, event: CardEvent) -> None:
        if event.kind is CardEventKind.CARD_INSERTED and self.inserted_at is None:
            self.inserted_at = time.perf_counter()
        elif event.kind in (CardEventKind.IDENTITY_READ, CardEventKind.READ_FAILED):
            if self.result is None:
                self.read_ms = 1000 * (time.perf_counter() - (self.inserted_at or 0.0))
                self.result = event
                self.done.set()


def _wait_usable(reader: CardReader, deadline: float) -> DeviceStatus:
    while time.monotonic() < deadline:
        status = reader.status()
        if status.usable:
            return status
        time.sleep(0.05)
    return reader.status()


def diagnose_card_readers(
    readers: Mapping[str, CardReader], card_wait_s: float, *, leave_open: bool = False
) -> list[DiagnosisResult]:
    """Open every reader (a no-op for one already open), wait up to `card_wait_s` for a card
    on any of them, and close them again unless `leave_open` (the running kiosk's readers)."""
    watchers = {name: _FirstCard() for name in readers}
    unsubscribes = [readers[name].subscribe_events(watchers[name]) for name in readers]
    for reader in readers.values():
        reader.open()
    try:
        deadline = time.monotonic() + READY_WAIT_S
        statuses = {name: _wait_usable(reader, deadline) for name, reader in readers.items()}
        waiting = [watchers[n] for n, s in statuses.items() if s.usable]
        deadline = time.monotonic() + card_wait_s
        while not all(w.done.is_set() for w in waiting) and time.monotonic() < deadline:
            if any(w.done.is_set() for w in waiting):  # one card read: the others get a moment
                deadline = min(deadline, time.monotonic() + OTHER_READERS_S)
            time.sleep(0.05)
        # A card seen just now gets a moment to finish reading.
        for watcher in waiting:
            if watcher.inserted_at is not None:
                watcher.done.wait(READY_WAIT_S)
        return [
            _card_result(name, readers[name], statuses[name], watchers[name], card_wait_s)
            for name in readers
        ]
    finally:
        for unsubscribe in unsubscribes:
            unsubscribe()
        if not leave_open:
            for reader in readers.values():
                reader.close()


def _card_result(
    name: str, reader: CardReader, status: DeviceStatus, seen: _FirstCard, wait_s: float
) -> DiagnosisResult:
    title = TITLES.get(name, name)
    visible = ""
    if isinstance(reader, PcscCardReader):
        names = reader.available_readers()
        visible = f"系统中的读卡器：{'、'.join(names) if names else '无'}。"
    if not status.usable:
        return DiagnosisResult(name, title, False, status, visible)
    event = seen.result
    if event is None:
        found = f"读卡器正常，{wait_s:.0f} 秒内没有放卡，未试读。"
        return DiagnosisResult(name, title, True, status, visible + found)
    if event.identity is not None:
        kind = CARD_KINDS.get(event.identity.card_kind, "卡")
        found = (
            f"读到卡：{event.identity.masked_name}（{kind}），读卡用时 {seen.read_ms:.0f} 毫秒。"
        )
        if event.identity.photo_unavailable_reason:
            found += "卡内照片未读出。"
            status = DeviceStatus(DeviceState.DEGRADED, event.identity.photo_unavailable_reason)
        return DiagnosisResult(name, title, True, status, visible + found)
    # The reader works; the card did not read. Say why, with that key's fix.
    failed = DeviceStatus(DeviceState.DEGRADED, event.message_key, event.detail)
    return DiagnosisResult(name, title, True, failed, visible + "放了卡，但没有读出。")


def diagnose_printer(printer: ReceiptPrinter, now: datetime, print_page: bool) -> DiagnosisResult:
    status = check_printer(printer, print_at=now if print_page else None)
    found = ""
    if status.usable:
        found = "已打印测试页：请查看文字是否清楚、二维码能否扫出。" if print_page else ""
    return DiagnosisResult("printer", TITLES["printer"], status.usable, status, found)


def diagnose_camera(camera: Camera) -> DiagnosisResult:
    status = check_camera(camera)
    found = f"拍到一张 {status.detail} 的照片。" if status.message_key == "camera.ready" else ""
    return DiagnosisResult("camera", TITLES["camera"], status.usable, status, found)


def diagnose_face(face: FaceEngine) -> DiagnosisResult:
    started = time.perf_counter()
    try:
        if isinstance(face, LazyFaceEngine):
            face.engine()
    except FaceError as exc:
        status = DeviceStatus(DeviceState.ERROR, exc.message_key, exc.detail)
        return DiagnosisResult("face", TITLES["face"], False, status)
    found = f"比对模型已加载（{1000 * (time.perf_counter() - started):.0f} 毫秒）。"
    return DiagnosisResult("face", TITLES["face"], True, FACE_READY, found)


def diagnose_voice(voice: VoicePrompter, *, leave_open: bool = False) -> DiagnosisResult:
    if not voice.enabled:
        found = "语音提示被关掉了，没有试播。"
        return DiagnosisResult("voice", TITLES["voice"], True, voice.status(), found)
    voice.open()
    try:
        voice.speak(TEST_PROMPT, "zh_CN")
        finished = voice.wait_idle(VOICE_WAIT_S)
        status, prompt = voice.status(), voice.last_prompt()
    finally:
        if not leave_open:
            voice.close()
    if not finished or prompt is None:
        failed = status if not status.usable else DeviceStatus(DeviceState.ERROR, "voice.error")
        return DiagnosisResult("voice", TITLES["voice"], False, failed)
    heard = "已从音箱播放" if prompt.played else "没有声音输出，只合成了语音"
    found = f"合成了 {prompt.duration_s:.1f} 秒的测试语音（{prompt.voice}），{heard}。"
    return DiagnosisResult("voice", TITLES["voice"], status.usable, status, found)


def run_diagnosis(
    devices: KioskDevices,
    *,
    card_wait_s: float = 10.0,
    now: Callable[[], datetime] = datetime.now,
    print_page: bool = True,
    leave_open: bool = False,
) -> list[DiagnosisResult]:
    """Every configured device, in config order; a device left out says why. The technician
    screen passes `leave_open` so the running kiosk keeps its readers and voice."""
    results: dict[str, DiagnosisResult] = {}
    for name, status in devices.unavailable.items():
        ok = status.message_key == "device.disabled"
        results[name] = DiagnosisResult(name, TITLES.get(name, name), ok, status)
    if devices.card_readers:
        for result in diagnose_card_readers(
            devices.card_readers, card_wait_s, leave_open=leave_open
        ):
            results[result.device] = result
    if devices.printer is not None:
        results["printer"] = diagnose_printer(devices.printer, now(), print_page)
    if devices.camera is not None:
        results["camera"] = diagnose_camera(devices.camera)
    if devices.face is not None:
        results["face"] = diagnose_face(devices.face)
    if devices.voice is not None:
        results["voice"] = diagnose_voice(devices.voice, leave_open=leave_open)
    return [results[name] for name in TITLES if name in results]


def format_results(results: list[DiagnosisResult]) -> str:
    """Plain text for the terminal, one block per device."""
    lines = []
    for result in results:
        mark = "正常" if result.ok else "故障"
        if result.ok and result.status.state is DeviceState.DEGRADED:
            mark = "注意"
        if result.status.message_key == "device.disabled":
            mark = "未用"
        detail = f"（{result.status.detail}）" if result.status.detail and not result.ok else ""
        lines.append(f"[{mark}] {result.title}：{result.problem}{detail}")
        if result.found:
            lines.append(f"       {result.found}")
        if result.fix:
            lines.append(f"       处理办法：{result.fix}")
    return "\n".join(lines)

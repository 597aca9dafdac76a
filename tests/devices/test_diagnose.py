"""`python -m devices diagnose` against the emulators: every device checked for real, the
results in plain Chinese with the fix, and a non-zero exit when something needs a technician."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from devices.__main__ import main
from devices.diagnose import run_diagnosis
from devices.emulators.card_model import kiosk_test_card
from devices.emulators.escpos_printer import EscposPrinterEmulator, render_job
from devices.emulators.idreader import IdReaderEmulator
from devices.emulators.people import PEOPLE
from devices.registry import build_devices
from devices.simulated_card_reader import SimulatedCard, SimulatedCardReader
from kiosk.config import load_config
from kiosk.domain.identity import CardKind
from kiosk.ports.card_reader import CardEvent
from tests.devices.camera_media import held_up_receipt_frames, write_video
from tests.devices.test_printer_contract import qr_in
from tests.support.pcsc import VpcdSlot

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def printer() -> Iterator[EscposPrinterEmulator]:
    emulator = EscposPrinterEmulator().start()
    yield emulator
    emulator.stop()


@pytest.fixture
def id_reader(tmp_path: Path) -> Iterator[IdReaderEmulator]:
    emulator = IdReaderEmulator(link=tmp_path / "ttyIDR").start()
    yield emulator
    emulator.stop()


def write_config(
    path: Path,
    reader: str,
    id_port: str,
    printer: tuple[str, int],
    video: str,
    face: str = "dlib",
) -> Path:
    path.write_text(
        f"""
[devices.card_reader]
driver = "pcsc"
reader = "{reader}"
retry_s = 0.2

[devices.id_reader]
driver = "serial_idreader"
port = "{id_port}"
poll_s = 0.05

[devices.printer]
driver = "escpos"
transport = "network"
host = "{printer[0]}"
port = {printer[1]}
timeout_s = 0.5
paper_mm = 58

[devices.camera]
driver = "opencv"
source = "{video}"
loop = true

[devices.face]
driver = "{face}"

[devices.voice]
driver = "espeak"
player = "none"
""",
        encoding="utf-8",
    )
    return path


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_diagnose_checks_every_device_on_the_emulators_and_exits_0(
    vpcd: VpcdSlot,
    printer: EscposPrinterEmulator,
    id_reader: IdReaderEmulator,
    tmp_path: Path,
) -> None:
    vpcd.insert(kiosk_test_card(PEOPLE[0]))
    id_reader.present(PEOPLE[2])
    video = write_video(tmp_path / "cam.avi", held_up_receipt_frames(6))
    config = write_config(
        tmp_path / "k.toml", vpcd.reader, id_reader.port, printer.address, str(video)
    )
    run = subprocess.run(
        [sys.executable, "-m", "devices", "diagnose", str(config), "--card-wait", "15"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    out = run.stdout
    print(out)
    assert run.returncode == 0, out + run.stderr
    assert "读到卡：张*（终端测试卡）" in out
    assert "读到卡：买买***（居民身份证）" in out and "卡内照片未读出" in out
    assert "处理办法：安装读卡器厂家提供的照片解码库" in out
    assert "系统中的读卡器：" in out and vpcd.reader in out
    assert "已打印测试页" in out and "拍到一张 640x480 的照片" in out
    assert "比对模型已加载" in out
    assert "没有声音输出，只合成了语音" in out and "[注意] 语音提示" in out
    assert "结论：全部设备可用，2 项需要注意。" in out
    (job,) = printer.wait_idle()
    assert qr_in(np.array(render_job(job))) == "KIOSK-PRINTER-TEST"
    assert "张三" not in out and PEOPLE[0].id_number not in out  # masked names only


def test_diagnose_names_what_is_wrong_with_the_fix_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_config(
        tmp_path / "k.toml",
        "No Such Reader 99",
        str(tmp_path / "ttyUSB9"),
        ("127.0.0.1", closed_port()),
        str(tmp_path / "no-camera.avi"),
        face="none",
    )
    code = main(["diagnose", str(config), "--card-wait", "1"])
    out = capsys.readouterr().out
    assert code == 1
    assert "[故障] 身份证读卡器：找不到读卡器" in out
    assert "[故障] 打印机：找不到打印机" in out
    assert "处理办法：检查打印机电源和网线或 USB 线" in out
    assert "[故障] 摄像头：找不到摄像头" in out
    assert "[未用] 人脸比对：此设备未启用" in out
    assert "结论：" in out and "需要处理" in out


def test_a_bad_device_option_is_named_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "k.toml"
    config.write_text('[devices.printer]\ndriver = "escpos"\ncolour = "red"\n', encoding="utf-8")
    assert main(["diagnose", str(config)]) == 2
    assert "colour" in capsys.readouterr().out


def test_the_technician_screen_can_diagnose_without_closing_the_kiosks_readers() -> None:
    devices = build_devices(
        load_config(
            None,
            environ={
                "KIOSK__DEVICES_CARD_READER__DRIVER": "simulated",
                "KIOSK__DEVICES_VOICE__DRIVER": "simulated",
            },
        ).devices
    )
    reader = devices.card_readers["card_reader"]
    assert isinstance(reader, SimulatedCardReader)
    reader.open()
    reader.insert(SimulatedCard(PEOPLE[4].identity(CardKind.KIOSK_TEST)))
    results = run_diagnosis(devices, card_wait_s=0.5, leave_open=True)
    by_device = {r.device: r for r in results}
    assert by_device["card_reader"].ok and by_device["voice"].ok
    assert by_device["printer"].status.message_key == "device.disabled" and by_device["printer"].ok
    # Still open: a card put on now is read.
    seen: list[CardEvent] = []
    reader.subscribe_events(seen.append)
    reader.insert(SimulatedCard(PEOPLE[0].identity(CardKind.KIOSK_TEST)))
    assert any(e.identity is not None for e in seen)


def test_the_kiosk_command_has_the_diagnosis_as_a_verb(tmp_path: Path, capsys) -> None:
    """`kiosk diagnose`: the bundle has no `python -m devices`, the technician still needs it."""
    from kiosk.cli import main as kiosk_main

    config = tmp_path / "k.toml"
    config.write_text('[devices.printer]\ndriver = "escpos"\ncolour = "red"\n', encoding="utf-8")
    assert kiosk_main(["kiosk", "diagnose", str(config)]) == 2
    assert "colour" in capsys.readouterr().out

"""The ESC/POS driver byte by byte on escpos's Dummy, the layout, the decoder and the emulator."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import cv2
import pytest
from escpos.printer import Dummy

from devices.emulators.escpos_decoder import decode
from devices.emulators.escpos_printer import EscposPrinterEmulator, write_job_files
from devices.escpos_printer import (
    MAX_TIMEOUT_S,
    EscposReceiptPrinter,
    build_receipt_job,
    escpos_printer_from_config,
    first_usb_printer,
    status_from_bytes,
)
from devices.receipt_layout import (
    MISSING_GLYPH_PLACEHOLDER,
    load_font,
    printable_text,
    render_receipt,
    wrap_text,
)
from kiosk.errors import ConfigError
from kiosk.ports.device import DeviceState
from kiosk.ports.printer import PaperWidth, PrinterNotFound
from tests.devices.receipts import sample_receipt
from tests.support.qr import read_qr


def test_a_job_is_init_then_gs_v_0_rasters_then_a_cut() -> None:
    job = build_receipt_job(sample_receipt(), PaperWidth.MM58)
    assert job.startswith(b"\x1b@")
    assert b"\x1dv0\x00" in job  # GS v 0, normal density
    assert job.endswith(b"\x1dV\x00")  # GS V 0: full cut
    assert len(job) < 60_000


def test_the_driver_on_dummy_sends_exactly_the_job_in_one_piece() -> None:
    sink = Dummy()
    printer = EscposReceiptPrinter(
        lambda: sink, PaperWidth.MM80, queries_status=False, needs_open=False
    )
    result = printer.print_receipt(sample_receipt())
    assert bytes(sink.output) == build_receipt_job(sample_receipt(), PaperWidth.MM80)
    assert result.job_bytes == len(sink.output)
    assert "status" not in printer.capabilities()


@pytest.mark.parametrize("width", list(PaperWidth))
def test_the_raster_is_exactly_the_paper_width(width: PaperWidth) -> None:
    decoded = decode(build_receipt_job(sample_receipt(), width))
    assert {img.width for img in decoded.images} == {int(width)}
    assert decoded.cuts == 1
    assert decoded.text == ""  # no code-page text at all: everything is raster


def test_the_offline_notice_appears_only_on_offline_receipts() -> None:
    online = render_receipt(sample_receipt(offline=False), 384)
    offline = render_receipt(sample_receipt(offline=True), 384)
    assert offline.height > online.height


def test_a_character_the_font_lacks_becomes_the_placeholder_not_tofu() -> None:
    font = load_font(24)
    assert printable_text(font, "\U00020000\u5f20") == MISSING_GLYPH_PLACEHOLDER + "\u5f20"


def test_cjk_wraps_by_pixel_width_and_keeps_ascii_words_whole() -> None:
    font = load_font(24)
    lines = wrap_text(
        font, "城乡居民基本养老保险参保登记 Pension registration for rural residents", 200
    )
    assert all(font.getlength(line) <= 200 for line in lines)
    assert (
        "".join(lines).replace(" ", "")
        == "城乡居民基本养老保险参保登记Pensionregistrationforruralresidents"
    )
    assert any(line.endswith("Pension") or line.startswith("Pension") for line in lines)


def test_closing_punctuation_never_starts_a_line() -> None:
    font = load_font(24)
    for width in range(60, 200, 7):
        lines = wrap_text(font, "工作人员将在三个工作日内审核。请保持手机畅通，谢谢！", width)
        assert not any(line[:1] in "。，！" for line in lines)


def test_the_decoder_reads_raw_gb18030_native_qr_barcodes_and_cuts() -> None:
    dummy = Dummy()
    dummy.text("Order 42\n")
    dummy.text("中文收据：谢谢光临\n")
    dummy.qr("https://example.cn/r/42", native=True)
    dummy.barcode("4006381333931", "EAN13")
    dummy.cut(mode="PART")
    decoded = decode(bytes(dummy.output))
    assert "Order 42\n" in decoded.text
    assert "中文收据：谢谢光临" in decoded.text
    assert decoded.qr_payloads == ["https://example.cn/r/42"]
    assert decoded.barcodes == ["4006381333931"]
    assert decoded.cuts == 1


def test_status_bytes_map_paper_out_before_offline() -> None:
    assert status_from_bytes(0x1A, 0x72).message_key == "printer.out_of_paper"
    assert status_from_bytes(0x1A, 0x12).state is DeviceState.OFFLINE
    assert status_from_bytes(0x12, 0x1E).state is DeviceState.DEGRADED
    assert status_from_bytes(0x12, 0x12).vendor_code == "12/12"


def test_the_emulator_writes_a_png_whose_qr_decodes_and_the_decoded_json(tmp_path: Path) -> None:
    emu = EscposPrinterEmulator(out_dir=tmp_path).start()
    try:
        host, port = emu.address
        printer = escpos_printer_from_config(
            {"transport": "network", "host": host, "port": port, "timeout_s": 0.5, "paper_mm": 58}
        )
        printer.print_receipt(sample_receipt())
        emu.wait_idle()
    finally:
        emu.stop()
    png = cv2.imread(str(tmp_path / "job-001.png"), cv2.IMREAD_GRAYSCALE)
    assert png is not None
    text = read_qr(png)
    assert text == sample_receipt().qr_payload
    content = json.loads((tmp_path / "job-001.json").read_text(encoding="utf-8"))
    assert content["cuts"] == 1
    assert {tuple(size)[0] for size in content["images"]} == {384}


def test_a_native_qr_job_renders_to_a_png_that_decodes(tmp_path: Path) -> None:
    dummy = Dummy()
    dummy.qr("KIOSK|姓名=张三", native=True)
    png = write_job_files(decode(bytes(dummy.output)), tmp_path, 1)
    image = cv2.imread(str(png), cv2.IMREAD_GRAYSCALE)
    assert image is not None
    assert read_qr(image) == "KIOSK|姓名=张三"


def test_no_listener_means_printer_not_found() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    printer = escpos_printer_from_config(
        {"transport": "network", "host": "127.0.0.1", "port": port, "timeout_s": 0.3}
    )
    assert printer.status().message_key == "printer.not_found"
    with pytest.raises(PrinterNotFound):
        printer.print_receipt(sample_receipt())


def test_something_else_answering_on_the_printer_port_is_named_not_taken_for_a_status() -> None:
    """Found on this machine: a web proxy answers "HTTP/1.1 400" on 192.168.1.87:9100."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()

    def answer_http() -> None:
        with server:
            connection, _ = server.accept()
            with connection:
                connection.recv(16)
                connection.sendall(b"HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n")

    thread = threading.Thread(target=answer_http)
    thread.start()
    host, port = server.getsockname()
    printer = escpos_printer_from_config(
        {"transport": "network", "host": host, "port": port, "timeout_s": 0.5}
    )
    status = printer.status()
    thread.join(timeout=5)
    assert (status.state, status.message_key) == (DeviceState.OFFLINE, "printer.not_escpos")
    assert "485454" in status.detail  # "HTT", for the technician


@pytest.mark.parametrize(
    "config",
    [
        {"transport": "usb", "vendor_id": 0x0416, "product_id": 0x5011, "paper_mm": 58},
        {"transport": "serial", "device": "/dev/ttyS0", "baudrate": 19200},
        {"transport": "network", "host": "10.0.0.9"},
        {"transport": "dummy"},
    ],
)
def test_every_transport_is_built_from_config_without_touching_hardware(
    config: dict[str, object],
) -> None:
    printer = escpos_printer_from_config(config)
    assert "receipt" in printer.capabilities()


def test_a_usb_printer_that_is_not_plugged_in_is_not_found() -> None:
    printer = escpos_printer_from_config(
        {"transport": "usb", "vendor_id": 0x0416, "product_id": 0x5011}
    )
    assert printer.status().message_key == "printer.not_found"


@pytest.mark.parametrize(
    "config",
    [
        {"transport": "network", "host": "h", "timeout_s": 60},
        {"transport": "network", "host": "h", "paper_mm": 76},
        {"transport": "bluetooth"},
    ],
)
def test_bad_printer_config_is_a_config_error(config: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        escpos_printer_from_config(config)


def test_the_emulator_answers_status_queries_but_not_look_alikes_inside_raster_data() -> None:
    # One raster row of 3 bytes that happen to spell DLE EOT 1, then a real DLE EOT 4.
    raster = b"\x1dv0\x00\x03\x00\x01\x00" + b"\x10\x04\x01"
    emu = EscposPrinterEmulator().start()
    try:
        with socket.create_connection(emu.address, timeout=2) as conn:
            conn.sendall(raster + b"\x10\x04\x04")
            answer = conn.recv(16)
        jobs = emu.wait_idle()
    finally:
        emu.stop()
    assert answer == b"\x12"  # only the paper query was answered
    assert [img.size for img in jobs[0].images] == [(24, 1)]


class _UsbDevice(list[list[SimpleNamespace]]):
    """pyusb's shape: a device iterates its configurations, a configuration its interfaces."""

    def __init__(self, vid: int, pid: int, device_class: int, interfaces: list[int]) -> None:
        super().__init__([[SimpleNamespace(bInterfaceClass=c) for c in interfaces]])
        self.idVendor, self.idProduct, self.bDeviceClass = vid, pid, device_class


def test_usb_without_ids_takes_the_first_printer_class_device() -> None:
    keyboard = _UsbDevice(0x046D, 0xC31C, 0, [3])  # HID
    camera = _UsbDevice(0x0C45, 0x6366, 0xEF, [14, 14])  # UVC, composite
    printer = _UsbDevice(0x0416, 0x5011, 0, [7])  # class on the interface, as most do
    assert first_usb_printer([keyboard, camera, printer]) == (0x0416, 0x5011)
    assert first_usb_printer([_UsbDevice(0x04B8, 0x0E28, 7, [])]) == (0x04B8, 0x0E28)
    with pytest.raises(PrinterNotFound):
        first_usb_printer([keyboard, camera])


def test_a_usb_printer_without_ids_and_none_plugged_in_is_not_found() -> None:
    printer = escpos_printer_from_config({"transport": "usb"})
    assert printer.status().message_key == "printer.not_found"


def test_a_serial_printer_answers_status_when_the_byte_arrives_not_at_the_timeout() -> None:
    """python-escpos's Serial asks pyserial for 16 bytes and so waits out the whole timeout
    for a one-byte status answer: two queries at the longest timeout would take 20 s."""
    emulator = EscposPrinterEmulator().start()
    try:
        printer = escpos_printer_from_config(
            {"transport": "serial", "device": emulator.serial_line(), "timeout_s": MAX_TIMEOUT_S}
        )
        started = time.monotonic()
        status = printer.status()
        elapsed = time.monotonic() - started
    finally:
        emulator.stop()
    assert status.state is DeviceState.READY
    assert elapsed < MAX_TIMEOUT_S  # a timeout semantic, not a speed goal: one timeout is 10 s

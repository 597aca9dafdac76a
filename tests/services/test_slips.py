"""Slips (appointment slips, queue tickets) through python-escpos over TCP to the ESC/POS
emulator: the decoded job is exactly the slip's layout, its QR reads back, and it is cut."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from devices.emulators.escpos_printer import EscposPrinterEmulator, PaperState
from devices.escpos_printer import escpos_printer_from_config
from devices.receipt_layout import render_slip
from kiosk.domain.slip import Slip
from kiosk.ports.printer import PrinterNotFound, PrinterOutOfPaper
from kiosk.services.slips import SlipPrinting
from tests.support.qr import read_qr

SLIP = Slip(
    title="预约凭条",
    headline="11月25日 09:00-11:30",
    lines=("服务网点：富阳镇便民服务中心", "办理事项：最低生活保障申请", "预约人：买*"),
    notice="网络未连接：预约已保存在本机，等待平台确认。",
    qr_payload="K7Q2M-0003-X",
    footer="政务服务便民热线 12345",
)


def stacked(images: list[Image.Image]) -> Image.Image:
    out = Image.new("1", (images[0].width, sum(i.height for i in images)), 1)
    y = 0
    for image in images:
        out.paste(image, (0, y))
        y += image.height
    return out


def test_a_slip_prints_as_its_layout_with_a_readable_qr_and_a_cut():
    emu = EscposPrinterEmulator().start()
    try:
        host, port = emu.address
        config = {"transport": "network", "host": host, "port": port, "timeout_s": 1}
        SlipPrinting(escpos_printer_from_config({**config, "paper_mm": 58})).print(SLIP)
        [job] = emu.wait_for_jobs(1)
    finally:
        emu.stop()
    assert job.cuts == 1
    printed = stacked(job.images)
    assert printed.tobytes() == render_slip(SLIP, 384).tobytes()
    grey = np.array(printed.convert("L"))
    assert read_qr(grey) == SLIP.qr_payload


def test_no_paper_or_no_printer_is_said_so_never_a_silent_success():
    emu = EscposPrinterEmulator(state=PaperState.OUT).start()
    try:
        host, port = emu.address
        printer = escpos_printer_from_config(
            {"transport": "network", "host": host, "port": port, "timeout_s": 1}
        )
        with pytest.raises(PrinterOutOfPaper):
            SlipPrinting(printer).print(SLIP)
        assert not emu.wait_idle()
    finally:
        emu.stop()
    with pytest.raises(PrinterNotFound):
        SlipPrinting(None).print(SLIP)


def test_the_slip_as_text_keeps_every_line_for_the_on_screen_qr():
    text = SLIP.as_text()
    assert text.splitlines()[:2] == ["预约凭条", "11月25日 09:00-11:30"]
    assert "预约人：买*" in text and SLIP.notice in text

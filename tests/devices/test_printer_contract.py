"""The printer contract against the simulator and the real driver to the emulator, over TCP
and over a serial line (pyserial on a pseudo-terminal)."""

from __future__ import annotations

from collections.abc import Iterator

import cv2
import numpy as np
import pytest

from devices.emulators.escpos_printer import EscposPrinterEmulator, PaperState, render_job
from devices.escpos_printer import escpos_printer_from_config
from devices.simulated_printer import SimulatedPrinter
from kiosk.ports.printer import PaperWidth
from tests.devices.printer_contract import PrinterContract, PrinterRig


def qr_in(image: np.ndarray) -> str:
    # A white margin, as a scanner sees the paper on a table (a slip's QR fills the width).
    paper = cv2.copyMakeBorder(image, 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=255)
    text, _, _ = cv2.QRCodeDetector().detectAndDecode(paper)
    return text


class TestSimulatedPrinter(PrinterContract):
    @pytest.fixture(params=[PaperWidth.MM58, PaperWidth.MM80], ids=["58mm", "80mm"])
    def rig(self, request: pytest.FixtureRequest) -> PrinterRig:
        printer = SimulatedPrinter(request.param)
        return PrinterRig(
            printer=printer,
            set_state=printer.set_state,
            run_out_during_next_job=printer.run_out_during_next_job,
            printed_qr_payloads=lambda: [
                qr_in(np.array(image.convert("L")))
                for image in [img for _, img in printer.printed] + [img for _, img in printer.slips]
            ],
        )


@pytest.fixture(scope="module")
def emulator() -> Iterator[EscposPrinterEmulator]:
    emu = EscposPrinterEmulator().start()
    yield emu
    emu.stop()


def emulator_rig(emulator: EscposPrinterEmulator, config: dict[str, object]) -> PrinterRig:
    emulator.set_state(PaperState.OK)
    already = len(emulator.jobs)
    printer = escpos_printer_from_config({"timeout_s": 0.3, **config})

    def printed() -> list[str]:
        # The emulator finishes a job when the driver closes the connection or the line.
        jobs = emulator.wait_idle()[already:]
        return [qr_in(np.array(render_job(job))) for job in jobs if job.images]

    return PrinterRig(
        printer=printer,
        set_state=lambda name: emulator.set_state(PaperState(name)),
        run_out_during_next_job=emulator.run_out_during_next_job,
        printed_qr_payloads=printed,
    )


class TestEscposPrinterOverTcpToEmulator(PrinterContract):
    @pytest.fixture(params=[58, 80], ids=["58mm", "80mm"])
    def rig(self, request: pytest.FixtureRequest, emulator: EscposPrinterEmulator) -> PrinterRig:
        host, port = emulator.address
        config = {"transport": "network", "host": host, "port": port}
        return emulator_rig(emulator, {**config, "paper_mm": request.param})


class TestEscposPrinterOverSerialToEmulator(PrinterContract):
    @pytest.fixture(params=[58, 80], ids=["58mm", "80mm"])
    def rig(self, request: pytest.FixtureRequest, emulator: EscposPrinterEmulator) -> PrinterRig:
        config = {"transport": "serial", "device": emulator.serial_line(), "baudrate": 115200}
        return emulator_rig(emulator, {**config, "paper_mm": request.param})

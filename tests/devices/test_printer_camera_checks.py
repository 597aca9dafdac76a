"""The diagnose checks for printer and camera, on simulators and the real camera driver."""

from __future__ import annotations

from datetime import datetime

import numpy as np

from devices.camera.opencv_camera import OpenCvCamera
from devices.printer_camera_checks import check_camera, check_printer
from devices.simulated_camera import SimulatedCamera
from devices.simulated_printer import SimulatedPrinter
from kiosk.ports.device import DeviceState

WHEN = datetime(2026, 11, 22, 9, 30)


def test_the_printer_check_prints_a_test_page_whose_qr_is_known() -> None:
    printer = SimulatedPrinter()
    assert check_printer(printer, print_at=WHEN).state is DeviceState.READY
    assert printer.printed[0][0].qr_payload == "KIOSK-PRINTER-TEST"


def test_the_printer_check_reports_out_of_paper_without_printing() -> None:
    printer = SimulatedPrinter(state="out")
    assert check_printer(printer, print_at=WHEN).message_key == "printer.out_of_paper"
    assert printer.printed == []


def test_the_camera_check_reports_a_missing_camera_plainly() -> None:
    assert check_camera(OpenCvCamera(0)).message_key == "camera.missing"


def test_the_camera_check_spots_a_covered_lens() -> None:
    camera = SimulatedCamera([np.zeros((480, 640, 3), np.uint8)])
    assert check_camera(camera).message_key == "camera.black_frame"


def test_the_camera_check_passes_with_frames_and_says_the_size() -> None:
    camera = SimulatedCamera([np.full((480, 640, 3), 120, np.uint8)])
    assert check_camera(camera).detail == "640x480"

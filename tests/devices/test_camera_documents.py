"""The documents pipeline on synthetic photographs of a synthetic A4 form."""

from __future__ import annotations

import shutil

import cv2
import numpy as np
import pytest

from devices.camera.documents import check_frame, deskew, process_document
from devices.camera.qr import decode_barcode, decode_qr
from tests.devices.synthetic_documents import (
    EAN13,
    QR_PAYLOAD,
    character_accuracy,
    ocr_text,
    photograph,
    synthetic_page,
)

CORNERS = ((440, 40), (1020, 75), (1060, 905), (390, 885))


@pytest.fixture(scope="module")
def page() -> np.ndarray:
    return synthetic_page()


@pytest.fixture(scope="module")
def processed(page: np.ndarray) -> tuple[bytes, np.ndarray]:
    check, encoded, _ = process_document(photograph(page, corners=CORNERS))
    assert check.ok and encoded is not None
    decoded = cv2.imdecode(np.frombuffer(encoded.data, np.uint8), cv2.IMREAD_GRAYSCALE)
    assert decoded is not None
    return encoded.data, decoded


def test_a_good_photo_passes_and_the_corners_are_found_within_a_few_pixels(
    page: np.ndarray,
) -> None:
    check = check_frame(photograph(page, corners=CORNERS))
    assert check.guidance == "document.ok"
    assert check.corners is not None
    assert np.abs(check.corners - np.array(CORNERS, np.float32)).max() <= 6


@pytest.mark.parametrize(
    ("kind", "guidance"),
    [
        ("blurry", "document.blurry"),
        ("glare", "document.glare"),
        ("dark", "document.too_dark"),
        ("far", "document.move_closer"),
        ("cut", "document.cut_off"),
        ("empty", "document.not_found"),
    ],
)
def test_each_bad_photo_gets_its_spoken_guidance(
    page: np.ndarray, kind: str, guidance: str
) -> None:
    frames = {
        "blurry": lambda: photograph(page, blur_sigma=2.5),
        "glare": lambda: photograph(page, glare=True),
        "dark": lambda: photograph(page, light=0.2) // 3,
        "far": lambda: photograph(page, corners=((500, 300), (760, 310), (770, 680), (490, 670))),
        "cut": lambda: photograph(page, corners=((-100, 40), (700, 75), (740, 905), (-150, 885))),
        "empty": lambda: photograph(
            page, corners=((2000, 2000), (2100, 2000), (2100, 2100), (2000, 2100))
        ),
    }
    assert check_frame(frames[kind]()).guidance == guidance


def test_the_page_is_sent_under_150_kb_and_its_codes_still_decode(
    processed: tuple[bytes, np.ndarray],
) -> None:
    data, decoded = processed
    assert len(data) < 150_000
    assert max(decoded.shape) == 1500
    assert decode_qr(decoded) == QR_PAYLOAD
    assert decode_barcode(decoded) == EAN13


def test_deskew_straightens_a_slightly_rotated_page(page: np.ndarray) -> None:
    centre = (page.shape[1] / 2, page.shape[0] / 2)
    matrix = cv2.getRotationMatrix2D(centre, 2.0, 1.0)
    tilted = cv2.warpAffine(page, matrix, (page.shape[1], page.shape[0]), borderValue=255)
    straight = deskew(tilted)
    assert not np.array_equal(straight, tilted)
    assert decode_qr(straight) == QR_PAYLOAD


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed")
def test_chinese_ocr_accuracy_of_the_sent_page_stays_close_to_the_original(
    page: np.ndarray, processed: tuple[bytes, np.ndarray]
) -> None:
    original = character_accuracy(ocr_text(page))
    sent = character_accuracy(ocr_text(processed[1]))
    assert original >= 0.9
    assert sent >= original - 0.15

"""Building outboxes for tests."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from kiosk.ports.clock import FakeClock
from offline_queue.records import Limits, NewAttachment, NewRecord
from offline_queue.store import Outbox, open_terminal_outbox

PLATFORM_KEY = X25519PrivateKey.generate()
ID_NUMBER = "45112319491231003X"
NAME = "买买提·艾力"
PHONE = "13912345678"
ADDRESS = "富川瑶族自治县富阳镇新华路18号"
IMAGE = b"\xff\xd8\xff\xe0JFIF-page-bytes-" + bytes(range(256)) * 8


def open_outbox(tmp: Path, clock: FakeClock | None = None, limits: Limits | None = None) -> Outbox:
    return open_terminal_outbox(
        tmp, PLATFORM_KEY.public_key(), "K7Q2M", clock or FakeClock(), limits or Limits()
    )


def submission(n: int = 0, pages: int = 1, kind: str = "submission") -> NewRecord:
    return NewRecord(
        kind=kind,
        personal={
            "applicant": {"name": NAME, "id_number": ID_NUMBER, "address": ADDRESS},
            "phone": PHONE,
            "form": {"n": n},
        },
        item_code="000113001000",
        item_name="最低生活保障申请",
        masked_name="买买*",
        attachments=tuple(
            NewAttachment(f"page-{i}.jpg", "image/jpeg", IMAGE + bytes([n % 256, i]))
            for i in range(pages)
        ),
    )

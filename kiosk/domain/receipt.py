"""What a printed receipt (回执) says. The printer port renders it; it never decides its content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Receipt:
    """Every text here is already in the villager's language; the printer only lays it out."""

    title: str  # e.g. 受理回执
    item_name: str
    receipt_no: str  # e.g. K7Q2M-01A7-Q
    issued_at: datetime  # the terminal's local time when the villager confirmed
    terminal_id: str
    hall_name: str
    masked_name: str  # 张*; never the full name
    next_steps: tuple[str, ...]
    # True when printed before the platform has the record: the receipt then says the
    # application was taken here and becomes official once the platform receives it.
    offline: bool
    qr_payload: str  # carried by the QR code, for status lookup by camera
    footer: str = ""  # e.g. the hotline: 政务服务便民热线 12345

"""An enrolled kiosk data dir and the domain objects a villager's visit produces."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.config import Config, LoggingConfig, PlatformConfig, QueueConfig, TerminalConfig
from kiosk.domain.appointment import Appointment, BookingState, Slot
from kiosk.domain.complaint import Complaint, ComplaintKind
from kiosk.domain.evaluation import Dimension, Evaluation, Level
from kiosk.domain.identity import CardKind, Identity, Sex
from kiosk.domain.submission import Submission
from kiosk.ports.outbox import Page
from offline_queue.credentials import Credentials, Enrolment
from offline_queue.platform_client import PlatformClient
from tests.offline_queue.helpers import ADDRESS, ID_NUMBER, NAME, PHONE
from tests.offline_queue.realistic import LOW_INCOME_ITEM, next_working_day
from tests.support.central import DEFAULT_HALL, CentralHandle

VILLAGER = Identity(
    name=NAME,
    id_number=ID_NUMBER,
    sex=Sex.MALE,
    ethnicity_code="05",
    birth_date=date(1949, 12, 31),
    address=ADDRESS,
    issuing_authority="富川瑶族自治县公安局",
    valid_from=date(2015, 1, 1),
    valid_until=None,
    card_kind=CardKind.RESIDENT_ID,
)


def enrolled_kiosk(
    tmp_path: Path, central: CentralHandle, base_url: str, **queue: Any
) -> tuple[Config, Enrolment, Ed25519PrivateKey]:
    data = tmp_path / "kiosk"
    creds = Credentials(data / "keys")
    client = PlatformClient(central.base_url, 2, 5)
    enrolment = creds.save_enrolment(
        client.enrol(central.new_enrolment_code(), creds.public_key_b64(), "test")
    )
    client.close()
    config = Config(
        terminal=TerminalConfig(data_dir=data),
        platform=PlatformConfig(
            base_url=base_url, connect_timeout_s=0.5, read_timeout_s=2.0, probe_interval_s=600
        ),
        logging=LoggingConfig(dir=data / "logs"),
        queue=dataclasses.replace(QueueConfig(link_poll_s=0.05), **queue),
    )
    return config, enrolment, creds.key()


def low_income_application(n: int = 0, item_code: str = LOW_INCOME_ITEM) -> Submission:
    form = {
        "name": NAME,
        "id_number": ID_NUMBER,
        "phone": PHONE,
        "household_size": 3,
        "monthly_income_yuan": 700 + n,
    }
    return Submission(item_code, "最低生活保障申请", form, VILLAGER, PHONE)


PAGES = tuple(Page(f"page-{i}.webp", "image/webp", bytes([i]) * 20_000) for i in (1, 2, 3))


def rating(receipt_no: str | None) -> Evaluation:
    return Evaluation(
        Level.DISSATISFIED,
        {Dimension.OVERALL: Level.DISSATISFIED, Dimension.ATTITUDE: Level.SATISFIED},
        frozenset({"排队时间长"}),
        receipt_no=receipt_no or "",
        item_code=LOW_INCOME_ITEM,
        hall_code=DEFAULT_HALL,
    )


def street_light_complaint() -> Complaint:
    return Complaint(ComplaintKind.COMPLAINT, "其他", "村口路灯坏了三个月", PHONE)


def morning_booking(days_ahead: int = 2) -> Appointment:
    day = next_working_day(days_ahead)
    sid = f"{DEFAULT_HALL}.{LOW_INCOME_ITEM}.{day.isoformat()}.am"
    return Appointment(
        LOW_INCOME_ITEM,
        DEFAULT_HALL,
        Slot(sid, day, "09:00", "11:30", 4, 0),
        BookingState.WAITING_CONFIRMATION,
    )


def eventually(check: Callable[[], bool], timeout_s: float = 30.0) -> None:
    """Waits for a condition the code under test brings about on its own thread (a
    deadline against a hang, not a performance threshold)."""
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.02)

"""A whole submission goes through the kiosk's client to the real platform; afterwards no log
line anywhere (the kiosk's file, its stderr, the platform's log) holds the person's data."""

from __future__ import annotations

import logging
import uuid
from datetime import date
from pathlib import Path

from kiosk.contract.records import canonical_json, record_content_hash
from kiosk.contract.sealing import seal
from kiosk.contract.signing import b64
from kiosk.domain.identity import CardKind, Identity, Sex
from kiosk.domain.receipt_numbers import format_receipt_number
from tests.support.central import CentralHandle
from tests.support.kiosk_app import StartKiosk

PERSON = Identity(
    "买买提·艾力",
    "45112319491231003X",
    Sex.MALE,
    "05",
    date(1949, 12, 31),
    "富川瑶族自治县富阳镇新华路18号",
    "富川瑶族自治县公安局",
    date(2010, 1, 1),
    None,
    CardKind.RESIDENT_ID,
)
PHONE = "13912345678"


def test_no_log_line_holds_the_id_number_name_phone_or_address(
    qtbot, start_kiosk: StartKiosk, tmp_path: Path, central: CentralHandle, capfd
):
    kiosk = start_kiosk()
    qtbot.waitUntil(lambda: bool(kiosk.ctx.settings.terminal_id), timeout=20_000)  # enrolled
    for timer in kiosk.timers:
        timer.stop()
    enrolment = kiosk.ensure_enrolled()

    record_id = str(uuid.uuid4())
    receipt_no = format_receipt_number(enrolment.terminal_id, 1)
    form = {
        "name": PERSON.name,
        "id_number": PERSON.id_number,
        "phone": PHONE,
        "address": PERSON.address,
        "household_size": 2,
        "monthly_income_yuan": 600,
    }
    payload = {
        "applicant": {
            "name": PERSON.name,
            "id_number": PERSON.id_number,
            "address": PERSON.address,
        },
        "form": form,
        "phone": PHONE,
    }
    record = {
        "id": record_id,
        "kind": "submission",
        "schema_version": 1,
        "created_at_ms": 1,
        "monotonic_seq": 1,
        "clock_offset_ms": 0,
        "meta": {
            "item_code": "000113001000",
            "receipt_no": receipt_no,
            "hall_code": enrolment.hall["code"],
            "agent_id": None,
        },
        "sealed": b64(seal(enrolment.seal_public_key, canonical_json(payload), record_id.encode())),
        "attachments": [],
    }
    record["content_hash"] = record_content_hash(record)
    [result] = kiosk.client.push_records([record])
    assert result["outcome"] == "accepted", result
    assert kiosk.client.case_by_receipt(receipt_no)["status"] == "submitted"

    # What careless code might do; the logs must still come out clean.
    log = logging.getLogger("kiosk.test")
    log.info("read card %s", PERSON)
    log.warning("validation failed for %s / %s", PERSON.id_number, PHONE)
    try:
        raise ValueError(f"bad number {PERSON.id_number}")
    except ValueError:
        log.exception("handled")
    for handler in logging.getLogger().handlers:
        handler.flush()

    central.stop()  # flush the platform's log
    texts = [p.read_text(encoding="utf-8") for p in (tmp_path / "kiosk" / "logs").glob("*")]
    texts.append(central.log_path.read_text(encoding="utf-8", errors="replace"))
    captured = capfd.readouterr()
    texts += [captured.out, captured.err]
    everything = "\n".join(texts)
    assert "handled" in everything and "[id]" in everything  # the logs were really written
    for secret in (
        PERSON.id_number,
        PERSON.id_number[:17],
        PERSON.name,
        "买买提",
        PHONE,
        PERSON.address,
        "新华路",
    ):
        assert secret not in everything, f"{secret!r} leaked into a log"

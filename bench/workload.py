"""What the benchmarks queue: a 低保 application like a villager's, with its pages."""

from __future__ import annotations

import os

from offline_queue.records import NewAttachment, NewRecord

PAGE = os.urandom(60_000)  # a compressed document page is ~60-80 kB


def new_record(n: int, pages: int = 3) -> NewRecord:
    form = {
        "name": "买买提·艾力",
        "id_number": "45112319491231003X",
        "phone": "13912345678",
        "household_size": 2,
        "monthly_income_yuan": n % 5000,
    }
    return NewRecord(
        kind="submission",
        item_code="000113001000",
        item_name="最低生活保障申请",
        masked_name="买买*",
        personal={
            "applicant": {"name": form["name"], "id_number": form["id_number"]},
            "form": form,
            "phone": form["phone"],
        },
        attachments=tuple(
            NewAttachment(f"p{i}.jpg", "image/jpeg", PAGE + bytes([n % 256, i]))
            for i in range(pages)
        ),
    )

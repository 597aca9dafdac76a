"""Sample card holders for service and UI tests (valid ID numbers, no real people)."""

from __future__ import annotations

from datetime import date

from kiosk.domain.identity import CardKind, Identity, Sex


def person(id_number: str = "45112319491231003X", name: str = "买买提·艾力") -> Identity:
    return Identity(
        name=name,
        id_number=id_number,
        sex=Sex.MALE,
        ethnicity_code="05",
        birth_date=date(1949, 12, 31),
        address="广西富川瑶族自治县富阳镇",
        issuing_authority="富川瑶族自治县公安局",
        valid_from=date(2015, 6, 1),
        valid_until=None,
        card_kind=CardKind.KIOSK_TEST,
    )

"""Sample people both card emulators serve, including the awkward ones.

All invented. ID numbers follow GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit
sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0-9 or X).
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass, replace
from datetime import date

from kiosk.domain.identity import CardKind, Identity, Sex

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
# The resident ID card stores text as UCS-2, which cannot carry a character outside the BMP.
# Real cards hold such rare characters as code points in the Private Use Area assigned by the
# issuing system (vendor/ministry specific); readers show them only with the matching font.
# The emulator does the same with one fixed PUA code point per rare character.
PUA_FOR_RARE = {"\U00020000": "\ue000"}


def id_check_char(first17: str) -> str:
    """GB 11643 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def make_id_number(region: str, birth: date, sequence: int) -> str:
    first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return first17 + id_check_char(first17)


def _sequence_with_x(region: str, birth: date, sex: Sex) -> int:
    """The first sequence number of the right parity whose check character is X."""
    start = 1 if sex is Sex.MALE else 2
    for seq in range(start, 1000, 2):
        if make_id_number(region, birth, seq).endswith("X"):
            return seq
    raise ValueError("no X check digit for this region and date")  # unreachable for real dates


@dataclass(frozen=True)
class Person:
    name: str
    sex: Sex
    ethnicity_code: str
    birth_date: date
    address: str
    issuing_authority: str
    valid_from: date
    valid_until: date | None  # None: 长期
    region: str
    sequence: int
    label: str  # why this person is in the set (for --list); not personal data of anyone real

    @property
    def id_number(self) -> str:
        return make_id_number(self.region, self.birth_date, self.sequence)

    @property
    def id_card_name(self) -> str:
        """The name as the UCS-2 resident ID card carries it (rare characters in the PUA)."""
        return "".join(PUA_FOR_RARE.get(c, c) for c in self.name)

    def identity(self, kind: CardKind, *, photo: bool = True) -> Identity:
        return Identity(
            name=self.name,
            id_number=self.id_number,
            sex=self.sex,
            ethnicity_code=self.ethnicity_code,
            birth_date=self.birth_date,
            address=self.address,
            issuing_authority=self.issuing_authority,
            valid_from=self.valid_from,
            valid_until=self.valid_until,
            card_kind=kind,
            photo_jpeg=photo_jpeg(self.sequence) if photo else None,
        )

    def resident_id_identity(self) -> Identity:
        """What the ID reader driver yields without a photo decoder installed."""
        return replace(
            self.identity(CardKind.RESIDENT_ID, photo=False),
            name=self.id_card_name,
            photo_unavailable_reason="card.photo_unavailable_no_decoder",
        )

    def social_security_identity(self) -> Identity:
        """What the social-security profile yields: basic information only, no address, no
        issuing authority, no photo (the card's photo file is not part of the basic read)."""
        return replace(
            self.identity(CardKind.SOCIAL_SECURITY, photo=False),
            address="",
            issuing_authority="",
            photo_unavailable_reason="card.photo_unavailable",
        )


_ZHAO_BIRTH = date(1985, 11, 30)
PEOPLE: tuple[Person, ...] = (
    Person("张三", Sex.MALE, "01", date(1990, 3, 7), "北京市东城区景山前街4号",
           "北京市公安局东城分局", date(2015, 6, 1), date(2035, 6, 1), "110101", 777, "plain"),
    Person("李秀英", Sex.FEMALE, "01", date(1978, 1, 15), "河北省保定市莲池区东风中路12号",
           "保定市公安局莲池分局", date(2018, 3, 9), date(2038, 3, 9), "130606",
           _sequence_with_x("130606", date(1978, 1, 15), Sex.FEMALE), "ID number ends in X"),
    Person("买买提·艾力", Sex.MALE, "05", date(1982, 8, 1),
           "新疆维吾尔自治区乌鲁木齐市天山区解放南路88号", "乌鲁木齐市公安局天山区分局",
           date(2016, 9, 20), date(2036, 9, 20), "650102", 135, "Uyghur name, middle dot"),
    Person("王\U00020000", Sex.FEMALE, "01", date(1995, 12, 24), "江西省吉安市吉州区永叔路3号",
           "吉安市公安局吉州分局", date(2020, 1, 2), date(2030, 1, 2), "360802", 248,
           "rare character outside the BMP"),
    Person("赵敏", Sex.FEMALE, "03", _ZHAO_BIRTH, "宁夏回族自治区银川市兴庆区文化东街9号",
           "银川市公安局兴庆区分局", date(2005, 4, 1), date(2015, 4, 1), "640104", 462,
           "expired card"),
    Person("刘桂兰", Sex.FEMALE, "01", date(1950, 2, 28), "四川省成都市武侯区浆洗街21号",
           "成都市公安局武侯区分局", date(2012, 7, 7), None, "510107", 126,
           "long-term validity (长期)"),
)  # fmt: skip


@functools.cache
def photo_jpeg(seed: int) -> bytes:
    """A small JPEG portrait stand-in (102x126, the card photo's size), one colour per person."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (102, 126), (200 - seed % 90, 180, 160 + seed % 80))
    draw = ImageDraw.Draw(image)
    draw.ellipse((26, 20, 76, 80), fill=(230, 200, 170))
    draw.rectangle((16, 88, 86, 126), fill=(40, 60, 90))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()

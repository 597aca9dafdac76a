"""Validation of what people and cards tell us: ID numbers, mobile numbers, names.

Every check returns a result with a reason key instead of raising, so a screen can say in plain
words what is wrong. `today` is always passed in: the domain never reads the clock.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

# GB 11643-1999: weights 2^(17-i) mod 11 for the first 17 digits; ISO 7064 MOD 11-2.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
# Province-level codes of GB/T 2260 (71 Taiwan, 81 Hong Kong, 82 Macao).
PROVINCE_CODES = frozenset(
    [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46]
    + [50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]
)


class IdProblem(enum.Enum):
    BAD_LENGTH = "id.bad_length"
    BAD_CHARACTERS = "id.bad_characters"
    BAD_REGION = "id.bad_region"
    BAD_BIRTH_DATE = "id.bad_birth_date"
    FUTURE_BIRTH_DATE = "id.future_birth_date"
    BAD_CHECK_DIGIT = "id.bad_check_digit"
    # Recognised, but the old 15-digit form: the person should use their 18-digit number.
    LEGACY_15_DIGIT = "id.legacy_15_digit"


@dataclass(frozen=True)
class IdCheck:
    number: str  # normalised: trimmed, 'x' upper-cased
    problem: IdProblem | None
    birth_date: date | None = None
    upgraded: str | None = None  # the 18-digit form of a valid legacy 15-digit number

    @property
    def ok(self) -> bool:
        return self.problem is None

    def __repr__(self) -> str:  # the number is personal data
        return f"IdCheck(problem={self.problem})"


def id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def _birth_date(yyyymmdd: str) -> date | None:
    try:
        return date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None


def _check_body(number: str, yyyymmdd: str, today: date) -> tuple[IdProblem | None, date | None]:
    if int(number[:2]) not in PROVINCE_CODES:
        return IdProblem.BAD_REGION, None
    born = _birth_date(yyyymmdd)
    if born is None or born.year < 1850:
        return IdProblem.BAD_BIRTH_DATE, None
    if born > today:
        return IdProblem.FUTURE_BIRTH_DATE, born
    return None, born


def validate_id_number(text: str, today: date) -> IdCheck:
    number = text.strip().upper()
    if len(number) == 15:
        if not number.isdigit() or not number.isascii():
            return IdCheck(number, IdProblem.BAD_CHARACTERS)
        problem, born = _check_body(number, "19" + number[6:12], today)
        if problem is not None:
            return IdCheck(number, problem, born)
        first17 = number[:6] + "19" + number[6:]
        return IdCheck(number, IdProblem.LEGACY_15_DIGIT, born, first17 + id_check_char(first17))
    if len(number) != 18:
        return IdCheck(number, IdProblem.BAD_LENGTH)
    if not (
        number[:17].isdigit() and number.isascii() and (number[17].isdigit() or number[17] == "X")
    ):
        return IdCheck(number, IdProblem.BAD_CHARACTERS)
    problem, born = _check_body(number, number[6:14], today)
    if problem is not None:
        return IdCheck(number, problem, born)
    if id_check_char(number[:17]) != number[17]:
        return IdCheck(number, IdProblem.BAD_CHECK_DIGIT, born)
    return IdCheck(number, None, born)


# --- mobile numbers ------------------------------------------------------------------------

_MOBILE = re.compile(r"1[3-9]\d{9}")


def normalise_mobile(text: str) -> str | None:
    """The 11-digit mainland mobile number, or None. Accepts +86/0086/86, spaces and dashes."""
    digits = re.sub(r"[\s\-()]", "", text.strip())
    for prefix in ("+86", "0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11:
            digits = digits[len(prefix) :]
            break
    return digits if digits.isascii() and _MOBILE.fullmatch(digits) else None


# --- names -----------------------------------------------------------------------------------

MIDDLE_DOT = "\u00b7"
# Look-alikes people and input methods type for the dot in names such as 买买提·艾力.
_DOT_VARIANTS = "\u2022\u30fb\uff0e\u2027\uff65\u2219\u22c5\u0387"
_DOT_TABLE = str.maketrans(dict.fromkeys(_DOT_VARIANTS, MIDDLE_DOT))
NAME_MAX_CHARS = 30


class NameProblem(enum.Enum):
    EMPTY = "name.empty"
    TOO_LONG = "name.too_long"
    BAD_CHARACTERS = "name.bad_characters"
    BAD_DOT = "name.bad_dot"


@dataclass(frozen=True)
class NameCheck:
    name: str
    problem: NameProblem | None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def __repr__(self) -> str:
        return f"NameCheck(problem={self.problem})"


def _name_char_ok(ch: str) -> bool:
    cat = unicodedata.category(ch)
    # Letters of any script (Han incl. Ext-B such as U+20000, Arabic for Uyghur, Latin),
    # combining marks, and private-use characters: ID cards encode rare Han characters in the
    # private-use area, and refusing them would refuse the person.
    return cat[0] in "LM" or cat == "Co" or ch in (MIDDLE_DOT, " ")


def normalise_name(text: str) -> NameCheck:
    """NFC, trimmed, dot variants unified to U+00B7; characters outside the BMP kept intact."""
    name = unicodedata.normalize("NFC", text).translate(_DOT_TABLE).strip()
    name = re.sub(r"\s*\u00b7\s*", MIDDLE_DOT, re.sub(r"\s+", " ", name))
    if not name:
        return NameCheck(name, NameProblem.EMPTY)
    if len(name) > NAME_MAX_CHARS:  # len() counts code points, so U+20000 is one character
        return NameCheck(name, NameProblem.TOO_LONG)
    if not all(_name_char_ok(ch) for ch in name):
        return NameCheck(name, NameProblem.BAD_CHARACTERS)
    if name[0] == MIDDLE_DOT or name[-1] == MIDDLE_DOT or MIDDLE_DOT * 2 in name:
        return NameCheck(name, NameProblem.BAD_DOT)
    return NameCheck(name, None)

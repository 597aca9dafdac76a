"""Receipt numbers (回执编号), issued offline at the terminal the moment a record is queued.

Format `TTTTT-SSSS-C`:
- `TTTTT`: the terminal id, five Crockford base32 characters assigned by the platform at
  enrolment. Unique per province, and a reinstalled terminal enrols again and gets a new id,
  so numbers never collide across terminals or reinstalls without any coordination.
- `SSSS`: a per-terminal sequence in Crockford base32, at least four characters and growing
  when needed; the queue bumps it in the same transaction as the record, so a crash never
  reuses one.
- `C`: a Luhn mod 32 check character over the nine (or more) characters before it.

Crockford base32 leaves out I, L, O and U, so a number read over the phone cannot be misheard
as a look-alike; parsing maps O to 0 and I/L to 1. Luhn mod N catches every single-character
error and every transposition of two adjacent characters except the pair 0/Z (values 0 and 31),
the mod-N analogue of Luhn's 09/90 blind spot.
"""

from __future__ import annotations

from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_CONFUSABLES = str.maketrans({"O": "0", "I": "1", "L": "1"})
TERMINAL_ID_LEN = 5
MIN_SEQ_LEN = 4


class ReceiptNumberError(ValueError):
    """Not a receipt number: wrong shape, a character outside the alphabet, or a bad check."""


@dataclass(frozen=True, order=True)
class ReceiptNumber:
    terminal_id: str
    seq: int

    def __str__(self) -> str:
        return format_receipt_number(self.terminal_id, self.seq)


def _luhn_sum(chars: str, double_first: bool) -> int:
    total, double = 0, double_first
    for ch in reversed(chars):
        addend = _VALUE[ch] * (2 if double else 1)
        total += addend // 32 + addend % 32
        double = not double
    return total


def check_char(payload: str) -> str:
    return ALPHABET[-_luhn_sum(payload, double_first=True) % 32]


def is_valid_terminal_id(text: str) -> bool:
    return len(text) == TERMINAL_ID_LEN and all(ch in _VALUE for ch in text)


def encode_base32(value: int, min_len: int = MIN_SEQ_LEN) -> str:
    if value < 0:
        raise ValueError("sequence must not be negative")
    out = ""
    while value:
        value, digit = divmod(value, 32)
        out = ALPHABET[digit] + out
    return out.rjust(min_len, "0")


def format_receipt_number(terminal_id: str, seq: int) -> str:
    if not is_valid_terminal_id(terminal_id):
        raise ReceiptNumberError("terminal id must be five Crockford base32 characters")
    seq_text = encode_base32(seq)
    return f"{terminal_id}-{seq_text}-{check_char(terminal_id + seq_text)}"


def parse_receipt_number(text: str) -> ReceiptNumber:
    """Accepts lower case, missing or extra dashes and spaces, and O/I/L look-alikes."""
    chars = "".join(text.split()).replace("-", "").upper().translate(_CONFUSABLES)
    if len(chars) < TERMINAL_ID_LEN + MIN_SEQ_LEN + 1:
        raise ReceiptNumberError("too short for a receipt number")
    if any(ch not in _VALUE for ch in chars):
        raise ReceiptNumberError("contains a character that is not in a receipt number")
    if _luhn_sum(chars, double_first=False) % 32 != 0:
        raise ReceiptNumberError("check character does not match")
    seq = 0
    for ch in chars[TERMINAL_ID_LEN:-1]:
        seq = seq * 32 + _VALUE[ch]
    return ReceiptNumber(chars[:TERMINAL_ID_LEN], seq)

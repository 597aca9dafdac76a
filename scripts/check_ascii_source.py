"""Reject look-alike and text-direction tricks in Python source.

Electrum bans every non-ASCII character in source. A Chinese kiosk cannot: its tests and seed data
are full of Chinese names. So the rule here is narrower and keeps the defence: identifiers and
code must be ASCII (non-ASCII only inside string literals and comments), and no file may contain
bidirectional-control or invisible characters anywhere (CVE-2021-42574 "Trojan Source").
"""

from __future__ import annotations

import io
import sys
import tokenize
from pathlib import Path

ROOTS = ("kiosk", "devices", "ui", "offline_queue", "central", "tests", "scripts", "bench")
FORBIDDEN = {
    chr(c)
    for c in [
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x200B,
        0x200C,
        0x200D,
        0x200E,
        0x200F,
        0x2060,
        0xFEFF,
        0x061C,
    ]
}
TEXT_TOKENS = {tokenize.STRING, tokenize.COMMENT}  # 3.11: an f-string is one STRING token


def problems(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = [
        f"{path}:{n}: invisible or bidi control character"
        for n, line in enumerate(text.splitlines(), 1)
        if FORBIDDEN.intersection(line)
    ]
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type not in TEXT_TOKENS and not tok.string.isascii():
            found.append(f"{path}:{tok.start[0]}: non-ASCII outside a string or comment")
    return found


def main() -> int:
    files = [p for root in ROOTS if Path(root).exists() for p in Path(root).rglob("*.py")]
    found = [msg for f in sorted(files) for msg in problems(f)]
    for msg in found:
        sys.stderr.write(msg + "\n")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())

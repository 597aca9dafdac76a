"""A short printed slip (凭条): an appointment slip or a queue ticket. Like a Receipt, every text
is already in the villager's language; the printer only lays it out, and the screen shows the
same slip (with its QR) when the printer cannot print."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Slip:
    title: str  # e.g. 排队号 / 预约凭条
    headline: str  # the one thing to read from afar: the ticket number, the booked time
    lines: tuple[str, ...]  # "label: value" lines, in order
    notice: str = ""  # boxed: waiting for confirmation, offline number, ...
    qr_payload: str = ""  # what a phone (or this terminal's camera) reads back
    footer: str = ""  # e.g. the hotline

    def as_text(self) -> str:
        """The slip as plain lines, for the on-screen QR when there is no paper."""
        parts = [self.title, self.headline, *self.lines]
        if self.notice:
            parts.append(self.notice)
        return "\n".join(p for p in parts if p)

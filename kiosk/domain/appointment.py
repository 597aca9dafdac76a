"""Appointments at the hall (预约) and queue tickets (取号), with the contract's JSON shapes
(docs/sync-protocol.md, "Appointments" and "Queue tickets")."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

# The periods a hall takes bookings in, and the slot id that names one (the contract's
# "Appointments"): a terminal without the network can still name the slot it books, and the
# platform decides when the record arrives.
PERIODS = {"am": ("09:00", "11:30"), "pm": ("14:30", "17:00")}


def slot_id(hall_code: str, item_code: str, day: date, period: str) -> str:
    return f"{hall_code}.{item_code}.{day.isoformat()}.{period}"


def is_working_day(day: date) -> bool:
    """Halls take no bookings at weekends."""
    return day.weekday() < 5


class HallFormatError(ValueError):
    """A hall, slot or ticket reply does not have the contract's shape."""


@dataclass(frozen=True)
class Hall:
    code: str
    name: str
    township: str
    county: str
    phone: str
    address: str = ""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Hall:
        try:
            return cls(
                str(d["code"]),
                str(d["name"]),
                str(d["township"]),
                str(d["county"]),
                str(d["phone"]),
                str(d.get("address") or ""),
            )
        except (KeyError, TypeError) as exc:
            raise HallFormatError(f"hall reply is malformed: {type(exc).__name__}") from None


@dataclass(frozen=True)
class Slot:
    slot_id: str
    day: date
    start: str  # "09:00", hall local time
    end: str
    capacity: int
    booked: int

    @property
    def free(self) -> int:
        return max(0, self.capacity - self.booked)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Slot:
        try:
            return cls(
                str(d["slot_id"]),
                date.fromisoformat(str(d["date"])),
                str(d["start"]),
                str(d["end"]),
                int(d["capacity"]),
                int(d["booked"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise HallFormatError(f"slot reply is malformed: {type(exc).__name__}") from None


class BookingState(enum.Enum):
    WAITING_CONFIRMATION = "waiting_confirmation"  # made offline, queued
    CONFIRMED = "confirmed"
    REFUSED = "refused"  # e.g. the slot filled up before the record arrived


@dataclass(frozen=True)
class Appointment:
    item_code: str
    hall_code: str
    slot: Slot
    state: BookingState
    booking_no: str = ""


@dataclass(frozen=True)
class Ticket:
    """A queue ticket: A-prefixed for booked villagers checking in, B for walk-ins.

    A ticket the platform numbered has no `terminal_id`. One the terminal numbered itself while
    the platform was out of reach carries the terminal's id in its label (K7Q2M-B003): terminal
    ids are unique, so two terminals of one hall never print the same label, and the hall's
    calling system never mistakes it for one of its own numbers.
    """

    number: int
    booked: bool
    item_code: str
    day: date | None = None
    waiting_before: int | None = None  # tickets of the series still waiting before this one
    booking_no: str = ""
    slot_start: str = ""
    slot_end: str = ""
    terminal_id: str = ""  # set only on a ticket the terminal numbered offline

    @property
    def series(self) -> str:
        return "A" if self.booked else "B"

    @property
    def offline(self) -> bool:
        return bool(self.terminal_id)

    @property
    def label(self) -> str:
        number = f"{self.series}{self.number:03d}"
        return f"{self.terminal_id}-{number}" if self.terminal_id else number

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Ticket:
        try:
            series = str(d["series"])
            if series not in ("A", "B"):
                raise ValueError("series")
            slot = d.get("slot") or {}
            waiting = d.get("waiting_before")
            return cls(
                number=int(d["number"]),
                booked=series == "A",
                item_code=str(d.get("item_code") or ""),
                day=date.fromisoformat(str(d["day"])),
                waiting_before=None if waiting is None else int(waiting),
                booking_no=str(d.get("booking_no") or ""),
                slot_start=str(slot.get("start", "")),
                slot_end=str(slot.get("end", "")),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise HallFormatError(f"ticket reply is malformed: {type(exc).__name__}") from None

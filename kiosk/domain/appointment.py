"""Appointments at the hall (预约) and queue tickets (取号)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


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
    """A queue ticket: A-prefixed for booked villagers checking in, B for walk-ins."""

    number: int
    booked: bool
    item_code: str

    @property
    def label(self) -> str:
        return f"{'A' if self.booked else 'B'}{self.number:03d}"

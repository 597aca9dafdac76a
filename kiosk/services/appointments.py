"""预约: choose a hall, an item, a day and a slot; book it through the outbox.

A booking is an `appointment` record in the durable outbox, online or not, so it is never
lost and never sent twice. It is confirmed only when the platform has taken it (it may refuse
it when the slot filled up meanwhile: the platform decides). Until then it is "waiting for
confirmation", and the screen never calls it confirmed.

Without the network the slots' free places are unknown; the hall's standard periods are
offered, named by the contract's slot ids, and the platform decides when the record arrives.

Thread: workers (HTTP and disk); never the GUI thread. `confirmation_wait_s` is how long a
screen may keep asking for the platform's answer before it shows "waiting for confirmation".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from kiosk.domain.appointment import (
    PERIODS,
    Appointment,
    BookingState,
    Hall,
    Slot,
    is_working_day,
    slot_id,
)
from kiosk.domain.identity import Identity
from kiosk.domain.validation import normalise_mobile
from kiosk.errors import KioskError, PlatformError
from kiosk.ports.clock import Clock
from kiosk.ports.hall import HallDesk
from kiosk.ports.outbox import LocalState, Outbox, OutboxEntry
from kiosk.services.tickets import CHINA

HORIZON_DAYS = 14  # the platform takes bookings up to two weeks ahead
SLOT_FULL = "slot_full"


class BadPhone(KioskError):
    message_key = "appointment.bad_phone"


@dataclass(frozen=True)
class SlotChoice:
    slots: tuple[Slot, ...]
    live: bool  # False: the platform could not be asked; free places are unknown


@dataclass(frozen=True)
class Booking:
    receipt_no: str
    state: BookingState
    booking_no: str = ""
    slot_full: bool = False  # refused because the slot filled up: book another one


def booking_from_entry(entry: OutboxEntry) -> Booking:
    """Where a queued booking stands: confirmed only once the platform has taken it."""
    receipt_no = entry.receipt_no or ""
    if entry.state is LocalState.DELIVERED and entry.booking_no:
        return Booking(receipt_no, BookingState.CONFIRMED, entry.booking_no)
    if entry.state is LocalState.DEAD:
        return Booking(receipt_no, BookingState.REFUSED, slot_full=SLOT_FULL in entry.problem)
    return Booking(receipt_no, BookingState.WAITING_CONFIRMATION)


class AppointmentService:
    def __init__(
        self,
        desk: HallDesk,
        outbox: Outbox,
        clock: Clock,
        hall_code: str,
        online: Callable[[], bool | None] = lambda: None,
        confirmation_wait_s: float = 10.0,
    ) -> None:
        self._desk, self._outbox, self._clock = desk, outbox, clock
        self.hall_code = hall_code
        self._online = online
        self.confirmation_wait_s = confirmation_wait_s

    def halls(self) -> list[Hall]:
        """The halls one may book at (PlatformError when the platform cannot be reached)."""
        return self._desk.halls()

    def days(self, count: int = 6) -> list[date]:
        """The next working days a booking can be made for, from tomorrow."""
        today = self._clock.now().astimezone(CHINA).date()
        days = [today + timedelta(days=n) for n in range(1, HORIZON_DAYS + 1)]
        return [d for d in days if is_working_day(d)][:count]

    def slots(self, hall_code: str, item_code: str, day: date) -> SlotChoice:
        try:
            return SlotChoice(tuple(self._desk.slots(hall_code, item_code, day)), True)
        except PlatformError:
            standard = tuple(
                Slot(slot_id(hall_code, item_code, day, period), day, start, end, 0, 0)
                for period, (start, end) in PERIODS.items()
            )
            return SlotChoice(standard, False)

    def book(
        self,
        hall_code: str,
        item_code: str,
        item_name: str,
        slot: Slot,
        person: Identity,
        phone: str,
    ) -> Booking:
        """Queued durably, with its receipt number, online or not (StorageFullError when the
        disk cannot take it). `phone` may be empty."""
        mobile = ""
        if phone:
            found = normalise_mobile(phone)
            if found is None:
                raise BadPhone("not a mobile number")
            mobile = found
        appointment = Appointment(item_code, hall_code, slot, BookingState.WAITING_CONFIRMATION)
        entry = self._outbox.book(appointment, person, mobile, item_name)
        return booking_from_entry(entry)

    def state(self, receipt_no: str) -> Booking | None:
        entry = self._outbox.entry(receipt_no)
        return None if entry is None else booking_from_entry(entry)

    def worth_waiting(self) -> bool:
        """Whether the platform's answer may come soon: not when the link is known to be down."""
        return self._online() is not False

"""The hall's desk on the platform: halls, appointment slots, queue tickets and check-in; and
the terminal's own ticket counter for when the platform is out of reach. Domain types only."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from kiosk.domain.appointment import Hall, Slot, Ticket
from kiosk.errors import KioskError


class HallDeskError(KioskError):
    message_key = "ticket.error"


class NoBookingToday(HallDeskError):
    """The platform has no booking today at this hall for this person."""

    message_key = "ticket.no_booking_today"


class TicketsExhausted(HallDeskError):
    """The hall has handed out every number of the day."""

    message_key = "ticket.queue_full"


class HallDesk(Protocol):
    """Thread: workers (HTTP), never the GUI thread. Raises PlatformError when the platform
    cannot be reached or answers garbage, HallDeskError for what the platform refuses."""

    def halls(self) -> list[Hall]:
        """Every hall, the terminal's own county first."""
        ...

    def slots(self, hall_code: str, item_code: str, day: date) -> list[Slot]: ...

    def walk_in(self, request_id: str, hall_code: str, item_code: str | None) -> Ticket:
        """A B-ticket. The same request id always gets the same ticket (a retry after a lost
        reply never burns a second number)."""
        ...

    def check_in(self, request_id: str, hall_code: str, id_number: str) -> Ticket:
        """The A-ticket of the person's booking today at this hall (the same one when they
        check in again). The ID number travels in the request body only. NoBookingToday."""
        ...


class TicketCounter(Protocol):
    """The terminal's own numbers for offline tickets, per day and series. Durable: a number
    is on disk before it is returned, so a restart never hands it out again. Thread: workers."""

    def next_number(self, day: date, series: str) -> int: ...

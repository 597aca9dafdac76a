"""Queue tickets (取号): a walk-in's B-ticket, a booked villager's check-in for an A-ticket.

Online the platform numbers every ticket of the hall, so terminals side by side never print
the same number. When the platform cannot be reached the terminal numbers the ticket itself,
from its own durable counter, and the label carries the terminal's id (K7Q2M-B003): it is
plainly not one of the hall's numbers, never collides with another terminal's, and the slip
says so. An offline check-in cannot verify the booking; the slip says that too.

Thread: workers (HTTP and disk); never the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta, timezone

from kiosk.domain.appointment import Ticket
from kiosk.domain.identity import Identity
from kiosk.errors import PlatformError
from kiosk.ports.clock import Clock
from kiosk.ports.hall import HallDesk, TicketCounter

log = logging.getLogger(__name__)
CHINA = timezone(timedelta(hours=8))  # halls keep Beijing time; so do their ticket days


class TicketService:
    def __init__(
        self,
        desk: HallDesk,
        counter: TicketCounter,
        clock: Clock,
        hall_code: str,
        terminal_id: str,
        new_id: Callable[[], str],
        attempts: int = 2,
    ) -> None:
        self._desk, self._counter, self._clock = desk, counter, clock
        self.hall_code, self.terminal_id = hall_code, terminal_id
        self._new_id = new_id
        self._attempts = max(1, attempts)

    def today(self) -> date:
        return self._clock.now().astimezone(CHINA).date()

    def walk_in(self, item_code: str | None = None) -> Ticket:
        """A B-ticket from the platform, or this terminal's own when it cannot be reached."""
        request_id = self._new_id()
        ask = lambda: self._desk.walk_in(request_id, self.hall_code, item_code)  # noqa: E731
        return self._online_or_own(ask, booked=False, item_code=item_code or "")

    def check_in(self, identity: Identity) -> Ticket:
        """The A-ticket of the person's booking today (NoBookingToday when there is none), or
        an unverified A-ticket of this terminal when the platform cannot be reached."""
        request_id = self._new_id()
        ask = lambda: self._desk.check_in(  # noqa: E731
            request_id, self.hall_code, identity.id_number
        )
        return self._online_or_own(ask, booked=True, item_code="")

    def _online_or_own(self, ask: Callable[[], Ticket], *, booked: bool, item_code: str) -> Ticket:
        # The same request id on every attempt: a reply lost on the way is answered again with
        # the same ticket, never a second number.
        for attempt in range(1, self._attempts + 1):
            try:
                return ask()
            except PlatformError as exc:
                log.info("ticket attempt %d failed: %s", attempt, exc.detail)
        day = self.today()
        number = self._counter.next_number(day, "A" if booked else "B")
        return Ticket(number, booked, item_code, day=day, terminal_id=self.terminal_id)

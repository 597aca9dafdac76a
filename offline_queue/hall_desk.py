"""The HallDesk port (kiosk/ports/hall.py) over the platform client: contract JSON in, domain
types out; the platform's refusals become the port's errors."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

from kiosk.domain.appointment import Hall, HallFormatError, Slot, Ticket
from kiosk.ports.hall import HallDeskError, NoBookingToday, TicketsExhausted
from offline_queue.platform_client import PlatformClient, PlatformGarbage, PlatformRefused

_REFUSALS: dict[str, type[HallDeskError]] = {
    "no_booking_today": NoBookingToday,
    "queue_full": TicketsExhausted,
}


def _items(reply: dict[str, Any], key: str) -> list[Any]:
    found = reply.get(key)
    if not isinstance(found, list):
        raise PlatformGarbage(f"reply has no list of {key}")
    return found


class PlatformHallDesk:
    """Thread: workers; one platform call at a time (the client is not shared with the sync
    loop, and this lock serialises the screens' own calls)."""

    def __init__(self, client: PlatformClient) -> None:
        self._client = client
        self._lock = threading.Lock()

    def halls(self) -> list[Hall]:
        with self._lock:
            reply = self._client.halls()
        try:
            return [Hall.from_dict(h) for h in _items(reply, "halls")]
        except HallFormatError as exc:
            raise PlatformGarbage(str(exc)) from None

    def slots(self, hall_code: str, item_code: str, day: date) -> list[Slot]:
        with self._lock:
            reply = self._client.hall_slots(hall_code, item_code, day.isoformat())
        try:
            return [Slot.from_dict(s) for s in _items(reply, "slots")]
        except HallFormatError as exc:
            raise PlatformGarbage(str(exc)) from None

    def walk_in(self, request_id: str, hall_code: str, item_code: str | None) -> Ticket:
        body: dict[str, Any] = {"request_id": request_id}
        if item_code:
            body["item_code"] = item_code
        return self._ticket(hall_code, "tickets", body)

    def check_in(self, request_id: str, hall_code: str, id_number: str) -> Ticket:
        body = {"request_id": request_id, "id_number": id_number}
        return self._ticket(hall_code, "check-ins", body)

    def _ticket(self, hall_code: str, kind: str, body: dict[str, Any]) -> Ticket:
        try:
            with self._lock:
                reply = self._client.hall_ticket(hall_code, kind, body)
        except PlatformRefused as exc:
            refusal = _REFUSALS.get(exc.code)
            if refusal is not None:
                raise refusal(exc.code) from None
            raise HallDeskError(f"{exc.status} {exc.code}") from None
        ticket = reply.get("ticket")
        if not isinstance(ticket, dict):
            raise PlatformGarbage("ticket reply has no ticket")
        try:
            return Ticket.from_dict(ticket)
        except HallFormatError as exc:
            raise PlatformGarbage(str(exc)) from None

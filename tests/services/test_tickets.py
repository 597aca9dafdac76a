"""Queue tickets through the real platform client against the real platform on loopback: the
platform numbers them per hall, a lost reply never burns a second number, and without the
platform the terminal numbers its own, durably and unmistakably. One platform for the module;
each test takes tickets in a hall of its own."""

from __future__ import annotations

import threading
import uuid
from datetime import date
from pathlib import Path

import pytest

from kiosk.ports.clock import SystemClock
from kiosk.ports.hall import NoBookingToday
from kiosk.services.tickets import TicketService
from offline_queue.hall_desk import PlatformHallDesk
from offline_queue.platform_client import PlatformClient, Signer
from offline_queue.ticket_counter import RESTART_AFTER_DAMAGE, JsonTicketCounter
from tests.services.people import person
from tests.support.bookings import book_today
from tests.support.central import CentralHandle, TestTerminal
from tests.support.fault_proxy import Fault, FaultProxy

ITEM = "000113001000"


def client_for(t: TestTerminal, base_url: str) -> PlatformClient:
    client = PlatformClient(base_url, 0.5, 2.0)
    client.signer = Signer(t.terminal_id, t.key)
    return client


def service(t: TestTerminal, base_url: str, folder: Path) -> TicketService:
    return TicketService(
        PlatformHallDesk(client_for(t, base_url)),
        JsonTicketCounter(folder / "tickets.json"),
        SystemClock(),
        t.hall["code"],
        t.terminal_id,
        lambda: str(uuid.uuid4()),
    )


def test_two_terminals_side_by_side_never_print_the_same_number(
    shared_central: CentralHandle, tmp_path: Path
):
    central = shared_central
    services = [
        service(central.enrol("451123101"), central.base_url, tmp_path / str(i)) for i in range(2)
    ]
    labels: list[str] = []
    start = threading.Barrier(len(services))

    def take(s: TicketService) -> None:
        start.wait()
        labels.extend(s.walk_in(ITEM).label for _ in range(8))

    threads = [threading.Thread(target=take, args=(s,)) for s in services]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(labels) == [f"B{n:03d}" for n in range(1, 17)]


def test_a_lost_reply_is_asked_again_and_gets_the_same_number(
    shared_central: CentralHandle, tmp_path: Path
):
    central = shared_central
    t = central.enrol("451123102")
    with FaultProxy(central.port) as proxy:
        tickets = service(t, proxy.url, tmp_path)
        proxy.add(Fault.drop_reply(match="POST /v1/halls/", times=1))
        first = tickets.walk_in()
    assert first.label == "B001" and not first.offline  # the platform acted once, not twice
    assert service(t, central.base_url, tmp_path).walk_in().label == "B002"


def test_without_the_platform_the_terminal_numbers_its_own_tickets_durably(
    shared_central: CentralHandle, tmp_path: Path
):
    central = shared_central
    t = central.enrol("451123103")
    with FaultProxy(central.port) as proxy:
        proxy.refuse()
        first = service(t, proxy.url, tmp_path).walk_in()
        # A restart of the kiosk (a new service, the same counter file) goes on counting.
        second = service(t, proxy.url, tmp_path).walk_in()
        booked = service(t, proxy.url, tmp_path).check_in(person())
    assert first.offline and first.label == f"{t.terminal_id}-B001"
    assert second.label == f"{t.terminal_id}-B002"
    assert booked.label == f"{t.terminal_id}-A001" and booked.booked
    other = central.enrol("451123103")
    with FaultProxy(central.port) as proxy:
        proxy.refuse()
        theirs = service(other, proxy.url, tmp_path / "other").walk_in()
    assert theirs.label != first.label  # the same number, another terminal: another label


def test_check_in_finds_todays_booking_and_says_when_there_is_none(
    shared_central: CentralHandle, tmp_path: Path
):
    central = shared_central
    t = central.enrol("451123104")
    tickets = service(t, central.base_url, tmp_path)
    villager = person()
    with pytest.raises(NoBookingToday):
        tickets.check_in(villager)
    booking_no = book_today(central, t.hall["code"], ITEM, villager.id_number)
    ticket = tickets.check_in(villager)
    assert ticket.label == "A001" and ticket.booking_no == booking_no
    assert (ticket.slot_start, ticket.slot_end) == ("09:00", "11:30")
    assert ticket.day == tickets.today()


def test_a_damaged_counter_numbers_far_past_anything_already_printed(tmp_path: Path):
    counter = JsonTicketCounter(tmp_path / "tickets.json")
    day = date(2026, 11, 23)
    assert [counter.next_number(day, "B") for _ in range(3)] == [1, 2, 3]
    assert counter.next_number(day, "A") == 1
    assert counter.next_number(date(2026, 11, 24), "B") == 1  # a new day starts again
    (tmp_path / "tickets.json").write_bytes(b"\x00garbage")
    assert counter.next_number(day, "B") == RESTART_AFTER_DAMAGE + 1

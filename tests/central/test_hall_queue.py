"""A hall's queue on the reference platform: numbers per hall and day, never handed out twice,
also to two terminals asking at once; check-in of booked villagers; idempotent repeats.

One platform for the module; each test counts in halls of its own, so numbers start at 1."""

from __future__ import annotations

import threading
import uuid
from typing import Any

from tests.support.bookings import book_today
from tests.support.central import CentralHandle, TestTerminal

ID_NUMBER = "45112319491231003X"
ITEM = "000113001000"


def walk_in(t: TestTerminal, request_id: str | None = None, **body: Any) -> Any:
    rid = request_id or str(uuid.uuid4())
    return t.post(f"/v1/halls/{t.hall['code']}/tickets", {"request_id": rid, **body})


def check_in(t: TestTerminal, id_number: str, request_id: str | None = None) -> Any:
    rid = request_id or str(uuid.uuid4())
    body = {"request_id": rid, "id_number": id_number}
    return t.post(f"/v1/halls/{t.hall['code']}/check-ins", body)


def test_two_terminals_of_one_hall_taking_tickets_at_once_never_share_a_number(
    shared_central: CentralHandle,
):
    terminals = [shared_central.enrol("451123101"), shared_central.enrol("451123101")]
    per_terminal = 12
    labels: list[str] = []
    failures: list[str] = []
    start = threading.Barrier(len(terminals) * 2)

    def take(t: TestTerminal) -> None:
        start.wait()
        for _ in range(per_terminal // 2):
            r = walk_in(t)
            if r.status_code != 200:
                failures.append(r.text)
            else:
                labels.append(r.json()["ticket"]["label"])

    threads = [threading.Thread(target=take, args=(t,)) for t in terminals for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not failures
    total = per_terminal * len(terminals)
    assert sorted(labels) == [f"B{n:03d}" for n in range(1, total + 1)]


def test_a_repeated_request_gets_the_same_ticket_not_a_second_number(
    shared_central: CentralHandle,
):
    t = shared_central.enrol("451123102")
    rid = str(uuid.uuid4())
    first = walk_in(t, rid, item_code=ITEM).json()["ticket"]
    again = walk_in(t, rid, item_code=ITEM).json()["ticket"]
    assert first == again and first["label"] == "B001" and first["item_code"] == ITEM
    assert walk_in(t).json()["ticket"]["label"] == "B002"
    # The same request id for a check-in is another ticket kind: a conflict, not a ticket.
    r = check_in(t, ID_NUMBER, rid)
    assert r.status_code == 409 and r.json()["error"]["code"] == "conflict"


def test_each_hall_counts_its_own_numbers_and_a_terminal_serves_only_its_hall(
    shared_central: CentralHandle,
):
    here, there = shared_central.enrol("451123103"), shared_central.enrol("451123104")
    assert walk_in(here).json()["ticket"]["label"] == "B001"
    assert walk_in(there).json()["ticket"]["label"] == "B001"
    rid = str(uuid.uuid4())
    r = there.post(f"/v1/halls/{here.hall['code']}/tickets", {"request_id": rid})
    assert r.status_code == 403 and r.json()["error"]["code"] == "wrong_hall"
    assert walk_in(here, item_code="nonexistent").status_code == 404


def test_a_booked_villager_checks_in_once_and_gets_an_a_ticket(shared_central: CentralHandle):
    central = shared_central
    t = central.enrol("451123105")
    r = check_in(t, ID_NUMBER)
    assert r.status_code == 404 and r.json()["error"]["code"] == "no_booking_today"
    booking_no = book_today(central, t.hall["code"], ITEM, ID_NUMBER)
    walk_in(t)  # walk-ins have their own series
    ticket = check_in(t, ID_NUMBER.lower()).json()["ticket"]  # a lower-case x matches too
    assert ticket["label"] == "A001" and ticket["booking_no"] == booking_no
    assert ticket["slot"] == {"start": "09:00", "end": "11:30"} and ticket["item_code"] == ITEM
    assert check_in(t, ID_NUMBER).json()["ticket"] == ticket  # tapping again: the same ticket
    other = central.enrol("451123106")
    assert check_in(other, ID_NUMBER).status_code == 404  # booked at another hall


def test_the_people_waiting_before_shrink_as_the_window_calls_them(
    shared_central: CentralHandle,
):
    central = shared_central
    t = central.enrol("451123107")
    for _ in range(3):
        walk_in(t)
    mine = walk_in(t).json()["ticket"]
    assert mine["label"] == "B004" and mine["waiting_before"] == 3
    hall = t.hall["code"]
    called = central.admin("POST", f"/v1/admin/halls/{hall}/queue/next", {"series": "B"})
    assert called.json()["ticket"]["label"] == "B001" and called.json()["ticket"]["called"]
    rid = str(uuid.uuid4())
    r = t.post(f"/v1/halls/{hall}/tickets", {"request_id": rid})
    assert r.json()["ticket"]["waiting_before"] == 3  # B002, B003, B004 still wait
    nobody = central.admin("POST", f"/v1/admin/halls/{hall}/queue/next", {"series": "A"})
    assert nobody.status_code == 404


def test_the_halls_list_puts_the_terminals_own_county_first(shared_central: CentralHandle):
    t = shared_central.enrol("451123201")
    halls = t.get("/v1/halls").json()["halls"]
    assert len(halls) >= 2 and halls[0]["county"] == t.hall["county"]
    assert {"code", "name", "township", "county", "phone", "address"} <= set(halls[0])

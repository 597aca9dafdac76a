"""代送 on the desk: which bundles are offered, and each relay audited before and after with
its counts (never a record's content); a damaged bundle leaves only the attempt on record."""

from __future__ import annotations

import pytest

from kiosk.ports.bundles import BundleUnreadable
from kiosk.ports.clock import FakeClock
from kiosk.services.tech_carry import RelayTools
from kiosk.services.technician import NotSignedIn
from tests.services.tech_fakes import MEDIA, FakeLogs, FakeRelay, carried, details, sample_desk


def test_other_terminals_bundles_on_every_stick_are_offered_never_this_terminal_s_own():
    desk, _audit = sample_desk(FakeClock())
    tools = desk.tools.relay
    assert tools is not None
    assert [(b.terminal_id, b.records) for b in tools.bundles()] == [("M3P8X", 126)]


def test_a_relay_is_audited_before_and_after_and_a_second_one_takes_nothing_twice():
    desk, audit = sample_desk(FakeClock())
    tools = desk.tools.relay
    assert tools is not None
    [bundle] = tools.bundles()
    first, again = tools.relay(bundle), tools.relay(bundle)
    assert (first.delivered, first.already, first.refused) == (124, 0, 2)
    assert (again.delivered, again.already, again.refused) == (0, 124, 2)
    entries = [e for e in audit.recent(10) if e.action.startswith("queue.relay")][::-1]
    folder = "kiosk-queue-M3P8X-20261120-1405"
    assert [(e.action, e.subject) for e in entries[:2]] == [
        ("queue.relay", folder),
        ("queue.relayed", folder),
    ]
    assert details(entries[0]) == {"terminal": "M3P8X"}
    assert details(entries[1]) == {
        "terminal": "M3P8X", "delivered": 124, "already": 0, "refused": 2, "pages": 88
    }  # fmt: skip


def test_a_damaged_bundle_is_refused_with_only_the_attempt_on_record():
    desk, audit = sample_desk(FakeClock())
    bundle = carried(MEDIA[0].path, "M3P8X", 126)
    tools = RelayTools(desk.record, FakeRelay(damaged={bundle.path}), FakeLogs(), lambda: "K7Q2M")
    with pytest.raises(BundleUnreadable):
        tools.relay(bundle)
    assert [e.action for e in audit.recent(1)] == ["queue.relay"]


def test_nobody_relays_without_a_technician_signed_in():
    desk, _audit = sample_desk(FakeClock(), signed_in=False)
    tools = desk.tools.relay
    assert tools is not None
    with pytest.raises(NotSignedIn):
        tools.relay(carried(MEDIA[0].path, "M3P8X", 126))

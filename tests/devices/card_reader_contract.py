"""One contract for every CardReader: subclass CardReaderContract and provide `rig`.

A rig is the reader under test (not yet opened) plus the hands that put cards on whatever
stands behind it: the simulator's controls, a virtual card in pcscd's vpcd slot, or the ID
reader emulator on its pseudo-terminal. Readers that also read social-security cards add
SocialSecurityContract. Waits are liveness bounds (15 s), never performance thresholds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pytest

from devices.emulators.people import PEOPLE, Person
from kiosk.domain.identity import Identity
from kiosk.ports.card_reader import CardEvent, CardEventKind, CardReader
from kiosk.ports.device import DeviceState, DeviceStatus

WAIT_S = 15.0
CARD_KINDS = (
    CardEventKind.CARD_INSERTED,
    CardEventKind.IDENTITY_READ,
    CardEventKind.READ_FAILED,
    CardEventKind.CARD_REMOVED,
)


class EventRecorder:
    """Collects a reader's events and statuses; wait_for() blocks the test thread only."""

    def __init__(self, reader: CardReader) -> None:
        self.events: list[CardEvent] = []
        self.statuses: list[DeviceStatus] = []
        self._cond = threading.Condition()
        self.unsubscribe = reader.subscribe_events(self._event)
        self._unsubscribe_status = reader.subscribe(self._status)

    def _event(self, event: CardEvent) -> None:
        with self._cond:
            self.events.append(event)
            self._cond.notify_all()

    def _status(self, status: DeviceStatus) -> None:
        with self._cond:
            self.statuses.append(status)
            self._cond.notify_all()

    def card_events(self) -> list[CardEvent]:
        with self._cond:
            return [e for e in self.events if e.kind in CARD_KINDS]

    def kinds(self) -> list[CardEventKind]:
        return [e.kind for e in self.card_events()]

    def wait_for(self, kind: CardEventKind, count: int = 1) -> CardEvent:
        """The `count`-th event of `kind` (1-based), waiting for it if need be."""
        with self._cond:
            ok = self._cond.wait_for(
                lambda: sum(e.kind is kind for e in self.events) >= count, WAIT_S
            )
            if not ok:
                raise AssertionError(f"no {kind} #{count}; saw {[e.kind for e in self.events]}")
            return [e for e in self.events if e.kind is kind][count - 1]

    def wait_status(self, reader: CardReader, key: str) -> DeviceStatus:
        with self._cond:
            ok = self._cond.wait_for(lambda: reader.status().message_key == key, WAIT_S)
            if not ok:
                raise AssertionError(f"status never {key}; last {reader.status()}")
            return reader.status()

    def wait_card_result(self, count: int = 1) -> CardEvent:
        """The `count`-th read outcome: identity_read or read_failed, whichever came."""
        with self._cond:
            ok = self._cond.wait_for(
                lambda: len(self._results()) >= count,
                WAIT_S,
            )
            if not ok:
                raise AssertionError(f"no read result #{count}; saw {self.kinds()}")
            return self._results()[count - 1]

    def _results(self) -> list[CardEvent]:
        wanted = (CardEventKind.IDENTITY_READ, CardEventKind.READ_FAILED)
        return [e for e in self.events if e.kind in wanted]


@dataclass
class CardReaderRig:
    reader: CardReader
    present: Callable[[Person], None]  # the person's card, of the kind this reader reads
    remove: Callable[[], None]
    present_pulled_mid_read: Callable[[Person], None]
    present_unknown: Callable[[], None]
    expected: Callable[[Person], Identity]
    missing_reader: Callable[[], CardReader]  # configured for hardware that is not there
    thread_names: frozenset[str] = frozenset()  # threads the reader starts, to check close()
    extra_readers: list[CardReader] = field(default_factory=list)


def opened(rig: CardReaderRig) -> EventRecorder:
    recorder = EventRecorder(rig.reader)
    rig.reader.open()
    recorder.wait_status(rig.reader, "reader.ready")
    return recorder


def read_person(rig: CardReaderRig, recorder: EventRecorder, person: Person, n: int) -> Identity:
    """Present, wait for the n-th read, remove, wait for the n-th removal."""
    rig.present(person)
    event = recorder.wait_card_result(n)
    rig.remove()
    recorder.wait_for(CardEventKind.CARD_REMOVED, n)
    assert event.kind is CardEventKind.IDENTITY_READ, (event.message_key, event.detail)
    assert event.identity is not None
    return event.identity


class CardReaderContract:
    @pytest.fixture
    def rig(self, request: pytest.FixtureRequest) -> CardReaderRig:
        raise NotImplementedError

    def test_an_opened_reader_with_no_card_is_ready_and_quiet(self, rig: CardReaderRig) -> None:
        recorder = opened(rig)
        assert rig.reader.status().state is DeviceState.READY
        assert recorder.kinds() == []

    def test_every_sample_person_reads_whole_in_one_session(self, rig: CardReaderRig) -> None:
        recorder = opened(rig)
        read = []
        for n, person in enumerate(PEOPLE, start=1):
            identity = read_person(rig, recorder, person, n)
            assert identity == rig.expected(person), person.label
            read.append(identity)
        per_card = [CardEventKind.CARD_INSERTED, CardEventKind.IDENTITY_READ]
        assert recorder.kinds() == (per_card + [CardEventKind.CARD_REMOVED]) * len(PEOPLE)
        # The awkward ones keep what makes them awkward.
        _, x_id, uyghur, rare, expired, long_term = read
        assert x_id.id_number.endswith("X") and x_id.id_number == PEOPLE[1].id_number
        assert "\u00b7" in uyghur.name  # the middle dot between given name and father's name
        # Outside the BMP, or the resident ID card's Private Use Area stand-in (UCS-2 text).
        assert len(rare.name) == 2 and rare.name[1] in ("\U00020000", "\ue000")
        assert expired.is_expired(date(2024, 1, 1)) and not x_id.is_expired(date(2024, 1, 1))
        assert long_term.valid_until is None and not long_term.is_expired(date(2099, 1, 1))

    def test_reset_and_cancel_leave_a_reader_that_reads_the_next_card(
        self, rig: CardReaderRig
    ) -> None:
        """What the technician's 重置 does to a reader that seems stuck: it comes back ready
        and reads; cancel with nothing under way is harmless."""
        recorder = opened(rig)
        rig.reader.cancel()
        rig.reader.reset()
        recorder.wait_status(rig.reader, "reader.ready")
        assert read_person(rig, recorder, PEOPLE[0], 1) == rig.expected(PEOPLE[0])
        rig.reader.reset()
        recorder.wait_status(rig.reader, "reader.ready")
        assert read_person(rig, recorder, PEOPLE[1], 2) == rig.expected(PEOPLE[1])

    def test_a_card_pulled_out_mid_read_fails_cleanly_then_the_next_card_reads(
        self, rig: CardReaderRig
    ) -> None:
        recorder = opened(rig)
        rig.present_pulled_mid_read(PEOPLE[0])
        failed = recorder.wait_card_result(1)
        recorder.wait_for(CardEventKind.CARD_REMOVED, 1)
        assert failed.kind is CardEventKind.READ_FAILED
        assert failed.message_key == "card.removed_during_read"
        assert failed.identity is None
        rig.remove()
        assert read_person(rig, recorder, PEOPLE[2], 2) == rig.expected(PEOPLE[2])
        assert recorder.kinds()[:3] == [
            CardEventKind.CARD_INSERTED,
            CardEventKind.READ_FAILED,
            CardEventKind.CARD_REMOVED,
        ]

    def test_an_unknown_card_gets_a_clear_key_and_no_stack_trace(
        self, rig: CardReaderRig, caplog: pytest.LogCaptureFixture
    ) -> None:
        caplog.set_level(logging.DEBUG)
        recorder = opened(rig)
        rig.present_unknown()
        failed = recorder.wait_card_result(1)
        rig.remove()
        recorder.wait_for(CardEventKind.CARD_REMOVED, 1)
        assert (failed.kind, failed.message_key) == (
            CardEventKind.READ_FAILED,
            "card.unknown_type",
        )
        assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
        assert rig.reader.status().state is DeviceState.READY

    def test_a_missing_reader_is_a_status_not_an_exception(self, rig: CardReaderRig) -> None:
        reader = rig.missing_reader()
        rig.extra_readers.append(reader)
        recorder = EventRecorder(reader)
        reader.open()
        status = recorder.wait_status(reader, "reader.missing")
        assert status.state is DeviceState.OFFLINE and not status.usable
        assert recorder.kinds() == []

    def test_a_failing_listener_never_stops_the_reader(self, rig: CardReaderRig) -> None:
        def boom(event: CardEvent) -> None:
            raise RuntimeError("listener bug")

        rig.reader.subscribe_events(boom)
        recorder = opened(rig)
        assert read_person(rig, recorder, PEOPLE[0], 1) == rig.expected(PEOPLE[0])

    def test_an_unsubscribed_listener_hears_nothing_more(self, rig: CardReaderRig) -> None:
        recorder = opened(rig)
        late = EventRecorder(rig.reader)
        late.unsubscribe()
        read_person(rig, recorder, PEOPLE[0], 1)
        assert late.kinds() == []

    def test_close_joins_the_readers_threads_and_delivers_nothing_after(
        self, rig: CardReaderRig
    ) -> None:
        before = set(threading.enumerate())
        recorder = opened(rig)
        started = {t for t in threading.enumerate() if t not in before}
        assert {t.name for t in started} <= rig.thread_names | {"vcard"}
        rig.reader.close()
        assert not [t for t in started if t.is_alive() and t.name in rig.thread_names]
        rig.present(PEOPLE[0])
        threading.Event().wait(0.5)  # time for a wrongly still-running reader to notice
        assert recorder.kinds() == []
        rig.reader.close()  # twice is harmless


class SocialSecurityContract:
    """For readers of 社会保障卡: the holder's basic information needs the PSAM. `social`
    presents a person's social-security card, unlocked (as after PSAM authentication) or not."""

    @pytest.fixture
    def social(self, rig: CardReaderRig) -> Callable[[Person, bool], None]:
        raise NotImplementedError

    def test_a_locked_social_security_card_says_it_needs_the_psam(
        self, rig: CardReaderRig, social: Callable[[Person, bool], None]
    ) -> None:
        recorder = opened(rig)
        social(PEOPLE[0], False)
        failed = recorder.wait_card_result(1)
        rig.remove()
        recorder.wait_for(CardEventKind.CARD_REMOVED, 1)
        assert (failed.kind, failed.message_key) == (CardEventKind.READ_FAILED, "card.needs_psam")
        assert failed.identity is None

    @pytest.mark.parametrize("index", [0, 3, 5], ids=["plain", "rare_char", "long_term"])
    def test_an_unlocked_social_security_card_reads_the_basic_information(
        self, rig: CardReaderRig, social: Callable[[Person, bool], None], index: int
    ) -> None:
        recorder = opened(rig)
        person = PEOPLE[index]
        social(person, True)
        event = recorder.wait_card_result(1)
        rig.remove()
        recorder.wait_for(CardEventKind.CARD_REMOVED, 1)
        assert event.identity == person.social_security_identity(), event.detail

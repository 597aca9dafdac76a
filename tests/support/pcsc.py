"""pcscd + vpcd for tests, safe when several test processes share the machine.

    def test_x(vpcd: VpcdSlot) -> None:          # holds the cross-process vpcd lock
        card = vpcd.insert(kiosk_test_card(PEOPLE[0]))  # a virtual card in "Virtual PCD 00 00"
        reader = PcscCardReader(vpcd.reader)

The session fixture `pcsc_service` never skips: pcscd and vsmartcard-vpcd are installed by
`make test` (scripts/setup-system.sh), and a missing one fails with that advice. It reuses a
pcscd that is already running (system-wide, systemd's socket, another test process's or `make
run`'s child), and otherwise starts one as its own child; every start, stop and card insertion
happens under `vpcd_lock()`, and the child is stopped under the lock at the end of the session.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from smartcard import scard

from devices.emulators.card_model import CardModel
from devices.emulators.pcscd import (
    TEST_SLOT,
    PcscdProcess,
    PcscdUnavailable,
    find_pcscd,
    pcscd_running,
    vpcd_lock,
    vpcd_slots_present,
)
from devices.emulators.vcard import VirtualCard

SETTLE_TIMEOUT_S = 10.0


class PcscService:
    """This test process's pcscd. Call every method with vpcd_lock() held."""

    def __init__(self, exe: str) -> None:
        self._exe = exe
        self.owned: PcscdProcess | None = None

    def ensure_running(self) -> None:
        """A pcscd serving the vpcd slots; ours is restarted if it lost them."""
        if pcscd_running():
            if vpcd_slots_present(SETTLE_TIMEOUT_S):
                return
            if not self.restartable:
                pytest.fail("the running pcscd (not ours) serves no vpcd readers", pytrace=False)
            self.stop()
        if self.owned is None:
            self.owned = PcscdProcess(self._exe)
        self.owned.start()

    @property
    def restartable(self) -> bool:
        """True when pcscd is our child, so a test may stop and start it."""
        return self.owned is not None and self.owned.running

    def stop(self) -> None:
        if self.owned is not None:
            self.owned.stop()

    def close(self) -> None:
        if self.owned is not None:
            self.owned.stop()
            self.owned = None


@pytest.fixture(scope="session")
def pcsc_service() -> Iterator[PcscService]:
    try:
        service = PcscService(find_pcscd())
    except PcscdUnavailable as exc:
        pytest.fail(str(exc), pytrace=False)
    yield service
    with vpcd_lock():
        service.close()


@dataclass
class VpcdSlot:
    """vpcd's first reader slot, ours while the fixture holds the lock."""

    service: PcscService
    port: int = TEST_SLOT[0]
    reader: str = TEST_SLOT[1]
    cards: list[VirtualCard] = field(default_factory=list)

    def insert(self, card: CardModel, *, pull_out_after: int | None = None) -> VirtualCard:
        """Connect a virtual card (vpcd may still be starting: retry for a few seconds)."""
        virtual = VirtualCard(card, self.port, pull_out_after=pull_out_after)
        deadline = time.monotonic() + SETTLE_TIMEOUT_S
        while True:
            try:
                virtual.insert()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        self.cards.append(virtual)
        return virtual

    def remove(self) -> None:
        for card in self.cards:
            card.remove()
        self.cards.clear()

    def wait_empty(self) -> None:
        """Until pcscd itself sees no card in the slot, so the next holder starts clean."""
        hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            return
        try:
            state = scard.SCARD_STATE_UNAWARE
            deadline = time.monotonic() + SETTLE_TIMEOUT_S
            while time.monotonic() < deadline:
                hresult, states = scard.SCardGetStatusChange(ctx, 500, [(self.reader, state)])
                if hresult == scard.SCARD_E_TIMEOUT:
                    continue
                if hresult != scard.SCARD_S_SUCCESS:
                    return
                event_state = states[0][1]
                if not event_state & scard.SCARD_STATE_PRESENT:
                    return
                state = event_state & ~scard.SCARD_STATE_CHANGED
        finally:
            scard.SCardReleaseContext(ctx)


@pytest.fixture
def vpcd(pcsc_service: PcscService) -> Iterator[VpcdSlot]:
    """The test slot with pcscd running, under the cross-process lock for the whole test."""
    with vpcd_lock():
        pcsc_service.ensure_running()
        slot = VpcdSlot(pcsc_service)
        try:
            yield slot
        finally:
            slot.remove()
            if pcscd_running():
                slot.wait_empty()

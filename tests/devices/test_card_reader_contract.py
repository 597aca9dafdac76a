"""The card reader contract against the simulator, PC/SC through pcscd + vpcd with the virtual
card, and the resident ID reader driver over a pseudo-terminal to its emulator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from devices.emulators.card_model import CardModel, kiosk_test_card, social_card, unknown_card
from devices.emulators.idreader import IdReaderEmulator
from devices.emulators.people import Person
from devices.idreader.driver import SerialIdCardReader
from devices.idreader.photo import NoPhotoDecoder
from devices.pcsc.driver import PcscCardReader
from devices.simulated_card_reader import SimulatedCard, SimulatedCardReader
from kiosk.domain.identity import CardKind
from tests.devices.card_reader_contract import (
    CardReaderContract,
    CardReaderRig,
    SocialSecurityContract,
)
from tests.support.pcsc import VpcdSlot

pytestmark = pytest.mark.integration


def close_all(rig: CardReaderRig) -> None:
    for reader in [rig.reader, *rig.extra_readers]:
        reader.close()


class TestSimulatedCardReader(CardReaderContract, SocialSecurityContract):
    @pytest.fixture
    def rig(self) -> Iterator[CardReaderRig]:
        reader = SimulatedCardReader()

        def present(person: Person, pulled: bool = False) -> None:
            reader.insert(
                SimulatedCard(person.identity(CardKind.KIOSK_TEST), pulled_mid_read=pulled)
            )

        rig = CardReaderRig(
            reader=reader,
            present=present,
            remove=reader.remove,
            present_pulled_mid_read=lambda person: present(person, True),
            present_unknown=lambda: reader.insert(SimulatedCard(None)),
            expected=lambda person: person.identity(CardKind.KIOSK_TEST),
            missing_reader=lambda: SimulatedCardReader(attached=False),
        )
        yield rig
        close_all(rig)

    @pytest.fixture
    def social(self, rig: CardReaderRig) -> Callable[[Person, bool], None]:
        reader = rig.reader
        assert isinstance(reader, SimulatedCardReader)

        def present(person: Person, unlocked: bool) -> None:
            failure = "" if unlocked else "card.needs_psam"
            reader.insert(SimulatedCard(person.social_security_identity(), fails_with=failure))

        return present


class TestPcscCardReaderOverVpcd(CardReaderContract, SocialSecurityContract):
    @pytest.fixture
    def rig(self, vpcd: VpcdSlot) -> Iterator[CardReaderRig]:
        def insert(card: CardModel, pull_out_after: int | None = None) -> None:
            vpcd.insert(card, pull_out_after=pull_out_after)

        rig = CardReaderRig(
            reader=PcscCardReader(vpcd.reader, retry_s=0.2),
            present=lambda person: insert(kiosk_test_card(person)),
            remove=vpcd.remove,
            # SELECT AID and SELECT EF 0101 pass, then the card is gone mid-READ BINARY.
            present_pulled_mid_read=lambda person: insert(
                kiosk_test_card(person), pull_out_after=2
            ),
            present_unknown=lambda: insert(unknown_card()),
            expected=lambda person: person.identity(CardKind.KIOSK_TEST),
            missing_reader=lambda: PcscCardReader("No Such Reader 99", retry_s=0.2),
            thread_names=frozenset({"pcsc-monitor"}),
        )
        yield rig
        close_all(rig)

    @pytest.fixture
    def social(self, vpcd: VpcdSlot) -> Callable[[Person, bool], None]:
        def present(person: Person, unlocked: bool) -> None:
            vpcd.insert(social_card(person, psam_protected=not unlocked))

        return present


@pytest.fixture
def id_emulator() -> Iterator[IdReaderEmulator]:
    emulator = IdReaderEmulator().start()
    yield emulator
    emulator.stop()


class TestSerialIdCardReaderOverPty(CardReaderContract):
    @pytest.fixture
    def rig(self, id_emulator: IdReaderEmulator, tmp_path: Path) -> Iterator[CardReaderRig]:
        rig = CardReaderRig(
            reader=SerialIdCardReader(
                id_emulator.port,
                poll_s=0.05,
                retry_s=0.1,
                timeout_s=1.0,
                photo_decoder=NoPhotoDecoder(),
            ),
            present=id_emulator.present,
            remove=id_emulator.remove,
            present_pulled_mid_read=lambda person: id_emulator.present(
                person, pull_out_mid_read=True
            ),
            present_unknown=id_emulator.present_unknown,
            expected=lambda person: person.resident_id_identity(),
            missing_reader=lambda: SerialIdCardReader(str(tmp_path / "ttyUSB9"), retry_s=0.1),
            thread_names=frozenset({"idreader-poll"}),
        )
        yield rig
        close_all(rig)

"""Devices reach Qt only through the bridge's queued signals: whatever thread a reader, a
camera or a printer reports on, the screens hear it on the GUI thread, in the device's order,
and a slow GUI gets the newest camera frame instead of a growing queue."""

from __future__ import annotations

import threading

import numpy as np

from devices.emulators.people import PEOPLE
from devices.simulated_camera import SimulatedCamera
from devices.simulated_card_reader import SimulatedCard, SimulatedCardReader
from devices.simulated_printer import SimulatedPrinter
from kiosk.domain.identity import CardKind
from kiosk.ports.camera import Frame
from kiosk.ports.card_reader import CardEventKind
from ui.bridge import DeviceBridge
from ui.workers import Workers


def on_a_device_thread(work) -> None:
    thread = threading.Thread(target=work, name="device-thread")
    thread.start()
    thread.join()


def test_card_events_and_status_changes_arrive_on_the_gui_thread_in_order(qapp, qtbot):
    reader, printer = SimulatedCardReader(), SimulatedPrinter()
    bridge = DeviceBridge(Workers(), {"id": reader})
    bridge.watch("printer", printer)
    gui = threading.get_ident()
    cards: list[tuple[CardEventKind, int]] = []
    statuses: list[tuple[str, str, int]] = []
    bridge.card_event.connect(lambda e: cards.append((e.kind, threading.get_ident())))
    bridge.device_status.connect(
        lambda name, s: statuses.append((name, s.message_key, threading.get_ident()))
    )
    reader.open()
    person = PEOPLE[0]

    def villager_at_the_reader() -> None:
        reader.insert(SimulatedCard(person.identity(CardKind.KIOSK_TEST)))
        reader.remove()
        printer.set_state("out")
        printer.status()

    on_a_device_thread(villager_at_the_reader)
    assert cards == [] and statuses == []  # nothing ran on the device's thread
    qtbot.waitUntil(lambda: len(statuses) == 1 and CardEventKind.CARD_REMOVED in dict(cards))
    kinds = [k for k, _ in cards if k is not CardEventKind.STATUS_CHANGED]
    assert kinds == [
        CardEventKind.CARD_INSERTED,
        CardEventKind.IDENTITY_READ,
        CardEventKind.CARD_REMOVED,
    ]
    assert {t for _, t in cards} == {gui} and statuses == [("printer", "printer.out_of_paper", gui)]
    assert bridge.present_identity is None  # the card went


def test_a_slow_gui_gets_the_newest_frame_not_a_queue(qapp, qtbot):
    camera = SimulatedCamera([np.zeros((48, 64, 3), np.uint8)])
    bridge = DeviceBridge(Workers(), camera=camera)
    got: list[tuple[int, int]] = []
    bridge.frame_ready.connect(lambda f: got.append((f.index, threading.get_ident())))
    owner = object()
    bridge.use_camera(owner)  # opened on a worker for its first user
    qtbot.waitUntil(lambda: bridge.camera_open)
    pushed: list[Frame] = []

    def capture_loop() -> None:  # 30 frames while the GUI thread is busy elsewhere
        for n in range(30):
            pushed.append(camera.push(np.full((48, 64, 3), n, np.uint8)))

    on_a_device_thread(capture_loop)
    qtbot.waitUntil(lambda: bool(got))
    qapp.processEvents()
    assert got == [(pushed[-1].index, threading.get_ident())]


def test_a_reader_unplugged_on_its_own_thread_is_the_screens_problem_to_show(qapp, qtbot):
    reader = SimulatedCardReader()
    bridge = DeviceBridge(Workers(), {"id": reader})
    reader.open()
    assert bridge.reader_problem() == ""
    on_a_device_thread(lambda: reader.set_attached(False))
    assert bridge.reader_problem() == ""  # not until the GUI thread has heard it
    qtbot.waitUntil(lambda: bridge.reader_problem() == "reader.missing")

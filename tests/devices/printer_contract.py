"""One contract for every ReceiptPrinter: subclass PrinterContract and provide `rig`.

A rig is the printer under test plus the controls of whatever stands behind it (simulator
state or emulator state) and a view of what actually came out on paper.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from kiosk.domain.slip import Slip
from kiosk.ports.device import DeviceState, DeviceStatus
from kiosk.ports.printer import (
    PaperWidth,
    PrinterError,
    PrinterOffline,
    PrinterOutOfPaper,
    PrinterSilent,
    ReceiptPrinter,
)
from tests.devices.receipts import sample_receipt


@dataclass
class PrinterRig:
    printer: ReceiptPrinter
    set_state: Callable[[str], None]
    run_out_during_next_job: Callable[[], None]
    printed_qr_payloads: Callable[[], list[str]]  # what came out on paper, in order


class PrinterContract:
    @pytest.fixture
    def rig(self, request: pytest.FixtureRequest) -> PrinterRig:
        raise NotImplementedError

    def test_a_ready_printer_reports_ready(self, rig: PrinterRig) -> None:
        status = rig.printer.status()
        assert status.state is DeviceState.READY
        assert status.message_key == "printer.ready"

    @pytest.mark.parametrize(
        ("state", "expected_state", "key"),
        [
            ("near_end", DeviceState.DEGRADED, "printer.paper_near_end"),
            ("out", DeviceState.ERROR, "printer.out_of_paper"),
            ("offline", DeviceState.OFFLINE, "printer.offline"),
            ("mute", DeviceState.OFFLINE, "printer.silent"),
        ],
    )
    def test_each_printer_condition_maps_to_our_status(
        self, rig: PrinterRig, state: str, expected_state: DeviceState, key: str
    ) -> None:
        rig.set_state(state)
        status = rig.printer.status()
        assert (status.state, status.message_key) == (expected_state, key)

    def test_a_receipt_prints_whole_and_its_qr_carries_the_payload(self, rig: PrinterRig) -> None:
        receipt = sample_receipt()
        result = rig.printer.print_receipt(receipt)
        assert result.job_bytes > 0
        assert result.status_after.usable
        assert rig.printed_qr_payloads() == [receipt.qr_payload]

    def test_a_slip_prints_whole_and_its_qr_carries_the_payload(self, rig: PrinterRig) -> None:
        slip = Slip(
            "代办日汇总",
            "",
            ("代办员：黄**（A0012）", "共 2 件", "", "K7Q2M-001A-Q 张* 需补正材料"),
            qr_payload="AGENTDAY|A0012|2026-11-22|correction_needed=1,submitted=1|K7Q2M-001A-Q;K7Q2M-002A-Q",
        )
        result = rig.printer.print_slip(slip)
        assert result.job_bytes > 0 and result.status_after.usable
        assert rig.printed_qr_payloads() == [slip.qr_payload]

    def test_a_slip_is_refused_whole_without_paper(self, rig: PrinterRig) -> None:
        rig.set_state("out")
        with pytest.raises(PrinterOutOfPaper):
            rig.printer.print_slip(Slip("代办日汇总", "", ("共 0 件",)))
        assert rig.printed_qr_payloads() == []

    def test_near_end_still_prints_and_says_so(self, rig: PrinterRig) -> None:
        rig.set_state("near_end")
        result = rig.printer.print_receipt(sample_receipt())
        assert result.status_after.message_key == "printer.paper_near_end"
        assert len(rig.printed_qr_payloads()) == 1

    @pytest.mark.parametrize(
        ("state", "error", "key"),
        [
            ("out", PrinterOutOfPaper, "printer.out_of_paper"),
            ("offline", PrinterOffline, "printer.offline"),
            ("mute", PrinterSilent, "printer.silent"),
        ],
    )
    def test_an_unusable_printer_refuses_the_job_and_prints_nothing(
        self, rig: PrinterRig, state: str, error: type[PrinterError], key: str
    ) -> None:
        rig.set_state(state)
        with pytest.raises(error) as caught:
            rig.printer.print_receipt(sample_receipt())
        assert caught.value.message_key == key
        assert rig.printed_qr_payloads() == []

    def test_paper_running_out_mid_job_is_never_reported_as_printed(self, rig: PrinterRig) -> None:
        rig.run_out_during_next_job()
        with pytest.raises(PrinterOutOfPaper):
            rig.printer.print_receipt(sample_receipt())
        assert rig.printer.status().message_key == "printer.out_of_paper"

    def test_status_changes_reach_subscribers_once_each(self, rig: PrinterRig) -> None:
        seen: list[DeviceStatus] = []
        unsubscribe = rig.printer.subscribe(seen.append)
        rig.printer.status()
        rig.printer.status()
        rig.set_state("out")
        rig.printer.status()
        unsubscribe()
        rig.set_state("ok")
        rig.printer.status()
        assert [s.message_key for s in seen] == ["printer.ready", "printer.out_of_paper"]

    def test_reset_reports_the_state_again_and_cancel_is_harmless(self, rig: PrinterRig) -> None:
        """After 重置 the printer's state is said again (a screen that missed it hears it),
        and it prints; cancel between jobs changes nothing."""
        seen: list[DeviceStatus] = []
        rig.printer.subscribe(seen.append)
        rig.printer.status()
        rig.printer.cancel()
        rig.printer.reset()
        rig.printer.status()
        assert [s.message_key for s in seen] == ["printer.ready", "printer.ready"]
        rig.printer.print_receipt(sample_receipt())
        assert len(rig.printed_qr_payloads()) == 1

    def test_capabilities_name_the_paper_width(self, rig: PrinterRig) -> None:
        width = rig.printer.paper_width
        assert width in (PaperWidth.MM58, PaperWidth.MM80)
        assert f"paper_{int(width)}" in rig.printer.capabilities()

    def test_a_refused_job_tells_subscribers_why(self, rig: PrinterRig) -> None:
        seen: list[DeviceStatus] = []
        rig.printer.subscribe(seen.append)
        rig.set_state("mute")
        with pytest.raises(PrinterSilent):
            rig.printer.print_receipt(sample_receipt())
        assert seen[-1].message_key == "printer.silent"

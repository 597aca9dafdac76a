"""The Payments port (kiosk/ports/payments.py) on the platform client: online only, by design."""

from __future__ import annotations

from kiosk.ports.payments import PaymentOrder
from offline_queue.platform_client import PlatformClient, PlatformGarbage


class PlatformPayments:
    """Thread: workers, one call at a time (give it a client of its own)."""

    def __init__(self, client: PlatformClient) -> None:
        self._client = client

    def create_order(self, receipt_no: str, item_code: str) -> PaymentOrder:
        reply = self._client.create_payment(receipt_no, item_code)
        try:
            return PaymentOrder(
                str(reply["order_no"]), int(reply["amount_fen"]), str(reply["qr_payload"])
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise PlatformGarbage("payment reply malformed") from exc

    def close(self) -> None:
        self._client.close()

"""The payment port: an order on the platform for an item's fee, paid by scanning its QR.

Payment is never taken offline: an order exists only once the platform holds the application,
and the QR it returns is the platform's (the terminal handles no money). Failures raise
PlatformError (message key platform.*). Thread: workers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class PaymentOrder:
    order_no: str
    amount_fen: int
    qr_payload: str  # what the villager scans with their phone to pay


class Payments(Protocol):
    def create_order(self, receipt_no: str, item_code: str) -> PaymentOrder: ...

"""Payment orders for an item's fee (minimal): the platform makes the order for a case it holds
and hands back the QR the villager's phone scans. The terminal never handles money, and never
gets an order for an application the platform does not have yet (so never offline).

Stateless on purpose: the order number is derived from the case, so asking twice (a retry after
a lost reply) gives the same order; settling payments belongs to the payment provider."""

from __future__ import annotations

import hashlib
from typing import Any

from central import collections
from central.errors import ApiError
from central.storage import Storage

PAY_URL = "https://pay.zwfw.example.cn/o/"


def create_order(
    storage: Storage, terminal: str, receipt_no: str, item_code: str
) -> dict[str, Any]:
    row = storage.one(
        "SELECT case_id, terminal_id, item_code FROM cases WHERE receipt_no = ?",
        receipt_no.strip().upper(),
    )
    if row is None or row["terminal_id"] != terminal:
        raise ApiError(404, "not_found", "no case of this terminal has this receipt number")
    if row["item_code"] != item_code:
        raise ApiError(409, "item_mismatch", "the case is for another item")
    item = collections.live_item(storage, item_code)
    amount = sum(int(f["amount_fen"]) for f in (item or {}).get("fees", []))
    if amount <= 0:
        raise ApiError(409, "no_fee", "this item has no fee")
    order_no = "P" + hashlib.sha256(row["case_id"].encode()).hexdigest()[:16].upper()
    return {"order_no": order_no, "amount_fen": amount, "qr_payload": PAY_URL + order_no}

"""Sample receipts, including the awkward ones: long mixed text, a character outside the BMP."""

from __future__ import annotations

from datetime import datetime

from kiosk.domain.receipt import Receipt


def sample_receipt(*, offline: bool = True, receipt_no: str = "K7Q2M-01A7-Q") -> Receipt:
    return Receipt(
        title="受理回执",
        item_name="城乡居民基本养老保险参保登记（Pension registration for rural residents）",
        receipt_no=receipt_no,
        issued_at=datetime(2026, 11, 22, 16, 5),
        terminal_id="T-3301-0007",
        hall_name="青山镇便民服务中心",
        masked_name="\U00020000*",  # Ext-B surname the CJK font lacks
        next_steps=("工作人员将在3个工作日内审核。", "审核结果通过短信通知，请保持手机畅通。"),
        offline=offline,
        qr_payload=f"https://zwfw.example.cn/r/{receipt_no}",
        footer="政务服务便民热线 12345",
    )

"""A case (办件) as the platform reports it, with its timeline of states."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


class CaseStatus(enum.Enum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    UNDER_REVIEW = "under_review"
    CORRECTION_NEEDED = "correction_needed"
    COMPLETED = "completed"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"

    @property
    def label_zh(self) -> str:
        return _LABELS[self]

    @property
    def needs_villager(self) -> bool:
        """The villager must act (补正 or pickup): shown first in lists."""
        return self in (CaseStatus.CORRECTION_NEEDED, CaseStatus.COMPLETED)


_LABELS = {
    CaseStatus.SUBMITTED: "已提交",
    CaseStatus.ACCEPTED: "已受理",
    CaseStatus.UNDER_REVIEW: "审核中",
    CaseStatus.CORRECTION_NEEDED: "需补正材料",
    CaseStatus.COMPLETED: "已办结",
    CaseStatus.REFUSED: "不予受理",
    CaseStatus.WITHDRAWN: "已撤回",
}


class CaseFormatError(ValueError):
    pass


@dataclass(frozen=True)
class TimelineEntry:
    status: CaseStatus
    at_ms: int
    department: str
    note: str


@dataclass(frozen=True)
class Case:
    receipt_no: str
    case_id: str
    item_code: str
    item_name: str
    status: CaseStatus
    department: str
    updated_at_ms: int
    timeline: tuple[TimelineEntry, ...]
    next_action: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Case:
        try:
            return cls(
                receipt_no=str(d["receipt_no"]),
                case_id=str(d["case_id"]),
                item_code=str(d["item_code"]),
                item_name=str(d["item_name"]),
                status=CaseStatus(d["status"]),
                department=str(d["department"]),
                updated_at_ms=int(d["updated_at_ms"]),
                timeline=tuple(
                    TimelineEntry(
                        CaseStatus(e["status"]),
                        int(e["at_ms"]),
                        str(e["department"]),
                        str(e.get("note", "")),
                    )
                    for e in d["timeline"]
                ),
                next_action=str(d.get("next_action") or ""),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise CaseFormatError(f"case reply is malformed: {type(exc).__name__}") from None

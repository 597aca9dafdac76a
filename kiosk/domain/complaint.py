"""Consultations and complaints (咨询/投诉), with the 12345 hotline always shown."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from kiosk.domain.validation import normalise_mobile

HOTLINE = "12345"
MAX_TEXT = 500
CATEGORIES = ("社会保障", "社会救助", "户籍证件", "农业农村", "医疗卫生", "办事服务", "其他")


class ComplaintKind(enum.Enum):
    CONSULTATION = "consultation"
    COMPLAINT = "complaint"


class ComplaintError(ValueError):
    """message_key-style reason: complaint.text_empty, complaint.text_long, ..."""


@dataclass(frozen=True)
class Complaint:
    """`phone` is kept normalised (11 digits). A consultation may leave it empty: the answer
    can wait for the person to call 12345; a complaint needs a number to be followed up."""

    kind: ComplaintKind
    category: str
    text: str = field(repr=False)
    phone: str = field(repr=False)

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ComplaintError("complaint.bad_category")
        if not self.text.strip():
            raise ComplaintError("complaint.text_empty")
        if len(self.text) > MAX_TEXT:
            raise ComplaintError("complaint.text_long")
        if not self.phone.strip():
            if self.kind is ComplaintKind.COMPLAINT:
                raise ComplaintError("complaint.phone_needed")
            object.__setattr__(self, "phone", "")
            return
        phone = normalise_mobile(self.phone)
        if phone is None:
            raise ComplaintError("complaint.bad_phone")
        object.__setattr__(self, "phone", phone)

"""What a villager submits: an item's form, who they are, and the pages they photographed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kiosk.domain.identity import Identity


@dataclass(frozen=True)
class AttachmentRef:
    name: str  # e.g. page-1.jpg
    sha256: str  # of the sealed bytes, as uploaded
    size: int
    content_type: str = "image/jpeg"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "sha256": self.sha256,
            "size": self.size,
            "content_type": self.content_type,
        }


@dataclass(frozen=True)
class Agent:
    """The village proxy agent (代办员) who operated the terminal, if any."""

    agent_id: str
    name: str


@dataclass(frozen=True)
class Submission:
    item_code: str
    item_name: str
    form: Mapping[str, Any] = field(repr=False)
    applicant: Identity
    phone: str = field(repr=False)
    attachments: tuple[AttachmentRef, ...] = ()
    agent: Agent | None = None

    def personal_payload(self) -> dict[str, Any]:
        """Everything personal, as sealed to the platform (never written in clear)."""
        a = self.applicant
        return {
            "applicant": {
                "name": a.name,
                "id_number": a.id_number,
                "sex": a.sex.value,
                "ethnicity_code": a.ethnicity_code,
                "birth_date": a.birth_date.isoformat(),
                "address": a.address,
                "issuing_authority": a.issuing_authority,
                "valid_from": a.valid_from.isoformat() if a.valid_from else None,
                "valid_until": a.valid_until.isoformat() if a.valid_until else None,
                "card_kind": a.card_kind.value,
            },
            "form": dict(self.form),
            "phone": self.phone,
            "agent": None
            if self.agent is None
            else {"id": self.agent.agent_id, "name": self.agent.name},
        }

    def clear_meta(self) -> dict[str, Any]:
        """What may stay in clear on the terminal: no personal data beyond a masked name."""
        return {
            "item_code": self.item_code,
            "item_name": self.item_name,
            "masked_name": self.applicant.masked_name,
            "agent_id": None if self.agent is None else self.agent.agent_id,
        }

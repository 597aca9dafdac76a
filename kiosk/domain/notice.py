"""Notices the platform pushes (政务公开, 生活信息): public text, cached for offline reading."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


class NoticeFormatError(ValueError):
    pass


@dataclass(frozen=True)
class Notice:
    code: str
    category: str  # e.g. 政务公开, 生活信息
    title: str
    body: str
    version: int

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Notice:
        try:
            code, title, body = d["code"], d["title"], d["body"]
            if not all(isinstance(v, str) and v for v in (code, title, body)):
                raise ValueError
            return cls(code, str(d.get("category") or ""), title, body, int(d.get("version", 0)))
        except (KeyError, TypeError, ValueError) as exc:
            raise NoticeFormatError(f"notice is malformed: {type(exc).__name__}") from None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "category": self.category,
            "title": self.title,
            "body": self.body,
            "version": self.version,
        }

"""Ages, sizes and times in the technician's words (both languages, through message keys)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

Translate = Callable[..., str]
KINDS = ("submission", "appointment", "evaluation", "complaint")  # as the technician counts them


def age(t: Translate, seconds: float) -> str:
    s = max(0, int(seconds))
    if s < 60:
        return t("tech.age.seconds", n=s)
    if s < 3600:
        return t("tech.age.minutes", n=s // 60)
    if s < 86_400:
        return t("tech.age.hours", h=s // 3600, m=(s % 3600) // 60)
    return t("tech.age.days", d=s // 86_400, h=(s % 86_400) // 3600)


def size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    if n < 1024**3:
        return f"{n / 1024 / 1024:.1f} MB"
    return f"{n / 1024**3:.1f} GB"


def local_time(at: datetime) -> str:
    """The terminal's local time (what the technician's watch says)."""
    return at.astimezone().strftime("%m-%d %H:%M")


def when(t: Translate, at: datetime | None, now: datetime) -> str:
    """ "11-22 16:03 (5 minutes ago)", or "never"."""
    if at is None:
        return t("tech.never")
    return t("tech.ago", time=local_time(at), age=age(t, (now - at).total_seconds()))


def kinds(t: Translate, by_kind: dict[str, int] | Any) -> str:
    """ "申请 3、评价 1"; "" when nothing is pending."""
    order = {kind: n for n, kind in enumerate(KINDS)}
    ranked = sorted(by_kind.items(), key=lambda kc: (order.get(kc[0], len(order)), kc[0]))
    parts = [f"{t('tech.kind.' + kind)} {count}" for kind, count in ranked]
    return t("tech.list_sep").join(parts)


def ltr(text: str) -> str:
    """A path, an address or a number kept left to right inside Uyghur's right-to-left text
    (a left-to-right embedding around it: Qt's text layout honours it, isolates it does not)."""
    return "\u202a" + text + "\u202c"

"""Half-finished applications, kept step by step and offered again only to the same card holder.

A draft holds personal data (form values, page photos), so it lives in memory only: never on
disk, gone when the kiosk restarts, dropped after `ttl_s`, and at most `max_drafts` of them.
Drafts are filed under an HMAC of the ID number with a key made fresh at each start, so even a
memory dump does not list whose drafts these are without that key. Thread: the GUI thread.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections import OrderedDict
from dataclasses import dataclass
from typing import Generic, TypeVar

from kiosk.domain.identity import Identity
from kiosk.ports.clock import Clock

D = TypeVar("D")


@dataclass
class _Entry(Generic[D]):
    draft: D
    saved_at: float


class DraftStore(Generic[D]):
    def __init__(self, clock: Clock, ttl_s: float = 30 * 60, max_drafts: int = 20) -> None:
        self._clock, self.ttl_s, self.max_drafts = clock, ttl_s, max_drafts
        self._key = os.urandom(32)
        self._drafts: OrderedDict[bytes, _Entry[D]] = OrderedDict()

    def _slot(self, identity: Identity) -> bytes:
        return hmac.new(self._key, identity.id_number.encode(), hashlib.sha256).digest()

    def _expire(self) -> None:
        now = self._clock.monotonic()
        for slot in [s for s, e in self._drafts.items() if now - e.saved_at > self.ttl_s]:
            del self._drafts[slot]

    def save(self, identity: Identity, draft: D) -> None:
        """Keep (or replace) this person's draft; the oldest goes when the store is full."""
        self._expire()
        slot = self._slot(identity)
        self._drafts.pop(slot, None)
        self._drafts[slot] = _Entry(draft, self._clock.monotonic())
        while len(self._drafts) > self.max_drafts:
            self._drafts.popitem(last=False)

    def peek(self, identity: Identity) -> D | None:
        """This person's draft, if any, left in place (to offer "continue where you left off")."""
        self._expire()
        entry = self._drafts.get(self._slot(identity))
        return None if entry is None else entry.draft

    def discard(self, identity: Identity) -> None:
        """Drop this person's draft (submitted, or they chose to start again)."""
        self._drafts.pop(self._slot(identity), None)

    def __len__(self) -> int:
        self._expire()
        return len(self._drafts)

    def clear(self) -> None:
        self._drafts.clear()

"""The service guide as screens see it: the catalog (fresh or cached, with its age), browsing
by category and audience, one item by code, and search, with the search index rebuilt only
when the catalog really changed.

Thread: workers. `current()` may read the cache from disk and `update()` may rebuild the index
(about 2 s for 5,000 items); both are safe to call from several workers at once.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from kiosk.domain.catalog import Audience, Category, ServiceItem
from kiosk.services.catalog import CatalogService, CatalogView
from kiosk.services.search import Hit, SearchIndex, catalog_fingerprint


def yuan(amount_fen: int) -> str:
    """Integer fen as yuan with two decimals ("15.00"), never through a float."""
    sign = "-" if amount_fen < 0 else ""
    whole, cents = divmod(abs(amount_fen), 100)
    return f"{sign}{whole}.{cents:02d}"


@dataclass(frozen=True)
class GuideView:
    """One consistent snapshot: the catalog as shown and the index built from it."""

    source: CatalogView
    index: SearchIndex

    @property
    def empty(self) -> bool:
        return not self.source.catalog.items

    def audiences(self) -> list[Audience]:
        """The audiences the catalog has items for, in the contract's order."""
        present = {a for item in self.source.catalog.items.values() for a in item.audience}
        return [a for a in Audience if a in present]

    def categories(self, audience: Audience | None = None) -> list[tuple[Category, int]]:
        """Categories with how many items each has (for `audience`), empty ones left out. A
        category an item names but the catalog does not list still shows, by its code."""
        counts: dict[str, int] = {}
        for item in self._items(audience):
            counts[item.category] = counts.get(item.category, 0) + 1
        listed = [c for c in self.source.catalog.categories if c.code in counts]
        known = {c.code for c in listed}
        listed += [Category(code, code) for code in sorted(counts) if code not in known]
        return [(c, counts[c.code]) for c in listed]

    def category(self, code: str) -> Category | None:
        return next((c for c, _ in self.categories() if c.code == code), None)

    def items(self, category: str, audience: Audience | None = None) -> list[ServiceItem]:
        return [i for i in self._items(audience) if i.category == category]

    def item(self, code: str) -> ServiceItem | None:
        return self.source.catalog.items.get(code)

    def search(self, query: str, limit: int = 30) -> list[tuple[ServiceItem, Hit]]:
        """Search looks through every audience: whoever types knows what they want."""
        found = []
        for hit in self.index.search(query, limit=limit):
            item = self.item(hit.code)
            if item is not None:
                found.append((item, hit))
        return found

    def _items(self, audience: Audience | None) -> list[ServiceItem]:
        items = sorted(self.source.catalog.items.values(), key=lambda i: i.code)
        return [i for i in items if audience is None or audience in i.audience]


class GuideService:
    def __init__(self, catalog: CatalogService) -> None:
        self._catalog = catalog
        self._lock = threading.Lock()
        self._view: GuideView | None = None

    def current(self) -> GuideView:
        """The latest view: the one the last refresh gave, else the cached catalog from disk
        (readable offline). Never touches the network."""
        with self._lock:
            view = self._view
        return view if view is not None else self.update(self._catalog.cached())

    def update(self, source: CatalogView) -> GuideView:
        """Take the catalog a refresh (or the cache) gave; rebuild the index only if the items
        changed. A refresh that failed and came back empty keeps what is already shown."""
        with self._lock:
            old = self._view
        if old is not None and not source.catalog.items and old.source.catalog.items:
            return old
        if old is not None and catalog_fingerprint(source.catalog) == old.index.fingerprint:
            view = GuideView(source, old.index)
        else:
            view = GuideView(source, SearchIndex(source.catalog))
        with self._lock:
            self._view = view
        return view

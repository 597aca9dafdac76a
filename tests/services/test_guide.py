"""The guide service: browsing by category and audience, money in integer fen, and the search
index rebuilt when the catalog changes and only then."""

from __future__ import annotations

import pytest

from kiosk.domain.catalog import Audience
from kiosk.ports.clock import FakeClock
from kiosk.services.catalog import CatalogService, CatalogView
from kiosk.services.guide import GuideService, yuan
from tests.services.test_search import seed_catalog
from tests.ui.support import MemoryCatalogStore, UnreachablePlatform, seed_catalog_store


@pytest.mark.parametrize(
    ("fen", "text"),
    [(0, "0.00"), (5, "0.05"), (1500, "15.00"), (123456, "1234.56"), (-250, "-2.50")],
)
def test_yuan_is_exact_from_integer_fen(fen, text):
    assert yuan(fen) == text


def service(clock: FakeClock, store: MemoryCatalogStore | None = None) -> GuideService:
    return GuideService(
        CatalogService(UnreachablePlatform(), store or seed_catalog_store(clock), clock)
    )


def test_the_first_view_comes_from_the_cache_with_its_age_and_browses_by_category():
    clock = FakeClock()
    view = service(clock).current()
    assert not view.source.fresh and view.source.age_minutes(clock.now()) == 30
    categories = dict((c.code, n) for c, n in view.categories())
    assert categories["social_assistance"] == 4 and sum(categories.values()) == 35
    assert [i.short_name for i in view.items("household_registration")] == [
        "出生登记",
        "户口迁移",
        "身份证换领",
        "户籍证明",
    ]
    assert view.audiences() == [Audience.PERSONAL]
    assert view.categories(Audience.LEGAL_PERSON) == []
    assert view.item("000113001000") is not None and view.item("nope") is None
    assert [i.short_name for i, _ in view.search("dbsq")] == ["低保申请"]


def test_the_index_is_rebuilt_when_the_catalog_changes_and_kept_when_it_does_not():
    clock = FakeClock()
    guide = service(clock)
    first = guide.current()
    same = guide.update(CatalogView(seed_catalog(), True, clock.now()))
    assert same.index is first.index and same.source.fresh
    item = first.item("000113001000")
    assert item is not None
    changed = seed_catalog().apply_delta(
        {
            "version": 2,
            "categories": [],
            "removed": [],
            "items": [
                {
                    **item.to_dict(),
                    "code": "000113099000",
                    "name": "测试救助",
                    "short_name": "测试救助",
                    "version": 1,
                }
            ],
        }
    )
    rebuilt = guide.update(CatalogView(changed, True, clock.now()))
    assert rebuilt.index is not first.index
    assert [i.short_name for i, _ in rebuilt.search("csjz")] == ["测试救助"]
    assert guide.current() is rebuilt


def test_a_failed_refresh_that_brings_nothing_keeps_what_is_shown():
    clock = FakeClock()
    guide = service(clock)
    shown = guide.current()
    empty = CatalogView(
        seed_catalog().apply_delta(
            {"version": 0, "full": True, "categories": [], "items": [], "removed": []}
        ),
        False,
        None,
        "platform.unreachable",
    )
    assert guide.update(empty) is shown


def test_without_a_cache_the_guide_is_empty_not_broken():
    view = service(FakeClock(), MemoryCatalogStore()).current()
    assert view.empty and view.categories() == [] and view.search("dbsq") == []

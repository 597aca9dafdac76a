"""Catalog search against the real seed catalog (central/seed/catalog.json): what a villager
types, and which item must come first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.domain.catalog import Catalog
from kiosk.services.search import SearchIndex, catalog_fingerprint, compile_term, fold, units

SEED = Path(__file__).resolve().parents[2] / "central" / "seed" / "catalog.json"


def seed_catalog() -> Catalog:
    data = json.loads(SEED.read_text(encoding="utf-8"))
    return Catalog.empty().apply_delta({"version": 1, "full": True, "removed": [], **data})


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(seed_catalog())


def top(index: SearchIndex, query: str, n: int = 1) -> list[str]:
    by_code = {i.code: i.short_name for i in index.items}
    return [by_code[h.code] for h in index.search(query)[:n]]


# (query, the short name that must come first, why)
FIRST = [
    # pinyin initials
    ("dbsq", "低保申请", "initials of the short name"),
    ("sbk", "社保卡申领", "initials of a keyword, shorter name first"),
    ("tkgy", "特困供养", "initials of the short name"),
    ("ydjy", "异地就医备案", "initials of the start of the short name"),
    ("flyz", "法律援助", "initials of the short name"),
    ("sfz", "身份证换领", "initials of a keyword"),
    ("zjd", "宅基地申请", "initials of a keyword"),
    ("DBSQ", "低保申请", "capitals typed"),
    ("ｄｂｓｑ", "低保申请", "full-width letters typed"),
    # full pinyin
    ("dibao", "低保申请", "full pinyin of a keyword"),
    ("shebaoka", "社保卡申领", "full pinyin"),
    ("zhaijidi", "宅基地申请", "full pinyin"),
    ("canji", "残疾人两项补贴", "full pinyin of a keyword"),
    ("gaoling", "高龄津贴", "full pinyin of a keyword"),
    ("hukou", "户口迁移", "full pinyin of the start of the short name"),
    ("jiehun", "结婚登记", "full pinyin"),
    ("shenfenzheng", "身份证换领", "full pinyin"),
    ("di bao", "低保申请", "pinyin with a space"),
    ("tudi liuzhuan", "土地流转备案", "pinyin words with a space"),
    ("fa'lv", "法律援助", "an apostrophe between syllables"),
    # mixed full and initials, Chinese and pinyin
    ("dibsq", "低保申请", "full syllables then initials"),
    ("dbaosq", "低保申请", "initial, full syllable, initials"),
    ("低保sq", "低保申请", "Chinese then initials"),
    ("低bao", "低保申请", "Chinese then pinyin"),
    ("shebao卡", "社保卡申领", "pinyin then Chinese"),
    # Chinese
    ("低保", "低保申请", "a keyword"),
    ("户口", "户口迁移", "the start of a short name"),
    ("宅基地", "宅基地申请", "the start of a short name"),
    ("养老金", "养老金申领", "a short name's start"),
    ("社保 补卡", "社保卡补换", "two words, each must match"),
    ("殡葬", "殡葬补贴", "a keyword"),
    # homophones and dialect near-homophones
    ("底保", "低保申请", "homophone typed in Chinese"),
    ("低宝申请", "低保申请", "homophone inside a longer phrase"),
    ("zaijidi", "宅基地申请", "flat z for retroflex zh"),
    ("longji", "农机补贴", "l for n"),
    ("yanlao", "养老金申领", "front nasal for back nasal"),
    ("sebaoka", "社保卡申领", "s for sh"),
    ("hulu yuanzhu", "法律援助", "h for f, n/l"),
    # typos: a wrong, missing or extra letter
    ("dibap", "低保申请", "a wrong last letter"),
    ("dbq", "低保申请", "a missing initial"),
    ("shebaooka", "社保卡申领", "an extra letter"),
    ("zhaijdi", "宅基地申请", "a missing letter"),
    ("xibao", "低保申请", "a wrong first letter"),
    ("gaolin", "高龄津贴", "a missing final letter"),
    # departments and categories rank below names
    ("民政", "低保申请", "the department: its items, by name length"),
    ("minzheng", "低保申请", "the department in pinyin"),
    ("退役军人", "退役军人优待证", "a keyword beats the department and the category"),
]

NOTHING = [
    "",
    "   ",
    "d",  # a lone letter is not a search yet
    "x",
    "xyz",
    "qqqq",
    "zzzzzz",
    "电脑维修",
    "biyezheng",
    "！？。，",
    "12345678",
]


@pytest.mark.parametrize(("query", "first", "why"), FIRST, ids=[q for q, _, _ in FIRST])
def test_the_query_puts_the_expected_item_first(index, query, first, why):
    assert top(index, query) == [first], f"{query!r}: {why}; got {top(index, query, 5)}"


@pytest.mark.parametrize("query", NOTHING)
def test_nonsense_and_unrelated_queries_find_nothing(index, query):
    assert index.search(query) == [], top(index, query, 5)


def test_a_typo_ranks_below_every_exact_match_and_a_department_below_a_name(index):
    exact = index.search("dibao")[0].score
    typo = index.search("dibap")[0].score
    assert typo < exact
    by_dept = index.search("民政")
    assert all(h.field == "department" for h in by_dept)
    assert by_dept[0].score < index.search("低保")[0].score
    names = [i.short_name for i in index.items if i.department == "县民政局"]
    assert len(by_dept) == len(names)


def test_both_items_of_a_keyword_come_and_the_reason_is_given(index):
    hits = index.search("sbk")
    assert [top(index, "sbk", 2)] == [["社保卡申领", "社保卡补换"]]
    assert hits[0].field == "keyword" and hits[0].text == "社保卡"
    assert len(hits) == 2


def test_results_are_capped_and_ordered_by_score(index):
    hits = index.search("bu", limit=5)
    assert len(hits) == 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_units_read_phrases_in_context_and_keep_ascii():
    assert units("重度残疾")[:1] == [("重", "zhong")]
    assert units("长寿补贴")[:1] == [("长", "chang")]
    assert units("（省内）2026年") == [
        ("省", "sheng"),
        ("内", "nei"),
        ("2", "2"),
        ("0", "0"),
        ("2", "2"),
        ("6", "6"),
        ("年", "nian"),
    ]
    assert fold("zhangsheng") == fold("zansen") == "zansen"
    assert compile_term("db").match("\x01di低\x01bao保")
    assert not compile_term("dbo").match("\x01di低\x01bao保")  # o is not where bao's a is


def test_the_fingerprint_changes_with_the_catalog_and_only_then():
    catalog = seed_catalog()
    same = seed_catalog()
    assert catalog_fingerprint(catalog) == catalog_fingerprint(same)
    item = next(iter(catalog.items.values())).to_dict()
    bumped = catalog.apply_delta(
        {"version": 2, "categories": [], "items": [{**item, "version": 99}], "removed": []}
    )
    assert catalog_fingerprint(bumped) != catalog_fingerprint(catalog)
    fewer = catalog.apply_delta(
        {"version": 1, "categories": [], "items": [], "removed": [item["code"]]}
    )
    assert catalog_fingerprint(fewer) != catalog_fingerprint(catalog)
    assert item["code"] not in {i.code for i in SearchIndex(fewer).items}

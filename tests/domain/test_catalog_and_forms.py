"""Service items from the platform's JSON, and e-forms validated field by field."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest
from hypothesis import given

from kiosk.domain.catalog import Audience, Catalog, CatalogFormatError, Depth, ServiceItem
from kiosk.domain.forms import (
    FormSchemaError,
    check_schema,
    describe,
    ordered_fields,
    prefill,
    validate_form,
)
from kiosk.domain.identity import CardKind, Identity, Sex
from tests.domain.strategies import TODAY, id_numbers, names

FORM = {
    "type": "object",
    "properties": {
        "name": {
            "type": "string",
            "title": "申请人姓名",
            "format": "name",
            "x-prefill": "identity.name",
            "x-order": 1,
        },
        "id_number": {
            "type": "string",
            "title": "身份证号码",
            "format": "id_number",
            "x-prefill": "identity.id_number",
            "x-order": 2,
        },
        "phone": {"type": "string", "title": "联系电话", "format": "mobile", "x-order": 3},
        "household_size": {"type": "integer", "title": "家庭人口", "minimum": 1, "maximum": 20},
        "reason": {"type": "string", "title": "申请理由", "maxLength": 200},
        "delivery": {"type": "string", "title": "领取方式", "enum": ["自取", "邮寄"]},
    },
    "required": ["name", "id_number", "phone", "household_size"],
}

ITEM = {
    "code": "000113002000",
    "name": "最低生活保障申请",
    "short_name": "低保申请",
    "department": "县民政局",
    "category": "social_assistance",
    "audience": ["personal"],
    "conditions": ["家庭人均收入低于当地低保标准"],
    "materials": [
        {"name": "居民身份证", "form": "original", "count": 1, "required": True, "notes": ""}
    ],
    "legal_basis": ["《社会救助暂行办法》第九条"],
    "process": ["申请", "受理", "审核", "审批"],
    "statutory_limit_days": 30,
    "promised_limit_days": 20,
    "fees": [],
    "delivery": ["pickup", "post"],
    "depth": "apply_here",
    "proxy_allowed": True,
    "keywords": ["低保"],
    "form_schema": FORM,
    "version": 3,
}


def person(name: str = "买买提·艾力", id_number: str = "11010519491231002X") -> Identity:
    return Identity(
        name,
        id_number,
        Sex.MALE,
        "05",
        date(1949, 12, 31),
        "新疆喀什市某街1号",
        "喀什市公安局",
        date(2010, 1, 1),
        None,
        CardKind.RESIDENT_ID,
    )


def test_a_service_item_round_trips_through_the_wire_format():
    item = ServiceItem.from_dict(ITEM)
    assert item.audience == (Audience.PERSONAL,) and item.depth is Depth.APPLY_HERE
    assert item.is_free
    assert item.to_dict() == ITEM


@pytest.mark.parametrize(
    ("path", "value", "named"),
    [
        (("name",), None, "name is missing"),
        (("materials", 0, "form"), "photocopy", "materials[0].form"),
        (("materials", 0, "count"), True, "count must be int"),
        (("fees",), [{"name": "工本费", "amount_fen": -1}], "amount_fen"),
        (("depth",), "anywhere", "depth"),
        (("form_schema", "properties", "name", "format"), "email", "form_schema"),
        (("promised_limit_days",), 45, "statutory"),
    ],
)
def test_a_malformed_item_is_refused_with_the_field_named(path, value, named):
    bad: Any = copy.deepcopy(ITEM)
    target: Any = bad
    for key in path[:-1]:
        target = target[key]
    if value is None:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    with pytest.raises(CatalogFormatError, match=named.replace("[", r"\[").replace("]", r"\]")):
        ServiceItem.from_dict(bad)


def test_a_delta_upserts_and_removes_and_a_full_reply_replaces():
    other = {**ITEM, "code": "000113003000", "name": "临时救助申请"}
    full = Catalog.empty().apply_delta(
        {
            "version": 1,
            "full": True,
            "categories": [{"code": "social_assistance", "name": "社会救助"}],
            "items": [ITEM, other],
            "removed": [],
        }
    )
    assert set(full.items) == {"000113002000", "000113003000"}
    changed = {**ITEM, "promised_limit_days": 10, "version": 4}
    delta = full.apply_delta(
        {
            "version": 2,
            "full": False,
            "categories": [],
            "items": [changed],
            "removed": ["000113003000"],
        }
    )
    assert delta.version == 2 and set(delta.items) == {"000113002000"}
    assert delta.items["000113002000"].promised_limit_days == 10
    assert delta.categories == full.categories
    assert Catalog.empty().apply_delta(full.to_dict()) == full


def test_every_problem_in_a_form_is_reported_at_once_in_display_order():
    errors = validate_form(
        FORM,
        {"name": "张3", "phone": "123", "household_size": 0, "delivery": "快递", "extra": 1},
        TODAY,
    )
    assert [(e.field, e.message_key) for e in errors] == [
        ("extra", "form.unknown_field"),
        ("name", "form.name"),
        ("id_number", "form.required"),
        ("phone", "form.mobile"),
        ("delivery", "form.enum"),
        ("household_size", "form.too_small"),
    ]
    assert describe(errors[5], "家庭人口") == "家庭人口不能小于1"


@given(names, id_numbers())
def test_a_form_prefilled_from_the_card_is_valid_for_any_person(name, number):
    data = {**prefill(FORM, person(name, number)), "phone": "13800138000", "household_size": 3}
    assert validate_form(FORM, data, TODAY) == []
    assert data["name"] == name


def test_max_length_counts_characters_beyond_the_bmp_once():
    schema = {"type": "object", "properties": {"r": {"type": "string", "maxLength": 2}}}
    assert validate_form(schema, {"r": "\U00020000\U00020000"}, TODAY) == []
    assert validate_form(schema, {"r": "\U00020000" * 3}, TODAY)[0].message_key == "form.too_long"


def test_fields_are_ordered_by_x_order_then_name():
    assert ordered_fields(FORM)[:3] == ["name", "id_number", "phone"]


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "array"},
        {"type": "object", "properties": {"a": {"type": "object"}}},
        {"type": "object", "properties": {"a": {"type": "string", "$ref": "#/x"}}},
        {"type": "object", "properties": {"a": {"type": "string", "pattern": "("}}},
        {"type": "object", "properties": {"a": {"type": "string", "x-prefill": "identity.pin"}}},
        {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["b"]},
    ],
)
def test_a_schema_outside_the_subset_is_refused(schema):
    with pytest.raises(FormSchemaError):
        check_schema(schema)

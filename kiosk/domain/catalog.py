"""The service guide: items (事项) under one unified code, with their categories.

`ServiceItem.from_dict` parses the platform's JSON (docs/sync-protocol.md, "ServiceItem") and
raises `CatalogFormatError` naming the field for anything malformed: a bad catalog from the
platform must never reach a screen as a KeyError.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from kiosk.domain.forms import FormSchemaError, check_schema


class CatalogFormatError(ValueError):
    """The catalog JSON does not have the contract's shape; the message names the field."""


class Audience(enum.Enum):
    PERSONAL = "personal"
    LEGAL_PERSON = "legal_person"


class MaterialForm(enum.Enum):
    ORIGINAL = "original"
    COPY = "copy"
    ORIGINAL_AND_COPY = "original_and_copy"
    ELECTRONIC = "electronic"


class Delivery(enum.Enum):
    PICKUP = "pickup"
    POST = "post"


class Depth(enum.Enum):
    """How far an item can be done at the terminal."""

    GUIDE_ONLY = "guide_only"
    APPLY_HERE = "apply_here"
    FULL_ONLINE = "full_online"


LABELS_ZH: dict[enum.Enum, str] = {
    Audience.PERSONAL: "个人",
    Audience.LEGAL_PERSON: "法人",
    MaterialForm.ORIGINAL: "原件",
    MaterialForm.COPY: "复印件",
    MaterialForm.ORIGINAL_AND_COPY: "原件和复印件",
    MaterialForm.ELECTRONIC: "电子材料",
    Delivery.PICKUP: "自取",
    Delivery.POST: "邮寄",
    Depth.GUIDE_ONLY: "仅提供办事指南",
    Depth.APPLY_HERE: "可在本终端申请",
    Depth.FULL_ONLINE: "全程网办",
}

E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")


def _get(data: Mapping[str, Any], key: str, kind: type[T], where: str) -> T:
    if not isinstance(data, Mapping) or key not in data:
        raise CatalogFormatError(f"{where}.{key} is missing")
    value = data[key]
    # bool is an int in Python; a count of True is not a count.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise CatalogFormatError(f"{where}.{key} must be {kind.__name__}")
    return value


def _strings(data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    values = _get(data, key, list, where)
    if not all(isinstance(v, str) for v in values):
        raise CatalogFormatError(f"{where}.{key} must be a list of strings")
    return tuple(values)


def _enum(kind: type[E], value: object, where: str) -> E:
    try:
        return kind(value)
    except ValueError:
        raise CatalogFormatError(f"{where} has unknown value {value!r}") from None


@dataclass(frozen=True)
class Material:
    name: str
    form: MaterialForm
    count: int
    required: bool
    notes: str = ""

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], where: str) -> Material:
        count = _get(d, "count", int, where)
        if count < 1:
            raise CatalogFormatError(f"{where}.count must be at least 1")
        return cls(
            name=_get(d, "name", str, where),
            form=_enum(MaterialForm, _get(d, "form", str, where), f"{where}.form"),
            count=count,
            required=_get(d, "required", bool, where),
            notes=str(d.get("notes", "")),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "form": self.form.value,
            "count": self.count,
            "required": self.required,
            "notes": self.notes,
        }


@dataclass(frozen=True)
class Fee:
    name: str
    amount_fen: int  # integer fen: money is never a float

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "amount_fen": self.amount_fen}


@dataclass(frozen=True)
class Category:
    code: str
    name: str

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Category:
        return cls(_get(d, "code", str, "category"), _get(d, "name", str, "category"))

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name}


@dataclass(frozen=True)
class ServiceItem:
    code: str
    name: str
    short_name: str
    department: str
    category: str
    audience: tuple[Audience, ...]
    conditions: tuple[str, ...]
    materials: tuple[Material, ...]
    legal_basis: tuple[str, ...]
    process: tuple[str, ...]
    statutory_limit_days: int
    promised_limit_days: int
    fees: tuple[Fee, ...]
    delivery: tuple[Delivery, ...]
    depth: Depth
    proxy_allowed: bool
    keywords: tuple[str, ...]
    form_schema: Mapping[str, Any] = field(compare=False)
    version: int

    @property
    def is_free(self) -> bool:
        return all(f.amount_fen == 0 for f in self.fees)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ServiceItem:
        code = _get(d, "code", str, "item")
        where = f"item[{code}]"
        if not (8 <= len(code) <= 40 and code.isascii() and code.isalnum()):
            raise CatalogFormatError(f"{where}.code must be 8-40 letters or digits")
        fees = []
        for i, f in enumerate(_get(d, "fees", list, where)):
            amount = _get(f, "amount_fen", int, f"{where}.fees[{i}]")
            if amount < 0:
                raise CatalogFormatError(f"{where}.fees[{i}].amount_fen must not be negative")
            fees.append(Fee(_get(f, "name", str, f"{where}.fees[{i}]"), amount))
        schema = _get(d, "form_schema", dict, where)
        try:
            check_schema(schema)
        except FormSchemaError as exc:
            raise CatalogFormatError(f"{where}.form_schema: {exc}") from None
        limits = [_get(d, k, int, where) for k in ("statutory_limit_days", "promised_limit_days")]
        if min(limits) < 0 or limits[1] > limits[0] > 0:
            raise CatalogFormatError(f"{where} promised limit must be within the statutory one")
        return cls(
            code=code,
            name=_get(d, "name", str, where),
            short_name=str(d.get("short_name") or _get(d, "name", str, where)),
            department=_get(d, "department", str, where),
            category=_get(d, "category", str, where),
            audience=tuple(
                _enum(Audience, a, f"{where}.audience") for a in _strings(d, "audience", where)
            ),
            conditions=_strings(d, "conditions", where),
            materials=tuple(
                Material.from_dict(m, f"{where}.materials[{i}]")
                for i, m in enumerate(_get(d, "materials", list, where))
            ),
            legal_basis=_strings(d, "legal_basis", where),
            process=_strings(d, "process", where),
            statutory_limit_days=limits[0],
            promised_limit_days=limits[1],
            fees=tuple(fees),
            delivery=tuple(
                _enum(Delivery, v, f"{where}.delivery") for v in _strings(d, "delivery", where)
            ),
            depth=_enum(Depth, _get(d, "depth", str, where), f"{where}.depth"),
            proxy_allowed=_get(d, "proxy_allowed", bool, where),
            keywords=_strings(d, "keywords", where),
            form_schema=schema,
            version=_get(d, "version", int, where),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "short_name": self.short_name,
            "department": self.department,
            "category": self.category,
            "audience": [a.value for a in self.audience],
            "conditions": list(self.conditions),
            "materials": [m.to_dict() for m in self.materials],
            "legal_basis": list(self.legal_basis),
            "process": list(self.process),
            "statutory_limit_days": self.statutory_limit_days,
            "promised_limit_days": self.promised_limit_days,
            "fees": [f.to_dict() for f in self.fees],
            "delivery": [v.value for v in self.delivery],
            "depth": self.depth.value,
            "proxy_allowed": self.proxy_allowed,
            "keywords": list(self.keywords),
            "form_schema": dict(self.form_schema),
            "version": self.version,
        }


@dataclass(frozen=True)
class Catalog:
    version: int
    categories: tuple[Category, ...]
    items: Mapping[str, ServiceItem]  # by code

    @classmethod
    def empty(cls) -> Catalog:
        return cls(0, (), {})

    def apply_delta(self, delta: Mapping[str, Any]) -> Catalog:
        """A full reply replaces everything; a delta upserts items and drops `removed` codes."""
        version = _get(delta, "version", int, "catalog")
        categories = tuple(
            Category.from_dict(c) for c in _get(delta, "categories", list, "catalog")
        )
        parsed = [ServiceItem.from_dict(i) for i in _get(delta, "items", list, "catalog")]
        full = delta.get("full") is True
        items = {} if full else dict(self.items)
        for code in () if full else _strings(delta, "removed", "catalog"):
            items.pop(code, None)
        items.update({i.code: i for i in parsed})
        return replace(self, version=version, categories=categories or self.categories, items=items)

    def in_category(self, code: str) -> list[ServiceItem]:
        return sorted((i for i in self.items.values() if i.category == code), key=lambda i: i.code)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "full": True,
            "removed": [],
            "categories": [c.to_dict() for c in self.categories],
            "items": [i.to_dict() for i in sorted(self.items.values(), key=lambda i: i.code)],
        }


def parse_categories(values: Sequence[Mapping[str, Any]]) -> tuple[Category, ...]:
    return tuple(Category.from_dict(v) for v in values)

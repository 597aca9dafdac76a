"""E-forms: a small, checked subset of JSON Schema, and field-by-field validation.

The platform publishes each item's form as a JSON Schema subset. Only what a touchscreen form
needs is allowed, and `check_schema` refuses anything else, so the platform cannot send a form
the terminal would render wrongly. Supported: a top-level object whose properties are of type
string, integer, number or boolean, with `title`, `description`, `enum`, `minLength`,
`maxLength` (in code points, so U+20000 counts once), `minimum`, `maximum`, `pattern`,
`format` (date, mobile, id_number, name), `required`, and two extensions: `x-prefill` (where
the value comes from the card, e.g. "identity.name", so nobody types what the card says) and
`x-order` (display order).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from kiosk.domain.identity import Identity
from kiosk.domain.validation import normalise_mobile, normalise_name, validate_id_number

TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
}
FORMATS = ("date", "mobile", "id_number", "name")
PREFILL = {
    "identity.name": lambda i: i.name,
    "identity.id_number": lambda i: i.id_number,
    "identity.address": lambda i: i.address,
    "identity.birth_date": lambda i: i.birth_date.isoformat(),
    "identity.sex": lambda i: i.sex.value,
    "identity.ethnicity_code": lambda i: i.ethnicity_code,
}
_PROPERTY_KEYS = {
    "type",
    "title",
    "description",
    "enum",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "pattern",
    "format",
    "x-prefill",
    "x-order",
    "default",
}

MESSAGES_ZH = {
    "form.required": "请填写{title}",
    "form.type": "{title}的填写格式不对",
    "form.enum": "请从列表中选择{title}",
    "form.too_short": "{title}至少需要{limit}个字",
    "form.too_long": "{title}最多{limit}个字",
    "form.too_small": "{title}不能小于{limit}",
    "form.too_large": "{title}不能大于{limit}",
    "form.pattern": "{title}的填写格式不对",
    "form.date": "{title}请填写正确的日期",
    "form.mobile": "请填写正确的11位手机号码",
    "form.id_number": "请填写正确的18位身份证号码",
    "form.name": "请填写正确的姓名",
    "form.unknown_field": "表单中有未知的项目{field}",
}


class FormSchemaError(ValueError):
    """The schema uses something outside the supported subset, or is malformed."""


@dataclass(frozen=True)
class FieldError:
    field: str
    message_key: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)


def describe(error: FieldError, title: str) -> str:
    """Plain Chinese for one error (the UI may translate the key instead)."""
    return MESSAGES_ZH[error.message_key].format(title=title, field=error.field, **error.params)


def check_schema(schema: Mapping[str, Any]) -> None:
    if schema.get("type") != "object" or not isinstance(schema.get("properties"), dict):
        raise FormSchemaError("a form is an object with properties")
    props: dict[str, Any] = schema["properties"]
    for name, prop in props.items():
        if not isinstance(prop, dict) or prop.get("type") not in TYPES:
            raise FormSchemaError(f"field {name} needs a type among {sorted(TYPES)}")
        unknown = set(prop) - _PROPERTY_KEYS
        if unknown:
            raise FormSchemaError(f"field {name} uses unsupported keys {sorted(unknown)}")
        if "format" in prop and prop["format"] not in FORMATS:
            raise FormSchemaError(f"field {name} has unknown format {prop['format']!r}")
        if "x-prefill" in prop and prop["x-prefill"] not in PREFILL:
            raise FormSchemaError(f"field {name} prefills from unknown {prop['x-prefill']!r}")
        if "enum" in prop and (not isinstance(prop["enum"], list) or not prop["enum"]):
            raise FormSchemaError(f"field {name}: enum must be a non-empty list")
        if "pattern" in prop:
            try:
                re.compile(prop["pattern"])
            except (re.error, TypeError) as exc:
                raise FormSchemaError(f"field {name}: bad pattern") from exc
    required = schema.get("required", [])
    if not isinstance(required, list) or not set(required) <= set(props):
        raise FormSchemaError("required names fields the form does not have")


def ordered_fields(schema: Mapping[str, Any]) -> list[str]:
    props = schema["properties"]
    return sorted(props, key=lambda n: (props[n].get("x-order", 1_000), n))


def prefill(schema: Mapping[str, Any], identity: Identity) -> dict[str, Any]:
    return {
        name: PREFILL[prop["x-prefill"]](identity)
        for name, prop in schema["properties"].items()
        if prop.get("x-prefill") in PREFILL
    }


def _format_error(fmt: str, value: str, today: date) -> str | None:
    if fmt == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return "form.date"
        return None
    if fmt == "mobile":
        return None if normalise_mobile(value) else "form.mobile"
    if fmt == "id_number":
        return None if validate_id_number(value, today).ok else "form.id_number"
    return None if normalise_name(value).ok else "form.name"


def _field_error(name: str, prop: Mapping[str, Any], value: Any, today: date) -> FieldError | None:
    kind = TYPES[prop["type"]]
    if not isinstance(value, kind) or (prop["type"] != "boolean" and isinstance(value, bool)):
        return FieldError(name, "form.type")
    if "enum" in prop and value not in prop["enum"]:
        return FieldError(name, "form.enum")
    if isinstance(value, str):
        if len(value) < prop.get("minLength", 0):
            return FieldError(name, "form.too_short", {"limit": prop["minLength"]})
        if "maxLength" in prop and len(value) > prop["maxLength"]:
            return FieldError(name, "form.too_long", {"limit": prop["maxLength"]})
        if "pattern" in prop and not re.search(prop["pattern"], value):
            return FieldError(name, "form.pattern")
        key = _format_error(prop["format"], value, today) if "format" in prop else None
        if key:
            return FieldError(name, key)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in prop and value < prop["minimum"]:
            return FieldError(name, "form.too_small", {"limit": prop["minimum"]})
        if "maximum" in prop and value > prop["maximum"]:
            return FieldError(name, "form.too_large", {"limit": prop["maximum"]})
    return None


def validate_form(
    schema: Mapping[str, Any], data: Mapping[str, Any], today: date
) -> list[FieldError]:
    """Every problem at once, in display order (一次性告知), never only the first."""
    props = schema["properties"]
    errors = [FieldError(n, "form.unknown_field") for n in data if n not in props]
    required = set(schema.get("required", []))
    for name in ordered_fields(schema):
        value = data.get(name)
        if value is None or value == "":
            if name in required:
                errors.append(FieldError(name, "form.required"))
            continue
        err = _field_error(name, props[name], value, today)
        if err:
            errors.append(err)
    return errors

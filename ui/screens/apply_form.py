"""The item's e-form, rendered from its schema: what the card says shown read-only (masked as
on the identify step), the rest typed in ordinary line edits (the on-screen keyboard attaches
to them), choices as big buttons, and each field's problem in plain words right under it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.domain.catalog import ServiceItem
from kiosk.domain.forms import FieldError, ordered_fields, prefill
from kiosk.domain.identity import Identity
from kiosk.services.identify import mask_id_number
from ui.context import UiContext
from ui.i18n import Text
from ui.screens.guide_parts import ScrollColumn
from ui.widgets import BigButton, BodyLabel, set_role

FORM_MESSAGES = {
    "form.required": Text("请填写{title}", "{title} نى تولدۇرۇڭ"),
    "form.type": Text("{title}的填写格式不对", "{title} نىڭ شەكلى توغرا ئەمەس"),
    "form.enum": Text("请从下面选一个{title}", "تۆۋەندىن بىر {title} تاللاڭ"),
    "form.too_short": Text("{title}至少要写{limit}个字", "{title} كەم دېگەندە {limit} ھەرپ بولسۇن"),
    "form.too_long": Text("{title}最多{limit}个字", "{title} ئەڭ كۆپ بولسا {limit} ھەرپ"),
    "form.too_small": Text("{title}不能小于{limit}", "{title} {limit} دىن كىچىك بولمىسۇن"),
    "form.too_large": Text("{title}不能大于{limit}", "{title} {limit} دىن چوڭ بولمىسۇن"),
    "form.pattern": Text("{title}的填写格式不对", "{title} نىڭ شەكلى توغرا ئەمەس"),
    "form.date": Text("{title}请写正确的日期", "{title} غا توغرا چېسلا يېزىڭ"),
    "form.mobile": Text("请写正确的11位手机号码", "11 خانىلىق توغرا يانفون نومۇرىنى يېزىڭ"),
    "form.id_number": Text("请写正确的18位身份证号码", "18 خانىلىق توغرا كىملىك نومۇرىنى يېزىڭ"),
    "form.name": Text("请写正确的姓名", "توغرا ئىسىم يېزىڭ"),
    "form.unknown_field": Text("表单中有未知的项目{field}", "جەدۋەلدە نامەلۇم تۈر بار: {field}"),
    "apply.from_card": Text("（从证件读出，不用填）", "(كارتىدىن ئوقۇلدى، يېزىش ھاجەتسىز)"),
    "apply.optional": Text("（可以不填）", "(يازمىسىڭىزمۇ بولىدۇ)"),
    "apply.yes": Text("是", "ھەئە"),
    "apply.no": Text("否", "ياق"),
}


def error_text(ctx: UiContext, key: str, title: str, params: Mapping[str, Any]) -> str:
    return ctx.tr.t(key, title=title, field=title, **params)


class _Field(QFrame):
    """One field: its title, the input (or the card's value), and its problem."""

    def __init__(self, name: str, prop: Mapping[str, Any], required: bool) -> None:
        super().__init__()
        self.setProperty("role", "card")
        self.name, self.prop, self.required = name, prop, required
        self.title = str(prop.get("title", name))
        self.label = BodyLabel(role="field")
        self.hint = BodyLabel(role="small")
        self.problem = BodyLabel()
        self.problem.hide()
        self.edit: QLineEdit | None = None
        self.choices: QButtonGroup | None = None
        box = QVBoxLayout(self)
        box.addWidget(self.label)
        box.addWidget(self.hint)
        self._box = box

    def set_problem(self, text: str) -> None:
        self.problem.set_plain("✖ " + text if text else "")
        set_role(self.problem, "banner-error")
        self.problem.setVisible(bool(text))


class FormFields(ScrollColumn):
    """GUI thread. `edited(name)` fires when a typed field is finished or a choice is made."""

    edited = Signal(str)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.fields: dict[str, _Field] = {}
        self.card_fields: set[str] = set()

    def t(self, key: str, **params: Any) -> str:
        return self.ctx.tr.t(key, **params)

    def show_item(self, item: ServiceItem, identity: Identity, values: Mapping[str, Any]) -> None:
        schema = item.form_schema
        props, required = schema["properties"], set(schema.get("required", []))
        card = prefill(schema, identity)
        self.card_fields = set(card)
        self.fields = {}
        for name in ordered_fields(schema):
            field = _Field(name, props[name], name in required)
            if name in card:
                self._card_value(field, name, props[name], str(card[name]))
            elif "enum" in props[name] or props[name]["type"] == "boolean":
                self._choices(field, props[name], values.get(name))
            else:
                self._line(field, props[name], values.get(name))
            field._box.addWidget(field.problem)
            self.fields[name] = field
        self.set_widgets(list(self.fields.values()))
        self.retranslate()

    def _card_value(self, field: _Field, name: str, prop: Mapping[str, Any], value: str) -> None:
        shown = value
        if prop.get("format") == "id_number":
            shown = mask_id_number(value)
        elif prop.get("format") == "name":
            shown = value[:1] + "*" * min(len(value) - 1, 3)
        edit = QLineEdit(shown)
        edit.setReadOnly(True)  # nobody types what the card says
        edit.setObjectName(f"card-{name}")
        field.edit = edit
        field._box.addWidget(edit)

    def _line(self, field: _Field, prop: Mapping[str, Any], value: Any) -> None:
        edit = QLineEdit("" if value is None else str(value))
        edit.setObjectName(f"field-{field.name}")
        if prop["type"] in ("integer", "number"):
            edit.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
        elif prop.get("format") == "mobile":
            edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        if "maxLength" in prop:
            edit.setMaxLength(int(prop["maxLength"]))
        edit.editingFinished.connect(lambda n=field.name: self.edited.emit(n))
        field.edit = edit
        field._box.addWidget(edit)

    def _choices(self, field: _Field, prop: Mapping[str, Any], value: Any) -> None:
        group = QButtonGroup(field)
        group.setExclusive(True)
        row = QHBoxLayout()
        options: list[Any] = list(prop.get("enum", [True, False]))
        for option in options:
            button = BigButton(role="secondary")
            button.setCheckable(True)
            button.setProperty("value", option)
            button.setChecked(option == value)
            group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        group.buttonClicked.connect(lambda _b, n=field.name: self.edited.emit(n))
        field.choices = group
        field._box.addLayout(row)

    def retranslate(self) -> None:
        for name, field in self.fields.items():
            field.label.set_plain(field.title)
            if name in self.card_fields:
                field.hint.set_plain(self.t("apply.from_card"))
            else:
                field.hint.set_plain("" if field.required else self.t("apply.optional"))
            field.hint.setVisible(bool(field.hint.plain()))
            if field.choices is not None:
                for button in field.choices.buttons():
                    value = button.property("value")
                    if isinstance(value, bool):
                        button.setText(self.t("apply.yes" if value else "apply.no"))
                    else:
                        button.setText(str(value))

    def raw(self) -> dict[str, str]:
        """What the person typed or chose, as text (the service converts it)."""
        out: dict[str, str] = {}
        for name, field in self.fields.items():
            if name in self.card_fields:
                continue
            if field.edit is not None:
                out[name] = field.edit.text()
            elif field.choices is not None:
                checked = field.choices.checkedButton()
                value = None if checked is None else checked.property("value")
                out[name] = "" if value is None else ("true" if value is True else str(value))
        return out

    def show_errors(self, errors: list[FieldError], only: set[str] | None = None) -> None:
        """Each field's problem under it; `only` limits which fields are updated (the one
        just finished), so a person is not scolded for fields they have not reached."""
        by_field = {e.field: e for e in errors}
        for name, field in self.fields.items():
            if only is not None and name not in only:
                continue
            e = by_field.get(name)
            field.set_problem(
                "" if e is None else error_text(self.ctx, e.message_key, field.title, e.params)
            )

    def first_problem(self) -> QWidget | None:
        for field in self.fields.values():
            if field.problem.isVisible():
                return field
        return None

    def forget(self) -> None:
        self.fields = {}
        self.card_fields = set()
        self.clear()

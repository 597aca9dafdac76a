"""Every message the UI declares, collected from the code: one way for the translation tool
and the tests to see them all.

A module declares messages as a mapping of key -> `Text(zh, ug)`, at module level (e.g.
`MESSAGES` in ui/messages.py) or on a class (a screen's `messages`). This walks every module
under `ui/` and takes every such mapping, so a new screen's messages are found without being
listed anywhere. tests/ui/test_i18n.py checks that a real window registers nothing beyond
what this finds.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from types import ModuleType

import ui
from ui.i18n import Text


def _is_messages(value: object) -> bool:
    return (
        isinstance(value, Mapping)
        and bool(value)
        and all(isinstance(k, str) and isinstance(v, Text) for k, v in value.items())
    )


def _declared_in(module: ModuleType) -> list[Mapping[str, Text]]:
    found = [value for value in vars(module).values() if _is_messages(value)]
    for value in vars(module).values():
        if isinstance(value, type) and value.__module__ == module.__name__:
            found += [attr for attr in vars(value).values() if _is_messages(attr)]
    return found


def all_messages() -> dict[str, Text]:
    """Every declared message; a key declared twice must have the same words (as
    Translator.add requires)."""
    messages: dict[str, Text] = {}
    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        if info.name.endswith("__main__"):
            continue
        for declared in _declared_in(importlib.import_module(info.name)):
            for key, text in declared.items():
                if messages.setdefault(key, text) != text:
                    raise ValueError(f"message {key!r} declared twice with different texts")
    return messages

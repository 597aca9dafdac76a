"""Languages: Simplified Chinese (the default), Uyghur (Arabic script, right to left) and
English (from a Qt Linguist file, ui/translations/kiosk_en.ts).

Every text a screen shows is a message key. Each module that shows text declares its own
messages next to the code, Chinese and Uyghur side by side (`Text(zh, ug)`), and registers them
with the Translator; tests/ui/test_i18n.py checks that every key has both languages with the
same placeholders. Why not Qt Linguist (.ts/.qm): the messages are also looked up by key from
Qt-free code (device and error message keys), and keeping both languages in one line makes a
missing translation impossible to overlook in review.

Further languages come from Qt Linguist files keyed by the same message keys, so a translator
works in Qt Linguist with the Chinese beside each key and nobody edits the modules' messages
(ui/translations says how the files are read and kept up to date). A key a file has no
finished words for shows in Chinese, and `python -m ui.translations missing` names it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, NamedTuple

from PySide6.QtCore import QObject, Signal

from ui import translations

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "ug_CN", "en_GB")
RIGHT_TO_LEFT = {"ug_CN"}
LANGUAGE_NAMES = {
    "zh_CN": "中文",
    "ug_CN": "ئۇيغۇرچە",
    "en_GB": "English",
}  # each in its own script


class Text(NamedTuple):
    zh: str
    ug: str

    def get(self, language: str) -> str:
        return self.ug if language == "ug_CN" else self.zh


Messages = Mapping[str, Text]


class Translator(QObject):
    """Looks up message keys in the current language. GUI thread only.

    `changed` fires after a language switch; screens then set their texts again. `linguist`:
    language -> key -> words for the languages kept in Qt Linguist files (default: the files
    shipped in ui/translations).
    """

    changed = Signal(str)

    def __init__(
        self, language: str = "zh_CN", linguist: Mapping[str, Mapping[str, str]] | None = None
    ) -> None:
        super().__init__()
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        self._language = language
        self._messages: dict[str, Text] = {}
        self._linguist = translations.shipped() if linguist is None else linguist

    @property
    def language(self) -> str:
        return self._language

    @property
    def right_to_left(self) -> bool:
        return self._language in RIGHT_TO_LEFT

    def add(self, messages: Messages) -> None:
        """Register a module's messages (idempotent; a key defined twice must agree)."""
        for key, text in messages.items():
            known = self._messages.get(key)
            if known is not None and known != text:
                raise ValueError(f"message {key!r} defined twice with different texts")
            self._messages[key] = text

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}")
        if language != self._language:
            self._language = language
            self.changed.emit(language)

    def messages(self) -> dict[str, Text]:
        """Every registered message (tests check each has both languages)."""
        return dict(self._messages)

    def has(self, key: str) -> bool:
        return key in self._messages

    def t(self, key: str, **params: Any) -> str:
        """The message in the current language, with `{name}` placeholders filled. An unknown
        key shows the Chinese generic fallback rather than a raw key (and is logged)."""
        text = self._messages.get(key)
        if text is None:
            log.warning("no message for key %s", key)
            text = self._messages.get("error.generic", Text("出现问题，请询问工作人员。", key))
        template = text.get(self._language)
        if self._language in self._linguist:
            # Untranslated: the Chinese, the terminal's reference language (never a raw key).
            template = self._linguist[self._language].get(key) or text.zh
        try:
            return template.format(**params) if params else template
        except (KeyError, IndexError, ValueError):
            log.warning("message %s does not fit its parameters", key)
            return template

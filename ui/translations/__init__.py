"""Languages kept as Qt Linguist files: English, in `kiosk_en.ts` next to this module.

Chinese and Uyghur stay in the code as `Text(zh, ug)` (ui/i18n.py says why). A further
language is a Qt Linguist translation source (.ts): its `<source>` is the message key, its
`<extracomment>` (Linguist's "developer comments") the Chinese text the translator works from,
its `<translation>` the words shown. `python -m ui.translations update` brings the file up to
date with every registered key; `python -m ui.translations missing` lists what lacks words.

Why the kiosk reads the .ts itself instead of a compiled .qm and QTranslator: the messages are
looked up by key through our Translator (also for keys Qt-free code raises), which has no
QTranslator context to ask; reading the .ts means one file, no build step and no generated
binary that can silently lag behind its source (a .qm from `pyside6-lrelease` still works for
anyone who wants one: the test compiles the file with it to prove it is real Linguist XML).
Parsing is the standard library's ElementTree: the file is ours, shipped read-only beside the
code and never taken from the network, and CPython's expat (>= 2.4) refuses runaway entity
expansion anyway, so defusedxml would add a dependency without adding safety here. Only
finished translations are used; an unfinished or missing one shows the Chinese, which is the
terminal's reference language (and `missing` names it).
"""

from __future__ import annotations

import logging
import string
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Protocol
from xml.etree import ElementTree
from xml.sax.saxutils import escape

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
# language -> its Linguist file (Qt's naming: <name>_<language>.ts)
FILES: Mapping[str, str] = {"en_GB": "kiosk_en.ts"}
DEFAULT_CONTEXT = "kiosk"

# A message's state in the file, as Qt Linguist writes it.
FINISHED, UNFINISHED, VANISHED = "", "unfinished", "vanished"


class Source(Protocol):
    """A message as the code declares it (ui.i18n.Text; this module stays free of Qt)."""

    @property
    def zh(self) -> str: ...


@dataclass(frozen=True)
class Entry:
    key: str
    chinese: str  # <extracomment>: what the translator translates from
    translation: str
    state: str = FINISHED


def context_of(key: str) -> str:
    """Linguist groups messages by context: the key's first part (home, guide, tech, ...)."""
    head, dot, _rest = key.partition(".")
    return head if dot and head else DEFAULT_CONTEXT


def path_for(language: str) -> Path:
    return HERE / FILES[language]


def read(path: Path) -> tuple[str, dict[str, Entry]]:
    """(the file's language, its entries by key). Raises ValueError on a malformed file."""
    try:
        root = ElementTree.parse(path).getroot()  # our own file: see the docstring
    except ElementTree.ParseError as exc:
        raise ValueError(f"{path.name}: not valid XML: {exc}") from exc
    if root.tag != "TS":
        raise ValueError(f"{path.name}: not a Qt Linguist file (root <{root.tag}>)")
    entries: dict[str, Entry] = {}
    for message in root.iter("message"):
        key = message.findtext("source") or ""
        node = message.find("translation")
        if not key or node is None:
            raise ValueError(f"{path.name}: a message without <source> or <translation>")
        if key in entries:
            raise ValueError(f"{path.name}: {key} appears twice")
        entries[key] = Entry(
            key, message.findtext("extracomment") or "", node.text or "", node.get("type", "")
        )
    return root.get("language", ""), entries


def render(language: str, entries: Mapping[str, Entry]) -> str:
    """The file as Qt Linguist and lupdate lay it out, contexts and keys sorted so a change
    shows as a small diff."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{language}" sourcelanguage="zh_CN">',
    ]
    by_context: dict[str, list[Entry]] = {}
    for entry in entries.values():
        by_context.setdefault(context_of(entry.key), []).append(entry)
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for entry in sorted(by_context[context], key=lambda e: e.key):
            state = f' type="{entry.state}"' if entry.state else ""
            lines += [
                "    <message>",
                f"        <source>{escape(entry.key)}</source>",
                f"        <extracomment>{escape(entry.chinese)}</extracomment>",
                f"        <translation{state}>{escape(entry.translation)}</translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def finished(entries: Mapping[str, Entry]) -> dict[str, str]:
    return {
        key: e.translation for key, e in entries.items() if e.state == FINISHED and e.translation
    }


def load(path: Path) -> dict[str, str]:
    """The finished words of one file. A missing or broken file must not stop the kiosk: it
    is logged and the language shows in Chinese until the file is fixed."""
    try:
        return finished(read(path)[1])
    except (OSError, ValueError):
        log.exception("translations in %s unusable: shown in Chinese", path.name)
        return {}


@cache
def shipped() -> Mapping[str, Mapping[str, str]]:
    """language -> key -> words, from the files shipped with the kiosk (read once)."""
    return {language: load(path_for(language)) for language in FILES}


def updated(entries: Mapping[str, Entry], messages: Mapping[str, Source]) -> dict[str, Entry]:
    """The file's entries brought up to date with the code's messages (see __main__)."""
    result: dict[str, Entry] = {}
    for key, text in messages.items():
        old = entries.get(key)
        if old is None:
            result[key] = Entry(key, text.zh, "", UNFINISHED)
        elif old.chinese != text.zh:
            result[key] = replace(old, chinese=text.zh, state=UNFINISHED)
        elif old.state == VANISHED:
            result[key] = replace(old, state=FINISHED if old.translation else UNFINISHED)
        else:
            result[key] = old
    for key, old in entries.items():
        if key not in messages:
            result[key] = replace(old, state=VANISHED)
    return result


def _names(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def missing(entries: Mapping[str, Entry], messages: Mapping[str, Source]) -> dict[str, str]:
    """key -> why, for every message without usable words: absent, unfinished, empty, or with
    placeholders other than the Chinese ones."""
    found: dict[str, str] = {}
    for key, text in sorted(messages.items()):
        entry = entries.get(key)
        if entry is None:
            found[key] = "not in the file (run update)"
        elif entry.state != FINISHED or not entry.translation:
            found[key] = "unfinished"
        elif _names(entry.translation) != _names(text.zh):
            found[key] = f"placeholders differ from the Chinese {sorted(_names(text.zh))}"
    return found

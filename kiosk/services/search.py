"""Search over the service guide that understands how villagers type: Chinese, full pinyin,
pinyin initials, any mix of them (`dbsq`, `dibao`, `低保sq`, `dibsq`), homophones typed in
Chinese (`底保`), dialect near-homophones (z/zh, n/l, an/ang, f/h) and one wrong or missing
letter.

How it works. Every searchable text becomes a string of units, one per kept character:
"\\x01" + its pinyin + the character itself ("\\x01di低\\x01bao保..."); ASCII letters and digits
are units of their own. A query term compiles into one regular expression over units: a
Chinese character consumes its unit, and a run of letters consumes, unit after unit, a
non-empty prefix of each unit's pinyin, so initials, full syllables and any mix match alike.
The names and keywords of the whole catalog are joined into one string and scanned once; a
letter query's expression starts with the literal "\\x01" + letter, so the scan skips to
candidates in C. Departments and categories repeat across items and are matched once per
distinct text. Typos go to a second stage only when the first finds no name or keyword: edit
distance (rapidfuzz) against the start of each name's and keyword's pinyin, initials and
Chinese, after folding the sounds dialect speakers confuse.

Ranking: a match at the start of a text beats one inside it, covering more of the text beats
less, names and keywords beat departments and categories, exact beats homophone beats typo;
ties go to the shorter name.

Thread: any. An index is immutable once built; build it on a worker (pypinyin costs about
15 us per character, ~2 s for 5,000 items).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from kiosk.domain.catalog import Catalog, ServiceItem

UNIT = "\x01"
FIELD_END = "\x00"

# How much a hit in each kind of text counts: what people call an item comes first.
FIELD_WEIGHTS = {
    "short_name": 1.0,
    "name": 1.0,
    "keyword": 0.95,
    "category": 0.75,
    "department": 0.7,
}
SOLID = frozenset({"short_name", "name", "keyword"})  # an exact hit here needs no typo stage
HOMOPHONE_FACTOR = 0.85  # Chinese typed with another character of the same sound
FUZZY_MAX = 55.0  # a typo match ranks below every exact one
MIN_FUZZY_KEY = 3  # shorter keys are reached from too many queries by a single typo

# Dialect speakers' near-homophones, folded the same way on both sides: retroflex and flat
# initials (zh/z, ch/c, sh/s), front and back nasals (an/ang, en/eng, in/ing), n/l and f/h.
_FOLDS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("ng", "n"), ("l", "n"), ("f", "h"))


def fold(letters: str) -> str:
    for a, b in _FOLDS:
        letters = letters.replace(a, b)
    return letters


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def kept(text: str) -> str:
    """The characters that count: Chinese, ASCII letters (lower case) and digits. Full-width
    letters typed on some keyboards become ASCII (NFKC); punctuation and spaces drop out."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(c for c in text if is_cjk(c) or (c.isascii() and c.isalnum()))


@lru_cache(maxsize=65536)
def _syllables(run: str) -> tuple[str, ...]:
    """Pinyin of a run of Chinese characters, one syllable each, read in context (重度 is
    zhong, 长寿 chang). A character without a reading gets ""."""
    out = lazy_pinyin(run, style=Style.NORMAL, errors="default")
    if len(out) != len(run):  # one syllable per character is what the index relies on
        out = [(lazy_pinyin(c, style=Style.NORMAL) or [""])[0] for c in run]
    return tuple(s if s.isascii() and s.isalpha() else "" for s in out)


def units(text: str) -> list[tuple[str, str]]:
    """(character, pinyin) for every kept character; an ASCII unit's pinyin is itself."""
    chars = kept(text)
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(chars):
        j = i
        while j < len(chars) and is_cjk(chars[j]):
            j += 1
        if j > i:
            out += zip(chars[i:j], _syllables(chars[i:j]), strict=True)
        else:
            out.append((chars[i], chars[i]))
            j = i + 1
        i = j
    return out


def _encode(us: Sequence[tuple[str, str]]) -> str:
    return "".join(UNIT + py + (ch if ch != py else "") for ch, py in us)


_NEXT_UNIT = "[a-z0-9]*[^\\x00-\\x7f]?" + UNIT  # the rest of this unit, then the next one


def compile_term(term: str) -> re.Pattern[str]:
    """The expression for one non-empty term (already `kept`)."""
    parts: list[str] = []
    previous = ""  # "", "cjk" or "latin"
    for ch in term:
        if is_cjk(ch):
            lead = _NEXT_UNIT if previous == "latin" else UNIT
            parts.append(lead + "[a-z]*" + re.escape(ch))
            previous = "cjk"
        else:  # after a letter: continue its syllable, or start the next unit with this one
            parts.append((f"(?:{_NEXT_UNIT})?" if previous == "latin" else UNIT) + ch)
            previous = "latin"
    return re.compile("".join(parts))


@dataclass(frozen=True)
class Hit:
    code: str
    score: float  # 0..100, higher is better
    field: str  # which kind of text matched: short_name, name, keyword, category, department
    text: str  # that text, to show why the item was found


@dataclass(frozen=True)
class _Text:
    kind: str
    text: str
    units: int
    items: tuple[int, ...]  # the items it belongs to (one, or many for departments)


# A candidate while scoring: (score, text number); the best per item is kept.
_Best = dict[int, tuple[float, int]]


class SearchIndex:
    """Built from a catalog once; `search` only reads, so any thread may call it."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.fingerprint = catalog_fingerprint(catalog)
        self.items: list[ServiceItem] = sorted(catalog.items.values(), key=lambda i: i.code)
        # Texts numbered in order: first each item's own (names, keywords), then the shared
        # ones (departments, categories). Own text n is part n of the joined strings.
        self._texts: list[_Text] = []
        own: list[list[tuple[str, str]]] = []
        shared: dict[tuple[str, str], list[int]] = {}
        categories = {c.code: c.name for c in catalog.categories}
        for index, item in enumerate(self.items):
            for kind, text in _own_texts(item):
                us = units(text)
                if us:
                    own.append(us)
                    self._texts.append(_Text(kind, text, len(us), (index,)))
            for kind, text in (
                ("department", item.department),
                ("category", categories.get(item.category, "")),
            ):
                if text:
                    shared.setdefault((kind, text), []).append(index)
        encoded = [_encode(us) for us in own]
        self._encoded, self._starts = _join(encoded)
        self._ends = [*(s - 1 for s in self._starts[1:]), len(self._encoded)]
        # A letter query's first letter starts a unit, so it only needs the texts with a unit
        # starting with that letter: a quarter of the catalog's text for most letters.
        by_initial: dict[str, list[int]] = {}
        for number, us in enumerate(own):
            for initial in {py[:1] for _, py in us if py}:
                by_initial.setdefault(initial, []).append(number)
        self._buckets = {
            initial: (*_join([encoded[n] for n in numbers]), numbers)
            for initial, numbers in by_initial.items()
        }
        self._plain, self._plain_starts = _join(["".join(c for c, _ in us) for us in own])
        self._shared: list[tuple[int, str, str]] = []  # (text number, encoded, plain)
        for (kind, text), owners in shared.items():
            us = units(text)
            if us:
                self._shared.append((len(self._texts), _encode(us), "".join(c for c, _ in us)))
                self._texts.append(_Text(kind, text, len(us), tuple(owners)))
        self._fuzzy_latin, self._fuzzy_cjk = _FuzzyKeys(), _FuzzyKeys()
        for number, us in enumerate(own):
            pys = [py for _, py in us]
            self._fuzzy_latin.add(fold("".join(pys)), number)
            self._fuzzy_latin.add(fold("".join(p[:1] for p in pys)), number)
            self._fuzzy_cjk.add("".join(c for c, _ in us), number)

    def __len__(self) -> int:
        return len(self.items)

    def search(self, query: str, limit: int = 30) -> list[Hit]:
        """The best items for `query`, best first; [] when nothing searchable is left. Words
        apart must each match (社保 补卡), except pinyin, where a space means nothing (di bao).
        A lone letter is not a search yet: it would match a third of any catalog."""
        terms = [t for t in map(kept, query.split()) if t]
        if terms and not any(map(is_cjk, "".join(terms))):
            terms = ["".join(terms)]
        terms = [t for t in terms if len(t) > 1 or is_cjk(t)]
        if not terms:
            return []
        best = self._every_term(terms)
        ranked = sorted(
            best.items(),
            key=lambda kv: (-kv[1][0], len(self.items[kv[0]].short_name), self.items[kv[0]].code),
        )
        out = []
        for item, (score, number) in ranked[:limit]:
            t = self._texts[number]
            out.append(Hit(self.items[item].code, round(score, 2), t.kind, t.text))
        return out

    def _every_term(self, terms: list[str]) -> _Best:
        """Items that match every term; an item's score is the mean of its terms' scores."""
        per_term = [self._term(t) for t in terms]
        if len(per_term) == 1:
            return per_term[0]
        out: _Best = {}
        for item in set(per_term[0]).intersection(*per_term[1:]):
            scored = [p[item] for p in per_term]
            out[item] = (sum(s for s, _ in scored) / len(scored), max(scored)[1])
        return out

    def _term(self, term: str) -> _Best:
        best: _Best = {}
        self._exact(term, 1.0, best)
        # 底保 sounds like 低保 (one character alone is too vague); then one typo
        if sum(map(is_cjk, term)) >= 2 and not self._solid(best):
            self._exact("".join(py for _, py in units(term)), HOMOPHONE_FACTOR, best)
        if not self._solid(best):
            self._fuzzy(term, best)
        return best

    def _solid(self, best: _Best) -> bool:
        return any(self._texts[n].kind in SOLID for _, n in best.values())

    def _score(self, best: _Best, number: int, first: bool, touched: int, factor: float) -> None:
        """`first`: the match starts at the text's start; `touched`: units it covers."""
        t = self._texts[number]
        score = 60.0 + (25.0 if first else 0.0) + 15.0 * min(1.0, touched / t.units)
        score *= FIELD_WEIGHTS[t.kind] * factor
        for item in t.items:
            if item not in best or score > best[item][0]:
                best[item] = (score, number)

    # --- exact matches -----------------------------------------------------------------------

    def _exact(self, term: str, factor: float, best: _Best) -> None:
        if not term:
            return
        pattern = compile_term(term)
        chinese = re.findall(_CJK_RUN, term)
        for number, first, touched in self._own_matches(term, pattern, chinese):
            self._score(best, number, first, touched, factor)
        for number, encoded, plain in self._shared:
            if chinese == [term]:
                pos = plain.find(term)
                if pos >= 0:
                    self._score(best, number, pos == 0, len(term), factor)
            elif (m := pattern.search(encoded)) is not None:
                self._score(best, number, m.start() == 0, encoded.count(UNIT, *m.span()), factor)

    def _own_matches(
        self, term: str, pattern: re.Pattern[str], chinese: list[str]
    ) -> Iterator[tuple[int, bool, int]]:
        """(own text number, whether the match starts the text, units it touches)."""
        if chinese == [term]:  # plain Chinese: a substring search is enough
            for number, offset in self._plain_find(term):
                yield number, offset == 0, len(term)
            return
        encoded, starts = self._encoded, self._starts
        if chinese:  # mixed: only texts holding its longest Chinese run can match
            for number in dict.fromkeys(n for n, _ in self._plain_find(max(chinese, key=len))):
                m = pattern.search(encoded, starts[number], self._ends[number])
                if m is not None:
                    yield number, m.start() == starts[number], encoded.count(UNIT, *m.span())
            return
        encoded, starts, numbers = self._buckets.get(term[0], ("", [], []))
        for m in pattern.finditer(encoded):
            start = m.start()
            i = bisect.bisect_right(starts, start) - 1
            yield numbers[i], start == starts[i], encoded.count(UNIT, start, m.end())

    def _plain_find(self, run: str) -> Iterator[tuple[int, int]]:
        """(own text number, character offset) of every occurrence of a Chinese run."""
        text, starts = self._plain, self._plain_starts
        pos = text.find(run)
        while pos >= 0:
            number = bisect.bisect_right(starts, pos) - 1
            yield number, pos - starts[number]
            pos = text.find(run, pos + 1)

    # --- typos -------------------------------------------------------------------------------

    def _fuzzy(self, term: str, best: _Best) -> None:
        """One wrong, missing or extra letter (two from eight letters on), against the start of
        each name and keyword, after folding dialect near-homophones."""
        cjk = any(map(is_cjk, term))
        keys = self._fuzzy_cjk if cjk else self._fuzzy_latin
        query = term if cjk else fold(term)
        if len(query) < MIN_FUZZY_KEY:
            return
        allowed = 1 if len(query) < 8 else 2
        for length in (len(query) - 1, len(query), len(query) + 1):
            for _, distance, k in process.extract(
                query,
                keys.prefixes(length),
                scorer=Levenshtein.distance,
                score_cutoff=allowed,
                limit=None,
            ):
                for number in keys.owners[k]:
                    t = self._texts[number]
                    score = (FUZZY_MAX - 15.0 * distance) * FIELD_WEIGHTS[t.kind]
                    item = t.items[0]
                    if item not in best or score > best[item][0]:
                        best[item] = (score, number)


class _FuzzyKeys:
    """Distinct keys (a keyword shared by many items is compared once) and who owns each."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.owners: list[list[int]] = []
        self._slot: dict[str, int] = {}
        self._prefixes: dict[int, list[str]] = {}

    def add(self, key: str, number: int) -> None:
        if len(key) < MIN_FUZZY_KEY:
            return
        slot = self._slot.setdefault(key, len(self.keys))
        if slot == len(self.keys):
            self.keys.append(key)
            self.owners.append([])
        self.owners[slot].append(number)

    def prefixes(self, length: int) -> list[str]:
        """Every key cut to `length`, cached per length (queries are short)."""
        cached = self._prefixes.get(length)
        if cached is None:
            cached = [k[:length] for k in self.keys]
            if length <= 40:
                self._prefixes[length] = cached
        return cached


_CJK_RUN = "[\u3400-\u9fff\uf900-\ufaff]+"


def _own_texts(item: ServiceItem) -> list[tuple[str, str]]:
    """Each distinct text once, as its weightiest kind (a keyword equal to the short name is
    the short name)."""
    texts = [("short_name", item.short_name), ("name", item.name)]
    texts += [("keyword", k) for k in item.keywords]
    first: dict[str, str] = {}
    for kind, text in texts:
        first.setdefault(text, kind)
    return [(kind, text) for text, kind in first.items()]


def _join(parts: list[str]) -> tuple[str, list[int]]:
    starts, pos = [], 0
    for p in parts:
        starts.append(pos)
        pos += len(p) + 1
    return FIELD_END.join(parts), starts


def catalog_fingerprint(catalog: Catalog) -> tuple[int, frozenset[tuple[str, int]]]:
    """Changes whenever an item is added, removed or re-versioned, or the catalog's version
    moves: the index is rebuilt then, and only then."""
    return catalog.version, frozenset((i.code, i.version) for i in catalog.items.values())

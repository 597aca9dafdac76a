"""Hypothesis strategies for people's data, shared by every suite that needs awkward inputs."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from kiosk.domain.validation import PROVINCE_CODES, id_check_char

TODAY = date(2026, 11, 22)

birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)


@st.composite
def id_numbers(draw: st.DrawFn, born: st.SearchStrategy[date] = birth_dates) -> str:
    """Valid 18-digit citizen ID numbers, about one in eleven ending in X."""
    region = f"{draw(st.sampled_from(sorted(PROVINCE_CODES)))}{draw(st.integers(0, 9999)):04d}"
    first17 = region + draw(born).strftime("%Y%m%d") + f"{draw(st.integers(0, 999)):03d}"
    return first17 + id_check_char(first17)


future_dates = st.dates(min_value=TODAY + timedelta(days=1), max_value=date(2100, 1, 1))

# Han (incl. Ext-B such as U+20000), Uyghur letters, and the parts names are made of.
han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
han_ext_b = st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF)
uyghur = st.sampled_from(
    list(
        "\u0626\u0627\u0628\u067e\u062a\u062c\u0686\u062e\u062f\u0631\u0632\u0698\u0633\u0634\u063a\u0641\u0642\u0643\u06af\u06ad\u0644\u0645\u0646\u06be\u0648\u06c7\u06c6\u06c8\u06cb\u06d0\u0649\u064a"
    )
)
name_parts = st.text(st.one_of(han, han_ext_b, uyghur), min_size=1, max_size=6)
names = st.lists(name_parts, min_size=1, max_size=3).map("\u00b7".join)

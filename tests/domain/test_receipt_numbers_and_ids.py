"""Receipt numbers read over the phone, and record ids that order themselves."""

from __future__ import annotations

import itertools
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.ids import UuidV7Generator, uuid7_time_ms
from kiosk.domain.receipt_numbers import (
    ALPHABET,
    ReceiptNumber,
    ReceiptNumberError,
    format_receipt_number,
    parse_receipt_number,
)

terminal_ids = st.text(ALPHABET, min_size=5, max_size=5)
seqs = st.integers(0, 2**40)


@given(terminal_ids, seqs)
def test_a_receipt_number_round_trips(terminal, seq):
    text = format_receipt_number(terminal, seq)
    assert parse_receipt_number(text) == ReceiptNumber(terminal, seq)
    assert parse_receipt_number(text.lower().replace("-", " ")) == ReceiptNumber(terminal, seq)


def test_a_receipt_number_is_short_enough_to_read_over_the_phone():
    assert format_receipt_number("K7Q2M", 1) == "K7Q2M-0001-P"
    assert len(format_receipt_number("K7Q2M", 32**4 - 1).replace("-", "")) == 10


def test_look_alike_letters_are_read_as_the_digits_they_resemble():
    assert parse_receipt_number("K7Q2M-OOO1-P") == ReceiptNumber("K7Q2M", 1)


@given(terminal_ids, seqs, st.data())
def test_every_single_character_error_is_caught(terminal, seq, data):
    chars = format_receipt_number(terminal, seq).replace("-", "")
    pos = data.draw(st.integers(0, len(chars) - 1))
    wrong = data.draw(st.sampled_from([c for c in ALPHABET if c != chars[pos]]))
    with pytest.raises(ReceiptNumberError):
        parse_receipt_number(chars[:pos] + wrong + chars[pos + 1 :])


@given(terminal_ids, seqs, st.data())
def test_every_adjacent_transposition_is_caught_except_zero_and_z(terminal, seq, data):
    chars = format_receipt_number(terminal, seq).replace("-", "")
    pos = data.draw(st.integers(0, len(chars) - 2))
    a, b = chars[pos], chars[pos + 1]
    if a == b or {a, b} == {"0", "Z"}:  # the documented Luhn mod N blind spot
        return
    with pytest.raises(ReceiptNumberError):
        parse_receipt_number(chars[:pos] + b + a + chars[pos + 2 :])


def test_receipt_numbers_from_different_terminals_never_collide():
    seen = {
        format_receipt_number(t, s) for t, s in itertools.product(["AAAAA", "AAAAB"], range(500))
    }
    assert len(seen) == 1000


def test_malformed_numbers_are_refused_with_a_reason():
    for text in ("", "K7Q2M", "K7Q2M-0001-U", "K7Q2M-00#1-P", "K7Q2M-0001-Q"):
        with pytest.raises(ReceiptNumberError):
            parse_receipt_number(text)
    with pytest.raises(ReceiptNumberError):
        format_receipt_number("K7Q2", 1)


@given(st.lists(st.integers(0, 5), min_size=1, max_size=300))
def test_uuid7_ids_strictly_increase_even_when_the_clock_stalls_or_steps_back(steps):
    now = [1_763_800_000_000]

    def clock():
        return now[0]

    gen = UuidV7Generator(clock, os.urandom)
    ids = []
    for step in steps:
        now[0] += step - 2  # sometimes backwards, often the same millisecond
        ids.append(gen.new())
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert all(i.version == 7 and i.variant == "specified in RFC 4122" for i in ids)


def test_a_uuid7_carries_its_millisecond():
    gen = UuidV7Generator(lambda: 1_763_800_000_123, os.urandom)
    assert uuid7_time_ms(gen.new()) == 1_763_800_000_123

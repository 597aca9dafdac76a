"""ID numbers, mobile numbers and names: the rules, property-tested."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from kiosk.contract.records import canonical_json
from kiosk.domain.validation import (
    MIDDLE_DOT,
    IdProblem,
    NameProblem,
    id_check_char,
    normalise_mobile,
    normalise_name,
    validate_id_number,
)
from tests.domain.strategies import TODAY, future_dates, id_numbers, names


@given(id_numbers())
@example("11010519491231002X")  # the standard's own example, ending in X
def test_every_well_formed_id_number_is_accepted_with_its_birth_date(number):
    check = validate_id_number(number, TODAY)
    assert check.ok, check.problem
    assert check.birth_date == date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


@given(id_numbers())
def test_a_lower_case_x_is_the_same_number(number):
    assert validate_id_number(number.lower(), TODAY).number == number


@given(id_numbers(), st.integers(0, 17), st.integers(1, 9))
def test_any_single_digit_change_is_caught(number, pos, delta):
    if pos == 17:
        chars = "0123456789X"
        wrong = chars[(chars.index(number[17]) + delta) % 11]
    else:
        wrong = str((int(number[pos]) + delta) % 10)
    mutated = number[:pos] + wrong + number[pos + 1 :]
    assert not validate_id_number(mutated, TODAY).ok


@given(id_numbers(born=future_dates))
def test_a_birth_date_in_the_future_is_refused(number):
    assert validate_id_number(number, TODAY).problem is IdProblem.FUTURE_BIRTH_DATE


def test_an_impossible_birth_date_is_refused():
    first17 = "11010520230230123"  # 30 February
    assert validate_id_number(first17 + id_check_char(first17), TODAY).problem is (
        IdProblem.BAD_BIRTH_DATE
    )


def test_an_unknown_province_is_refused():
    first17 = "99010519900307123"
    assert validate_id_number(first17 + id_check_char(first17), TODAY).problem is (
        IdProblem.BAD_REGION
    )


@given(st.text(max_size=20))
def test_any_text_gets_a_reason_and_never_an_exception(text):
    check = validate_id_number(text, TODAY)
    assert check.ok or isinstance(check.problem, IdProblem)


@given(id_numbers(born=st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31))))
def test_the_legacy_15_digit_form_is_recognised_and_upgraded(number):
    legacy = number[:6] + number[8:17]
    check = validate_id_number(legacy, TODAY)
    assert check.problem is IdProblem.LEGACY_15_DIGIT
    assert check.upgraded == number


def test_an_id_check_never_shows_the_number_in_its_repr():
    check = validate_id_number("11010519491231002X", TODAY)
    assert "110105" not in repr(check)


@given(st.sampled_from("3456789"), st.text("0123456789", min_size=9, max_size=9))
def test_mobile_numbers_are_normalised_from_the_ways_people_write_them(second, rest):
    number = "1" + second + rest
    for written in (
        number,
        f"+86 {number}",
        f"86{number}",
        f"{number[:3]}-{number[3:7]}-{number[7:]}",
    ):
        assert normalise_mobile(written) == number


def test_mobile_numbers_of_the_wrong_shape_are_refused():
    for text in ("12812345678", "1381234567", "138123456789", "0771-1234567", "", "一三八"):
        assert normalise_mobile(text) is None


@given(names)
def test_names_with_middle_dots_and_characters_beyond_the_bmp_survive_end_to_end(name):
    check = normalise_name(name)
    assert check.ok, check.problem
    assert check.name == name
    assert json.loads(canonical_json({"name": name}))["name"] == name


def test_dot_variants_become_the_middle_dot():
    for dot in ("\u2022", "\u30fb", "\uff0e", "\u2027", "\uff65"):
        assert normalise_name(f"买买提 {dot} 艾力").name == f"买买提{MIDDLE_DOT}艾力"


def test_a_character_outside_the_bmp_counts_as_one():
    name = "\U00020000" * 30
    assert normalise_name(name).ok
    assert normalise_name(name + "\U00020000").problem is NameProblem.TOO_LONG


def test_bad_names_get_a_reason():
    assert normalise_name("  ").problem is NameProblem.EMPTY
    assert normalise_name("张3").problem is NameProblem.BAD_CHARACTERS
    assert normalise_name("张\u0000三").problem is NameProblem.BAD_CHARACTERS
    assert normalise_name("\u00b7艾力").problem is NameProblem.BAD_DOT
    assert normalise_name("买买提\u00b7\u00b7艾力").problem is NameProblem.BAD_DOT

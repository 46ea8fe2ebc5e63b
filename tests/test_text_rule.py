"""The one rule for stored text (`app.domain.text`), through every text field of every kind."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.text import file_name_problem, problem_in
from app.services.desk import Desk
from app.services.errors import ValidationFailed
from app.services.fields import Field

HOSTILE = {
    "NUL": "Mül\x00ler",
    "ESC/OSC title": "Smith\x1b]0;pwned\x07",
    "BEL": "Sm\x07ith",
    "DEL": "Smi\x7fth",
    "RLO": "Smith\u202eevil",
    "LRI": "\u2066Smith",
    "zero-width space": "Sm\u200bith",
    "BOM": "\ufeffSmith",
    "soft hyphen": "Smi\u00adth",
    "ZWJ in Latin": "Sm\u200dith",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_characters_are_named(text: str) -> None:
    problem = problem_in(text)
    assert problem and "U+" in problem and "position" in problem


@pytest.mark.parametrize(
    "text",
    ["Müller", "Núñez-O'Brien", "大竹", "김민준", "สมชาย", "देवनागरी", "می\u200cخواهم", "क्\u200dष"],
)
def test_real_names_in_every_script_pass(text: str) -> None:
    assert problem_in(text) is None


def test_a_line_break_only_where_the_field_takes_lines() -> None:
    assert problem_in("two\nlines") is not None
    assert problem_in("two\nlines", multiline=True) is None


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"))))
def test_text_without_control_or_format_characters_passes(text: str) -> None:
    problem = problem_in(text)
    assert problem is None or "not text" in problem  # noncharacters such as U+FFFE


@given(st.text(min_size=1))
def test_a_text_field_stores_nothing_the_rule_refuses(text: str) -> None:
    field = Field("notes", "Notes", max_length=None)
    try:
        stored = field.parse(text)
    except ValueError as error:
        assert str(error)
    else:
        assert problem_in(stored, multiline=True) is None


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_person_with_a_hostile_name_is_refused_naming_the_field(admin: Desk, text: str) -> None:
    before = admin.people.count()
    with pytest.raises(ValidationFailed) as refused:
        admin.people.create({"family_name": text, "nation_code": "USA"})
    assert set(refused.value.errors) == {"family_name"}
    assert admin.people.count() == before


def test_single_line_white_space_is_folded_not_refused(admin: Desk) -> None:
    person = admin.people.create({"family_name": "Van\tder\u2028Berg", "nation_code": "NLD"})
    assert person.record.family_name == "Van der Berg"


def test_file_names_windows_reserves_are_refused() -> None:
    assert file_name_problem("con.txt") and file_name_problem("COM3") and file_name_problem("a:b")
    assert file_name_problem("report (final).pdf") is None


def test_counts_read_as_english_does() -> None:
    from app.domain.text import counted

    assert [counted(n, "record") for n in (0, 1, 2, 1204)] == [
        "0 records",
        "1 record",
        "2 records",
        "1,204 records",
    ]
    assert counted(1, "entry", "entries") == "1 entry" and counted(3, "entry", "entries") == (
        "3 entries"
    )

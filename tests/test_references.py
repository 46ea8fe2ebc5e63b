"""Generated references cannot be counted (issue 13, item 3): a keyed permutation of the
counter, unique by construction, in the same short form on both engines."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.labels import Label, Release
from app.domain.references import ALPHABET, LENGTH, ReferencesExhausted, scramble
from app.search import search
from app.services.desk import Desk
from app.services.setup import open_desk_database
from tests.helpers.records import PERSON, counter_of, generated

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("length", [1, 2, 3])
def test_every_number_of_the_range_gets_its_own_suffix(length: int) -> None:
    """Exhaustively for short suffixes (an odd and an even number of bits): a permutation."""
    size = len(ALPHABET) ** length
    suffixes = [scramble(n, b"k" * 16, length) for n in range(size)]
    assert len(set(suffixes)) == size
    assert all(len(s) == length and set(s) <= set(ALPHABET) for s in suffixes)


@given(
    secret=st.binary(min_size=16, max_size=16),
    numbers=st.lists(
        st.integers(0, len(ALPHABET) ** LENGTH - 1), min_size=2, max_size=40, unique=True
    ),
)
def test_distinct_numbers_give_distinct_suffixes(secret: bytes, numbers: list[int]) -> None:
    suffixes = [scramble(n, secret) for n in numbers]
    assert len(set(suffixes)) == len(numbers)
    assert all(len(s) == LENGTH and set(s) <= set(ALPHABET) for s in suffixes)


def test_a_number_past_the_range_is_refused() -> None:
    with pytest.raises(ReferencesExhausted):
        scramble(len(ALPHABET) ** LENGTH, b"k" * 16)
    assert scramble(5, b"a" * 16) != scramble(5, b"b" * 16)  # another secret, another order


def test_references_do_not_count_the_records_made_between_them(admin: Desk, make_user) -> None:
    """A viewer sees the first and the last of 40 people; 38 SECRET//NOFORN ones between them
    are hidden. The two references say nothing of them: not in order, not 39 apart."""
    viewer = make_user("pl_viewer", role="viewer", clearance="U", nation="POL")
    year = dt.date.today().year
    hidden = Label(admin.db.scheme.parse("S"), Release.NOFORN)
    made = [admin.people.create({**PERSON, "family_name": "First"}).record.reference]
    made += [
        admin.people.create({**PERSON, "family_name": f"Hidden {n}"}, label=hidden).record.reference
        for n in range(38)
    ]
    made.append(admin.people.create({**PERSON, "family_name": "Last"}).record.reference)
    seen = sorted(p.reference for p in viewer.people.list().records)
    assert seen == sorted([made[0], made[-1]])
    assert all(generated("P", year).fullmatch(r) for r in made) and len(set(made)) == 40
    assert made != sorted(made)  # 1 chance in 40! of failing for a right implementation
    assert counter_of(admin, "P", year)[0] == 40  # the counter counts, only its readers see it
    # a generated reference is found by search as typed, in either case, on both engines
    assert [h.record_id for h in search(viewer, made[-1].lower()).hits] == [
        p.id for p in viewer.people.list({"family_name": "Last"}).records
    ]


@pytest.mark.sqlite_only(reason="upgrades a released SQLite file of revision 0013")
def test_an_upgraded_counter_gets_a_secret_and_old_references_stay(tmp_path: Path) -> None:
    target = tmp_path / "desk.sqlite"
    shutil.copyfile(DATA / "schema-0013.sqlite", target)
    database = open_desk_database(target)
    try:
        admin = Desk(database, "admin")
        before = sorted(p.reference for p in admin.people.list().records)
        year = int(before[0].split("-")[1])
        assert all(len(r.split("-")[2]) == 6 for r in before)  # the old, sequential form
        last, secret = counter_of(admin, "P", year)
        assert last == len(before) and len(bytes.fromhex(secret)) == 16
        new = admin.people.create(PERSON).record
        after = sorted(p.reference for p in admin.people.list().records)
        assert sorted(set(after) - {new.reference}) == before
        assert generated("P", dt.date.today().year).fullmatch(new.reference)
    finally:
        database.dispose()

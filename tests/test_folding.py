"""Every name lookup folds as the search index does (issue 15, item 8): a list's text filter,
which the participant finder and the record pickers search with, finds Núñez for "nunez",
on either engine; the letters without a diacritic to remove (Ø, Ł, Æ) are folded by a name's
transliteration key (revision 0019): "ostergard" finds Østergård in lists and in the search."""

from __future__ import annotations

import pytest

from app.domain.labels import Label, Release
from app.services.desk import Desk

NAMES = ("Núñez", "Ångström", "Straße", "Østergård", "Zoë", "Łukasiewicz", "Sæther")


@pytest.fixture
def named(admin: Desk) -> Desk:
    for family in NAMES:
        admin.people.create({"family_name": family, "nation_code": "USA"})
    return admin


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("nunez", "Núñez"),
        ("NUNEZ", "Núñez"),
        ("angstrom", "Ångström"),
        ("ANGS", "Ångström"),  # the start of a word
        ("zoe", "Zoë"),
        ("Østergård", "Østergård"),
        ("ostergard", "Østergård"),
        ("OSTERGARD", "Østergård"),
        ("øster", "Østergård"),
        ("lukasiewicz", "Łukasiewicz"),
        ("łukasiewicz", "Łukasiewicz"),
        ("saether", "Sæther"),
        ("sather", "Sæther"),
        ("Straße", "Straße"),
        ("strasse", "Straße"),
    ],
)
def test_a_typed_name_finds_the_record_whatever_its_accents(
    named: Desk, typed: str, found: str
) -> None:
    assert [p.family_name for p in named.people.list({"text": typed}).records] == [found]
    assert named.people.count({"text": typed}) == 1


def test_the_folded_lookup_keeps_the_access_rule(named: Desk, make_user) -> None:  # noqa: ANN001
    named.people.create(
        {"family_name": "Núñez-Hidden", "nation_code": "USA"}, label=Label(3, Release.NOFORN)
    )
    viewer = make_user("viewer", role="viewer", clearance="U")
    assert [p.family_name for p in viewer.people.list({"text": "nunez"}).records] == ["Núñez"]
    assert viewer.people.count({"text": "nunez"}) == 1


def test_exchanges_fold_too(admin: Desk) -> None:
    import datetime as dt

    start = dt.date.today() + dt.timedelta(days=30)
    admin.exchanges.create(
        {
            "title": "Cours supérieur interarmées",
            "kind": "course_seat",
            "host_nation": "FRA",
            "start_date": start,
            "end_date": start + dt.timedelta(days=5),
        }
    )
    assert admin.exchanges.count({"text": "superieur"}) == 1


@pytest.mark.parametrize(
    ("typed", "found"),
    [("ostergard", "Østergård"), ("Lukasiewicz", "Łukasiewicz"), ("Saether", "Sæther")],
)
def test_the_search_finds_letters_without_a_diacritic_as_plain_latin(
    named: Desk, typed: str, found: str
) -> None:
    from app.search import search

    hits = search(named, typed).hits
    assert [h.title for h in hits if h.kind == "person"] == [
        next(h.title for h in search(named, found).hits if h.kind == "person")
    ]


@pytest.mark.sqlite_only(reason="name_key_sql is SQLite's (a server's documents are Python's)")
def test_name_keys_fold_alike_in_python_and_in_the_index_sql(admin: Desk) -> None:
    """`name_key` (the server's documents, the queries) and `name_key_sql` (SQLite's index
    triggers) give the same words for names with every folded letter, capitals included."""
    from sqlalchemy import text

    from app.database.search_index import name_key_sql
    from app.domain.names import NAME_FOLDS, index_tokens, name_key

    names = ["ØSTERGÅRD Łódź", "Đorđe Þór Æsa Œuvre", "Mueller Straße", "ıstanbul Sæther"]
    names += [old + old.upper() for old, _new in NAME_FOLDS]
    with admin.db.engine.connect() as connection:
        for name in names:
            in_sql = connection.execute(
                text(f"SELECT {name_key_sql(':name')}"), {"name": name}
            ).scalar_one()
            assert index_tokens(in_sql) == index_tokens(name_key(name)), name

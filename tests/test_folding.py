"""Every name lookup folds as the search index does (issue 15, item 8): a list's text filter,
which the participant finder and the record pickers search with, finds Núñez for "nunez",
on either engine; what the index does not fold (ø, ł) is still found as typed."""

from __future__ import annotations

import pytest

from app.domain.labels import Label, Release
from app.services.desk import Desk

NAMES = ("Núñez", "Ångström", "Straße", "Østergård", "Zoë")


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
        ("Straße", "Straße"),
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

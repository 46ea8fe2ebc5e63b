"""People: validation with field-level errors, identity views, references, archive, audit."""

from __future__ import annotations

import json

import pytest

from app.services.desk import Desk
from app.services.errors import Conflict, PermissionDenied, ValidationFailed

VALID = {
    "family_name": "Kowalski",
    "given_names": "Jan",
    "nation_code": "POL",
    "email": "jan.kowalski@mon.gov.pl",
}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("family_name", "", "is required"),
        ("family_name", "x" * 101, "too long"),
        ("nation_code", "XYZ", "alpha-3"),
        ("email", "jan@", "e-mail"),
        ("passport_number", "AB!", "5 to 20 letters"),
        ("date_of_birth", "14/03/1980", "YYYY-MM-DD"),
        ("date_of_birth", "2999-01-01", "future"),
        ("rank_code", "OF-11", "STANAG 2116"),
        ("service", "cavalry", "unknown value"),
        ("languages", "eng 6/6/6/6", "STANAG 6001"),
        ("languages", "eng 5+/5/5/5", "+ exists only on levels 0 to 4"),
        ("languages", "fra 3/3/2/2; eng 4+/5/5/5+", "5 is the highest level and has no plus"),
        ("languages", "eng 3++/3/3/3", "STANAG 6001"),
        ("languages", "klingon 3/3/3/3", "ISO 639"),
        ("clearance_level", "7", "0 to 4"),
        ("classification", "SUPER SECRET", "unknown classification"),
        ("releasable_to", "GBR XXX", "unknown nation or group"),
        ("groups", "NOPE", "unknown need-to-know group"),
        ("nickname", "JJ", "not a field"),
    ],
)
def test_each_field_error_is_reported_under_its_field(
    admin: Desk, field: str, value: str, message: str
) -> None:
    with pytest.raises(ValidationFailed) as failure:
        admin.people.create({**VALID, field: value})
    assert message in failure.value.errors[field]
    assert admin.people.count() == 0


def test_all_errors_are_reported_at_once(admin: Desk) -> None:
    with pytest.raises(ValidationFailed) as failure:
        admin.people.create({"family_name": "", "nation_code": "??", "email": "nope"})
    assert set(failure.value.errors) == {"family_name", "nation_code", "email"}


def test_create_generates_references_and_audits(admin: Desk) -> None:
    first = admin.people.create(VALID)
    second = admin.people.create({**VALID, "given_names": "Anna", "email": ""})
    assert (
        first.record.reference.startswith("P-")
        and first.record.reference != second.record.reference
    )
    event = admin.audit.list(action="create", limit=1)[0]
    assert (
        event.record_ref == second.record.reference
        and event.details["after"]["given_names"] == "Anna"
    )


def test_duplicate_passport_of_same_nation_is_refused(admin: Desk) -> None:
    admin.people.create({**VALID, "passport_number": "EA1234567"})
    with pytest.raises(ValidationFailed) as failure:
        admin.people.create({**VALID, "given_names": "Other", "passport_number": "ea 1234567"})
    assert "already recorded" in failure.value.errors["passport_number"]


def test_update_records_before_and_after(admin: Desk) -> None:
    saved = admin.people.create(VALID)
    admin.people.update(saved.record.id, {"rank": "Kapitan", "rank_code": "OF-2"})
    event = admin.audit.list(action="update", limit=1)[0]
    assert event.details == {
        "version": 2,
        "before": {"rank": "", "rank_code": ""},
        "after": {"rank": "Kapitan", "rank_code": "OF-2"},
    }


def test_stale_update_is_a_conflict(admin: Desk) -> None:
    saved = admin.people.create(VALID)
    admin.people.update(
        saved.record.id, {"rank": "Kapitan"}, expected_version=saved.record.row_version
    )
    with pytest.raises(Conflict, match="changed by admin"):
        admin.people.update(
            saved.record.id, {"rank": "Major"}, expected_version=saved.record.row_version
        )


def test_identity_is_deferred_and_its_view_audited(admin: Desk, make_user) -> None:
    saved = admin.people.create(
        {**VALID, "date_of_birth": "1984-05-06", "passport_number": "EA7654321"}
    )
    listed = admin.people.list().records[0]
    assert "passport_number" not in listed.__dict__
    assert admin.people.identity(saved.record.id)["passport_number"] == "EA7654321"
    assert admin.audit.list(action="view_identity", limit=1)[0].record_id == saved.record.id
    with pytest.raises(PermissionDenied, match="coordinators and administrators"):
        make_user("vera", role="viewer").people.identity(saved.record.id)


def test_archive_hides_from_lists_but_keeps_history(admin: Desk) -> None:
    saved = admin.people.create(VALID)
    admin.people.archive(saved.record.id, reason="entered twice")
    assert admin.people.count() == 0
    assert admin.people.count({"archived": True}) == 1
    with pytest.raises(PermissionDenied, match="archive it instead"):
        admin.people.delete(saved.record.id)


def test_languages_round_trip(admin: Desk) -> None:
    saved = admin.people.create({**VALID, "languages": "pol 5/5/5/5; eng 3/3/3/2+"})
    person, _label = admin.people.get(saved.record.id)
    assert [(lang.language, lang.profile) for lang in person.languages] == [
        ("eng", "3/3/3/2+"),
        ("pol", "5/5/5/5"),
    ]


def test_sort_filter_and_quick_text(admin: Desk) -> None:
    for family, nation in [("Żółkiewski", "POL"), ("Anders", "POL"), ("Brown", "GBR")]:
        admin.people.create({"family_name": family, "nation_code": nation})
    assert [p.family_name for p in admin.people.list(sort=["family_name"]).records] == [
        "Anders",
        "Brown",
        "Żółkiewski",
    ]
    assert admin.people.count({"nation_code": "POL"}) == 2
    assert [p.family_name for p in admin.people.list({"text": "row"}).records] == ["Brown"]
    with pytest.raises(ValidationFailed):
        admin.people.list(sort=["password_hash"])


def test_pages_read_backwards_from_the_end_match_pages_read_forwards(admin: Desk) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    for n in range(23):
        admin.people.create(
            {
                "family_name": ["Ng", "Ode", "Ali"][n % 3],
                "given_names": f"G{n % 4}",
                "nation_code": ["POL", "GBR"][n % 2],
            }
        )
    total = admin.people.count()

    @settings(max_examples=60, deadline=None)
    @given(
        st.integers(0, total),
        st.integers(1, 10),
        st.sampled_from(
            [
                ["family_name", "given_names"],
                ["-nation_code"],
                ["-family_name", "given_names"],
                ["id"],
            ]
        ),
    )
    def check(offset: int, limit: int, sort: list[str]) -> None:
        forwards = admin.people.list(sort=sort, offset=offset, limit=limit, count_total=False)
        backwards = admin.people.list(
            sort=sort, offset=offset, limit=limit, count_total=False, total_hint=total
        )
        assert [p.id for p in backwards.records] == [p.id for p in forwards.records]
        # the reference order, sorted here: each key in its direction, ties by id in the last key's
        expected = sorted(everyone, key=lambda p: p.id, reverse=sort[-1].startswith("-"))
        for key in reversed(sort):
            expected.sort(
                key=lambda p, k=key: getattr(p, k.lstrip("-")), reverse=key.startswith("-")
            )
        assert [p.id for p in forwards.records] == [p.id for p in expected[offset : offset + limit]]

    everyone = admin.people.list(limit=total, count_total=False).records

    check()


def test_a_hidden_person_is_not_revealed_by_the_uniqueness_check(admin: Desk, make_user) -> None:
    admin.people.create(
        {**VALID, "passport_number": "EA1111111", "classification": "S", "releasable_to": "NOFORN"}
    )
    foreign = make_user("gbr", nation="GBR", clearance="TS")
    saved = foreign.people.create({**VALID, "given_names": "Other", "passport_number": "EA1111111"})
    assert saved.record.id and foreign.people.count() == 1


@pytest.mark.parametrize("written", ["REL TO", "REL TO ,", "rel to"])
def test_rel_to_naming_no_nation_is_refused_naming_the_field(admin: Desk, written: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        admin.parse_label("SECRET", written)
    assert set(refused.value.errors) == {"releasable_to"}
    assert "at least one nation" in refused.value.errors["releasable_to"]


IDENTITY_PROBES = [
    ({"passport_number": "AB1234567"}, None),
    ({"date_of_birth__lte": "1980-01-01"}, None),
    ({"service_number__prefix": "12"}, None),
    ({}, ["date_of_birth"]),
    ({}, ["-passport_expiry"]),
]


@pytest.mark.parametrize(("filters", "sort"), IDENTITY_PROBES)
def test_a_viewer_cannot_probe_identity_fields_and_the_attempt_is_audited(
    admin: Desk,
    make_user,  # noqa: ANN001
    filters: dict,
    sort: list | None,
) -> None:
    admin.people.create(
        {"family_name": "Probed", "nation_code": "USA", "passport_number": "AB1234567"}
    )
    viewer = make_user("vera", role="viewer")
    probes = [lambda: viewer.people.list(filters, sort), lambda: viewer.people.ids(filters, sort)]
    if filters:
        probes.append(lambda: viewer.people.count(filters))
    for probe in probes:
        with pytest.raises(PermissionDenied) as refused:
            probe()
        assert "AB1234567" not in str(refused.value)
    events = admin.audit.list(action="identity_filter", limit=10)
    assert len(events) == len(probes)
    assert all(e.username == "vera" and e.outcome == "denied" for e in events)
    assert "AB1234567" not in json.dumps([e.details for e in events])


def test_a_coordinator_may_find_a_person_by_passport_and_it_is_audited(admin: Desk) -> None:
    admin.people.create(
        {"family_name": "Found", "nation_code": "USA", "passport_number": "CD7654321"}
    )
    page = admin.people.list({"passport_number": "CD7654321"})
    assert [p.family_name for p in page.records] == ["Found"]
    [event] = admin.audit.list(action="identity_filter", limit=5)
    assert event.outcome == "success" and event.details["filters"] == ["passport_number"]
    assert "CD7654321" not in json.dumps(event.details)


@pytest.mark.parametrize("profile", ["0+/1+/2+/3+", "4+/4/5/5", "5/5/5/5", "0/0/0/0"])
def test_every_stanag_6001_level_is_accepted(admin: Desk, profile: str) -> None:
    saved = admin.people.create({**VALID, "languages": f"eng {profile}"})
    assert admin.people.value_of(saved.record, "languages") == [("eng", profile)]


def test_kosovo_is_a_nation_of_a_person_and_in_rel_to(admin: Desk) -> None:
    """XKS, the GENC code (ISO 3166-1 has none), is an extra nation (issue 14, item 12)."""
    saved = admin.people.create(
        {**VALID, "nation_code": "xks", "classification": "C", "releasable_to": "XKS, GBR"}
    )
    assert saved.record.nation_code == "XKS"
    assert admin.marking(saved.label) == "CONFIDENTIAL//REL TO USA, GBR, XKS"

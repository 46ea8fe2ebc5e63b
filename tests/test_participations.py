"""Participations: validation per field, status moves (allowed and refused, withdrawal reasons),
each warning, visibility through the exchange and the person, related panels, deletion, audit."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.domain.labels import Label, Release
from app.domain.vocab import PARTICIPATION_MOVES, ParticipationStatus
from app.services.desk import Desk
from app.services.errors import NotFound, PermissionDenied, ValidationFailed

MakeUser = Callable[..., Desk]


def exchange(desk: Desk, label: Label | None = None, **extra: str) -> str:
    """The reference of a new exchange hosted by the USA, 1 to 20 March 2026."""
    values = {
        "title": "Staff course",
        "kind": "course seat",
        "host_nation": "USA",
        "start_date": "2026-03-01",
        "end_date": "2026-03-20",
        **extra,
    }
    return desk.exchanges.create(values, label=label).record.reference


def person(
    desk: Desk, family: str = "Nowak", nation: str = "USA", label: Label | None = None, **extra: str
) -> str:
    """The reference of a new person (cleared SECRET unless told otherwise)."""
    values = {
        "family_name": family,
        "given_names": "Jan",
        "nation_code": nation,
        "clearance_level": "3",
        **extra,
    }
    return desk.people.create(values, label=label).record.reference


@pytest.fixture
def refs(admin: Desk) -> tuple[str, str]:
    """An exchange and a person, both unclassified."""
    return exchange(admin), person(admin)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("exchange", "", "is required"),
        ("exchange", "EX-1999-0001", "Exchange: no exchange EX-1999-0001"),
        ("person", "", "is required"),
        ("person", "P-1999-000001", "Person: no person P-1999-000001"),
        ("role", "cook", "unknown value"),
        ("status", "lost", "unknown value"),
        ("arrival_date", "soon", "YYYY-MM-DD"),
        ("arrival_date", "2026-03-21", "after {exchange} ends"),
        ("departure_date", "2026-02-28", "before {exchange} starts"),
        ("travel_status", "maybe", "unknown value"),
        ("visa_status", "maybe", "unknown value"),
        ("ito_status", "maybe", "unknown value"),
        ("feedback_score", "0", "at least 1"),
        ("feedback_score", "6", "at most 5"),
        ("feedback_score", "good", "whole number"),
        ("feedback_comments", "x" * 20001, "too long"),
        ("seat", "12", "not a field"),
    ],
)
def test_each_field_error_is_reported_under_its_field(
    admin: Desk, refs: tuple[str, str], field: str, value: str, message: str
) -> None:
    exchange_ref, person_ref = refs
    with pytest.raises(ValidationFailed) as failure:
        admin.participations.create({"exchange": exchange_ref, "person": person_ref, field: value})
    assert message.format(exchange=exchange_ref) in failure.value.errors[field]
    assert admin.participations.count() == 0


def test_cross_field_errors(admin: Desk, refs: tuple[str, str]) -> None:
    exchange_ref, person_ref = refs
    base = {"exchange": exchange_ref, "person": person_ref}
    with pytest.raises(ValidationFailed) as failure:
        admin.participations.create(
            {**base, "arrival_date": "2026-03-05", "departure_date": "2026-03-04"}
        )
    assert "before the arrival" in failure.value.errors["departure_date"]
    with pytest.raises(ValidationFailed) as failure:
        admin.participations.create({**base, "status": "withdrawn"})
    assert "Reason for withdrawal is required" in failure.value.errors["withdrawn_reason"]
    admin.participations.create(base)
    with pytest.raises(ValidationFailed) as failure:
        admin.participations.create(base)
    assert f"already takes part in {exchange_ref} as trainee" in failure.value.errors["role"]
    assert admin.participations.create({**base, "role": "interpreter"}).record.role == "interpreter"


def test_create_defaults_resolves_references_and_audits(admin: Desk, refs: tuple[str, str]) -> None:
    exchange_ref, person_ref = refs
    saved = admin.participations.create(
        {
            "exchange": exchange_ref.lower(),
            "person": person_ref,
            "arrival_date": "2026-02-27",
            "departure_date": "2026-03-21",
            "visa_status": "requested",
            "feedback_score": "4",
        }
    )
    record = saved.record
    assert (record.role, record.status, record.visa_status, record.feedback_score) == (
        "trainee",
        "nominated",
        "requested",
        4,
    )
    assert saved.warnings == []
    assert admin.participations.value_of(record, "exchange") == exchange_ref
    assert admin.participations.value_of(record, "person") == person_ref
    assert admin.participations.title(record) == f"NOWAK, Jan in {exchange_ref}"
    event = admin.audit.list(action="create", kind="participation")[0]
    assert event.record_id == record.id
    assert (
        event.details["after"]["exchange"] == exchange_ref
        and event.details["after"]["person"] == person_ref
    )
    # by id as well
    other = person(admin, "Kowalski")
    by_id = admin.participations.create(
        {"exchange": str(admin.exchanges.find(exchange_ref)[0].id), "person": other}
    )
    assert by_id.record.exchange_id == record.exchange_id


def test_default_label_is_the_exchanges(admin: Desk) -> None:
    secret = exchange(admin, label=Label(level=3, release=Release.REL, rel_to=frozenset({"GBR"})))
    saved = admin.participations.create({"exchange": secret, "person": person(admin)})
    assert saved.label == Label(level=3, release=Release.REL, rel_to=frozenset({"GBR", "USA"}))
    given = admin.participations.create(
        {
            "exchange": secret,
            "person": person(admin, "Other"),
            "classification": "C",
            "releasable_to": "GBR",
        }
    )
    assert given.label.level == 2


def test_update_is_audited_and_keeps_exchange_person_and_status(
    admin: Desk, refs: tuple[str, str]
) -> None:
    exchange_ref, person_ref = refs
    record = admin.participations.create({"exchange": exchange_ref, "person": person_ref}).record
    saved = admin.participations.update(
        record.id,
        {"travel_status": "issued", "feedback_comments": "Excellent", "exchange": exchange_ref},
    )
    assert saved.record.row_version == 2
    event = admin.audit.list(action="update", kind="participation")[0]
    assert event.details == {
        "version": 2,
        "before": {"feedback_comments": "", "travel_status": "pending"},
        "after": {"feedback_comments": "Excellent", "travel_status": "issued"},
    }
    other_exchange = exchange(admin)
    for values, field, message in [
        ({"exchange": other_exchange}, "exchange", "cannot be changed"),
        ({"person": person(admin, "Else")}, "person", "cannot be changed"),
        ({"status": "approved"}, "status", "change_status"),
        ({"departure_date": "2026-02-01"}, "departure_date", "before {exchange} starts"),
    ]:
        with pytest.raises(ValidationFailed) as failure:
            admin.participations.update(record.id, values)
        assert message.format(exchange=exchange_ref) in failure.value.errors[field]


@pytest.mark.parametrize("start", list(ParticipationStatus))
def test_every_status_move_allowed_or_refused(admin: Desk, start: ParticipationStatus) -> None:
    exchange_ref = exchange(admin)
    extra = {"withdrawn_reason": "Injured"} if start is ParticipationStatus.WITHDRAWN else {}
    for number, target in enumerate(ParticipationStatus):
        if target is start:
            continue
        record = admin.participations.create(
            {
                "exchange": exchange_ref,
                "person": person(admin, f"P{number}"),
                "status": start.value,
                **extra,
            }
        ).record
        reason = "Operational commitment" if target is ParticipationStatus.WITHDRAWN else None
        if target in PARTICIPATION_MOVES[start]:
            saved = admin.participations.change_status(record.id, target.label, reason)
            assert saved.record.status == target.value
            event = admin.audit.list(
                action="status_change", kind="participation", record_id=record.id
            )[0]
            assert event.details == {
                "version": 2,
                "before": start.value,
                "after": target.value,
                "reason": reason or "",
            }
        else:
            with pytest.raises(ValidationFailed) as failure:
                admin.participations.change_status(record.id, target.value, reason)
            assert "cannot move from" in failure.value.errors["status"]


def test_withdrawal_needs_a_reason(admin: Desk, refs: tuple[str, str]) -> None:
    exchange_ref, person_ref = refs
    record = admin.participations.create({"exchange": exchange_ref, "person": person_ref}).record
    with pytest.raises(ValidationFailed) as failure:
        admin.participations.change_status(record.id, "withdrawn")
    assert "needs a reason" in failure.value.errors["reason"]
    saved = admin.participations.change_status(record.id, "withdrawn", "Medical")
    assert (saved.record.status, saved.record.withdrawn_reason) == ("withdrawn", "Medical")


# --- warnings ---------------------------------------------------------------------------------


def test_releasability_warnings(admin: Desk) -> None:
    noforn = exchange(admin, label=Label(release=Release.NOFORN))
    fvey = exchange(
        admin,
        label=Label(release=Release.REL, rel_to=frozenset({"FVEY"})),
        start_date="2026-05-01",
        end_date="2026-05-02",
    )
    rel_gbr = exchange(
        admin,
        label=Label(release=Release.REL, rel_to=frozenset({"GBR"})),
        start_date="2026-06-01",
        end_date="2026-06-02",
    )
    pole, brit = person(admin, "Nowak", "POL"), person(admin, "Smith", "GBR")
    p = admin.participations
    assert p.create({"exchange": noforn, "person": pole}).warnings == [
        f"NOWAK, Jan is from POL, but {noforn} is NOFORN (not releasable to foreign nationals)"
    ]
    assert p.create({"exchange": fvey, "person": brit}).warnings == []  # FVEY expanded
    assert p.create({"exchange": rel_gbr, "person": brit}).warnings == []
    assert p.create({"exchange": rel_gbr, "person": pole}).warnings == [
        f"NOWAK, Jan is from POL, but {rel_gbr} is releasable only to GBR, USA"
    ]
    assert p.create({"exchange": noforn, "person": person(admin, "Doe", "USA")}).warnings == []


def test_clearance_warnings(admin: Desk) -> None:
    secret = exchange(
        admin, label=Label(3, Release.REL, frozenset({"NATO"})), end_date="2026-03-20"
    )
    p = admin.participations
    low = person(admin, "Low", clearance_level="2")
    none = person(admin, "None", clearance_level="")
    expiring = person(admin, "Expiring", clearance_expiry="2026-03-10")
    assert p.create({"exchange": secret, "person": low}).warnings == [
        f"LOW, Jan holds a CONFIDENTIAL clearance, below {secret}'s SECRET"
    ]
    assert p.create({"exchange": secret, "person": none}).warnings == [
        f"NONE, Jan has no security clearance recorded, but {secret} is SECRET"
    ]
    assert p.create({"exchange": secret, "person": expiring}).warnings == [
        f"EXPIRING, Jan's clearance expires on 2026-03-10, before {secret} ends on 2026-03-20"
    ]
    unclassified = exchange(admin, start_date="2026-05-01", end_date="2026-05-02")
    assert p.create({"exchange": unclassified, "person": none}).warnings == []


def test_passport_and_visa_warnings_are_audited_views(admin: Desk, make_user: MakeUser) -> None:
    exchange_ref = exchange(admin)
    traveller = person(admin, "Traveller", passport_expiry="2026-03-15", visa_expiry="2026-03-18")
    saved = admin.participations.create(
        {
            "exchange": exchange_ref,
            "person": traveller,
            "visa_status": "issued",
            "departure_date": "2026-03-22",
        }
    )
    assert saved.warnings == [
        "TRAVELLER, Jan's passport expires on 2026-03-15, before departure on 2026-03-22",
        "TRAVELLER, Jan's visa expires on 2026-03-18, before departure on 2026-03-22",
    ]
    event = admin.audit.list(action="view_identity")[0]
    assert event.details == {
        "purpose": "participation warnings",
        "participation": saved.record.id,
        "fields": ["passport_expiry", "visa_expiry"],
    }
    # without a departure date the exchange's end counts; a visa not required is not checked
    admin.participations.update(
        saved.record.id, {"departure_date": "", "visa_status": "not required"}
    )
    assert admin.participations.warnings_for(saved.record.id) == [
        "TRAVELLER, Jan's passport expires on 2026-03-15, before departure on 2026-03-20"
    ]
    # viewers are not shown identity-based warnings
    viewer = make_user("viewer", role="viewer")
    assert viewer.participations.warnings_for(saved.record.id) == []


def test_overlapping_bookings_warn_only_about_visible_ones(admin: Desk) -> None:
    first = exchange(admin, title="First")
    overlapping = exchange(
        admin, title="Overlapping", start_date="2026-03-15", end_date="2026-04-01"
    )
    later = exchange(admin, title="Later", start_date="2026-04-02", end_date="2026-04-10")
    hidden = exchange(
        admin,
        title="Hidden",
        label=Label(4, Release.REL, frozenset({"NATO"})),
        start_date="2026-03-10",
        end_date="2026-03-12",
    )
    assert later
    who = person(admin, "Busy")
    p = admin.participations
    booked = p.create({"exchange": first, "person": who}).record
    assert p.create({"exchange": later, "person": who}).warnings == []
    saved = p.create({"exchange": overlapping, "person": who})
    assert saved.warnings == [
        f"BUSY, Jan is also booked into {first} First (2026-03-01 to 2026-03-20), which overlaps "
        f"{overlapping}"
    ]
    assert p.warnings_for(booked.id) == [
        f"BUSY, Jan is also booked into {overlapping} Overlapping (2026-03-15 to 2026-04-01), "
        f"which overlaps {first}"
    ]
    p.create({"exchange": hidden, "person": who})
    assert len(p.warnings_for(booked.id)) == 2  # the TOP SECRET one too, for the admin
    p.change_status(saved.record.id, "withdrawn", "Clash")
    assert p.warnings_for(saved.record.id) == []
    assert len(p.warnings_for(booked.id)) == 1


def test_hidden_overlap_is_not_named_to_a_user_who_cannot_see_it(
    admin: Desk, make_user: MakeUser
) -> None:
    low = make_user("low", clearance="C")
    who = person(admin, "Busy", clearance_level="1")
    open_ = exchange(admin, title="Open")
    hidden = exchange(admin, title="Hidden", label=Label(4, Release.REL, frozenset({"NATO"})))
    mine = low.participations.create({"exchange": open_, "person": who}).record
    admin.participations.create({"exchange": hidden, "person": who})
    assert low.participations.warnings_for(mine.id) == []
    assert len(admin.participations.warnings_for(mine.id)) == 1


def test_early_arrival_and_late_departure_warn(admin: Desk, refs: tuple[str, str]) -> None:
    exchange_ref, person_ref = refs
    saved = admin.participations.create(
        {
            "exchange": exchange_ref,
            "person": person_ref,
            "arrival_date": "2026-02-20",
            "departure_date": "2026-03-28",
        }
    )
    assert saved.warnings == [
        f"NOWAK, Jan arrives on 2026-02-20, more than 7 days before {exchange_ref} starts",
        f"NOWAK, Jan leaves on 2026-03-28, more than 7 days after {exchange_ref} ends",
    ]


# --- visibility -------------------------------------------------------------------------------


def test_hidden_exchange_or_person_hides_the_participation(
    admin: Desk, make_user: MakeUser
) -> None:
    foreign = make_user("gbr", nation="GBR", clearance="TS")
    low = make_user("low", clearance="C")
    grouped = make_user("sof", clearance="TS", groups=("SOF",))
    open_exchange, open_person = exchange(admin), person(admin, "Open")
    cases = {
        "noforn_exchange": (exchange(admin, label=Label(release=Release.NOFORN)), open_person),
        "secret_exchange": (
            exchange(admin, label=Label(3, Release.REL, frozenset({"NATO"}))),
            open_person,
        ),
        "sof_exchange": (exchange(grouped, label=Label(groups=frozenset({"SOF"}))), open_person),
        "noforn_person": (
            open_exchange,
            person(admin, "Noforn", label=Label(release=Release.NOFORN)),
        ),
        "secret_person": (
            open_exchange,
            person(admin, "Secret", label=Label(3, Release.REL, frozenset({"NATO"}))),
        ),
        "open": (open_exchange, open_person),
    }
    ids = {}
    for name, (exchange_ref, person_ref) in cases.items():
        ids[name] = grouped.participations.create(
            {"exchange": exchange_ref, "person": person_ref}, label=Label()
        ).record.id
    expected = {
        foreign: {"secret_exchange", "secret_person", "open"},
        low: {"noforn_exchange", "noforn_person", "open"},
        grouped: set(cases),
        admin: set(cases) - {"sof_exchange"},
    }
    for desk, names in expected.items():
        wanted = {ids[n] for n in names}
        assert {r.id for r in desk.participations.list().records} == wanted
        assert desk.participations.count() == len(wanted) == desk.participations.list().total
        assert set(desk.participations.fetch(list(ids.values()))) == wanted
        for name in set(cases) - names:
            with pytest.raises(NotFound):
                desk.participations.get(ids[name])
            with pytest.raises(NotFound):
                desk.participations.warnings_for(ids[name])


def test_hidden_exchange_or_person_cannot_be_attached(admin: Desk, make_user: MakeUser) -> None:
    foreign = make_user("gbr", nation="GBR", clearance="TS")
    noforn_exchange = exchange(admin, label=Label(release=Release.NOFORN))
    noforn_person = person(admin, label=Label(release=Release.NOFORN))
    with pytest.raises(ValidationFailed) as failure:
        foreign.participations.create(
            {"exchange": noforn_exchange, "person": person(admin, "Visible")}
        )
    assert failure.value.errors["exchange"] == f"Exchange: no exchange {noforn_exchange}"
    with pytest.raises(ValidationFailed) as failure:
        foreign.participations.create({"exchange": exchange(admin), "person": noforn_person})
    assert failure.value.errors["person"] == f"Person: no person {noforn_person}"
    assert foreign.participations.count() == 0


def test_related_panels(admin: Desk, make_user: MakeUser) -> None:
    low = make_user("low", clearance="C")
    course = exchange(admin)
    course_id = admin.exchanges.find(course)[0].id
    zed, abel = person(admin, "Zed"), person(admin, "Abel")
    secret_person = person(admin, "Secret", label=Label(3, Release.REL, frozenset({"NATO"})))
    for who in (zed, abel, secret_person):
        admin.participations.create({"exchange": course, "person": who})
    later = exchange(admin, start_date="2027-01-01", end_date="2027-01-10")
    admin.participations.create({"exchange": later, "person": zed})
    hidden_exchange = exchange(
        admin,
        label=Label(4, Release.REL, frozenset({"NATO"})),
        start_date="2028-01-01",
        end_date="2028-01-02",
    )
    admin.participations.create({"exchange": hidden_exchange, "person": zed})
    roster = admin.participations.for_exchange(course_id)
    assert [admin.participations.value_of(r, "person") for r in roster.records] == [
        abel,
        secret_person,
        zed,
    ]
    assert roster.total == 3 and set(roster.labels) == {r.label_id for r in roster.records}
    assert [
        admin.participations.value_of(r, "person")
        for r in low.participations.for_exchange(course_id).records
    ] == [abel, zed]
    zed_id = admin.people.find(zed)[0].id
    assert [
        admin.participations.value_of(r, "exchange")
        for r in admin.participations.for_person(zed_id).records
    ] == [hidden_exchange, later, course]
    assert [
        low.participations.value_of(r, "exchange")
        for r in low.participations.for_person(zed_id).records
    ] == [later, course]
    with pytest.raises(NotFound):
        low.participations.for_exchange(admin.exchanges.find(hidden_exchange)[0].id)
    with pytest.raises(NotFound):
        low.participations.for_person(admin.people.find(secret_person)[0].id)


def test_delete_is_audited_and_archive_refused(
    admin: Desk, refs: tuple[str, str], make_user: MakeUser
) -> None:
    exchange_ref, person_ref = refs
    record = admin.participations.create({"exchange": exchange_ref, "person": person_ref}).record
    viewer = make_user("viewer", role="viewer")
    with pytest.raises(PermissionDenied):
        viewer.participations.delete(record.id)
    with pytest.raises(PermissionDenied):
        admin.participations.archive(record.id)
    admin.participations.delete(record.id, "entered by mistake")
    assert admin.participations.count() == 0
    event = admin.audit.list(action="delete", kind="participation")[0]
    assert event.record_id == record.id
    assert (
        event.details["reason"] == "entered by mistake"
        and event.details["before"]["person"] == person_ref
    )
    with pytest.raises(NotFound):
        admin.participations.get(record.id)
    assert admin.audit.verify().ok


def test_a_clash_with_a_participation_the_user_may_not_see_is_not_confirmed(
    admin: Desk, make_user: MakeUser, tmp_path
) -> None:  # noqa: ANN001
    from app.services.transfer import import_file

    exchange_ref, person_ref = exchange(admin), person(admin)
    admin.participations.create(
        {"exchange": exchange_ref, "person": person_ref, "role": "instructor"},
        label=Label(3, Release.NOFORN),
    )
    gbr = make_user("gbr", nation="GBR")
    assert gbr.participations.count() == 0  # the exchange and the person are visible, not this
    with pytest.raises(ValidationFailed) as refused:
        gbr.participations.create(
            {"exchange": exchange_ref, "person": person_ref, "role": "instructor"}
        )
    message = refused.value.errors["role"]
    assert message == "Role: this person cannot be booked into this exchange in this role"
    csv = tmp_path / "pa.csv"
    csv.write_text(f"exchange,person,role\n{exchange_ref},{person_ref},instructor\n")
    result = import_file(gbr, "participations", csv)
    # refused without confirming the hidden booking (under the server's row security the
    # database's unique key refuses it: the row is reported without its values)
    refused_row = str(result.rejected[0].errors)
    assert result.imported == 0 and "already takes part" not in refused_row
    assert "instructor" not in refused_row.replace("this role", "")
    # a clash the user can see is still named, so they can fix it
    admin.participations.create({"exchange": exchange_ref, "person": person_ref})
    with pytest.raises(ValidationFailed) as refused:
        gbr.participations.create({"exchange": exchange_ref, "person": person_ref})
    assert "already takes part in" in refused.value.errors["role"]

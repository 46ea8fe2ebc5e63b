"""Liaison assignments and contact logs: validation, references, status moves, overlap warnings,
visibility through the person and the assignment, follow-ups, and audit events."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.labels import Label, Release
from app.services.desk import Desk
from app.services.errors import NotFound, PermissionDenied, ValidationFailed
from tests.helpers.records import generated

TODAY = dt.date.today()


@pytest.fixture
def person(admin: Desk) -> str:
    """The reference of a visible Polish officer."""
    return admin.people.create(
        {
            "family_name": "Wiśniewska",
            "given_names": "Ewa",
            "nation_code": "POL",
            "clearance_level": "2",
        }
    ).record.reference


def valid(person: str, **extra: str) -> dict[str, str]:
    """A liaison officer posted from Poland to the USA."""
    return {
        "person": person,
        "kind": "liaison officer",
        "host_nation": "USA",
        "host_organisation": "US Army Europe",
        "start_date": "2026-01-05",
        "end_date": "2028-01-04",
        **extra,
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("person", "", "is required"),
        ("person", "P-1999-000001", "no person"),
        ("kind", "spy", "unknown value"),
        ("sending_nation", "XX", "alpha-3"),
        ("host_nation", "", "is required"),
        ("host_nation", "POL", "differ from the sending nation"),
        ("start_date", "", "is required"),
        ("start_date", "5 Jan 2026", "YYYY-MM-DD"),
        ("end_date", "2025-12-31", "before the tour start"),
        ("status", "retired", "unknown value"),
        ("agreement", "MOU-NONE", "no agreement"),
        ("disclosure_level", "9", "level of this database's scheme"),
        ("disclosure_level", "ULTRA", "level of this database's scheme"),
        ("host_organisation", "x" * 201, "too long"),
        ("releasable_to", "POL XXX", "unknown nation or group"),
    ],
)
def test_each_field_error_is_reported_under_its_field(
    admin: Desk, person: str, field: str, value: str, message: str
) -> None:
    with pytest.raises(ValidationFailed) as failure:
        admin.liaison.create({**valid(person), field: value})
    assert message in failure.value.errors[field]
    assert admin.liaison.count() == 0


def test_create_resolves_references_defaults_and_audits(admin: Desk, person: str) -> None:
    agreement = admin.agreements.create(
        {
            "reference": "PEP-USA-POL-2020",
            "title": "Personnel exchange",
            "kind": "personnel exchange agreement",
            "parties": "USA POL",
        }
    ).record
    saved = admin.liaison.create(
        valid(person, agreement="pep-usa-pol-2020", disclosure_level="SECRET")
    )
    record = saved.record
    assert generated("LO", 2026).fullmatch(record.reference)
    assert record.sending_nation == "POL"  # from the person
    assert (
        record.agreement_id == agreement.id
        and record.disclosure_level == 3
        and record.status == "planned"
    )
    assert any("above the clearance the person holds (CONFIDENTIAL)" in w for w in saved.warnings)
    event = admin.audit.list(action="create", kind="liaison_assignment", limit=1)[0]
    assert event.record_ref == record.reference
    assert (
        event.details["after"]["person"] == person
        and event.details["after"]["agreement"] == "PEP-USA-POL-2020"
    )
    listed = admin.liaison.list().records[0]  # detached: references still read for exports
    assert (
        admin.liaison.snapshot(listed)["person"],
        admin.liaison.snapshot(listed)["agreement"],
    ) == (person, "PEP-USA-POL-2020")
    admin.liaison.update(record.id, {"disclosure_level": "1", "duties": "Liaison to G3"})
    update = admin.audit.list(action="update", kind="liaison_assignment", limit=1)[0]
    assert update.details == {
        "version": 2,
        "before": {"disclosure_level": "3", "duties": ""},
        "after": {"disclosure_level": "1", "duties": "Liaison to G3"},
    }
    with pytest.raises(ValidationFailed) as failure:
        admin.liaison.update(record.id, {"end_date": "2025-01-01"})
    assert "before the tour start" in failure.value.errors["end_date"]


def test_status_moves_allowed_and_refused(admin: Desk, person: str) -> None:
    record = admin.liaison.create(valid(person)).record
    with pytest.raises(ValidationFailed) as failure:
        admin.liaison.update(record.id, {"status": "active"})
    assert "status move" in failure.value.errors["status"]
    assert admin.liaison.change_status(record.id, "active").record.status == "active"
    with pytest.raises(ValidationFailed) as failure:
        admin.liaison.change_status(record.id, "planned")
    assert "cannot move from Active to Planned" in failure.value.errors["status"]
    admin.liaison.change_status(record.id, "ended", reason="tour complete")
    events = admin.audit.list(action="status_change", kind="liaison_assignment", newest_first=False)
    assert [(e.details["before"], e.details["after"]) for e in events] == [
        ("planned", "active"),
        ("active", "ended"),
    ]
    assert events[1].details["reason"] == "tour complete"
    with pytest.raises(ValidationFailed, match="final"):
        admin.liaison.change_status(record.id, "active")


def test_overlapping_open_tours_of_the_same_person_are_warned(admin: Desk, person: str) -> None:
    first = admin.liaison.create(valid(person))
    assert not any("overlaps" in w for w in first.warnings)
    second = admin.liaison.create(
        valid(person, start_date="2027-06-01", end_date="2029-06-01", host_nation="GBR")
    )
    assert any(f"overlaps {first.record.reference}" in w for w in second.warnings)
    later = admin.liaison.create(valid(person, start_date="2030-01-01", end_date=""))
    assert not any("overlaps" in w for w in later.warnings)
    admin.liaison.change_status(first.record.id, "ended")
    assert not any(
        "overlaps" in w for w in admin.liaison.update(second.record.id, {"duties": "x"}).warnings
    )
    other = admin.people.create({"family_name": "Nowak", "nation_code": "POL"}).record.reference
    assert not any("overlaps" in w for w in admin.liaison.create(valid(other)).warnings)
    mismatch = admin.liaison.create(
        valid(other, sending_nation="CZE", start_date="2031-01-01", end_date="2032-01-01")
    )
    assert any("from POL but the sending nation is CZE" in w for w in mismatch.warnings)


def test_assignment_is_hidden_when_its_person_or_agreement_is(admin: Desk, make_user) -> None:
    secret_person = admin.people.create(
        {"family_name": "Hidden", "nation_code": "GBR"},
        label=Label(3, Release.REL, frozenset({"NATO"})),
    ).record
    open_person = admin.people.create({"family_name": "Open", "nation_code": "GBR"}).record
    noforn_agreement = admin.agreements.create(
        {"title": "Bilateral", "kind": "memorandum of agreement", "parties": "USA GBR"},
        label=Label(release="NOFORN"),
    ).record
    under_secret_person = admin.liaison.create(
        {**valid(secret_person.reference), "host_nation": "USA"}
    ).record
    under_noforn = admin.liaison.create(
        {**valid(open_person.reference), "agreement": str(noforn_agreement.id)}
    ).record
    plain = admin.liaison.create(
        valid(open_person.reference, start_date="2029-01-01", end_date="2030-01-01")
    ).record
    assert admin.liaison.count() == 3
    low = make_user("carl", clearance="C")
    briton = make_user("gbr", nation="GBR", role="viewer", clearance="TS")
    assert {a.id for a in low.liaison.list().records} == {under_noforn.id, plain.id}
    assert {a.id for a in briton.liaison.list().records} == {under_secret_person.id, plain.id}
    assert briton.liaison.count() == 2
    with pytest.raises(NotFound):
        low.liaison.get(under_secret_person.id)
    with pytest.raises(NotFound):
        briton.liaison.find(under_noforn.reference)
    # hidden people and agreements cannot be named either
    with pytest.raises(ValidationFailed) as failure:
        low.liaison.create(valid(secret_person.reference, host_nation="USA"))
    assert "no person" in failure.value.errors["person"]
    # a person's assignment list shows only what the user may see
    assert {a.id for a in low.liaison.for_person(open_person.id).records} == {
        under_noforn.id,
        plain.id,
    }
    with pytest.raises(NotFound):
        low.liaison.for_person(secret_person.id)


def test_viewers_cannot_write_assignments(admin: Desk, make_user, person: str) -> None:
    record = admin.liaison.create(valid(person)).record
    viewer = make_user("vera", role="viewer")
    with pytest.raises(PermissionDenied):
        viewer.liaison.create(valid(person))
    with pytest.raises(PermissionDenied):
        viewer.liaison.change_status(record.id, "active")
    with pytest.raises(PermissionDenied):
        viewer.contact_log.create(
            {"assignment": record.reference, "date": "2026-02-01", "subject": "x"}
        )


# --- contact log -------------------------------------------------------------------------------


def test_contact_log_validation(admin: Desk, person: str) -> None:
    assignment = admin.liaison.create(valid(person)).record
    good = {
        "assignment": assignment.reference,
        "date": "2026-02-01",
        "subject": "Exercise planning conference",
    }
    cases = [
        ("assignment", "", "is required"),
        ("assignment", "LO-1999-0001", "no liaison assignment"),
        ("date", "", "is required"),
        ("date", "yesterday", "YYYY-MM-DD"),
        ("subject", "", "is required"),
        ("counterparts", "x" * 301, "too long"),
        ("follow_up_due", "2026-01-31", "before the date"),
        ("follow_up_done", "maybe", "yes or no"),
    ]
    for field, value, message in cases:
        with pytest.raises(ValidationFailed) as failure:
            admin.contact_log.create({**good, field: value})
        assert message in failure.value.errors[field], field
    assert admin.contact_log.count() == 0
    outside = admin.contact_log.create({**good, "date": "2025-12-01"})
    assert "outside the tour" in outside.warnings[0]


def test_contact_log_takes_its_assignment_label_and_is_audited(admin: Desk, person: str) -> None:
    label = admin.parse_label("C", "POL")
    assignment = admin.liaison.create(valid(person), label=label).record
    entry = admin.contact_log.create(
        {
            "assignment": str(assignment.id),
            "date": "2026-02-01",
            "subject": "Courtesy call",
            "counterparts": "Col. Kowalski",
            "follow_up_due": "2026-02-15",
        }
    )
    assert entry.label == label
    assert (
        admin.contact_log.create(
            {
                "assignment": assignment.reference,
                "date": "2026-02-02",
                "subject": "x",
                "classification": "S",
                "releasable_to": "POL",
            }
        ).label.level
        == 3
    )
    assert (
        admin.audit.list(action="create", kind="contact_log", limit=2)[1].details["after"][
            "assignment"
        ]
        == assignment.reference
    )
    admin.contact_log.update(entry.record.id, {"follow_up_done": True})
    assert admin.audit.list(action="update", kind="contact_log", limit=1)[0].details == {
        "version": 2,
        "before": {"follow_up_done": "no"},
        "after": {"follow_up_done": "yes"},
    }
    with pytest.raises(PermissionDenied, match="deleted, not archived"):
        admin.contact_log.archive(entry.record.id)
    admin.attachments.add("contact_log", entry.record.id, "minutes.txt", b"met")
    admin.contact_log.delete(entry.record.id, reason="entered twice")
    deleted = admin.audit.list(action="delete", kind="contact_log", limit=1)[0]
    assert deleted.record_id == entry.record.id and deleted.details["reason"] == "entered twice"
    assert (
        deleted.details["attachments_deleted"] == 1
        and deleted.details["before"]["subject"] == "Courtesy call"
    )
    with pytest.raises(NotFound):
        admin.contact_log.get(entry.record.id)


def test_contact_log_visible_only_with_its_assignment_and_person(admin: Desk, make_user) -> None:
    secret_person = admin.people.create(
        {"family_name": "Hidden", "nation_code": "GBR"},
        label=Label(3, Release.REL, frozenset({"NATO"})),
    ).record
    hidden_assignment = admin.liaison.create(
        valid(secret_person.reference)
    ).record  # labelled U itself
    shown_person = admin.people.create({"family_name": "Shown", "nation_code": "GBR"}).record
    shown_assignment = admin.liaison.create(valid(shown_person.reference)).record
    hidden_entry = admin.contact_log.create(
        {
            "assignment": hidden_assignment.reference,
            "date": "2026-03-01",
            "subject": "a",
            "follow_up_due": "2026-03-10",
        },
        label=Label(),
    ).record
    shown_entry = admin.contact_log.create(
        {
            "assignment": shown_assignment.reference,
            "date": "2026-03-01",
            "subject": "b",
            "follow_up_due": "2026-03-12",
        }
    ).record
    admin.contact_log.create(
        {
            "assignment": shown_assignment.reference,
            "date": "2026-03-02",
            "subject": "done",
            "follow_up_due": "2026-03-05",
            "follow_up_done": "yes",
        }
    )
    secret_entry = admin.contact_log.create(
        {
            "assignment": shown_assignment.reference,
            "date": "2026-03-03",
            "subject": "c",
            "follow_up_due": "2026-03-11",
        },
        label=Label(3, Release.REL, frozenset({"NATO"})),
    ).record
    low = make_user("carl", clearance="C")
    assert {e.id for e in low.contact_log.list().records} == {shown_entry.id, shown_entry.id + 1}
    assert low.contact_log.count() == 2
    with pytest.raises(NotFound):
        low.contact_log.get(hidden_entry.id)
    with pytest.raises(NotFound):
        low.contact_log.for_assignment(hidden_assignment.id)
    logged = low.contact_log.for_assignment(shown_assignment.id).records
    assert [e.subject for e in logged] == ["done", "b"]
    assert low.contact_log.value_of(logged[0], "assignment") == shown_assignment.reference
    due = admin.contact_log.follow_ups_due(dt.date(2026, 3, 11))
    assert [e.id for e in due.records] == [hidden_entry.id, secret_entry.id]
    assert [e.id for e in low.contact_log.follow_ups_due(dt.date(2026, 12, 31)).records] == [
        shown_entry.id
    ]
    with pytest.raises(ValidationFailed) as failure:
        low.contact_log.create(
            {"assignment": hidden_assignment.reference, "date": "2026-03-01", "subject": "x"}
        )
    assert "no liaison assignment" in failure.value.errors["assignment"]


def test_tours_ending_soon(admin: Desk, person: str) -> None:
    today = dt.date(2027, 12, 1)
    soon = admin.liaison.create(valid(person, end_date="2027-12-20")).record
    admin.liaison.create(valid(person, start_date="2026-02-01", end_date="2028-06-01"))
    ended = admin.liaison.create(
        valid(person, start_date="2026-03-01", end_date="2027-12-10")
    ).record
    admin.liaison.change_status(ended.id, "ended")
    assert [a.id for a, _label in admin.liaison.ending(30, today=today)] == [soon.id]

"""Agreements: field validation, references, parties, signatories, quotas and their use,
status moves, expiry, visibility, and an audit event for every write."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.labels import Label, Release
from app.domain.references import reference
from app.services.desk import Desk
from app.services.errors import NotFound, PermissionDenied, ValidationFailed
from tests.helpers.records import counter_of, generated

MOU = "memorandum_of_understanding"
VALID = {"title": "Polish–American officer exchange", "kind": MOU, "parties": "USA POL"}
TODAY = dt.date.today()


def days(n: int) -> str:
    """An ISO date n days from today."""
    return (TODAY + dt.timedelta(days=n)).isoformat()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "is required"),
        ("title", "x" * 251, "too long"),
        ("kind", "treaty", "unknown value"),
        ("kind", "", "is required"),
        ("parties", "USA", "at least 2 nations"),
        ("parties", "USA XXX", "alpha-3"),
        ("reference", "MOU USA/POL #1", "letters, digits"),
        ("signed_date", "2019-13-01", "YYYY-MM-DD"),
        ("signed_date", days(5), "future"),
        ("notice_period_days", "-1", "at least 0"),
        ("notice_period_days", "ninety", "whole number"),
        ("status", "ratified", "unknown value"),
        ("classification", "ULTRA", "unknown classification"),
        ("colour", "blue", "not a field"),
    ],
)
def test_each_field_error_is_reported_under_its_field(
    admin: Desk, field: str, value: str, message: str
) -> None:
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.create({**VALID, field: value})
    assert message in failure.value.errors[field]
    assert admin.agreements.count() == 0


def test_dates_must_be_in_order(admin: Desk) -> None:
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.create(
            {**VALID, "signed_date": "2020-05-01", "effective_date": "2020-04-01"}
        )
    assert "before the signed date" in failure.value.errors["effective_date"]
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.create(
            {**VALID, "effective_date": "2020-05-01", "expiry_date": "2020-05-01"}
        )
    assert "after the effective date" in failure.value.errors["expiry_date"]
    saved = admin.agreements.create(
        {**VALID, "signed_date": "2020-05-01", "expiry_date": "2025-05-01"}
    )
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.update(saved.record.id, {"expiry_date": "2019-01-01"})
    assert "after the signed date" in failure.value.errors["expiry_date"]


def test_a_loan_agreement_may_name_one_party_others_need_two(admin: Desk) -> None:
    saved = admin.agreements.create({**VALID, "kind": "loan agreement", "parties": "POL"})
    assert [p.nation_code for p in saved.record.parties] == ["POL"]
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.create({**VALID, "kind": "status of forces agreement", "parties": "POL"})
    assert "at least 2" in failure.value.errors["parties"]


def test_references_generated_or_given_and_unique(admin: Desk) -> None:
    made = admin.agreements.create({**VALID, "signed_date": "2019-03-04"})
    assert generated("AGR", 2019).fullmatch(made.record.reference)
    given = admin.agreements.create({**VALID, "reference": "mou-usa-pol-2019-01"})
    assert given.record.reference == "MOU-USA-POL-2019-01"
    assert admin.agreements.find("mou-usa-pol-2019-01")[0].id == given.record.id
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.create({**VALID, "reference": "MOU-USA-POL-2019-01"})
    assert "already used" in failure.value.errors["reference"]
    # a number typed in that the generator would give next is skipped by it
    last, secret = counter_of(admin, "AGR", 2019)
    taken = reference("AGR", 2019, last + 1, bytes.fromhex(secret))
    admin.agreements.create({**VALID, "reference": taken})
    assert admin.agreements.create(
        {**VALID, "signed_date": "2019-06-01"}
    ).record.reference == reference("AGR", 2019, last + 2, bytes.fromhex(secret))
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.update(given.record.id, {"reference": ""})
    assert "cannot be emptied" in failure.value.errors["reference"]


def test_create_and_update_are_audited_with_before_and_after(admin: Desk) -> None:
    saved = admin.agreements.create({**VALID, "scope": "Staff college seats"})
    created = admin.audit.list(action="create", kind="agreement", limit=1)[0]
    assert (
        created.record_id == saved.record.id and created.details["after"]["parties"] == "POL, USA"
    )
    admin.agreements.update(
        saved.record.id, {"parties": "USA POL CZE", "notice_period_days": "180"}
    )
    updated = admin.audit.list(action="update", kind="agreement", limit=1)[0]
    assert updated.details == {
        "version": 2,
        "before": {"notice_period_days": "", "parties": "POL, USA"},
        "after": {"notice_period_days": "180", "parties": "CZE, POL, USA"},
    }
    admin.agreements.archive(saved.record.id, reason="superseded")
    assert admin.audit.list(action="archive", kind="agreement", limit=1)[0].details == {
        "reason": "superseded",
        "version": 3,
    }
    assert admin.agreements.count() == 0


def test_status_moves_allowed_and_refused(admin: Desk) -> None:
    saved = admin.agreements.create(
        {**VALID, "signed_date": "2024-01-01", "expiry_date": days(400)}
    )
    agreement_id = saved.record.id
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.change_status(agreement_id, "in force")
    assert "cannot move from Draft to In force" in failure.value.errors["status"]
    for status in ("in negotiation", "signed", "in_force"):
        admin.agreements.change_status(agreement_id, status)
    assert admin.agreements.get(agreement_id)[0].status == "in_force"
    events = admin.audit.list(action="status_change", kind="agreement", newest_first=False)
    assert [(e.details["before"], e.details["after"]) for e in events] == [
        ("draft", "in_negotiation"),
        ("in_negotiation", "signed"),
        ("signed", "in_force"),
    ]
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.change_status(agreement_id, "terminated")
    assert "needs a reason" in failure.value.errors["reason"]
    admin.agreements.change_status(agreement_id, "terminated", reason="denounced by note verbale")
    assert (
        admin.audit.list(action="status_change", limit=1)[0].details["reason"]
        == "denounced by note verbale"
    )
    with pytest.raises(ValidationFailed, match="it is final"):
        admin.agreements.change_status(agreement_id, "in force")
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.update(agreement_id, {"status": "draft"})
    assert "status move" in failure.value.errors["status"]


def test_expire_due_moves_past_expiry_to_expired_one_event_each(admin: Desk, make_user) -> None:
    old = admin.agreements.create(
        {**VALID, "status": "in force", "signed_date": "2015-01-01", "expiry_date": "2020-01-01"}
    )
    older = admin.agreements.create(
        {**VALID, "status": "in force", "signed_date": "2015-01-01", "expiry_date": "2019-01-01"}
    )
    current = admin.agreements.create(
        {**VALID, "status": "in force", "signed_date": "2015-01-01", "expiry_date": days(30)}
    )
    draft = admin.agreements.create(
        {**VALID, "signed_date": "2015-01-01", "expiry_date": "2019-01-01"}
    )
    secret = admin.agreements.create(
        {**VALID, "status": "in force", "signed_date": "2015-01-01", "expiry_date": "2018-01-01"},
        label=Label(3, Release.REL, frozenset({"NATO"})),
    )
    assert "still marked in force" in old.warnings[0]
    assert make_user("vera", role="viewer").agreements.expire_due() == []
    low = make_user("carl", clearance="C")
    assert low.agreements.expire_due() == [older.record.reference, old.record.reference]
    events = admin.audit.list(action="status_change", kind="agreement", newest_first=False)
    assert [(e.record_id, e.username, e.details["after"]) for e in events] == [
        (older.record.id, "carl", "expired"),
        (old.record.id, "carl", "expired"),
    ]
    assert admin.agreements.get(current.record.id)[0].status == "in_force"
    assert admin.agreements.get(draft.record.id)[0].status == "draft"
    assert admin.agreements.get(secret.record.id)[0].status == "in_force"  # carl cannot see it
    assert admin.agreements.expire_due() == [secret.record.reference]
    assert admin.agreements.expire_due() == []
    # renewal: expired -> in force needs an expiry date that has not passed
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.change_status(old.record.id, "in force")
    assert "has passed" in failure.value.errors["expiry_date"]
    admin.agreements.update(old.record.id, {"expiry_date": days(365)})
    assert admin.agreements.change_status(old.record.id, "in force").record.status == "in_force"


def test_expiring_within_days_and_within_notice_period(admin: Desk) -> None:
    soon = admin.agreements.create({**VALID, "status": "in force", "expiry_date": days(20)})
    later = admin.agreements.create(
        {**VALID, "status": "in force", "expiry_date": days(200), "notice_period_days": "365"}
    )
    admin.agreements.create(
        {**VALID, "status": "in force", "expiry_date": days(200)}
    )  # default notice 90 days
    admin.agreements.create({**VALID, "status": "terminated", "expiry_date": days(10)})
    admin.agreements.create(
        {**VALID, "status": "in force", "signed_date": "2015-01-01", "expiry_date": days(-3)}
    )
    assert [a.id for a, _label in admin.agreements.expiring(30)] == [soon.record.id]
    assert [a.id for a, _label in admin.agreements.expiring()] == [soon.record.id, later.record.id]


def test_signatories_must_sign_for_a_party_and_are_audited(admin: Desk) -> None:
    saved = admin.agreements.create(VALID)
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.set_signatories(
            saved.record.id,
            [
                {
                    "name": "Anna Nowak",
                    "title": "Deputy Minister",
                    "nation_code": "POL",
                    "date_signed": "2019-03-04",
                },
                {"name": "John Smith", "nation_code": "GBR"},
                {"name": "", "nation_code": "USA", "date_signed": days(3)},
            ],
        )
    assert set(failure.value.errors) == {
        "signatories[2].nation_code",
        "signatories[3].name",
        "signatories[3].date_signed",
    }
    assert "GBR is not a party" in failure.value.errors["signatories[2].nation_code"]
    assert "future" in failure.value.errors["signatories[3].date_signed"]
    rows = [
        {
            "name": "Anna Nowak",
            "title": "Deputy Minister",
            "nation_code": "POL",
            "date_signed": "2019-03-04",
        },
        {
            "name": "John Smith",
            "title": "Under Secretary",
            "nation_code": "usa",
            "date_signed": dt.date(2019, 3, 5),
        },
    ]
    stored = admin.agreements.set_signatories(saved.record.id, rows).record
    assert [(s.name, s.nation_code) for s in stored.signatories] == [
        ("Anna Nowak", "POL"),
        ("John Smith", "USA"),
    ]
    event = admin.audit.list(action="update", kind="agreement", limit=1)[0]
    assert event.details["before"] == {"signatories": ""}
    assert "Anna Nowak, Deputy Minister, POL, 2019-03-04" in event.details["after"]["signatories"]
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.update(saved.record.id, {"parties": "USA CZE"})
    assert "POL" in failure.value.errors["parties"]


def test_quota_rows_validated_and_replaced(admin: Desk) -> None:
    saved = admin.agreements.create(VALID)
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.set_quotas(
            saved.record.id,
            [
                {"year": "2025", "direction": "outbound", "allotted": "3"},
                {"year": "1800", "direction": "sent", "allotted": "-2"},
            ],
        )
    assert set(failure.value.errors) == {
        "quotas[1].direction",
        "quotas[2].year",
        "quotas[2].allotted",
    }
    with pytest.raises(ValidationFailed) as failure:
        admin.agreements.set_quotas(
            saved.record.id,
            [
                {"year": 2025, "direction": "sent", "allotted": 3},
                {"year": 2025, "direction": "sent", "category": "Course seats", "allotted": 1},
            ],
        )
    assert "repeats row 1" in failure.value.errors["quotas[2].category"]
    admin.agreements.set_quotas(
        saved.record.id, [{"year": 2025, "direction": "sent", "allotted": 3}]
    )
    stored = admin.agreements.set_quotas(
        saved.record.id,
        [
            {"year": 2025, "direction": "sent", "allotted": 4},
            {"year": 2025, "direction": "received", "category": "staff college", "allotted": 2},
        ],
    ).record
    assert sorted((q.direction, q.category, q.allotted) for q in stored.quotas) == [
        ("received", "staff college", 2),
        ("sent", "course seats", 4),
    ]
    event = admin.audit.list(action="update", kind="agreement", limit=1)[0]
    assert event.details["before"] == {"quotas": "2025 sent course seats: 3"}
    assert event.details["after"] == {
        "quotas": "2025 received staff college: 2; 2025 sent course seats: 4"
    }


# --- quota use ---------------------------------------------------------------------------------


def _exchange(
    admin: Desk,
    agreement: str | None,
    host: str,
    start: str,
    status: str = "approved",
    label: Label | None = None,
) -> str:
    """An exchange under an agreement (by reference), hosted by ``host``; its reference."""
    begin = dt.date.fromisoformat(start)
    values = {
        "title": f"Course {host} {start}",
        "kind": "course seat",
        "host_nation": host,
        "start_date": begin,
        "end_date": begin + dt.timedelta(days=10),
        "agreement": agreement or "",
        "status": status,
        "cancel_reason": "typhoon" if status == "cancelled" else "",
    }
    return admin.exchanges.create(values, label=label).record.reference


def _participant(
    admin: Desk, exchange: str, person: str, status: str = "approved", label: Label | None = None
) -> None:
    """A person (by reference) taking part in an exchange (by reference)."""
    values = {
        "exchange": exchange,
        "person": person,
        "status": status,
        "withdrawn_reason": "illness" if status == "withdrawn" else "",
    }
    admin.participations.create(values, label=label)


def test_quota_use_counts_visible_participations_by_year_and_direction(
    admin: Desk, make_user
) -> None:
    saved = admin.agreements.create(VALID).record
    agreement, number = saved.id, saved.reference
    admin.agreements.set_quotas(
        agreement,
        [
            {"year": 2025, "direction": "sent", "allotted": 3},
            {"year": 2025, "direction": "received", "allotted": 2},
            {"year": 2026, "direction": "sent", "category": "billets", "allotted": 1},
        ],
    )
    us = [
        admin.people.create({"family_name": f"Smith{n}", "nation_code": "USA"}).record.reference
        for n in range(3)
    ]
    pl = [
        admin.people.create({"family_name": f"Nowak{n}", "nation_code": "POL"}).record.reference
        for n in range(3)
    ]
    abroad_2025 = _exchange(admin, number, "POL", "2025-04-01")
    _participant(admin, abroad_2025, us[0])  # sent 2025
    _participant(admin, abroad_2025, us[1], status="withdrawn")  # withdrawn: not counted
    _participant(admin, abroad_2025, pl[0])  # a Pole in Poland: neither
    home_2025 = _exchange(admin, number, "USA", "2025-09-01")
    _participant(admin, home_2025, pl[1])  # received 2025
    _participant(admin, home_2025, pl[2])  # received 2025
    _participant(admin, home_2025, us[2])  # an American at home: neither
    abroad_2026 = _exchange(admin, number, "GBR", "2026-02-01")
    _participant(admin, abroad_2026, us[0])  # sent 2026
    _participant(
        admin, abroad_2026, us[1], label=Label(3, Release.REL, frozenset({"NATO"}))
    )  # sent 2026, SECRET
    cancelled = _exchange(admin, number, "USA", "2025-05-01", status="cancelled")
    _participant(admin, cancelled, pl[0])  # cancelled exchange: not counted
    other = _exchange(admin, None, "POL", "2025-06-01")
    _participant(admin, other, us[2])  # another agreement's business

    use = admin.agreements.quota_use(agreement)
    assert [(q.year, q.direction, q.allotted, q.used) for q in use.lines] == [
        (2025, "sent", 3, 1),
        (2025, "received", 2, 2),
        (2026, "sent", 1, 2),
    ]
    assert use.lines[2].remaining == -1
    assert [(r.year, r.sent, r.received, r.balance) for r in use.reciprocity] == [
        (2025, 1, 2, -1),
        (2026, 2, 0, 2),
    ]
    assert (use.total_sent, use.total_received) == (3, 2)

    low = make_user("carl", clearance="C")
    assert [(q.year, q.direction, q.used) for q in low.agreements.quota_use(agreement).lines] == [
        (2025, "sent", 1),
        (2025, "received", 2),
        (2026, "sent", 1),
    ]


def test_quota_use_ignores_hidden_exchanges_and_people(admin: Desk, make_user) -> None:
    released = admin.parse_label("U", "GBR")
    saved = admin.agreements.create({**VALID, "parties": "USA GBR"}, label=released).record
    hidden_person = admin.people.create(
        {"family_name": "Jones", "nation_code": "GBR"}, label=Label(release="NOFORN")
    ).record.reference
    shown_person = admin.people.create(
        {"family_name": "Brown", "nation_code": "GBR"}, label=released
    ).record.reference
    home = _exchange(admin, saved.reference, "USA", "2025-03-01", label=released)
    _participant(admin, home, hidden_person, label=released)
    _participant(admin, home, shown_person, label=released)
    noforn_exchange = _exchange(
        admin, saved.reference, "USA", "2025-07-01", label=Label(release="NOFORN")
    )
    _participant(admin, noforn_exchange, shown_person, label=released)
    assert admin.agreements.quota_use(saved.id).reciprocity[0].received == 3
    briton = make_user("gbr", role="viewer", nation="GBR")
    assert briton.agreements.quota_use(saved.id).reciprocity[0].received == 1


# --- visibility ----------------------------------------------------------------------------------


def test_hidden_agreements_do_not_exist_for_foreign_low_or_outside_group_users(
    admin: Desk, make_user
) -> None:
    admin.users.create_ntk_group("ORION")
    plain = admin.agreements.create(VALID).record
    noforn = admin.agreements.create(
        {**VALID, "reference": "NF-1"}, label=Label(release="NOFORN")
    ).record
    rel_gbr = admin.agreements.create(
        {**VALID, "reference": "REL-GBR-1"}, label=admin.parse_label("C", "GBR")
    ).record
    secret = admin.agreements.create(
        {**VALID, "reference": "S-1"}, label=Label(3, Release.REL, frozenset({"NATO"}))
    ).record
    member = make_user("orion", groups=("ORION",))
    grouped = member.agreements.create(
        {**VALID, "reference": "G-1"}, label=Label(groups=frozenset({"ORION"}))
    ).record

    def seen(desk: Desk) -> set[int]:
        return {a.id for a in desk.agreements.list().records}

    briton = make_user("gbr", nation="GBR", clearance="S")
    french = make_user("fra", nation="FRA", clearance="TS")
    low = make_user("low", clearance="C")
    assert seen(briton) == {plain.id, rel_gbr.id, secret.id}
    assert seen(french) == {plain.id, secret.id}
    assert seen(low) == {plain.id, noforn.id, rel_gbr.id}
    assert seen(member) == {plain.id, noforn.id, rel_gbr.id, secret.id, grouped.id}
    assert french.agreements.count() == 2
    for hidden in (noforn, rel_gbr, grouped):
        with pytest.raises(NotFound):
            french.agreements.get(hidden.id)
        with pytest.raises(NotFound):
            french.agreements.quota_use(hidden.id)
        with pytest.raises(NotFound):
            french.agreements.set_quotas(hidden.id, [])
    with pytest.raises(NotFound):
        french.agreements.find("NF-1")
    with pytest.raises(NotFound):
        low.agreements.change_status(secret.id, "in negotiation")
    assert [a.id for a, _ in french.agreements.expiring(5000)] == []


def test_viewers_change_nothing(admin: Desk, make_user) -> None:
    saved = admin.agreements.create(VALID)
    viewer = make_user("vera", role="viewer")
    with pytest.raises(PermissionDenied):
        viewer.agreements.create(VALID)
    with pytest.raises(PermissionDenied):
        viewer.agreements.change_status(saved.record.id, "in negotiation")
    with pytest.raises(PermissionDenied):
        viewer.agreements.set_quotas(
            saved.record.id, [{"year": 2025, "direction": "sent", "allotted": 1}]
        )
    assert admin.agreements.get(saved.record.id)[0].quotas == []


NUMBER = "TA-USA-GBR-2020-07"
TA = {"title": "Mine", "kind": "technical_arrangement", "parties": "USA GBR"}


def test_a_number_held_by_a_hidden_agreement_is_accepted_and_tells_nothing(
    admin: Desk, make_user
) -> None:
    """Revision 0016: a number is unique under its label. A GBR coordinator who types the number
    of a SECRET//NOFORN agreement gets exactly what a free number gets; the number clashes only
    with agreements the writer may read."""
    hidden = admin.agreements.create(
        {**TA, "reference": NUMBER, "title": "Hidden", "classification": "S"},
        label=Label(3, Release.NOFORN),
    ).record
    foreign = make_user("gbr2", nation="GBR", clearance="TS")
    mine = foreign.agreements.create({**TA, "reference": NUMBER.lower()})
    assert (mine.record.reference, mine.warnings) == (NUMBER, [])
    free = foreign.agreements.create({**TA, "reference": "TA-USA-GBR-2020-08"})
    assert free.warnings == []
    assert [a.reference for a in foreign.agreements.list().records] == [
        NUMBER,
        free.record.reference,
    ]
    assert foreign.agreements.find(NUMBER)[0].id == mine.record.id
    # a number an agreement the writer may read holds is refused, naming it
    with pytest.raises(ValidationFailed) as failure:
        foreign.agreements.create({**TA, "reference": NUMBER})
    assert (
        failure.value.errors["reference"]
        == f"Reference {NUMBER} is already used by another agreement"
    )
    with pytest.raises(ValidationFailed) as failure:
        foreign.agreements.update(free.record.id, {"reference": NUMBER})
    assert "already used" in failure.value.errors["reference"]
    # the administrator reads both: the number asks for an id, and each warns of the other
    with pytest.raises(NotFound) as ambiguous:
        admin.agreements.find(NUMBER)
    assert str(ambiguous.value) == (
        f"{NUMBER} is the number of more than one agreement you may see "
        f"(#{hidden.id}, #{mine.record.id}): give its id"
    )
    with pytest.raises(ValidationFailed) as refused:
        _exchange(admin, NUMBER, "USA", "2025-03-01")
    assert "give its id" in refused.value.errors["agreement"]
    _exchange(admin, str(mine.record.id), "USA", "2025-03-01")  # by id, it is taken
    saved = admin.agreements.update(hidden.id, {"title": "Hidden, renamed"})
    assert saved.warnings[0] == (
        f"{NUMBER} is also the number of agreement #{mine.record.id} (under another label): "
        "name them by id"
    )
    assert admin.audit.verify().ok


def test_two_agreements_of_one_number_under_one_label_are_refused_by_the_key(
    database, admin: Desk
) -> None:
    """The database's own key (number and label) refuses a twin the service's check did not see
    (two coordinators at once), in the same words on either engine."""
    from sqlalchemy import update

    from app.domain.models import Agreement

    first = admin.agreements.create({**TA, "reference": NUMBER}).record
    second = admin.agreements.create({**TA, "reference": "TA-USA-GBR-2020-09"}).record
    with database.writing() as session, pytest.raises(Exception) as clash:
        session.execute(update(Agreement).where(Agreement.id == second.id).values(reference=NUMBER))
    from app.services.transactions import service_error

    refused = service_error(clash.value)
    assert isinstance(refused, ValidationFailed)
    assert refused.errors == {"reference": "Reference cannot be used; choose another number"}
    assert admin.agreements.get(first.id)[0].reference == NUMBER

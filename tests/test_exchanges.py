"""Exchanges: validation per field, references, collections, cost lines, status moves (allowed and
refused, cancel reasons), visibility through the label and the agreement, and audit events."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.labels import Label, Release
from app.domain.vocab import EXCHANGE_MOVES, ExchangeStatus
from app.services.desk import Desk
from app.services.errors import NotFound, PermissionDenied, ValidationFailed
from tests.helpers.records import counter_of, generated


def valid(**extra: object) -> dict[str, object]:
    """A joint exercise hosted by Norway."""
    return {
        "title": "Cold Response 2026",
        "kind": "joint exercise",
        "host_nation": "NOR",
        "partner_nations": "USA, GBR",
        "domains": "land maritime",
        "start_date": "2026-03-01",
        "end_date": "2026-03-20",
        **extra,
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "is required"),
        ("title", "x" * 251, "too long"),
        ("kind", "picnic", "unknown value"),
        ("host_nation", "", "is required"),
        ("host_nation", "XXX", "alpha-3"),
        ("partner_nations", "GBR ZZZ", "alpha-3"),
        ("partner_nations", "GBR NOR", "NOR is the host nation"),
        ("domains", "land underwater", "unknown value"),
        ("start_date", "", "is required"),
        ("start_date", "1 March", "YYYY-MM-DD"),
        ("end_date", "2026-02-28", "before the start date"),
        ("status", "finished", "unknown value"),
        ("agreement", "MOU-NONE", "no agreement MOU-NONE"),
        ("budget_amount", "lots", "not an amount"),
        ("budget_amount", "-5", "positive amount"),
        ("budget_currency", "DOLLARS", "ISO 4217"),
        ("cost_lines", "travel 100", "line 1"),
        ("cost_lines", "travel 100 USD; food 5 USD", "line 2"),
        ("cost_lines", "travel abc USD", "not an amount"),
        ("cost_lines", [{"category": "travel", "amount": "10", "currency": "XYZ"}], "ISO 4217"),
        ("outcome_rating", "0", "at least 1"),
        ("outcome_rating", "6", "at most 5"),
        ("lead_coordinator", "x" * 65, "too long"),
        ("colour", "blue", "not a field"),
        ("classification", "ULTRA", ""),
    ],
)
def test_each_field_error_is_reported_under_its_field(
    admin: Desk, field: str, value: object, message: str
) -> None:
    with pytest.raises(ValidationFailed) as failure:
        admin.exchanges.create(valid(**{field: value}))
    assert message in failure.value.errors[field]
    assert admin.exchanges.count() == 0


def test_create_generates_reference_from_start_year_and_stores_collections(admin: Desk) -> None:
    agreement = admin.agreements.create(
        {
            "reference": "MOU-USA-NOR-2020",
            "title": "Training",
            "kind": "memorandum of understanding",
            "parties": "USA NOR",
        }
    ).record
    first = admin.exchanges.create(
        valid(
            agreement="mou-usa-nor-2020",
            budget_amount="12,500",
            budget_currency="nok",
            cost_lines="travel 1200 USD Return flights; lodging 800.5 NOK Hotel",
        )
    )
    second = admin.exchanges.create(valid(start_date="2027-01-10", end_date="2027-01-12"))
    third = admin.exchanges.create(valid(agreement=str(agreement.id)))
    # the start year's references, none telling how many came before (issue 13)
    assert generated("EX", 2026).fullmatch(first.record.reference)
    assert generated("EX", 2027).fullmatch(second.record.reference)
    assert generated("EX", 2026).fullmatch(third.record.reference)
    assert third.record.reference != first.record.reference
    assert counter_of(admin, "EX", 2026)[0] == 2 and counter_of(admin, "EX", 2027)[0] == 1
    record, _label = admin.exchanges.get(first.record.id)
    assert record.status == "proposed"
    assert record.agreement_id == agreement.id == third.record.agreement_id
    assert admin.exchanges.value_of(record, "partner_nations") == ["GBR", "USA"]
    assert admin.exchanges.value_of(record, "domains") == ["land", "maritime"]
    assert record.budget_amount == Decimal("12500.00") and record.budget_currency == "NOK"
    assert [(c.category, c.amount, c.currency, c.description) for c in record.costs] == [
        ("travel", Decimal("1200.00"), "USD", "Return flights"),
        ("lodging", Decimal("800.50"), "NOK", "Hotel"),
    ]
    assert (
        admin.exchanges.value_of(record, "cost_lines")
        == "travel 1200.00 USD Return flights; lodging 800.50 NOK Hotel"
    )
    assert admin.exchanges.value_of(record, "agreement") == "MOU-USA-NOR-2020"
    assert admin.exchanges.find(first.record.reference.lower())[0].id == first.record.id


def test_initial_status_may_be_given_but_cancelled_needs_a_reason(admin: Desk) -> None:
    with pytest.raises(ValidationFailed) as failure:
        admin.exchanges.create(valid(status="cancelled"))
    assert "Reason for cancelling is required" in failure.value.errors["cancel_reason"]
    with pytest.raises(ValidationFailed) as failure:
        admin.exchanges.create(valid(budget_amount="5000"))
    assert "Budget currency is required" in failure.value.errors["budget_currency"]
    assert admin.exchanges.create(valid(status="planned")).record.status == "planned"
    assert admin.exchanges.create(valid(status="")).record.status == "proposed"
    cancelled = admin.exchanges.create(
        valid(status="cancelled", cancel_reason="Host withdrew")
    ).record
    assert cancelled.status == "cancelled" and cancelled.cancel_reason == "Host withdrew"


def test_update_changes_fields_audited_with_before_and_after(admin: Desk) -> None:
    record = admin.exchanges.create(valid()).record
    saved = admin.exchanges.update(
        record.id,
        {
            "title": "Cold Response 26",
            "partner_nations": ["GBR", "FRA"],
            "domains": "air",
            "outcome_summary": "Went well",
            "lessons_learned": "Bring gloves",
            "outcome_rating": 4,
        },
    )
    assert saved.record.row_version == 2
    assert admin.exchanges.value_of(saved.record, "partner_nations") == ["FRA", "GBR"]
    event = admin.audit.list(action="update", kind="exchange")[0]
    assert event.record_id == record.id and event.record_ref == record.reference
    assert event.details["before"] == {
        "domains": "land, maritime",
        "lessons_learned": "",
        "outcome_rating": "",
        "outcome_summary": "",
        "partner_nations": "GBR, USA",
        "title": "Cold Response 2026",
    }
    assert (
        event.details["after"]["partner_nations"] == "FRA, GBR"
        and event.details["after"]["outcome_rating"] == "4"
    )
    created = admin.audit.list(action="create", kind="exchange")[0]
    assert (
        created.details["after"]["title"] == "Cold Response 2026"
        and created.details["label"] == "UNCLASSIFIED"
    )


def test_update_validates_against_stored_values(admin: Desk) -> None:
    record = admin.exchanges.create(valid(budget_amount="100", budget_currency="USD")).record
    for values, field, message in [
        ({"end_date": "2026-02-01"}, "end_date", "before the start date"),
        ({"start_date": "2026-04-01"}, "end_date", "before the start date"),
        ({"budget_currency": ""}, "budget_currency", "required when a budget amount"),
        ({"partner_nations": "NOR"}, "partner_nations", "host nation"),
        ({"status": "approved"}, "status", "change_status"),
    ]:
        with pytest.raises(ValidationFailed) as failure:
            admin.exchanges.update(record.id, values)
        assert message in failure.value.errors[field]
    assert admin.exchanges.get(record.id)[0].row_version == 1
    # the same status is not a change
    assert admin.exchanges.update(record.id, {"status": "proposed"}).record.row_version == 1


def test_outcome_fields_are_editable_in_any_status(admin: Desk) -> None:
    record = admin.exchanges.create(valid(status="cancelled", cancel_reason="Storm")).record
    saved = admin.exchanges.update(
        record.id,
        {"outcome_summary": "Nothing held", "outcome_rating": "1", "lessons_learned": "Plan B"},
    )
    assert (saved.record.outcome_summary, saved.record.outcome_rating) == ("Nothing held", 1)
    with pytest.raises(ValidationFailed) as failure:
        admin.exchanges.update(record.id, {"cancel_reason": " "})
    assert "required for a cancelled exchange" in failure.value.errors["cancel_reason"]


def test_cost_lines_replaced_by_set_cost_lines_and_audited(admin: Desk) -> None:
    record = admin.exchanges.create(
        valid(budget_amount="1000", budget_currency="USD", cost_lines="travel 400 USD")
    ).record
    saved = admin.exchanges.set_cost_lines(
        record.id,
        [
            {"category": "per diem", "amount": "700", "currency": "USD", "description": "Meals"},
            {"category": "tuition", "amount": Decimal("450"), "currency": "eur"},
        ],
    )
    assert (
        admin.exchanges.value_of(saved.record, "cost_lines")
        == "per_diem 700.00 USD Meals; tuition 450.00 EUR"
    )
    assert saved.warnings == []
    event = admin.audit.list(action="update", kind="exchange")[0]
    assert event.details == {
        "version": 2,
        "before": {"cost_lines": "travel 400.00 USD"},
        "after": {"cost_lines": "per_diem 700.00 USD Meals; tuition 450.00 EUR"},
    }
    over = admin.exchanges.set_cost_lines(record.id, ["travel 800 USD", "lodging 300 USD"])
    assert over.warnings == [
        "the cost lines in USD add up to 1100.00, above the budget of 1000.00 USD"
    ]
    with pytest.raises(ValidationFailed) as failure:
        admin.exchanges.set_cost_lines(
            record.id, [{"category": "travel", "amount": "1", "currency": "USD", "colour": "red"}]
        )
    assert "colour" in failure.value.errors["cost_lines"]
    assert admin.exchanges.set_cost_lines(record.id, []).record.costs == []
    assert admin.audit.count(action="update", kind="exchange") == 3


@pytest.mark.parametrize("start", list(ExchangeStatus))
def test_every_status_move_allowed_or_refused(admin: Desk, start: ExchangeStatus) -> None:
    extra = {"cancel_reason": "Budget cut"} if start is ExchangeStatus.CANCELLED else {}
    for target in ExchangeStatus:
        if target is start:
            continue
        record = admin.exchanges.create(valid(status=start.value, **extra)).record
        reason = "Host nation withdrew" if target is ExchangeStatus.CANCELLED else None
        if target in EXCHANGE_MOVES[start]:
            saved = admin.exchanges.change_status(record.id, target.label, reason)
            assert saved.record.status == target.value
            event = admin.audit.list(action="status_change", kind="exchange", record_id=record.id)[
                0
            ]
            assert event.details == {
                "version": 2,
                "before": start.value,
                "after": target.value,
                "reason": reason or "",
            }
        else:
            with pytest.raises(ValidationFailed) as failure:
                admin.exchanges.change_status(record.id, target.value, reason)
            assert f"cannot move from {start.label}" in failure.value.errors["status"]
            assert admin.exchanges.get(record.id)[0].status == start.value


def test_cancel_needs_a_reason_kept_in_cancel_reason(admin: Desk) -> None:
    record = admin.exchanges.create(valid()).record
    with pytest.raises(ValidationFailed) as failure:
        admin.exchanges.change_status(record.id, "cancelled", "  ")
    assert "needs a reason" in failure.value.errors["reason"]
    assert admin.exchanges.get(record.id)[0].status == "proposed"
    saved = admin.exchanges.change_status(record.id, "cancelled", "Host withdrew")
    assert (saved.record.status, saved.record.cancel_reason) == ("cancelled", "Host withdrew")
    with pytest.raises(ValidationFailed):
        admin.exchanges.change_status(record.id, "nonsense")


def test_agreement_must_be_visible_and_a_hidden_agreement_hides_the_exchange(
    admin: Desk, make_user
) -> None:  # noqa: ANN001
    low = make_user("low", clearance="C")
    secret = admin.agreements.create(
        {
            "reference": "TA-SECRET",
            "title": "Hidden",
            "kind": "technical arrangement",
            "parties": "USA NOR",
        },
        label=Label(3, Release.REL, frozenset({"NATO"})),
    ).record
    with pytest.raises(ValidationFailed) as failure:
        low.exchanges.create(valid(agreement="TA-SECRET"))
    assert failure.value.errors["agreement"] == "Agreement: no agreement TA-SECRET"
    with pytest.raises(ValidationFailed) as failure:
        low.exchanges.create(valid(agreement="TA-NOWHERE"))
    assert failure.value.errors["agreement"] == "Agreement: no agreement TA-NOWHERE"
    governed = admin.exchanges.create(valid(agreement=str(secret.id))).record
    plain = admin.exchanges.create(valid()).record
    assert low.exchanges.count() == 1 and [r.id for r in low.exchanges.list().records] == [plain.id]
    with pytest.raises(NotFound):
        low.exchanges.get(governed.id)


def test_visibility_by_label_for_foreign_low_and_group_users(admin: Desk, make_user) -> None:  # noqa: ANN001
    foreign = make_user("gbr", nation="GBR", clearance="TS")
    low = make_user("low", clearance="C")
    grouped = make_user("sof", clearance="TS", groups=("SOF",))
    open_ = admin.exchanges.create(valid()).record
    noforn = admin.exchanges.create(valid(), label=Label(release=Release.NOFORN)).record
    secret = admin.exchanges.create(
        valid(), label=Label(3, Release.REL, frozenset({"NATO"}))
    ).record
    sof = grouped.exchanges.create(valid(), label=Label(groups=frozenset({"SOF"}))).record
    rel_gbr = admin.exchanges.create(
        valid(), label=Label(release=Release.REL, rel_to=frozenset({"FVEY"}))
    ).record
    expected = {
        foreign: {open_.id, secret.id, rel_gbr.id},
        low: {open_.id, noforn.id, rel_gbr.id},
        grouped: {open_.id, noforn.id, secret.id, sof.id, rel_gbr.id},
    }
    for desk, ids in expected.items():
        assert {r.id for r in desk.exchanges.list().records} == ids
        assert desk.exchanges.count() == len(ids) == desk.exchanges.list().total
        assert (
            set(desk.exchanges.fetch([open_.id, noforn.id, secret.id, sof.id, rel_gbr.id])) == ids
        )
        for hidden in {open_.id, noforn.id, secret.id, sof.id, rel_gbr.id} - ids:
            with pytest.raises(NotFound):
                desk.exchanges.get(hidden)
            with pytest.raises(NotFound):
                desk.exchanges.change_status(hidden, "planned")


def test_quick_filter_and_filters(admin: Desk) -> None:
    admin.exchanges.create(valid(title="Baltops", program="Maritime series", location="Kiel"))
    admin.exchanges.create(
        valid(title="Seminar on cyber", kind="seminar", location="Tallinn", program="NATO school")
    )
    assert admin.exchanges.count({"text": "kiel"}) == 1
    assert admin.exchanges.count({"text": "nato sch"}) == 1
    assert admin.exchanges.count({"text": "EX-2026"}) == 2
    assert admin.exchanges.count({"kind": "seminar"}) == 1


def test_viewer_cannot_write_and_archive_is_audited(admin: Desk, make_user) -> None:  # noqa: ANN001
    viewer = make_user("view", role="viewer")
    record = admin.exchanges.create(valid()).record
    with pytest.raises(PermissionDenied):
        viewer.exchanges.create(valid())
    with pytest.raises(PermissionDenied):
        viewer.exchanges.change_status(record.id, "planned")
    with pytest.raises(PermissionDenied):
        viewer.exchanges.set_cost_lines(record.id, [])
    admin.exchanges.archive(record.id, "entered twice")
    assert admin.exchanges.count() == 0
    assert admin.audit.list(action="archive", kind="exchange")[0].details == {
        "version": 2,
        "reason": "entered twice",
    }
    assert admin.audit.verify().ok

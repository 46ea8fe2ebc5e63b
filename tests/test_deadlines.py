"""Deadlines follow dates, not statuses (issue 15, item 10): a tour still "Planned" that ends in
45 days is due, a signed agreement's notice period is due, and a status the dates contradict is
an item to fix; drafts and ended records are not due. ``upcoming(today=)`` stands in for the
days passing after the records were entered."""

from __future__ import annotations

import datetime as dt

from app.services.desk import Desk

T = dt.date.today()


def day(offset: int) -> str:
    return (T + dt.timedelta(days=offset)).isoformat()


def officer(admin: Desk, name: str) -> str:
    return admin.people.create(
        {"family_name": name, "nation_code": "POL", "clearance_level": "2"}
    ).record.reference


def tour(admin: Desk, name: str, start: int, end: int) -> int:
    return admin.liaison.create(
        {
            "person": officer(admin, name),
            "kind": "liaison officer",
            "host_nation": "USA",
            "start_date": day(start),
            "end_date": day(end),
        }
    ).record.id


def agreement(admin: Desk, reference: str, **dates: int) -> int:
    fields = {
        "reference": reference,
        "title": reference,
        "kind": "memorandum_of_understanding",
        "parties": "USA POL",
    }
    fields.update({name: day(offset) for name, offset in dates.items() if name.endswith("date")})
    if "notice" in dates:
        fields["notice_period_days"] = str(dates["notice"])
    return admin.agreements.create(fields).record.id


def sign(admin: Desk, agreement_id: int, *, in_force: bool = False) -> None:
    for status in ("in_negotiation", "signed") + (("in_force",) if in_force else ()):
        admin.agreements.change_status(agreement_id, status)


def test_deadlines_follow_the_dates_and_list_statuses_to_fix(admin: Desk) -> None:
    planned = tour(admin, "Planned", start=10, end=100)
    active = tour(admin, "Active", start=-30, end=30)
    admin.liaison.change_status(active, "active")
    signed = agreement(
        admin, "MOU-SIGNED", signed_date=-10, effective_date=200, expiry_date=300, notice=180
    )
    sign(admin, signed)
    lapsed = agreement(admin, "MOU-LAPSED", effective_date=-100, expiry_date=20)
    sign(admin, lapsed, in_force=True)
    agreement(admin, "MOU-DRAFT", expiry_date=60, notice=30)  # a draft: nothing is due yet

    later = T + dt.timedelta(days=55)
    items = {
        (d.reference, d.what, d.due, d.to_fix)
        for d in admin.deadlines.upcoming(lead_days=90, today=later)
    }
    tours = {a.id: a.reference for a in admin.liaison.list({}).records}
    due = lambda offset: T + dt.timedelta(days=offset)  # noqa: E731
    assert items == {
        # the planned tour ends in 45 days, and has started without its status moving
        (tours[planned], "Liaison tour ends", due(100), False),
        (tours[planned], "Liaison tour started; its status is still Planned", due(10), True),
        # the active tour ended 25 days ago
        (tours[active], "Liaison tour ended; its status is still Active", due(30), True),
        # a signed agreement's notice period starts within the lead time (180 days before expiry)
        ("MOU-SIGNED", "Agreement notice period starts", due(120), False),
        # an agreement past its expiry, still in force
        ("MOU-LAPSED", "Agreement expired; its status is still In force", due(20), True),
    }


def test_a_signed_agreement_in_effect_is_a_status_to_fix(admin: Desk) -> None:
    signed = agreement(admin, "MOU-EFFECTIVE", effective_date=5, expiry_date=900)
    sign(admin, signed)
    assert admin.deadlines.upcoming(today=T) == []  # not yet in effect
    items = admin.deadlines.upcoming(today=T + dt.timedelta(days=6))
    assert [(d.what, d.due, d.to_fix) for d in items] == [
        ("Agreement in effect; its status is still Signed", T + dt.timedelta(days=5), True)
    ]


def test_ended_and_terminated_records_are_never_due(admin: Desk) -> None:
    ended = tour(admin, "Ended", start=-30, end=10)
    admin.liaison.change_status(ended, "active")
    admin.liaison.change_status(ended, "ended", reason="tour complete")
    gone = agreement(admin, "MOU-GONE", expiry_date=20, notice=30)
    admin.agreements.change_status(gone, "terminated", reason="superseded")
    assert admin.deadlines.upcoming(lead_days=365, today=T + dt.timedelta(days=40)) == []

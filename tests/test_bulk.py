"""Bulk creation: the same validation and labels as single creates, one summary audit event."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services.bulk import BulkCreate
from app.services.desk import Desk
from app.services.errors import PermissionDenied, ValidationFailed
from tests.helpers.records import generated


def test_bulk_create_validates_each_row_and_writes_one_summary_event(admin: Desk) -> None:
    bad_rows = []
    with admin.writing() as (session, actor):
        bulk = BulkCreate(admin.people, session, actor, batch_size=3)
        for n in range(10):
            try:
                bulk.add(
                    {
                        "family_name": f"Name{n}",
                        "nation_code": "POL" if n != 4 else "PL",
                        "classification": "C",
                        "releasable_to": "NATO",
                    }
                )
            except ValidationFailed as failure:
                bad_rows.append((n, failure.errors))
        bulk.summary("import", {"file": "people.csv"})
    assert bad_rows == [
        (4, {"nation_code": "'PL' is not an ISO 3166-1 alpha-3 nation code (e.g. USA, GBR, JPN)"})
    ]
    assert admin.people.count() == 9
    references = sorted(p.reference for p in admin.people.list().records)
    assert len(set(references)) == 9
    assert all(generated("P", dt.date.today().year).fullmatch(r) for r in references)
    events = admin.audit.list(action="import")
    assert len(events) == 1 and events[0].details["created"] == 9
    assert admin.audit.count(action="create") == 0
    assert admin.audit.verify().ok
    page = admin.people.list()
    assert {admin.marking(page.labels[p.label_id]) for p in page.records} == {
        "CONFIDENTIAL//REL TO USA, NATO"
    }


def test_bulk_create_keeps_the_write_rule(make_user) -> None:
    viewer = make_user("vera", role="viewer")
    with viewer.writing() as (session, actor), pytest.raises(PermissionDenied):
        BulkCreate(viewer.people, session, actor)
    low = make_user("carl", clearance="R")
    with low.writing() as (session, actor):
        bulk = BulkCreate(low.people, session, actor)
        with pytest.raises(PermissionDenied, match="above your own clearance"):
            bulk.add({"family_name": "X", "nation_code": "USA", "classification": "S"})

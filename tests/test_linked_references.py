"""A listed record brings the references of the records it names: shown without another query."""

from __future__ import annotations

from sqlalchemy import event

from app.services.desk import Desk


def test_list_and_fetch_bring_linked_references(admin: Desk) -> None:
    people = [
        admin.people.create({"family_name": f"Officer{n}", "nation_code": "GBR"}).record
        for n in range(3)
    ]
    for person in people:
        admin.liaison.create(
            {
                "person": person.reference,
                "kind": "exchange officer",
                "host_nation": "USA",
                "start_date": "2026-04-01",
            }
        )
    page = admin.liaison.list({}, ["id"])
    fetched = admin.liaison.fetch([r.id for r in page.records])
    statements: list[str] = []
    event.listen(admin.db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    listed = [admin.liaison.value_of(r, "person") for r in page.records]
    again = [admin.liaison.value_of(fetched[r.id][0], "person") for r in page.records]
    assert listed == again == [p.reference for p in people]
    assert admin.liaison.value_of(page.records[0], "agreement") == ""
    assert statements == []

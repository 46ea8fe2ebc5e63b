"""Declassification dates (issue 14, item 8; E.O. 13526 §1.5): a record's own date or 25 years
after its creation, and a derived document's the most distant of its sources'."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.declassification import derived, effective, problem, years_after
from app.domain.labels import Label, Release
from app.services.desk import Desk
from app.services.errors import ValidationFailed

CREATED = dt.datetime(2026, 12, 3, 9, 30)
TODAY = dt.date(2026, 12, 3)


def test_the_default_is_twenty_five_years_after_creation() -> None:
    assert effective(CREATED, None) == dt.date(2051, 12, 3)
    assert effective(CREATED, dt.date(2031, 1, 1)) == dt.date(2031, 1, 1)
    assert years_after(dt.date(2028, 2, 29)) == dt.date(2053, 2, 28)  # no 29 February in 2053
    assert years_after(dt.date(2028, 2, 29), 4) == dt.date(2032, 2, 29)


def test_a_derived_document_takes_the_most_distant_source() -> None:
    dates = [dt.date(2030, 1, 1), dt.date(2045, 6, 1), dt.date(2031, 1, 1)]
    assert derived(dates, TODAY) == dt.date(2045, 6, 1)
    # a source it cannot name (counts, audit events): 25 years after production at least
    assert derived([*dates, None], TODAY) == dt.date(2051, 12, 3)
    assert derived([], TODAY) == dt.date(2051, 12, 3)


def test_a_date_must_be_ahead_and_within_twenty_five_years() -> None:
    assert "after today" in problem(TODAY, TODAY, TODAY)
    assert "after today" in problem(dt.date(2020, 1, 1), TODAY, TODAY)
    assert problem(dt.date(2027, 1, 1), TODAY, TODAY) is None
    assert problem(dt.date(2051, 12, 3), TODAY, TODAY) is None
    too_far = problem(dt.date(2051, 12, 4), TODAY, TODAY)
    assert too_far and "25 years" in too_far and "2051-12-03" in too_far


@given(
    st.lists(st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2090, 1, 1))), max_size=8),
    st.dates(dt.date(2000, 1, 1), dt.date(2060, 1, 1)),
)
def test_derived_is_never_earlier_than_any_source(dates, produced) -> None:  # noqa: ANN001
    result = derived(dates, produced)
    assert all(result >= d for d in dates if d is not None)
    if not dates or None in dates:
        assert result >= years_after(produced)


# --- through the write path and into a report --------------------------------------------------

NOFORN = Label(3, Release.NOFORN)


def test_a_record_keeps_its_own_date_and_the_write_path_checks_it(admin: Desk) -> None:
    today = dt.date.today()
    soon = today + dt.timedelta(days=3650)
    saved = admin.people.create(
        {"family_name": "Dated", "nation_code": "USA", "declassify_on": soon.isoformat()},
        label=NOFORN,
    )
    assert saved.record.declassify_on == soon
    default = admin.people.create({"family_name": "Default", "nation_code": "USA"}, label=NOFORN)
    assert default.record.declassify_on is None
    assert effective(default.record.created_at, None) == years_after(today)
    for bad, why in (
        (today.isoformat(), "after today"),
        (years_after(today, 26).isoformat(), "25 years"),
        ("next spring", "not a date"),
    ):
        with pytest.raises(ValidationFailed) as refused:
            admin.people.create(
                {"family_name": "Bad", "nation_code": "USA", "declassify_on": bad}, label=NOFORN
            )
        assert why in refused.value.errors["declassify_on"]
    assert admin.people.count() == 2
    # changed later: audited with the field's before and after; cleared: back to the default
    later = today + dt.timedelta(days=4000)
    updated = admin.people.update(
        saved.record.id,
        {"declassify_on": later},
        expected_version=saved.record.row_version,
    )
    assert updated.record.declassify_on == later
    event = admin.audit.list(action="update", kind="person", limit=1)[0]
    assert event.details["before"] == {"declassify_on": soon.isoformat()}
    assert event.details["after"] == {"declassify_on": later.isoformat()}
    cleared = admin.people.update(
        saved.record.id, {"declassify_on": ""}, expected_version=updated.record.row_version
    )
    assert cleared.record.declassify_on is None


def test_an_import_and_an_export_carry_the_date(admin: Desk, tmp_path) -> None:  # noqa: ANN001
    import csv
    import io

    from app.services.transfer import export_records, import_file

    day = dt.date.today() + dt.timedelta(days=900)
    path = tmp_path / "people.csv"
    path.write_text(
        "family_name,nation,classification,releasable_to,declassify_on\n"
        f"Good,POL,C,NATO,{day.isoformat()}\n"
        "Plain,POL,C,NATO,\n"
        "Late,POL,C,NATO,2099-01-01\n",
        encoding="utf-8",
    )
    result = import_file(admin, "people", path)
    assert (result.total, result.imported) == (3, 2)
    assert "25 years" in result.rejected[0].errors["declassify_on"]
    out = io.StringIO()
    export_records(admin, "people", out, "csv")
    rows = {r["family_name"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert rows["Good"]["declassify_on"] == day.isoformat()
    assert rows["Plain"]["declassify_on"] == ""


def test_a_report_is_declassified_on_the_most_distant_date_of_its_records(
    qapp,  # noqa: ANN001 - it renders with Qt
    admin: Desk,
    tmp_path,  # noqa: ANN001
) -> None:
    import unicodedata

    from pypdf import PdfReader

    from app.reports import build_report, render_report

    today = dt.date.today()
    near, far = today + dt.timedelta(days=400), today + dt.timedelta(days=3000)
    for title, day in (("Near", near), ("Far", far)):
        admin.agreements.create(
            {
                "title": f"{title} talks",
                "kind": "memorandum_of_understanding",
                "parties": ["USA", "GBR"],
                "declassify_on": day.isoformat(),
            },
            label=NOFORN,
        )
    report = build_report(admin, "agreements", {})
    assert report.declassify_on(today) == far  # both records have dates of their own
    render_report(admin, "agreements", {}, tmp_path / "a.pdf")
    text = PdfReader(tmp_path / "a.pdf").pages[0].extract_text()
    face = " ".join(unicodedata.normalize("NFKC", text).split())
    assert f"Declassify On: {far:%Y%m%d}" in face
    # one record on the default: 25 years after its creation (today) is the most distant
    admin.agreements.create(
        {"title": "Open talks", "kind": "memorandum_of_understanding", "parties": ["USA", "GBR"]},
        label=NOFORN,
    )
    assert build_report(admin, "agreements", {}).declassify_on(today) == years_after(today)

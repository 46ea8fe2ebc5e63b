"""Declassification dates and events (issue 14, item 8; E.O. 13526 §1.5): a record's own date or
event, or 25 years after its creation, and a derived document's the most restrictive of its
sources' instructions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.declassification import (
    Instruction,
    derived,
    effective,
    event_problem,
    instruction,
    problem,
    years_after,
)
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
    assert derived(dates, TODAY) == Instruction(dt.date(2045, 6, 1))
    # a source it cannot name (counts, audit events): 25 years after production at least
    assert derived([*dates, None], TODAY) == Instruction(dt.date(2051, 12, 3))
    assert derived([], TODAY) == Instruction(dt.date(2051, 12, 3))
    assert derived([], TODAY).text() == "20511203"


EVENT = "Completion of Exercise Steadfast Jupiter"


def test_an_event_is_bounded_by_twenty_five_years_and_carried_only_alone() -> None:
    own = instruction(CREATED, None, EVENT)
    assert own == Instruction(dt.date(2051, 12, 3), EVENT)
    assert own.text() == EVENT
    assert instruction(CREATED, dt.date(2031, 1, 1), None) == Instruction(dt.date(2031, 1, 1))
    assert instruction(CREATED, None, "") == Instruction(dt.date(2051, 12, 3))  # the default
    later = instruction(dt.date(2030, 5, 1), None, "completion of  exercise STEADFAST jupiter")
    # every source the same event (its words, whatever their case and spacing): that event,
    # declassified at the latest on the most distant bound
    assert derived([own, later], TODAY) == Instruction(dt.date(2055, 5, 1), EVENT)
    # an event beside a date, another event, the default or an unnamed source: not comparable,
    # so the most distant date, an event counting as its bound
    assert derived([own, Instruction(dt.date(2060, 1, 1))], TODAY).text() == "20600101"
    assert derived([own, Instruction(dt.date(2030, 1, 1))], TODAY).text() == "20511203"
    assert derived([own, instruction(CREATED, None, "End of the agreement")], TODAY).event is None
    assert derived([own, instruction(CREATED, None)], TODAY).event is None
    assert derived([own, None], dt.date(2027, 1, 1)) == Instruction(dt.date(2052, 1, 1))


def test_an_event_and_a_date_are_not_both_given() -> None:
    assert event_problem(EVENT, None) is None
    assert event_problem(None, dt.date(2031, 1, 1)) is None
    assert "not both" in event_problem(EVENT, dt.date(2031, 1, 1))


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
    assert result.event is None
    assert all(result.until >= d for d in dates if d is not None)
    if not dates or None in dates:
        assert result.until >= years_after(produced)


@given(
    st.lists(
        st.one_of(
            st.none(),
            st.builds(Instruction, st.dates(dt.date(2000, 1, 1), dt.date(2090, 1, 1))),
            st.builds(
                Instruction,
                st.dates(dt.date(2000, 1, 1), dt.date(2090, 1, 1)),
                st.sampled_from(["End of X", "end of  x", "Treaty signed"]),
            ),
        ),
        max_size=6,
    ),
    st.dates(dt.date(2000, 1, 1), dt.date(2060, 1, 1)),
)
def test_a_derived_event_speaks_for_every_source(sources, produced) -> None:  # noqa: ANN001
    result = derived(sources, produced)
    assert all(result.until >= s.until for s in sources if s is not None)
    if result.event is not None:  # only when every source is that very event
        assert sources and None not in sources
        assert {" ".join(s.event.casefold().split()) if s.event else None for s in sources} == {
            " ".join(result.event.casefold().split())
        }


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
    assert report.declassification(today) == Instruction(far)  # both have dates of their own
    render_report(admin, "agreements", {}, tmp_path / "a.pdf")
    text = PdfReader(tmp_path / "a.pdf").pages[0].extract_text()
    face = " ".join(unicodedata.normalize("NFKC", text).split())
    assert f"Declassify On: {far:%Y%m%d}" in face
    # one record on the default: 25 years after its creation (today) is the most distant
    admin.agreements.create(
        {"title": "Open talks", "kind": "memorandum_of_understanding", "parties": ["USA", "GBR"]},
        label=NOFORN,
    )
    assert build_report(admin, "agreements", {}).declassification(today).until == years_after(today)


def test_a_record_is_declassified_on_an_event_or_a_date_never_both(admin: Desk) -> None:
    today = dt.date.today()
    saved = admin.people.create(
        {"family_name": "Evented", "nation_code": "USA", "declassify_event": f"  {EVENT} "},
        label=NOFORN,
    )
    assert (saved.record.declassify_event, saved.record.declassify_on) == (EVENT, None)
    created = admin.audit.list(action="create", kind="person", limit=1)[0]
    assert created.details["after"]["declassify_event"] == EVENT
    # both at once: refused beside the event, nothing stored
    with pytest.raises(ValidationFailed) as refused:
        admin.people.create(
            {
                "family_name": "Both",
                "nation_code": "USA",
                "declassify_on": (today + dt.timedelta(days=30)).isoformat(),
                "declassify_event": EVENT,
            },
            label=NOFORN,
        )
    assert "not both" in refused.value.errors["declassify_event"]
    with pytest.raises(ValidationFailed) as refused:
        admin.people.create(
            {"family_name": "Long", "nation_code": "USA", "declassify_event": "x" * 201},
            label=NOFORN,
        )
    assert "too long" in refused.value.errors["declassify_event"]
    assert admin.people.count() == 1
    # a date given to a record on an event: refused beside the date until the event is cleared
    soon = today + dt.timedelta(days=90)
    with pytest.raises(ValidationFailed) as refused:
        admin.people.update(
            saved.record.id, {"declassify_on": soon}, expected_version=saved.record.row_version
        )
    assert "not both" in refused.value.errors["declassify_on"]
    assert admin.people.get(saved.record.id)[0].declassify_event == EVENT
    dated = admin.people.update(
        saved.record.id,
        {"declassify_on": soon, "declassify_event": ""},
        expected_version=saved.record.row_version,
    )
    assert (dated.record.declassify_on, dated.record.declassify_event) == (soon, None)
    event = admin.audit.list(action="update", kind="person", limit=1)[0]
    assert event.details["before"] == {"declassify_event": EVENT, "declassify_on": ""}
    assert event.details["after"] == {"declassify_event": "", "declassify_on": soon.isoformat()}


def test_an_import_and_an_export_carry_the_event(admin: Desk, tmp_path) -> None:  # noqa: ANN001
    import csv
    import io

    from app.services.transfer import export_records, import_file

    day = dt.date.today() + dt.timedelta(days=900)
    path = tmp_path / "people.csv"
    path.write_text(
        "family_name,nation,classification,releasable_to,declassify_on,declassify_event\n"
        f"Evented,POL,C,NATO,,{EVENT}\n"
        f"Both,POL,C,NATO,{day.isoformat()},{EVENT}\n",
        encoding="utf-8",
    )
    result = import_file(admin, "people", path)
    assert (result.total, result.imported) == (2, 1)
    assert result.rejected[0].line == 3
    assert "not both" in result.rejected[0].errors["declassify_event"]
    out = io.StringIO()
    export_records(admin, "people", out, "csv")
    rows = {r["family_name"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert (rows["Evented"]["declassify_event"], rows["Evented"]["declassify_on"]) == (EVENT, "")


def test_a_report_of_one_event_says_the_event_and_a_mix_the_latest_date(
    qapp,  # noqa: ANN001 - it renders with Qt
    admin: Desk,
    tmp_path,  # noqa: ANN001
) -> None:
    import unicodedata

    from pypdf import PdfReader

    from app.reports import build_report, render_report

    today = dt.date.today()
    long_event = f"{EVENT} and the publication of its lessons learned by every participating nation"
    for title in ("Jupiter talks", "Jupiter review"):
        admin.agreements.create(
            {
                "title": title,
                "kind": "memorandum_of_understanding",
                "parties": ["USA", "GBR"],
                "declassify_event": long_event,
            },
            label=NOFORN,
        )
    assert build_report(admin, "agreements", {}).declassification(today).event == long_event
    render_report(admin, "agreements", {}, tmp_path / "a.pdf")
    text = PdfReader(tmp_path / "a.pdf").pages[0].extract_text()
    face = " ".join(unicodedata.normalize("NFKC", text).split())
    assert f"Declassify On: {long_event}" in face  # wrapped on the page, every word there
    # one record on a date beside them: no event speaks for it, the latest date does
    admin.agreements.create(
        {
            "title": "Dated talks",
            "kind": "memorandum_of_understanding",
            "parties": ["USA", "GBR"],
            "declassify_on": (today + dt.timedelta(days=400)).isoformat(),
        },
        label=NOFORN,
    )
    mixed = build_report(admin, "agreements", {}).declassification(today)
    assert mixed == Instruction(years_after(today))  # the events' bound is the most distant


# --- exemptions (revision 0020; E.O. 13526 §3.3, 32 CFR 2001.26) ------------------------------


def test_an_exemption_lengthens_the_period_and_leads_the_line() -> None:
    """25X with a date or an event (50 years at most), 50X alone (75 years), as the ISOO
    marking booklet prints the "Declassify On" line."""
    from app.domain.declassification import exemption_problem

    assert instruction(CREATED, None, None, "25x1").text() == "25X1, 20761203"
    assert instruction(CREATED, dt.date(2066, 5, 1), None, "25x3").text() == "25X3, 20660501"
    assert instruction(CREATED, None, EVENT, "25x2").text() == f"25X2, {EVENT}"
    assert instruction(CREATED, None, EVENT, "25x2").until == dt.date(2076, 12, 3)
    fifty = instruction(CREATED, None, None, "50x1_hum")
    assert (fifty.text(), fifty.until) == ("50X1-HUM", dt.date(2101, 12, 3))
    # a date beyond 25 years needs a 25X exemption, and at most 50 years
    assert problem(dt.date(2066, 5, 1), CREATED.date(), TODAY) is not None
    assert problem(dt.date(2066, 5, 1), CREATED.date(), TODAY, "25x1") is None
    assert "50 years" in problem(dt.date(2077, 1, 1), CREATED.date(), TODAY, "25x1")
    assert "takes no date" in problem(dt.date(2030, 1, 1), CREATED.date(), TODAY, "50x2_wmd")
    assert "takes no event" in exemption_problem("50x1_hum", EVENT)
    assert exemption_problem("25x1", EVENT) is None and exemption_problem(None, EVENT) is None


def test_a_derived_document_carries_every_exemption_of_its_sources() -> None:
    plain = instruction(CREATED, dt.date(2040, 1, 1))
    exempt = instruction(CREATED, dt.date(2066, 1, 1), None, "25x4")
    other = instruction(CREATED, None, None, "25x1")
    assert derived([plain, exempt], TODAY).text() == "25X4, 20660101"
    assert derived([plain, exempt, other], TODAY).text() == "25X1, 25X4, 20761203"
    human = instruction(CREATED, None, None, "50x1_hum")
    assert derived([plain, exempt, human], TODAY).text() == "50X1-HUM"
    assert derived([plain, exempt, human], TODAY).until == dt.date(2101, 12, 3)
    assert derived([plain], TODAY).exemptions == ()


def test_a_record_keeps_its_exemption_and_the_write_path_checks_it(admin: Desk) -> None:
    today = dt.date.today()
    far = years_after(today, 40)
    with pytest.raises(ValidationFailed) as refused:
        admin.people.create(
            {"family_name": "Far", "nation_code": "USA", "declassify_on": far}, label=NOFORN
        )
    assert "25 years" in refused.value.errors["declassify_on"]
    saved = admin.people.create(
        {
            "family_name": "Exempt",
            "nation_code": "USA",
            "declassify_on": far,
            "declassify_exemption": "25X1",
        },
        label=NOFORN,
    )
    assert (saved.record.declassify_exemption, saved.record.declassify_on) == ("25x1", far)
    created = admin.audit.list(action="create", kind="person", limit=1)[0]
    assert created.details["after"]["declassify_exemption"] == "25x1"
    # 50X beside the date: refused beside the exemption, nothing changed
    with pytest.raises(ValidationFailed) as refused:
        admin.people.update(
            saved.record.id,
            {"declassify_exemption": "50X1-HUM"},
            expected_version=saved.record.row_version,
        )
    assert "takes no date" in refused.value.errors["declassify_exemption"]
    # dropping the exemption while the date is 40 years out: refused, the date's limit says why
    with pytest.raises(ValidationFailed) as refused:
        admin.people.update(
            saved.record.id, {"declassify_exemption": ""}, expected_version=saved.record.row_version
        )
    assert "25 years" in refused.value.errors["declassify_exemption"]
    human = admin.people.update(
        saved.record.id,
        {"declassify_on": "", "declassify_exemption": "50x1-hum"},
        expected_version=saved.record.row_version,
    )
    assert (human.record.declassify_on, human.record.declassify_exemption) == (None, "50x1_hum")
    with pytest.raises(ValidationFailed) as refused:
        admin.people.create(
            {"family_name": "Odd", "nation_code": "USA", "declassify_exemption": "25X10"},
            label=NOFORN,
        )
    assert "25x9" in refused.value.errors["declassify_exemption"]
    assert admin.people.count() == 1


def test_an_import_and_an_export_carry_the_exemption(admin: Desk, tmp_path) -> None:  # noqa: ANN001
    import csv
    import io

    from app.services.transfer import export_records, import_file

    far = years_after(dt.date.today(), 40).isoformat()
    path = tmp_path / "people.csv"
    path.write_text(
        "family_name,nation,classification,releasable_to,declassify_on,declassify_exemption\n"
        f"Exempt,POL,C,NATO,{far},25X6\n"
        f"Alone,POL,C,NATO,{far},50X2-WMD\n"
        f"Unexempt,POL,C,NATO,{far},\n",
        encoding="utf-8",
    )
    result = import_file(admin, "people", path)
    assert (result.total, result.imported) == (3, 1)
    assert [p.line for p in result.rejected] == [3, 4]
    assert "takes no date" in result.rejected[0].errors["declassify_on"]
    assert "25 years" in result.rejected[1].errors["declassify_on"]
    out = io.StringIO()
    export_records(admin, "people", out, "csv")
    rows = {r["family_name"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert (rows["Exempt"]["declassify_exemption"], rows["Exempt"]["declassify_on"]) == (
        "25x6",
        far,
    )


def test_a_report_of_an_exempt_record_says_its_exemption(
    qapp,  # noqa: ANN001 - it renders with Qt
    admin: Desk,
    tmp_path,  # noqa: ANN001
) -> None:
    import unicodedata

    from pypdf import PdfReader

    from app.reports import render_report

    admin.agreements.create(
        {
            "title": "Source talks",
            "kind": "memorandum_of_understanding",
            "parties": ["USA", "GBR"],
            "declassify_exemption": "50X1-HUM",
        },
        label=NOFORN,
    )
    admin.agreements.create(
        {"title": "Plain talks", "kind": "memorandum_of_understanding", "parties": ["USA", "GBR"]},
        label=NOFORN,
    )
    render_report(admin, "agreements", {}, tmp_path / "a.pdf")
    text = PdfReader(tmp_path / "a.pdf").pages[0].extract_text()
    face = " ".join(unicodedata.normalize("NFKC", text).split())
    assert "Declassify On: 50X1-HUM" in face, face


def test_a_json_export_carries_the_exemption_as_ic_ism_does(admin: Desk) -> None:
    import json

    from tests.test_transfer import export_text

    far = years_after(dt.date.today(), 40)
    for family, values in (
        ("Exempt", {"declassify_on": far, "declassify_exemption": "25X1"}),
        ("Source", {"declassify_exemption": "50X1-HUM"}),
        ("Evented", {"declassify_event": EVENT}),
    ):
        admin.people.create({"family_name": family, "nation_code": "USA", **values}, label=NOFORN)
    text, _ = export_text(admin, "people", "json")
    ism = {item["family_name"]: item["ism"] for item in json.loads(text)}
    assert (ism["Exempt"]["declassException"], ism["Exempt"]["declassDate"]) == (
        "25X1",
        far.isoformat(),
    )
    assert ism["Source"]["declassException"] == "50X1-HUM"
    assert "declassDate" not in ism["Source"] and "declassEvent" not in ism["Source"]
    assert ism["Evented"]["declassEvent"] == EVENT and "declassException" not in ism["Evented"]

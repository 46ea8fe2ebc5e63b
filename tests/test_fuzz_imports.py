"""A fuzz of every importer and form parser (issue 13): hostile and random cells, rows and
bytes give row problems or a clear refusal, never a traceback, and nothing stored breaks the
rules a form enforces (the text rule, a label that says to whom it is released).

Each test keeps one database for all its examples (a new one per example would spend the run
on key derivation); every example is a new file, imported with ``again`` so that a repeated
file is imported again rather than refused.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.database.labels import load_labels
from app.domain.labels import Release
from app.domain.text import problem_in
from app.security import audit
from app.services import kinds
from app.services.desk import Desk
from app.services.errors import ServiceError
from app.services.transfer import export_records, import_file
from tests.helpers.records import AGREEMENT, EXCHANGE, PERSON

pytestmark = pytest.mark.slow

KINDS = [entry.name for entry in kinds.transferable()]

# what careless input and an attacker put in a cell
HOSTILE = [
    "",
    " ",
    "\x00",
    "Nul\x00l",
    "\x1b]0;owned\x07",
    "\x1b[2J",
    "evil\u202efdp.exe",
    "zero\u200bwidth",
    "\ufeffBOM",
    "line\u2028sep",
    '=HYPERLINK("http://x")',
    "+cmd|' /C calc'!A0",
    "@SUM(1)",
    "REL TO",
    "REL TO ,",
    "rel to",
    "NOFORN, REL TO USA",
    "TS",
    "TOP SECRET",
    "XX",
    "ZZZ",
    "usa gbr ,,",
    "2026-02-30",
    "0000-01-01",
    "9999-12-31",
    "31/12/2026",
    "-1",
    "1e309",
    "NaN",
    "99999999999999999999",
    "OF-99",
    "eng 9/9/9/9",
    "x" * 5000,
    "Ø" * 300,
    "'; DROP TABLE people; --",
    '"quoted"',
    "a\nb",
    "\r\n",
    "\t",
]

cells = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),  # every Unicode category, surrogates aside
    st.text(alphabet=st.characters(codec="utf-8", max_codepoint=0x3000), max_size=12),
)


def _seed(desk: Desk) -> dict[str, dict[str, str]]:
    """One valid record of every transferable kind; their exported rows are the templates the
    fuzz mutates (so a row is near-valid, and a bad cell is what decides its fate)."""
    person = desk.people.create({**PERSON, "date_of_birth": "1984-05-17"}).record
    exchange = desk.exchanges.create(EXCHANGE).record
    desk.agreements.create(AGREEMENT)
    desk.participations.create({"exchange": exchange.reference, "person": person.reference})
    desk.liaison.create(
        {
            "person": person.reference,
            "kind": "liaison_officer",
            "host_nation": "USA",
            "start_date": "2025-08-01",
        }
    )
    templates = {}
    for kind in KINDS:
        out = io.StringIO()
        export_records(desk, kind, out, "csv")
        rows = [row for row in csv.reader(io.StringIO(out.getvalue())) if row]
        header = next(i for i, row in enumerate(rows) if "classification" in row)
        templates[kind] = dict(zip(rows[header], rows[header + 1], strict=True))
    return templates


def _clean(desk: Desk, kind: str) -> None:
    """Every stored row of ``kind`` keeps the rules: no text a form would refuse, no
    releasable label without a nation, the trail intact."""
    table = kinds.kind(kind, kinds.transferable()).model.__table__
    with desk.db.reading() as session:
        rows = session.execute(select(table)).mappings().all()
        for row in rows:
            for column, value in row.items():
                if isinstance(value, str):
                    assert problem_in(value, multiline=True) is None, (kind, column, value)
        labels = load_labels(session, {row["label_id"] for row in rows})
        for label in labels.values():
            assert label.release is not Release.REL or label.rel_to, (kind, label)
        assert audit.verify(session).ok


def _import(desk: Desk, kind: str, path: Path, total: int) -> None:
    try:
        result = import_file(desk, kind, path, again=True)
    except ServiceError as refused:  # a header problem, said in words
        assert str(refused)
        return
    assert result.imported + len({p.line for p in result.rejected}) == total, result
    for problem in result.rejected:
        assert problem.errors and all(problem.errors.values()), problem


@pytest.fixture
def fuzzed(admin: Desk) -> tuple[Desk, dict[str, dict[str, str]]]:
    return admin, _seed(admin)


@pytest.mark.parametrize("kind", KINDS)
def test_csv_rows_with_hostile_cells_are_stored_clean_or_reported(
    fuzzed: tuple[Desk, dict[str, dict[str, str]]], kind: str, tmp_path_factory: Any
) -> None:
    desk, templates = fuzzed
    template = templates[kind]
    columns = list(template)

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        rows=st.lists(
            st.dictionaries(st.sampled_from(columns), cells, max_size=4), min_size=1, max_size=4
        )
    )
    def run(rows: list[dict[str, str]]) -> None:
        path = tmp_path_factory.mktemp("fuzz") / f"{kind}.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(columns)
            for changes in rows:
                writer.writerow([{**template, **changes}[c] for c in columns])
        _import(desk, kind, path, len(rows))

    run()
    _clean(desk, kind)


def test_files_that_are_not_csv_are_refused_in_words(admin: Desk, tmp_path_factory: Any) -> None:
    """Random bytes, broken UTF-8, a header of garbage, unbalanced quotes, a JSON that is not a
    list of objects: a refusal or row problems, never a traceback, nothing unclean stored."""

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        data=st.one_of(
            st.binary(max_size=300),
            st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
            st.builds(
                lambda body: b"family_name,nation\n" + body,
                st.binary(max_size=120),
            ),
            st.sampled_from(
                [
                    b'family_name,nation\n"unclosed,POL\n',
                    b"family_name,nation\nA,POL,extra,cells\n",
                    b"\xff\xfe" + "family_name,nation\n".encode("utf-16-le"),
                    b"family_name,family_name\nA,B\n",
                ]
            ),
        ),
        suffix=st.sampled_from([".csv", ".json"]),
    )
    def run(data: bytes, suffix: str) -> None:
        path = tmp_path_factory.mktemp("bytes") / f"people{suffix}"
        path.write_bytes(data)
        try:
            import_file(admin, "people", path, again=True)
        except ServiceError as refused:
            assert str(refused)

    run()
    _clean(admin, "person")


def test_json_records_with_hostile_values_are_stored_clean_or_reported(
    admin: Desk, tmp_path_factory: Any
) -> None:
    values = st.one_of(
        cells,
        st.none(),
        st.integers(),
        st.floats(allow_nan=True),
        st.booleans(),
        st.lists(cells, max_size=3),
        st.dictionaries(cells, cells, max_size=2),
    )

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        records=st.lists(
            st.fixed_dictionaries(
                {"family_name": cells, "nation": st.sampled_from(["POL", "XX", "", "usa"])},
                optional={
                    "classification": values,
                    "releasable_to": values,
                    "date_of_birth": values,
                    "languages": values,
                    "groups": values,
                    "notes": values,
                },
            ),
            min_size=1,
            max_size=4,
        )
    )
    def run(records: list[dict[str, Any]]) -> None:
        path = tmp_path_factory.mktemp("json") / "people.json"
        path.write_text(json.dumps(records), encoding="utf-8")
        _import(admin, "people", path, len(records))

    run()
    _clean(admin, "person")


@pytest.mark.parametrize(
    ("kind", "template"),
    [("people", PERSON), ("exchanges", EXCHANGE), ("agreements", AGREEMENT)],
)
def test_form_values_from_hostile_text_are_refused_by_field_or_stored_clean(
    admin: Desk, kind: str, template: dict[str, str]
) -> None:
    """What a form sends: field name to text. A refusal names its fields, in words."""
    service = getattr(admin, kind)
    names = [f.name for f in service.fields] + ["classification", "releasable_to", "groups"]

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(changes=st.dictionaries(st.sampled_from(names), cells, min_size=1, max_size=4))
    def run(changes: dict[str, str]) -> None:
        try:
            service.create({**template, **changes})
        except ServiceError as refused:
            errors = getattr(refused, "errors", None)
            assert str(refused) and (errors is None or all(errors.values())), refused

    run()
    _clean(admin, kinds.kind(kind, kinds.transferable()).name)


@pytest.mark.parametrize("digit", ["²", "¹", "⑦", "٣"])
def test_a_digit_int_refuses_is_no_record_id(admin: Desk, digit: str) -> None:
    """Found by the fuzz on a server: "²" passes ``str.isdigit`` but ``int`` refuses it, and a
    participation naming such an exchange ended the import in a ValueError. A reference or id
    is now read as an id only when ``int`` reads it (``str.isdecimal``: "٣" is 3)."""
    person = admin.people.create(PERSON).record
    with pytest.raises(ServiceError) as refused:
        admin.participations.create({"exchange": digit, "person": person.reference})
    assert "no exchange" in str(refused.value.errors["exchange"])


@pytest.mark.parametrize("amount", ["1e309", "1e13", "1000000000000"])
def test_an_amount_past_what_a_money_column_holds_is_refused_under_its_field(
    admin: Desk, amount: str
) -> None:
    """Found by the fuzz: a budget of ``1e309`` ended the save in decimal's InvalidOperation
    (rounding it to cents needs more digits than decimal keeps). Amounts are bounded by the
    column (``Numeric(14, 2)``), in budgets and cost lines alike."""
    with pytest.raises(ServiceError) as refused:
        admin.exchanges.create({**EXCHANGE, "budget_amount": amount, "budget_currency": "USD"})
    assert "too large" in refused.value.errors["budget_amount"]
    with pytest.raises(ServiceError) as refused:
        admin.exchanges.create({**EXCHANGE, "cost_lines": f"travel {amount} USD Flights"})
    assert "too large" in refused.value.errors["cost_lines"]
    assert admin.exchanges.count() == 0

"""Import and export through the services: line numbers, both modes, audit, access, round trips."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.stanag import parse_label
from app.services import kinds
from app.services.desk import Desk
from app.services.errors import PermissionDenied, ValidationFailed
from app.services.setup import initialise
from app.services.transfer import columns, export_records, file_sha256, import_file
from tests.helpers import PASSWORD
from tests.helpers.records import counter_of, generated

HEADER = (
    "family_name,given_names,nation,rank,service,date_of_birth,passport_number,email,"
    "classification,releasable_to,groups"
)


def write(path: Path, text: str, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def untimed(json_text: str) -> list[dict]:
    """A JSON export's records with the creation time of their labels left out (two exports
    made a second apart are otherwise the same)."""
    items = json.loads(json_text)
    for item in items:
        item["label_xml"] = re.sub(r"<slab:CreationDateTime>[^<]*", "", item["label_xml"])
    return items


def export_text(desk: Desk, kind: str, fmt: str = "csv", **kwargs) -> tuple[str, object]:
    out = io.StringIO()
    result = export_records(desk, kind, out, fmt, **kwargs)
    return out.getvalue(), result


def test_good_file_with_bom_is_imported_and_audited(admin: Desk, tmp_path: Path) -> None:
    path = write(
        tmp_path / "people.csv",
        "\n".join(
            [
                HEADER,
                "Kowalski,Jan,POL,Major,army,1984-05-17,EA1234567,jan@example.pl,C,NATO,",
                "Müller,Anna,deu,Kapitänleutnant,Navy,1990-11-02,,,U,,",
                "",
                'Yamada,Taro,JPN,1st Lt,air force,1992-01-30,,,S,"USA, JPN",',
            ]
        )
        + "\n",
        bom=True,
    )
    result = import_file(admin, "person", path)
    assert result.ok and (result.total, result.imported) == (3, 3)
    assert result.sha256 == file_sha256(path)
    people = {p.family_name: p for p in admin.people.list().records}
    assert set(people) == {"Kowalski", "Müller", "Yamada"}
    assert people["Müller"].nation_code == "DEU" and people["Yamada"].service == "air_force"
    page = admin.people.list()
    assert {admin.marking(page.labels[p.label_id]) for p in page.records} == {
        "CONFIDENTIAL//REL TO USA, NATO",
        "UNCLASSIFIED",
        "SECRET//REL TO USA, JPN",
    }
    # one event stands for the whole import (the issue allows it): count, file hash, references
    assert admin.audit.count(action="create", kind="person") == 0
    [event] = admin.audit.list(action="import")
    assert event.details["sha256"] == result.sha256 and event.details["file"] == "people.csv"
    assert (event.details["first_reference"], event.details["last_reference"]) == (
        result.references[0],
        result.references[-1],
    )
    assert (event.details["imported"], event.details["rejected"], event.details["mode"]) == (
        3,
        0,
        "row-by-row",
    )
    assert admin.audit.verify().ok


BAD_FILE = (
    "\n".join(
        [
            HEADER,  # line 1
            "Good,One,POL,,,,,,U,,",  # line 2
            "Bad,Nation,XX,,,,,,U,,",  # line 3
            '"Good, Two","with a',  # line 4 (cell spans two lines)
            'line break",GBR,,,,,,U,,',  # line 5
            "Bad,Date,FRA,,,1990-13-01,,not-an-email,U,,",  # line 6
            ",Nameless,USA,,,,,,TS,NOFORN,",  # line 7
            "Good,Three,CAN,,,,,,C,FVEY,",  # line 8
        ]
    )
    + "\n"
)


def test_row_by_row_keeps_good_rows_and_reports_bad_lines(admin: Desk, tmp_path: Path) -> None:
    result = import_file(admin, "people", write(tmp_path / "p.csv", BAD_FILE))
    assert (result.total, result.imported) == (6, 3)
    problems = {p.line: p.errors for p in result.rejected}
    assert set(problems) == {3, 6, 7}
    assert (
        "nation" in problems[3] and "ISO 3166-1" in problems[3]["nation"]
    )  # column name, not nation_code
    assert set(problems[6]) == {"date_of_birth", "email"}
    assert "family_name" in problems[7]
    assert sorted(p.family_name for p in admin.people.list().records) == [
        "Good",
        "Good",
        "Good, Two",
    ]
    assert [text for p in result.rejected for text in p.lines()][0].startswith("line 3: nation: ")
    [event] = admin.audit.list(action="import")
    assert (event.details["imported"], event.details["rejected"]) == (3, 3)


def test_all_or_nothing_writes_nothing_when_a_row_is_bad(admin: Desk, tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", BAD_FILE)
    result = import_file(admin, "people", path, all_or_nothing=True)
    assert result.imported == 0 and not result.references
    assert {p.line for p in result.rejected} == {3, 6, 7}
    assert admin.people.count() == 0
    assert admin.audit.count(action="create") == 0
    [event] = admin.audit.list(action="import")
    assert event.outcome == "failure" and event.details["mode"] == "all-or-nothing"
    # the reference counter was rolled back too: the next import counts from 1
    good = write(tmp_path / "good.csv", "family_name,nation\nAfter,POL\n")
    assert import_file(admin, "people", good, all_or_nothing=True).imported == 1
    year = dt.date.today().year
    assert counter_of(admin, "P", year)[0] == 1
    assert generated("P", year).fullmatch(admin.people.list().records[0].reference)
    assert admin.audit.verify().ok


def test_header_problems_are_reported_before_anything_is_imported(
    admin: Desk, tmp_path: Path
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        import_file(
            admin, "people", write(tmp_path / "a.csv", "family_name,nation,shoe_size\nA,POL,44\n")
        )
    assert (
        "shoe_size" in caught.value.errors["columns"]
        and "family_name" in caught.value.errors["columns"]
    )
    with pytest.raises(ValidationFailed, match="required column missing: nation"):
        import_file(admin, "people", write(tmp_path / "b.csv", "family_name\nA\n"))
    with pytest.raises(ValidationFailed, match="more than one column"):
        import_file(
            admin,
            "people",
            write(tmp_path / "c.csv", "family_name,nation,nation_code\nA,POL,POL\n"),
        )
    latin1 = tmp_path / "d.csv"
    latin1.write_bytes(b"family_name,nation\nM\xfcller,DEU\n")
    with pytest.raises(ValidationFailed, match="UTF-8"):
        import_file(admin, "people", latin1)
    with pytest.raises(ValidationFailed, match="empty"):
        import_file(admin, "people", write(tmp_path / "e.csv", ""))
    with pytest.raises(FileNotFoundError):
        import_file(admin, "people", tmp_path / "missing.csv")
    assert admin.people.count() == 0 and admin.audit.count(action="import") == 0


def test_viewer_cannot_import_and_labels_follow_the_write_rule(make_user, tmp_path: Path) -> None:
    path = write(
        tmp_path / "p.csv",
        "family_name,nation,classification,releasable_to\nLow,POL,C,NATO\nHigh,POL,TS,NATO\n",
    )
    with pytest.raises(PermissionDenied):
        import_file(make_user("vera", role="viewer"), "people", path)
    carl = make_user("carl", clearance="S")
    result = import_file(carl, "people", path)
    assert result.imported == 1 and result.rejected[0].line == 3
    assert "clearance" in result.rejected[0].errors["row"]


def test_progress_reports_and_cancels(admin: Desk, tmp_path: Path) -> None:
    rows = "".join(f"P{n},POL\n" for n in range(5))
    path = write(tmp_path / "p.csv", "family_name,nation\n" + rows)
    seen: list[tuple[int, int]] = []

    def stop_after_two(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    result = import_file(admin, "people", path, all_or_nothing=True, progress=stop_after_two)
    assert result.cancelled and seen[-1] == (2, 5) and admin.people.count() == 0
    result = import_file(admin, "people", path, progress=stop_after_two)
    assert result.cancelled and result.imported == 2 and admin.people.count() == 2


def _join_sof(desk: Desk) -> None:
    desk.users.create_ntk_group("SOF")
    desk.users.update(desk.username, {"groups": ["SOF"]})


def _seed(desk: Desk) -> None:
    _join_sof(desk)
    desk.people.create(
        {
            "family_name": "Kowalski",
            "given_names": "Jan",
            "nation_code": "POL",
            "date_of_birth": "1984-05-17",
            "passport_number": "EA1234567",
            "languages": "eng 3/3/3/2; pol 5/5/5/5",
            "rank_code": "OF-3",
            "classification": "C",
            "releasable_to": "NATO",
        }
    )
    desk.people.create(
        {
            "family_name": "Dupont",
            "nation_code": "FRA",
            "notes": 'line one\nline two, with "quotes"',
            "classification": "S",
            "releasable_to": "NOFORN",
        }
    )
    desk.people.create(
        {"family_name": "Quiet", "nation_code": "USA", "classification": "U", "groups": "SOF"}
    )
    desk.people.create(
        {
            "family_name": "Ōtake",
            "original_script_name": "大竹",
            "nation_code": "JPN",
            "classification": "U",
            "phone": "+81 3 1234 5678",
            "unit": '=HYPERLINK("http://x")',
            "position": "'=quoted",
            "notes": "'plain",
        }
    )
    desk.agreements.create(
        {
            "reference": "MOU-USA-POL-2019-01",
            "title": "Pilot training",
            "kind": "memorandum_of_understanding",
            "parties": "USA POL",
            "signed_date": "2019-04-11",
            "classification": "C",
            "releasable_to": "POL",
        }
    )
    person = desk.people.list({"family_name": "Kowalski"}).records[0]
    desk.liaison.create(
        {
            "person": person.reference,
            "kind": "liaison_officer",
            "host_nation": "USA",
            "start_date": "2025-08-01",
            "agreement": "MOU-USA-POL-2019-01",
            "disclosure_level": "C",
            "classification": "C",
            "releasable_to": "POL",
        }
    )


def test_export_then_import_into_a_second_database_gives_the_same_records(
    admin: Desk, tmp_path: Path
) -> None:
    _seed(admin)
    second_db = initialise(tmp_path / "second.sqlite", "USA", "default", "admin", PASSWORD)
    try:
        second = Desk(second_db, "admin")
        _join_sof(second)
        # references are the installation's own (generated there, uncountable): a person
        # imported into the second one gets its reference there, and the liaison file names
        # the person by it
        theirs: dict[str, str] = {}

        def renamed(text: str) -> str:
            for first, other in theirs.items():
                text = text.replace(first, other)
            return text

        for kind in ("people", "agreements", "liaison"):
            text, result = export_text(admin, kind)
            assert result.count == admin.people.count() if kind == "people" else result.count == 1
            path = write(tmp_path / f"{kind}.csv", renamed(text))
            imported = import_file(second, kind, path, all_or_nothing=True)
            assert imported.ok, imported.rejected
            if kind == "people":
                by_name = {
                    (p.family_name, p.given_names): p.reference
                    for p in second.people.list().records
                }
                theirs = {
                    p.reference: by_name[(p.family_name, p.given_names)]
                    for p in admin.people.list().records
                }
            assert export_text(second, kind)[0] == renamed(text)
        otake = second.people.list({"family_name": "Ōtake"}).records[0]
        assert (otake.phone, otake.unit, otake.position, otake.notes) == (
            "+81 3 1234 5678",
            '=HYPERLINK("http://x")',
            "'=quoted",
            "'plain",
        )
        json_text, _ = export_text(admin, "people", "json")
        assert untimed(export_text(second, "people", "json")[0]) == untimed(renamed(json_text))
    finally:
        second_db.dispose()


def test_csv_cells_a_spreadsheet_would_run_are_defused_and_reimport(admin: Desk) -> None:
    _seed(admin)
    text, _ = export_text(admin, "people")
    otake = next(r for r in csv.DictReader(io.StringIO(text)) if r["family_name"] == "Ōtake")
    assert (otake["phone"], otake["unit"]) == ("'+81 3 1234 5678", '\'=HYPERLINK("http://x")')
    assert (otake["position"], otake["notes"]) == ("''=quoted", "''plain")


def test_json_export_reimports(admin: Desk, tmp_path: Path) -> None:
    _seed(admin)
    text, result = export_text(admin, "agreements", "json")
    [item] = json.loads(text)
    assert (
        item["reference"] == "MOU-USA-POL-2019-01"
        and item["marking"] == "CONFIDENTIAL//REL TO USA, POL"
        and "id" in item
    )
    # each record carries its STANAG 4774 label and, under a US owner, its IC-ISM attributes
    label = parse_label(item["label_xml"])
    assert label.marking() == item["marking"] and label.policy == "USA"
    declass_date = dt.date.fromisoformat(item["ism"].pop("declassDate"))  # the default
    assert declass_date.year - dt.datetime.now(dt.UTC).year == 25
    assert item["ism"] == {
        "classification": "C",
        "ownerProducer": "USA",
        "disseminationControls": "REL",
        "releasableTo": "USA POL",
    }
    path = write(tmp_path / "agreements.json", text)
    again = import_file(admin, "agreements", path)
    assert again.rejected[0].errors == {
        "reference": "Reference MOU-USA-POL-2019-01 is already used by another agreement"
    }
    assert again.unit == "record"


def test_a_json_export_with_its_machine_labels_imports_into_another_database(
    admin: Desk, tmp_path: Path
) -> None:
    """The fields a JSON export adds (``label_xml``, ``ism``, ``marking``) are skipped on import:
    the label cells decide the label, and the records come back with the same markings."""
    _seed(admin)
    text, _ = export_text(admin, "people", "json")
    items = json.loads(text)
    assert items and all({"label_xml", "ism", "marking"} <= set(item) for item in items)
    second_db = initialise(tmp_path / "second.sqlite", "USA", "default", "admin", PASSWORD)
    try:
        second = Desk(second_db, "admin")
        _join_sof(second)
        imported = import_file(
            second, "people", write(tmp_path / "people.json", text), all_or_nothing=True
        )
        assert imported.ok and imported.imported == len(items), imported.rejected
        again = {
            i["family_name"]: i["marking"]
            for i in json.loads(export_text(second, "people", "json")[0])
        }
        assert again == {i["family_name"]: i["marking"] for i in items}
    finally:
        second_db.dispose()


def test_viewer_export_lacks_hidden_records_and_identity(admin: Desk, make_user) -> None:
    _seed(admin)
    viewer = make_user("gwen", role="viewer", clearance="S", nation="GBR")
    text, result = export_text(viewer, "people")
    rows = list(csv.DictReader(io.StringIO(text)))
    # NOFORN (Dupont) and the SOF compartment (Quiet) are hidden from a British viewer
    assert sorted(r["family_name"] for r in rows) == ["Kowalski", "Ōtake"]
    assert all(r["date_of_birth"] == "" and r["passport_number"] == "" for r in rows)
    assert list(rows[0]) == columns(admin, "people")
    # Ōtake is UNCLASSIFIED with no caveat: it does not narrow Kowalski's REL TO (a classified
    # portion without one would make the file NOFORN: tests/test_disclosure.py)
    assert result.marking == "CONFIDENTIAL//REL TO USA, NATO" and not result.identity
    [event] = admin.audit.list(action="export", username="gwen")
    assert (event.details["count"], event.details["marking"], event.details["format"]) == (
        2,
        result.marking,
        "csv",
    )
    coordinator_text, coordinator = export_text(admin, "people")
    kowalski = next(
        r for r in csv.DictReader(io.StringIO(coordinator_text)) if r["family_name"] == "Kowalski"
    )
    assert (kowalski["date_of_birth"], kowalski["passport_number"]) == ("1984-05-17", "EA1234567")
    # one of them is in the SOF group: the file needs SOF (issue 14, item 7)
    assert coordinator.count == 4 and coordinator.marking == "SECRET//NTK SOF//NOFORN"


def test_export_reads_page_by_page(admin: Desk) -> None:
    for n in range(7):
        admin.people.create({"family_name": f"Person{n}", "nation_code": "POL"})
    admin.people.archive(
        admin.people.list({"family_name": "Person3"}).records[0].id, "left the service"
    )
    text, result = export_text(admin, "people", page_size=2, filters={"nation_code": "POL"})
    names = [r["family_name"] for r in csv.DictReader(io.StringIO(text))]
    assert result.count == 6 and sorted(names) == [f"Person{n}" for n in range(7) if n != 3]
    empty, nothing = export_text(admin, "exchanges", "json")
    assert json.loads(empty) == [] and nothing.count == 0 and nothing.marking == "UNCLASSIFIED"


def test_exchanges_and_participations_round_trip(admin: Desk, tmp_path: Path) -> None:
    _seed(admin)
    person = admin.people.list({"family_name": "Kowalski"}).records[0]
    exchanges = write(
        tmp_path / "ex.csv",
        "\n".join(
            [
                "title,kind,host_nation,partner_nations,domains,start_date,end_date,agreement,cost_lines,budget_amount,budget_currency,classification,releasable_to",
                'Pilot course,course_seat,USA,"POL, GBR",air joint,2026-03-02,2026-05-29,'
                'MOU-USA-POL-2019-01,travel 1200.00 USD Flights,45000,USD,C,"POL GBR"',
                "Broken,course_seat,USA,,,2026-03-02,2026-01-01,,,,,U,",
            ]
        )
        + "\n",
    )
    result = import_file(admin, "exchanges", exchanges)
    assert (
        result.imported == 1
        and [p.line for p in result.rejected] == [3]
        and "end_date" in result.rejected[0].errors
    )
    reference = result.references[0]
    participations = write(
        tmp_path / "pa.csv",
        f"exchange,person,role,classification,releasable_to\n{reference},{person.reference},trainee,C,POL\n"
        f"{reference},P-1999-999999,trainee,C,POL\n",
    )
    result = import_file(admin, "participation", participations)
    assert (
        result.imported == 1
        and [p.line for p in result.rejected] == [3]
        and "person" in result.rejected[0].errors
    )
    text, _ = export_text(admin, "participations")
    assert next(csv.DictReader(io.StringIO(text)))["exchange"] == reference
    text, _ = export_text(admin, "exchanges")
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["partner_nations"] == "GBR, POL" and row["agreement"] == "MOU-USA-POL-2019-01"


def test_every_column_of_every_kind_is_documented(admin: Desk) -> None:
    root = Path(__file__).resolve().parents[1]
    doc = (root / "resources" / "help" / "data-formats.md").read_text(encoding="utf-8")
    sections = {
        part.split("`")[1]: part for part in doc.split("\n### ")[1:] if "(`" in part.splitlines()[0]
    }
    for entry in kinds.transferable():
        rows = [
            line for line in sections[entry.desk_attribute].splitlines() if line.startswith("| `")
        ]
        documented = [line.split("`")[1] for line in rows]
        assert documented == columns(admin, entry.name), entry.name
        assert all(line.count("|") == 6 and "|  |" not in line for line in rows), entry.name


def test_an_export_that_fails_part_way_is_still_audited(admin: Desk) -> None:
    for n in range(3):
        admin.people.create(
            {
                "family_name": f"Person{n}",
                "nation_code": "POL",
                "classification": "C",
                "releasable_to": "NATO",
            }
        )

    class Full(io.StringIO):
        def write(self, text: str) -> int:
            if "Person1" in text:
                raise OSError(28, "No space left on device")
            return super().write(text)

    with pytest.raises(OSError):
        export_records(admin, "people", Full(), "csv")
    [event] = admin.audit.list(action="export")
    assert (
        event.outcome == "failure"
        and event.details["count"] == 1
        and event.details["marking"] == "CONFIDENTIAL//REL TO USA, NATO"
    )


# --- the bulk path: batches written with Core, checks and warnings asked once per batch --------


@pytest.mark.sqlite_only(reason="search runs on the SQLite FTS5 engine only")
def test_imported_rows_are_searchable_and_keep_their_children(admin: Desk, tmp_path: Path) -> None:
    from app.search.service import search

    path = write(
        tmp_path / "p.csv",
        "family_name,given_names,nation,languages\n"
        "Kowalczyk,Ewa,POL,pol 5/5/5/5; eng 3/3/3/2\nNakamura,Ren,JPN,\n",
    )
    result = import_file(admin, "people", path)
    assert result.ok
    [hit] = search(admin, "Kowalczyk", audited=False).hits
    assert hit.reference == result.references[0]
    assert admin.people.get(hit.record_id)[0].languages[1].profile == "5/5/5/5"
    with admin.db.reading() as session:  # the pause lasted only while the batch was written
        assert session.execute(text("SELECT count(*) FROM search_index_paused")).scalar() == 0
    admin.people.create({"family_name": "Kowalczyk", "given_names": "Adam", "nation_code": "POL"})
    assert len(search(admin, "Kowalczyk", audited=False).hits) == 2  # single saves still indexed


@pytest.mark.sqlite_only(reason="search runs on the SQLite FTS5 engine only")
def test_imported_exchanges_are_indexed_with_their_partners(admin: Desk, tmp_path: Path) -> None:
    from app.search.service import search

    path = write(
        tmp_path / "ex.csv",
        "title,kind,host_nation,partner_nations,start_date,end_date\n"
        "Arctic survival course,course_seat,USA,NOR,2026-03-02,2026-03-20\n",
    )
    [reference] = import_file(admin, "exchanges", path).references
    assert [h.reference for h in search(admin, "Norway arctic", audited=False).hits] == [reference]


def test_the_same_passport_twice_in_one_file_is_refused_the_second_time(
    admin: Desk, tmp_path: Path
) -> None:
    admin.people.create(
        {"family_name": "Stored", "nation_code": "POL", "passport_number": "EA7777777"}
    )
    path = write(
        tmp_path / "p.csv",
        "\n".join(
            [
                "family_name,nation,passport_number,service_number",
                "One,POL,EA1111111,",
                "Two,POL,EA1111111,",  # line 3: same passport, same nation, earlier in the file
                "Three,GBR,EA1111111,",  # another nation may use the same number
                "Four,POL,EA7777777,",  # line 5: already stored
                "Five,POL,,SN-1",
                "Six,POL,,SN-1",  # line 7
            ]
        )
        + "\n",
    )
    result = import_file(admin, "people", path)
    assert result.imported == 3
    assert {p.line: p.errors for p in result.rejected} == {
        3: {
            "passport_number": (
                "Passport number EA1111111 is given to another person of this nation earlier in "
                "the same import"
            )
        },
        5: {
            "passport_number": (
                "Passport number EA7777777 is already recorded for another person of this nation"
            )
        },
        7: {
            "service_number": (
                "Service number SN-1 is given to another person of this nation earlier in the same "
                "import"
            )
        },
    }


def test_probable_duplicates_are_warned_with_their_line(admin: Desk, tmp_path: Path) -> None:
    stored = admin.people.create(
        {
            "family_name": "Müller",
            "given_names": "Anna",
            "nation_code": "DEU",
            "date_of_birth": "1990-11-02",
        }
    ).record
    path = write(
        tmp_path / "p.csv",
        "family_name,given_names,nation,date_of_birth\n"
        "Nowak,Piotr,POL,1990-11-02\n"  # same birth date, another name: no warning
        "Mueller,Anna,DEU,1990-11-02\n",
    )  # line 3
    result = import_file(admin, "people", path)
    assert result.imported == 2
    assert result.warnings == [
        (
            3,
            f"probable duplicate of MÜLLER, Anna ({stored.reference}): similar name, same date of "
            "birth",
        )
    ]


def test_a_row_the_database_refuses_is_reported_and_the_others_kept(
    admin: Desk, tmp_path: Path
) -> None:
    # both rows pass the checks (the number is not stored yet); the unique index refuses the second
    path = write(
        tmp_path / "a.csv",
        "reference,title,kind,parties\n"
        "MOU-USA-NOR-2026-01,Cold weather training,memorandum_of_understanding,USA NOR\n"
        "MOU-USA-NOR-2026-01,Cold weather training again,memorandum_of_understanding,USA NOR\n"
        "MOU-USA-NOR-2026-02,Ranges,memorandum_of_understanding,USA NOR\n",
    )
    result = import_file(admin, "agreements", path)
    assert result.imported == 2 and [p.line for p in result.rejected] == [3]
    assert result.rejected[0].errors["row"].startswith("clashes with a record already stored")
    assert sorted(a.reference for a in admin.agreements.list().records) == [
        "MOU-USA-NOR-2026-01",
        "MOU-USA-NOR-2026-02",
    ]
    if (
        admin.db.is_sqlite
    ):  # the refused batch's pause of the search triggers went with its savepoint
        with admin.db.reading() as session:
            assert session.execute(text("SELECT count(*) FROM search_index_paused")).scalar() == 0
    result = import_file(admin, "agreements", path, all_or_nothing=True, again=True)
    assert result.imported == 0 and admin.agreements.count() == 2


def test_participations_in_one_file_are_checked_against_each_other(
    admin: Desk, tmp_path: Path
) -> None:
    _seed(admin)
    person = admin.people.list({"family_name": "Kowalski"}).records[0]
    exchange = import_file(
        admin,
        "exchanges",
        write(
            tmp_path / "ex.csv",
            "title,kind,host_nation,start_date,end_date\n"
            "Staff course,course_seat,USA,2026-03-02,2026-05-29\n",
        ),
    ).references[0]
    path = write(
        tmp_path / "pa.csv",
        f"exchange,person,role\n{exchange},{person.reference},trainee\n"
        f"{exchange},{person.reference},trainee\n{exchange},{person.reference},instructor\n",
    )
    result = import_file(admin, "participations", path)
    assert result.imported == 2 and [p.line for p in result.rejected] == [3]
    assert (
        result.rejected[0].errors["role"]
        == f"Role: this person already takes part in {exchange} as trainee"
    )
    again = import_file(
        admin, "participations", path, again=True
    )  # now both places are taken in the database
    assert again.imported == 0 and [p.line for p in again.rejected] == [2, 3, 4]


def test_a_long_row_by_row_import_commits_batch_by_batch_each_audited(
    admin: Desk, tmp_path: Path, monkeypatch
) -> None:  # noqa: ANN001
    from app.services.transfer import importing

    monkeypatch.setattr(importing, "IMPORT_BATCH", 2)
    rows = "".join(f"P{n},POL\n" for n in range(5)) + "Bad,XX\n"
    seen: list[int] = []

    def watch(done: int, total: int) -> bool:
        seen.append(admin.people.count())  # another user's view while the import runs
        return True

    result = import_file(
        admin, "people", write(tmp_path / "p.csv", "family_name,nation\n" + rows), progress=watch
    )
    assert result.imported == 5 and [p.line for p in result.rejected] == [7]
    assert seen[-1] == 5 and 2 in seen  # earlier batches were committed while later ones were read
    events = sorted(admin.audit.list(action="import"), key=lambda e: e.id)
    assert [e.details.get("part") for e in events] == [1, 2, None]
    assert [e.details.get("lines") for e in events[:2]] == ["2-3", "4-5"]
    assert (
        events[-1].details["imported"],
        events[-1].details["rejected"],
        events[-1].details["parts"],
    ) == (5, 1, 3)
    assert admin.audit.verify().ok


def test_an_import_stopped_by_a_full_disk_says_what_was_stored(
    admin: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13, item 10: a row-by-row import that fails part way (here: the disk fills while
    the second part is written) says how many rows were stored and from which line on nothing
    was; the stored parts stay, each with its audit event."""
    from app.services.errors import DatabaseFailed, ImportStopped
    from app.services.transfer import importing

    monkeypatch.setattr(importing, "IMPORT_BATCH", 2)
    real = importing._import_batch
    calls = iter(range(100))

    def filling(*args: object, **kwargs: object) -> None:
        if next(calls) == 1:
            raise DatabaseFailed("the database or disk is full.")
        real(*args, **kwargs)

    monkeypatch.setattr(importing, "_import_batch", filling)
    rows = "".join(f"Full{n},USA\n" for n in range(5))
    path = write(tmp_path / "people.csv", "family_name,nation\n" + rows)
    with pytest.raises(ImportStopped) as stopped:
        import_file(admin, "people", path)
    assert stopped.value.imported == 2 and stopped.value.from_line == 4
    assert "the 2 rows before it were stored" in str(stopped.value)
    assert "disk is full" in str(stopped.value)
    assert sorted(p.family_name for p in admin.people.list().records) == ["Full0", "Full1"]


# --- preview and re-import (issue 15, item 4) ---------------------------------------------------


def test_a_preview_writes_and_audits_nothing_and_says_what_an_import_would_do(
    admin: Desk, tmp_path: Path
) -> None:
    admin.people.create(
        {
            "family_name": "Nowak",
            "given_names": "Anna",
            "nation_code": "POL",
            "date_of_birth": "1980-01-01",
        }
    )
    path = write(
        tmp_path / "people.csv",
        "family_name,given_names,nation,date_of_birth\n"
        "Nowak,Anna,POL,1980-01-01\n"  # a probable duplicate of the stored person
        "Berg,Ola,NOR,1990-13-01\n"  # a bad date
        "Lund,Per,NOR,1985-02-03\n",
    )
    events, people = admin.audit.count(), admin.people.count()
    result = import_file(admin, "people", path, preview=True)
    assert result.preview and result.total == 3 and result.imported == 2
    assert [p.line for p in result.rejected] == [3] and "date_of_birth" in result.rejected[0].errors
    assert [line for line, _text in result.warnings] == [2]
    assert ("nation", "nation_code") in result.columns
    assert ("family_name", "family_name") in result.columns
    assert admin.people.count() == people and admin.audit.count() == events  # nothing at all
    assert result.earlier is None and result.references == []


def test_the_same_file_twice_is_refused_unless_asked_and_a_preview_says_when(
    admin: Desk,
    make_user,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    from app.services.errors import AlreadyImported

    path = write(
        tmp_path / "people.csv",
        "family_name,given_names,nation,date_of_birth\n"
        "Lund,Per,NOR,1985-02-03\nBerg,Ola,NOR,1990-03-04\n",
    )
    assert import_file(admin, "people", path).imported == 2
    with pytest.raises(AlreadyImported) as refused:
        import_file(admin, "people", path)
    assert "people.csv was imported before" in str(refused.value) and "2 rows stored" in str(
        refused.value
    )
    assert admin.people.count() == 2  # nothing stored twice
    preview = import_file(admin, "people", path, preview=True)
    assert preview.earlier is not None and preview.earlier[1] == 2
    assert len(preview.warnings) >= 2  # each row a probable duplicate of what it stored
    # a changed file is another file
    text = path.read_text(encoding="utf-8")
    changed = write(tmp_path / "more.csv", text + "Dahl,Eva,NOR,1991-05-06\n")
    assert import_file(admin, "people", changed).imported == 3
    assert import_file(admin, "people", path, again=True).imported == 2  # the user insisted
    # another kind of record, or a file that stored nothing, is not an earlier import
    empty = write(tmp_path / "bad.csv", "family_name,nation\n,NOR\n")
    assert import_file(admin, "people", empty).imported == 0
    assert import_file(admin, "people", empty).imported == 0

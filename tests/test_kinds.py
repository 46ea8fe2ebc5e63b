"""The kind registry: every registered kind is covered by list, get, search, export, import,
attachments and the audit trail, and every spelling a user types finds its kind."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.search import search
from app.search.service import title_of
from app.services import demo, kinds
from app.services.desk import Desk
from app.services.errors import ValidationFailed
from app.services.setup import initialise
from app.services.transfer import columns, export_records, import_file
from tests.helpers import PASSWORD


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """A small demo database with one attachment per attachable kind, seen by a user who may
    read everything in it."""
    database = initialise(
        tmp_path_factory.mktemp("kinds") / "kinds.sqlite", "USA", "default", "admin", PASSWORD
    )
    admin = Desk(database, "admin")
    demo.fill(admin, people=12, exchanges=4, seed=3, today=dt.date(2026, 5, 14))
    everything = Desk(database, "sof.coordinator")  # TOP SECRET, owning nation, every group
    for entry in kinds.attachable():
        first = entry.service(everything).list(limit=1).records[0]
        everything.attachments.add(entry.name, first.id, "orders.txt", b"movement orders")
    yield everything
    database.dispose()


@pytest.mark.parametrize("entry", kinds.KINDS, ids=lambda e: e.name)
def test_every_kind_lists_gets_and_is_audited(desk: Desk, entry: kinds.RecordKind) -> None:
    service = entry.service(desk)
    assert service.model is entry.model and service.kind == entry.name
    page = service.list(limit=5)
    assert page.total > 0 and page.records, entry.name
    record, label = service.get(page.records[0].id)
    assert record.id == page.records[0].id and label == page.labels[record.label_id]
    assert Desk(desk.db, "admin").audit.count(kind=entry.name) > 0


@pytest.mark.parametrize("entry", kinds.searchable(), ids=lambda e: e.name)
def test_every_searchable_kind_is_found(desk: Desk, entry: kinds.RecordKind) -> None:
    record = entry.service(desk).list(limit=1).records[0]
    word = re.findall(r"[^\W\d_]{3,}", title_of(entry.name, record))[0]
    hits = search(desk, word, kinds=[entry.name], limit=200, audited=False).hits
    assert (entry.name, record.id) in {(hit.kind, hit.record_id) for hit in hits}


@pytest.mark.parametrize("entry", kinds.transferable(), ids=lambda e: e.name)
def test_every_transferable_kind_exports_and_imports(
    desk: Desk, entry: kinds.RecordKind, tmp_path: Path
) -> None:
    out = io.StringIO()
    result = export_records(desk, entry.desk_attribute, out)
    assert result.kind == entry.name and result.count == entry.service(desk).count()
    header = out.getvalue().splitlines()[0].split(",")
    assert header == columns(desk, entry.name)
    empty = tmp_path / "empty.csv"
    empty.write_text(",".join(header) + "\n", encoding="utf-8")
    imported = import_file(desk, entry.plural, empty)
    assert (imported.kind, imported.total, imported.rejected) == (entry.name, 0, [])


@pytest.mark.parametrize("entry", kinds.attachable(), ids=lambda e: e.name)
def test_every_attachable_kind_takes_files(desk: Desk, entry: kinds.RecordKind) -> None:
    first = entry.service(desk).list(limit=1).records[0]
    files = desk.attachments.for_record(entry.name, first.id)
    assert [f.name for f in files.records] == ["orders.txt"]


def test_every_spelling_finds_one_kind() -> None:
    for entry in kinds.KINDS:
        for spelling in (entry.name, entry.singular, entry.plural, entry.desk_attribute):
            assert kinds.kind(spelling.upper()) is entry
            assert kinds.kind(spelling.replace("_", "-")) is entry
    assert kinds.kind("Liaison assignments").name == "liaison_assignment"
    with pytest.raises(ValidationFailed) as refused:
        kinds.kind("spaceships")
    assert "kind" in refused.value.errors
    with pytest.raises(ValidationFailed):
        kinds.kind("contact_log", kinds.transferable())  # not imported or exported


def test_names_and_search_codes_are_unique() -> None:
    names = [entry.name for entry in kinds.KINDS]
    codes = [entry.search_code for entry in kinds.searchable()]
    assert len(set(names)) == len(names) and len(set(codes)) == len(codes)
    assert all(0 < code < 8 for code in codes)  # the index keeps the code in three bits

"""Printable reports: content from the services (`builders`), layout with Qt (`render`).

Marking rule: per page. Each page's top and bottom banner is the combined marking
(`desk.combined` then `desk.marking`) of the labels of exactly the record blocks and table rows
placed on that page; a row showing two records (participation and person) carries both labels
combined. A page holding no record content is UNCLASSIFIED. Each record's block and each row
starts with its portion mark. The audit extract marks each event at the reader's clearance,
NOFORN (audit events have no label of their own).

`render_report` writes the PDF and appends a ``report`` audit event (name, parameters, record
count, marking of the whole document, pages) in the same call; nothing is audited when the
report could not be produced. Beside the PDF, ``NAME.label.xml`` binds the document's combined
label to its bytes (STANAG 4774 label in a STANAG 4778 binding, `app.services.bindings`); the
label is put in place just before the PDF.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.labels import Label
from app.reports import builders
from app.reports.builders.common import collecting_sources
from app.reports.model import Report
from app.services import bindings
from app.services.errors import FileNotWritten, ValidationFailed
from app.services.printing import producer, record_report

if TYPE_CHECKING:
    from app.services.desk import Desk


@dataclass(frozen=True)
class Parameter:
    """A report parameter: its name (CLI ``--name``), title, and whether it is required."""

    name: str
    title: str
    required: bool = False
    kind: str = "text"  # text, date, exchange, person, nation, status


@dataclass(frozen=True)
class ReportSpec:
    """A report the desk can print: name, title, parameters, builder, who may print it."""

    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    build: Callable[[Desk, dict[str, Any]], Report]
    auditors_only: bool = False


@dataclass(frozen=True)
class ReportResult:
    """What a rendered report held: pages, record count, the document's marking, the markings
    of its pages, and where its label file is."""

    pages: int
    records: int
    marking: str
    page_markings: tuple[str, ...] = ()
    label_file: Path | None = None


EXCHANGE = Parameter("exchange", "Exchange reference", True, "exchange")
REPORTS: dict[str, ReportSpec] = {
    spec.name: spec
    for spec in (
        ReportSpec(
            "exchange-summary",
            "Exchange summary",
            "Details, agreement, costs, participants and outcome of one exchange.",
            (EXCHANGE,),
            builders.exchange_summary,
        ),
        ReportSpec(
            "roster",
            "Participant roster / sign-in sheet",
            "Every participant of one exchange with a signature column.",
            (EXCHANGE,),
            builders.roster,
        ),
        ReportSpec(
            "person",
            "Person record",
            "A person's details and history of exchanges and liaison assignments.",
            (Parameter("person", "Person reference", True, "person"),),
            builders.person,
        ),
        ReportSpec(
            "agreements",
            "Agreements register",
            "All agreements, with those expiring soon first.",
            (
                Parameter("status", "Status", kind="status"),
                Parameter("nation", "Party nation", kind="nation"),
            ),
            lambda desk, params: builders.agreements(desk, params),
        ),
        ReportSpec(
            "liaison-directory",
            "Liaison officer directory",
            "Active tours by host nation and organisation.",
            (Parameter("nation", "Host nation", kind="nation"),),
            builders.liaison_directory,
        ),
        ReportSpec(
            "statistics",
            "Activity statistics",
            "Exchanges in a period by nation, kind and domain; participants; a chart.",
            (
                Parameter("from", "From", kind="date"),
                Parameter("to", "To", kind="date"),
                Parameter("nation", "Host nation", kind="nation"),
            ),
            builders.statistics,
        ),
        ReportSpec(
            "audit",
            "Audit extract",
            "Audit events of a period (auditors and administrators).",
            (Parameter("from", "From", kind="date"), Parameter("to", "To", kind="date")),
            builders.audit_extract,
            auditors_only=True,
        ),
    )
}
PAPERS = ("a4", "letter")


def build_report(desk: Desk, name: str, params: dict[str, Any]) -> Report:
    """The content of a report (no Qt, no audit): for previews and tests."""
    spec = REPORTS.get(name)
    if spec is None:
        raise ValidationFailed(
            {"report": f"unknown report {name!r}; use one of {', '.join(REPORTS)}"}
        )
    known = {p.name for p in spec.parameters}
    unknown = sorted(k for k, v in params.items() if k not in known and v not in (None, ""))
    if unknown:
        raise ValidationFailed(
            {unknown[0]: f"{unknown[0]} is not a parameter of the {name} report"}
        )
    with collecting_sources() as sources:
        report = spec.build(desk, params)
    report.sources = sources
    return report


def _check_complete(partial: Path, out_path: Path) -> None:
    """`FileNotWritten` unless the PDF reached the disk whole: Qt's PDF writer does not report a
    failed write, so the file is flushed (a full disk shows here at the latest) and its end
    looked for."""
    try:
        with open(partial, "rb+") as written:
            os.fsync(written.fileno())
            size = written.seek(0, os.SEEK_END)
            written.seek(max(0, size - 1024))
            whole = size > 0 and b"%%EOF" in written.read()
    except OSError as error:
        whole, reason = False, error.strerror or str(error)
    else:
        reason = "the disk is full or the file was cut short"
    if not whole:
        raise FileNotWritten(
            f"the report could not be written to {out_path.name} ({reason}); nothing was "
            "printed or recorded as printed"
        )


def render_report(
    desk: Desk,
    name: str,
    params: dict[str, Any],
    out_path: str | Path,
    paper: str = "a4",
    now: dt.datetime | None = None,
) -> ReportResult:
    """Build, lay out and write a report as PDF; audited as ``report`` in the same call."""
    from app.reports.render import (  # Qt is loaded only when a report is printed
        Frame,
        Renderer,
        ensure_gui_application,
    )

    paper = (paper or "a4").lower()
    if paper not in PAPERS:
        raise ValidationFailed({"paper": f"paper must be a4 or letter, not {paper!r}"})
    params = {k: v for k, v in params.items() if v not in (None, "")}
    report = build_report(desk, name, params)
    ensure_gui_application()
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)

    def marking(labels: list[Label]) -> tuple[str, int]:
        label = desk.combined(labels)
        return desk.marking(label), label.level

    frame = Frame(marking, producer(desk), now, desk.owner, report.title)
    out_path = Path(out_path)
    partial = out_path.with_name(out_path.name + ".partial")
    staged = None
    try:
        pages = Renderer(report, frame, desk.portion_mark, paper).render(partial)
        _check_complete(partial, out_path)  # before the trail says it was printed
        combined = desk.combined(report.labels())
        overall = desk.marking(combined)
        page_markings = tuple(marking(labels)[0] for labels in pages)
        staged = bindings.stage(partial, out_path, combined, desk.db.scheme, desk.owner)
        record_report(
            desk,
            name,
            {
                "report": name,
                "parameters": {k: str(v) for k, v in params.items()},
                "records": report.records,
                "marking": overall,
                "pages": len(pages),
                "paper": paper,
                "file": out_path.name,
            },
        )
        # the file appears only once its printing is on the trail, and after its label
        label_file = staged.place()
    finally:
        partial.unlink(missing_ok=True)
        if staged is not None:
            staged.discard()
    return ReportResult(len(pages), report.records, overall, page_markings, label_file)


__all__ = ["REPORTS", "ReportResult", "ReportSpec", "Parameter", "build_report", "render_report"]

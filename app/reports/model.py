"""The content of a report, without any Qt: a title, parameters and a list of blocks.

Every piece of record content carries the `Label` of the records it shows, so the renderer can
compute each page's banner from exactly the blocks and rows placed on that page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.domain.declassification import Instruction, derived
from app.domain.labels import Label


@dataclass
class Column:
    """A table column: title, relative width, alignment (``left``/``right``/``center``)."""

    title: str
    weight: float = 1.0
    align: str = "left"


@dataclass
class Row:
    """A table row: its cells and the label of the record(s) it shows (portion-marked)."""

    cells: list[str]
    label: Label | None = None


@dataclass
class Table:
    """Rows under a header that is repeated on every page the table reaches."""

    columns: list[Column]
    rows: list[Row]
    title: str = ""
    row_height_mm: float = 0.0  # minimum row height (sign-in sheets leave room to sign)
    empty_text: str = "None."


@dataclass
class Heading:
    """A section heading; carries no record content and so no label."""

    text: str
    level: int = 1


@dataclass
class Note:
    """A paragraph: unlabelled guidance, or record text when ``label`` is given."""

    text: str
    label: Label | None = None


@dataclass
class RecordBlock:
    """One record: portion mark and title, then field/value pairs, then long texts."""

    label: Label
    title: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    texts: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Chart:
    """A bar chart of counts: categories (e.g. years) by series (e.g. exchange kinds)."""

    title: str
    categories: list[str]
    series: dict[str, list[int]]
    label: Label | None = None
    stacked: bool = True


Block = Table | Heading | Note | RecordBlock | Chart


@dataclass
class Report:
    """A complete report: what was asked for and what it shows."""

    name: str
    title: str
    parameters: list[tuple[str, str]]
    blocks: list[Block]
    records: int = 0
    landscape: bool = False
    subtitle: str = ""
    subject_label: Label | None = None  # label of the record the title block names, if any
    # the declassification instructions of the records it is derived from (`build_report`
    # collects them); False when it also shows what no record covers (counts, audit events)
    sources: list[Instruction] = field(default_factory=list)
    sources_named: bool = True

    def declassification(self, produced: dt.date) -> Instruction:
        """The report's Declassify On: the most restrictive instruction of its sources (the
        most distant date; an event only when all of them are that event), and 25 years after
        it is produced for sources it cannot name (`declassification.derived`)."""
        sources: list[Instruction | None] = list(self.sources)
        if not self.sources_named:
            sources.append(None)
        return derived(sources, produced)

    def labels(self) -> list[Label]:
        """Every label in the report (for the document's overall marking)."""
        found: list[Label] = [] if self.subject_label is None else [self.subject_label]
        for block in self.blocks:
            if isinstance(block, Table):
                found.extend(row.label for row in block.rows if row.label is not None)
            elif isinstance(block, RecordBlock | Chart | Note) and block.label is not None:
                found.append(block.label)
        return found

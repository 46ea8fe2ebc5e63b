"""Search hits as the user sees them: title, marking, portion mark and a highlighted snippet.

Each record is re-read through its kind's access filter before it becomes a `Hit`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, lazyload

from app.database.labels import load_labels
from app.domain.labels import Label
from app.search.engine import SearchEngine
from app.search.query import ParsedQuery
from app.search.query import highlight as highlight_text
from app.search.scope import KINDS, Scope


@dataclass(frozen=True)
class Hit:
    """One search result the user may see."""

    kind: str
    record_id: int
    reference: str
    title: str
    marking: str
    portion_mark: str
    snippet: str
    score: float
    label: Label

    @property
    def key(self) -> str:
        """``kind:id``, stable across runs."""
        return f"{self.kind}:{self.record_id}"

    def as_json(self) -> dict[str, Any]:
        """The CLI's JSON form."""
        return {
            "kind": self.kind,
            "reference": self.reference or None,
            "id": self.record_id,
            "title": self.title,
            "marking": self.marking,
            "portion_mark": self.portion_mark,
            "snippet": self.snippet,
            "score": round(self.score, 4),
        }


def hits_of(
    session: Session,
    scope: Scope,
    engine: SearchEngine,
    parsed: ParsedQuery,
    keys: list[tuple[str, int]],
    scores: dict[tuple[str, int], float],
    highlight: tuple[str, str],
) -> list[Hit]:
    """Hits for keys, in order; each record re-read through its kind's access filter."""
    records: dict[tuple[str, int], Any] = {}
    for kind in {k for k, _ in keys}:
        model = KINDS[kind].model
        ids = [i for k, i in keys if k == kind]
        statement = (
            select(model).where(model.id.in_(ids), *scope.visible(kind)).options(lazyload("*"))
        )  # columns only
        for record in session.scalars(statement):
            records[(kind, record.id)] = record
    keys = [key for key in keys if key in records]
    texts = engine.texts(session, keys)
    snippets = {key: highlight_text(texts.get(key, []), parsed, highlight) for key in keys}
    labels = load_labels(session, {r.label_id for r in records.values()})
    hits = []
    for key in keys:
        record = records[key]
        label = labels[record.label_id]
        hits.append(
            Hit(
                kind=key[0],
                record_id=key[1],
                reference=getattr(record, "reference", "") or "",
                title=title_of(key[0], record),
                marking=scope.desk.marking(label),
                portion_mark=scope.desk.portion_mark(label),
                snippet=snippets.get(key, ""),
                score=scores.get(key, 0.0),
                label=label,
            )
        )
    return hits


def title_of(kind: str, record: Any) -> str:
    """A hit's title: ``MÜLLER, Hans`` for a person, the title, subject or file name otherwise."""
    if kind == "person":
        return f"{record.family_name.upper()}, {record.given_names}".rstrip(", ")
    if kind in ("exchange", "agreement"):
        return record.title
    if kind == "liaison_assignment":
        organisation = f" at {record.host_organisation}" if record.host_organisation else ""
        return (
            f"{record.kind.replace('_', ' ')}, {record.sending_nation} → "
            f"{record.host_nation}{organisation}"
        )
    if kind == "contact_log":
        return f"{record.date.isoformat()} {record.subject}"
    return record.name

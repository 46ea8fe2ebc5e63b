"""Storing labels: each distinct label is one immutable row, shared by every record carrying it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.labels import Label, Release
from app.domain.models import LabelGroup, LabelRelease, LabelRow


def fingerprint(label: Label) -> str:
    """A canonical text for a label: equal labels, equal fingerprints."""
    rel_to, groups = ",".join(sorted(label.rel_to)), ",".join(sorted(label.groups))
    return f"{label.level}|{label.release.value}|{rel_to}|{groups}"


def intern_label(session: Session, label: Label) -> int:
    """The id of the row holding ``label``, written on first use."""
    key = fingerprint(label)
    found = session.scalar(select(LabelRow.id).where(LabelRow.fingerprint == key))
    if found is not None:
        return found
    row = LabelRow(
        level=label.level,
        release=label.release.value,
        fingerprint=key,
        rel_to=[LabelRelease(code=c) for c in sorted(label.rel_to)],
        groups=[LabelGroup(group_name=g) for g in sorted(label.groups)],
    )
    session.add(row)
    session.flush()
    return row.id


def to_label(row: LabelRow) -> Label:
    """The `Label` value of a stored row."""
    return Label(
        level=row.level,
        release=Release(row.release),
        rel_to=frozenset(r.code for r in row.rel_to),
        groups=frozenset(g.group_name for g in row.groups),
    )


def load_labels(session: Session, ids: set[int] | list[int]) -> dict[int, Label]:
    """Labels by id for a set of label ids (one query)."""
    if not ids:
        return {}
    rows = session.scalars(select(LabelRow).where(LabelRow.id.in_(set(ids)))).all()
    return {row.id: to_label(row) for row in rows}

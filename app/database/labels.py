"""Storing labels: each distinct label is one immutable row, shared by every record carrying it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.labels import Label, Release
from app.domain.models import LabelGroup, LabelRelease, LabelRow


def fingerprint(label: Label) -> str:
    """A canonical text for a label: equal labels, equal fingerprints."""
    rel_to, groups = ",".join(sorted(label.rel_to)), ",".join(sorted(label.groups))
    return f"{label.level}|{label.release.value}|{rel_to}|{groups}"


def intern_label(session: Session, label: Label) -> int:
    """The id of the row holding ``label``, written on first use.

    Race-free: two writers using a new label at once both ``INSERT … ON CONFLICT DO NOTHING``;
    on PostgreSQL the second waits for the first and then reads the row it wrote.
    """
    if label.needs:  # a page's combined label, never a record's (`Label.needs`)
        raise ValueError("a combined label with restrictive need-to-know cannot be stored")
    key = fingerprint(label)
    found = session.scalar(select(LabelRow.id).where(LabelRow.fingerprint == key))
    if found is not None:
        return found
    table = LabelRow.__table__
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    new_id = session.execute(
        insert(table)
        .values(level=label.level, release=label.release.value, fingerprint=key)
        .on_conflict_do_nothing(index_elements=[table.c.fingerprint])
        .returning(table.c.id)
    ).scalar()
    if new_id is None:  # another transaction wrote it first
        return session.scalar(select(LabelRow.id).where(LabelRow.fingerprint == key))
    if label.rel_to:
        session.execute(
            LabelRelease.__table__.insert(),
            [{"label_id": new_id, "code": c} for c in sorted(label.rel_to)],
        )
    if label.groups:
        session.execute(
            LabelGroup.__table__.insert(),
            [{"label_id": new_id, "group_name": g} for g in sorted(label.groups)],
        )
    return int(new_id)


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

"""Probable duplicate people: a similar name (transliterations and typos tolerated) plus the same
date of birth, passport number or service number. Only people the user may see are offered.

The name comparison is pure (`app.domain.names.similar_names`); here are the queries that find
the candidates through the people service's access filter.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import literal, or_, select
from sqlalchemy.orm import Session

from app.domain.models import Person
from app.domain.names import similar_names
from app.domain.texts import listed_and, said
from app.security.principal import Actor

if TYPE_CHECKING:
    from app.services.desk import Desk


@dataclass(frozen=True)
class Duplicate:
    """An existing visible person who is probably the same as the one being entered."""

    person_id: int
    reference: str
    title: str
    same: tuple[str, ...]  # "date of birth", "passport number", "service number"

    def warning(self) -> str:
        """The text shown to the coordinator."""
        return said(
            "probable duplicate of {title} ({reference}): similar name, same {same}",
            title=self.title,
            reference=self.reference,
            same=listed_and([SAME_WORDS.get(word, word) for word in self.same]),
        )


# what two people share, in words the window translates
SAME_WORDS = {
    "date of birth": said("date of birth"),
    "passport number": said("passport number"),
    "service number": said("service number"),
}


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date) or value is None:
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()) if str(value).strip() else None
    except ValueError:
        return None


def duplicates_in(
    desk: Desk,
    session: Session,
    actor: Actor,
    values: dict[str, Any],
    exclude_id: int | None = None,
    limit: int = 5,
) -> list[Duplicate]:
    """`probable_duplicates` inside a session the caller holds (used by the people service's
    warnings)."""
    family = str(values.get("family_name") or "").strip()
    given = str(values.get("given_names") or "").strip()
    birth = _as_date(values.get("date_of_birth"))
    passport = str(values.get("passport_number") or "").strip().upper()
    service_number = str(values.get("service_number") or "").strip()
    if not family or not (birth or passport or service_number):
        return []
    visible = list(
        desk.people.visible(actor, listing=True)
    )  # led by an identifier or birth-date index
    if exclude_id is not None:
        visible.append(Person.id != exclude_id)
    same_birth = Person.date_of_birth == birth if birth else literal(False)
    same_passport = Person.passport_number == passport if passport else literal(False)
    same_service = Person.service_number == service_number if service_number else literal(False)
    columns = (
        Person.id,
        Person.reference,
        Person.family_name,
        Person.given_names,
        same_birth,
        same_passport,
        same_service,
    )
    rows = []
    identifiers = [
        c == v
        for c, v in ((Person.passport_number, passport), (Person.service_number, service_number))
        if v
    ]
    if identifiers:
        rows += session.execute(select(*columns).where(or_(*identifiers), *visible).limit(50)).all()
    if birth:  # the birth-date index finds the few people born that day; names are compared here
        rows += session.execute(select(*columns).where(same_birth, *visible).limit(2000)).all()
    found: dict[int, Duplicate] = {}
    for person_id, reference, other_family, other_given, birth_eq, passport_eq, service_eq in rows:
        if person_id in found or not similar_names(family, given, other_family, other_given):
            continue
        same = tuple(
            name
            for name, flag in (
                ("date of birth", birth_eq),
                ("passport number", passport_eq),
                ("service number", service_eq),
            )
            if flag
        )
        if same:
            title = f"{other_family.upper()}, {other_given}".rstrip(", ")
            found[person_id] = Duplicate(person_id, reference, title, same)
    return list(found.values())[:limit]


def probable_duplicates(
    desk: Desk, values: dict[str, Any], exclude_id: int | None = None, limit: int = 5
) -> list[Duplicate]:
    """Existing people the user may see who probably are the person described by ``values``
    (``family_name``, ``given_names`` and any of ``date_of_birth``, ``passport_number``,
    ``service_number``)."""
    with desk.reading() as (session, actor):
        return duplicates_in(desk, session, actor, values, exclude_id, limit)


def warnings_for(desk: Desk, session: Session, actor: Actor, record: Person) -> list[str]:
    """Duplicate warnings for a person just saved (identity values taken only when loaded)."""
    loaded = record.__dict__
    values = {
        "family_name": record.family_name,
        "given_names": record.given_names,
        "date_of_birth": loaded.get("date_of_birth"),
        "passport_number": loaded.get("passport_number"),
        "service_number": loaded.get("service_number"),
    }
    return [d.warning() for d in duplicates_in(desk, session, actor, values, exclude_id=record.id)]


def warnings_for_batch(
    desk: Desk, session: Session, actor: Actor, people: Sequence[Person]
) -> list[list[str]]:
    """`warnings_for` of people just written in bulk, in order: the visible people sharing a birth
    date, passport or service number with any of them are read in one query per 500 values
    (each column is indexed) and the names compared here."""
    identities = [
        (
            p.id,
            p.family_name or "",
            p.given_names or "",
            p.__dict__.get("date_of_birth"),
            (p.__dict__.get("passport_number") or "").upper(),
            p.__dict__.get("service_number") or "",
        )
        for p in people
    ]
    visible = desk.people.visible(
        actor, listing=True
    )  # led by the identifier's index, not the label index
    candidates: dict[tuple[str, Any], list[tuple[int, str, str]]] = defaultdict(list)
    for position, (same, column) in enumerate(_IDENTIFIERS):
        wanted = sorted(
            {identity[3 + position] for identity in identities if identity[3 + position]}
        )
        for start in range(0, len(wanted), 500):
            statement = select(Person.id, Person.family_name, Person.given_names, column).where(
                column.in_(wanted[start : start + 500]), *visible
            )
            for other_id, family, given, value in session.connection().execute(statement):
                candidates[(same, value)].append((other_id, family, given))
    found_for: list[dict[int, tuple[str, list[str]]]] = []
    for person_id, family, given, *values in identities:
        found: dict[int, tuple[str, list[str]]] = {}
        for (same, _column), value in zip(_IDENTIFIERS, values, strict=True):
            for other_id, other_family, other_given in (
                candidates.get((same, value), ()) if value else ()
            ):
                if other_id in found:
                    found[other_id][1].append(same)
                elif other_id != person_id and similar_names(
                    family, given, other_family, other_given
                ):
                    found[other_id] = (
                        f"{other_family.upper()}, {other_given}".rstrip(", "),
                        [same],
                    )
        found_for.append(dict(list(found.items())[:5]))
    wanted_ids = sorted({other_id for found in found_for for other_id in found})
    references: dict[int, str] = {}
    for start in range(0, len(wanted_ids), 500):
        statement = select(Person.id, Person.reference).where(
            Person.id.in_(wanted_ids[start : start + 500])
        )
        references.update(
            (person_id, reference) for person_id, reference in session.execute(statement)
        )
    return [
        [
            Duplicate(other_id, references[other_id], title, tuple(same)).warning()
            for other_id, (title, same) in found.items()
        ]
        for found in found_for
    ]


_IDENTIFIERS = (
    ("date of birth", Person.date_of_birth),
    ("passport number", Person.passport_number),
    ("service number", Person.service_number),
)

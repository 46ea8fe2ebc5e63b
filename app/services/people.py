"""People: participants, instructors, liaison officers and points of contact.

Identity fields (birth, passport, service number, visa) are deferred columns: listings never
load them; `identity` returns them to administrators and coordinators and audits the view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, joinedload, undefer_group

from app.domain.labels import Label
from app.domain.models import Person, PersonLanguage
from app.domain.texts import said
from app.domain.vocab import Service
from app.security import audit
from app.security.principal import Actor
from app.services.base import RecordService
from app.services.duplicates import warnings_for, warnings_for_batch
from app.services.errors import PermissionDenied
from app.services.fields import Field, text_of

IDENTITY_FIELDS = (
    "date_of_birth",
    "place_of_birth",
    "passport_number",
    "passport_expiry",
    "service_number",
    "visa_type",
    "visa_number",
    "visa_expiry",
)


# built once: SQLAlchemy caches their compiled form, which matters for bulk imports
_CLASH = {
    name: select(Person.id)
    .where(
        getattr(Person, name) == bindparam("value"),
        Person.nation_code == bindparam("nation"),
        Person.id != bindparam("own"),
    )
    .limit(1)
    for name in ("passport_number", "service_number")
}


class PeopleService(RecordService[Person]):
    """Create, read, update and archive people; identity views are audited."""

    model = Person
    kind = "person"
    reference_prefix = "P"
    default_sort = ("family_name", "given_names")
    text_columns = ("family_name", "given_names", "original_script_name", "reference", "unit")
    private_fields = frozenset(IDENTITY_FIELDS)
    fields = (
        Field("family_name", "Family name", required=True, max_length=100),
        Field("given_names", "Given names", max_length=150),
        Field("original_script_name", "Name in original script", max_length=200),
        Field("rank", "Rank", max_length=60),
        Field("rank_code", "NATO rank code", kind="rank_code"),
        Field("service", "Service", kind="enum", choices=Service),
        Field("nation_code", "Nation", kind="nation", required=True),
        Field("unit", "Unit / organisation", max_length=200),
        Field("position", "Position", max_length=200),
        Field("email", "E-mail", kind="email"),
        Field("phone", "Phone", max_length=40),
        Field("date_of_birth", "Date of birth", kind="date"),
        Field("place_of_birth", "Place of birth", max_length=120),
        Field("passport_number", "Passport number", kind="passport"),
        Field("passport_expiry", "Passport expiry", kind="date"),
        Field("service_number", "Service number", max_length=30),
        Field("visa_type", "Visa type", max_length=30),
        Field("visa_number", "Visa number", max_length=30),
        Field("visa_expiry", "Visa expiry", kind="date"),
        Field("clearance_level", "Clearance held", kind="int", minimum=0, maximum=9),
        Field("clearance_nation", "Clearance granted by", kind="nation"),
        Field("clearance_expiry", "Clearance expiry", kind="date"),
        Field("languages", "Languages", kind="languages"),
        Field("notes", "Notes", max_length=20000),
    )

    def title(self, record: Person) -> str:
        """``KOWALSKI, Jan`` (family name first, as rosters print it)."""
        return f"{record.family_name.upper()}, {record.given_names}".rstrip(", ")

    def reference_year(self, values: dict[str, Any]) -> int:
        """People references carry the year they were entered."""
        return dt.date.today().year

    def load_options_for_write(self) -> Sequence[Any]:
        """Identity columns are needed to compare before and after; the languages come in the
        same statement."""
        return (undefer_group("identity"), joinedload(Person.languages))

    def check(
        self,
        session: Session,
        actor: Actor,
        values: dict[str, Any],
        record: Person | None,
        errors: dict[str, str],
    ) -> None:
        """Dates in order, clearance within the scheme, unique passport and service numbers."""
        merged = {
            **(
                {}
                if record is None
                else {f.name: self.value_of(record, f.name) for f in self.fields}
            ),
            **values,
        }
        self._check_values(merged, errors)
        for name in ("passport_number", "service_number"):
            value = values.get(name)
            if value:
                clash = session.execute(
                    _CLASH[name],
                    {
                        "value": value,
                        "nation": merged.get("nation_code"),
                        "own": record.id if record else -1,
                    },
                ).first()
                # a clash with a person the user may not see is not reported: it must not reveal
                # them
                if clash is not None and session.scalar(
                    select(Person.id).where(Person.id == clash[0], *self.visible(actor))
                ):
                    errors[name] = self._taken(name, value)

    def check_new(
        self, session: Session, actor: Actor, rows: Sequence[tuple[dict[str, Any], dict[str, str]]]
    ) -> None:
        """`check` for a batch of new people: one query per identifier for the whole batch, and a
        number given twice within the batch is refused the second time."""
        for values, errors in rows:
            self._check_values(values, errors)
        for name in ("passport_number", "service_number"):
            wanted = [
                (values[name], values.get("nation_code"), errors)
                for values, errors in rows
                if values.get(name)
            ]
            stored: set[tuple[str, str]] = set()
            numbers = sorted({number for number, _, _ in wanted})
            column = getattr(Person, name)
            for start in range(0, len(numbers), 500):
                # led by the identifier's index: the label index is kept out of the planner's way
                statement = select(column, Person.nation_code).where(
                    column.in_(numbers[start : start + 500]), *self.visible(actor, listing=True)
                )
                stored.update((number, nation) for number, nation in session.execute(statement))
            seen: set[tuple[str, str]] = set()
            for number, nation, errors in wanted:
                if (number, nation) in stored:
                    errors[name] = self._taken(name, number)
                elif (number, nation) in seen:
                    errors[name] = (
                        f"{self._title_of(name)} {number} is given to another person of this "
                        "nation earlier in the same import"
                    )
                seen.add((number, nation))

    def _check_values(self, merged: dict[str, Any], errors: dict[str, str]) -> None:
        today = dt.date.today()
        birth = merged.get("date_of_birth")
        if birth and birth > today:
            errors["date_of_birth"] = said("Date of birth is in the future")
        if birth and birth < dt.date(1900, 1, 1):
            errors["date_of_birth"] = said("Date of birth is before 1900")
        level = merged.get("clearance_level")
        if level is not None and level > self.desk.db.scheme.top:
            errors["clearance_level"] = said(
                "Clearance held must be 0 to {top}", top=self.desk.db.scheme.top
            )

    def _title_of(self, name: str) -> str:
        return next(f.title for f in self.fields if f.name == name)

    def _taken(self, name: str, value: str) -> str:
        return (
            f"{self._title_of(name)} {value} is already recorded for another person of this nation"
        )

    def apply(self, session: Session, record: Person, values: dict[str, Any]) -> None:
        """Columns as given; languages replace the list."""
        values = dict(values)
        languages = values.pop("languages", None)
        super().apply(session, record, values)
        if languages is not None:
            record.languages = [
                PersonLanguage(language=code, profile=profile) for code, profile in languages
            ]

    def value_of(self, record: Person, name: str) -> Any:
        """Languages as (code, profile) pairs."""
        if name == "languages":
            return [(lang.language, lang.profile) for lang in record.languages]
        return getattr(record, name)

    def snapshot(self, record: Person) -> dict[str, Any]:
        """Field texts; identity fields only when loaded (never loaded just for the audit)."""
        return {
            f.name: text_of(self.value_of(record, f.name))
            for f in self.fields
            if f.name not in IDENTITY_FIELDS or f.name in record.__dict__
        } | self.declassification_texts(record)

    def warnings(self, session: Session, actor: Actor, record: Person, label: Label) -> list[str]:
        """A probable duplicate: a similar name (transliterations too) with the same birth date,
        passport or service number."""
        return warnings_for(self.desk, session, actor, record)

    def warnings_new(
        self, session: Session, actor: Actor, written: Sequence[tuple[Person, Label]]
    ) -> list[list[str]]:
        """Duplicate warnings for a batch just imported, from one query per batch."""
        return warnings_for_batch(self.desk, session, actor, [record for record, _label in written])

    # --- identity ------------------------------------------------------------------------------

    def identity(self, person_id: int) -> dict[str, Any]:
        """The person's identity fields; administrators and coordinators only; audited."""
        with self.desk.writing() as (session, actor):
            if not actor.may_write_records:
                raise PermissionDenied(
                    said("identity details are shown to coordinators and administrators only")
                )
            person = self.get_in(session, actor, person_id, (undefer_group("identity"),))
            audit.record(
                session,
                actor.username,
                "view_identity",
                kind=self.kind,
                record_id=person.id,
                ref=person.reference,
            )
            return {name: getattr(person, name) for name in IDENTITY_FIELDS}

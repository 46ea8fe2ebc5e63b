"""Participations: a person's part in an exchange (role, status, travel documents, feedback).

Decisions where the brief leaves room:

* A participation is visible only when its own label, its exchange (with that exchange's own
  conditions) and its person are all visible. Without a label of its own it takes its exchange's.
* The exchange and the person are given by reference or id and cannot be changed afterwards
  (remove the participation and add a new one).
* Arrival and departure: departure may not be before arrival; the stay must overlap the
  exchange (arriving after it ends or leaving before it starts is an error). Arriving up to
  ``SLACK_DAYS`` (7) days early or leaving up to 7 days late is normal; more draws a warning.
* Status starts *nominated* unless given (any status on creation, for imports and the demo; a
  withdrawn one needs its ``withdrawn_reason``); afterwards it moves only by `change_status`.
* Warnings name the person. Those about passport and visa come from identity fields: they are
  given only to coordinators and administrators, and each time they are given the view is
  audited (``view_identity``), as the people service does. A withdrawn participation draws none.
* Overlapping bookings count only participations (not withdrawn) in exchanges (not cancelled)
  the user may see: a hidden booking is never mentioned.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session, aliased, undefer_group

from app.database.labels import load_labels
from app.domain.labels import Label, Release, expand
from app.domain.models import Exchange, Participation, Person
from app.domain.texts import label_named, said
from app.domain.vocab import (
    PARTICIPATION_MOVES,
    DocumentStatus,
    ExchangeStatus,
    ParticipationRole,
    ParticipationStatus,
)
from app.security import audit
from app.security.policy import label_visible
from app.security.principal import Actor
from app.services.base import STATUS_BY_MOVE, RecordService, Saved
from app.services.errors import NotFound
from app.services.fields import Field
from app.services.reading import Page
from app.services.status import move_status
from app.services.transactions import UNBOOKABLE

SLACK_DAYS = 7
# aliases, built once (building one copies every column): callers join Exchange and Person
# themselves, and auto-correlation must not swallow the visibility subqueries
_TAKEN = (
    "participations taken"  # session.info key during check_new: {(exchange id, person id, role)}
)
_PARENT_EXCHANGE = aliased(Exchange, name="parent_exchange")
_PARENT_PERSON = aliased(Person, name="parent_person")


def person_name(person: Person) -> str:
    """``KOWALSKI, Jan`` as rosters print it."""
    return f"{person.family_name.upper()}, {person.given_names}".rstrip(", ")


class ParticipationService(RecordService[Participation]):
    """Create, read, update and delete participations; status moves along PARTICIPATION_MOVES."""

    model = Participation
    kind = "participation"
    archivable = False
    default_sort = ("id",)
    text_columns = ("role", "status", "feedback_comments", "withdrawn_reason")
    label_parent = ("exchange", "exchanges")
    links = {"exchange": ("exchange_id", Exchange), "person": ("person_id", Person)}
    fields = (
        Field("exchange", "Exchange", required=True, max_length=40),
        Field("person", "Person", required=True, max_length=40),
        Field("role", "Role", kind="enum", choices=ParticipationRole),
        Field("status", "Status", kind="enum", choices=ParticipationStatus),
        Field("withdrawn_reason", "Reason for withdrawal", max_length=5000),
        Field("arrival_date", "Arrival", kind="date"),
        Field("departure_date", "Departure", kind="date"),
        Field("travel_status", "Travel", kind="enum", choices=DocumentStatus),
        Field("visa_status", "Visa", kind="enum", choices=DocumentStatus),
        Field("ito_status", "Invitational travel order", kind="enum", choices=DocumentStatus),
        Field("feedback_score", "Feedback score", kind="int", minimum=1, maximum=5),
        Field("feedback_comments", "Feedback comments", max_length=20000),
    )

    # --- access ----------------------------------------------------------------------------

    def parent_visible(self, actor: Actor) -> list[ColumnElement[bool]]:
        """The exchange (under its own conditions) and the person must be visible too."""
        owner = self.desk.owner
        exchange, person = _PARENT_EXCHANGE, _PARENT_PERSON
        return [
            exists().where(
                exchange.id == Participation.exchange_id,
                *self.desk.exchanges.visible_as(actor, exchange),
            ),
            exists().where(
                person.id == Participation.person_id, label_visible(actor, owner, person.label_id)
            ),
        ]

    def title(self, record: Participation) -> str:
        """``KOWALSKI, Jan in EX-2026-7KQ3M``."""
        return f"{self.value_of(record, 'person_name')} in {self.value_of(record, 'exchange')}"

    # --- writes ----------------------------------------------------------------------------

    def check(
        self,
        session: Session,
        actor: Actor,
        values: dict[str, Any],
        record: Participation | None,
        errors: dict[str, str],
    ) -> None:
        """Exchange and person visible (and fixed once set), one role each, dates in order, status
        by moves."""
        exchange: Exchange | None = (
            session.get(Exchange, record.exchange_id) if record is not None else None
        )
        person_id = record.person_id if record is not None else None
        if "exchange" in values:
            try:
                found = self.desk.exchanges.find_in(session, actor, values["exchange"])
            except NotFound:
                errors["exchange"] = said("Exchange: no exchange {value}", value=values["exchange"])
            else:
                if record is not None and found.id != record.exchange_id:
                    errors["exchange"] = said(
                        "Exchange cannot be changed: remove this participation and add the person "
                        "to the other exchange"
                    )
                elif record is None and found.archived:
                    errors["exchange"] = said(
                        "Exchange {reference} is archived", reference=found.reference
                    )
                exchange = found
                values["exchange"] = found.id
        if "person" in values:
            try:
                person = self.desk.people.find_in(session, actor, values["person"])
            except NotFound:
                errors["person"] = said("Person: no person {value}", value=values["person"])
            else:
                if record is not None and person.id != record.person_id:
                    errors["person"] = said(
                        "Person cannot be changed: remove this participation and add the other "
                        "person"
                    )
                elif record is None and person.archived:
                    errors["person"] = said(
                        "Person {reference} is archived", reference=person.reference
                    )
                person_id = person.id
                values["person"] = person.id
        if record is None and not values.get("role"):
            values["role"] = ParticipationRole.TRAINEE.value
        role = values.get("role") or (record.role if record is not None else None)
        if (
            exchange is not None
            and person_id is not None
            and role
            and "exchange" not in errors
            and "person" not in errors
        ):
            taken = session.info.get(_TAKEN) if record is None else None
            if taken is not None:  # a batch of new participations (check_new)
                everyone, seen = taken
                clash = (exchange.id, person_id, role) in everyone
                shown = (exchange.id, person_id, role) in seen
            else:
                same = (
                    Participation.exchange_id == exchange.id,
                    Participation.person_id == person_id,
                    Participation.role == role,
                    Participation.id != (record.id if record is not None else -1),
                )
                clash = session.scalar(select(Participation.id).where(*same).limit(1)) is not None
                # a participation the user may not see is never confirmed: the refusal says only
                # that the booking cannot be made
                shown = clash and (
                    session.scalar(
                        select(Participation.id).where(*same, *self.visible(actor)).limit(1)
                    )
                    is not None
                )
            if clash:
                errors["role"] = (
                    said(
                        "Role: this person already takes part in {reference} as {role}",
                        reference=exchange.reference,
                        role=label_named(ParticipationRole(role).label, lower=True),
                    )
                    if shown
                    else UNBOOKABLE
                )
        merged = (
            {
                name: getattr(record, name)
                for name in ("arrival_date", "departure_date", "status", "withdrawn_reason")
            }
            if record
            else {}
        )
        merged.update(
            {
                k: v
                for k, v in values.items()
                if k in ("arrival_date", "departure_date", "status", "withdrawn_reason")
            }
        )
        arrival, departure = merged.get("arrival_date"), merged.get("departure_date")
        if arrival and departure and departure < arrival:
            errors["departure_date"] = said(
                "Departure {departure} is before the arrival {arrival}",
                departure=departure.isoformat(),
                arrival=arrival.isoformat(),
            )
        if exchange is not None:
            if arrival and arrival > exchange.end_date:
                errors["arrival_date"] = said(
                    "Arrival {arrival} is after {reference} ends ({end})",
                    arrival=arrival.isoformat(),
                    reference=exchange.reference,
                    end=exchange.end_date.isoformat(),
                )
            if departure and departure < exchange.start_date:
                errors["departure_date"] = said(
                    "Departure {departure} is before {reference} starts ({start})",
                    departure=departure.isoformat(),
                    reference=exchange.reference,
                    start=exchange.start_date.isoformat(),
                )
        if record is None:
            if not values.get("status"):
                values["status"] = ParticipationStatus.NOMINATED.value
            merged["status"] = values["status"]
        elif "status" in values and values["status"] != record.status:
            errors["status"] = STATUS_BY_MOVE
        elif "status" in values:
            values.pop("status")
        if (
            merged.get("status") == ParticipationStatus.WITHDRAWN.value
            and not (merged.get("withdrawn_reason") or "").strip()
        ):
            errors["withdrawn_reason"] = said(
                "Reason for withdrawal is required for a withdrawn participant"
            )

    def check_new(
        self, session: Session, actor: Actor, rows: Sequence[tuple[dict[str, Any], dict[str, str]]]
    ) -> None:
        """`check` for a batch of new participations: the places already taken in the batch's
        exchanges are read in one query, and the same person twice in one role is refused the
        second time."""
        exchange_ids = set()
        for values, _errors in rows:
            try:
                exchange_ids.add(
                    self.desk.exchanges.find_in(session, actor, values.get("exchange") or "").id
                )
            except NotFound:
                pass  # reported by check()
        # the places taken, and those of them the user may see (only these are named)
        everyone: set[tuple[int, int, str]] = set()
        seen: set[tuple[int, int, str]] = set()
        ordered = sorted(exchange_ids)
        for start in range(0, len(ordered), 500):
            statement = select(
                Participation.exchange_id, Participation.person_id, Participation.role
            ).where(Participation.exchange_id.in_(ordered[start : start + 500]))
            everyone.update((e, p, r) for e, p, r in session.execute(statement))
            statement = statement.where(*self.visible(actor))
            seen.update((e, p, r) for e, p, r in session.execute(statement))
        session.info[_TAKEN] = (everyone, seen)
        try:
            for values, errors in rows:
                super().check_new(session, actor, [(values, errors)])
                if not errors:  # the references are ids now
                    place = (values["exchange"], values["person"], values["role"])
                    everyone.add(place)
                    seen.add(place)
        finally:
            session.info.pop(_TAKEN, None)

    def value_of(self, record: Participation, name: str) -> Any:
        """Exchange and person as their references; ``person_name`` as FAMILY, Given."""
        if name == "person_name":
            return self._person_name(record)
        return super().value_of(record, name)

    def _person_name(self, record: Participation) -> str:
        from sqlalchemy.orm import object_session

        statement = select(Person.family_name, Person.given_names).where(
            Person.id == record.person_id
        )
        session = object_session(record)
        if session is not None:
            row = session.execute(statement).first()
        else:
            with self.desk.db.reading() as reader:
                row = reader.execute(statement).first()
        return f"{row[0].upper()}, {row[1]}".rstrip(", ") if row else str(record.person_id)

    def change_status(
        self,
        participation_id: int,
        new_status: Any,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Saved[Participation]:
        """Move along PARTICIPATION_MOVES; withdrawing needs a reason (kept in
        ``withdrawn_reason``); audited."""

        def before_move(
            session: Session,
            record: Participation,
            new: ParticipationStatus,
            reason: str,
            errors: dict[str, str],
        ) -> None:
            if new is ParticipationStatus.WITHDRAWN:
                if not reason:
                    errors["reason"] = said("Withdrawing a participant needs a reason")
                else:
                    record.withdrawn_reason = reason

        return move_status(
            self,
            participation_id,
            new_status,
            PARTICIPATION_MOVES,
            ParticipationStatus,
            reason,
            expected_version,
            before_move,
        )

    # --- warnings --------------------------------------------------------------------------

    def warnings(
        self, session: Session, actor: Actor, record: Participation, label: Label
    ) -> list[str]:
        """Releasability, clearance, passport and visa, overlapping bookings, early or late
        travel."""
        if record.status == ParticipationStatus.WITHDRAWN.value:
            return []
        exchange = session.get(Exchange, record.exchange_id)
        person = session.scalar(
            select(Person).where(Person.id == record.person_id).options(undefer_group("identity"))
        )
        if exchange is None or person is None:
            return []
        name = person_name(person)
        scheme = self.desk.db.scheme
        owner = self.desk.owner
        found: list[str] = []
        exchange_label = load_labels(session, {exchange.label_id})[exchange.label_id]
        if person.nation_code != owner:
            if exchange_label.release is Release.NOFORN:
                found.append(
                    said(
                        "{name} is from {nation}, but {reference} is NOFORN (not releasable to "
                        "foreign nationals)",
                        name=name,
                        nation=person.nation_code,
                        reference=exchange.reference,
                    )
                )
            elif exchange_label.release is Release.REL and person.nation_code not in expand(
                exchange_label.rel_to, self.desk.db.nation_groups()
            ):
                release = ", ".join(sorted(exchange_label.rel_to | {owner}))
                found.append(
                    said(
                        "{name} is from {nation}, but {reference} is releasable only to {release}",
                        name=name,
                        nation=person.nation_code,
                        reference=exchange.reference,
                        release=release,
                    )
                )
        if exchange_label.level > 0:
            if person.clearance_level is None:
                found.append(
                    said(
                        "{name} has no security clearance recorded, but {reference} is {level}",
                        name=name,
                        reference=exchange.reference,
                        level=scheme.name(exchange_label.level),
                    )
                )
            elif person.clearance_level < exchange_label.level:
                found.append(
                    said(
                        "{name} holds a {held} clearance, below {reference}'s {level}",
                        name=name,
                        held=scheme.name(person.clearance_level),
                        reference=exchange.reference,
                        level=scheme.name(exchange_label.level),
                    )
                )
            if person.clearance_expiry and person.clearance_expiry < exchange.end_date:
                found.append(
                    said(
                        "{name}'s clearance expires on {expiry}, before {reference} ends on {end}",
                        name=name,
                        expiry=person.clearance_expiry.isoformat(),
                        reference=exchange.reference,
                        end=exchange.end_date.isoformat(),
                    )
                )
        leaving = record.departure_date or exchange.end_date
        identity: dict[str, str] = {}
        if actor.may_write_records:
            if person.passport_expiry and person.passport_expiry < leaving:
                identity["passport_expiry"] = said(
                    "{name}'s passport expires on {expiry}, before departure on {leaving}",
                    name=name,
                    expiry=person.passport_expiry.isoformat(),
                    leaving=leaving.isoformat(),
                )
            if (
                person.visa_expiry
                and record.visa_status != DocumentStatus.NOT_REQUIRED.value
                and person.visa_expiry < leaving
            ):
                identity["visa_expiry"] = said(
                    "{name}'s visa expires on {expiry}, before departure on {leaving}",
                    name=name,
                    expiry=person.visa_expiry.isoformat(),
                    leaving=leaving.isoformat(),
                )
        if identity:
            audit.record(
                session,
                actor.username,
                "view_identity",
                kind="person",
                record_id=person.id,
                ref=person.reference,
                details={
                    "purpose": "participation warnings",
                    "participation": record.id,
                    "fields": sorted(identity),
                },
            )
            found.extend(identity.values())
        if exchange.status != ExchangeStatus.CANCELLED.value:
            others = session.execute(
                select(Exchange.reference, Exchange.title, Exchange.start_date, Exchange.end_date)
                .join(Participation, Participation.exchange_id == Exchange.id)
                .where(
                    Participation.person_id == record.person_id,
                    Participation.id != record.id,
                    Participation.exchange_id != record.exchange_id,
                    Participation.status != ParticipationStatus.WITHDRAWN.value,
                    Exchange.status != ExchangeStatus.CANCELLED.value,
                    Exchange.start_date <= exchange.end_date,
                    Exchange.end_date >= exchange.start_date,
                    *self.visible(actor),
                )
                .order_by(Exchange.start_date, Exchange.id)
                .limit(5)
            ).all()
            for reference, title, start, end in others:
                found.append(
                    said(
                        "{name} is also booked into {reference} {title} ({start} to {end}), which "
                        "overlaps {exchange}",
                        name=name,
                        reference=reference,
                        title=title,
                        start=start.isoformat(),
                        end=end.isoformat(),
                        exchange=exchange.reference,
                    )
                )
        if record.arrival_date and (exchange.start_date - record.arrival_date).days > SLACK_DAYS:
            found.append(
                said(
                    "{name} arrives on {arrival}, more than {days} days before {reference} starts",
                    name=name,
                    arrival=record.arrival_date.isoformat(),
                    days=SLACK_DAYS,
                    reference=exchange.reference,
                )
            )
        if record.departure_date and (record.departure_date - exchange.end_date).days > SLACK_DAYS:
            found.append(
                said(
                    "{name} leaves on {departure}, more than {days} days after {reference} ends",
                    name=name,
                    departure=record.departure_date.isoformat(),
                    days=SLACK_DAYS,
                    reference=exchange.reference,
                )
            )
        return found

    def warnings_for(self, participation_id: int) -> list[str]:
        """The current warnings of a visible participation (for forms); `NotFound` if hidden."""
        with self.desk.writing() as (session, actor):  # writing: an identity warning is audited
            record = self.get_in(session, actor, participation_id)
            label = load_labels(session, {record.label_id})[record.label_id]
            return self.warnings(session, actor, record, label)

    # --- related panels --------------------------------------------------------------------

    def for_exchange(self, exchange_id: int) -> Page[Participation]:
        """A visible exchange's participations (roster order: family name); `NotFound` if the
        exchange is hidden."""
        self.desk.exchanges.get(exchange_id)
        with self.desk.reading() as (session, actor):
            records = list(
                session.scalars(
                    select(Participation)
                    .join(Person, Person.id == Participation.person_id)
                    .where(Participation.exchange_id == exchange_id, *self.visible(actor))
                    .order_by(Person.family_name, Person.given_names, Participation.id)
                )
            )
            return Page(records, load_labels(session, {r.label_id for r in records}), len(records))

    def for_person(self, person_id: int) -> Page[Participation]:
        """A visible person's participations, latest exchange first; `NotFound` if the person is
        hidden."""
        self.desk.people.get(person_id)
        with self.desk.reading() as (session, actor):
            records = list(
                session.scalars(
                    select(Participation)
                    .join(Exchange, Exchange.id == Participation.exchange_id)
                    .where(Participation.person_id == person_id, *self.visible(actor))
                    .order_by(Exchange.start_date.desc(), Participation.id.desc())
                )
            )
            return Page(records, load_labels(session, {r.label_id for r in records}), len(records))

    def row_labels(self, records: Sequence[Participation]) -> dict[int, Label]:
        """Participation id → the combined label of what a roster or history row shows: the
        participation, its person (the name) and its exchange (the title), so that a panel's
        banner covers the names it prints (issue 14, item 9). One statement."""
        ids = [r.id for r in records]
        if not ids:
            return {}
        with self.desk.db.reading() as session:
            rows = session.execute(
                select(Participation.id, Participation.label_id, Person.label_id, Exchange.label_id)
                .join(Person, Person.id == Participation.person_id)
                .join(Exchange, Exchange.id == Participation.exchange_id)
                .where(Participation.id.in_(ids))
            ).all()
            labels = load_labels(session, {i for row in rows for i in row[1:]})
        return {row[0]: self.desk.combined([labels[i] for i in row[1:]]) for row in rows}


__all__: Sequence[str] = ("ParticipationService", "person_name")

"""One view of what is due: expiring agreements, clearances, passports and visas, tours ending,
contact-log follow-ups, and participants not yet approved close to an exchange's start.

Deadlines follow the dates, not the statuses: a tour still "Planned" ends on its end date like an
"Active" one, and a signed agreement expires like one in force. A status the dates contradict
(a tour past its start still planned, past its end still active; an agreement past its expiry
still in force, past its effective date still only signed) is listed as an item to fix
(``to_fix``), dated when the status should have changed.

Every item comes from a query that carries the access filter of its record kind. Passport and
visa dates are identity fields: they are listed only for coordinators and administrators, and
that listing is audited like any other view of identity fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.database.labels import load_labels
from app.domain.labels import Label
from app.domain.models import (
    Agreement,
    ContactLogEntry,
    Exchange,
    LiaisonAssignment,
    Participation,
    Person,
)
from app.domain.texts import DEADLINE, VOCABULARY, Said
from app.domain.vocab import (
    AgreementStatus,
    ExchangeStatus,
    LiaisonStatus,
    ParticipationStatus,
    label_of,
)
from app.security import audit

if TYPE_CHECKING:
    from app.services.desk import Desk

DEFAULT_LEAD_DAYS = 90
# statuses whose dates still fall due (a draft's dates are not yet agreed; an ended one is over)
LIVE_AGREEMENTS = (AgreementStatus.SIGNED.value, AgreementStatus.IN_FORCE.value)
LIVE_TOURS = (LiaisonStatus.PLANNED.value, LiaisonStatus.ACTIVE.value)

# what falls due, as templates: the window translates them (context ``Deadline``, added to
# the translations by tools/update_translations.py), the command line and reports print them
AGREEMENT_EXPIRED = "Agreement expired; its status is still {status}"
AGREEMENT_EXPIRES = "Agreement expires"
NOTICE_STARTS = "Agreement notice period starts"
AGREEMENT_IN_EFFECT = "Agreement in effect; its status is still Signed"
CLEARANCE_EXPIRES = "Security clearance expires"
PASSPORT_EXPIRES = "Passport expires"
VISA_EXPIRES = "Visa expires"
TOUR_ENDED = "Liaison tour ended; its status is still {status}"
TOUR_STARTED = "Liaison tour started; its status is still Planned"
TOUR_ENDS = "Liaison tour ends"
FOLLOW_UP_DUE = "Follow-up due: {subject}"
NOT_APPROVED = "Participant not yet approved"
TEXTS = (
    AGREEMENT_EXPIRED,
    AGREEMENT_EXPIRES,
    NOTICE_STARTS,
    AGREEMENT_IN_EFFECT,
    CLEARANCE_EXPIRES,
    PASSPORT_EXPIRES,
    VISA_EXPIRES,
    TOUR_ENDED,
    TOUR_STARTED,
    TOUR_ENDS,
    FOLLOW_UP_DUE,
    NOT_APPROVED,
)


class What(Said):
    """What falls due, in English (``Follow-up due: Port visit``), a sentence of the core made
    from a template of `TEXTS` (context ``Deadline``): ``status`` a vocabulary label (translated
    as one), ``subject`` the user's own words."""

    def __new__(cls, template: str, **values: str) -> What:
        if "status" in values:
            values["status"] = Said(values["status"], VOCABULARY)
        return super().__new__(cls, template, DEADLINE, **values)


@dataclass(frozen=True)
class Deadline:
    """Something due on a date, about one record."""

    due: dt.date
    what: What  # e.g. "Passport expires"
    record_kind: str
    record_id: int
    reference: str
    title: str
    label: Label
    to_fix: bool = False  # a status the dates contradict

    @property
    def overdue(self) -> bool:
        """True when the date has passed."""
        return self.due < dt.date.today()


class DeadlineService:
    """Collects deadlines across record kinds, each through its kind's access filter."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def upcoming(
        self, lead_days: int = DEFAULT_LEAD_DAYS, today: dt.date | None = None, limit: int = 2000
    ) -> list[Deadline]:
        """Everything due from (and overdue before) today until ``today + lead_days``, by date."""
        today = today or dt.date.today()
        until = today + dt.timedelta(days=lead_days)
        found: list[tuple[dt.date, str, str, object]] = []
        fixes: set[int] = set()  # ids of the ``found`` entries that are statuses to fix

        def to_fix(due: dt.date, what: str, kind: str, record: object) -> None:
            fixes.add(len(found))
            found.append((due, what, kind, record))

        identity_count = 0
        with self.desk.reading() as (session, actor):
            d = self.desk
            # a notice period may start long before expiry: look a year further and keep what is due
            agreements = session.scalars(
                select(Agreement)
                .where(
                    *d.agreements.visible(actor),
                    Agreement.archived.is_(False),
                    Agreement.status.in_(LIVE_AGREEMENTS),
                    Agreement.expiry_date.is_not(None),
                    Agreement.expiry_date <= until + dt.timedelta(days=366),
                )
                .limit(limit)
            ).all()
            for agreement in agreements:
                expiry = agreement.expiry_date
                status = label_of(AgreementStatus, agreement.status)
                if expiry < today:
                    to_fix(
                        expiry,
                        What(AGREEMENT_EXPIRED, status=status),
                        "agreement",
                        agreement,
                    )
                    continue
                if expiry <= until:
                    found.append((expiry, What(AGREEMENT_EXPIRES), "agreement", agreement))
                notice_starts = expiry - dt.timedelta(days=agreement.notice_period_days or 0)
                if agreement.notice_period_days and notice_starts <= until:
                    found.append((notice_starts, What(NOTICE_STARTS), "agreement", agreement))
            for agreement in session.scalars(
                select(Agreement)
                .where(
                    *d.agreements.visible(actor),
                    Agreement.archived.is_(False),
                    Agreement.status == AgreementStatus.SIGNED.value,
                    Agreement.effective_date.is_not(None),
                    Agreement.effective_date <= today,
                    (Agreement.expiry_date.is_(None)) | (Agreement.expiry_date >= today),
                )
                .limit(limit)
            ):
                to_fix(
                    agreement.effective_date,
                    What(AGREEMENT_IN_EFFECT),
                    "agreement",
                    agreement,
                )
            for person in session.scalars(
                select(Person)
                .where(
                    *d.people.visible(actor),
                    Person.archived.is_(False),
                    Person.clearance_expiry.is_not(None),
                    Person.clearance_expiry <= until,
                )
                .limit(limit)
            ):
                found.append((person.clearance_expiry, What(CLEARANCE_EXPIRES), "person", person))
            if actor.may_write_records:
                for column, what in (
                    (Person.passport_expiry, What(PASSPORT_EXPIRES)),
                    (Person.visa_expiry, What(VISA_EXPIRES)),
                ):
                    rows = session.execute(
                        select(Person, column)
                        .where(
                            *d.people.visible(actor),
                            Person.archived.is_(False),
                            column.is_not(None),
                            column <= until,
                        )
                        .limit(limit)
                    ).all()
                    identity_count += len(rows)
                    found.extend((due, what, "person", person) for person, due in rows)
            for tour in session.scalars(
                select(LiaisonAssignment)
                .where(
                    *d.liaison.visible(actor),
                    LiaisonAssignment.archived.is_(False),
                    LiaisonAssignment.status.in_(LIVE_TOURS),
                    (LiaisonAssignment.start_date <= today)
                    | (
                        LiaisonAssignment.end_date.is_not(None)
                        & (LiaisonAssignment.end_date <= until)
                    ),
                )
                .limit(limit)
            ):
                status = label_of(LiaisonStatus, tour.status)
                ended = tour.end_date is not None and tour.end_date < today
                if ended:
                    to_fix(
                        tour.end_date,
                        What(TOUR_ENDED, status=status),
                        "liaison_assignment",
                        tour,
                    )
                    continue
                if tour.status == LiaisonStatus.PLANNED.value and tour.start_date <= today:
                    to_fix(
                        tour.start_date,
                        What(TOUR_STARTED),
                        "liaison_assignment",
                        tour,
                    )
                if tour.end_date is not None and tour.end_date <= until:
                    found.append((tour.end_date, What(TOUR_ENDS), "liaison_assignment", tour))
            for entry in session.scalars(
                select(ContactLogEntry)
                .where(
                    *d.contact_log.visible(actor),
                    ContactLogEntry.follow_up_done.is_(False),
                    ContactLogEntry.follow_up_due.is_not(None),
                    ContactLogEntry.follow_up_due <= until,
                )
                .limit(limit)
            ):
                found.append(
                    (
                        entry.follow_up_due,
                        What(FOLLOW_UP_DUE, subject=entry.subject),
                        "contact_log",
                        entry,
                    )
                )
            pending = session.execute(
                select(Participation, Exchange, Person)
                .join(Exchange, Exchange.id == Participation.exchange_id)
                .join(Person, Person.id == Participation.person_id)
                .where(
                    *d.participations.visible(actor),
                    Participation.status == ParticipationStatus.NOMINATED.value,
                    Exchange.status.in_(
                        [
                            s.value
                            for s in (
                                ExchangeStatus.PROPOSED,
                                ExchangeStatus.PLANNED,
                                ExchangeStatus.APPROVED,
                            )
                        ]
                    ),
                    Exchange.start_date >= today,
                    Exchange.start_date <= today + dt.timedelta(days=min(lead_days, 30)),
                )
                .limit(limit)
            ).all()
            for participation, exchange, person in pending:
                participation._deadline_title = (
                    f"{person.family_name.upper()}, {person.given_names} — {exchange.reference} "
                    f"{exchange.title}"
                )
                found.append(
                    (
                        exchange.start_date,
                        What(NOT_APPROVED),
                        "participation",
                        participation,
                    )
                )
            labels = load_labels(session, {record.label_id for *_rest, record in found})
        if identity_count:
            with self.desk.writing() as (session, actor):
                audit.record(
                    session,
                    actor.username,
                    "view_identity",
                    kind="person",
                    details={"purpose": "deadlines", "dates_shown": identity_count},
                )
        items = [
            Deadline(
                due,
                what,
                kind,
                record.id,
                getattr(record, "reference", ""),
                _title(kind, record),
                labels[record.label_id],
                number in fixes,
            )
            for number, (due, what, kind, record) in enumerate(found)
        ]
        return sorted(items, key=lambda item: (item.due, item.what, item.reference))


def _title(kind: str, record: object) -> str:
    if kind == "person":
        return f"{record.family_name.upper()}, {record.given_names}".rstrip(", ")
    if kind == "contact_log":
        return record.subject
    if kind == "participation":
        return record._deadline_title
    return getattr(record, "title", "") or getattr(record, "host_organisation", "")

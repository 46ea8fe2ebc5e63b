"""Liaison assignments (liaison officers, defence attachés, exchange officers) and their contact
logs.

An assignment names a person and, optionally, the agreement it runs under: it is visible only when
those are visible too. A contact-log entry is visible only when its assignment is. The person and
the agreement are given by reference or id (``P-2026-000012``, ``MOU-USA-POL-2019-01``, ``12``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import Session, aliased

from app.domain.labels import Label
from app.domain.models import Agreement, ContactLogEntry, LiaisonAssignment, Person
from app.domain.texts import message_of, said
from app.domain.vocab import LIAISON_MOVES, LiaisonKind, LiaisonStatus
from app.security.policy import label_visible
from app.security.principal import Actor
from app.services.base import STATUS_BY_MOVE, RecordService, Saved
from app.services.errors import NotFound
from app.services.fields import Field
from app.services.reading import Page
from app.services.status import move_status

OPEN_TOURS = (LiaisonStatus.PLANNED.value, LiaisonStatus.ACTIVE.value)
EVERYTHING = 1_000_000


class LiaisonService(RecordService[LiaisonAssignment]):
    """Create, read, update and archive liaison assignments; status moves along LIAISON_MOVES."""

    model = LiaisonAssignment
    kind = "liaison_assignment"
    reference_prefix = "LO"
    default_sort = ("-start_date",)
    text_columns = ("reference", "host_organisation", "home_poc", "duties")
    links = {"person": ("person_id", Person), "agreement": ("agreement_id", Agreement)}
    fields = (
        Field("person", "Person", required=True, max_length=40),
        Field("kind", "Kind", kind="enum", choices=LiaisonKind, required=True),
        Field("sending_nation", "Sending nation", kind="nation"),
        Field("host_nation", "Host nation", kind="nation", required=True),
        Field("host_organisation", "Host organisation", max_length=200),
        Field("start_date", "Tour start", kind="date", required=True),
        Field("end_date", "Tour end", kind="date"),
        Field("status", "Status", kind="enum", choices=LiaisonStatus),
        Field("duties", "Duties", max_length=20000),
        Field("agreement", "Agreement", max_length=40),
        Field("disclosure_level", "Disclosure limit (level)", max_length=40),
        Field("disclosure_categories", "Disclosure categories", max_length=2000),
        Field("home_poc", "Home point of contact", max_length=200),
    )

    def parent_visible(self, actor: Actor) -> list[ColumnElement[bool]]:
        """The person, and the agreement when there is one, must be visible too."""
        return self.visible_as(actor, LiaisonAssignment)[1:]

    def visible_as(self, actor: Actor, assignment: Any) -> list[ColumnElement[bool]]:
        """`visible` for an alias of LiaisonAssignment (subqueries of records naming one).

        The person and agreement are aliased so that a caller joining Person or Agreement
        itself does not capture these subqueries.
        """
        owner = self.desk.owner
        person, agreement = aliased(Person), aliased(Agreement)
        return [
            label_visible(actor, owner, assignment.label_id),
            exists().where(
                person.id == assignment.person_id, label_visible(actor, owner, person.label_id)
            ),
            or_(
                assignment.agreement_id.is_(None),
                exists().where(
                    agreement.id == assignment.agreement_id,
                    label_visible(actor, owner, agreement.label_id),
                ),
            ),
        ]

    def reference_year(self, values: dict[str, Any]) -> int:
        """``LO-<tour start year>-NNNN``."""
        start = values.get("start_date")
        return start.year if start else dt.date.today().year

    def title(self, record: LiaisonAssignment) -> str:
        """``LO-2026-3W7QX liaison officer, GBR → USA``."""
        return (
            f"{record.reference} {LiaisonKind(record.kind).label.lower()}, {record.sending_nation} "
            f"→ {record.host_nation}"
        )

    # --- validation ------------------------------------------------------------------------

    def check(
        self,
        session: Session,
        actor: Actor,
        values: dict[str, Any],
        record: LiaisonAssignment | None,
        errors: dict[str, str],
    ) -> None:
        """Person and agreement visible, nations, tour dates in order, disclosure level in
        scheme."""
        person: Person | None = None
        if "person" in values:
            try:
                person = self.desk.people.find_in(session, actor, values["person"])
                values["person"] = person.id
            except NotFound:
                errors["person"] = said("Person: no person {value}", value=values["person"])
        if values.get("agreement"):
            try:
                values["agreement"] = self.desk.agreements.find_in(
                    session, actor, values["agreement"]
                ).id
            except NotFound as missing:  # or a number two visible agreements share
                errors["agreement"] = said("Agreement: {problem}", problem=message_of(missing))
        elif "agreement" in values:
            values["agreement"] = None
        if record is None and not values.get("sending_nation"):
            if person is not None:
                values["sending_nation"] = person.nation_code
            elif "person" not in errors:
                errors["sending_nation"] = said("Sending nation is required")
        if record is not None and "sending_nation" in values and not values["sending_nation"]:
            errors["sending_nation"] = said("Sending nation is required")
        merged = (
            {
                name: getattr(record, name)
                for name in ("sending_nation", "host_nation", "start_date", "end_date")
            }
            if record
            else {}
        )
        merged.update(
            {
                k: v
                for k, v in values.items()
                if k in ("sending_nation", "host_nation", "start_date", "end_date")
            }
        )
        if merged.get("sending_nation") and merged.get("sending_nation") == merged.get(
            "host_nation"
        ):
            errors["host_nation"] = said("Host nation must differ from the sending nation")
        start, end = merged.get("start_date"), merged.get("end_date")
        if start and end and end < start:
            errors["end_date"] = said("Tour end is before the tour start")
        if "disclosure_level" in values:
            raw = values["disclosure_level"]
            if raw == "":
                values["disclosure_level"] = None
            else:
                try:
                    level = int(raw) if raw.strip().isdecimal() else self.desk.db.scheme.parse(raw)
                except ValueError:
                    level = -1
                if not 0 <= level <= self.desk.db.scheme.top:
                    errors["disclosure_level"] = said(
                        "Disclosure limit must be a level of this database's scheme (0 to {top}, "
                        "or a name such as {example})",
                        top=self.desk.db.scheme.top,
                        example=self.desk.db.scheme.names[-2],
                    )
                else:
                    values["disclosure_level"] = level
        if record is not None and "status" in values and values["status"] != record.status:
            errors["status"] = STATUS_BY_MOVE
        if record is None and "status" in values and not values["status"]:
            values.pop("status")

    def warnings(
        self, session: Session, actor: Actor, record: LiaisonAssignment, label: Label
    ) -> list[str]:
        """Overlapping open tours of the same person; sending nation or clearance not matching."""
        found: list[str] = []
        if record.status in OPEN_TOURS:
            overlap = [
                LiaisonAssignment.person_id == record.person_id,
                LiaisonAssignment.id != record.id,
                LiaisonAssignment.status.in_(OPEN_TOURS),
                LiaisonAssignment.archived.is_(False),
                or_(
                    LiaisonAssignment.end_date.is_(None),
                    LiaisonAssignment.end_date >= record.start_date,
                ),
                *self.visible(actor),
            ]
            if record.end_date is not None:
                overlap.append(LiaisonAssignment.start_date <= record.end_date)
            for other in session.scalars(
                select(LiaisonAssignment)
                .where(*overlap)
                .order_by(LiaisonAssignment.start_date)
                .limit(5)
            ):
                found.append(
                    said(
                        "the tour overlaps {reference} ({start} to {end}) of the same person",
                        reference=other.reference,
                        start=other.start_date.isoformat(),
                        end=other.end_date.isoformat(),
                    )
                    if other.end_date
                    else said(
                        "the tour overlaps {reference} ({start} to open-ended) of the same person",
                        reference=other.reference,
                        start=other.start_date.isoformat(),
                    )
                )
        person = session.get(Person, record.person_id)
        if person is not None and person.nation_code != record.sending_nation:
            found.append(
                said(
                    "the person is from {nation} but the sending nation is {sending}",
                    nation=person.nation_code,
                    sending=record.sending_nation,
                )
            )
        if (
            person is not None
            and record.disclosure_level is not None
            and person.clearance_level is not None
            and record.disclosure_level > person.clearance_level
        ):
            scheme = self.desk.db.scheme
            found.append(
                said(
                    "the disclosure limit {limit} is above the clearance the person holds "
                    "({clearance})",
                    limit=scheme.name(record.disclosure_level),
                    clearance=scheme.name(person.clearance_level),
                )
            )
        return found

    # --- lifecycle and lookups -------------------------------------------------------------

    def change_status(
        self,
        assignment_id: int,
        status: Any,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Saved[LiaisonAssignment]:
        """Move along LIAISON_MOVES (planned → active → ended); audited as ``status_change``."""
        return move_status(
            self, assignment_id, status, LIAISON_MOVES, LiaisonStatus, reason, expected_version
        )

    def for_person(self, person_id: int) -> Page[LiaisonAssignment]:
        """A visible person's assignments (not archived), newest tour first."""
        self.desk.people.get(person_id)
        return self.list({"person_id": person_id}, sort=["-start_date"], limit=EVERYTHING)

    def ending(
        self, within_days: int, today: dt.date | None = None
    ) -> list[tuple[LiaisonAssignment, Label]]:
        """Open tours ending from today within ``within_days`` days, soonest first."""
        today = today or dt.date.today()
        page = self.list(
            {
                "status__in": list(OPEN_TOURS),
                "end_date__gte": today,
                "end_date__lte": today + dt.timedelta(days=within_days),
            },
            sort=["end_date"],
            limit=EVERYTHING,
        )
        return [(r, page.labels[r.label_id]) for r in page.records]


class ContactLogService(RecordService[ContactLogEntry]):
    """Engagements logged under a liaison assignment; deleted rather than archived."""

    model = ContactLogEntry
    kind = "contact_log"
    archivable = False
    default_sort = ("-date",)
    text_columns = ("subject", "counterparts", "summary")
    label_parent = ("assignment", "liaison")
    links = {"assignment": ("assignment_id", LiaisonAssignment)}
    fields = (
        Field("assignment", "Assignment", required=True, max_length=40),
        Field("date", "Date", kind="date", required=True),
        Field("counterparts", "Counterparts", max_length=300),
        Field("subject", "Subject", required=True, max_length=250),
        Field("summary", "Summary", max_length=20000),
        Field("follow_up_due", "Follow-up due", kind="date"),
        Field("follow_up_done", "Follow-up done", kind="bool"),
    )

    def parent_visible(self, actor: Actor) -> list[ColumnElement[bool]]:
        """The assignment (and so its person and agreement) must be visible."""
        return self.visible_as(actor, ContactLogEntry)[1:]

    def visible_as(self, actor: Actor, entry: Any) -> list[ColumnElement[bool]]:
        """`visible` for an alias of ContactLogEntry (attachments' subqueries)."""
        assignment = aliased(LiaisonAssignment)
        return [
            label_visible(actor, self.desk.owner, entry.label_id),
            exists().where(
                assignment.id == entry.assignment_id,
                *self.desk.liaison.visible_as(actor, assignment),
            ),
        ]

    def title(self, record: ContactLogEntry) -> str:
        """``LO-2026-3W7QX 2026-03-14 Port visit planning``."""
        return (
            f"{self.value_of(record, 'assignment')} {record.date.isoformat()} {record.subject}"
        ).strip()

    def check(
        self,
        session: Session,
        actor: Actor,
        values: dict[str, Any],
        record: ContactLogEntry | None,
        errors: dict[str, str],
    ) -> None:
        """Assignment visible; follow-up not before the engagement."""
        if "assignment" in values:
            try:
                values["assignment"] = self.desk.liaison.find_in(
                    session, actor, values["assignment"]
                ).id
            except NotFound:
                errors["assignment"] = said(
                    "Assignment: no liaison assignment {value}", value=values["assignment"]
                )
        date = values.get("date", record.date if record else None)
        due = values.get("follow_up_due", record.follow_up_due if record else None)
        if date and due and due < date:
            errors["follow_up_due"] = said("Follow-up due is before the date of the engagement")

    def warnings(
        self, session: Session, actor: Actor, record: ContactLogEntry, label: Label
    ) -> list[str]:
        """An engagement dated outside the tour."""
        assignment = session.get(LiaisonAssignment, record.assignment_id)
        if assignment is None:
            return []
        if record.date < assignment.start_date or (
            assignment.end_date and record.date > assignment.end_date
        ):
            return [
                said(
                    "the engagement on {date} is outside the tour of {reference}",
                    date=record.date.isoformat(),
                    reference=assignment.reference,
                )
            ]
        return []

    def for_assignment(self, assignment_id: int) -> Page[ContactLogEntry]:
        """A visible assignment's log, newest first; `NotFound` if the assignment is hidden."""
        self.desk.liaison.get(assignment_id)
        return self.list({"assignment_id": assignment_id}, sort=["-date"], limit=EVERYTHING)

    def follow_ups_due(self, until: dt.date) -> Page[ContactLogEntry]:
        """Open follow-ups due on or before ``until``, soonest first."""
        return self.list(
            {"follow_up_done": False, "follow_up_due__lte": until},
            sort=["follow_up_due"],
            limit=EVERYTHING,
        )


__all__: Sequence[str] = ("ContactLogService", "LiaisonService")

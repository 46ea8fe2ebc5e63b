"""SQLAlchemy 2 models of every record in domain.md.

Every labelled record points at a row of `labels`: labels are immutable values, interned once and
shared, so the access filter is one indexed ``label_id IN (visible labels)`` per query.
Enumerations are stored as their string values (see `app.domain.vocab`); dates are ``Date``,
instants are UTC ``DateTime``. Nothing here is SQLite-specific.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    declared_attr,
    deferred,
    mapped_column,
    relationship,
)

from app.domain.declassification import EVENT_LENGTH

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """The current instant in UTC, naive (stored as UTC everywhere)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations name constraints stably."""

    metadata = MetaData(naming_convention=NAMING)


# --- the database itself ---------------------------------------------------------------------


class Setting(Base):
    """Key/value facts about this database: owning nation, scheme, audit head."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ReferenceCounter(Base):
    """Next number for human-readable references per prefix and year, and the secret that
    turns it into a suffix nobody can count (`app.domain.references`, EX-2026-7KQ3M)."""

    __tablename__ = "reference_counters"
    prefix: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)
    # hex of 16 random bytes, drawn with the row (revision 0014; NULL only in a row of an older
    # schema until it is next counted)
    secret: Mapped[str | None] = mapped_column(String(32))


# --- nations and groups ----------------------------------------------------------------------


class Nation(Base):
    """A nation by ISO 3166-1 alpha-3 code, loaded from pycountry."""

    __tablename__ = "nations"
    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))


class NationGroup(Base):
    """A named set of nations used in REL TO lines (FVEY, NATO, or one an admin defines)."""

    __tablename__ = "nation_groups"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    members: Mapped[list[NationGroupMember]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )


class NationGroupMember(Base):
    """One nation's membership of a nation group."""

    __tablename__ = "nation_group_members"
    group_code: Mapped[str] = mapped_column(
        ForeignKey("nation_groups.code", ondelete="CASCADE"), primary_key=True
    )
    nation_code: Mapped[str] = mapped_column(
        ForeignKey("nations.code"), primary_key=True, index=True
    )


class NeedToKnowGroup(Base):
    """A compartment: records in it are seen only by its members."""

    __tablename__ = "ntk_groups"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    description: Mapped[str] = mapped_column(Text, default="")


# --- labels ----------------------------------------------------------------------------------


class LabelRow(Base):
    """An interned classification label; never changed once written, shared by many records."""

    __tablename__ = "labels"
    __table_args__ = (
        UniqueConstraint("fingerprint"),
        CheckConstraint("release IN ('ALL', 'REL', 'NOFORN')", name="release"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    level: Mapped[int] = mapped_column(Integer)
    release: Mapped[str] = mapped_column(String(8))
    fingerprint: Mapped[str] = mapped_column(String(600))
    rel_to: Mapped[list[LabelRelease]] = relationship(lazy="selectin", cascade="all")
    groups: Mapped[list[LabelGroup]] = relationship(lazy="selectin", cascade="all")


class LabelRelease(Base):
    """One nation or nation-group code in a label's REL TO list."""

    __tablename__ = "label_releases"
    label_id: Mapped[int] = mapped_column(ForeignKey("labels.id"), primary_key=True)
    code: Mapped[str] = mapped_column(String(16), primary_key=True, index=True)


class LabelGroup(Base):
    """One need-to-know group of a label."""

    __tablename__ = "label_groups"
    label_id: Mapped[int] = mapped_column(ForeignKey("labels.id"), primary_key=True)
    group_name: Mapped[str] = mapped_column(ForeignKey("ntk_groups.name"), primary_key=True)


class Labelled:
    """Columns every classified record has: its label and who wrote it when."""

    label_id: Mapped[int] = mapped_column(ForeignKey("labels.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    row_version: Mapped[int] = mapped_column(Integer, default=1)
    # declassification date beside the label (revision 0013); None: 25 years after creation
    # (`app.domain.declassification.effective`)
    declassify_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True, default=None)
    # or the event that declassifies it, within those 25 years (revision 0017), never both
    declassify_event: Mapped[str | None] = mapped_column(
        String(EVENT_LENGTH), nullable=True, default=None
    )
    # an exemption from declassification at 25 years (revision 0020, `vocab.Exemption`): 25X
    # beside a date or an event (50 years), 50X alone (75 years)
    declassify_exemption: Mapped[str | None] = mapped_column(
        String(16), nullable=True, default=None
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 (declarative passes the class)
        """``row_version`` is SQLAlchemy's version counter: every ORM ``UPDATE``/``DELETE`` of a
        labelled row says ``WHERE id = ? AND row_version = <the version read>`` and sets the next
        one, so a stale write matches no row and raises ``StaleDataError`` (no schema change)."""
        return {"version_id_col": cls.row_version}


# --- users -----------------------------------------------------------------------------------


class User(Base):
    """Someone who logs in: role, clearance, nationality and need-to-know groups."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120), default="")
    # deferred: a user role on a server may not read it (column grants, revision 0008), so no
    # ordinary load of a user asks for it; reading the attribute loads it (login, on SQLite)
    password_hash: Mapped[str] = deferred(mapped_column(String(255), nullable=False))
    role: Mapped[str] = mapped_column(String(16))
    clearance: Mapped[int] = mapped_column(Integer)
    nation_code: Mapped[str] = mapped_column(ForeignKey("nations.code"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_login: Mapped[dt.datetime | None] = mapped_column(DateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    groups: Mapped[list[UserGroup]] = relationship(lazy="selectin", cascade="all, delete-orphan")


class UserGroup(Base):
    """A user's membership of a need-to-know group."""

    __tablename__ = "user_groups"
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    group_name: Mapped[str] = mapped_column(ForeignKey("ntk_groups.name"), primary_key=True)


# --- people ----------------------------------------------------------------------------------


class Person(Labelled, Base):
    """Anyone the office deals with: participant, instructor, liaison officer, contact."""

    __tablename__ = "people"
    __table_args__ = (
        # the name sort, covering the access filter: a page deep in the list skips rows in the index
        # alone
        Index("ix_people_name", "family_name", "given_names", "id", "label_id", "archived"),
        Index("ix_people_nation_name", "nation_code", "family_name"),
        Index(
            "ix_people_label_archived", "label_id", "archived"
        ),  # visible counts from the index alone
        # duplicate checks: the people born on given days, their names and labels, from the index
        # alone
        Index(
            "ix_people_date_of_birth",
            "date_of_birth",
            "family_name",
            "given_names",
            "label_id",
            "archived",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    family_name: Mapped[str] = mapped_column(String(100))
    given_names: Mapped[str] = mapped_column(String(150), default="")
    original_script_name: Mapped[str] = mapped_column(String(200), default="")
    rank: Mapped[str] = mapped_column(String(60), default="")
    rank_code: Mapped[str] = mapped_column(String(10), default="")
    service: Mapped[str] = mapped_column(String(16), default="")
    nation_code: Mapped[str] = mapped_column(ForeignKey("nations.code"))
    unit: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    # identity: sensitive, loaded only on request (and that request is audited)
    date_of_birth: Mapped[dt.date | None] = deferred(mapped_column(Date), group="identity")
    place_of_birth: Mapped[str] = deferred(mapped_column(String(120), default=""), group="identity")
    passport_number: Mapped[str] = deferred(
        mapped_column(String(20), default="", index=True), group="identity"
    )
    passport_expiry: Mapped[dt.date | None] = deferred(mapped_column(Date), group="identity")
    service_number: Mapped[str] = deferred(
        mapped_column(String(30), default="", index=True), group="identity"
    )
    visa_type: Mapped[str] = deferred(mapped_column(String(30), default=""), group="identity")
    visa_number: Mapped[str] = deferred(mapped_column(String(30), default=""), group="identity")
    visa_expiry: Mapped[dt.date | None] = deferred(mapped_column(Date), group="identity")
    clearance_level: Mapped[int | None] = mapped_column(Integer)
    clearance_nation: Mapped[str | None] = mapped_column(ForeignKey("nations.code"))
    clearance_expiry: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    languages: Mapped[list[PersonLanguage]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="PersonLanguage.language"
    )


class PersonLanguage(Base):
    """A language a person speaks, with a STANAG 6001 profile such as ``3/3/2/2``."""

    __tablename__ = "person_languages"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(3), primary_key=True)  # ISO 639-3
    profile: Mapped[str] = mapped_column(String(11), default="")  # up to 3+/3+/3+/3+


# --- agreements ------------------------------------------------------------------------------


class Agreement(Labelled, Base):
    """A cooperation instrument (MOU, technical arrangement, SOFA, ...) exchanges run under."""

    __tablename__ = "agreements"
    __table_args__ = (
        Index("ix_agreements_status_expiry", "status", "expiry_date"),
        Index("ix_agreements_label_archived", "label_id", "archived"),
        # an agreement's number is unique under its label, not in the installation (revision
        # 0016): a number taken under a label the writer cannot read must not be refused
        UniqueConstraint("reference", "label_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(250))
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    signed_date: Mapped[dt.date | None] = mapped_column(Date)
    effective_date: Mapped[dt.date | None] = mapped_column(Date)
    expiry_date: Mapped[dt.date | None] = mapped_column(Date)
    renewal_terms: Mapped[str] = mapped_column(Text, default="")
    notice_period_days: Mapped[int | None] = mapped_column(Integer)
    scope: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    parties: Mapped[list[AgreementParty]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="AgreementParty.nation_code"
    )
    signatories: Mapped[list[Signatory]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="Signatory.id"
    )
    quotas: Mapped[list[Quota]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="Quota.year"
    )


class AgreementParty(Base):
    """A nation party to an agreement."""

    __tablename__ = "agreement_parties"
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True
    )
    nation_code: Mapped[str] = mapped_column(
        ForeignKey("nations.code"), primary_key=True, index=True
    )


class Signatory(Base):
    """Who signed an agreement, for which nation, when."""

    __tablename__ = "signatories"
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(150))
    title: Mapped[str] = mapped_column(String(150), default="")
    nation_code: Mapped[str] = mapped_column(ForeignKey("nations.code"))
    date_signed: Mapped[dt.date | None] = mapped_column(Date)


class Quota(Base):
    """Annual allotment under an agreement: seats or billets per year and direction."""

    __tablename__ = "quotas"
    __table_args__ = (UniqueConstraint("agreement_id", "year", "direction", "category"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    direction: Mapped[str] = mapped_column(String(10))
    category: Mapped[str] = mapped_column(String(60), default="course seats")
    allotted: Mapped[int] = mapped_column(Integer)


# --- exchanges -------------------------------------------------------------------------------


class Exchange(Labelled, Base):
    """One training exchange activity: a course seat, an exercise, a tour, a visit."""

    __tablename__ = "exchanges"
    __table_args__ = (
        Index(
            "ix_exchanges_start", "start_date", "id", "label_id", "archived", "agreement_id"
        ),  # covers listing
        Index("ix_exchanges_status_start", "status", "start_date"),
        Index("ix_exchanges_host_start", "host_nation", "start_date"),
        Index("ix_exchanges_label_archived", "label_id", "archived"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(250))
    kind: Mapped[str] = mapped_column(String(30))
    program: Mapped[str] = mapped_column(String(120), default="")
    host_nation: Mapped[str] = mapped_column(ForeignKey("nations.code"))
    location: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"), index=True)
    lead_coordinator: Mapped[str] = mapped_column(String(64), default="")
    objectives: Mapped[str] = mapped_column(Text, default="")
    budget_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    budget_currency: Mapped[str] = mapped_column(String(3), default="")
    outcome_summary: Mapped[str] = mapped_column(Text, default="")
    lessons_learned: Mapped[str] = mapped_column(Text, default="")
    outcome_rating: Mapped[int | None] = mapped_column(Integer)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    partners: Mapped[list[ExchangePartner]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="ExchangePartner.nation_code"
    )
    domains: Mapped[list[ExchangeDomain]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="ExchangeDomain.domain"
    )
    costs: Mapped[list[CostLine]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="CostLine.id"
    )


class ExchangePartner(Base):
    """A partner nation of an exchange."""

    __tablename__ = "exchange_partners"
    exchange_id: Mapped[int] = mapped_column(
        ForeignKey("exchanges.id", ondelete="CASCADE"), primary_key=True
    )
    nation_code: Mapped[str] = mapped_column(
        ForeignKey("nations.code"), primary_key=True, index=True
    )


class ExchangeDomain(Base):
    """A domain (land, maritime, air, cyber, space, joint) of an exchange."""

    __tablename__ = "exchange_domains"
    exchange_id: Mapped[int] = mapped_column(
        ForeignKey("exchanges.id", ondelete="CASCADE"), primary_key=True
    )
    domain: Mapped[str] = mapped_column(String(12), primary_key=True)


class CostLine(Base):
    """A budget line of an exchange: travel, lodging, tuition, ..."""

    __tablename__ = "cost_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    exchange_id: Mapped[int] = mapped_column(
        ForeignKey("exchanges.id", ondelete="CASCADE"), index=True
    )
    category: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(String(200), default="")
    amount: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    currency: Mapped[str] = mapped_column(String(3))


class Participation(Labelled, Base):
    """A person's part in an exchange: role, status, travel documents, feedback."""

    __tablename__ = "participations"
    __table_args__ = (
        UniqueConstraint("exchange_id", "person_id", "role"),
        Index("ix_participations_person", "person_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    exchange_id: Mapped[int] = mapped_column(ForeignKey("exchanges.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    role: Mapped[str] = mapped_column(String(16), default="trainee")
    status: Mapped[str] = mapped_column(String(20), default="nominated")
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")
    arrival_date: Mapped[dt.date | None] = mapped_column(Date)
    departure_date: Mapped[dt.date | None] = mapped_column(Date)
    travel_status: Mapped[str] = mapped_column(String(16), default="pending")
    visa_status: Mapped[str] = mapped_column(String(16), default="not_required")
    ito_status: Mapped[str] = mapped_column(String(16), default="pending")
    feedback_score: Mapped[int | None] = mapped_column(Integer)
    feedback_comments: Mapped[str] = mapped_column(Text, default="")


# --- liaison ---------------------------------------------------------------------------------


class LiaisonAssignment(Labelled, Base):
    """A person posted as liaison officer, defence attaché or exchange officer."""

    __tablename__ = "liaison_assignments"
    __table_args__ = (
        Index("ix_liaison_host_status", "host_nation", "status"),
        Index("ix_liaison_label_archived", "label_id", "archived"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    sending_nation: Mapped[str] = mapped_column(ForeignKey("nations.code"))
    host_nation: Mapped[str] = mapped_column(ForeignKey("nations.code"))
    host_organisation: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="planned")
    duties: Mapped[str] = mapped_column(Text, default="")
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("agreements.id"), index=True)
    disclosure_level: Mapped[int | None] = mapped_column(Integer)
    disclosure_categories: Mapped[str] = mapped_column(Text, default="")
    home_poc: Mapped[str] = mapped_column(String(200), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class ContactLogEntry(Labelled, Base):
    """One engagement of a liaison officer: when, with whom, about what, follow-up."""

    __tablename__ = "contact_log"
    __table_args__ = (Index("ix_contact_log_assignment_date", "assignment_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("liaison_assignments.id", ondelete="CASCADE")
    )
    date: Mapped[dt.date] = mapped_column(Date)
    counterparts: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(250))
    summary: Mapped[str] = mapped_column(Text, default="")
    follow_up_due: Mapped[dt.date | None] = mapped_column(Date, index=True)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)


# --- attachments -----------------------------------------------------------------------------


class Attachment(Labelled, Base):
    """A file attached to a record, content kept in the database and checked by SHA-256."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_record", "record_kind", "record_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    record_kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(120), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))


# --- audit -----------------------------------------------------------------------------------


# what a stored time that cannot be read (a damaged or edited file) reads as: the event's link
# no longer matches, so verification reports it as changed, and lists show it, never a traceback
UNREADABLE_TIME = dt.datetime(1, 1, 1)


_STORED_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?")


class ReadableTime(TypeDecorator):
    """A DateTime that reads a malformed stored value as `UNREADABLE_TIME` instead of raising."""

    impl = DateTime
    cache_ok = True

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        """The DateTime reader, made total."""
        parse = self.impl_instance.result_processor(dialect, coltype)
        if parse is None:
            return None

        def read(value: Any) -> Any:
            # only the form SQLite is given (Python's parser takes any separator and a comma
            # for the point: a flipped bit there would read as the same instant)
            if isinstance(value, str) and not _STORED_TIME.fullmatch(value):
                return UNREADABLE_TIME
            try:
                return parse(value)
            except (ValueError, TypeError, OverflowError):
                return UNREADABLE_TIME

        return read


class AuditEvent(Base):
    """One security-relevant event; each carries the hash of the previous one."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_record", "record_kind", "record_id"),
        Index("ix_audit_events_at", "at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(ReadableTime)
    username: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(32), index=True)
    record_kind: Mapped[str] = mapped_column(String(20), default="")
    record_id: Mapped[int | None] = mapped_column(Integer)
    record_ref: Mapped[str] = mapped_column(String(40), default="")
    outcome: Mapped[str] = mapped_column(String(16), default="success")
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


LABELLED_MODELS: tuple[type[Labelled], ...] = (
    Person,
    Agreement,
    Exchange,
    Participation,
    LiaisonAssignment,
    ContactLogEntry,
    Attachment,
)


# --- search ----------------------------------------------------------------------------------


class SavedSearch(Base):
    """A user's named search: query text, kinds and filters, and what it matched when last run."""

    __tablename__ = "saved_searches"
    __table_args__ = (UniqueConstraint("username", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(120))
    query: Mapped[str] = mapped_column(Text, default="")
    kinds: Mapped[str] = mapped_column(String(200), default="")  # space-separated record kinds
    filters: Mapped[str] = mapped_column(Text, default="{}")  # JSON object
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_run_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_matches: Mapped[str] = mapped_column(
        Text, default="[]"
    )  # JSON list of "kind:id" seen last run

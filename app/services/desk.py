"""The desk: one logged-in user's door to every service.

A `Desk` knows the database and who is acting. Each call opens a short session, reads the
user's row afresh (a clearance lowered or an account deactivated takes effect at once), and
hands service code the session and the `Actor`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.database.engine import Database
from app.domain import labels as marks
from app.domain.labels import Label
from app.domain.marking_check import check_banner
from app.domain.models import NeedToKnowGroup, User
from app.domain.texts import message_of, said
from app.security.auth import actor_of
from app.security.principal import Actor
from app.services.errors import PermissionDenied, ValidationFailed
from app.services.transactions import translated

if TYPE_CHECKING:
    from app.services.agreements import AgreementService
    from app.services.attachments import AttachmentService
    from app.services.audit_trail import AuditTrailService
    from app.services.deadlines import DeadlineService
    from app.services.exchanges import ExchangeService
    from app.services.liaison import ContactLogService, LiaisonService
    from app.services.participations import ParticipationService
    from app.services.people import PeopleService
    from app.services.saved_searches import SavedSearchService
    from app.services.users import UserService


COMBINED_KEPT = 16  # banners remembered per desk


class Desk:
    """A user's session with a database: the services, markings and label parsing."""

    def __init__(self, database: Database, username: str) -> None:
        self.db = database
        self.username = username
        # the last banners combined (`combined`): a list's banner is combined again at every
        # scroll, from the same thousands of labels
        self._combined: dict[tuple[frozenset[Label], frozenset[Any]], Label] = {}
        self._combined_lock = threading.Lock()  # the window's thread and its workers

    # --- sessions ------------------------------------------------------------------------

    def _actor(self, session: Session) -> Actor:
        # the user and their groups in one statement (every transaction starts with it)
        statement = (
            select(User).where(User.username == self.username).options(joinedload(User.groups))
        )
        user = session.execute(statement).unique().scalar_one_or_none()
        if user is None or not user.active:
            raise PermissionDenied(said("your account is no longer active; log in again"))
        return actor_of(user)

    @contextmanager
    def reading(self) -> Iterator[tuple[Session, Actor]]:
        """A read session and the current actor; a database failure is a `ServiceError`."""
        with translated(), self.db.reading() as session:
            yield session, self._actor(session)

    @contextmanager
    def snapshot(self) -> Iterator[tuple[Session, Actor]]:
        """A read session that sees one snapshot throughout (`Database.snapshot`), and the
        actor."""
        with self.db.snapshot() as session:
            yield session, self._actor(session)

    @contextmanager
    def writing(self) -> Iterator[tuple[Session, Actor]]:
        """A write transaction and the current actor; commits when the block ends. A database
        failure is a `ServiceError` (the write methods are `retried` once where that is safe)."""
        with translated(), self.db.writing() as session:
            yield session, self._actor(session)

    def actor(self) -> Actor:
        """The acting user as the policy sees them now."""
        with self.reading() as (_session, actor):
            return actor

    # --- markings ------------------------------------------------------------------------

    @property
    def owner(self) -> str:
        """The owning nation of this database."""
        return self.db.owner

    def marking(self, label: Label) -> str:
        """Banner text of a label, e.g. ``SECRET//REL TO USA, GBR``."""
        return marks.marking(label, self.db.scheme, self.db.owner)

    def portion_mark(self, label: Label) -> str:
        """Portion mark of a label, e.g. ``(S//REL TO USA, GBR)``."""
        return marks.portion_mark(label, self.db.scheme, self.db.owner)

    def combined(self, labels: list[Label]) -> Label:
        """The label of a page or a screen showing these labels, self-checked: it must cover
        each of them (`marking_check.check_banner`; `MarkingMismatch` if not, and nothing is
        produced). The same labels (as a set) under the same nation groups give the banner
        combined before: a list's banner is asked for again at every scroll."""
        owner, groups = self.db.owner, self.db.nation_groups()
        key = (frozenset(labels), frozenset(groups.items()))
        with self._combined_lock:
            found = self._combined.get(key)
        if found is None:
            found = check_banner(marks.combine(labels, owner, groups), labels, owner, groups)
            with self._combined_lock:
                if len(self._combined) >= COMBINED_KEPT:
                    self._combined.pop(next(iter(self._combined)))  # the oldest
                self._combined[key] = found
        return found

    def parse_label(self, classification: Any, releasable_to: Any = "", groups: Any = "") -> Label:
        """A label from the three CSV/CLI cells (or JSON values: a level's name or number, a
        text or a list of codes); `ValidationFailed` naming the bad cell."""
        errors: dict[str, str] = {}
        level = 0
        try:
            if isinstance(classification, bool) or not isinstance(classification, int | str | None):
                raise ValueError(said("{value!r} is not a classification", value=classification))
            level = (
                classification
                if isinstance(classification, int)
                else self.db.scheme.parse(classification or self.db.scheme.names[0])
            )
            if not 0 <= level <= self.db.scheme.top:
                raise ValueError(said("level {level} is not in the scheme", level=level))
        except ValueError as error:
            errors["classification"] = message_of(error)
        release, codes = marks.Release.ALL, frozenset()
        try:
            release, codes = marks.parse_releasability(_codes_text(releasable_to))
            known_groups = self.db.nation_groups()
            unknown = sorted(c for c in codes if c not in known_groups and not _is_nation(c))
            if unknown:
                raise ValueError(said("unknown nation or group {codes}", codes=", ".join(unknown)))
        except ValueError as error:
            errors["releasable_to"] = message_of(error)
        group_names: frozenset[str] = frozenset()
        try:
            group_names = frozenset(_codes_text(groups).replace(",", " ").split())
        except ValueError as error:
            errors["groups"] = message_of(error)
        if group_names:
            with self.db.reading() as session:
                known = set(session.scalars(select(NeedToKnowGroup.name)))
            missing = sorted(group_names - known)
            if missing:
                errors["groups"] = said(
                    "unknown need-to-know group {groups}", groups=", ".join(missing)
                )
        if errors:
            raise ValidationFailed(errors)
        return Label(level, release, codes, group_names).with_owner(self.db.owner)

    # --- services ------------------------------------------------------------------------

    @cached_property
    def people(self) -> PeopleService:
        """People: participants, instructors, liaison officers, contacts."""
        from app.services.people import PeopleService

        return PeopleService(self)

    @cached_property
    def exchanges(self) -> ExchangeService:
        """Exchanges (the cases)."""
        from app.services.exchanges import ExchangeService

        return ExchangeService(self)

    @cached_property
    def participations(self) -> ParticipationService:
        """People's parts in exchanges."""
        from app.services.participations import ParticipationService

        return ParticipationService(self)

    @cached_property
    def liaison(self) -> LiaisonService:
        """Liaison assignments."""
        from app.services.liaison import LiaisonService

        return LiaisonService(self)

    @cached_property
    def contact_log(self) -> ContactLogService:
        """Contact-log entries of liaison assignments."""
        from app.services.liaison import ContactLogService

        return ContactLogService(self)

    @cached_property
    def agreements(self) -> AgreementService:
        """Agreements."""
        from app.services.agreements import AgreementService

        return AgreementService(self)

    @cached_property
    def attachments(self) -> AttachmentService:
        """Files attached to records."""
        from app.services.attachments import AttachmentService

        return AttachmentService(self)

    @cached_property
    def users(self) -> UserService:
        """User accounts, need-to-know groups and nation groups (administrators)."""
        from app.services.users import UserService

        return UserService(self)

    @cached_property
    def deadlines(self) -> DeadlineService:
        """What is due soon, across record kinds."""
        from app.services.deadlines import DeadlineService

        return DeadlineService(self)

    @cached_property
    def saved_searches(self) -> SavedSearchService:
        """The user's own saved searches (stored; run by `app.search.saved`)."""
        from app.services.saved_searches import SavedSearchService

        return SavedSearchService(self)

    @cached_property
    def audit(self) -> AuditTrailService:
        """Reading and verifying the audit trail (auditors, administrators)."""
        from app.services.audit_trail import AuditTrailService

        return AuditTrailService(self)


def _is_nation(code: str) -> bool:
    from app.domain.nations import is_nation

    return is_nation(code)


def _codes_text(value: Any) -> str:
    """A cell of codes as one text: a text as it is, a list of texts joined by spaces, nothing
    as empty; anything else (a number, a mapping: a JSON file's wrong type) is refused."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple | set | frozenset) and all(
        isinstance(code, str) for code in value
    ):
        return " ".join(value)
    raise ValueError(f"{value!r} is not a text or a list of codes")

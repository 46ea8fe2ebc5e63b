"""What every record service shares: filtered reads, validated and audited writes.

A concrete service names its model, its fields and its audit kind, and overrides the hooks it
needs (`check`, `apply`, `warnings`, `parent_visible`). Reads always carry the access filter in
their SQL; writes check the write rule, validate, write, and append the audit event in the same
transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic

from sqlalchemy import delete, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified, set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from app.database.counters import next_reference
from app.database.labels import intern_label, load_labels
from app.domain.declassification import COLUMNS as DECLASSIFY_FIELDS
from app.domain.declassification import EVENT_LENGTH, event_problem, exemption_problem
from app.domain.declassification import problem as declassification_problem
from app.domain.labels import Label, level_refused, refused_without_caveat
from app.domain.models import Attachment, AuditEvent
from app.domain.texts import field_named, listed, message_of, said
from app.domain.vocab import Exemption
from app.security import audit
from app.security.policy import AccessDenied, check_label_change, check_write
from app.security.principal import Actor
from app.services.errors import (
    Conflict,
    FieldChange,
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from app.services.fields import Field, text_of
from app.services.reading import M, RecordReads
from app.services.transactions import retried

if TYPE_CHECKING:
    pass

LABEL_FIELDS = ("classification", "releasable_to", "groups")
# the record's declassification date or event beside its label (revisions 0013 and 0017; E.O.
# 13526 §1.5), and an exemption that lengthens it (revision 0020; §3.3): values like a field's,
# checked by `parse` and `update`, a date or an event, not both; all absent or empty: 25 years
# after creation
DECLASSIFY, DECLASSIFY_EVENT, DECLASSIFY_EXEMPTION = DECLASSIFY_FIELDS


# parsed as any optional field (`fields.Field.parse`); empty is None, the default
DECLASSIFY_FIELD = Field(DECLASSIFY, "Declassify on", kind="date")
DECLASSIFY_EVENT_FIELD = Field(DECLASSIFY_EVENT, "Declassify on event", max_length=EVENT_LENGTH)
DECLASSIFY_EXEMPTION_FIELD = Field(
    DECLASSIFY_EXEMPTION, "Declassification exemption", kind="enum", choices=Exemption
)
DECLASSIFY_SPECS = (DECLASSIFY_FIELD, DECLASSIFY_EVENT_FIELD, DECLASSIFY_EXEMPTION_FIELD)
_VERSIONED = "versioned"  # an event of `Writing.changed`: its details get the record's new version


@dataclass
class Saved(Generic[M]):
    """What a write returns: the record as stored, its label and the warnings to show."""

    record: M
    label: Label
    warnings: list[str] = field(default_factory=list)


class RecordService(RecordReads[M]):
    """Reads and writes of one kind of labelled record."""

    def check(
        self,
        session: Session,
        actor: Actor,
        values: dict[str, Any],
        record: M | None,
        errors: dict[str, str],
    ) -> None:
        """Cross-field checks: add ``errors[field] = message`` for each problem."""

    def check_new(
        self, session: Session, actor: Actor, rows: Sequence[tuple[dict[str, Any], dict[str, str]]]
    ) -> None:
        """`check` for many new records at once (imports): rows of (parsed values, errors to fill).
        A kind whose checks query the database overrides this to ask once per batch."""
        for values, errors in rows:
            try:
                self.check(session, actor, values, None, errors)
            except (NotFound, Conflict, PermissionDenied) as error:
                errors["row"] = str(error)

    def apply(self, session: Session, record: M, values: dict[str, Any]) -> None:
        """Copy parsed values onto the record (override for collections); links become ids."""
        for name, value in values.items():
            setattr(record, self.links[name][0] if name in self.links else name, value)

    def warnings(self, session: Session, actor: Actor, record: M, label: Label) -> list[str]:
        """Things the coordinator should know about the saved record (not errors)."""
        return []

    def warnings_new(
        self, session: Session, actor: Actor, written: Sequence[tuple[M, Label]]
    ) -> list[list[str]]:
        """`warnings` for records just written in bulk (by id, not in the session), in order.
        A kind whose warnings query the database per record overrides this to ask once per batch."""
        stored = {
            r.id: r
            for r in session.scalars(
                select(self.model).where(self.model.id.in_([r.id for r, _ in written]))
            )
        }
        return [
            self.warnings(session, actor, stored[record.id], label) for record, label in written
        ]

    def default_label(self, session: Session, actor: Actor, values: dict[str, Any]) -> Label | None:
        """The label a new record takes when none is given: its parent's (`label_parent`), if the
        user may see that parent; None (UNCLASSIFIED) otherwise."""
        if self.label_parent is None or not values.get(self.label_parent[0]):
            return None
        field_name, service_name = self.label_parent
        try:
            parent = getattr(self.desk, service_name).find_in(session, actor, values[field_name])
        except NotFound:
            return None  # reported under the field by the kind's check()
        return load_labels(session, {parent.label_id})[parent.label_id]

    def reference_year(self, values: dict[str, Any]) -> int:
        """The year in a new record's reference."""
        return dt.date.today().year

    def title(self, record: M) -> str:
        """A short human title of a record."""
        return getattr(record, "reference", "") or f"{self.kind} {record.id}"

    # --- writes ------------------------------------------------------------------------------

    def parse(
        self, values: dict[str, Any], creating: bool
    ) -> tuple[dict[str, Any], dict[str, str]]:
        """Each given field parsed (and, when ``creating``, each required one), and the errors
        by field; label cells are left to `label_from`."""
        parsed: dict[str, Any] = {}
        errors: dict[str, str] = {}
        known = {f.name: f for f in self.fields}
        for name in values:
            if name not in known and name not in LABEL_FIELDS and name not in DECLASSIFY_FIELDS:
                errors[name] = said("is not a field of this record")
        for spec in DECLASSIFY_SPECS:
            if spec.name in values:
                try:
                    parsed[spec.name] = spec.parse(values[spec.name]) or None
                except ValueError as error:
                    errors[spec.name] = _error_of(spec, error)
        today = dt.date.today()
        if creating:
            exemption = parsed.get(DECLASSIFY_EXEMPTION)
            if parsed.get(DECLASSIFY) and (
                why := declassification_problem(parsed[DECLASSIFY], today, today, exemption)
            ):
                errors[DECLASSIFY] = why
            if why := event_problem(parsed.get(DECLASSIFY_EVENT), parsed.get(DECLASSIFY)):
                errors[DECLASSIFY_EVENT] = why
            elif why := exemption_problem(exemption, parsed.get(DECLASSIFY_EVENT)):
                errors[DECLASSIFY_EVENT] = why
        for spec in self.fields:
            if spec.name in values or (creating and spec.required):
                try:
                    parsed[spec.name] = spec.parse(values.get(spec.name))
                except ValueError as error:
                    errors[spec.name] = _error_of(spec, error)
        return parsed, errors

    def label_from(
        self, values: dict[str, Any], label: Label | None, errors: dict[str, str]
    ) -> Label | None:
        """The label given, or the one the label cells spell (their errors added to
        ``errors``); None when neither is there."""
        if label is not None:
            return label.with_owner(self.desk.owner)
        if not any(name in values for name in LABEL_FIELDS):
            return None
        try:
            return self.desk.parse_label(
                values.get("classification"),
                values.get("releasable_to", ""),
                values.get("groups", ""),
            )
        except ValidationFailed as failure:
            errors.update(failure.errors)
            return None

    @retried
    def create(self, values: dict[str, Any], label: Label | None = None) -> Saved[M]:
        """Validate and store a new record with its label; audited as ``create``."""
        with self.desk.writing() as (session, actor):
            saved = self.create_in(session, actor, values, label)
        return saved

    def create_in(
        self, session: Session, actor: Actor, values: dict[str, Any], label: Label | None = None
    ) -> Saved[M]:
        """`create` inside a transaction the caller holds (imports)."""
        self.require_writer(actor)
        if label is None and not any(name in values for name in LABEL_FIELDS):
            label = self.default_label(session, actor, values)
        parsed, errors = self.parse(values, creating=True)
        new_label = self.label_from(values, label, errors) or Label()
        if not errors:
            self.check(session, actor, parsed, None, errors)
        if errors:
            raise ValidationFailed(errors)
        self.check_label(actor, None, new_label, None)
        record = self.build_new(
            session,
            actor,
            parsed,
            intern_label(session, new_label),
            lambda prefix, year: next_reference(session, prefix, year),
        )
        session.add(record)
        session.flush()
        audit.record(
            session,
            actor.username,
            "create",
            kind=self.kind,
            record_id=record.id,
            ref=getattr(record, "reference", ""),
            details={
                "after": {k: v for k, v in self.snapshot(record).items() if v != ""},
                "label": self.desk.marking(new_label),
            },
        )
        return Saved(record, new_label, self.warnings(session, actor, record, new_label))

    def build_new(
        self,
        session: Session,
        actor: Actor,
        parsed: dict[str, Any],
        label_id: int,
        reference: Callable[[str, int], str],
    ) -> M:
        """A new record from checked values, not yet added to the session (`create_in` and
        `BulkCreate`): its generated reference (``reference(prefix, year)``), the
        values applied, its label and who created it."""
        record = self.model()
        if self.reference_prefix and not parsed.get("reference"):
            record.reference = reference(self.reference_prefix, self.reference_year(parsed))
        self.apply(session, record, parsed)
        record.label_id = label_id
        record.created_by = record.updated_by = actor.username
        return record

    @retried
    def update(
        self,
        record_id: int,
        values: dict[str, Any],
        label: Label | None = None,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Saved[M]:
        """Validate and store changes (and a new label); audited with the fields before and
        after."""
        parsed, errors = self.parse(values, creating=False)
        with self.writing_record(
            record_id, expected_version, self.load_options_for_write()
        ) as writing:
            session, actor, record, old_label = (
                writing.session,
                writing.actor,
                writing.record,
                writing.label,
            )
            new_label = self.label_from(values, label, errors) or old_label
            # the instruction after this change: a date or an event, not both; an exemption
            # beside either (a 50X one alone)
            day, event, exemption = (
                parsed.get(name, getattr(record, name)) for name in DECLASSIFY_FIELDS
            )
            if (
                day
                and (DECLASSIFY in parsed or DECLASSIFY_EXEMPTION in parsed)
                and (day != record.declassify_on or exemption != record.declassify_exemption)
            ):
                created = record.created_at.date()
                if why := declassification_problem(day, created, dt.date.today(), exemption):
                    errors[DECLASSIFY if DECLASSIFY in parsed else DECLASSIFY_EXEMPTION] = why
            if why := event_problem(event, day):
                errors[DECLASSIFY_EVENT if DECLASSIFY_EVENT in parsed else DECLASSIFY] = why
            elif why := exemption_problem(exemption, event):
                errors[DECLASSIFY_EVENT if DECLASSIFY_EVENT in parsed else DECLASSIFY_EXEMPTION] = (
                    why
                )
            if not errors:
                self.check(session, actor, parsed, record, errors)
            if errors:
                raise ValidationFailed(errors)
            downgrade = self.check_label(actor, old_label, new_label, reason)
            # interned before the values are applied: its flush must not write the record early
            new_label_id = (
                intern_label(session, new_label) if new_label != old_label else record.label_id
            )
            # only the fields given can change (collections not given are not even loaded)
            before = self.field_texts(record, parsed)
            self.apply(session, record, parsed)
            after = self.field_texts(record, parsed)
            changed = sorted(k for k in after if after[k] != before.get(k))
            if changed:
                writing.changed(
                    "update",
                    {
                        "before": {k: before.get(k) for k in changed},
                        "after": {k: after[k] for k in changed},
                    },
                )
            if new_label != old_label:
                record.label_id = new_label_id
                writing.changed(
                    "downgrade" if downgrade else "label_change",
                    {
                        "before": self.desk.marking(old_label),
                        "after": self.desk.marking(new_label),
                        "reason": reason or "",
                    },
                )
            return writing.saved(new_label)

    @retried
    def archive(
        self, record_id: int, reason: str = "", expected_version: int | None = None
    ) -> None:
        """Hide a record from lists without losing its history; audited as ``archive``."""
        with self.writing_record(record_id, expected_version) as writing:
            if not self.archivable:
                raise PermissionDenied(said("a {kind} is deleted, not archived", kind=self.noun))
            writing.record.archived = True
            writing.changed("archive", {"reason": reason})

    @retried
    def delete(self, record_id: int, reason: str = "", expected_version: int | None = None) -> None:
        """Remove a record whose deletion loses no history, and the files attached to it; audited
        with what it held and how many files went with it."""
        with self.writing_record(
            record_id, expected_version, self.load_options_for_write()
        ) as writing:
            if self.archivable:
                raise PermissionDenied(
                    said("a {kind} keeps its history: archive it instead", kind=self.noun)
                )
            before = self.snapshot(writing.record)
            removed = writing.session.execute(
                delete(Attachment).where(
                    Attachment.record_kind == self.kind, Attachment.record_id == record_id
                )
            ).rowcount
            writing.session.delete(writing.record)  # DELETE … WHERE row_version = <expected>
            writing.changed(
                "delete",
                {
                    "before": before,
                    "reason": reason,
                    "attachments_deleted": removed or 0,
                    # the trail stays labelled like the record once the record is gone
                    "label_id": writing.record.label_id,
                },
            )

    # --- the one write path ------------------------------------------------------------------

    @contextmanager
    def writing_record(
        self,
        record_id: int,
        expected_version: int | None = None,
        options: Sequence[Any] = (),
        again: str = said("apply your changes again"),
        lock: bool = False,
    ) -> Iterator[Writing[M]]:
        """Change one record: the only way an existing record is written.

        Opens the transaction through the desk (which re-reads the acting user), checks the
        write rule, loads the record through the access filter (hidden: `NotFound`) and makes
        ``expected_version`` the version the ``UPDATE``/``DELETE`` compares
        (``WHERE row_version = <expected>``, SQLAlchemy's ``version_id_col``): a save that
        another user committed first makes it match no row, and that is a `Conflict`. A
        version this transaction already reads as newer is refused at once, before any
        validation. Leaving the block writes the record (`Writing.write`) and appends the
        audit events queued with `Writing.changed`, in the same transaction; ``again`` ends
        the conflict message (what the user should do). ``lock``: the record itself is not
        changed but what is written depends on it (a file attached to it): its row is read
        ``FOR UPDATE`` (a no-op on SQLite, whose write transactions are serial already), so
        the version compared cannot change before the commit.
        """
        try:
            with self.desk.writing() as (session, actor):
                self.require_writer(actor)
                record = self.get_in(session, actor, record_id, options, lock=lock)
                if expected_version is not None:
                    if record.row_version != expected_version:
                        raise _Stale
                    set_committed_value(record, "row_version", expected_version)
                label = self.desk.db.stored_labels(session, {record.label_id})[record.label_id]
                writing = Writing(self, session, actor, record, label)
                with session.no_autoflush:  # the record is written once, by `write`
                    yield writing
                    writing.write()
        except (StaleDataError, _Stale):
            raise self._stale(record_id, expected_version, again) from None

    def _stale(self, record_id: int, expected: int | None, again: str) -> ServiceError:
        """The error for a write whose expected version is no longer the record's (read afresh,
        the failed transaction being over): a `Conflict` saying who changed it, when and what
        (from the record's audit trail), or `NotFound` if it is gone or hidden now."""
        with self.desk.reading() as (session, actor):
            current = session.scalar(
                select(self.model).where(self.model.id == record_id, *self.visible(actor))
            )
            if current is None:
                return NotFound(self.no_such(record_id))
            by, at, changes = self.changes_since(session, current, expected)
        by = by or current.updated_by
        at = at or current.updated_at
        titles = [field_named(title) for title in dict.fromkeys(c.title for c in changes)]
        return Conflict(
            said(
                "{record} was changed by {by} since you opened it{when}{what}; your changes "
                "were not written: reopen it and {again}",
                record=self.title(current),
                by=by,
                when=said(" at {time}", time=_when(at)) if at else "",
                what=said(" ({fields})", fields=listed(titles)) if titles else "",
                again=again,
            ),
            by=by,
            at=at,
            changes=changes,
            version=current.row_version,
        )

    def changes_since(
        self, session: Session, record: M, version: int | None
    ) -> tuple[str, dt.datetime | None, list[FieldChange]]:
        """Who changed a visible record after ``version`` (their names, joined), when last, and
        which fields (before → after), from the record's audit trail. Fields in
        `private_fields` are named without their values; a trail the connection may not read
        gives no details (the record's own ``updated_by`` and ``updated_at`` still tell who)."""
        statement = (
            select(AuditEvent.username, AuditEvent.at, AuditEvent.action, AuditEvent.details)
            .where(
                AuditEvent.record_kind == self.kind,
                AuditEvent.record_id == record.id,
                AuditEvent.outcome == "success",
            )
            .order_by(AuditEvent.id.desc())
            .limit(50)
        )
        try:
            with session.begin_nested():
                rows = session.execute(statement).all()
        except DBAPIError:
            return "", None, []
        newer = []
        for username, at, action, text in rows:
            details = json.loads(text or "{}")
            stored = details.get("version")
            if version is not None and (not isinstance(stored, int) or stored <= version):
                break
            newer.append((username, at, action, details))
        newer.reverse()
        titles = {spec.name: spec.title for spec in self.fields}
        merged: dict[str, FieldChange] = {}
        for _username, _at, action, details in newer:
            for name, before, after in _changed_fields(action, details):
                hidden = name in self.private_fields
                first = merged.get(name)
                merged[name] = FieldChange(
                    name,
                    titles.get(name, _FIELD_TITLES.get(name, name.replace("_", " "))),
                    None if hidden else (first.before if first else before),
                    None if hidden else after,
                )
        if not newer:
            return "", None, []
        names = " and ".join(dict.fromkeys(username for username, *_ in newer))
        return (
            names,
            newer[-1][1],
            [c for c in merged.values() if c.before != c.after or c.before is None],
        )

    def field_texts(self, record: M, names: Iterable[str]) -> dict[str, Any]:
        """The texts of some of the record's fields (as `snapshot` has them)."""
        return {name: text_of(self.value_of(record, name)) for name in names}

    @staticmethod
    def require_writer(actor: Actor) -> None:
        """`PermissionDenied` unless the actor may write records (viewers and auditors may not)."""
        try:
            check_write(actor)
        except AccessDenied as denied:
            raise PermissionDenied(message_of(denied)) from denied

    def load_options_for_write(self) -> Sequence[Any]:
        """Loader options for a record about to be changed (e.g. undeferred columns)."""
        return ()

    def check_label(self, actor: Actor, old: Label | None, new: Label, reason: str | None) -> bool:
        """`PermissionDenied` for a label the actor may not set (above their clearance, outside
        the scheme, a downgrade without the right or a reason); True for an allowed downgrade.

        `ValidationFailed` (under ``releasable_to``) for a classified label without a disclosure
        marking under a US owner (`labels.refused_without_caveat`: ICD 710, IC-ISM 00119), when
        it is set: a record stored with one before keeps it while other fields change; and
        (under ``classification``) for a level the owner's rules do not have
        (`labels.level_refused`: RESTRICTED under a US owner)."""
        refused_level = level_refused(new.level, self.desk.owner, self.desk.db.scheme)
        if refused_level and (old is None or new.level != old.level):
            raise ValidationFailed({"classification": refused_level})
        try:
            if new.level > self.desk.db.scheme.top:
                raise AccessDenied(said("that level is not in this database's scheme"))
            downgrade = check_label_change(
                actor, old, new, self.desk.owner, self.desk.db.nation_groups(), reason
            )
        except AccessDenied as denied:
            raise PermissionDenied(message_of(denied)) from denied
        if refused_without_caveat(new, self.desk.owner) and (old is None or new != old):
            raise ValidationFailed({"releasable_to": DISCLOSURE_MARKING_NEEDED})
        return downgrade


# a status changes by its move (`change_status`: checked, audited), never as a field's edit
STATUS_BY_MOVE = said("Status is changed with a status move (change_status), not an edit")

DISCLOSURE_MARKING_NEEDED = said(
    "a classified record needs a disclosure marking here: REL TO nations or groups, or NOFORN "
    "(under a US owner only UNCLASSIFIED may have no caveat; ICD 710)"
)


def _error_of(spec: Field, error: ValueError) -> str:
    """A field's parse error as the form shows it: "Family name is required", or the error's
    own sentence ("'x' is not a date; …")."""
    message = message_of(error)
    if message.startswith("is "):
        return said("{field} {problem}", field=field_named(spec.title), problem=message)
    return message


class _Stale(Exception):
    """Inside `RecordService.writing_record`: the record's version is not the one expected."""


_FIELD_TITLES = {"label": "Marking", "status": "Status", "archived": "Archived"}


def _when(at: dt.datetime) -> str:
    """A time in the conflict message: ``2026-03-01 14:05 UTC``."""
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC)
    return at.strftime("%Y-%m-%d %H:%M UTC")


def _changed_fields(action: str, details: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, before, after) of one audit event of a record's change."""
    before, after = details.get("before"), details.get("after")
    if action == "update" and isinstance(before, dict) and isinstance(after, dict):
        return [(name, before.get(name, ""), after.get(name, "")) for name in after]
    if action in ("label_change", "downgrade"):
        return [("label", before, after)]
    if action == "status_change":
        return [("status", before, after)]
    if action == "archive":
        return [("archived", "no", "yes")]
    return []


@dataclass
class Writing(Generic[M]):
    """One record being changed inside `RecordService.writing_record`: its session, actor,
    the record as loaded (through the access filter) with its label, and the audit events
    queued for it."""

    service: RecordService[M]
    session: Session
    actor: Actor
    record: M
    label: Label
    events: list[dict[str, Any]] = field(default_factory=list)
    bump: bool = False
    written: bool = False

    def changed(self, action: str, details: dict[str, Any]) -> None:
        """Queue the audit event of a change to the record (``update``, ``status_change``,
        ``archive`` …); a changed record is written with a new version even if only its child
        rows changed."""
        self.bump = True
        self.events.append(
            {
                "action": action,
                "kind": self.service.kind,
                "record_id": self.record.id,
                "ref": getattr(self.record, "reference", "") or "",
                "details": details,
                _VERSIONED: True,
            }
        )

    def audit(
        self, action: str, details: dict[str, Any], *, kind: str, record_id: int, ref: str = ""
    ) -> None:
        """Queue the audit event of another record written under this one (a file attached to
        it); this record keeps its version."""
        self.events.append(
            {"action": action, "kind": kind, "record_id": record_id, "ref": ref, "details": details}
        )

    def write(self) -> None:
        """Write the record in one version-checked ``UPDATE`` (or its ``DELETE``), then append
        the queued audit events; done once, when the block ends at the latest."""
        if self.written:
            return
        self.written = True
        if self.bump and self.record not in self.session.deleted:
            self.record.updated_by = self.actor.username
            flag_modified(self.record, "updated_by")  # the parent row's UPDATE carries the version
        self.session.flush()
        deleted = self.record in self.session.deleted
        for event in self.events:
            if event.pop(_VERSIONED, False) and not deleted:
                # the version this change made: a conflict report finds what came after its own
                event["details"] = {**event["details"], "version": self.record.row_version}
            audit.record(self.session, self.actor.username, **event)

    def saved(self, label: Label | None = None) -> Saved[M]:
        """`write`, then what a write returns: the record, its label and the warnings."""
        self.write()
        label = label if label is not None else self.label
        warnings = self.service.warnings(self.session, self.actor, self.record, label)
        return Saved(self.record, label, warnings)

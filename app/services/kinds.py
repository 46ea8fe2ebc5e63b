"""The record-kind registry: one entry per kind of record, read by everything that loops over kinds.

A kind has one canonical name (what the audit trail, attachments and search hits store and say:
``person``, ``liaison_assignment``), display names for people (``person`` / ``people``), the
Desk attribute of its service (also the word the command line takes: ``xdesk list liaison``),
the model, its code in the search index, and what import, export and attachments do with it.
Desk, import and export, search, bulk creation, the command line and the window read from
here; nobody keeps a map of their own. Any spelling a user types (``People``,
``liaison-assignments``, ``tour``) is resolved by `kind`; the window's side (columns, form,
sidebar page) is `app.ui.kinds`.

Adding a kind: see "Adding a record kind" in docs/ARCHITECTURE.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.domain.models import (
    Agreement,
    Attachment,
    ContactLogEntry,
    Exchange,
    LiaisonAssignment,
    Participation,
    Person,
)
from app.domain.texts import Said, kind_named
from app.services.errors import ValidationFailed

if TYPE_CHECKING:
    from app.services.base import RecordService
    from app.services.desk import Desk


@dataclass(frozen=True)
class RecordKind:
    """One kind of labelled record and what each part of the product does with it."""

    name: str  # canonical: stored in audit events and attachments, carried by search hits
    singular: str  # display names: "liaison assignment" / "liaison assignments"
    plural: str
    model: type
    desk_attribute: str  # the service (``desk.people``); also the command line's word for the kind
    aliases: tuple[str, ...] = ()  # other spellings users type (singular and plural are implied)
    search_code: int | None = None  # low bits of its full-text index rows (stored: never change)
    attachable: bool = True  # files may be attached to such records
    transferable: bool = True  # imported and exported (resources/help/data-formats.md)
    column_names: dict[str, str] = field(
        default_factory=dict
    )  # field -> CSV column, if they differ
    record_report: str | None = None  # the report printing one such record (app.reports.builders)

    @property
    def noun(self) -> Said:
        """The singular inside a sentence of the core, translated by the window (context Kind)."""
        return kind_named(self.singular)

    @property
    def title(self) -> str:
        """The plural with a capital: a list's or a section's heading (``Liaison assignments``)."""
        return self.plural[:1].upper() + self.plural[1:]

    def service(self, desk: Desk) -> RecordService:
        """This kind's service on a user's desk."""
        return getattr(desk, self.desk_attribute)

    def column_of(self, field_name: str) -> str:
        """The CSV column of a field (``nation_code`` -> ``nation``)."""
        return self.column_names.get(field_name, field_name)

    def field_of(self, column: str) -> str:
        """The field a CSV column names (``nation`` -> ``nation_code``); `column_of` reversed."""
        return next((f for f, c in self.column_names.items() if c == column), column)


KINDS: tuple[RecordKind, ...] = (
    RecordKind(
        "person",
        "person",
        "people",
        Person,
        "people",
        aliases=("persons",),
        search_code=1,
        column_names={"nation_code": "nation"},
        record_report="person",
    ),
    RecordKind(
        "exchange",
        "exchange",
        "exchanges",
        Exchange,
        "exchanges",
        search_code=2,
        record_report="exchange",
    ),
    RecordKind("agreement", "agreement", "agreements", Agreement, "agreements", search_code=3),
    RecordKind(
        "liaison_assignment",
        "liaison assignment",
        "liaison assignments",
        LiaisonAssignment,
        "liaison",
        aliases=("liaison", "liaisons", "assignment", "assignments", "tour", "tours"),
        search_code=4,
    ),
    RecordKind(
        "participation",
        "participation",
        "participations",
        Participation,
        "participations",
        aliases=("participant", "participants"),
    ),
    RecordKind(
        "contact_log",
        "contact-log entry",
        "contact-log entries",
        ContactLogEntry,
        "contact_log",
        aliases=("contact", "contacts", "contact_logs", "log", "engagement", "engagements"),
        search_code=5,
        transferable=False,
    ),
    RecordKind(
        "attachment",
        "attachment",
        "attachments",
        Attachment,
        "attachments",
        aliases=("file", "files"),
        search_code=6,
        attachable=False,
        transferable=False,
    ),
)


def _key(text: str) -> str:
    return str(text).strip().lower().replace("-", "_").replace(" ", "_")


_BY_SPELLING: dict[str, RecordKind] = {
    _key(spelling): entry
    for entry in KINDS
    for spelling in (entry.name, entry.singular, entry.plural, entry.desk_attribute, *entry.aliases)
}
BY_NAME: dict[str, RecordKind] = {entry.name: entry for entry in KINDS}
BY_SEARCH_CODE: dict[int, RecordKind] = {e.search_code: e for e in KINDS if e.search_code}


def kind(text: str | RecordKind, among: tuple[RecordKind, ...] = KINDS) -> RecordKind:
    """The kind a user or caller names in any spelling; `ValidationFailed` naming ``kind``."""
    if isinstance(text, RecordKind):
        return text
    found = _BY_SPELLING.get(_key(text))
    if found is None or found not in among:
        choices = ", ".join(entry.desk_attribute for entry in among)
        raise ValidationFailed({"kind": f"unknown kind {text!r}; use one of {choices}"})
    return found


def transferable() -> tuple[RecordKind, ...]:
    """The kinds imported and exported as files, in the order the documentation lists them."""
    return tuple(entry for entry in KINDS if entry.transferable)


def searchable() -> tuple[RecordKind, ...]:
    """The kinds kept in the full-text index."""
    return tuple(entry for entry in KINDS if entry.search_code is not None)


def attachable() -> tuple[RecordKind, ...]:
    """The kinds files can be attached to."""
    return tuple(entry for entry in KINDS if entry.attachable)

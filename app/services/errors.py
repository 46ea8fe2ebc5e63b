"""Errors the services raise; each message is one a coordinator can act on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.texts import message_of, said


class ServiceError(Exception):
    """Base of every error a service reports to the UI or the command line."""


class NotFound(ServiceError):
    """No such record, or one the user may not see (the two are never told apart)."""


class PermissionDenied(ServiceError):
    """The user may see the record but not do this to it."""


@dataclass(frozen=True)
class FieldChange:
    """One field another user changed: its name and title, the value before and after (None
    when the user may not see the values, e.g. a person's identity fields)."""

    field: str
    title: str
    before: str | None
    after: str | None


class Conflict(ServiceError):
    """Someone else changed the record since it was read: who (``by``), when (``at``, UTC), and
    which fields, from the record's audit trail (``changes``, what the user may see)."""

    def __init__(
        self,
        message: str,
        by: str = "",
        at: dt.datetime | None = None,
        changes: Sequence[FieldChange] = (),
        version: int | None = None,
    ) -> None:
        super().__init__(message)
        self.by = by
        self.at = at
        self.changes = tuple(changes)
        self.version = version  # the record's version now (what a reload would read)


class DatabaseFailed(ServiceError):
    """The database could not do what was asked (connection lost, busy, a deadlock); nothing
    was saved unless the message says otherwise. ``retryable``: the whole transaction may be
    run once more (it was rolled back and the failure was another transaction's doing)."""

    def __init__(self, message: str, retryable: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable


class ImportStopped(DatabaseFailed):
    """A row-by-row import stopped by a database failure part way: the parts before it are
    stored (``imported`` rows, up to the line before ``from_line``), the rest is not."""

    def __init__(self, error: ServiceError, imported: int, from_line: int) -> None:
        super().__init__(
            said(
                "{error} The import stopped at line {line}: the {rows:,} rows before it were "
                "stored; line {line} and the rows after it were not imported (import them "
                "again once the cause is fixed).",
                error=message_of(error),
                line=from_line,
                rows=imported,
            )
        )
        self.imported = imported
        self.from_line = from_line


class ConnectionLost(DatabaseFailed):
    """The connection to the database server broke."""


class DatabaseBusy(DatabaseFailed):
    """Another user's transaction held what this one needed: a lock wait that timed out, a
    deadlock, a serialization failure."""


class ValidationFailed(ServiceError):
    """Field-level problems: ``errors`` maps each field name to what is wrong with it."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        detail = "; ".join(f"{name}: {message}" for name, message in self.errors.items())
        super().__init__(f"please correct: {detail}")


class FileNotWritten(ServiceError):
    """A report, export or backup could not be written completely (a full disk, a lost drive):
    nothing is left at the chosen place and nothing is recorded as done."""


class SearchFailed(ServiceError):
    """A search could not run: the index refused the query (a parser defect, logged), or the
    database has no full-text index yet."""


class AlreadyImported(ServiceError):
    """The same file (by its SHA-256) was imported before by this user: importing it again
    would store its rows a second time, so it is refused unless asked for (``again``)."""

    def __init__(self, file: str, when: str, rows: int) -> None:
        super().__init__(
            said(
                "{file} was imported before, on {when} ({rows} stored): importing it again "
                "would store its rows a second time. Import it again only if that is what you "
                "mean.",
                file=file,
                when=when,
                rows=said("1 row") if rows == 1 else said("{count:,} rows", count=rows),
            )
        )
        self.when = when
        self.rows = rows

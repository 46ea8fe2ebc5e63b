"""What a database error means, in plain words, whatever the engine.

The drivers report the same few failures in their own ways (PostgreSQL's SQLSTATE codes,
SQLite's messages); `classify` names them once, here, so the services turn each into an error a
coordinator can act on and retry only what is safe to retry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from sqlalchemy.exc import DBAPIError, IntegrityError

from app.domain.models import Base


class Failure(Enum):
    """The kinds of database failure the services tell apart."""

    CONNECTION_LOST = "connection lost"  # retried once (a new connection), unless in COMMIT
    DEADLOCK = "deadlock"  # the database chose this transaction as the victim: retried once
    SERIALIZATION = "serialization"  # a concurrent transaction made this one fail: retried once
    LOCK_TIMEOUT = "lock timeout"  # another transaction held a lock too long (SQLite: busy)
    CONSTRAINT = "constraint"  # a unique, not-null, foreign-key or check constraint
    OTHER = "other"


RETRYABLE = frozenset({Failure.CONNECTION_LOST, Failure.DEADLOCK, Failure.SERIALIZATION})


@dataclass(frozen=True)
class Classified:
    """A database error classified: its kind, the table and columns a constraint names (when the
    engine says), and which constraint kind (unique, not_null, foreign_key, check)."""

    failure: Failure
    table: str = ""
    columns: tuple[str, ...] = ()
    constraint: str = ""
    detail: str = ""
    # the server left the key out (row security: the clashing row may be one the writer cannot
    # see); the columns come from the constraint's name
    withheld: bool = False


_PG_CODES = {
    "40P01": Failure.DEADLOCK,
    "40001": Failure.SERIALIZATION,
    "55P03": Failure.LOCK_TIMEOUT,  # lock_not_available (lock_timeout, NOWAIT)
    "57014": Failure.LOCK_TIMEOUT,  # query_canceled (statement_timeout)
    "57P01": Failure.CONNECTION_LOST,  # admin_shutdown (pg_terminate_backend)
    "57P02": Failure.CONNECTION_LOST,  # crash_shutdown
    "57P03": Failure.CONNECTION_LOST,  # cannot_connect_now
}
_PG_CONSTRAINTS = {
    "23505": "unique",
    "23502": "not_null",
    "23503": "foreign_key",
    "23514": "check",
}
_SQLITE_CONSTRAINT = re.compile(r"(UNIQUE|NOT NULL|CHECK|FOREIGN KEY) constraint failed:?\s*(.*)")
_PG_KEY = re.compile(r"Key \(([^)]*)\)")


def _sqlstate(original: object) -> str:
    """The SQLSTATE of a driver error (psycopg2 ``pgcode``, psycopg 3 ``sqlstate``), or ''."""
    return str(getattr(original, "pgcode", None) or getattr(original, "sqlstate", None) or "")


def classify(error: BaseException) -> Classified | None:
    """What a database error is; None for anything that is not a driver error."""
    if not isinstance(error, DBAPIError):
        return None
    original = error.orig
    text = str(original if original is not None else error)
    if error.connection_invalidated:
        return Classified(Failure.CONNECTION_LOST)
    code = _sqlstate(original)
    if code in _PG_CODES:
        return Classified(_PG_CODES[code])
    if code.startswith("08"):  # connection exceptions
        return Classified(Failure.CONNECTION_LOST)
    if code in _PG_CONSTRAINTS or (not code and isinstance(error, IntegrityError)):
        return _constraint(original, code, text)
    if "database is locked" in text or "database table is locked" in text:
        return Classified(Failure.LOCK_TIMEOUT)
    if isinstance(error, IntegrityError):
        return Classified(Failure.CONSTRAINT, detail=text.splitlines()[0])
    return Classified(Failure.OTHER, detail=text.splitlines()[0] if text else "")


def _constrained(table: str, name: str) -> tuple[str, ...]:
    """The columns of a table's constraint by its name, from the schema: PostgreSQL leaves the
    key out of a unique violation's detail when the table has row security, lest the key
    tell of a row the writer may not read."""
    for constraint in getattr(Base.metadata.tables.get(table), "constraints", ()):
        if constraint.name == name:
            return tuple(column.name for column in constraint.columns)
    return ()


def _constraint(original: object, code: str, text: str) -> Classified:
    if code:  # PostgreSQL names the table, the constraint and (for unique keys) the columns
        diag = getattr(original, "diag", None)
        table = str(getattr(diag, "table_name", "") or "")
        column = str(getattr(diag, "column_name", "") or "")
        detail = str(getattr(diag, "message_detail", "") or "")
        match = _PG_KEY.search(detail)
        name = str(getattr(diag, "constraint_name", "") or "")
        columns = (
            tuple(c.strip() for c in match.group(1).split(","))
            if match
            else ((column,) if column else _constrained(table, name))
        )
        withheld = _PG_CONSTRAINTS[code] == "unique" and not match
        return Classified(
            Failure.CONSTRAINT, table, columns, _PG_CONSTRAINTS[code], name, withheld=withheld
        )
    match = _SQLITE_CONSTRAINT.search(text)
    if match is None:
        return Classified(Failure.CONSTRAINT, detail=text.splitlines()[0])
    kind = match.group(1).lower().replace(" ", "_")
    named = [part.strip() for part in match.group(2).split(",") if part.strip()]
    table = named[0].split(".", 1)[0] if named and "." in named[0] else ""
    columns = tuple(part.split(".", 1)[1] for part in named if "." in part)
    return Classified(Failure.CONSTRAINT, table, columns, kind, match.group(2))

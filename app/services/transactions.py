"""Database failures as service errors, and the one retry of a whole write transaction.

Every session the services open (`Desk.reading`, `Desk.writing`) passes through `translated`:
a driver error never reaches the window or the command line as a traceback, but as a
`ServiceError` in plain words (a constraint as `ValidationFailed` naming the field). A write
that failed through no fault of its own (a deadlock, a serialization failure, a connection lost
before its ``COMMIT``) was rolled back whole; the services' write methods are `retried` once.
"""

from __future__ import annotations

import contextvars
import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError

from app.database.engine import CommitFailed
from app.database.failures import RETRYABLE, Classified, Failure, classify
from app.domain.texts import said
from app.services.errors import (
    ConnectionLost,
    DatabaseBusy,
    DatabaseFailed,
    ServiceError,
    ValidationFailed,
)

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])
_retrying = contextvars.ContextVar("xdesk_write_retrying", default=False)

_CONSTRAINT_WORDS = {
    "unique": said("is already used by another record"),
    "not_null": said("must not be empty"),
    "foreign_key": said("names a record that does not exist (or no longer exists)"),
    "check": said("has a value the database does not accept"),
}


def service_error(error: BaseException) -> ServiceError | None:
    """The service error a database failure means (None: not a database failure)."""
    in_commit = isinstance(error, CommitFailed)
    cause = error.error if isinstance(error, CommitFailed) else error
    classified = classify(cause)
    if classified is None:
        return None
    failure = classified.failure
    if failure is Failure.CONNECTION_LOST:
        if in_commit:
            return ConnectionLost(
                said(
                    "the connection to the database server was lost while your change was "
                    "being saved; it may or may not have been stored: reopen the record to "
                    "check before saving again"
                )
            )
        return ConnectionLost(
            said(
                "the connection to the database server was lost; nothing was saved. "
                "Check the network and try again"
            ),
            retryable=True,
        )
    if failure is Failure.DEADLOCK:
        return DatabaseBusy(
            said(
                "the database stopped this change because it was waiting on another user's "
                "change that was waiting on it (a deadlock); nothing was saved: try again"
            ),
            retryable=True,
        )
    if failure is Failure.SERIALIZATION:
        return DatabaseBusy(
            said(
                "another user's change at the same moment prevented this one; nothing was "
                "saved: try again"
            ),
            retryable=True,
        )
    if failure is Failure.LOCK_TIMEOUT:
        return DatabaseBusy(
            said(
                "the database is busy with another user's change and did not answer in time; "
                "nothing was saved: try again in a moment"
            )
        )
    if failure is Failure.CONSTRAINT:
        return _constraint_error(classified)
    return DatabaseFailed(
        said("the database refused the operation: {detail}", detail=classified.detail)
    )


# unique keys whose refusal names a field in the service's own words: under row-level security
# the clashing row may be one the writer cannot see, which the message must not confirm
UNBOOKABLE = said("Role: this person cannot be booked into this exchange in this role")
TAKEN_REFERENCE = said("Reference cannot be used; choose another number")
# (by table and columns, which both engines report: SQLite does not name the constraint)
_NAMED_KEYS = {
    ("participations", ("exchange_id", "person_id", "role")): ("role", UNBOOKABLE),
    ("agreements", ("reference", "label_id")): ("reference", TAKEN_REFERENCE),
}
# a unique key the server would not show (row security: the clashing row may be hidden)
WITHHELD = said("cannot be used; choose another value")


def _constraint_error(classified: Classified) -> ValidationFailed:
    named = _NAMED_KEYS.get((classified.table, classified.columns))
    if named is not None:
        field, words = named
        return ValidationFailed({field: words})
    words = _CONSTRAINT_WORDS.get(classified.constraint, said("was refused by the database"))
    if classified.withheld:
        words = WITHHELD
    if classified.columns:
        return ValidationFailed({column: words for column in classified.columns})
    where = f" ({classified.table})" if classified.table else ""
    detail = f"{where}: {classified.detail}".rstrip(": ")
    return ValidationFailed({"record": said("{words}{detail}", words=words, detail=detail)})


@contextmanager
def translated() -> Iterator[None]:
    """Run a block whose database failures become service errors (the driver's error kept as
    the cause, and logged)."""
    try:
        yield
    except (DBAPIError, CommitFailed) as error:
        translated_error = service_error(error)
        if translated_error is None:
            raise
        log.warning("database failure: %s", error)
        raise translated_error from error


def retried(method: F) -> F:
    """Run a write method once more when its transaction failed in a way worth retrying
    (`DatabaseFailed.retryable`: a deadlock, a serialization failure, a connection lost before
    its ``COMMIT``); the whole method runs again, so it re-reads and re-checks everything.
    Only the outermost write method retries (a write calling another does not multiply)."""

    @functools.wraps(method)
    def run(*args: Any, **kwargs: Any) -> Any:
        if _retrying.get():
            return method(*args, **kwargs)
        token = _retrying.set(True)
        try:
            try:
                return method(*args, **kwargs)
            except DatabaseFailed as failure:
                if not failure.retryable:
                    raise
                log.warning("retrying %s once: %s", method.__qualname__, failure)
            return method(*args, **kwargs)
        finally:
            _retrying.reset(token)

    return run  # type: ignore[return-value]


__all__ = ["RETRYABLE", "retried", "service_error", "translated"]

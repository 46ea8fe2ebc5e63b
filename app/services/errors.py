"""Errors the services raise; each message is one a coordinator can act on."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of every error a service reports to the UI or the command line."""


class NotFound(ServiceError):
    """No such record, or one the user may not see (the two are never told apart)."""


class PermissionDenied(ServiceError):
    """The user may see the record but not do this to it."""


class Conflict(ServiceError):
    """Someone else changed the record since it was read."""


class ValidationFailed(ServiceError):
    """Field-level problems: ``errors`` maps each field name to what is wrong with it."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        detail = "; ".join(f"{name}: {message}" for name, message in self.errors.items())
        super().__init__(f"please correct: {detail}")


class SearchFailed(ServiceError):
    """A search could not run: the index refused the query (a parser defect, logged), or the
    database has no full-text index yet."""

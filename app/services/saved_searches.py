"""Saved searches as stored: one user's named searches, seen and changed only by them, audited.

What a search means (its text, kinds and filters) and running it belong to the search layer
(`app.search.saved`); this service keeps the rows: it stores, lists, deletes and recalls a
user's saved searches and remembers what a run matched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.models import SavedSearch, utcnow
from app.domain.texts import said
from app.security import audit
from app.services.errors import NotFound, ValidationFailed

if TYPE_CHECKING:
    from app.services.desk import Desk

NAME_LENGTH = 120


@dataclass(frozen=True)
class Recalled:
    """A saved search as its owner last left it: what to run, and what it matched then."""

    name: str
    query: str
    kinds: list[str]
    filters: dict[str, Any]
    last_matches: set[tuple[str, int]]
    first_run: bool


def _own(session: Session, username: str, name: str) -> SavedSearch:
    saved = session.scalar(
        select(SavedSearch).where(SavedSearch.username == username, SavedSearch.name == name)
    )
    if saved is None:
        raise NotFound(said("no saved search {name!r}", name=name))
    return saved


class SavedSearchService:
    """The current user's saved searches (nobody sees another user's)."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def store(
        self, name: str, query: str, kinds: list[str], filters: dict[str, Any]
    ) -> SavedSearch:
        """Save (or replace) a named search; audited as ``saved_search``. The search layer has
        checked the query, kinds and filters; the name is checked here."""
        name = (name or "").strip()
        if not name:
            raise ValidationFailed({"name": said("Name is required")})
        if len(name) > NAME_LENGTH:
            raise ValidationFailed(
                {"name": said("Name is longer than {count} characters", count=NAME_LENGTH)}
            )
        with self.desk.writing() as (session, actor):
            saved = session.scalar(
                select(SavedSearch).where(
                    SavedSearch.username == actor.username, SavedSearch.name == name
                )
            )
            if saved is None:
                saved = SavedSearch(username=actor.username, name=name, last_matches="[]")
                session.add(saved)
            saved.query = query.strip()
            saved.kinds = " ".join(kinds)
            saved.filters = json.dumps(filters, sort_keys=True, default=str)
            session.flush()
            audit.record(
                session,
                actor.username,
                "saved_search",
                kind="saved_search",
                record_id=saved.id,
                ref=name,
                details={"query": saved.query, "kinds": kinds, "filters": filters},
            )
            return saved

    def list(self) -> list[SavedSearch]:
        """The current user's saved searches, by name."""
        with self.desk.reading() as (session, actor):
            return list(
                session.scalars(
                    select(SavedSearch)
                    .where(SavedSearch.username == actor.username)
                    .order_by(SavedSearch.name)
                )
            )

    def delete(self, name: str) -> None:
        """Delete one of the current user's saved searches; audited."""
        with self.desk.writing() as (session, actor):
            saved = _own(session, actor.username, name)
            audit.record(
                session,
                actor.username,
                "saved_search_delete",
                kind="saved_search",
                record_id=saved.id,
                ref=name,
            )
            session.delete(saved)

    def recall(self, name: str) -> Recalled:
        """One of the current user's saved searches, to run it; `NotFound` for any other."""
        with self.desk.reading() as (session, actor):
            saved = _own(session, actor.username, name)
            return Recalled(
                saved.name,
                saved.query,
                saved.kinds.split(),
                json.loads(saved.filters or "{}"),
                {(kind, int(i)) for kind, i in json.loads(saved.last_matches or "[]")},
                saved.last_run_at is None,
            )

    def remember(self, name: str, matches: list[tuple[str, int]]) -> None:
        """Note that a saved search ran now and what it matched (the next run's "new")."""
        with self.desk.writing() as (session, actor):
            saved = _own(session, actor.username, name)
            saved.last_run_at = utcnow()
            saved.last_matches = json.dumps(sorted(matches))

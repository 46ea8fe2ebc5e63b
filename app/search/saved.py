"""Saved searches: a user names a search, re-runs it, and sees what matches now that did not before.

Saved searches belong to one user and are seen only by them. What a run matched (record keys
of visible records, at most `MATCH_CAP`) is remembered, so the next run can tell the new ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain.models import SavedSearch, utcnow
from app.search.service import (
    FILTERS,
    MATCH_CAP,
    Hit,
    SearchResults,
    hits_for,
    kind_of,
    matching_keys,
    search,
)
from app.security import audit
from app.services.errors import NotFound, ValidationFailed

if TYPE_CHECKING:
    from app.services.desk import Desk


@dataclass(frozen=True)
class SavedRun:
    """A saved search re-run: the ranked results and the hits that are new since the last run."""

    results: SearchResults
    new: list[Hit]
    new_count: int


def _own(session: Any, username: str, name: str) -> SavedSearch:
    saved = session.scalar(
        select(SavedSearch).where(SavedSearch.username == username, SavedSearch.name == name)
    )
    if saved is None:
        raise NotFound(f"no saved search {name!r}")
    return saved


def save(
    desk: Desk,
    name: str,
    query: str,
    kinds: list[str] | None = None,
    filters: dict[str, Any] | None = None,
) -> SavedSearch:
    """Save (or replace) a named search for the current user; audited as ``saved_search``."""
    name = (name or "").strip()
    errors = {}
    if not name:
        errors["name"] = "Name is required"
    elif len(name) > 120:
        errors["name"] = "Name is longer than 120 characters"
    if not (query or "").strip() and not filters:
        errors["query"] = "Query is required"
    unknown = sorted(set(filters or {}) - set(FILTERS))
    if unknown:
        errors[unknown[0]] = f"is not a search filter; use one of {', '.join(FILTERS)}"
    if errors:
        raise ValidationFailed(errors)
    kinds = [kind_of(k) for k in kinds or []]
    with desk.writing() as (session, actor):
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
        saved.filters = json.dumps(filters or {}, sort_keys=True, default=str)
        session.flush()
        audit.record(
            session,
            actor.username,
            "saved_search",
            kind="saved_search",
            record_id=saved.id,
            ref=name,
            details={"query": saved.query, "kinds": kinds, "filters": filters or {}},
        )
        return saved


def saved_searches(desk: Desk) -> list[SavedSearch]:
    """The current user's saved searches, by name."""
    with desk.reading() as (session, actor):
        return list(
            session.scalars(
                select(SavedSearch)
                .where(SavedSearch.username == actor.username)
                .order_by(SavedSearch.name)
            )
        )


def delete(desk: Desk, name: str) -> None:
    """Delete one of the current user's saved searches; audited."""
    with desk.writing() as (session, actor):
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


def run(
    desk: Desk, name: str, limit: int = 50, highlight: tuple[str, str] = ("[", "]")
) -> SavedRun:
    """Re-run a saved search: ranked results (audited like any search) and the matches new since last run."""
    with desk.reading() as (session, actor):
        saved = _own(session, actor.username, name)
        query, kinds, filters = saved.query, saved.kinds.split(), json.loads(saved.filters or "{}")
        before = {tuple(k) for k in json.loads(saved.last_matches or "[]")}
        first_run = saved.last_run_at is None
    results = search(desk, query, kinds or None, filters, limit=limit, highlight=highlight)
    now = [
        (kind, record_id)
        for kind, record_id in matching_keys(desk, query, kinds or None, filters, cap=MATCH_CAP)
    ]
    fresh = [] if first_run else [key for key in now if key not in before]
    new_hits = hits_for(desk, query, fresh[:limit], highlight) if fresh else []
    with desk.writing() as (session, actor):
        saved = _own(session, actor.username, name)
        saved.last_run_at = utcnow()
        saved.last_matches = json.dumps(sorted(now))
    return SavedRun(results, new_hits, len(fresh))

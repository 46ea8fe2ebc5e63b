"""Saved searches: a user names a search, re-runs it, and sees what matches now that did not before.

Saved searches belong to one user and are seen only by them (stored by the services,
`app.services.saved_searches`, through ``desk.saved_searches``). What a run matched (record keys
of visible records, at most `MATCH_CAP`) is remembered, so the next run can tell the new ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.domain.models import SavedSearch
from app.domain.texts import said
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
from app.services.errors import ValidationFailed

if TYPE_CHECKING:
    from app.services.desk import Desk


@dataclass(frozen=True)
class SavedRun:
    """A saved search re-run: the ranked results and the hits that are new since the last run."""

    results: SearchResults
    new: list[Hit]
    new_count: int


def save(
    desk: Desk,
    name: str,
    query: str,
    kinds: list[str] | None = None,
    filters: dict[str, Any] | None = None,
) -> SavedSearch:
    """Save (or replace) a named search for the current user; audited as ``saved_search``."""
    errors = {}
    if not (name or "").strip():
        errors["name"] = said("Name is required")
    elif len(name.strip()) > 120:
        errors["name"] = said("Name is longer than {count} characters", count=120)
    if not (query or "").strip() and not filters:
        errors["query"] = said("Query is required")
    unknown = sorted(set(filters or {}) - set(FILTERS))
    if unknown:
        errors[unknown[0]] = f"is not a search filter; use one of {', '.join(FILTERS)}"
    if errors:
        raise ValidationFailed(errors)
    return desk.saved_searches.store(name, query, [kind_of(k) for k in kinds or []], filters or {})


def saved_searches(desk: Desk) -> list[SavedSearch]:
    """The current user's saved searches, by name."""
    return desk.saved_searches.list()


def delete(desk: Desk, name: str) -> None:
    """Delete one of the current user's saved searches; audited."""
    desk.saved_searches.delete(name)


def run(
    desk: Desk, name: str, limit: int = 50, highlight: tuple[str, str] = ("[", "]")
) -> SavedRun:
    """Re-run a saved search: ranked results (audited like any search) and the matches new since
    last run."""
    saved = desk.saved_searches.recall(name)
    kinds = saved.kinds or None
    results = search(desk, saved.query, kinds, saved.filters, limit=limit, highlight=highlight)
    now = matching_keys(desk, saved.query, kinds, saved.filters, cap=MATCH_CAP)
    fresh = [] if saved.first_run else [key for key in now if key not in saved.last_matches]
    new_hits = hits_for(desk, saved.query, fresh[:limit], highlight) if fresh else []
    desk.saved_searches.remember(name, now)
    return SavedRun(results, new_hits, len(fresh))

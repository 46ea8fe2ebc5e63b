"""Search across every record kind, with the access filter inside the SQL: the entry points.

`search` (a ranked page of hits, audited), `matching_keys` (every visible match, for saved
searches), `hits_for`, the list views' quick filter and the index rebuild. The parts: `scope`
(searchable kinds, visibility, filters), `ranking`, `hits` (titles, markings, snippets),
`suggestions` ("did you mean").
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import Select

from app.domain.texts import said
from app.search.engine import SearchEngine, engine_for
from app.search.hits import Hit, hits_of, title_of
from app.search.query import ParsedQuery, parse
from app.search.ranking import RANK_CAP, ranked_page, visible_hits
from app.search.scope import FILTERS, KINDS, Scope, check_filters, kind_of
from app.search.suggestions import suggest
from app.security import audit
from app.security.principal import Actor
from app.services.errors import PermissionDenied, SearchFailed, ValidationFailed

if TYPE_CHECKING:
    from app.services.desk import Desk

MATCH_CAP = 5000  # most hits remembered by a saved search
MAX_LIMIT = 1000
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SearchResults:
    """A page of hits, best first, and how many visible records match in all."""

    hits: list[Hit]
    total: int
    query: str = ""
    suggestion: str | None = None
    # False when more than RANK_CAP visible records match: the RANK_CAP most recent were ranked
    # (``total`` is then RANK_CAP: "more than 5,000")
    complete: bool = True


def search(
    desk: Desk,
    query: str,
    kinds: Sequence[str] | None = None,
    filters: dict[str, Any] | None = None,
    limit: int = 50,
    offset: int = 0,
    highlight: tuple[str, str] = ("[", "]"),
    as_you_type: bool = False,
    audited: bool = True,
) -> SearchResults:
    """The visible records matching ``query`` and the filters, best first; audited as ``search``."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationFailed({"limit": f"limit must be 1 to {MAX_LIMIT}"})
    if offset < 0:
        raise ValidationFailed({"offset": "offset must not be negative"})
    wanted = [kind_of(k) for k in kinds] if kinds else list(KINDS)
    filters = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
    check_filters(filters)
    parsed = parse(query, as_you_type=as_you_type)
    engine = engine_for(desk.db)
    with desk.reading() as (session, actor):
        hits, total, fts = _run(
            session, desk, actor, engine, parsed, wanted, filters, limit, offset, highlight
        )
    complete = total <= RANK_CAP
    total = min(total, RANK_CAP)
    if audited:
        with desk.writing() as (session, actor):
            audit.record(
                session,
                actor.username,
                "search",
                details={
                    "query": query,
                    "kinds": wanted if kinds else [],
                    "filters": filters,
                    "count": total,
                    **({} if complete else {"more": True}),
                },
            )
    return SearchResults(hits, total, fts, complete=complete)


def _run(
    session: Session,
    desk: Desk,
    actor: Actor,
    engine: SearchEngine,
    parsed: ParsedQuery,
    kinds: list[str],
    filters: dict[str, Any],
    limit: int,
    offset: int,
    highlight: tuple[str, str],
) -> tuple[list[Hit], int, str]:
    fts = engine.compile(parsed)
    scope = Scope.of(desk, session, actor)
    if not fts:
        return [], 0, ""
    engine.plan_once(session)
    hits = visible_hits(scope, engine, fts, kinds, filters, newest=RANK_CAP + 1)
    with _refusals(engine, parsed, fts):
        ranked, total = (
            ranked_page(session, engine, hits, limit, offset, RANK_CAP)
            if hits is not None
            else ([], 0)
        )
    hits = hits_of(
        session,
        scope,
        engine,
        parsed,
        [(k, i) for k, i, _ in ranked],
        {(k, i): s for k, i, s in ranked},
        highlight,
    )
    return hits, total, fts


@contextmanager
def _refusals(engine: SearchEngine, parsed: ParsedQuery, fts: str) -> Iterator[None]:
    """A query the index refuses is a defect of `app.search.query` or the engine's translation:
    logged, and a plain `SearchFailed` for the user (never a silent second try with other
    text)."""
    try:
        yield
    except engine.refusals as error:
        log.error("the search index refused %r (from %r): %s", fts, parsed, error)
        raise SearchFailed(
            "the search could not be run on this text; try other words (the problem was logged)"
        ) from error


def matching_keys(
    desk: Desk,
    query: str,
    kinds: Sequence[str] | None = None,
    filters: dict[str, Any] | None = None,
    cap: int = MATCH_CAP,
) -> list[tuple[str, int]]:
    """(kind, id) of every visible match (at most ``cap``), unranked; not audited (callers
    audit)."""
    wanted = [kind_of(k) for k in kinds] if kinds else list(KINDS)
    filters = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
    check_filters(filters)
    parsed = parse(query)
    engine = engine_for(desk.db)
    with desk.reading() as (session, actor):
        fts = engine.compile(parsed)
        if not fts:
            return []
        engine.plan_once(session)
        hits = visible_hits(Scope.of(desk, session, actor), engine, fts, wanted, filters)
        if hits is None:
            return []
        with _refusals(engine, parsed, fts):
            return [engine.decode(key) for key in session.scalars(select(hits.c.key).limit(cap))]


def hits_for(
    desk: Desk, query: str, keys: Sequence[tuple[str, int]], highlight: tuple[str, str] = ("[", "]")
) -> list[Hit]:
    """Hits (with snippets for ``query``) for given record keys; hidden ones are left out."""
    engine = engine_for(desk.db)
    with desk.reading() as (session, actor):
        return hits_of(
            session, Scope.of(desk, session, actor), engine, parse(query), list(keys), {}, highlight
        )


def quick_filter(
    desk: Desk, kind: str, text: str, as_you_type: bool = True
) -> ColumnElement[bool] | None:
    """A condition for a list view's quick filter on ``kind``: the record matches ``text`` in the
    search index (same folding, prefixes and operators as search). None when there is nothing to
    match;
    the list's own query keeps its access filter."""
    ids = quick_filter_ids(desk, kind, text, as_you_type)
    return None if ids is None else KINDS[kind_of(kind)].model.id.in_(ids)


def quick_filter_ids(desk: Desk, kind: str, text: str, as_you_type: bool = True) -> Select | None:
    """The same as `quick_filter`, as a select of record ids (a service's ``id__in`` filter)."""
    engine = engine_for(desk.db)
    fts = engine.compile(parse(text, as_you_type=as_you_type))
    if not fts:
        return None
    return engine.record_ids(fts, kind_of(kind))


def rebuild(desk: Desk) -> int:
    """Repopulate the index from every record (administrators); audited as ``search_rebuild``."""
    engine = engine_for(desk.db)
    with desk.writing() as (session, actor):
        if not actor.is_admin:
            raise PermissionDenied(said("rebuilding the search index is for administrators"))
        count = engine.rebuild(session)
        audit.record(session, actor.username, "search_rebuild", details={"rows": count})
    return count


__all__ = [
    "FILTERS",
    "KINDS",
    "MATCH_CAP",
    "RANK_CAP",
    "Hit",
    "Scope",
    "SearchResults",
    "hits_for",
    "kind_of",
    "matching_keys",
    "quick_filter",
    "quick_filter_ids",
    "ranked_page",
    "rebuild",
    "search",
    "suggest",
    "title_of",
    "visible_hits",
]

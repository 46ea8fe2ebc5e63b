"""Ranking: the visible hits of a query, and one page of them best first with the total.

At most `RANK_CAP` visible matches are ranked by relevance (the index is read newest first and
stops there); beyond it the most recent are ranked and the total says "more than".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Subquery, and_, func, or_, select
from sqlalchemy.orm import Session

from app.search.engine import SearchEngine
from app.search.scope import KINDS, Scope, filter_conditions, includes_archived

RANK_CAP = 5000  # most visible matches ranked by relevance: beyond it, the most recent are ranked


def visible_hits(
    scope: Scope,
    engine: SearchEngine,
    fts: str,
    kinds: Iterable[str],
    filters: dict[str, Any],
    newest: int | None = None,
) -> Subquery | None:
    """The hits of ``fts`` whose record is of a wanted kind, visible to the actor and passes the
    filters:
    a subquery ``(key, score)``; each hit is checked against its kind's source row by primary key.
    ``newest``: at most that many, the most recent records first (the index is read newest first
    and stops there). None when no kind can match the filters."""
    key = engine.key_column
    per_kind = []
    codes = []
    for kind in kinds:
        extra = filter_conditions(scope.desk, kind, filters)
        if extra is None:
            continue
        model = KINDS[kind].model
        source = select(model.id).where(
            model.id == engine.key_record_id(key), *scope.visible(kind), *extra
        )
        codes.append(engine.kind_code(kind))
        per_kind.append(and_(engine.key_kind_code(key) == codes[-1], source.exists()))
    if not per_kind:
        return None
    # the index may stop at the newest matches only when nothing but kind and archived narrows
    # them: other filters could leave fewer than ``newest`` of those
    only_archived = not set(filters) - {"archived"}
    matches = engine.matches(
        fts,
        kinds=codes,
        live=not includes_archived(filters),
        newest=newest if only_archived else None,
    ).where(or_(*per_kind))
    if newest is not None:
        matches = matches.order_by(key.desc()).limit(newest)
    return matches.subquery("visible_hits")


def ranked_page(
    session: Session,
    engine: SearchEngine,
    hits: Subquery,
    limit: int,
    offset: int,
    rank_cap: int = RANK_CAP,
) -> tuple[list[tuple[str, int, float]], int]:
    """(kind, id, score) of one page, best first, and the total (one statement: window functions).

    ``hits`` holds at most ``rank_cap`` + 1 matches, the most recent: the ``rank_cap`` most recent
    are ranked, and a total above ``rank_cap`` only says that there are more."""
    candidates = select(
        hits.c.key,
        hits.c.score,
        func.count().over().label("total"),
        func.row_number().over(order_by=hits.c.key.desc()).label("recency"),
    ).subquery("candidates")
    statement = (
        select(candidates.c.key, candidates.c.score, candidates.c.total)
        .where(candidates.c.recency <= rank_cap)
        .order_by(candidates.c.score.desc(), candidates.c.key)
        .limit(limit)
        .offset(offset)
    )
    rows = session.execute(statement).all()
    if rows:
        total = rows[0][2]
    else:
        total = _count(session, hits) if offset else 0
    return [(*engine.decode(key), float(score)) for key, score, _ in rows], total


def _count(session: Session, hits: Subquery | None) -> int:
    return (
        0 if hits is None else session.execute(select(func.count()).select_from(hits)).scalar_one()
    )

"""\"Did you mean\": close indexed words that find something the user may see."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.search.engine import engine_for
from app.search.query import fold, parse
from app.search.ranking import visible_hits
from app.search.scope import KINDS, Scope, kind_of

if TYPE_CHECKING:
    from app.services.desk import Desk


def suggest(desk: Desk, query: str, kinds: Sequence[str] | None = None) -> str | None:
    """ "Did you mean": the query with unknown words replaced by close indexed words that find
    something the user may see; None when there is nothing better to offer."""
    parsed = parse(query)
    wanted = [kind_of(k) for k in kinds] if kinds else list(KINDS)
    engine = engine_for(desk.db)
    changed = False
    words = []
    with desk.reading() as (session, actor):
        scope = Scope.of(desk, session, actor)

        def visible_count(fts: str) -> int:
            hits = visible_hits(scope, engine, fts, wanted, {})
            return 0 if hits is None else len(session.execute(select(hits.c.key).limit(1)).all())

        for term in parsed.terms:
            word = term.text
            if term.phrase or term.prefix or term.negated or len(word) < 3:
                words.append(word)
                continue
            if visible_count(engine.compile(parse(word))):
                words.append(word)
                continue
            folded = fold(word)
            candidates = engine.vocabulary(session, folded[:2])
            best = None
            for candidate in difflib.get_close_matches(folded, candidates, n=5, cutoff=0.7):
                if visible_count(engine.word(candidate)):
                    best = candidate
                    break
            if best is None:
                words.append(word)
            else:
                words.append(best)
                changed = True
    return " ".join(words) if changed else None

"""The SQLite FTS5 search engine: the queries against the index.

The index itself (its table, triggers, rebuild and bulk upkeep) is kept by the database layer,
`app.database.search_index`; this module reads it: MATCH selects, hit keys, snippet texts and
the vocabulary for "did you mean".
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    bindparam,
    literal_column,
    select,
    text,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.sql import column, table

from app.database.search_index import INDEX, KIND_BITS, KIND_CODES, TERMS, rebuild
from app.search.query import ParsedQuery

_fts = table(INDEX, column("rowid", Integer), column("rank"))


class SqliteFts:
    """`SearchEngine` on SQLite FTS5."""

    name = "sqlite-fts5"
    refusals = (OperationalError,)

    def compile(self, parsed: ParsedQuery) -> str:
        """The FTS5 MATCH text of a parsed query."""
        return parsed.fts()

    def word(self, word: str) -> str:
        """The MATCH text finding one indexed word."""
        return '"' + word.replace('"', '""') + '"'

    @property
    def key_column(self) -> ColumnElement[int]:
        """The hit key column of `matches` (the index rowid)."""
        return _fts.c.rowid

    def matches(
        self,
        query: str,
        kinds: Iterable[int] | None = None,
        live: bool = False,
        newest: int | None = None,
    ) -> Select:
        """``SELECT key, score`` of the hits of an FTS5 query (add conditions on `key_column`);
        higher score is better. The hints are not needed: SQLite reads the index newest first
        under the caller's own ``ORDER BY … LIMIT`` and stops there."""
        return select(_fts.c.rowid.label("key"), (-_fts.c.rank).label("score")).where(
            literal_column(INDEX).op("MATCH")(bindparam("fts_query", query))
        )

    def key_kind_code(self, key: ColumnElement[int]) -> ColumnElement[int]:
        """SQL: the kind code within a hit key."""
        return key.op("&")(7)

    def key_record_id(self, key: ColumnElement[int]) -> ColumnElement[int]:
        """SQL: the source record id within a hit key."""
        return key.op(">>")(KIND_BITS)

    def kind_code(self, kind: str) -> int:
        """The code a kind has in the index."""
        return KIND_CODES[kind]

    def decode(self, key: int) -> tuple[str, int]:
        """(kind, record id) of a hit key."""
        return _KIND_OF[key & 7], key >> KIND_BITS

    def record_ids(self, query: str, kind: str) -> Select:
        """``SELECT`` of the ids of one kind's records matching a query (for a list's quick
        filter)."""
        return select(_fts.c.rowid.op(">>")(KIND_BITS)).where(
            literal_column(INDEX).op("MATCH")(bindparam("quick_query", query)),
            _fts.c.rowid.op("&")(7) == KIND_CODES[kind],
        )

    def texts(
        self, session: Session, keys: Iterable[tuple[str, int]]
    ) -> dict[tuple[str, int], list[str]]:
        """The indexed texts (title, body) of the given, already access-checked, hits (by rowid: no
        MATCH)."""
        rowids = [record_id * 8 + KIND_CODES[kind] for kind, record_id in keys]
        if not rowids:
            return {}
        statement = (
            select(_fts.c.rowid, column("title"), column("body"))
            .select_from(_fts)
            .where(_fts.c.rowid.in_(rowids))
        )
        return {
            self.decode(rowid): [title or "", body or ""]
            for rowid, title, body in session.execute(statement)
        }

    def vocabulary(self, session: Session, prefix: str, limit: int = 2000) -> list[str]:
        """Indexed terms starting with ``prefix`` (already folded), most documents first."""
        rows = session.execute(
            text(
                f"SELECT term FROM {TERMS} WHERE term >= :low AND term < :high ORDER BY doc DESC "
                "LIMIT :limit"
            ),
            {"low": prefix, "high": prefix + "\U0010ffff", "limit": limit},
        )
        return [row[0] for row in rows]

    def rebuild(self, session: Session) -> int:
        """Repopulate the index from the source tables."""
        return rebuild(session)

    def plan_once(self, session: Session) -> None:
        """Nothing to do: SQLite keeps each statement's prepared plan in SQLAlchemy's cache."""


_KIND_OF = {code: kind for kind, code in KIND_CODES.items()}

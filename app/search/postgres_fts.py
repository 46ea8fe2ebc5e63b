"""The PostgreSQL full-text search engine: the queries against ``search_documents``.

The documents (their table and their upkeep in every write transaction) belong to the database
layer, `app.database.search_documents`. Here a parsed query becomes a ``tsquery`` literal made of
the same folded words the documents hold (`app.domain.names.index_tokens`): ``mari*`` is
``'mari':*``, a phrase joins its words with ``<->``, AND / OR / NOT are ``&`` / ``|`` / ``& !``
(NOT binds tighter than AND, AND tighter than OR, as in FTS5), and a transliterated word also
matches the people's name keys (weight B), as FTS5's ``names`` column. Ranking is ``ts_rank_cd``
with the weights of SQLite's bm25 (title 1.0, names 0.6, the rest 0.1).

The matching runs in revision 0012's functions (``xdesk_search_hits``, ``xdesk_search_texts``,
``xdesk_search_words``) and ``xdesk_search_newest`` (revisions 0015 and 0018: a search's hits;
it checks and ranks only as many of the newest matches as the search ranks, reading them band
by band of keys, newest first): under row-level security
PostgreSQL applies the policy before any condition that is not LEAKPROOF, so a plain ``WHERE
document @@ q`` on ``search_documents`` read every document and checked its record; the
functions use the GIN index and keep the documents whose record the connected role can see
(the policy's own test), and the access conditions of the search service still apply on top.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import (
    ARRAY,
    REAL,
    BigInteger,
    Boolean,
    ColumnElement,
    Integer,
    Select,
    SmallInteger,
    Text,
    bindparam,
    cast,
    func,
    literal_column,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.exc import DataError, ProgrammingError
from sqlalchemy.orm import Session
from sqlalchemy.sql import column
from sqlalchemy.sql.elements import Cast
from sqlalchemy.sql.functions import Function
from sqlalchemy.sql.selectable import TableValuedAlias

from app.database.search_documents import KIND_BITS, quote_lexeme, rebuild
from app.database.search_index import KIND_CODES
from app.domain.names import index_tokens, name_key
from app.search.query import _WORD_CHARS, ParsedQuery, Term


def _hits(call: Function) -> TableValuedAlias:
    """The rows ``(key, kind, record_id, score)`` of a search function's ``call``."""
    return call.table_valued(
        column("key", BigInteger),
        column("kind", SmallInteger),
        column("record_id", Integer),
        column("score", REAL),
        name="search_hits",
    )


def _query(name: str) -> Cast:
    """The ``tsquery`` bound as ``name``."""
    return cast(bindparam(name, type_=Text), TSQUERY)


# revisions 0015 / 0018: the newest visible matches of the wanted kinds, ranked (a search's hits)
_docs = _hits(
    func.xdesk_search_newest(
        _query("ts_query"),
        bindparam("hit_kinds", type_=ARRAY(SmallInteger)),
        bindparam("hit_live", type_=Boolean),
        bindparam("hit_newest", type_=Integer),
    )
)
# revision 0012: every visible match (a list's quick filter)
_quick = _hits(func.xdesk_search_hits(_query("quick_query")))
_OPERATORS = {"AND": "&", "OR": "|", "NOT": "& !"}


def _phrase(tokens: list[str], prefix: bool, weight: str = "") -> str:
    words = [quote_lexeme(t) + (f":{weight}" if weight else "") for t in tokens]
    if prefix:
        words[-1] = quote_lexeme(tokens[-1]) + ":*" + weight
    return words[0] if len(words) == 1 else "(" + " <-> ".join(words) + ")"


def term_query(term: Term) -> str | None:
    """One term as ``tsquery`` text (None: no word in it, so it matches nothing)."""
    tokens = index_tokens(term.text)
    if not tokens:
        return None
    query = _phrase(tokens, term.prefix)
    if not term.prefix and not term.phrase:
        key = name_key(term.text)
        if key != term.text.lower() and _WORD_CHARS.fullmatch(key):
            keyed = index_tokens(key)
            if keyed and keyed != tokens:
                query = f"({query} | {_phrase(keyed, False, 'B')})"
    return query


def tsquery(parsed: ParsedQuery) -> str:
    """A parsed query as ``tsquery`` text ('' when nothing is left to search)."""
    parts: list[str] = []
    pending: str | None = None
    for item in parsed.items:
        if isinstance(item, str):
            pending = item if parts else None
            continue
        rendered = term_query(item)
        if rendered is None:
            continue
        if parts:
            parts.append(_OPERATORS[pending or "AND"])
        elif pending == "NOT":
            continue
        parts.append(rendered)
        pending = None
    return " ".join(parts)


class PostgresFts:
    """`SearchEngine` on PostgreSQL full-text search (``search_documents``)."""

    name = "postgresql-fts"
    # a query text the server refuses (a defect of the translation: logged, a plain failure)
    refusals = (DataError, ProgrammingError)

    def compile(self, parsed: ParsedQuery) -> str:
        """The ``tsquery`` text of a parsed query ('' when nothing to search)."""
        return tsquery(parsed)

    def word(self, word: str) -> str:
        """The query text finding one indexed word as it is."""
        return quote_lexeme(word)

    @property
    def key_column(self) -> ColumnElement[int]:
        """The hit key column of `matches`."""
        return _docs.c.key

    def matches(
        self,
        query: str,
        kinds: Iterable[int] | None = None,
        live: bool = False,
        newest: int | None = None,
    ) -> Select:
        """``SELECT key, score`` of the documents matching a ``tsquery``; higher score is
        better. The server stops early with the hints: only ``kinds`` (codes), only records
        not archived (``live``), only the ``newest`` (by key) of those."""
        codes = sorted(KIND_CODES.values()) if kinds is None else sorted(kinds)
        return select(_docs.c.key.label("key"), _docs.c.score.label("score")).params(
            ts_query=query, hit_kinds=codes, hit_live=live, hit_newest=newest
        )

    def key_kind_code(self, key: ColumnElement[int]) -> ColumnElement[int]:
        """SQL: the kind code within a hit key (the document's own column for its key: the
        planner knows how many documents each kind has)."""
        if key is _docs.c.key:
            return _docs.c.kind
        return key.op("&")(literal_column("7", Integer))

    def key_record_id(self, key: ColumnElement[int]) -> ColumnElement[int]:
        """SQL: the source record id within a hit key (the document's own column for its key:
        joined to the source table's primary key as it is)."""
        if key is _docs.c.key:
            return _docs.c.record_id
        return cast(key.op(">>")(literal_column(str(KIND_BITS), Integer)), Integer)

    def kind_code(self, kind: str) -> int:
        """The code a kind has in the index."""
        return KIND_CODES[kind]

    def decode(self, key: int) -> tuple[str, int]:
        """(kind, record id) of a hit key."""
        return _KIND_OF[key & 7], key >> KIND_BITS

    def record_ids(self, query: str, kind: str) -> Select:
        """``SELECT`` of the ids of one kind's records matching a query (a list's quick filter)."""
        return (
            select(_quick.c.record_id)
            .where(_quick.c.kind == KIND_CODES[kind])
            .params(quick_query=query)
        )

    def texts(
        self, session: Session, keys: Iterable[tuple[str, int]]
    ) -> dict[tuple[str, int], list[str]]:
        """The stored texts (title, body) of the given, already access-checked, hits."""
        wanted = [record_id * 8 + KIND_CODES[kind] for kind, record_id in keys]
        if not wanted:
            return {}
        statement = text("SELECT key, title, body FROM xdesk_search_texts(CAST(:keys AS bigint[]))")
        return {
            self.decode(key): [title or "", body or ""]
            for key, title, body in session.execute(statement, {"keys": wanted})
        }

    def vocabulary(self, session: Session, prefix: str, limit: int = 2000) -> list[str]:
        """Indexed words starting with ``prefix`` (already folded), most documents first; only
        the words of documents the connected role may read (``ts_stat`` runs its query as
        that role)."""
        if not prefix:
            return []
        probe = quote_lexeme(prefix) + ":*"
        rows = session.execute(
            text("SELECT xdesk_search_words(:probe, :prefix, :limit)"),
            {"probe": probe, "prefix": prefix, "limit": limit},
        )
        return [row[0] for row in rows]

    def rebuild(self, session: Session) -> int:
        """Write every document again from the source tables."""
        return rebuild(session)

    def plan_once(self, session: Session) -> None:
        """Generic plans for this transaction's prepared statements: a search statement carries
        the application's access conditions for six kinds, each table under its row-security
        policy, and planning it took ~40 ms, more than running it. psycopg prepares a statement
        seen before on its connection (`app.database.engine`); the server would still plan it
        anew five times before it tries a generic plan. Its parameters (the query, the label
        ids, the page) do not change which plan is good: the index gives the matches."""
        session.execute(text("SET LOCAL plan_cache_mode = force_generic_plan"))


_KIND_OF = {code: kind for kind, code in KIND_CODES.items()}

"""The interface a search engine fills: SQLite FTS5 (`sqlite_fts`) or PostgreSQL full-text
search (`postgres_fts`), chosen by the database's dialect here and nowhere else above
`app.database`.

The search service builds the access and filter conditions (SQLAlchemy) on the engine's hit
columns; the engine owns every query that is specific to the index. The index's schema and its
upkeep during bulk writes belong to the database layer (`app.database.search_index`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import ColumnElement, Select
from sqlalchemy.orm import Session

from app.search.postgres_fts import PostgresFts
from app.search.query import ParsedQuery
from app.search.sqlite_fts import SqliteFts
from app.services.errors import SearchFailed

if TYPE_CHECKING:
    from app.database.engine import Database


class SearchEngine(Protocol):
    """What the search service needs from a full-text index."""

    name: str
    # the errors with which the index refuses a query text (a defect of the translation)
    refusals: tuple[type[Exception], ...]

    def compile(self, parsed: ParsedQuery) -> str:
        """The index's query text for a parsed query ('' when there is nothing to search)."""

    def word(self, word: str) -> str:
        """The query text finding one indexed word (from `vocabulary`) as it is."""

    @property
    def key_column(self) -> ColumnElement[int]:
        """The hit key column `matches` selects from (conditions on hits refer to it)."""

    def matches(
        self,
        query: str,
        kinds: Iterable[int] | None = None,
        live: bool = False,
        newest: int | None = None,
    ) -> Select:
        """``SELECT key, score`` of the hits of a query; higher score is better. Hints the
        index may use to stop early (the caller's conditions apply on top all the same): only
        the kinds of these codes, only records not archived (``live``), only the ``newest``
        (highest keys) of those."""

    def key_kind_code(self, key: ColumnElement[int]) -> ColumnElement[int]:
        """SQL: the kind code within a hit key."""

    def key_record_id(self, key: ColumnElement[int]) -> ColumnElement[int]:
        """SQL: the source record id within a hit key."""

    def kind_code(self, kind: str) -> int:
        """The code of a record kind in the index."""

    def decode(self, key: int) -> tuple[str, int]:
        """(kind, record id) of a hit key."""

    def record_ids(self, query: str, kind: str) -> Select:
        """``SELECT`` of the ids of one kind's records matching a query."""

    def texts(
        self, session: Session, keys: Iterable[tuple[str, int]]
    ) -> dict[tuple[str, int], list[str]]:
        """The indexed texts of access-checked hits, most important first (snippets are cut from
        them)."""

    def vocabulary(self, session: Session, prefix: str, limit: int = 2000) -> list[str]:
        """Indexed terms starting with ``prefix``."""

    def rebuild(self, session: Session) -> int:
        """Repopulate the index; returns its row count."""

    def plan_once(self, session: Session) -> None:
        """Before a read session's searches: let the database plan their statements once per
        connection rather than at every call, where it can."""


def engine_for(database: Database) -> SearchEngine:
    """The search engine of a database's dialect."""
    if database.is_sqlite:
        return SqliteFts()
    if database.url.get_backend_name() == "postgresql":
        return PostgresFts()
    raise SearchFailed(f"Exchange Desk cannot search a {database.url.get_backend_name()} database")

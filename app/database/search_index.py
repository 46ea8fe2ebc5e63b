"""The full-text index in the database: its tables, triggers and upkeep (SQLite FTS5).

(A server's index, ``search_documents``, is `app.database.search_documents`; it indexes the same
texts, `SOURCES`.)

Engine-specific like the rest of this package: the index's schema (each revision's DDL), its
rebuild, and the pausing and batch indexing a bulk write needs (`search_index_of`), so the
services keep the index without importing the search layer. Queries against the index live in
`app.search.sqlite_fts`.

One FTS5 table, ``search_index``, holds one row per searchable record. Its rowid encodes the
record: ``record_id * 8 + kind code``, so a trigger replaces a record's row by rowid (no scan)
and a hit joins its source table by primary key. Columns: ``kind`` and ``record_id``
(unindexed, for people reading the table), ``title`` (names, titles, references), ``body``
(everything else) and ``names`` (people's names folded for transliteration: ue/oe/ae -> u/o/a,
ß -> ss, so Mueller and Müller share a key). ``search_index_terms`` (fts5vocab) lists the
indexed terms for "did you mean".

Triggers on every source table (and the child tables whose text is indexed with their parent)
keep the index current on every write, whoever writes. Since revision 0004 the insert triggers
stand aside while ``search_index_paused`` holds a row: a bulk insert pauses them inside its own
transaction, writes its batch, and indexes the batch's rows in one statement (`index_records`).
The DDL of each revision is frozen in its ``install_`` / ``uninstall_`` functions: a later
change to the index belongs in a new revision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    bindparam,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause

from app.domain.names import NAME_FOLDS, index_tokens, keyed_token

if TYPE_CHECKING:
    from app.database.engine import Database
    from app.database.search_documents import PostgresSearchIndex

INDEX = "search_index"
TERMS = "search_index_terms"
PAUSED = "search_index_paused"  # a row here pauses the insert triggers (within one transaction)
FTS_TABLES = (INDEX, TERMS)  # virtual tables outside the ORM metadata (plus FTS5 shadow tables)
KIND_BITS = 3
# column weights for bm25: kind, record_id (unindexed), title, body, names
RANK = "bm25(0.0, 0.0, 10.0, 1.0, 6.0)"


def name_key_sql(expression: str) -> str:
    """SQL folding a name for transliteration tolerance (mirrors `app.domain.names.name_key`)."""
    folded = f"lower({expression})"
    for old, new in NAME_FOLDS:
        folded = f"replace({folded}, '{old}', '{new}')"
        capital = old.upper()
        if len(capital) == 1 and not capital.isascii():  # SQLite's lower() folds ASCII only
            folded = f"replace({folded}, '{capital}', '{new}')"
    return folded


def _cat(*parts: str) -> str:
    return " || ' ' || ".join(f"coalesce({p}, '')" for p in parts)


def _nation_name(code: str) -> str:
    return f"(SELECT name FROM nations WHERE code = {code})"


@dataclass(frozen=True)
class Source:
    """How one record kind is indexed: its table, its text, and the tables whose edits re-index
    it."""

    kind: str  # canonical (`app.services.kinds`)
    # the kind code in the low rowid bits: stored in every index row and frozen in the triggers
    # of revision 0002, so written here (the registry's ``search_code`` equals it: tested)
    code: int
    table: str
    title: str
    body: str
    names: str = "''"
    # the names before folding, for the server's documents (folded there in Python, `name_key`)
    name_text: str = "''"
    watched: tuple[str, ...] = ()  # columns whose update re-indexes the row
    # (table, columns or () for all, SQL selecting this kind's ids from the changed row ``{row}``)
    dependents: tuple[tuple[str, tuple[str, ...], str], ...] = field(default=())
    # the name in the index's ``kind`` column and in trigger names, fixed by revision 0002
    # (the kind itself unless given)
    stored_name: str = ""

    @property
    def name(self) -> str:
        """The kind's name as the index and its triggers store it."""
        return self.stored_name or self.kind

    def select_rows(self, where: str | None) -> str:
        """``SELECT`` of the index rows of this kind (all rows, or those matching ``where``)."""
        statement = (
            f"SELECT s.id * 8 + {self.code}, '{self.name}', s.id, {self.title}, {self.body}, "
            f"{self.names} "
            f"FROM {self.table} AS s"
        )
        return statement + (f" WHERE {where}" if where else "")

    def reindex(self, ids: str) -> str:
        """Statements (``;``-terminated) replacing the index rows of the ids selected by ``ids``."""
        return (
            f"DELETE FROM {INDEX} WHERE rowid IN (SELECT id * 8 + {self.code} FROM {self.table} "
            f"WHERE id IN ({ids})); "
            f"INSERT INTO {INDEX} (rowid, kind, record_id, title, body, names) "
            f"{self.select_rows(f's.id IN ({ids})')}; "
        )

    def remove(self, record_id: str) -> str:
        """Statement removing one record's index row."""
        return f"DELETE FROM {INDEX} WHERE rowid = ({record_id}) * 8 + {self.code}; "


SOURCES: tuple[Source, ...] = (
    Source(
        "person",
        1,
        "people",
        title=_cat("s.family_name", "s.given_names", "s.original_script_name"),
        body=_cat(
            "s.reference",
            "s.rank",
            "s.unit",
            "s.position",
            _nation_name("s.nation_code"),
            "s.notes",
        ),
        names=name_key_sql(_cat("s.family_name", "s.given_names")),
        name_text=_cat("s.family_name", "s.given_names"),
        watched=(
            "reference",
            "family_name",
            "given_names",
            "original_script_name",
            "rank",
            "unit",
            "position",
            "nation_code",
            "notes",
        ),
    ),
    Source(
        "exchange",
        2,
        "exchanges",
        title=_cat("s.reference", "s.title"),
        body=_cat(
            "s.program",
            "replace(s.kind, '_', ' ')",
            "s.location",
            _nation_name("s.host_nation"),
            "(SELECT group_concat(n.name, ' ') FROM exchange_partners AS p JOIN nations AS n ON "
            "n.code = p.nation_code WHERE p.exchange_id = s.id)",
            "(SELECT group_concat(d.domain, ' ') FROM exchange_domains AS d WHERE d.exchange_id = "
            "s.id)",
            "s.objectives",
            "s.outcome_summary",
            "s.lessons_learned",
        ),
        watched=(
            "reference",
            "title",
            "program",
            "kind",
            "location",
            "host_nation",
            "objectives",
            "outcome_summary",
            "lessons_learned",
        ),
        dependents=(
            ("exchange_partners", (), "SELECT {row}.exchange_id"),
            ("exchange_domains", (), "SELECT {row}.exchange_id"),
        ),
    ),
    Source(
        "agreement",
        3,
        "agreements",
        title=_cat("s.reference", "s.title"),
        body=_cat(
            "replace(s.kind, '_', ' ')",
            "s.scope",
            "(SELECT group_concat(n.name, ' ') FROM agreement_parties AS p JOIN nations AS n ON "
            "n.code = p.nation_code WHERE p.agreement_id = s.id)",
            "(SELECT group_concat(coalesce(g.name, '') || ' ' || coalesce(g.title, ''), ' ') FROM "
            "signatories AS g WHERE g.agreement_id = s.id)",
        ),
        watched=("reference", "title", "kind", "scope"),
        dependents=(
            ("agreement_parties", (), "SELECT {row}.agreement_id"),
            ("signatories", (), "SELECT {row}.agreement_id"),
        ),
    ),
    Source(
        "liaison_assignment",
        4,
        "liaison_assignments",
        stored_name="liaison",
        title=_cat("s.reference", "replace(s.kind, '_', ' ')", "s.host_organisation"),
        body=_cat(
            "(SELECT p.family_name || ' ' || p.given_names FROM people AS p WHERE p.id = "
            "s.person_id)",
            _nation_name("s.sending_nation"),
            _nation_name("s.host_nation"),
            "s.duties",
            "s.disclosure_categories",
            "s.home_poc",
        ),
        watched=(
            "reference",
            "kind",
            "host_organisation",
            "person_id",
            "sending_nation",
            "host_nation",
            "duties",
            "disclosure_categories",
            "home_poc",
        ),
        dependents=(
            (
                "people",
                ("family_name", "given_names"),
                "SELECT id FROM liaison_assignments WHERE person_id = {row}.id",
            ),
        ),
    ),
    Source(
        "contact_log",
        5,
        "contact_log",
        title="coalesce(s.subject, '')",
        body=_cat("s.counterparts", "s.summary"),
        watched=("subject", "counterparts", "summary"),
    ),
    Source(
        "attachment",
        6,
        "attachments",
        title="coalesce(s.name, '')",
        body="coalesce(s.media_type, '')",
        watched=("name", "media_type"),
    ),
)
SOURCE_BY_KIND = {s.kind: s for s in SOURCES}
KIND_CODES = {s.kind: s.code for s in SOURCES}


def _triggers(source: Source, pausable: bool = False) -> list[tuple[str, str]]:
    """(name, body) of a source's triggers; ``pausable``: the insert triggers as of revision
    0004."""
    name = f"{INDEX}_{source.name}"
    when = f"WHEN NOT EXISTS (SELECT 1 FROM {PAUSED}) " if pausable else ""
    triggers = [
        (f"{name}_ai", f"AFTER INSERT ON {source.table} {when}BEGIN {source.reindex('new.id')}END"),
        (
            f"{name}_au",
            f"AFTER UPDATE OF {', '.join(source.watched)} ON {source.table} BEGIN "
            f"{source.remove('old.id')}{source.reindex('new.id')}END",
        ),
        (f"{name}_ad", f"AFTER DELETE ON {source.table} BEGIN {source.remove('old.id')}END"),
    ]
    for table_name, columns, ids in source.dependents:
        stem = f"{name}_{table_name}"
        of = f" OF {', '.join(columns)}" if columns else ""
        triggers.append(
            (
                f"{stem}_ai",
                f"AFTER INSERT ON {table_name} {when}BEGIN "
                f"{source.reindex(ids.format(row='new'))}END",
            )
        )
        triggers.append(
            (
                f"{stem}_au",
                f"AFTER UPDATE{of} ON {table_name} BEGIN "
                f"{source.reindex(ids.format(row='old'))}{source.reindex(ids.format(row='new'))}END",
            )
        )
        triggers.append(
            (
                f"{stem}_ad",
                f"AFTER DELETE ON {table_name} BEGIN {source.reindex(ids.format(row='old'))}END",
            )
        )
    return triggers


def trigger_names() -> list[str]:
    """Names of every trigger that keeps the index current."""
    return [name for source in SOURCES for name, _ in _triggers(source)]


def install_0002(connection: Connection) -> None:
    """Create the index, its vocabulary table and triggers, then fill it (revision 0002)."""
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE {INDEX} USING fts5(kind UNINDEXED, record_id UNINDEXED, title, "
        "body, names, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    connection.exec_driver_sql(f"CREATE VIRTUAL TABLE {TERMS} USING fts5vocab({INDEX}, row)")
    for source in SOURCES:
        for name, body in _triggers(source):
            connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")
    rebuild(connection)


def uninstall_0002(connection: Connection) -> None:
    """Drop what `install_0002` created."""
    for name in trigger_names():
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {TERMS}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {INDEX}")


def _replace_insert_triggers(connection: Connection, pausable: bool) -> None:
    for source in SOURCES:
        for name, body in _triggers(source, pausable):
            if name.endswith("_ai"):
                connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
                connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")


def install_0004(connection: Connection) -> None:
    """The pause table, and insert triggers that stand aside while it holds a row (revision
    0004)."""
    connection.exec_driver_sql(f"CREATE TABLE {PAUSED} (id INTEGER PRIMARY KEY)")
    _replace_insert_triggers(connection, pausable=True)


def uninstall_0004(connection: Connection) -> None:
    """Back to the insert triggers of revision 0002."""
    _replace_insert_triggers(connection, pausable=False)
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {PAUSED}")


def install_0019(connection: Connection) -> None:
    """Every trigger of the index made again from today's definitions (revision 0019: a name's
    key folds Ø, Ł, Æ and the other letters without a diacritic), then the index refilled."""
    for source in SOURCES:
        for name, body in _triggers(source, pausable=True):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
            connection.exec_driver_sql(f"CREATE TRIGGER {name} {body}")
    rebuild(connection)


def rebuild(connection: Connection | Session) -> int:
    """Empty the index and fill it again from every source table; returns the row count."""
    run = connection.execute
    run(text(f"DELETE FROM {INDEX}"))
    for source in SOURCES:
        run(
            text(
                f"INSERT INTO {INDEX} (rowid, kind, record_id, title, body, names) "
                f"{source.select_rows(None)}"
            )
        )
    run(text(f"INSERT INTO {INDEX} ({INDEX}, rank) VALUES ('rank', :rank)"), {"rank": RANK})
    run(text(f"INSERT INTO {INDEX} ({INDEX}) VALUES ('optimize')"))
    return run(text(f"SELECT count(*) FROM {INDEX}")).scalar_one()


KINDS = frozenset(source.kind for source in SOURCES)


class SqliteSearchIndex:
    """The upkeep of the FTS5 index a bulk write needs, inside the writer's transaction."""

    def matching(self, kind: str, typed: str) -> TextClause | None:
        """The ids of ``kind``'s records whose index holds every word typed as a word's start,
        folded as the index folds (a list's text filter: "nunez" finds Núñez); None when
        nothing typed is a word or the kind is not indexed."""
        tokens = index_tokens(typed)
        if not tokens or kind not in KINDS:
            return None
        # tokens are letters and digits; each also as a name's key ("saether": Sæther)
        query = " ".join(
            f'("{token}"* OR names : "{keyed}"*)'
            if (keyed := keyed_token(token))
            else f'"{token}"*'
            for token in tokens
        )
        return text(
            f"SELECT record_id FROM {INDEX} WHERE {INDEX} MATCH :fold_query AND kind = :fold_kind"
        ).bindparams(fold_query=query, fold_kind=kind)

    def rebuild(self, session: Session) -> int:
        """Repopulate the index from the source tables; returns its row count."""
        return rebuild(session)

    def pause(self, session: Session) -> None:
        """Stop the insert triggers for the rest of this transaction or until `resume`;
        the rows inserted meanwhile are indexed by `index_records`."""
        session.execute(text(f"INSERT INTO {PAUSED} (id) VALUES (1) ON CONFLICT DO NOTHING"))

    def resume(self, session: Session) -> None:
        """Let the insert triggers index again."""
        session.execute(text(f"DELETE FROM {PAUSED}"))

    def index_records(self, session: Session, table_name: str, ids: Sequence[int]) -> None:
        """Write the index rows of records inserted into a table while indexing was paused."""
        for source in SOURCES:
            if source.table != table_name or not ids:
                continue
            statement = text(
                f"INSERT INTO {INDEX} (rowid, kind, record_id, title, body, names) "
                f"{source.select_rows('s.id IN :ids')}"
            )
            session.execute(
                statement.bindparams(bindparam("ids", expanding=True)), {"ids": list(ids)}
            )

    def rows(self, session: Session) -> list[tuple[Any, ...]]:
        """Every index row (rowid, title, body, names), sorted: to compare the index before and
        after."""
        statement = text(f"SELECT rowid, title, body, names FROM {INDEX}")
        return sorted(tuple(r) for r in session.execute(statement))


def search_index_of(database: Database) -> SqliteSearchIndex | PostgresSearchIndex:
    """The full-text index of a database: FTS5 on SQLite, ``search_documents`` on a server."""
    if database.is_sqlite:
        return SqliteSearchIndex()
    from app.database.search_documents import PostgresSearchIndex

    return PostgresSearchIndex()

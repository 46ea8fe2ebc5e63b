"""The full-text index on PostgreSQL: one ``search_documents`` row per searchable record.

A row holds the record's hit key (``record_id * 8 + kind code``, as SQLite's rowid), its kind
and id, its ``label_id`` (row-level security reads it), a ``tsvector`` and the texts snippets are
cut from (``title``, ``body``). The ``tsvector`` is written from `app.domain.names.index_tokens`,
the same folding the queries use (`app.search.postgres_fts`) and FTS5's tokenizer mirrors: title
words weigh A, people's transliteration keys (``Mueller`` -> ``muller``) B, the rest D. It is
sent as a ``tsvector`` literal, so no server dictionary or parser changes a word.

Documents are written in the writer's own transaction: a session hook (`keep_documents`, on
every write session of a server database) notes the searchable records a flush touched (and the
parents whose text includes a touched child, as SQLite's triggers do) and, before the COMMIT,
reads their texts (the same expressions as the SQLite index, `search_index.SOURCES`) and
upserts their documents; so a save and its document commit together or not at all. Bulk writes
(Core inserts the hook does not see) index their batch through `PostgresSearchIndex`. A change
made around the application (by hand in psql) is found again by ``xdesk search --rebuild``.
The table's schema is revision 0007's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, event, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.elements import TextClause

from app.database.search_index import SOURCES, Source
from app.domain.names import index_tokens, keyed_token, name_key

DOCUMENTS = "search_documents"
KIND_BITS = 3
MAX_POSITION = 16383  # PostgreSQL keeps word positions up to this
MAX_POSITIONS = 256  # positions kept per word in one document
BATCH = 2000  # records read and written per statement by a rebuild
_TOUCHED = "search_documents_touched"

_UPSERT = text(
    f"INSERT INTO {DOCUMENTS} (key, kind, record_id, label_id, document, title, body) "
    "VALUES (:key, :kind, :record_id, :label_id, CAST(:document AS tsvector), :title, :body) "
    "ON CONFLICT (key) DO UPDATE SET label_id = EXCLUDED.label_id, "
    "document = EXCLUDED.document, title = EXCLUDED.title, body = EXCLUDED.body"
)
# a save's documents: the same upsert through revision 0012's function, whose plan the server
# keeps for the session (the policies of the table and its sources take long to plan)
_PUT = text(
    "SELECT xdesk_document_put(CAST(:key AS bigint), CAST(:kind AS smallint), "
    "CAST(:record_id AS integer), CAST(:label_id AS integer), CAST(:document AS tsvector), "
    "CAST(:title AS text), CAST(:body AS text))"
)
_PUT_FUNCTION = "xdesk_document_put(bigint,smallint,integer,integer,tsvector,text,text)"
_DELETE = text(f"DELETE FROM {DOCUMENTS} WHERE key IN :keys").bindparams(
    bindparam("keys", expanding=True)
)


def tsvector_literal(title: str, names: str, body: str) -> str:
    """A document's ``tsvector`` as text: every word of each field at its position, with its
    weight; a one-position gap between fields keeps a phrase from spanning two of them."""
    positions: dict[str, list[str]] = defaultdict(list)
    position = 1
    for weight, field_text in (("A", title), ("B", name_key(names) if names else ""), ("D", body)):
        for token in index_tokens(field_text):
            kept = positions[token]
            at = f"{min(position, MAX_POSITION)}{weight}"
            if len(kept) < MAX_POSITIONS and (not kept or kept[-1] != at):
                kept.append(at)
            position += 1
        position += 1
    return " ".join(f"{quote_lexeme(word)}:{','.join(at)}" for word, at in positions.items())


def quote_lexeme(word: str) -> str:
    """A word quoted for a ``tsvector`` or ``tsquery`` literal."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _pg(expression: str) -> str:
    """An index text expression of `search_index.SOURCES` (written for SQLite) for PostgreSQL."""
    return expression.replace("group_concat(", "string_agg(")


def _select(source: Source, where: str) -> str:
    """``SELECT id, label_id, title, names, body`` of a source's records matching ``where``."""
    return (
        f"SELECT s.id, s.label_id, {_pg(source.title)}, {_pg(source.name_text)}, "
        f"{_pg(source.body)} FROM {source.table} AS s WHERE {where}"
    )


def _document(source: Source, row: Sequence[Any]) -> dict[str, Any]:
    record_id, label_id, title, names, body = row
    title, names, body = title or "", names or "", body or ""
    return {
        "key": record_id * 8 + source.code,
        "kind": source.code,
        "record_id": record_id,
        "label_id": label_id,
        "document": tsvector_literal(title, names, body),
        "title": title.strip(),
        "body": body.strip(),
    }


# how a change to a row of a table re-indexes a source: (source, attribute naming the source's id)
# or (source, SQL selecting the source's ids from the changed rows' ids, ``:ids``), and the
# columns whose change matters (() for any)
_PARENT = re.compile(r"^SELECT \{row\}\.(\w+)$")
_BY_ROW_ID = re.compile(r"^SELECT id FROM (\w+) WHERE (\w+) = \{row\}\.id$")


def _dependents() -> dict[str, list[tuple[Source, str, str, tuple[str, ...]]]]:
    found: dict[str, list[tuple[Source, str, str, tuple[str, ...]]]] = defaultdict(list)
    for source in SOURCES:
        found[source.table].append((source, "id", "", ()))
        for table_name, columns, ids in source.dependents:
            parent = _PARENT.match(ids)
            by_row = _BY_ROW_ID.match(ids)
            if parent:
                found[table_name].append((source, parent.group(1), "", columns))
            elif by_row:
                sql = f"SELECT id FROM {by_row.group(1)} WHERE {by_row.group(2)} IN :ids"
                found[table_name].append((source, "id", sql, columns))
            else:  # a new kind of dependency needs its own translation here
                raise RuntimeError(f"search documents cannot follow {table_name}: {ids}")
    return dict(found)


DEPENDENTS = _dependents()


class Touched:
    """The records whose documents a transaction must write: per source, ids and (for
    dependencies through another table) the SQL and ids that select more."""

    def __init__(self) -> None:
        self.ids: dict[int, set[int]] = defaultdict(set)
        self.selected: dict[tuple[int, str], set[int]] = defaultdict(set)
        self.removed: set[int] = set()

    def __bool__(self) -> bool:
        return bool(self.ids or self.selected or self.removed)


def _note(touched: Touched, obj: Any, deleted: bool, new: bool) -> None:
    table_name = getattr(type(obj), "__tablename__", None)
    for source, attribute, sql, columns in DEPENDENTS.get(table_name, ()):
        if columns and not (new or deleted):
            state = inspect(obj)
            if not any(state.attrs[c].history.has_changes() for c in columns):
                continue
        value = getattr(obj, attribute, None)
        if value is None:
            continue
        if sql:
            touched.selected[(source.code, sql)].add(value)
        elif deleted and attribute == "id":
            touched.removed.add(value * 8 + source.code)
        else:
            touched.ids[source.code].add(value)


def _after_flush(session: Session, _context: Any) -> None:
    touched = session.info.setdefault(_TOUCHED, Touched())
    for obj in session.new:
        _note(touched, obj, deleted=False, new=True)
    for obj in session.dirty:
        if session.is_modified(obj, include_collections=False):
            _note(touched, obj, deleted=False, new=False)
    for obj in session.deleted:
        _note(touched, obj, deleted=True, new=False)


def _forget(session: Session, *_args: Any) -> None:
    session.info.pop(_TOUCHED, None)


def keep_documents(factory: sessionmaker) -> None:
    """Keep the documents of what the sessions of ``factory`` write, in their transactions.

    A database whose schema predates the documents (revision 0007; the application upgrades
    before it writes, so only a test builds such a database) is written without them: whether
    the table exists is asked once, and again only while it does not."""
    present = put = False

    def before_commit(session: Session) -> None:
        nonlocal present, put
        session.flush()
        touched = session.info.pop(_TOUCHED, None)
        if not touched:
            return
        if not put:
            found = session.execute(
                text(f"SELECT to_regclass('{DOCUMENTS}'), to_regprocedure('{_PUT_FUNCTION}')")
            ).one()
            present, put = found[0] is not None, found[1] is not None
            if not present:
                return
        write_documents(session, touched, through_function=put)

    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "before_commit", before_commit)
    event.listen(factory, "after_rollback", _forget)


def write_documents(session: Session, touched: Touched, through_function: bool = True) -> None:
    """Write (or remove) the documents of the touched records (``through_function``: by
    revision 0012's ``xdesk_document_put``, else the upsert itself, as before it)."""
    documents: list[dict[str, Any]] = []
    for source in SOURCES:
        ids = touched.ids.get(source.code, set())
        wheres, params = [], {}
        if ids:
            wheres.append("s.id IN :ids")
            params["ids"] = sorted(ids)
        for n, ((code, sql), selected) in enumerate(sorted(touched.selected.items())):
            if code == source.code:
                wheres.append(f"s.id IN ({sql.replace(':ids', f':sel{n}')})")
                params[f"sel{n}"] = sorted(selected)
        if not wheres:
            continue
        statement = text(_select(source, " OR ".join(wheres))).bindparams(
            *(bindparam(name, expanding=True) for name in params)
        )
        documents += [_document(source, row) for row in session.execute(statement, params)]
    removed = touched.removed - {d["key"] for d in documents}
    if removed:
        session.execute(_DELETE, {"keys": sorted(removed)})
    if documents:
        session.execute(_PUT if through_function else _UPSERT, documents)


def index_records(session: Session, table_name: str, ids: Iterable[int]) -> None:
    """Write the documents of records a bulk write inserted into a table (Core, unseen by the
    session hook)."""
    touched = Touched()
    for source in SOURCES:
        if source.table == table_name:
            touched.ids[source.code].update(ids)
    if touched:
        write_documents(session, touched)


def rebuild(session: Session | Connection) -> int:
    """Empty the documents and write them again from every source table (those the connected
    role may read); returns the row count."""
    session.execute(text(f"DELETE FROM {DOCUMENTS}"))
    for source in SOURCES:
        after = 0
        while True:
            statement = text(_select(source, "s.id > :after") + f" ORDER BY s.id LIMIT {BATCH}")
            rows = session.execute(statement, {"after": after}).all()
            if not rows:
                break
            session.execute(_UPSERT, [_document(source, row) for row in rows])
            after = rows[-1][0]
    return session.execute(text(f"SELECT count(*) FROM {DOCUMENTS}")).scalar_one()


def rows(session: Session) -> list[tuple[Any, ...]]:
    """Every document (key, title, body, words), sorted: to compare the index before and after."""
    return sorted(
        tuple(r)
        for r in session.execute(
            text(f"SELECT key, title, body, document::text FROM {DOCUMENTS} ORDER BY key")
        )
    )


class PostgresSearchIndex:
    """The upkeep of the documents a bulk write needs, inside the writer's transaction."""

    def matching(self, kind: str, typed: str) -> TextClause | None:
        """The ids of ``kind``'s records whose document holds every word typed as a word's
        start, folded as the documents are (`index_tokens`); None when nothing typed is a word
        or the kind has no documents."""
        from app.database.search_index import SOURCES

        code = next((source.code for source in SOURCES if source.kind == kind), None)
        tokens = index_tokens(typed)
        if not tokens or code is None:
            return None
        query = " & ".join(  # each word also as a name's key ("saether": Sæther)
            f"({quote_lexeme(token)}:* | {quote_lexeme(keyed)}:*B)"
            if (keyed := keyed_token(token))
            else f"{quote_lexeme(token)}:*"
            for token in tokens
        )
        return text(
            f"SELECT record_id FROM {DOCUMENTS} WHERE kind = :fold_kind "
            "AND document @@ CAST(:fold_query AS tsquery)"
        ).bindparams(fold_query=query, fold_kind=code)

    def rebuild(self, session: Session) -> int:
        """Write every document again; returns their count."""
        return rebuild(session)

    def pause(self, session: Session) -> None:
        """Nothing to pause: documents follow the session, and a batch is indexed by
        `index_records`."""

    def resume(self, session: Session) -> None:
        """Nothing to resume."""

    def index_records(self, session: Session, table_name: str, ids: Sequence[int]) -> None:
        """Write the documents of records inserted into a table by a bulk write."""
        if ids:
            index_records(session, table_name, ids)

    def rows(self, session: Session) -> list[tuple[Any, ...]]:
        """Every document, sorted."""
        return rows(session)

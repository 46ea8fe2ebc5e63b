"""A broad search on a server reads only its newest matches' rows (issue 12: search at a million).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 19:40:00

PostgreSQL only (nothing changes on SQLite). Revision 0015's ``xdesk_search_newest`` keeps the
newest matches of a search (the highest keys), but to know which they are it read the row of
every match: "Müller" at a million people matches 33,040 documents on 16,648 of the table's
23,400 pages, read before the newest 5,000 could be kept (the GIN index holds no order).

Here the documents are also indexed by their age: a second GIN index on the document with one
more word, ``~N``, where N is the document's key shifted right by 20 bits (a band of 131,072
records of each kind). The function asks for the query's matches band by band, newest band
first (``query & '~N'``: the index intersects the two lists of documents itself, so only the
matches of that band are read from the table), checks and ranks them as before, and stops as
soon as it holds as many as the search ranks. After six bands (786,432 records of each kind)
it asks for everything older at once, as 0015 did, so a rare word costs at most six small index
probes more. The result is the same as 0015's, row for row: bands are disjoint and taken in
key order, and a band is read whole before the next. Owners and superusers still get every
match (the search's own conditions then keep the newest); a NULL limit still means all.

The index is an expression index, so no stored document changes; it is built in one statement
(seconds at a million documents). Same owner, grants and guard as 0015; the DDL is frozen here.
Downgrade restores 0015's function and drops the index.
"""

import importlib.util
from pathlib import Path

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

SIGNATURE = "xdesk_search_newest(tsquery, smallint[], boolean, integer)"
BAND_BITS = 20  # a band: 2**20 keys, 131,072 records of each kind (a key is id * 8 + kind)
BANDS = 6  # bands asked for one by one before everything older at once

# the document with its band word; the index and the function's query spell it alike
DATED = f"(d.document || array_to_tsvector(ARRAY['~' || (d.key >> {BAND_BITS})::text]))"
# a document of ``band`` matching the query (the band word joined to the query with ``&``)
IN_BAND = f"{DATED} @@ (p_query && ('''~' || band || '''')::tsquery)"
INDEX = f"""
CREATE INDEX ix_search_documents_dated ON search_documents
USING gin ((document || array_to_tsvector(ARRAY['~' || (key >> {BAND_BITS})::text])))
"""

# code -> (source table, whether it has ``archived``), as in 0015
SOURCES = {
    1: ("people", True),
    2: ("exchanges", True),
    3: ("agreements", True),
    4: ("liaison_assignments", True),
    5: ("contact_log", False),
    6: ("attachments", False),
}

_GUARD = """
    IF current_user::text <> left(current_database() || '_search', 63)
       OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = current_user
                  AND (r.rolsuper OR r.rolbypassrls)) THEN
        RAISE EXCEPTION 'the search functions must be owned by the role %_search',
            current_database() USING ERRCODE = 'insufficient_privilege';
    END IF;
    wide := EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = session_user
                    AND (r.rolsuper OR r.rolbypassrls))
         OR (SELECT t.tableowner FROM pg_tables t
             WHERE t.schemaname = 'public' AND t.tablename = 'users') = session_user::text;"""


def _seen(code: int) -> str:
    """The document of kind ``code`` has a record the caller can see (its table's row security
    decides) and, with ``p_live``, one not archived; one probe of the primary key per document,
    in the documents' order, stopping with the ``LIMIT`` (``OFFSET 0``, as in 0015)."""
    table, archived = SOURCES[code]
    live = " AND (NOT p_live OR s.archived IS false)" if archived else ""
    return (
        f"WHEN {code} THEN EXISTS (SELECT 1 FROM {table} AS s "
        f"WHERE s.id = m.record_id{live} OFFSET 0)"
    )


def _newest(matching: str) -> str:
    """The newest visible documents among those ``matching`` (a condition on ``d``), at most
    ``p_newest - found`` of them, ranked."""
    return f"""
        SELECT v.key, v.kind, v.record_id,
               ts_rank_cd('{{0.1, 0.2, 0.6, 1.0}}'::float4[], d.document, p_query)
        FROM (SELECT m.key, m.kind, m.record_id
              FROM (SELECT d.key, d.kind, d.record_id FROM search_documents d
                    WHERE {matching} AND d.kind = ANY (p_kinds)
                    ORDER BY d.key DESC OFFSET 0) AS m
              WHERE CASE m.kind {" ".join(_seen(code) for code in SOURCES)} ELSE false END
              ORDER BY m.key DESC
              LIMIT p_newest - found) AS v
        JOIN search_documents d ON d.key = v.key"""


FUNCTION = f"""
CREATE FUNCTION xdesk_search_newest(
    p_query tsquery, p_kinds smallint[], p_live boolean, p_newest integer)
RETURNS TABLE (key bigint, kind smallint, record_id integer, score real)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
SET plan_cache_mode = force_generic_plan ROWS 200 AS $$
DECLARE
    wide boolean;
    top bigint;
    below bigint;
    band bigint;
    asked integer := 0;
    found integer := 0;
    got integer;
BEGIN{_GUARD}
    IF wide THEN  -- the owner or a superuser: every match (the caller's conditions then apply)
        RETURN QUERY
            SELECT d.key, d.kind, d.record_id,
                   ts_rank_cd('{{0.1, 0.2, 0.6, 1.0}}'::float4[], d.document, p_query)
            FROM search_documents d WHERE d.document @@ p_query AND d.kind = ANY (p_kinds);
        RETURN;
    END IF;
    IF p_newest IS NULL THEN  -- every visible match (LIMIT NULL - 0: no limit)
        RETURN QUERY {_newest("d.document @@ p_query")};
        RETURN;
    END IF;
    SELECT max(s.key) INTO top FROM search_documents s;
    IF top IS NULL THEN
        RETURN;
    END IF;
    below := top + 1;  -- the keys from here up are done
    band := top >> {BAND_BITS};
    WHILE band > 0 AND asked < {BANDS} AND found < p_newest LOOP
        RETURN QUERY {_newest(IN_BAND)};
        GET DIAGNOSTICS got = ROW_COUNT;
        found := found + got;
        below := band << {BAND_BITS};
        band := band - 1;
        asked := asked + 1;
        -- spread over every key, the matches so far promise too few to stop early: the rest
        -- at once (a rare word costs one probe more than 0015, not six)
        EXIT WHEN found::float8 * (top + 1) / (top + 1 - below) < 2 * p_newest;
    END LOOP;
    IF below > 0 AND found < p_newest THEN  -- everything older at once (band 0: all of it)
        -- (``key + 0``: a filter on the matches, never a walk of the primary key's index,
        -- which a generic plan would otherwise AND with them: a million keys read)
        RETURN QUERY {_newest("d.document @@ p_query AND d.key + 0 < below")};
    END IF;
END $$
"""

OWN = f"""
DO $$
DECLARE
    searcher text := left(current_database() || '_search', 63);
    grp text := current_database() || '_users';
    member boolean := pg_has_role(current_user, left(current_database() || '_search', 63),
                                  'MEMBER');
BEGIN
    EXECUTE format('REVOKE EXECUTE ON FUNCTION {SIGNATURE} FROM PUBLIC');
    EXECUTE format('GRANT EXECUTE ON FUNCTION {SIGNATURE} TO %I', grp);
    IF NOT member THEN EXECUTE format('GRANT %I TO %I', searcher, current_user); END IF;
    EXECUTE format('GRANT CREATE ON SCHEMA public TO %I', searcher);
    EXECUTE format('ALTER FUNCTION {SIGNATURE} OWNER TO %I', searcher);
    EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', searcher);
    IF NOT member THEN EXECUTE format('REVOKE %I FROM %I', searcher, current_user); END IF;
END $$
"""

DROP = f"""
DO $$
DECLARE
    searcher text := left(current_database() || '_search', 63);
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = searcher)
       AND NOT pg_has_role(current_user, searcher, 'MEMBER') THEN
        EXECUTE format('GRANT %I TO %I', searcher, current_user);
    END IF;
    DROP FUNCTION IF EXISTS {SIGNATURE};
END $$
"""


def _revision_0015():  # noqa: ANN202 - a migration module
    """Revision 0015's module (its function is what a downgrade restores)."""
    path = Path(__file__).with_name("0015_newest_search_hits.py")
    spec = importlib.util.spec_from_file_location("revision_0015", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(INDEX)
    op.execute(DROP)
    op.execute(FUNCTION)
    op.execute(OWN)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    earlier = _revision_0015()
    op.execute(DROP)
    op.execute(earlier.FUNCTION)
    op.execute(earlier.OWN)
    op.execute("DROP INDEX IF EXISTS ix_search_documents_dated")

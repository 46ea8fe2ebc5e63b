"""A search on a server stops at the newest matches it ranks (issue 12: search at a million).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 19:00:00

PostgreSQL only (nothing changes on SQLite). A search ranks at most the 5,000 most recent
visible matches (`app.search.ranking`). On SQLite the index is read newest first and the
statement stops there; on a server ``xdesk_search_hits(tsquery)`` (revision 0012) returned
every match, each ranked and each checked against its record, before the newest were kept:
"Müller" at a million people matched 33,500 documents and took half a second.

``xdesk_search_newest(tsquery, smallint[], boolean, integer)`` takes what the search wants:
the kinds' codes, whether archived records are left out (as the search leaves them unless
asked), and how many of the newest it keeps (NULL: all). It reads the matching documents' keys
through the GIN index, sorts them newest first, checks their records in that order (the
policies' own ``EXISTS``, archived left out when asked) until it has enough, and ranks only
those. The search's own access conditions and filters still apply on top; a search with other
filters (nation, status, dates, level, programme) asks for all matches, as before.

Same owner (the search role), grants (EXECUTE for the users' group only), guard (it refuses to
run under any other owner), ``SECURITY DEFINER`` and answer to a session of the owner or a
superuser (every match of the kinds: they see every record anyway, and the search's own
conditions then keep the newest) as the functions of 0012, which stay
(a list's quick filter wants every match of one kind). The DDL is frozen here on purpose.
"""

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

SIGNATURE = "xdesk_search_newest(tsquery, smallint[], boolean, integer)"

# code -> (source table, whether it has ``archived``)
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
    decides) and, with ``p_live``, one not archived. ``OFFSET 0`` keeps it one probe of the
    primary key per document, in the documents' order, stopping with the ``LIMIT``: without it
    the planner may hash the whole table instead (a generic plan cannot know how few documents
    it needs)."""
    table, archived = SOURCES[code]
    live = " AND (NOT p_live OR s.archived IS false)" if archived else ""
    return (
        f"WHEN {code} THEN EXISTS (SELECT 1 FROM {table} AS s "
        f"WHERE s.id = m.record_id{live} OFFSET 0)"
    )


FUNCTION = f"""
CREATE FUNCTION xdesk_search_newest(
    p_query tsquery, p_kinds smallint[], p_live boolean, p_newest integer)
RETURNS TABLE (key bigint, kind smallint, record_id integer, score real)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
SET plan_cache_mode = force_generic_plan ROWS 200 AS $$
DECLARE
    wide boolean;
BEGIN{_GUARD}
    IF wide THEN  -- the owner or a superuser: every match (the caller's conditions then apply)
        RETURN QUERY
            SELECT d.key, d.kind, d.record_id,
                   ts_rank_cd('{{0.1, 0.2, 0.6, 1.0}}'::float4[], d.document, p_query)
            FROM search_documents d WHERE d.document @@ p_query AND d.kind = ANY (p_kinds);
        RETURN;
    END IF;
    RETURN QUERY
        SELECT v.key, v.kind, v.record_id,
               ts_rank_cd('{{0.1, 0.2, 0.6, 1.0}}'::float4[], d.document, p_query)
        FROM (SELECT m.key, m.kind, m.record_id
              FROM (SELECT d.key, d.kind, d.record_id FROM search_documents d
                    WHERE d.document @@ p_query AND d.kind = ANY (p_kinds)
                    ORDER BY d.key DESC OFFSET 0) AS m
              WHERE CASE m.kind {" ".join(_seen(code) for code in SOURCES)} ELSE false END
              ORDER BY m.key DESC
              LIMIT p_newest) AS v
        JOIN search_documents d ON d.key = v.key;
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


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    op.execute(OWN)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(DROP)

"""Row security at the speed of a desk: cached helper plans, a search that can use its index.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 14:00:00

PostgreSQL only (nothing changes on SQLite). The access rule is the same one, row for row;
what changes is how often the server plans and runs it:

- The helpers of revision 0008 that every policy calls (``xdesk_readable_label_array()``,
  ``xdesk_clearance()``, ``xdesk_writer()``, ``xdesk_is_admin()``, ``xdesk_reads_audit()``) are
  PL/pgSQL with the same query: a SQL function that is not inlined (SECURITY DEFINER never
  is) had its query planned again at every call, about a millisecond per InitPlan and a
  statement has several; PL/pgSQL keeps the plan for the session. Same owner, grants,
  ``SECURITY DEFINER``, ``STABLE`` and ``search_path``.
- A saved record's document is written by ``xdesk_document_put(...)``, invoker's rights (the
  policies of 0007 apply to it as to the statement it holds, unchanged), which keeps its plan
  for the session (``plan_cache_mode = force_generic_plan``): the upsert's policies (every
  source table's, and their parents', for the new row, the existing row and the update) took
  40 ms to plan, at every save.
- Row security is applied before any condition that is not LEAKPROOF, and ``@@`` is not: under
  a policy the GIN index could never serve a search, which read every document and checked
  each one's record. ``xdesk_search_hits(tsquery)``, ``xdesk_search_texts(bigint[])`` and
  ``xdesk_search_words(text, text, integer)`` match with the index first and then keep only the
  documents whose record the caller can see, by the very ``EXISTS`` of the policy. They are
  ``SECURITY DEFINER`` owned by ``<database>_search``, a NOLOGIN role that is only a member of
  ``<database>_users``: every source table's policy applies to it as to any user, and the
  policies' helpers read ``session_user`` (the caller); its one extra is a SELECT policy on
  ``search_documents`` (the index scan), and the functions check again, per document, what
  that policy checks. A session of the owner, a superuser or a role that bypasses row
  security (which see every record anyway) gets every match. Any other owner of these
  functions (a restore without owners) makes them refuse to run, never answer wider.
  EXECUTE for the users' group only.

The DDL is frozen here on purpose (not imported from the application).
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

SOURCES = {
    1: "people",
    2: "exchanges",
    3: "agreements",
    4: "liaison_assignments",
    5: "contact_log",
    6: "attachments",
}


def _case(kind: str, record_id: str) -> str:
    """0007's rule: the document's record is visible to the role running the statement."""
    return (
        f"CASE {kind} "
        + " ".join(
            f"WHEN {code} THEN EXISTS (SELECT 1 FROM {table} AS s WHERE s.id = {record_id})"
            for code, table in SOURCES.items()
        )
        + " ELSE false END"
    )


LABEL_ARRAY_QUERY = """
    SELECT COALESCE(array_agg(l.id ORDER BY l.id), '{}'::integer[])
    FROM labels l
    JOIN users u ON u.username = session_user AND u.active
    WHERE l.level <= u.clearance
      AND (u.nation_code = (SELECT s.value FROM settings s WHERE s.key = 'owner_nation')
           OR l.release = 'ALL'
           OR (l.release = 'REL' AND EXISTS (
                SELECT 1 FROM label_releases r
                WHERE r.label_id = l.id
                  AND (r.code = u.nation_code OR r.code IN (
                      SELECT m.group_code FROM nation_group_members m
                      WHERE m.nation_code = u.nation_code)))))
      AND (NOT EXISTS (SELECT 1 FROM label_groups g WHERE g.label_id = l.id)
           OR EXISTS (SELECT 1 FROM label_groups g
                      JOIN user_groups ug ON ug.group_name = g.group_name AND ug.user_id = u.id
                      WHERE g.label_id = l.id))"""

# name -> (return type, query): the 0008 helpers, unchanged in what they answer
HELPERS = {
    "xdesk_readable_label_array": ("integer[]", LABEL_ARRAY_QUERY),
    "xdesk_clearance": (
        "integer",
        """
    SELECT COALESCE((SELECT u.clearance FROM users u
                     WHERE u.username = session_user AND u.active), -1)""",
    ),
    "xdesk_writer": (
        "boolean",
        """
    SELECT EXISTS (SELECT 1 FROM users u WHERE u.username = session_user AND u.active
                   AND u.role IN ('administrator', 'coordinator'))""",
    ),
    "xdesk_is_admin": (
        "boolean",
        """
    SELECT EXISTS (SELECT 1 FROM users u WHERE u.username = session_user AND u.active
                   AND u.role = 'administrator')""",
    ),
    "xdesk_reads_audit": (
        "boolean",
        """
    SELECT EXISTS (SELECT 1 FROM users u WHERE u.username = session_user AND u.active
                   AND u.role IN ('administrator', 'auditor'))""",
    ),
}


def _helper(name: str, language: str) -> str:
    returns, query = HELPERS[name]
    body = f"BEGIN\n    RETURN ({query}\n    );\nEND" if language == "plpgsql" else query
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS {returns}\n"
        f"LANGUAGE {language} STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$"
        f"{body}\n$$"
    )


DOCUMENT_PUT = """
CREATE FUNCTION xdesk_document_put(p_key bigint, p_kind smallint, p_record_id integer,
    p_label_id integer, p_document tsvector, p_title text, p_body text) RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp
SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    INSERT INTO search_documents (key, kind, record_id, label_id, document, title, body)
    VALUES (p_key, p_kind, p_record_id, p_label_id, p_document, p_title, p_body)
    ON CONFLICT (key) DO UPDATE SET label_id = EXCLUDED.label_id,
        document = EXCLUDED.document, title = EXCLUDED.title, body = EXCLUDED.body;
END $$
"""
DOCUMENT_PUT_SIGNATURE = (
    "xdesk_document_put(bigint, smallint, integer, integer, tsvector, text, text)"
)

# the search functions' first step: run only as the search role, never as anyone wider
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


def _visible(columns: str, matched: str) -> str:
    """``SELECT columns`` of the documents ``matched`` selects (a materialized CTE ``m``, read
    once, by the index) whose record the role running it can see: 0007's rule kind by kind, each
    an ``EXISTS`` on the source table (its row security decides) that the planner joins to the
    few matches instead of testing each document with a subplan."""
    return f"WITH m AS MATERIALIZED ({matched})\n" + "\n        UNION ALL\n".join(
        f"        SELECT {columns} FROM m WHERE m.kind = {code} AND EXISTS "
        f"(SELECT 1 FROM {table} AS s WHERE s.id = m.record_id)"
        for code, table in SOURCES.items()
    )


_HITS_MATCHED = (
    "SELECT d.key, d.kind, d.record_id, "
    "ts_rank_cd('{0.1, 0.2, 0.6, 1.0}'::float4[], d.document, p_query) AS score "
    "FROM search_documents d WHERE d.document @@ p_query"
)
_TEXTS_MATCHED = (
    "SELECT d.key, d.kind, d.record_id, d.title, d.body FROM search_documents d "
    "WHERE d.key = ANY (p_keys)"
)

SEARCH_FUNCTIONS = [
    f"""
CREATE FUNCTION xdesk_search_hits(p_query tsquery)
RETURNS TABLE (key bigint, kind smallint, record_id integer, score real)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
SET plan_cache_mode = force_generic_plan ROWS 200 AS $$
DECLARE
    wide boolean;
BEGIN{_GUARD}
    IF wide THEN
        RETURN QUERY {_HITS_MATCHED};
    ELSE
        RETURN QUERY {_visible("m.key, m.kind, m.record_id, m.score", _HITS_MATCHED)};
    END IF;
END $$
""",
    f"""
CREATE FUNCTION xdesk_search_texts(p_keys bigint[])
RETURNS TABLE (key bigint, title text, body text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
SET plan_cache_mode = force_generic_plan ROWS 50 AS $$
DECLARE
    wide boolean;
BEGIN{_GUARD}
    IF wide THEN
        RETURN QUERY SELECT d.key, d.title, d.body FROM search_documents d
            WHERE d.key = ANY (p_keys);
    ELSE
        RETURN QUERY {_visible("m.key, m.title, m.body", _TEXTS_MATCHED)};
    END IF;
END $$
""",
    f"""
CREATE FUNCTION xdesk_search_words(p_probe text, p_prefix text, p_limit integer)
RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
ROWS 100 AS $$
DECLARE
    wide boolean;
BEGIN{_GUARD}
    RETURN QUERY
        SELECT w.word FROM ts_stat(
            'SELECT d.document FROM search_documents d WHERE d.document @@ '
            || quote_literal(p_probe) || '::tsquery AND ('
            || CASE WHEN wide THEN 'true' ELSE
                   $q${_case("d.kind", "d.record_id")}$q$ END || ')') AS w
        WHERE starts_with(w.word, p_prefix)
        ORDER BY w.ndoc DESC, w.word LIMIT p_limit;
END $$
""",
]
SEARCH_SIGNATURES = (
    "xdesk_search_hits(tsquery)",
    "xdesk_search_texts(bigint[])",
    "xdesk_search_words(text, text, integer)",
)

SEARCH_ROLE = r"""
DO $$
DECLARE
    searcher text := left(current_database() || '_search', 63);
    grp text := current_database() || '_users';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', grp);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = searcher) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', searcher);
    END IF;
    EXECUTE format('GRANT %I TO %I', grp, searcher);
    EXECUTE format('CREATE POLICY xdesk_search ON search_documents FOR SELECT TO %I '
                   'USING (true)', searcher);
END $$
"""


def _own_search_functions() -> str:
    """The search functions' owner becomes the search role (the role running this, a member for
    the change only; the search role may create in the schema only meanwhile)."""
    grants = " ".join(
        f"EXECUTE format('REVOKE EXECUTE ON FUNCTION {f} FROM PUBLIC'); "
        f"EXECUTE format('GRANT EXECUTE ON FUNCTION {f} TO %I', grp); "
        for f in SEARCH_SIGNATURES
    )
    owners = " ".join(
        f"EXECUTE format('ALTER FUNCTION {f} OWNER TO %I', searcher);" for f in SEARCH_SIGNATURES
    )
    return (
        "DO $$\nDECLARE\n    searcher text := left(current_database() || '_search', 63);\n"
        "    grp text := current_database() || '_users';\n"
        "    member boolean := pg_has_role(current_user, "
        "left(current_database() || '_search', 63), 'MEMBER');\nBEGIN\n"
        f"    {grants}\n"
        "    IF NOT member THEN EXECUTE format('GRANT %I TO %I', searcher, current_user); END IF;\n"
        "    EXECUTE format('GRANT CREATE ON SCHEMA public TO %I', searcher);\n"
        f"    {owners}\n"
        "    EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', searcher);\n"
        "    IF NOT member THEN EXECUTE format('REVOKE %I FROM %I', searcher, current_user); "
        "END IF;\nEND $$"
    )


DROP_SEARCH = r"""
DO $$
DECLARE
    searcher text := left(current_database() || '_search', 63);
    grp text := current_database() || '_users';
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = searcher)
       AND NOT pg_has_role(current_user, searcher, 'MEMBER') THEN
        EXECUTE format('GRANT %I TO %I', searcher, current_user);
    END IF;
    DROP FUNCTION IF EXISTS xdesk_search_hits(tsquery);
    DROP FUNCTION IF EXISTS xdesk_search_texts(bigint[]);
    DROP FUNCTION IF EXISTS xdesk_search_words(text, text, integer);
    DROP POLICY IF EXISTS xdesk_search ON search_documents;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = searcher) THEN
        EXECUTE format('DROP ROLE %I', searcher);
    END IF;
END $$
"""


def _group() -> str:
    database = op.get_bind().exec_driver_sql("SELECT current_database()").scalar()
    return f"{database}_users"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in HELPERS:
        op.execute(_helper(name, "plpgsql"))
    group = _group()
    op.execute(DOCUMENT_PUT)
    op.execute(f"REVOKE EXECUTE ON FUNCTION {DOCUMENT_PUT_SIGNATURE} FROM PUBLIC")
    op.execute(f'GRANT EXECUTE ON FUNCTION {DOCUMENT_PUT_SIGNATURE} TO "{group}"')
    op.execute(SEARCH_ROLE)
    for statement in SEARCH_FUNCTIONS:
        op.execute(statement)
    op.execute(_own_search_functions())


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(DROP_SEARCH)
    op.execute(f"DROP FUNCTION {DOCUMENT_PUT_SIGNATURE}")
    for name in HELPERS:
        op.execute(_helper(name, "sql"))

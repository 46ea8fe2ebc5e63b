"""Search on a server: one ``search_documents`` row per searchable record.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 14:30:00

PostgreSQL only (SQLite keeps its FTS5 index of revision 0002; nothing changes there):

- ``search_documents``: the hit key (``record_id * 8 + kind code``, as SQLite's rowid), kind,
  record id, the record's ``label_id``, a ``tsvector`` of its folded words (written by the
  application from `app.domain.names.index_tokens`, weights A title, B name keys, D the rest)
  and the texts snippets are cut from; a GIN index on the ``tsvector``.
- Row-level security enabled and forced on it, with one policy for every command: a document is
  seen and written only with its record, i.e. when the connected role can see the record's own
  row (``EXISTS`` on the source table, which applies that table's own row-level security: its
  label and its parents). The rule is not written twice, so a change to the source tables'
  policies holds here too.
- The user roles' group (``<database>_users``) may read and write documents (their saves write
  them, in the same transaction).
- The documents of the records already stored are written here.

The DDL is frozen here on purpose; the fill uses the application's folding.
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

TABLE = """
CREATE TABLE search_documents (
    key bigint NOT NULL,
    kind smallint NOT NULL,
    record_id integer NOT NULL,
    label_id integer NOT NULL,
    document tsvector NOT NULL,
    title text NOT NULL DEFAULT '',
    body text NOT NULL DEFAULT '',
    CONSTRAINT pk_search_documents PRIMARY KEY (key),
    CONSTRAINT fk_search_documents_label_id_labels FOREIGN KEY (label_id) REFERENCES labels (id)
)
"""
GRANTS = r"""
DO $$
DECLARE
    grp text := current_database() || '_users';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', grp);
    END IF;
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON search_documents TO %I', grp);
END $$
"""
# kind code -> source table (the codes of `app.services.kinds`, frozen in revision 0002)
SOURCES = {
    1: "people",
    2: "exchanges",
    3: "agreements",
    4: "liaison_assignments",
    5: "contact_log",
    6: "attachments",
}
POLICY = (
    "CREATE POLICY search_documents_with_record ON search_documents USING (CASE kind "
    + " ".join(
        f"WHEN {code} THEN EXISTS (SELECT 1 FROM {table} AS s "
        "WHERE s.id = search_documents.record_id)"
        for code, table in SOURCES.items()
    )
    + " ELSE false END)"
)
UPGRADE = [
    TABLE,
    "CREATE INDEX ix_search_documents_document ON search_documents USING gin (document)",
    "CREATE INDEX ix_search_documents_label_id ON search_documents (label_id)",
    "ALTER TABLE search_documents ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE search_documents FORCE ROW LEVEL SECURITY",
    POLICY,
    "REVOKE ALL ON search_documents FROM PUBLIC",
    GRANTS,
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in UPGRADE:
        op.execute(statement)
    from app.database.search_documents import rebuild

    rebuild(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE search_documents")

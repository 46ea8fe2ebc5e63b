"""search: full-text index (SQLite FTS5 with triggers) and saved searches

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 21:30:00

The FTS5 index, its vocabulary table and the triggers that keep it current exist only on
SQLite (filled from the existing records here); other dialects get just the saved-search table
(a PostgreSQL search engine brings its own revision).
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("kinds", sa.String(length=200), nullable=False),
        sa.Column("filters", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_run_at", sa.DateTime(), nullable=True),
        sa.Column("last_matches", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_searches")),
        sa.UniqueConstraint("username", "name", name=op.f("uq_saved_searches_username_name")),
    )
    with op.batch_alter_table("saved_searches", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_saved_searches_username"), ["username"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        from app.database.search_index import install_0002

        install_0002(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        from app.database.search_index import uninstall_0002

        uninstall_0002(op.get_bind())
    with op.batch_alter_table("saved_searches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_saved_searches_username"))
    op.drop_table("saved_searches")

"""Bulk import: pausable search-index insert triggers, and people found by date of birth.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 20:00:00

On SQLite the search index's insert triggers are recreated to stand aside while the new table
``search_index_paused`` holds a row, so a bulk import indexes a whole batch in one statement
(`app.database.search_index.install_0004`). Every dialect gets an index on ``people.date_of_birth``
that also holds the names and what the access filter reads: the duplicate warnings of an import
look up the people born on the days of a whole batch from the index alone.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_people_date_of_birth",
        "people",
        ["date_of_birth", "family_name", "given_names", "label_id", "archived"],
        unique=False,
    )
    if op.get_bind().dialect.name == "sqlite":
        from app.database.search_index import install_0004

        install_0004(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        from app.database.search_index import uninstall_0004

        uninstall_0004(op.get_bind())
    op.drop_index("ix_people_date_of_birth", table_name="people")

"""A declassification date beside every record's label (issue 14, item 8).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 12:30:00

E.O. 13526 §1.5: an original classification sets when the information is declassified, at
most 25 years away. Every labelled table gets ``declassify_on`` (a date, nullable): the
record's own date, set in the label editor, an import's ``declassify_on`` column or the
command line; NULL is the default, 25 years after the record was created
(`app.domain.declassification.effective`), so existing records need no backfill and keep
exactly the date they had (reports printed printing date + 25 years before, never earlier).
A report's Declassify On is the most distant date of the records it shows. Downgrade drops
the column (the dates set since are lost; the database was copied before the upgrade).
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# the labelled tables of this revision, frozen here (not read from the application)
TABLES = (
    "agreements",
    "attachments",
    "contact_log",
    "exchanges",
    "liaison_assignments",
    "participations",
    "people",
)


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("declassify_on", sa.Date(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN on both engines (SQLite 3.35+): a batch copy of the table
    # would lose the search triggers of revision 0002
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN declassify_on")

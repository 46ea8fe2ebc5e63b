"""A declassification event beside every record's label, instead of its date (issue 14, item 8).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 16:10:00

E.O. 13526 §1.5(a): an original classification is declassified on a date or on an event
("Completion of Exercise Steadfast Jupiter") that occurs within 25 years. Every labelled table
gets ``declassify_event`` (text of at most 200 characters, nullable) beside revision 0013's
``declassify_on``; the write path keeps at most one of the two. NULL is the default, so
existing records keep exactly the instruction they had. Downgrade drops the column (the events
set since are lost, and their records fall back to 25 years after creation, never earlier than
the event could have declassified them; the database was copied before the upgrade).
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
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
        op.add_column(table, sa.Column("declassify_event", sa.String(200), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN on both engines (SQLite 3.35+): a batch copy of the table
    # would lose the search triggers of revision 0002
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN declassify_event")

"""An exemption from declassification at 25 years beside every record's label (issue 14, item 8).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-04 19:55:00

E.O. 13526 §3.3 and 32 CFR 2001.26: information may be exempted from declassification at 25
years, and its "Declassify On" line then carries the exemption: ``25X1`` … ``25X9`` with a date
or an event at most 50 years after the origin (``25X1, 20611231``), ``50X1-HUM`` or ``50X2-WMD``
alone (up to 75 years). Such a record could not be held here with its true instruction: a date
more than 25 years away was refused. Every labelled table gets ``declassify_exemption`` (at
most 16 characters, nullable; the values of `app.domain.vocab.Exemption`, stored in lower case
as every vocabulary is) beside 0013's ``declassify_on`` and 0017's ``declassify_event``. NULL
is the default: existing records keep exactly the instruction they had. Downgrade drops the
column; it is refused while a record carries an exemption (its date may lie beyond what 0019
accepts, and dropping the exemption would print a shorter instruction than the record's).
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
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
        op.add_column(table, sa.Column("declassify_exemption", sa.String(16), nullable=True))


def downgrade() -> None:
    bind = op.get_bind()
    for table in TABLES:
        exempt = bind.exec_driver_sql(
            f"SELECT count(*) FROM {table} WHERE declassify_exemption IS NOT NULL"
        ).scalar()
        if exempt:
            raise RuntimeError(
                f"{exempt} record(s) of {table} carry a declassification exemption: clear them "
                "before going back below revision 0020 (their instruction would be shortened)"
            )
    # ALTER TABLE … DROP COLUMN on both engines (SQLite 3.35+), as 0017 does
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN declassify_exemption")

"""References nobody can count: a secret on every reference counter (issue 13, item 3).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 15:00:00

A new record's reference was its counter's number (``EX-2026-0042``), so the gap between two
references a viewer could see counted the records made between them, hidden ones included.
From this revision the number goes through a keyed permutation (`app.domain.references`) into a
suffix of five base-32 characters (``EX-2026-7KQ3M``): ``reference_counters`` gets ``secret``,
16 random bytes as hex, drawn here for every existing counter and by the application for every
new one. The table keeps its row security (coordinators and administrators only).

Existing references are never changed: they are printed on orders and in mail. The new suffixes
are five characters long and the old ones four or six digits, so they never meet. Downgrade
drops the column; references made since keep their form and the counters count on.
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("reference_counters", sa.Column("secret", sa.String(32), nullable=True))
    counters = sa.table(
        "reference_counters", sa.column("prefix"), sa.column("year"), sa.column("secret")
    )
    connection = op.get_bind()
    for prefix, year in connection.execute(sa.select(counters.c.prefix, counters.c.year)).all():
        connection.execute(
            counters.update()
            .where(counters.c.prefix == prefix, counters.c.year == year)
            .values(secret=secrets.token_hex(16))
        )


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN on both engines (SQLite 3.35+), as revision 0013
    op.execute("ALTER TABLE reference_counters DROP COLUMN secret")

"""Nations ISO 3166-1 lacks: Kosovo as XKS (its US GENC code), issue 14 item 12.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 17:30:00

A new database gets its nations from `app.services.setup.sync_nations` (pycountry and
`app.domain.nations.EXTRA_NATIONS`); an existing one has only the nations of the day it was
created, and the nations table is a foreign key of people, users, parties, hosts and group
members: without this row a Kosovar person could not be saved there. Inserted only when
missing, so a database made after the code knew XKS is left as it is. The rows are frozen here
on purpose (not imported from the application). Downgrade leaves the row: a record may name it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

EXTRA = (("XKS", "Kosovo"),)


def upgrade() -> None:
    connection = op.get_bind()
    for code, name in EXTRA:
        connection.execute(
            sa.text(
                "INSERT INTO nations (code, name) "
                "SELECT CAST(:code AS VARCHAR(3)), CAST(:name AS VARCHAR(120)) "
                "WHERE NOT EXISTS (SELECT 1 FROM nations WHERE code = CAST(:code AS VARCHAR(3)))"
            ),
            {"code": code, "name": name},
        )


def downgrade() -> None:
    pass

"""Indexes for a million records: visible counts answered from (label_id, archived) alone.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 21:48:50
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = {
    "agreements": "ix_agreements_label_archived",
    "exchanges": "ix_exchanges_label_archived",
    "liaison_assignments": "ix_liaison_label_archived",
    "people": "ix_people_label_archived",
}


def upgrade() -> None:
    for table, name in INDEXES.items():
        op.create_index(name, table, ["label_id", "archived"], unique=False)


def downgrade() -> None:
    for table, name in INDEXES.items():
        op.drop_index(name, table_name=table)

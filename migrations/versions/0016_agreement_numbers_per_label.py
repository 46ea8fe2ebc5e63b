"""An agreement's number is unique under its label, not in the installation (issue 13, item 3).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 14:00:00

An agreement number is typed from the signed instrument (``MOU-USA-POL-2019-01``). With one
number per installation, typing a number held by an agreement the writer may not read was
refused while a free one was accepted: the refusal told that a hidden agreement exists and
what its number is. From this revision ``uq_agreements_reference`` (the number alone) becomes
``uq_agreements_reference_label_id`` (the number under one label), as a multilevel database
polyinstantiates a key. Nobody writes a label they cannot read (`policy.check_label_change`),
so the key can only clash with an agreement the writer sees; the service refuses a number any
agreement the writer may read already has, and `find_in` asks for the id when a reader sees
two agreements of one number. Generated numbers stay unique in the installation (their
counters, revision 0014).

PostgreSQL drops one constraint and adds the other. SQLite cannot drop a constraint: the table
is rebuilt in the migration's transaction (create, copy, drop, rename; foreign keys are off
while migrations run, `migrations/env.py`, and checked before the commit), and its indexes and
the search triggers of revision 0002 are made again from their own SQL. Downgrade refuses
while two agreements share a number.
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

TABLE = "agreements"
OLD = ("uq_agreements_reference", ("reference",))
NEW = ("uq_agreements_reference_label_id", ("reference", "label_id"))


def upgrade() -> None:
    _replace(OLD, NEW)


def downgrade() -> None:
    shared = op.get_bind().execute(
        sa.text(
            "SELECT reference FROM agreements GROUP BY reference HAVING count(*) > 1 "
            "ORDER BY reference"
        )
    )
    numbers = [row[0] for row in shared]
    if numbers:
        raise RuntimeError(
            "cannot go below revision 0016: agreements share the numbers "
            f"{', '.join(numbers)} under different labels; renumber them first"
        )
    _replace(NEW, OLD)


def _clause(key: tuple[str, tuple[str, ...]]) -> str:
    name, columns = key
    return f"CONSTRAINT {name} UNIQUE ({', '.join(columns)})"


def _replace(old: tuple[str, tuple[str, ...]], new: tuple[str, tuple[str, ...]]) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        op.drop_constraint(old[0], TABLE, type_="unique")
        op.create_unique_constraint(new[0], TABLE, list(new[1]))
        return
    # SQLite: the table's own CREATE statement with the one clause changed, so every column
    # keeps its type, default and position (revision 0013 added declassify_on by ALTER TABLE)
    create = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)
    ).scalar_one()
    # (a table SQLite has renamed keeps its name quoted)
    header = re.match(rf'CREATE TABLE "?{TABLE}"? \(', create)
    if header is None or _clause(old) not in create:
        raise RuntimeError(f"the {TABLE} table is not as revision {revision} expects: {create}")
    attached = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
        "AND sql IS NOT NULL ORDER BY type, name",
        (TABLE,),
    ).all()
    rebuilt = f"{TABLE}_{revision}"
    # the rename must not re-read the triggers of other tables that name the table, which is
    # missing for the moment of the swap
    bind.exec_driver_sql("PRAGMA legacy_alter_table=ON")
    try:
        bind.exec_driver_sql(
            f"CREATE TABLE {rebuilt} (" + create[header.end() :].replace(_clause(old), _clause(new))
        )
        bind.exec_driver_sql(f"INSERT INTO {rebuilt} SELECT * FROM {TABLE}")
        bind.exec_driver_sql(f"DROP TABLE {TABLE}")
        bind.exec_driver_sql(f"ALTER TABLE {rebuilt} RENAME TO {TABLE}")
    finally:
        bind.exec_driver_sql("PRAGMA legacy_alter_table=OFF")
    for (sql,) in attached:
        bind.exec_driver_sql(sql)

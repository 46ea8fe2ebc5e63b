"""RESTRICTED is not a US level: a US installation's RESTRICTED records become CONFIDENTIAL.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 12:10:00

IC-ISM rule 00040 (issue 14, item 5): the US classification levels are U, C, S and TS. From
this revision a US-owned installation on the default scheme neither offers nor accepts
RESTRICTED (`app.domain.labels.level_refused`), and the records it holds with it are raised
to CONFIDENTIAL, the lowest US classified level: nobody's protection is lowered (a reader
cleared below CONFIDENTIAL loses them; DoDM 5200.01 vol. 3 protects foreign RESTRICTED
information as CONFIDENTIAL). Another owner, or the NATO scheme (NATO RESTRICTED is NATO's
own level), is left as it is.

Labels are interned rows (`labels.fingerprint` is ``level|release|rel_to|groups``): each
RESTRICTED label is raised in place, or, when its CONFIDENTIAL twin exists already, its
records are moved to the twin and it is removed. Every record carrying one gets the next
``row_version``, so a form holding it open meets a conflict instead of writing the old label
back; on a server the row triggers audit each of those changes, and on either engine one
``relabel`` event by ``xdesk upgrade`` says what was raised and why (left in ``settings`` as
``audit_pending:0011`` and appended to the trail by opening, right after the upgrade). The
database was copied before (every upgrade takes a copy first). Downgrade keeps the raised
labels: lowering them would be a downgrade nobody authorised.
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

RESTRICTED, CONFIDENTIAL = 1, 2
LABEL_CHILDREN = {"label_releases", "label_groups"}
REASON = (
    "RESTRICTED is not a US classification level (IC-ISM rule 00040: U, C, S, TS): "
    "raised to CONFIDENTIAL by revision 0011"
)


def _setting(connection: sa.Connection, key: str) -> str | None:
    return connection.scalar(sa.text("SELECT value FROM settings WHERE key = :k"), {"k": key})


def _labelled_tables(connection: sa.Connection) -> list[tuple[str, bool]]:
    """Every table with a ``label_id`` (the records), and whether it has ``row_version``."""
    inspector = sa.inspect(connection)
    found = []
    for table in sorted(inspector.get_table_names()):
        if table in LABEL_CHILDREN:
            continue
        columns = {column["name"] for column in inspector.get_columns(table)}
        if "label_id" in columns:
            found.append((table, "row_version" in columns))
    return found


def upgrade() -> None:
    connection = op.get_bind()
    if _setting(connection, "owner_nation") != "USA":
        return
    if (_setting(connection, "scheme") or "default") != "default":
        return
    restricted = connection.execute(
        sa.text("SELECT id, fingerprint FROM labels WHERE level = :r ORDER BY id"),
        {"r": RESTRICTED},
    ).all()
    if not restricted:
        return
    tables = _labelled_tables(connection)
    moved: dict[str, int] = {}
    for label_id, fingerprint in restricted:
        raised = f"{CONFIDENTIAL}|{fingerprint.split('|', 1)[1]}"
        twin = connection.scalar(
            sa.text("SELECT id FROM labels WHERE fingerprint = :f"), {"f": raised}
        )
        target = twin if twin is not None else label_id
        for table, versioned in tables:
            bump = ", row_version = row_version + 1" if versioned else ""
            result = connection.execute(
                sa.text(f"UPDATE {table} SET label_id = :target{bump} WHERE label_id = :old"),
                {"target": target, "old": label_id},
            )
            if versioned and result.rowcount:
                moved[table] = moved.get(table, 0) + result.rowcount
        if twin is None:
            connection.execute(
                sa.text("UPDATE labels SET level = :c, fingerprint = :f WHERE id = :id"),
                {"c": CONFIDENTIAL, "f": raised, "id": label_id},
            )
        else:
            for child in sorted(LABEL_CHILDREN):
                connection.execute(
                    sa.text(f"DELETE FROM {child} WHERE label_id = :id"), {"id": label_id}
                )
            connection.execute(sa.text("DELETE FROM labels WHERE id = :id"), {"id": label_id})
    # one event for the whole change: the trail's append is the security layer's, so the
    # event waits here, in this transaction, and opening writes it right after the upgrade
    # (`app.services.setup`: `AUDIT_PENDING` settings are audited and removed together)
    details = {
        "reason": REASON,
        "labels": len(restricted),
        "records": dict(sorted(moved.items())),
        "from": "RESTRICTED",
        "to": "CONFIDENTIAL",
    }
    if connection.dialect.name == "postgresql":
        # the row triggers' deferred events fire now, not at COMMIT: a later revision of the
        # same upgrade may alter these tables (PostgreSQL refuses while events are pending)
        connection.execute(sa.text("SET CONSTRAINTS ALL IMMEDIATE"))
    connection.execute(
        sa.text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
        {
            "k": "audit_pending:0011",
            "v": json.dumps({"action": "relabel", "kind": "labels", "details": details}),
        },
    )


def downgrade() -> None:
    pass

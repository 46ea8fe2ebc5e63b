"""Reference counters (``EX-2026-0042``): the next number of a prefix and year, race-free.

The first record of a new year must not race: two writers that both find no counter row and
both insert one would make one of them fail on the primary key. So the counter row is written
and read in one statement, ``INSERT … ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1
RETURNING last``: on PostgreSQL the conflicting insert waits for the other transaction's row
lock and then counts on from its number; on SQLite a write transaction (``BEGIN IMMEDIATE``)
is alone anyway.
"""

from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.models import ReferenceCounter

_TABLE = ReferenceCounter.__table__


def next_number(session: Session, prefix: str, year: int) -> int:
    """The next number of ``prefix`` in ``year`` (1 for the first), taken in the caller's
    transaction: the counter row stays locked until it ends, so numbers are never shared.

    A counter this session already holds as an object (a bulk import counting in memory) is
    counted on in memory, so the two never disagree.
    """
    held = session.identity_map.get(session.identity_key(ReferenceCounter, (prefix, year)))
    if isinstance(held, ReferenceCounter):
        held.last = (held.last or 0) + 1
        return held.last
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(_TABLE).values(prefix=prefix, year=year, last=1)
    statement = statement.on_conflict_do_update(
        index_elements=[_TABLE.c.prefix, _TABLE.c.year],
        set_={"last": _TABLE.c.last + 1},
    ).returning(_TABLE.c.last)
    return int(session.execute(statement).scalar_one())


def locked_counter(session: Session, prefix: str, year: int) -> ReferenceCounter:
    """The counter row of ``prefix`` and ``year`` as an object, created if missing and locked
    for the rest of the transaction (``FOR UPDATE``): a bulk import counts on it in memory and
    writes the last number once."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        insert(_TABLE)
        .values(prefix=prefix, year=year, last=0)
        .on_conflict_do_nothing(index_elements=[_TABLE.c.prefix, _TABLE.c.year])
    )
    counter = session.get(
        ReferenceCounter, (prefix, year), with_for_update=True, populate_existing=True
    )
    if counter is None:  # written just above, or by another transaction before it
        raise RuntimeError(f"reference counter {prefix} {year} missing after its insert")
    return counter

"""Reference counters (``EX-2026-7KQ3M``): the next number of a prefix and year, race-free,
and the counter row's secret that makes its reference uncountable (`app.domain.references`).

The first record of a new year must not race: two writers that both find no counter row and
both insert one would make one of them fail on the primary key. So the counter row is written
and read in one statement, ``INSERT … ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1
RETURNING last, secret``: on PostgreSQL the conflicting insert waits for the other
transaction's row lock and then counts on from its number (keeping the secret the first
writer drew); on SQLite a write transaction (``BEGIN IMMEDIATE``) is alone anyway.
"""

from __future__ import annotations

import secrets

from sqlalchemy import func
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.models import ReferenceCounter
from app.domain.references import reference

_TABLE = ReferenceCounter.__table__


def new_secret() -> str:
    """A counter row's secret: 16 random bytes, as hex."""
    return secrets.token_hex(16)


def _insert(session: Session):  # noqa: ANN202 - the dialect's own Insert construct
    dialect = session.get_bind().dialect.name
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def next_reference(session: Session, prefix: str, year: int) -> str:
    """The next reference of ``prefix`` in ``year``, taken in the caller's transaction: the
    counter row stays locked until it ends, so numbers are never shared.

    A counter this session already holds as an object (a bulk import counting in memory) is
    counted on in memory, so the two never disagree.
    """
    held = session.identity_map.get(session.identity_key(ReferenceCounter, (prefix, year)))
    if isinstance(held, ReferenceCounter):
        return counted(held)
    secret = new_secret()
    statement = _insert(session)(_TABLE).values(prefix=prefix, year=year, last=1, secret=secret)
    statement = statement.on_conflict_do_update(
        index_elements=[_TABLE.c.prefix, _TABLE.c.year],
        # a row of an older schema without a secret gets this one
        set_={"last": _TABLE.c.last + 1, "secret": func.coalesce(_TABLE.c.secret, secret)},
    ).returning(_TABLE.c.last, _TABLE.c.secret)
    number, kept = session.execute(statement).one()
    return reference(prefix, year, int(number), bytes.fromhex(kept))


def counted(counter: ReferenceCounter) -> str:
    """Count on a counter held as an object (`locked_counter`) and give its next reference."""
    if not counter.secret:
        counter.secret = new_secret()
    counter.last = (counter.last or 0) + 1
    return reference(counter.prefix, counter.year, counter.last, bytes.fromhex(counter.secret))


def locked_counter(session: Session, prefix: str, year: int) -> ReferenceCounter:
    """The counter row of ``prefix`` and ``year`` as an object, created if missing and locked
    for the rest of the transaction (``FOR UPDATE``): a bulk import counts on it in memory
    (`counted`) and writes the last number once."""
    session.execute(
        _insert(session)(_TABLE)
        .values(prefix=prefix, year=year, last=0, secret=new_secret())
        .on_conflict_do_nothing(index_elements=[_TABLE.c.prefix, _TABLE.c.year])
    )
    counter = session.get(
        ReferenceCounter, (prefix, year), with_for_update=True, populate_existing=True
    )
    if counter is None:  # written just above, or by another transaction before it
        raise RuntimeError(f"reference counter {prefix} {year} missing after its insert")
    return counter

"""The audit chain as a database server keeps it (revision 0006 on PostgreSQL).

On a server the chain is keyed: events are appended by the owner's ``xdesk_audit_append``
function, which links each one with an HMAC whose secret only the owner role can read, and
verification asks the server whether each stored link is right (``xdesk_audit_check``) and for
the chain's head (``xdesk_audit_head``): the secret never leaves the server. SQLite (and a
server database not yet upgraded) keeps the unkeyed chain that ``app.security.audit`` computes
itself. This module is the one place that knows which applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.models import AuditEvent

_KEYED = "xdesk_audit_keyed"  # cached in the pooled connection's info once seen


@dataclass(frozen=True)
class Link:
    """What the server says of one stored event: is its link right, and if not, the id it was
    written as (it was moved) or None."""

    event_id: int
    ok: bool
    written_as: int | None


def server_keyed(session: Session) -> bool:
    """True when this session's database keeps the keyed chain (a server at revision 0006+)."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return False
    if connection.info.get(_KEYED):
        return True
    keyed = connection.scalar(
        text("SELECT to_regprocedure('public.xdesk_audit_head()') IS NOT NULL")
    )
    if keyed:
        connection.info[_KEYED] = True  # a database is not un-keyed under a running client
    return bool(keyed)


def append(
    session: Session,
    username: str,
    action: str,
    kind: str,
    record_id: int | None,
    ref: str,
    outcome: str,
    details: str,
) -> AuditEvent:
    """Append one event through the server's function, in the caller's transaction.

    The server sets the time, the id, the link and the actor (the connected role; the name
    given here is used only when the owner role itself is connected). The event returned is a
    plain copy of what was stored, not part of the session.
    """
    session.flush()
    row = session.execute(
        text(
            "SELECT * FROM xdesk_audit_append(:username, :action, :kind, :record_id, :ref, "
            ":outcome, :details)"
        ),
        {
            "username": username,
            "action": action,
            "kind": kind,
            "record_id": record_id,
            "ref": ref,
            "outcome": outcome,
            "details": details,
        },
    ).one()
    return AuditEvent(**dict(row._mapping))


def links(session: Session, after_id: int, limit: int) -> list[Link]:
    """The server's check of the stored events after ``after_id`` (at most ``limit``, in id
    order), read in the session's snapshot."""
    rows = session.execute(
        text("SELECT event_id, link_ok, written_as FROM xdesk_audit_check(:after, :limit)"),
        {"after": after_id, "limit": limit},
    ).all()
    return [Link(int(r.event_id), bool(r.link_ok), r.written_as) for r in rows]


def head(session: Session) -> tuple[int, str]:
    """The server's head of the chain: how many events were appended, and the newest link."""
    row: Any = session.execute(text("SELECT head_count, head_hash FROM xdesk_audit_head()")).one()
    return int(row.head_count), str(row.head_hash)

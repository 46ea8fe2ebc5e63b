"""What printing a report asks of the database: who produced it, and the audit event that says so.

The report package lays pages out and writes the file; the name on every page and the
``report`` event (name, parameters, record count, marking, pages) come from here, so the
report package neither reads users nor writes the trail itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain.models import User
from app.security import audit

if TYPE_CHECKING:
    from app.services.desk import Desk


def producer(desk: Desk) -> str:
    """The acting user as a printed page names them: ``jsmith (John Smith)``."""
    with desk.reading() as (session, actor):
        display = (
            session.scalar(select(User.display_name).where(User.username == actor.username)) or ""
        )
    if display and display != actor.username:
        return f"{actor.username} ({display})"
    return actor.username


def record_report(desk: Desk, name: str, details: dict[str, Any]) -> None:
    """Append the ``report`` audit event of a report printed or saved by the acting user."""
    with desk.writing() as (session, actor):
        audit.record(
            session, actor.username, "report", kind="report", ref=name[:40], details=details
        )

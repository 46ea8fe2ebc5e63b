"""Session events of the desktop application: idle lock, unlock and logout, audited."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain.models import User
from app.security import audit

if TYPE_CHECKING:
    from app.services.desk import Desk

SESSION_ACTIONS = ("idle_lock", "unlock", "logout")


def record_event(desk: Desk, action: str, details: dict[str, Any] | None = None) -> None:
    """Append a session event (``idle_lock``, ``unlock``, ``logout``) for the desk's user.

    Through the desk like every other call: the acting user is read again, so a deactivated
    account is refused (`PermissionDenied`) rather than recorded as still at work."""
    if action not in SESSION_ACTIONS:
        raise ValueError(f"unknown session event {action!r}")
    with desk.writing() as (session, actor):
        audit.record(
            session, actor.username, action, kind="user", ref=actor.username, details=details
        )


def must_change_password(desk: Desk) -> bool:
    """True when an administrator reset this user's password and it must be changed now."""
    with desk.reading() as (session, actor):
        return bool(session.scalar(select(User.must_change_password).where(User.id == actor.id)))

"""Users for tests: the one password every test account has, and a user factory."""

from __future__ import annotations

from app.services.desk import Desk

PASSWORD = "correct horse battery"


def create_user(
    admin: Desk,
    username: str,
    role: str = "coordinator",
    clearance: str = "S",
    nation: str = "USA",
    groups: tuple[str, ...] = (),
) -> Desk:
    """Create a user (and any missing need-to-know group) through ``admin``; the user's desk."""
    for group in groups:
        if group not in admin.users.ntk_groups():
            admin.users.create_ntk_group(group)
    admin.users.create(
        {
            "username": username,
            "role": role,
            "clearance": clearance,
            "nation": nation,
            "groups": list(groups),
            "password": PASSWORD,
        }
    )
    return Desk(admin.db, username)

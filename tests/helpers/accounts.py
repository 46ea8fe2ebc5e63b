"""Users for tests: the one password every test account has, and a user factory."""

from __future__ import annotations

from app.database.engine import Database
from app.services.desk import Desk
from tests.helpers.roles import AS_ROLES, role_database

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
    return desk_for(admin.db, username)


def desk_for(database: Database, username: str) -> Desk:
    """``username``'s desk: on ``database`` itself, or with ``XDESK_TEST_AS_ROLES=1`` on a
    server through the user's own login role (`tests.helpers.roles`)."""
    if AS_ROLES:
        return Desk(role_database(database, username), username)
    return Desk(database, username)

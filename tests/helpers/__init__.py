"""Helpers shared by the test files: plain functions and constants, no fixtures.

Fixtures live in ``conftest.py`` and use these; test files import from here, never from a
``conftest.py``.
"""

from tests.helpers.accounts import PASSWORD, create_user, desk_for
from tests.helpers.databases import (
    SERVER_URL,
    drop_server_database,
    new_test_database,
    server_database,
    server_database_name,
)

__all__ = [
    "PASSWORD",
    "SERVER_URL",
    "create_user",
    "desk_for",
    "drop_server_database",
    "new_test_database",
    "server_database",
    "server_database_name",
]

"""``xdesk``: the command line of Exchange Desk, for scripts, administrators and tests.

Every command goes through the same services and access rules as the desktop application.
Passwords come from ``XDESK_PASSWORD`` / ``XDESK_NEW_PASSWORD`` or a prompt, never from the
command line. Errors are one line each on stderr (``xdesk: error: ...``); the exit status is 0
on success, 1 when something failed, 2 for a usage mistake and 3 when ``update`` met a record
someone else changed meanwhile.

One module per command group: `database` (init, upgrade, check, backup, restore, demo), `accounts`
(user, group, passwd), `records` (import, export, list, show, update), `audit`, `labels`
(``label FILE``: a file's marking checked against its label, no login); ``search`` and
``report`` live in `app.search.cli` and `app.reports.cli`; `common` holds what they share.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from typing import Any

from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from app.cli import accounts, audit, database, labels, records
from app.cli.common import PROG, Command, CommandFailed, TerminalSafe, UsageError, err, login
from app.database.engine import DatabaseError
from app.reports import cli as reports_cli
from app.search import cli as search_cli
from app.security.auth import LoginFailed
from app.services.errors import ServiceError, ValidationFailed
from app.services.session import must_change_password

AUTHENTICATED: dict[str, Command] = {
    **accounts.COMMANDS,
    **records.COMMANDS,
    **audit.COMMANDS,
    **database.COMMANDS,
    "search": search_cli.run,
    "report": reports_cli.run,
}
UNAUTHENTICATED = {**database.UNAUTHENTICATED, **labels.UNAUTHENTICATED}


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of every sub-command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", default=argparse.SUPPRESS, metavar="PATH|URL", help="the database (or XDESK_DB)"
    )
    common.add_argument(
        "--user", default=argparse.SUPPRESS, metavar="NAME", help="who you are (or XDESK_USER)"
    )
    db_only = argparse.ArgumentParser(add_help=False)
    db_only.add_argument(
        "--db", default=argparse.SUPPRESS, metavar="PATH|URL", help="the database (or XDESK_DB)"
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Exchange Desk on the command line. Passwords come from XDESK_PASSWORD or a prompt."
        ),
    )
    parser.add_argument(
        "--db",
        default=None,
        metavar="PATH|URL",
        help="the database file or URL (default: XDESK_DB, else the user-data database)",
    )
    parser.add_argument(
        "--user", default=None, metavar="NAME", help="your username (default: XDESK_USER)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str, **kwargs: Any) -> argparse.ArgumentParser:
        return sub.add_parser(
            name, parents=[common], help=help_text, description=help_text, **kwargs
        )

    for group in (database, accounts, records, audit, labels):
        group.add_parsers(add, common, db_only)
    search_cli.add_parser(sub)  # the commands their own packages define
    reports_cli.add_parser(sub)
    return parser


def _run(args: argparse.Namespace) -> int:
    if args.command in UNAUTHENTICATED:
        return UNAUTHENTICATED[args.command](args)
    opened, desk = login(args)
    try:
        if args.command != "passwd" and must_change_password(desk):
            raise CommandFailed(
                "your password was set by an administrator and must be changed before anything "
                "else: run `xdesk passwd`"
            )
        return AUTHENTICATED[args.command](args, desk)
    finally:
        opened.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``xdesk`` with these arguments (default: the process's); the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalSafe(sys.stdout), TerminalSafe(sys.stderr)
    try:
        return _main(args)
    finally:
        sys.stdout, sys.stderr = streams


def _main(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except UsageError as error:
        err(f"error: {error}")
        return 2
    except ValidationFailed as failure:
        for name, message in failure.errors.items():
            err(f"error: {name}: {message}")
        return 1
    except LoginFailed as error:
        err(f"error: {error}")
        return 1
    except (CommandFailed, ServiceError, DatabaseError) as error:
        err(f"error: {error}")
        return 1
    except FileNotFoundError as error:
        err(f"error: {error.strerror + ': ' + str(error.filename) if error.filename else error}")
        return 1
    except (PermissionError, IsADirectoryError) as error:
        err(f"error: cannot use {error.filename}: {error.strerror}")
        return 1
    except ArgumentError as error:
        err(f"error: --db: {error}")
        return 2
    except SQLAlchemyError as error:
        first = str(getattr(error, "orig", None) or error).splitlines()[0]
        err(f"error: the database refused the operation: {first}")
        return 1
    except BrokenPipeError:  # the reader went away (xdesk export people | head)
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        return 1
    except KeyboardInterrupt:
        err("interrupted")
        return 130


__all__ = ["build_parser", "main"]

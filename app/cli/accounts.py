"""``xdesk user``, ``xdesk group``, ``xdesk passwd``: accounts and need-to-know groups."""

from __future__ import annotations

import argparse

from app.cli.common import AddCommand, Command, new_password, print_json
from app.services.desk import Desk


def cmd_user(args: argparse.Namespace, desk: Desk) -> int:
    """User accounts: add, list, unlock."""
    if args.user_command == "add":
        password = new_password("XDESK_NEW_PASSWORD", f"Password for the new user {args.name}: ")
        view = desk.users.create(
            {
                "username": args.name,
                "role": args.role,
                "clearance": args.clearance,
                "nation": args.nation,
                "groups": list(args.group or []),
                "display_name": args.display_name or args.name,
                "password": password,
            }
        )
        print(
            f"created user {view.username}: {view.role}, cleared "
            f"{desk.db.scheme.name(view.clearance)}, "
            f"nationality {view.nation}"
            + (f", groups {', '.join(view.groups)}" if view.groups else "")
        )
        return 0
    if args.user_command == "unlock":
        desk.users.unlock(args.name)
        print(f"unlocked user {args.name}")
        return 0
    if args.user_command in ("deactivate", "reactivate"):
        desk.users.update(args.name, {"active": args.user_command == "reactivate"})
        print(f"{args.user_command}d user {args.name}")
        return 0
    if args.user_command == "password":
        password = new_password("XDESK_NEW_PASSWORD", f"New password for {args.name}: ")
        desk.users.reset_password(args.name, password, must_change=not args.no_change)
        print(
            f"password of {args.name} set"
            + ("" if args.no_change else "; they choose their own at the next login")
        )
        return 0
    users = desk.users.list()
    if args.json:
        print_json(
            [
                {
                    **u.__dict__,
                    "groups": list(u.groups),
                    "clearance_name": desk.db.scheme.name(u.clearance),
                }
                for u in users
            ]
        )
        return 0
    print(f"{'USERNAME':<20} {'ROLE':<14} {'CLEARANCE':<14} {'NATION':<6} {'STATE':<10} GROUPS")
    for u in users:
        state = "locked" if u.locked else ("active" if u.active else "inactive")
        print(
            f"{u.username:<20} {u.role:<14} {desk.db.scheme.name(u.clearance):<14} {u.nation:<6} "
            f"{state:<10} {', '.join(u.groups)}"
        )
    return 0


def cmd_group(args: argparse.Namespace, desk: Desk) -> int:
    """Need-to-know groups: add."""
    desk.users.create_ntk_group(args.name, args.description or "")
    print(f"created need-to-know group {args.name.strip()}")
    return 0


def cmd_passwd(args: argparse.Namespace, desk: Desk) -> int:
    """Change your own password."""
    password = new_password("XDESK_NEW_PASSWORD", "New password: ")
    desk.users.reset_password(desk.username, password)
    print(f"password of {desk.username} changed")
    return 0


def add_parsers(
    add: AddCommand, common: argparse.ArgumentParser, db_only: argparse.ArgumentParser
) -> None:
    """Add this group's sub-commands (``add`` makes one with the shared ``--db`` / ``--user``)."""
    p = add("user", "user accounts (administrators)")
    users = p.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    u = users.add_parser(
        "add",
        parents=[common],
        help="create an account (password from XDESK_NEW_PASSWORD or a prompt)",
    )
    u.add_argument("name")
    u.add_argument("--role", required=True, help="administrator, coordinator, viewer or auditor")
    u.add_argument(
        "--clearance",
        required=True,
        metavar="LEVEL",
        help="level name or abbreviation (U, R, C, S, TS)",
    )
    u.add_argument("--nation", required=True, metavar="CODE", help="nationality, ISO alpha-3")
    u.add_argument("--group", action="append", metavar="G", help="need-to-know group (repeatable)")
    u.add_argument("--display-name", metavar="TEXT")
    u = users.add_parser("list", parents=[common], help="every account")
    u.add_argument("--json", action="store_true")
    u = users.add_parser("unlock", parents=[common], help="lift a lockout")
    u.add_argument("name")
    u = users.add_parser(
        "deactivate", parents=[common], help="the account can no longer log in (kept, audited)"
    )
    u.add_argument("name")
    u = users.add_parser("reactivate", parents=[common], help="the account can log in again")
    u.add_argument("name")
    u = users.add_parser(
        "password",
        parents=[common],
        help="set someone's password (from XDESK_NEW_PASSWORD or a prompt)",
    )
    u.add_argument("name")
    u.add_argument(
        "--no-change", action="store_true", help="do not ask them to choose their own at login"
    )

    add("passwd", "change your own password (the new one from XDESK_NEW_PASSWORD or a prompt)")

    p = add("group", "need-to-know groups (administrators)")
    groups = p.add_subparsers(dest="group_command", required=True, metavar="ACTION")
    g = groups.add_parser("add", parents=[common], help="create a need-to-know group")
    g.add_argument("name")
    g.add_argument("--description", default="")


COMMANDS: dict[str, Command] = {
    "user": cmd_user,
    "group": cmd_group,
    "passwd": cmd_passwd,
}

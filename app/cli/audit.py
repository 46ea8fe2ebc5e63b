"""``xdesk audit verify`` and ``xdesk audit list``: the audit trail (auditors, administrators)."""

from __future__ import annotations

import argparse

from app.cli.common import AddCommand, Command, err, print_json
from app.services.desk import Desk


def cmd_audit(args: argparse.Namespace, desk: Desk) -> int:
    """Verify the audit trail's hash chain, or list its events."""
    if args.audit_command == "verify":
        result = desk.audit.verify()
        if result.ok:
            print(f"audit trail intact: {result.checked} events checked, no problems")
            return 0
        for problem in result.problems:
            err(f"audit: {problem.message}")
        err(
            f"error: audit trail broken: {len(result.problems)} problem(s) in {result.checked} "
            "events checked"
        )
        return 1
    filters = {
        k: v
        for k, v in (("username", args.user_filter), ("action", args.action), ("kind", args.kind))
        if v
    }
    events = desk.audit.list(limit=args.limit, **filters)
    if args.json:
        print_json([e.as_dict() for e in events])
        return 0
    for e in events:
        record = (
            f"{e.record_kind} {e.record_ref or (e.record_id if e.record_id is not None else '')}"
        ).strip()
        print(
            f"{e.id:>7} {e.at.isoformat(timespec='seconds')}Z {e.username:<16} {e.action:<16} "
            f"{e.outcome:<8} {record}"
        )
    return 0


def add_parsers(
    add: AddCommand, common: argparse.ArgumentParser, db_only: argparse.ArgumentParser
) -> None:
    """Add this group's sub-commands (``add`` makes one with the shared ``--db`` / ``--user``)."""
    p = add("audit", "the audit trail (auditors and administrators)")
    audits = p.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    audits.add_parser("verify", parents=[common], help="recompute the hash chain")
    # here --user filters the events: say who you are before the command (xdesk --user NAME audit
    # list)
    a = audits.add_parser("list", parents=[db_only], help="recent events, newest first")
    a.add_argument("--json", action="store_true")
    a.add_argument("--limit", type=int, default=50)
    a.add_argument("--user", dest="user_filter", metavar="U", help="only events of this user")
    a.add_argument("--action", metavar="A", help="only this action (login, create, export, ...)")
    a.add_argument("--kind", metavar="K", help="only this record kind (person, agreement, ...)")


COMMANDS: dict[str, Command] = {
    "audit": cmd_audit,
}

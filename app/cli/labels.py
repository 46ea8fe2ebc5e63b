"""``xdesk label FILE``: the marking of a file Exchange Desk wrote, read from its label.

Reads ``FILE.label.xml`` (or FILE itself when it is such a label), checks that it binds FILE
(its name and the SHA-384 digest of its bytes) and prints the marking the STANAG 4774 label
says. No database and no login: anyone handed the file can check it. Exit 1, with the reason,
when the label is missing, unreadable, or binds another name or other bytes.
"""

from __future__ import annotations

import argparse

from app.cli.common import AddCommand, UnauthenticatedCommand, err
from app.domain.stanag import LabelError
from app.services import bindings


def cmd_label(args: argparse.Namespace) -> int:
    """Check FILE against its label and print its marking."""
    try:
        checked = bindings.verify(args.file)
    except LabelError as error:
        err(f"error: {error}")
        return 1
    print(checked.marking)
    label = checked.binding.label
    created = label.created.strftime(" on %Y-%m-%d %H:%M UTC") if label.created else ""
    err(
        f"{checked.file.name} matches its label {checked.label_file.name} (SHA-384); labelled "
        f"under policy {label.policy}{created}"
    )
    return 0


def add_parsers(
    add: AddCommand, common: argparse.ArgumentParser, db_only: argparse.ArgumentParser
) -> None:
    """Add ``label`` (it needs no database: ``--db`` and ``--user`` are accepted and unused)."""
    p = add(
        "label",
        "print the marking of a file Exchange Desk wrote, checked against its FILE.label.xml",
    )
    p.add_argument("file", metavar="FILE", help="the file (or its FILE.label.xml)")


UNAUTHENTICATED: dict[str, UnauthenticatedCommand] = {"label": cmd_label}

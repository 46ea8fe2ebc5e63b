"""What every ``xdesk`` command shares: errors, the database and login, passwords, filters,
output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from app.database.engine import Database
from app.paths import default_database
from app.services import kinds
from app.services.base import RecordService
from app.services.desk import Desk
from app.services.errors import PermissionDenied, ValidationFailed
from app.services.fields import text_of
from app.services.setup import is_server, log_in, opens_at_login, unlock_file
from app.services.transfer import canonical_kind

PROG = "xdesk"


# ``add(name, help)``: a sub-command with the shared ``--db`` / ``--user`` options
AddCommand = Callable[..., argparse.ArgumentParser]
Command = Callable[[argparse.Namespace, Desk], int]  # runs as the logged-in user
UnauthenticatedCommand = Callable[[argparse.Namespace], int]  # runs before anyone logs in
KIND_CHOICES = ", ".join(entry.desk_attribute for entry in kinds.transferable())


class UsageError(Exception):
    """A mistake in how the command was called (exit status 2)."""


class CommandFailed(Exception):
    """The command ran but did not succeed; the message is already worded for the user."""


# what a terminal would obey or hide rather than show: C0 controls but tab, line feed and
# carriage return (ESC starts the sequences that retitle a window or rewrite the banner line),
# DEL and C1 (NEL, CSI), bidirectional controls, invisible characters
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


def shown(text: str) -> str:
    """``text`` with every character a terminal would obey written as a ``\\uXXXX`` escape
    (also a valid escape inside a JSON string, so JSON output stays JSON)."""
    return _UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


class TerminalSafe:
    """A text stream that passes everything through `shown`: what ``xdesk`` prints can never
    drive the terminal, whatever a record holds (stored text is checked, older data may not
    be)."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` made safe; its length, as a stream returns."""
        self.stream.write(shown(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def err(message: str) -> None:
    """Print one ``xdesk: ...`` line on stderr."""
    print(f"{PROG}: {message}", file=sys.stderr)


def kind_argument(text: str) -> str:
    """argparse type: a kind that is imported and exported, in any spelling."""
    try:
        return canonical_kind(text)
    except ValidationFailed:
        raise argparse.ArgumentTypeError(
            f"unknown kind {text!r}; use one of {KIND_CHOICES}"
        ) from None


def database_target(args: argparse.Namespace) -> str:
    """The database the command works on: ``--db``, else XDESK_DB, else the default."""
    return args.db or os.environ.get("XDESK_DB") or default_database()


def password(prompt: str) -> str:
    """The password from XDESK_PASSWORD or a prompt."""
    value = os.environ.get("XDESK_PASSWORD")
    if value is not None:
        return value
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise UsageError("no password given: set XDESK_PASSWORD or run in a terminal") from None


def new_password(env: str, prompt: str) -> str:
    """A new password from ``env`` or asked twice at the prompt."""
    value = os.environ.get(env)
    if value is not None:
        return value
    try:
        first = getpass.getpass(prompt)
        second = getpass.getpass("Repeat it: ")
    except EOFError:
        raise UsageError(f"no password given: set {env} or run in a terminal") from None
    if first != second:
        raise CommandFailed("the two passwords differ; nothing was changed")
    return first


def acting_user(args: argparse.Namespace) -> str:
    """Who is acting: ``--user`` or XDESK_USER."""
    name = getattr(args, "user", None) or os.environ.get("XDESK_USER")
    if not name:
        raise UsageError("say who you are: --user NAME (or set XDESK_USER)")
    return name


def file_key(args: argparse.Namespace) -> bytes | None:
    """For a command run before a login (``check``, ``upgrade``) on an encrypted file: its key,
    unlocked by the acting user's password; None for a plain file or a server."""
    target = database_target(args)
    if is_server(target) or not opens_at_login(target):
        return None
    username = acting_user(args)
    return unlock_file(target, username, password(f"Password for {username}: "))


def login(args: argparse.Namespace) -> tuple[Database, Desk]:
    """Open the database and log the user in (audited): on a server the command connects as
    the user's own login role, the password checked by the server; an encrypted file opens
    with the key the user's password unwraps."""
    username = acting_user(args)
    secret = password(f"Password for {username}: ")
    database, _actor = log_in(database_target(args), username, secret)
    return database, Desk(database, username)


def require_admin(desk: Desk, what: str) -> None:
    """`PermissionDenied` unless the acting user is an administrator."""
    if not desk.actor().is_admin:
        raise PermissionDenied(f"only an administrator may {what}")


def parse_filters(
    desk: Desk, kind: str, service: RecordService[Any], items: Sequence[str]
) -> dict[str, Any]:
    """``--filter field=value`` items as service filters, values parsed like the field's input."""
    renames = {column: name for name, column in kinds.BY_NAME[kind].column_names.items()}
    specs = {f.name: f for f in service.fields}
    filters: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().lower()
        if not sep or not key:
            raise UsageError(f"--filter {item!r} is not FIELD=VALUE")
        name, _, op = key.partition("__")
        name = renames.get(name, name)
        value = value.strip()
        if name == "level":
            try:
                filters["level"] = desk.db.scheme.parse(value)
            except ValueError as error:
                raise ValidationFailed({"level": str(error)}) from None
            continue
        if name == "text":
            filters["text"] = value
            continue
        spec = specs.get(name)
        parse: Callable[[Any], Any] = (
            (lambda v: v)
            if spec is None or spec.kind in ("nations", "enums", "languages")
            else spec.parse
        )
        try:
            parsed: Any = (
                [parse(v) for v in value.replace(",", " ").split()] if op == "in" else parse(value)
            )
        except ValueError as error:
            raise ValidationFailed(
                {
                    name: f"{spec.title if spec else name} {error}"
                    if str(error).startswith("is ")
                    else str(error)
                }
            ) from None
        filters[f"{name}__{op}" if op else name] = parsed
    return filters


def print_json(data: Any) -> None:
    """Write data as indented JSON on stdout."""
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=text_of)
    sys.stdout.write("\n")


def progress(what: str) -> Callable[[int, int], bool]:
    """A progress callback writing ``what: done/total`` to stderr at most twice a second."""
    last = [0.0]

    def report(done: int, total: int) -> bool:
        now = time.monotonic()
        if done >= total or now - last[0] >= 0.5:
            last[0] = now
            percent = f" ({100 * done // total}%)" if total else ""
            end = "\n" if done >= total else ""
            sys.stderr.write(f"\r{what}: {done:,} of {total:,}{percent}{end}")
            sys.stderr.flush()
        return True

    return report

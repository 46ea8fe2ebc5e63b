"""A database server's own tools: ``pg_dump`` and ``pg_restore`` for backups, restores and the
copy taken before an upgrade.

Backups are custom-format archives (``pg_dump --format=custom``). A dump is written to a
temporary name beside its destination (created ``0600``: it holds every record and the audit
key) and renamed only once ``pg_dump`` succeeded and the bytes are on disk, so a full disk or
a failed dump leaves no partial file. A restore runs ``pg_restore --clean --single-transaction``:
it is all or nothing, and a file that is not an Exchange Desk dump is refused before anything
is touched.

The tools are found in ``XDESK_PG_BIN`` when set (that folder only), else next to the server's
binaries (when the server runs on this machine), in the usual install folders of the server's
major version, then on ``PATH``; the one chosen has the server's major version (or a newer one,
which reads older servers). The connection is the database URL's (its role, host, TLS
parameters); a password in the URL travels in ``PGPASSWORD``, never on a command line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL

from app.database.engine import DatabaseError

TOOL_TIMEOUT = 6 * 3600  # seconds: a dump of a large office takes minutes, never hours
# tables every Exchange Desk database has since its first revision: a dump without them is not one
REQUIRED_TABLES = ("alembic_version", "audit_events", "settings", "users")
# how long a restore waits for a lock other clients hold before it gives up (nothing changed)
RESTORE_LOCK_TIMEOUT = "30s"

_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")


@dataclass(frozen=True)
class Tool:
    """A server tool found on this machine: its path and major version."""

    path: Path
    major: int


def server_major(engine: Engine) -> int:
    """The server's major version (15 for 15.4)."""
    with engine.connect() as connection:
        return int(connection.scalar(text("SHOW server_version_num"))) // 10000


def _server_bindir(engine: Engine) -> Path | None:
    """The server's own binaries folder, when this role may ask (``pg_config``) and it exists
    here (the server runs on this machine)."""
    try:
        with engine.connect() as connection:
            value = connection.scalar(text("SELECT setting FROM pg_config WHERE name = 'BINDIR'"))
    except Exception:  # noqa: BLE001 - not allowed to read pg_config: look elsewhere
        return None
    return Path(value) if value and Path(value).is_dir() else None


def _candidates(name: str, major: int, bindir: Path | None) -> list[Path]:
    exe = name + (".exe" if os.name == "nt" else "")
    chosen = os.environ.get("XDESK_PG_BIN")
    if chosen:
        return [Path(chosen) / exe]
    folders = [
        bindir,
        Path(f"/usr/lib/postgresql/{major}/bin"),  # Debian, Ubuntu
        Path(f"/usr/pgsql-{major}/bin"),  # PGDG packages for RHEL, Rocky, Fedora
        Path(f"/opt/homebrew/opt/postgresql@{major}/bin"),  # Homebrew (Apple silicon)
        Path(f"/usr/local/opt/postgresql@{major}/bin"),  # Homebrew (Intel)
        Path(f"/Applications/Postgres.app/Contents/Versions/{major}/bin"),
        Path(f"C:/Program Files/PostgreSQL/{major}/bin"),
    ]
    paths = [folder / exe for folder in folders if folder is not None]
    on_path = shutil.which(name)
    if on_path:
        paths.append(Path(on_path))
    return paths


def _major_of(path: Path) -> int | None:
    try:
        done = subprocess.run(
            [str(path), "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except OSError:
        return None
    found = _VERSION.search(done.stdout)
    return int(found.group(1)) if done.returncode == 0 and found else None


def find_tool(name: str, engine: Engine) -> Tool:
    """``pg_dump`` or ``pg_restore`` of the server's major version (or newer): a clear
    `DatabaseError` when none is installed or only older ones are."""
    major = server_major(engine)
    seen: list[str] = []
    newer: Tool | None = None
    for path in _candidates(name, major, _server_bindir(engine)):
        if not path.is_file():
            continue
        found = _major_of(path)
        if found is None:
            seen.append(f"{path} (does not run)")
            continue
        if found == major:
            return Tool(path, found)
        if found > major and newer is None:
            newer = Tool(path, found)
        seen.append(f"{path} (PostgreSQL {found})")
    if newer is not None:
        return newer
    if not seen:
        raise DatabaseError(
            f"{name} was not found: install the PostgreSQL {major} client tools on this machine "
            f"(e.g. the postgresql-client-{major} package) or set XDESK_PG_BIN to their folder"
        )
    raise DatabaseError(
        f"the server runs PostgreSQL {major} but the {name} found is older: "
        + "; ".join(seen)
        + f". Install the PostgreSQL {major} client tools or set XDESK_PG_BIN to their folder"
    )


def _connection(url: URL) -> tuple[str, dict[str, str]]:
    """The libpq connection URI for a tool (no password in it) and its environment."""
    bare = URL.create("postgresql", url.username, None, url.host, url.port, url.database, url.query)
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    return bare.render_as_string(hide_password=False), env


def _first_error(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower()] or lines
    return errors[0] if errors else "no message"


def dump(engine: Engine, url: URL, destination: Path) -> Path:
    """Write a custom-format dump of the database to ``destination`` (a new file, mode 0600)."""
    destination = Path(destination)
    if destination.exists():
        raise DatabaseError(f"{destination} exists already; choose a new file name")
    destination.parent.mkdir(parents=True, exist_ok=True)
    tool = find_tool("pg_dump", engine)
    conninfo, env = _connection(url)
    partial = destination.with_name(f".{destination.name}.{os.getpid()}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            done = subprocess.run(
                [str(tool.path), "--format=custom", "--no-password", f"--dbname={conninfo}"],
                stdout=descriptor,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                timeout=TOOL_TIMEOUT,
                check=False,
            )
            if done.returncode != 0:
                raise DatabaseError(
                    f"pg_dump failed ({_first_error(done.stderr)}); no backup was written"
                )
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        try:
            os.link(partial, destination)  # never replaces a file that appeared meanwhile
        except FileExistsError:
            raise DatabaseError(f"{destination} exists already; choose a new file name") from None
        except OSError:  # a file system without hard links
            os.replace(partial, destination)
        _sync_folder(destination.parent)
    except OSError as error:
        raise DatabaseError(
            f"the backup could not be written to {destination} ({error.strerror or error}); "
            "no backup was written"
        ) from error
    finally:
        partial.unlink(missing_ok=True)
    return destination


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@dataclass(frozen=True)
class DumpFacts:
    """What a dump file says about itself: the schema revision it was taken at."""

    revision: str


def inspect_dump(engine: Engine, dump_file: Path) -> DumpFacts:
    """The facts of an Exchange Desk dump; `DatabaseError` for any other file."""
    tool = find_tool("pg_restore", engine)
    refused = f"{dump_file} is not an Exchange Desk server backup; nothing was restored"
    listing = subprocess.run(
        [str(tool.path), "--list", str(dump_file)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if listing.returncode != 0:
        raise DatabaseError(refused)
    tables = set(re.findall(r"^\d+; \d+ \d+ TABLE public (\S+) ", listing.stdout, re.MULTILINE))
    if not set(REQUIRED_TABLES) <= tables:
        raise DatabaseError(refused)
    data = subprocess.run(
        [str(tool.path), "--data-only", "--table=alembic_version", "--file=-", str(dump_file)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    rows = data.stdout.split("FROM stdin;\n", 1)
    revision = rows[1].split("\n", 1)[0].strip() if len(rows) == 2 else ""
    if data.returncode != 0 or not revision or revision == "\\.":
        raise DatabaseError(refused)
    return DumpFacts(revision)


def restore(engine: Engine, url: URL, dump_file: Path) -> None:
    """Replace the database's contents by a dump, all or nothing (one transaction)."""
    tool = find_tool("pg_restore", engine)
    conninfo, env = _connection(url)
    env["PGOPTIONS"] = f"{env.get('PGOPTIONS', '')} -c lock_timeout={RESTORE_LOCK_TIMEOUT}".strip()
    done = subprocess.run(
        [
            str(tool.path),
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            "--no-password",
            f"--dbname={conninfo}",
            str(dump_file),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=TOOL_TIMEOUT,
        check=False,
    )
    if done.returncode != 0:
        message = _first_error(done.stderr)
        if "lock timeout" in message:
            message = "other clients are using the database: ask them to close Exchange Desk"
        raise DatabaseError(f"pg_restore failed ({message}); nothing was restored")

"""A database server that checks passwords: logins of user roles by SCRAM-SHA-256.

The suite's test server may trust every login (``initdb -A trust``, as a developer's usually
does). Tests of real logins need one that checks: the test server itself when it does (CI's
refuses a wrong password to every role but ``postgres``), else a throw-away cluster started
here with the same binaries (``postgres`` trusted, every other role by SCRAM-SHA-256, every
statement logged so a test can look for a password in the server's log).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from tests.helpers.databases import SERVER_URL

HBA = """\
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
"""
PROBE_ROLE = "xdesk_probe_scram"


@dataclass
class ScramServer:
    """Where the server is (a superuser URL ending in /postgres) and its log, when known."""

    url: str
    log: Path | None = None
    stop: list[str] | None = None
    folder: Path | None = None

    def close(self) -> None:
        """Stop a server started here and remove its files."""
        if self.stop:
            subprocess.run(self.stop, check=False, capture_output=True)
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)


def _checks_passwords(url: str) -> bool:
    """True when the server refuses a wrong password to a plain login role."""
    parts = make_url(url)
    admin = psycopg.connect(
        host=parts.host, port=parts.port, user=parts.username, dbname=parts.database,
        autocommit=True,
    )  # fmt: skip
    try:
        admin.execute(f"DROP ROLE IF EXISTS {PROBE_ROLE}")
        admin.execute(f"CREATE ROLE {PROBE_ROLE} LOGIN PASSWORD 'right password 1'")
        try:
            psycopg.connect(
                host=parts.host, port=parts.port, user=PROBE_ROLE, dbname=parts.database,
                password="wrong password 2",
            ).close()  # fmt: skip
        except psycopg.OperationalError:
            return True
        return False
    finally:
        admin.execute(f"DROP ROLE IF EXISTS {PROBE_ROLE}")
        admin.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start() -> ScramServer | None:
    """A server that checks passwords, or None when the test server trusts and no PostgreSQL
    binaries are here to start one."""
    if not SERVER_URL:
        return None
    if _checks_passwords(SERVER_URL):
        return ScramServer(SERVER_URL)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        return None
    bin_dir = Path(found[-1]).parent
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    folder = Path(tempfile.mkdtemp(prefix="xdesk-scram-"))
    data, log = folder / "data", folder / "log"
    if as_postgres:
        shutil.chown(folder, "postgres")
    port = _free_port()
    subprocess.run(
        [*as_postgres, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
    )
    (data / "pg_hba.conf").write_text(HBA)
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c log_statement=all -c password_encryption=scram-sha-256"
    )
    subprocess.run(
        [*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w",
         "-o", options, "start"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    stop = [*as_postgres, str(bin_dir / "pg_ctl"), "-m", "immediate", "-D", str(data), "stop"]
    return ScramServer(f"postgresql://postgres@127.0.0.1:{port}/postgres", log, stop, folder)


def trusts_logins() -> bool:
    """True when the suite runs on a server that accepts any password (a login's refusal is
    then the server's to give, and is tested on a checking server by test_server_logins)."""
    global _TRUSTS  # noqa: PLW0603 - asked once per run
    if _TRUSTS is None:
        _TRUSTS = bool(SERVER_URL) and not _checks_passwords(SERVER_URL)
    return _TRUSTS


_TRUSTS: bool | None = None

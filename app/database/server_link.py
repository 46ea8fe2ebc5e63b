"""A database server as a URL, and how well the link to it is protected.

`server_url` builds ``postgresql://user@host:port/db?sslmode=…`` from what the "Connect to a
server…" dialog asks (never a password: it is asked at login). `link_of` says, for an opened
server database, whether the connection is encrypted (``pg_stat_ssl`` of the session's own
backend, as the server sees it) and whether the server's certificate was verified (libpq
verifies it only in ``sslmode`` ``verify-ca``, the chain, and ``verify-full``, the chain and the
host name). SQLite databases have no link: `link_of` is None for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from sqlalchemy import text
from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    from app.database.engine import Database

# libpq's sslmode values, weakest first; the dialog offers them in this order
SSL_MODES = ("disable", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_SSL_MODE = "verify-full"
VERIFYING = frozenset({"verify-ca", "verify-full"})
DEFAULT_PORT = 5432


def server_url(
    host: str,
    port: int,
    database: str,
    user: str,
    sslmode: str = DEFAULT_SSL_MODE,
    sslrootcert: str = "",
) -> str:
    """``postgresql://user@host:port/database?sslmode=…[&sslrootcert=…]``, every part quoted;
    the CA file only for the modes that verify. Never a password."""
    if sslmode not in SSL_MODES:
        raise ValueError(f"unknown TLS mode {sslmode!r}")
    host = host.strip()
    if ":" in host and not host.startswith("["):  # an IPv6 address
        host = f"[{host}]"
    query = f"sslmode={sslmode}"
    if sslmode in VERIFYING and sslrootcert.strip():
        query += "&sslrootcert=" + quote(sslrootcert.strip(), safe="/")
    return (
        f"postgresql://{quote(user.strip(), safe='')}@{host}:{int(port)}"
        f"/{quote(database.strip(), safe='')}?{query}"
    )


@dataclass(frozen=True)
class ServerParts:
    """The parts of a server URL as the connect dialog shows them."""

    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    sslmode: str = DEFAULT_SSL_MODE
    sslrootcert: str = ""


def server_parts(target: str) -> ServerParts | None:
    """The parts of a ``postgresql://`` URL (its password, if any, dropped); None for anything
    else."""
    if "://" not in target:
        return None
    try:
        url = make_url(target)
    except Exception:  # noqa: BLE001 - not a URL: nothing to fill in
        return None
    if url.get_backend_name() != "postgresql":
        return None
    mode = str(url.query.get("sslmode") or "prefer")  # libpq's default when none is named
    return ServerParts(
        url.host or "",
        url.port or DEFAULT_PORT,
        url.database or "",
        url.username or "",
        mode if mode in SSL_MODES else DEFAULT_SSL_MODE,
        str(url.query.get("sslrootcert") or ""),
    )


@dataclass(frozen=True)
class Link:
    """How the connection to a server is protected."""

    encrypted: bool
    verified: bool  # the server's certificate was checked against a trusted CA
    host_checked: bool  # and its name against the host connected to (verify-full)
    protocol: str  # e.g. TLSv1.3; "" when not encrypted
    sslmode: str

    def words(self) -> str:
        """The status bar's words: ``encrypted (TLSv1.3), certificate verified``."""
        if not self.encrypted:
            return "not encrypted"
        what = f"encrypted ({self.protocol})" if self.protocol else "encrypted"
        if not self.verified:
            return f"{what}, certificate not verified (TLS mode {self.sslmode})"
        return what + (
            ", certificate verified"
            if self.host_checked
            else ", certificate verified (not the host name)"
        )


def link_of(database: Database) -> Link | None:
    """How the database's connections to its server are protected (one statement: run it off
    the GUI thread); None for SQLite."""
    url = database.url
    if url.get_backend_name() == "sqlite":
        return None
    with database.engine.connect() as connection:
        row = connection.execute(
            text("SELECT ssl, coalesce(version, '') FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        ).first()
    encrypted = bool(row and row[0])
    mode = str(url.query.get("sslmode") or "prefer")
    return Link(
        encrypted=encrypted,
        verified=encrypted and mode in VERIFYING,
        host_checked=encrypted and mode == "verify-full",
        protocol=str(row[1]) if row and encrypted else "",
        sslmode=mode,
    )

"""A throw-away PostgreSQL cluster with TLS on, its certificate signed by a CA made here.

`tls_cluster()` makes a self-signed CA and a server certificate for ``localhost`` and
127.0.0.1 (with ``cryptography``), runs ``initdb`` and starts the server with ``ssl=on`` on a
free loopback port (trust authentication: the tests are about the link, not the password), and
stops it when the block ends. It needs PostgreSQL's programs and, when run as root, the
``postgres`` system user (as CI has); otherwise `available` is False and the tests skip.
"""

from __future__ import annotations

import datetime as dt
import glob
import ipaddress
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def _bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_postgres() -> list[str]:
    """The prefix that runs a server program as the ``postgres`` user (nothing when not root)."""
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


def available() -> bool:
    """True when a cluster can be started here."""
    if _bin() is None:
        return False
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return False
    try:
        import cryptography  # noqa: F401
    except ImportError:
        return False
    return True


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class TlsCluster:
    """A running cluster: its port and the CA file that signed its certificate."""

    port: int
    ca_file: Path

    def url(self, database: str, sslmode: str, host: str = "localhost") -> str:
        """A URL to ``database`` as the superuser, with the given TLS mode."""
        return (
            f"postgresql://postgres@{host}:{self.port}/{database}"
            f"?sslmode={sslmode}&sslrootcert={self.ca_file}"
        )


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """CA certificate, server certificate and server key files in ``folder``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Exchange Desk test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    server = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_file, cert_file, key_file = folder / "ca.pem", folder / "server.crt", folder / "server.key"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(server.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_file.chmod(0o600)
    return ca_file, cert_file, key_file


@contextmanager
def tls_cluster() -> Iterator[TlsCluster]:
    """Start a cluster with TLS in a new folder under /tmp (the ``postgres`` user must reach it:
    pytest's own temporary folders are root's alone); stop it and remove the folder when the
    block ends."""
    bin_dir = _bin()
    assert bin_dir is not None
    folder = Path(tempfile.mkdtemp(prefix="xdesk-tls-"))
    ca_file, cert_file, key_file = _certificates(folder)
    data, log = folder / "data", folder / "log"
    prefix = _as_postgres()
    if prefix:
        shutil.chown(folder, "postgres")
        for path in (cert_file, key_file):
            shutil.chown(path, "postgres")
    subprocess.run(
        [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"],
        check=True,
        capture_output=True,
    )
    port = _free_port()
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c ssl=on"
        f" -c ssl_cert_file={cert_file} -c ssl_key_file={key_file}"
    )
    subprocess.run(
        [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-o", options,
         "start"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    try:
        yield TlsCluster(port, ca_file)
    finally:
        subprocess.run(
            [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)

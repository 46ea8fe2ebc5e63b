"""Encryption at rest of the embedded database: one random key, unwrapped by each user's password.

The SQLite file is a SQLCipher 4 database (every page AES-256 encrypted and HMAC-SHA512
authenticated) under one random 256-bit **database key**. The key is never stored in clear:
beside the file, ``NAME.keys`` holds one **slot** per user, the database key wrapped with AES-GCM
under a key derived from that user's password by Argon2id, as KeePassXC protects its database
key. A slot is found by a salted hash of the username (the file does not list usernames), and
its username is bound to it as associated data (a slot copied onto another name does not open).

- A password change rewraps only that user's slot; an administrator, whose login unwrapped the
  key, gives a user a new slot without knowing the old password (`set_slot_in`).
- Backups and the copies taken before upgrades are SQLCipher files under the same key, each with
  its own keys file (`copy_keys`).
- A login the keys file refuses cannot be written into the (still locked) audit trail: it is
  kept in the keys file (`pending_failures`) and written to the trail by the next login that
  opens the database; after `LOCKOUT_ATTEMPTS` refusals of a name in a row within
  `LOCKOUT_MINUTES`, that name is refused without trying its password until the time is up.

The keys file is written whole under a temporary name, synced and renamed (0600): a crash or a
full disk leaves the previous file.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import event
from sqlalchemy.orm import Session

from app.domain.models import utcnow
from app.paths import private_file

FORMAT = "exchange-desk-keys"
VERSION = 1
KEY_BYTES = 32
# Argon2id for a slot: RFC 9106's second recommended profile (t=3, m=64 MiB, p=4), as the
# password hashes; kept in each slot, so a stronger profile later leaves old slots readable
KDF = {"time_cost": 3, "memory_cost": 65536, "parallelism": 4}
LOCKOUT_ATTEMPTS = 5
LOCKOUT_MINUTES = 15
MAX_PENDING = 200  # refused logins kept before the oldest are dropped (each is a few bytes)
_SLOT_AAD = b"exchange-desk key slot v1\x00"


class KeyFileError(Exception):
    """The keys file is missing, damaged or not an Exchange Desk keys file."""


class SlotRefused(Exception):
    """No slot of this name opens with this password, or the name is locked out for a while
    (which of these is never said)."""


@dataclass(frozen=True)
class Failure:
    """A login the keys file refused: the name as typed (bounded, or empty) and when."""

    name: str
    at: dt.datetime


def key_file(database: Path) -> Path:
    """The keys file of a database file: ``desk.sqlite`` → ``desk.sqlite.keys``."""
    return database.with_name(database.name + ".keys")


def is_encrypted(database: Path) -> bool:
    """True when the database file is encrypted (it has a keys file beside it)."""
    return key_file(database).exists()


def sqlcipher_key(key: bytes) -> str:
    """The ``PRAGMA key`` value of a raw key (SQLCipher then derives nothing from a passphrase)."""
    return f"\"x'{key.hex()}'\""


def new_key() -> bytes:
    """A fresh random database key."""
    return secrets.token_bytes(KEY_BYTES)


def create(database: Path, username: str, password: str) -> bytes:
    """A new database key with one slot for ``username``; the keys file is written before the
    database exists (so a crash never leaves an encrypted file without its keys)."""
    path = key_file(database)
    if path.exists():
        raise KeyFileError(f"{path} exists already; refusing to replace the keys of a database")
    key = new_key()
    content = {
        "format": FORMAT,
        "version": VERSION,
        "salt": _b64(secrets.token_bytes(16)),
        "slots": {},
        "failures": [],
    }
    content["slots"][_slot_id(content, username)] = [_wrap(key, username, password)]
    _write(path, content)
    return key


def unlock(database: Path, username: str, password: str, now: dt.datetime | None = None) -> bytes:
    """The database key, unwrapped by this user's password; `SlotRefused` otherwise (the
    refusal is kept as a pending failure, and a locked-out name is refused untried)."""
    path = key_file(database)
    content = _read(path)
    name = _bounded(username)
    now = now or utcnow()
    if _locked_out(content, name, now):
        _remember_failure(path, content, name, now)
        raise SlotRefused()
    slots = content["slots"].get(_slot_id(content, name)) or [_DUMMY_SLOT]
    # an unknown name costs the same as a known one (the dummy slot opens with no password)
    key = next((k for k in (_unwrap(s, name, password) for s in slots) if k is not None), None)
    if key is None:
        _remember_failure(path, content, name, now)
        raise SlotRefused()
    return key


def set_slot_in(session: Session, database: Path, key: bytes, username: str, password: str) -> None:
    """Give ``username`` a slot opened by ``password`` (a new user, a password change, an
    administrator's reset; only that slot is rewritten), as part of the session's write
    transaction: until it commits, the new slot is kept beside the old one (each password
    opens the keys file, the users table says which one logs in); on commit the old one goes,
    on rollback the new one."""
    path = key_file(database)
    content = _read(path)
    slot = _slot_id(content, username)
    content["slots"][slot] = [_wrap(key, username, password), *content["slots"].get(slot, [])][:2]
    _write(path, content)

    def keep(index: int) -> None:
        latest = _read(path)
        if len(latest["slots"].get(slot, [])) > 1:
            latest["slots"][slot] = [latest["slots"][slot][index]]
            _write(path, latest)

    event.listen(session, "after_commit", lambda _s: keep(0), once=True)
    event.listen(session, "after_rollback", lambda _s: keep(1), once=True)


def drop_slot_in(session: Session, database: Path, username: str) -> None:
    """Take ``username``'s slot out of the keys file when the session's write transaction
    commits (a deactivated user: their password no longer unwraps the database key, even on a
    copy of the file taken from now on). Nothing changes on rollback. A reactivated user gets a
    slot again from the password an administrator sets (`set_slot_in`)."""
    path = key_file(database)

    def drop(_session: Session) -> None:
        latest = _read(path)
        if latest["slots"].pop(_slot_id(latest, username), None) is not None:
            _write(path, latest)

    event.listen(session, "after_commit", drop, once=True)


def has_slot(database: Path, username: str) -> bool:
    """True when ``username`` has a slot in the database's keys file."""
    content = _read(key_file(database))
    return _slot_id(content, username) in content["slots"]


def pending_failures(database: Path) -> list[Failure]:
    """Logins refused by the keys file and not yet written to the audit trail, oldest first."""
    content = _read(key_file(database))
    return [Failure(f["name"], dt.datetime.fromisoformat(f["at"])) for f in content["failures"]]


def clear_failures(database: Path, written: int) -> None:
    """Forget the first ``written`` pending failures (now in the audit trail)."""
    path = key_file(database)
    content = _read(path)
    if written:
        content["failures"] = content["failures"][written:]
        _write(path, content)


def copy_keys(source: Path, destination: Path) -> None:
    """Write ``destination``'s keys file as a copy of ``source``'s, without pending failures
    (those belong to the live database's trail)."""
    content = _read(key_file(source))
    content["failures"] = []
    _write(key_file(destination), content)


# -- the file --------------------------------------------------------------------------------


def _read(path: Path) -> dict[str, Any]:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KeyFileError(
            f"{path.name} is missing: the database is encrypted and its keys file, kept beside "
            "it, is needed to open it (restore it from the backup it came with)"
        ) from None
    except (OSError, ValueError) as error:
        raise KeyFileError(f"{path} cannot be read ({error})") from None
    if (
        not isinstance(content, dict)
        or content.get("format") != FORMAT
        or not isinstance(content.get("slots"), dict)
        or not isinstance(content.get("failures"), list)
        or not isinstance(content.get("salt"), str)
    ):
        raise KeyFileError(f"{path} is not an Exchange Desk keys file, or it is damaged")
    if content.get("version") != VERSION:
        raise KeyFileError(f"{path} was written by a newer Exchange Desk; update this one")
    return content


def _write(path: Path, content: dict[str, Any]) -> None:
    partial = path.with_name(f".{path.name}.partial")
    try:
        private_file(partial)
        with partial.open("w", encoding="utf-8") as file:
            json.dump(content, file, indent=1, sort_keys=True)
            file.flush()
            os.fsync(file.fileno())
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise KeyFileError(f"{path} could not be written ({error.strerror or error})") from None
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


# -- slots -----------------------------------------------------------------------------------


def _slot_id(content: dict[str, Any], username: str) -> str:
    salt = base64.b64decode(content["salt"])
    return hmac.new(salt, _bounded(username).encode("utf-8"), hashlib.sha256).hexdigest()


def _bounded(username: str) -> str:
    return username.strip().lower()[:64]


def _wrap(key: bytes, username: str, password: str) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    kek = _kek(password, salt, KDF)
    wrapped = AESGCM(kek).encrypt(nonce, key, _SLOT_AAD + _bounded(username).encode("utf-8"))
    return {
        "kdf": "argon2id",
        **KDF,
        "salt": _b64(salt),
        "nonce": _b64(nonce),
        "wrapped": _b64(wrapped),
    }


def _unwrap(slot: dict[str, Any], username: str, password: str) -> bytes | None:
    try:
        params = {k: int(slot[k]) for k in ("time_cost", "memory_cost", "parallelism")}
        kek = _kek(password, base64.b64decode(slot["salt"]), params)
        key = AESGCM(kek).decrypt(
            base64.b64decode(slot["nonce"]),
            base64.b64decode(slot["wrapped"]),
            _SLOT_AAD + _bounded(username).encode("utf-8"),
        )
    except (InvalidTag, KeyError, TypeError, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None


def _kek(password: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hash_secret_raw(password.encode("utf-8"), salt, hash_len=32, type=Type.ID, **params)


_DUMMY_SLOT: dict[str, Any] = {  # costs a slot's Argon2id, then never opens (no tag)
    "time_cost": KDF["time_cost"],
    "memory_cost": KDF["memory_cost"],
    "parallelism": KDF["parallelism"],
    "salt": "AAAAAAAAAAAAAAAAAAAAAA==",
    "nonce": "AAAAAAAAAAAAAAAA",
    "wrapped": "",
}


# -- refused logins --------------------------------------------------------------------------


def _locked_out(content: dict[str, Any], name: str, now: dt.datetime) -> bool:
    """True after `LOCKOUT_ATTEMPTS` refusals of ``name`` in a row, the last one less than
    `LOCKOUT_MINUTES` ago (a pending refusal of another name does not break the row)."""
    mine = [f for f in content["failures"] if f.get("name") == name]
    if len(mine) < LOCKOUT_ATTEMPTS:
        return False
    last = dt.datetime.fromisoformat(mine[-1]["at"])
    return now - last < dt.timedelta(minutes=LOCKOUT_MINUTES)


def _remember_failure(path: Path, content: dict[str, Any], name: str, now: dt.datetime) -> None:
    content["failures"] = [*content["failures"], {"name": name, "at": now.isoformat()}][
        -MAX_PENDING:
    ]
    try:
        _write(path, content)
    except KeyFileError:
        pass  # a read-only or full disk: the refusal itself still stands


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")

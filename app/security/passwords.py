"""Password hashing with Argon2id (argon2-cffi's defaults exceed OWASP's minimum)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# argon2-cffi's RFC 9106 low-memory profile: Argon2id, t=3, m=64 MiB, p=4 (OWASP asks m>=19 MiB,
# t>=2)
_HASHER = PasswordHasher()
_DUMMY: str | None = None  # hashed on first use (hashing at import cost 0.3 s of every start)
MIN_LENGTH = 10


def hash_password(password: str) -> str:
    """An Argon2id hash of ``password``."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; a missing hash still costs one verification."""
    global _DUMMY  # noqa: PLW0603 - computed once, on the first login
    if stored_hash is None and _DUMMY is None:
        _DUMMY = _HASHER.hash("not a password of anyone")
    try:
        return _HASHER.verify(stored_hash or _DUMMY or "", password) and stored_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable, or None."""
    if len(password) < MIN_LENGTH:
        return f"a password needs at least {MIN_LENGTH} characters"
    if password.strip() != password:
        return "a password must not start or end with spaces"
    return None

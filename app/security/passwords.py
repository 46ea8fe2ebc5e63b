"""Password hashing with Argon2id (argon2-cffi's defaults exceed OWASP's minimum) and the rule
for a new password."""

from __future__ import annotations

from collections.abc import Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from zxcvbn import zxcvbn

# argon2-cffi's RFC 9106 low-memory profile: Argon2id, t=3, m=64 MiB, p=4 (OWASP asks m>=19 MiB,
# t>=2)
_HASHER = PasswordHasher()
_DUMMY: str | None = None  # hashed on first use (hashing at import cost 0.3 s of every start)
MIN_LENGTH = 10
MAX_LENGTH = 256  # NIST asks for at least 64; Argon2 hashes any length alike
MIN_SCORE = 3  # of zxcvbn's 0-4: "safely unguessable" (about 10^8 guesses and more)
PRODUCT_WORDS = ("exchange", "desk", "xdesk", "exchangedesk", "exchange desk")


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


def password_problem(password: str, context: Iterable[str] = ()) -> str | None:
    """Why a new password is not acceptable, or None (NIST SP 800-63B, 3.1.1.2).

    Long enough (`MIN_LENGTH`; at most `MAX_LENGTH`), and not guessable: zxcvbn (Dropbox's
    estimator, its lists of common passwords, names and words, keyboard patterns, repeats and
    sequences) must rate it at least `MIN_SCORE` of 4 with the context words counted as known
    (the username, the user's name, this product), so ``aaaaaaaaaa``, ``password12`` or the
    username with a year are refused while a passphrase of a few words passes.
    """
    if len(password) < MIN_LENGTH:
        return f"a password needs at least {MIN_LENGTH} characters"
    if len(password) > MAX_LENGTH:
        return f"a password has at most {MAX_LENGTH} characters"
    if password.strip() != password:
        return "a password must not start or end with spaces"
    personal = [word for word in context if word]
    if any(len(word) >= 4 and word.casefold() in password.casefold() for word in personal):
        return "a password must not contain your username or name"
    # the estimate is slow on long inputs; the first 100 characters decide
    rating = zxcvbn(password[:100], user_inputs=[*personal, *PRODUCT_WORDS])
    if rating["score"] < MIN_SCORE:
        hint = rating["feedback"].get("warning") or "it is close to a common password or pattern"
        return f"this password is too easy to guess ({hint.rstrip('.').lower()}): add more words"
    return None

"""Generated references that cannot be counted (``EX-2026-7KQ3M``).

A reference is printed, typed and read aloud, so it stays short and human: prefix, year and a
suffix of `LENGTH` characters of Crockford's base 32 (digits and capitals without I, L, O, U,
which are misread). It must still be unique, race-free and cheap to bulk-allocate, which a
counter gives; but a *sequential* suffix lets anyone who sees two references count the records
made between them, hidden ones included (issue 13: a viewer counted 201 hidden people from the
gaps). So the counter's number goes through a keyed permutation of the suffixes: distinct
numbers give distinct suffixes (unique by construction, no retry and no lookup that a hidden
record could answer), and without the counter row's secret the suffixes of consecutive
records look unrelated.

The permutation is a four-round Feistel network whose round function is HMAC-SHA-256 (Luby and
Rackoff: four rounds of a pseudorandom function make a strong pseudorandom permutation), on
the smallest even number of bits holding the suffixes, cycle-walked into their exact range
(Black and Rogaway). It hides an order, not information: a reader of the counter row (who may
count the records anyway) can undo it.
"""

from __future__ import annotations

import hashlib
import hmac

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
LENGTH = 5  # 32**5 = 33,554,432 references per prefix and year
ROUNDS = 4


class ReferencesExhausted(ValueError):
    """Every suffix of a prefix and year is taken."""


def scramble(number: int, secret: bytes, length: int = LENGTH) -> str:
    """The suffix of the ``number``-th reference under ``secret``: `length` characters of
    `ALPHABET`, a different one for each number below ``32 ** length``."""
    size = len(ALPHABET) ** length
    if not 0 <= number < size:
        raise ReferencesExhausted(f"no reference left for number {number} (at most {size - 1})")
    half = (5 * length + 1) // 2
    mask = (1 << half) - 1
    value = number
    while True:  # cycle-walk: at most a few steps, the wider domain is under twice the size
        left, right = value >> half, value & mask
        for step in range(ROUNDS):
            digest = hmac.new(secret, b"%d:%d" % (step, right), hashlib.sha256).digest()
            left, right = right, left ^ (int.from_bytes(digest[:8], "big") & mask)
        value = (left << half) | right
        if value < size:
            break
    digits = []
    for _ in range(length):
        value, digit = divmod(value, len(ALPHABET))
        digits.append(ALPHABET[digit])
    return "".join(reversed(digits))


def reference(prefix: str, year: int, number: int, secret: bytes) -> str:
    """The reference of a prefix's ``number``-th record of ``year``, e.g. ``EX-2026-7KQ3M``."""
    return f"{prefix}-{year}-{scramble(number, secret)}"

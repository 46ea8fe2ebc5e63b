"""Names compared as people write them: case, diacritics and transliterations folded (pure Python).

`fold` mirrors the search index's tokenizer, `name_key` its transliteration column
(`app.database.search_index.name_key_sql`); `similar_names` is the name half of duplicate
detection (`app.services.duplicates`).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

SIMILARITY = 0.8
_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def name_key(text: str) -> str:
    """A name folded for transliteration (mirrors `search_index.name_key_sql`): Mueller ->
    muller."""
    folded = text.lower()
    for old, new in (("ß", "ss"), ("ue", "u"), ("oe", "o"), ("ae", "a")):
        folded = folded.replace(old, new)
    return folded


def fold(text: str) -> str:
    """Case and diacritics folded like the index tokenizer: Núñez -> nunez."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)  # imports compare the same names many times
def name_fold(text: str) -> str:
    """A name reduced for comparison: Müller, Mueller and MULLER all give ``muller``."""
    return _NON_ALNUM.sub(" ", fold(name_key(fold(text)) if text else "")).strip()


def similar_names(family_a: str, given_a: str, family_b: str, given_b: str) -> bool:
    """True when two names are probably the same person's (family names close; given names too, when
    both known)."""
    fa, fb = name_fold(family_a), name_fold(family_b)
    if not fa or not fb:
        return False
    if not _close(fa, fb):
        return False
    ga, gb = name_fold(given_a).split(), name_fold(given_b).split()
    if not ga or not gb:
        return True
    initial = ga[0][0] == gb[0][0] and min(len(ga[0]), len(gb[0])) == 1
    return initial or _close(ga[0], gb[0])


@functools.lru_cache(maxsize=65536)  # common names meet each other again and again in an import
def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    if 2 * min(len(a), len(b)) < SIMILARITY * (len(a) + len(b)):  # the lengths alone rule it out
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= SIMILARITY and matcher.ratio() >= SIMILARITY

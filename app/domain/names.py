"""Names compared as people write them: case, diacritics and transliterations folded (pure Python).

`fold` mirrors the search index's tokenizer (SQLite FTS5 ``unicode61 remove_diacritics 2``) and
`index_tokens` splits a text into the folded words an index stores: the one folding of both search
engines (SQLite's tokenizer does it inside FTS5; on PostgreSQL the documents and the queries are
made of `index_tokens`, so the server applies no dictionary of its own). `name_key` mirrors the
transliteration column (`app.database.search_index.name_key_sql`); `similar_names` is the name
half of duplicate detection (`app.services.duplicates`).
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

SIMILARITY = 0.8
_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)
_INDEX_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
MAX_TOKEN = 200  # longer words are cut here (index and query alike): a server limits a word's size


# a name's transliteration key, replaced in this order on its lower case: the letters that
# carry no diacritic to remove (Ø, Ł, Đ, Ð, Þ, Æ, Œ, dotless ı, ß: "ostergard" finds Østergård,
# "lodz" Łódź), then the German spellings of umlauts (Mueller -> muller)
NAME_FOLDS = (
    ("ß", "ss"),
    ("ø", "o"),
    ("ł", "l"),
    ("đ", "d"),
    ("ð", "d"),
    ("þ", "th"),
    ("æ", "ae"),
    ("œ", "oe"),
    ("ı", "i"),
    ("ue", "u"),
    ("oe", "o"),
    ("ae", "a"),
)


def name_key(text: str) -> str:
    """A name folded for transliteration (mirrors `search_index.name_key_sql`): Mueller ->
    muller, Østergård -> ostergård, Sæther -> sather."""
    folded = text.lower()
    for old, new in NAME_FOLDS:
        folded = folded.replace(old, new)
    return folded


def fold(text: str) -> str:
    """Case and diacritics folded like the index tokenizer: Núñez -> nunez."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def index_tokens(text: str) -> list[str]:
    """The words of a text as the search index holds them, in order: folded (`fold`), split at
    anything that is not a letter or digit (as FTS5's unicode61 does: ``EX-2026-7KQ3M`` is three
    words, ``o'brien`` two), each at most `MAX_TOKEN` characters."""
    return [t[:MAX_TOKEN] for t in _INDEX_TOKEN.findall(fold(text))] if text else []


def keyed_token(token: str) -> str | None:
    """The transliteration key of one index word when it differs from the word (``saether`` ->
    ``sather``, ``øster`` -> ``oster``): the word a name's key column holds for it."""
    keyed = index_tokens(name_key(token))
    return keyed[0] if len(keyed) == 1 and keyed[0] != token else None


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

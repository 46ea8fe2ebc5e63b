"""User search text -> a parsed query, and the safe FTS5 query for it.

The parse (`ParsedQuery`: terms and operators) is the engines' common ground: SQLite's engine
sends `ParsedQuery.fts`, PostgreSQL's renders the same items as a ``tsquery``
(`app.search.postgres_fts`). Words are quoted (user text never reaches the FTS5 grammar
unquoted), ``"phrases"`` stay phrases, ``mari*`` is a prefix, ``AND`` / ``OR`` / ``NOT``
(upper case) and ``-word`` are the operators. Operators in impossible places are dropped, so
no user text gives a syntax error. With ``as_you_type`` the last word is a prefix. A word
whose transliteration key differs (``Mueller`` -> ``muller``) also matches people's folded
names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.names import fold, name_key

OPERATORS = ("AND", "OR", "NOT")
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD_CHARS = re.compile(r"[\w]+", re.UNICODE)
__all__ = ["ParsedQuery", "Term", "fold", "highlight", "name_key", "parse"]


@dataclass(frozen=True)
class Term:
    """One word or phrase of a query."""

    text: str
    phrase: bool = False
    prefix: bool = False
    negated: bool = False

    def fts(self) -> str:
        """This term as FTS5 syntax (quoted)."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        if self.prefix:
            return quoted + "*"
        if not self.phrase:
            key = name_key(self.text)
            if key != self.text.lower() and _WORD_CHARS.fullmatch(key):
                return f'({quoted} OR names : "{key}")'
        return quoted


@dataclass(frozen=True)
class ParsedQuery:
    """The terms and operators of a query, and the FTS5 text for it ('' when nothing to search)."""

    items: tuple[Term | str, ...]

    @property
    def terms(self) -> list[Term]:
        """The words and phrases (without operators)."""
        return [i for i in self.items if isinstance(i, Term)]

    def fts(self) -> str:
        """The FTS5 MATCH text. FTS5 takes an implicit AND only between phrases: beside a
        parenthesised term (a transliterated word) the AND is written out."""
        parts: list[str] = []
        for item in self.items:
            if isinstance(item, Term):
                text = item.fts()
                beside = parts and parts[-1] not in OPERATORS
                if beside and (text.startswith("(") or parts[-1].startswith("(")):
                    parts.append("AND")
                if item.negated:
                    parts.append("NOT")
                parts.append(text)
            else:
                parts.append(item)
        return " ".join(parts)


def parse(text: str, as_you_type: bool = False) -> ParsedQuery:
    """Parse user text; see the module docstring for the syntax."""
    raw: list[Term | str] = []
    for match in _TOKEN.finditer(text or ""):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            words = _WORD_CHARS.findall(phrase)
            if words:
                raw.append(Term(" ".join(words), phrase=len(words) > 1))
            continue
        if word in OPERATORS:
            raw.append(word)
            continue
        negated = word.startswith("-") and len(word) > 1
        prefix = word.endswith("*")
        words = _WORD_CHARS.findall(word)
        if not words:
            continue
        if len(words) > 1:  # EX-2026-7KQ3M, o'brien: one phrase
            raw.append(Term(" ".join(words), phrase=True, prefix=prefix, negated=negated))
        else:
            raw.append(Term(words[0], prefix=prefix, negated=negated))
    if as_you_type and text and not text[-1].isspace() and raw and isinstance(raw[-1], Term):
        last = raw[-1]
        if not last.phrase or not text.rstrip().endswith('"'):
            raw[-1] = Term(last.text, phrase=last.phrase, prefix=True, negated=last.negated)
    return ParsedQuery(tuple(_arrange(raw)))


def _arrange(raw: list[Term | str]) -> list[Term | str]:
    """Drop operators with nothing on one side; NOT needs something positive before it."""
    items: list[Term | str] = []
    pending: str | None = None
    for item in raw:
        if isinstance(item, str):
            if items:
                pending = item  # the last of several operators in a row wins
            continue
        if item.negated and pending is None:
            pending = "NOT"
            item = Term(item.text, item.phrase, item.prefix, negated=False)
        elif item.negated:
            item = Term(item.text, item.phrase, item.prefix, negated=False)
            pending = "NOT" if pending == "AND" else pending
        if pending == "NOT" and not items:
            pending = None
            continue  # nothing to subtract from
        if pending is not None and items:
            items.append(pending)
        items.append(item)
        pending = None
    return items


_TOKENS = re.compile(r"\w+", re.UNICODE)


def highlight(
    texts: list[str], parsed: ParsedQuery, markers: tuple[str, str] = ("[", "]"), tokens: int = 12
) -> str:
    """A snippet of the first text with a match: about ``tokens`` words around the first matched
    word, matched words between the markers (folded like the index: Muller marks Müller)."""
    wanted: list[tuple[str, bool]] = []
    for term in parsed.terms:
        if term.negated:
            continue
        words = term.text.split()
        for index, word in enumerate(words):
            prefix = term.prefix and index == len(words) - 1
            wanted.append((fold(word), prefix))
            key = fold(name_key(word))
            if key != fold(word):
                wanted.append((key, prefix))

    def matches(word: str) -> bool:
        folded = fold(word)
        keyed = fold(name_key(folded))
        return any(
            folded.startswith(w) or keyed.startswith(w) if p else folded == w or keyed == w
            for w, p in wanted
        )

    for text in texts:
        found = [m for m in _TOKENS.finditer(text or "")]
        hits = [i for i, m in enumerate(found) if matches(m.group())]
        if not hits:
            continue
        first = max(0, min(hits[0] - tokens // 3, len(found) - tokens))
        window = found[first : first + tokens]
        parts = []
        cursor = window[0].start()
        for offset, m in enumerate(window, start=first):
            parts.append(text[cursor : m.start()])
            parts.append(f"{markers[0]}{m.group()}{markers[1]}" if offset in hits else m.group())
            cursor = m.end()
        snippet = " ".join("".join(parts).split())
        return ("… " if first > 0 else "") + snippet + (" …" if first + tokens < len(found) else "")
    return ""

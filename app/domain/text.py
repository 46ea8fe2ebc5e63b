"""The one rule for text a user or a file gives: what no stored text may hold.

Every text field of every record kind (`app.services.fields.Field`) and every attachment name
goes through `problem_in`. Refused, with the character named, never silently kept:

- control characters (NUL, ESC, BEL, DEL, the C1 range with NEL): they break exports, and
  printed to a terminal an ESC/OSC sequence rewrites the screen (the banner line). A line break
  is allowed only where a field takes several lines; a tab never (written as a space);
- line and paragraph separators (U+2028, U+2029);
- bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069,
  U+200E, U+200F, U+061C): U+202E makes ``exe.pdf`` read as ``fdp.exe``;
- invisible characters (zero-width space U+200B, word joiner U+2060, U+FEFF, the soft hyphen,
  invisible operators U+2061–U+2064, the interlinear annotation marks): two names that look
  the same must be the same text. The zero-width joiner and non-joiner (U+200C, U+200D) that
  Persian, Indic and other scripts need inside a word are allowed between two letters of a
  script other than Latin, refused anywhere else.

No Qt, no database: the domain layer.
"""

from __future__ import annotations

import unicodedata

from app.domain.texts import said

_BIDI = {
    0x061C: "ARABIC LETTER MARK",
    0x200E: "LEFT-TO-RIGHT MARK",
    0x200F: "RIGHT-TO-LEFT MARK",
    0x202A: "LEFT-TO-RIGHT EMBEDDING",
    0x202B: "RIGHT-TO-LEFT EMBEDDING",
    0x202C: "POP DIRECTIONAL FORMATTING",
    0x202D: "LEFT-TO-RIGHT OVERRIDE",
    0x202E: "RIGHT-TO-LEFT OVERRIDE",
    0x2066: "LEFT-TO-RIGHT ISOLATE",
    0x2067: "RIGHT-TO-LEFT ISOLATE",
    0x2068: "FIRST STRONG ISOLATE",
    0x2069: "POP DIRECTIONAL ISOLATE",
}
_JOINERS = {0x200C, 0x200D}


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def _letter_outside_latin(char: str) -> bool:
    return unicodedata.category(char)[0] in "LM" and "LATIN" not in unicodedata.name(char, "")


def problem_in(text: str, multiline: bool = False) -> str | None:
    """What is wrong with ``text`` under the rule above (None: nothing), naming the first
    character refused and where it is."""
    for position, char in enumerate(text):
        code = ord(char)
        if char == "\n" and multiline:
            continue
        category = unicodedata.category(char)
        joiner_ok = (
            code in _JOINERS
            and 0 < position < len(text) - 1
            and _letter_outside_latin(text[position - 1])
            and _letter_outside_latin(text[position + 1])
        )
        if code in _BIDI:
            kind = said("a bidirectional control character")
        elif category == "Cc":
            kind = said("a line break") if char in "\n\r\x85" else said("a control character")
        elif category in ("Zl", "Zp"):
            kind = said("a line separator")
        elif category == "Cf" and not joiner_ok:
            kind = said("an invisible character")
        elif category == "Cs" or (code & 0xFFFE) == 0xFFFE or 0xFDD0 <= code <= 0xFDEF:
            kind = said("a character that is not text")
        else:
            continue
        return said(
            "contains {kind} ({char}) at position {position}",
            kind=kind,
            char=_describe(char),
            position=position + 1,
        )
    return None


# names Windows reserves for devices, whatever the extension (``con.txt`` is the console)
RESERVED_FILE_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{device}{n}" for device in ("COM", "LPT") for n in "123456789¹²³"]
)


def file_name_problem(name: str) -> str | None:
    """What makes ``name`` unusable as a file name on any desktop (None: nothing)."""
    if name in (".", "..") or "/" in name or "\\" in name:
        return "must be a file name without folders (no / or \\)"
    found = problem_in(name)
    if found:
        return found
    if any(c in name for c in '<>:"|?*'):
        return 'must not contain any of < > : " | ? *'
    if name != name.rstrip(". "):
        return "must not end with a dot or a space"
    if name.split(".", 1)[0].rstrip(" ").upper() in RESERVED_FILE_NAMES:
        return f"{name.split('.', 1)[0]!r} is a name Windows reserves for a device"
    return None


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``1 record``, ``2 records``, ``1,204 records`` (``plural`` for irregular nouns)."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"

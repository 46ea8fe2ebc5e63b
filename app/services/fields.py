"""Field definitions: how each input field is read, checked and written back as text.

One `Field` serves forms (typed values), CSV imports and the command line (strings) alike:
`Field.parse` turns either into the stored value or raises `ValueError` with a message that
names no field (the caller puts it under the field's name).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.nations import currency_codes, is_nation, language_codes
from app.domain.text import problem_in
from app.domain.texts import said
from app.domain.vocab import NATO_RANK_CODES, Vocabulary

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PASSPORT = re.compile(r"^[A-Z0-9]{5,20}$")
# STANAG 6001 (edition 5): levels 0 to 5 per skill (listening/speaking/reading/writing); a
# "plus" level exists only for 0 to 4 (0+ ... 4+), never 5+ (issue 14, item 12)
LEVEL_6001 = r"(?:[0-4]\+?|5)"
PROFILE = re.compile(rf"^{LEVEL_6001}/{LEVEL_6001}/{LEVEL_6001}/{LEVEL_6001}$")


# the largest amount a column of money holds (``Numeric(14, 2)``: budgets, cost lines)
MAX_AMOUNT = Decimal("999999999999.99")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_date(value: Any) -> dt.date:
    """A date from a date or an ISO 8601 text (``2026-03-14``)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(
            said("{value!r} is not a date; write it as YYYY-MM-DD", value=value)
        ) from None


def parse_nation(value: Any) -> str:
    """An ISO 3166-1 alpha-3 code, upper-cased and checked."""
    code = str(value).strip().upper()
    if not is_nation(code):
        raise ValueError(
            said(
                "{value!r} is not an ISO 3166-1 alpha-3 nation code (e.g. USA, GBR, JPN)",
                value=value,
            )
        )
    return code


def parse_nations(value: Any) -> list[str]:
    """Several nation codes, from a list or a text separated by commas or spaces."""
    items = (
        value
        if isinstance(value, list | tuple | set | frozenset)
        else str(value).replace(",", " ").split()
    )
    return sorted({parse_nation(item) for item in items if str(item).strip()})


@dataclass(frozen=True)
class Field:
    """One input field of a record: name, words for people, kind and limits."""

    name: str
    title: str
    kind: str = "text"  # text, date, int, decimal, bool, enum, enums, nation, nations, email,
    # passport, currency, rank_code, languages
    required: bool = False
    max_length: int | None = None
    choices: type[Vocabulary] | None = None
    minimum: int | None = None
    maximum: int | None = None

    def parse(self, value: Any) -> Any:
        """The stored value for an input, or ValueError saying what is wrong."""
        if _empty(value) or (isinstance(value, list | tuple | set) and not value):
            if self.required:
                raise ValueError(said("is required"))
            return self.empty_value()
        parser: Callable[[Any], Any] = getattr(self, f"_parse_{self.kind}")
        return parser(value)

    def empty_value(self) -> Any:
        """What an empty input stores: '' for texts, [] for lists, None otherwise."""
        if self.kind in ("text", "email", "passport", "enum", "rank_code", "currency"):
            return ""
        if self.kind in ("enums", "nations", "languages"):
            return []
        if self.kind == "bool":
            return False
        return None

    def _parse_text(self, value: Any) -> str:
        raw = str(value)
        if "\n" not in raw and "\r" not in raw:
            text = " ".join(raw.split())  # one line: runs of white space are one space
        else:
            text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").strip()
        problem = problem_in(text, multiline=True)
        if problem:
            raise ValueError(problem)
        if self.max_length and len(text) > self.max_length:
            raise ValueError(
                said(
                    "is too long ({length} characters; at most {limit})",
                    length=len(text),
                    limit=self.max_length,
                )
            )
        return text

    def _parse_date(self, value: Any) -> dt.date:
        return parse_date(value)

    def _parse_int(self, value: Any) -> int:
        try:
            number = int(str(value).strip())
        except ValueError:
            raise ValueError(said("{value!r} is not a whole number", value=value)) from None
        if self.minimum is not None and number < self.minimum:
            raise ValueError(said("must be at least {limit}", limit=self.minimum))
        if self.maximum is not None and number > self.maximum:
            raise ValueError(said("must be at most {limit}", limit=self.maximum))
        return number

    def _parse_decimal(self, value: Any) -> Decimal:
        try:
            number = Decimal(str(value).strip().replace(",", ""))
        except InvalidOperation:
            raise ValueError(said("{value!r} is not an amount", value=value)) from None
        if not number.is_finite() or number < 0:
            raise ValueError(said("must be a positive amount"))
        if number > MAX_AMOUNT:  # before quantize, which a huge exponent makes fail
            raise ValueError(said("is too large (at most {limit:,})", limit=MAX_AMOUNT))
        return number.quantize(Decimal("0.01"))

    def _parse_bool(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "y", "x"):
            return True
        if text in ("0", "false", "no", "n", ""):
            return False
        raise ValueError(said("{value!r} is not yes or no", value=value))

    def _parse_enum(self, value: Any) -> str:
        assert self.choices is not None
        return self.choices.parse(value).value

    def _parse_enums(self, value: Any) -> list[str]:
        assert self.choices is not None
        items = (
            value
            if isinstance(value, list | tuple | set | frozenset)
            else str(value).replace(",", " ").split()
        )
        return sorted({self.choices.parse(item).value for item in items if str(item).strip()})

    def _parse_nation(self, value: Any) -> str:
        return parse_nation(value)

    def _parse_nations(self, value: Any) -> list[str]:
        return parse_nations(value)

    def _parse_email(self, value: Any) -> str:
        text = str(value).strip()
        if not EMAIL.match(text) or len(text) > 254:
            raise ValueError(
                said("{value!r} is not an e-mail address (name@example.org)", value=text)
            )
        return text

    def _parse_passport(self, value: Any) -> str:
        text = str(value).strip().upper().replace(" ", "")
        if not PASSPORT.match(text):
            raise ValueError(said("a passport number has 5 to 20 letters and digits"))
        return text

    def _parse_currency(self, value: Any) -> str:
        code = str(value).strip().upper()
        if code not in currency_codes():
            raise ValueError(
                said("{value!r} is not an ISO 4217 currency code (e.g. USD, EUR)", value=value)
            )
        return code

    def _parse_rank_code(self, value: Any) -> str:
        text = str(value).strip().upper().replace(" ", "")
        if text == "CIVILIAN":
            return "civilian"
        if text not in NATO_RANK_CODES:
            raise ValueError(
                said(
                    "{value!r} is not a STANAG 2116 code (OR-1…OR-9, WO-1…WO-5, OF-1…OF-10, "
                    "civilian)",
                    value=value,
                )
            )
        return text

    def _parse_languages(self, value: Any) -> list[tuple[str, str]]:
        """``eng 3/3/2/2; fra 2/2/2/1`` or a list of (language, profile) pairs."""
        items = (
            value
            if isinstance(value, list | tuple)
            else [p for p in str(value).split(";") if p.strip()]
        )
        result: dict[str, str] = {}
        for item in items:
            if isinstance(item, tuple | list):
                language, profile = (list(item) + [""])[:2]
            else:
                language, _, profile = str(item).strip().partition(" ")
            language = language.strip().lower()
            profile = profile.strip()
            if language not in language_codes():
                raise ValueError(
                    said(
                        "{value!r} is not an ISO 639 language code (e.g. eng, fra)", value=language
                    )
                )
            if profile and not PROFILE.match(profile):
                if "5+" in profile:
                    raise ValueError(
                        said(
                            "{value!r} is not a STANAG 6001 profile: 5 is the highest level and"
                            " has no plus (+ exists only on levels 0 to 4)",
                            value=profile,
                        )
                    )
                raise ValueError(
                    said("{value!r} is not a STANAG 6001 profile like 3/3/2/2", value=profile)
                )
            result[language] = profile
        return sorted(result.items())


def text_of(value: Any) -> str:
    """A stored value as the text a CSV cell or a command-line listing shows."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return (
            "; ".join(f"{a} {b}".strip() for a, b in value)
            if value and isinstance(value[0], tuple)
            else ", ".join(map(str, value))
        )
    return str(value)

"""A list column and how its cells read; each kind's columns are in `app.ui.kinds`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.domain.vocab import Vocabulary, label_of
from app.ui.i18n import date_text, vocabulary_label

MARK = "__mark__"


@dataclass(frozen=True)
class Column:
    """One column: its title, the field shown (or MARK), and the field the service sorts on."""

    title: str
    field: str
    sort: str | None = None
    display: Callable[[Any], str] | None = None


def upper(value: Any) -> str:
    """A cell in capitals (family names)."""
    return str(value or "").upper()


def labels(vocabulary: type[Vocabulary]) -> Callable[[Any], str]:
    """Cells of a vocabulary's values as the forms show them (``course_seat`` -> ``Course
    seat``, ``hadr_exercise`` -> ``HADR exercise``)."""
    return lambda value: vocabulary_label(label_of(vocabulary, value)) if value else ""


def cell_text(column: Column, value: Any) -> str:
    """The text a cell shows for a value."""
    if column.display is not None:
        return column.display(value)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return date_text(value)  # ISO in English, the locale's form in French
    return str(value)

"""When a record is declassified: its own date, or 25 years after it was created.

E.O. 13526 §1.5 and DoDM 5200.01 vol. 2 (as issue 14, item 8 cites them): an original
classification sets a date (or event) for declassification, no more than 25 years away; with
none set, 25 years from the origin. A record here carries an optional ``declassify_on`` date
beside its label (revision 0013); a document derived from several records is declassified on
the most distant of their dates. Pure Python: the write path checks a date with `problem`,
reports print `derived` in their authority block.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

DEFAULT_YEARS = 25  # E.O. 13526 §1.5(b): at most 25 years, and the default


def years_after(day: dt.date, years: int = DEFAULT_YEARS) -> dt.date:
    """``day`` plus ``years`` calendar years; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February of a leap year
        return day.replace(year=day.year + years, day=28)


def effective(created: dt.datetime | dt.date, declassify_on: dt.date | None) -> dt.date:
    """A record's declassification date: its own, or 25 years after its creation."""
    if declassify_on is not None:
        return declassify_on
    day = created.date() if isinstance(created, dt.datetime) else created
    return years_after(day)


def derived(dates: Iterable[dt.date | None], produced: dt.date) -> dt.date:
    """The Declassify On of a document derived from records whose dates are ``dates`` (None:
    a source whose date the document cannot name, as an aggregate's): the most distant one,
    and for an unnamed source 25 years after the document is produced (never earlier than any
    record's default, since every record was created by then)."""
    known = list(dates)
    candidates = [d for d in known if d is not None]
    if not known or any(d is None for d in known):
        candidates.append(years_after(produced))
    return max(candidates)


def problem(value: dt.date, created: dt.date, today: dt.date) -> str | None:
    """Why ``value`` cannot be a record's declassification date, or None: it must lie after
    today and at most 25 years after the record's creation (E.O. 13526 §1.5; a longer period
    needs an exemption this product does not record)."""
    if value <= today:
        return "must be a date after today (a record past its date is declassified, not kept)"
    latest = years_after(created)
    if value > latest:
        return (
            f"must be at most {DEFAULT_YEARS} years after the record was created "
            f"({latest.isoformat()}; E.O. 13526 §1.5)"
        )
    return None

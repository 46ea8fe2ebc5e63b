"""When a record is declassified: its own date or event, or 25 years after it was created.

E.O. 13526 §1.5 and DoDM 5200.01 vol. 2 (as issue 14, item 8 cites them): an original
classification sets a date or an event for declassification, no more than 25 years away; with
none set, 25 years from the origin. A record here carries beside its label an optional
``declassify_on`` date (revision 0013) or ``declassify_event`` (revision 0017), never both; an
event that has not happened 25 years after the record's creation declassifies it then
(§1.5(a): the event must occur within 25 years). A document derived from several records
carries the most restrictive of their instructions (32 CFR 2001.22(e)): `derived`. Pure
Python: the write path checks a date with `problem` and an event with `event_problem`, reports
print `derived` in their authority block.

An exemption (revision 0020, ``declassify_exemption``; E.O. 13526 §3.3, 32 CFR 2001.26, as the
ISOO marking booklet prints them) lengthens the period: ``25X1`` … ``25X9`` with a date or an
event at most 50 years after the origin ("Declassify On: 25X1, 20611231"), 50 years with
neither; ``50X1-HUM`` and ``50X2-WMD`` alone, with no date or event, 75 years at most.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.texts import said
from app.domain.vocab import Exemption

DEFAULT_YEARS = 25  # E.O. 13526 §1.5(b): at most 25 years, and the default
EXEMPT_YEARS = 50  # §3.3(h)(1): a 25X exemption lasts at most 50 years from the origin
HUMAN_OR_WMD_YEARS = 75  # §3.3(h)(2)-(3): 50X1-HUM and 50X2-WMD, at most 75 years
EVENT_LENGTH = 200  # the longest event text (the column's length)
# a labelled record's columns for them (revisions 0013, 0017 and 0020): a date or an event, and
# an exemption beside either (a 50X exemption alone)
COLUMNS = ("declassify_on", "declassify_event", "declassify_exemption")


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


def _years(exemption: str | None) -> int:
    """How long a record with ``exemption`` may stay classified, from its origin."""
    if not exemption:
        return DEFAULT_YEARS
    return HUMAN_OR_WMD_YEARS if is_fifty(exemption) else EXEMPT_YEARS


def is_fifty(exemption: str) -> bool:
    """A 50X exemption (``50X1-HUM``, ``50X2-WMD``, stored ``50x1_hum``): it stands alone."""
    return str(exemption).lower().startswith("50x")


def printed(exemption: str) -> str:
    """An exemption as the "Declassify On" line prints it (``25X1``, ``50X1-HUM``)."""
    try:
        return Exemption.parse(exemption).label
    except ValueError:
        return str(exemption).upper()


@dataclass(frozen=True)
class Instruction:
    """One record's (or document's) declassification instruction: the day it is declassified
    at the latest (``until``), for an event the event that declassifies it sooner, and the
    exemptions that lengthen it (printed forms, sorted)."""

    until: dt.date
    event: str | None = None
    exemptions: tuple[str, ...] = ()

    def text(self) -> str:
        """The "Declassify On" line's value: the event's words, or the date as YYYYMMDD (DoDM
        5200.01 vol. 2, encl. 3), after the exemptions ("25X1, 20611231"); a 50X exemption
        alone ("50X1-HUM")."""
        fifty = [e for e in self.exemptions if is_fifty(e)]
        if fifty:
            return ", ".join(fifty)
        when = self.event or f"{self.until:%Y%m%d}"
        return ", ".join([*self.exemptions, when])


def instruction(
    created: dt.datetime | dt.date,
    declassify_on: dt.date | None,
    event: str | None = None,
    exemption: str | None = None,
) -> Instruction:
    """A record's instruction: its date; its event, bounded by 25 years after its creation (50
    with a 25X exemption); or that bound alone (the default); a 50X exemption: 75 years."""
    exempt = (printed(exemption),) if exemption else ()
    if declassify_on is not None:
        return Instruction(declassify_on, None, exempt)
    day = created.date() if isinstance(created, dt.datetime) else created
    return Instruction(years_after(day, _years(exemption)), event or None, exempt)


def derived(sources: Iterable[Instruction | dt.date | None], produced: dt.date) -> Instruction:
    """The instruction of a document derived from records whose instructions are ``sources``
    (a date stands for a date's instruction; None for a source the document cannot name, as an
    aggregate's), the most restrictive of them (32 CFR 2001.22(e); DoDM 5200.01 vol. 2):

    - the most distant date, and for an unnamed source 25 years after the document is produced
      (never earlier than any record's default, since every record was created by then);
    - an event only when every source is that same event: an event is not comparable with a
      date or another event, so a mix takes the most distant date, each event counting as its
      25-year bound (the latest it can declassify its record). Never earlier than any source.
    """
    known = [Instruction(s) if isinstance(s, dt.date) else s for s in sources]
    bounds = [s.until for s in known if s is not None]
    if not known or any(s is None for s in known):
        bounds.append(years_after(produced))
    events = {_folded(s.event) if s and s.event else None for s in known}
    until = max(bounds)
    # every source's exemption is carried forward (the derived document is exempt as they are)
    exemptions = tuple(sorted({e for s in known if s is not None for e in s.exemptions}))
    if len(events) == 1 and None not in events:
        return Instruction(until, next(s.event for s in known if s is not None), exemptions)
    return Instruction(until, None, exemptions)


def _folded(event: str) -> str:
    """An event's words compared without case or runs of space ("End of X" is "end of  x")."""
    return " ".join(event.casefold().split())


def problem(
    value: dt.date, created: dt.date, today: dt.date, exemption: str | None = None
) -> str | None:
    """Why ``value`` cannot be a record's declassification date, or None: it must lie after
    today and at most 25 years after the record's creation (E.O. 13526 §1.5), 50 with a 25X
    exemption (§3.3(h)(1)); a 50X exemption takes no date."""
    if value <= today:
        return said("must be a date after today (a record past its date is declassified, not kept)")
    if exemption and is_fifty(exemption):
        return said(
            "a {exemption} exemption takes no date (it is declassified within 75 years)",
            exemption=printed(exemption),
        )
    years = _years(exemption)
    latest = years_after(created, years)
    if value > latest and years == DEFAULT_YEARS:
        return said(
            "must be at most {years} years after the record was created "
            "({latest}; E.O. 13526 §1.5)",
            years=years,
            latest=latest.isoformat(),
        )
    if value > latest:
        return said(
            "must be at most {years} years after the record was created, with its exemption "
            "({latest}; E.O. 13526 §3.3(h))",
            years=years,
            latest=latest.isoformat(),
        )
    return None


def exemption_problem(exemption: str | None, event: str | None) -> str | None:
    """Why ``exemption`` cannot stand with ``event``, or None: a 50X exemption stands alone
    (the "Declassify On" line prints it without a date or an event)."""
    if exemption and event and is_fifty(exemption):
        return said(
            "a {exemption} exemption takes no event (it is declassified within 75 years)",
            exemption=printed(exemption),
        )
    return None


def event_problem(event: str | None, declassify_on: dt.date | None) -> str | None:
    """Why ``event`` cannot be a record's declassification event, or None: a record is
    declassified on a date or on an event, not both (DoDM 5200.01 vol. 2, encl. 3)."""
    if event and declassify_on is not None:
        return said("give a declassification date or an event, not both (clear the date first)")
    return None

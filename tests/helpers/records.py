"""Sample records the write-path tests create: field values as a form or the CLI gives them."""

import datetime as dt
import re

from sqlalchemy import select

from app.domain.models import ReferenceCounter

PERSON = {"family_name": "Kowalski", "given_names": "Jan", "nation_code": "POL"}
EXCHANGE = {
    "title": "Cold Response",
    "kind": "joint exercise",
    "host_nation": "NOR",
    "partner_nations": "USA, GBR",
    "start_date": "2026-03-01",
    "end_date": "2026-03-20",
}
AGREEMENT = {
    "title": "Officer exchange",
    "kind": "memorandum_of_understanding",
    "parties": "USA POL",
}


def generated(prefix: str, year: int) -> "re.Pattern[str]":
    """A generated reference of ``prefix`` and ``year``: five characters of Crockford's base 32
    that say nothing of how many records came before (`app.domain.references`)."""
    return re.compile(rf"{re.escape(prefix)}-{year}-[0-9A-HJKMNP-TV-Z]{{5}}")


def counter_of(desk, prefix: str, year: int) -> tuple[int, str]:  # noqa: ANN001
    """The reference counter of ``prefix`` and ``year``: its last number and its secret."""
    with desk.db.reading() as session:
        row = session.execute(
            select(ReferenceCounter.last, ReferenceCounter.secret).where(
                ReferenceCounter.prefix == prefix, ReferenceCounter.year == year
            )
        ).one()
    return int(row.last), str(row.secret)


def started_planned_tour(desk) -> None:  # noqa: ANN001
    """A liaison tour that started ten days ago and is still planned, ending in 45 days: on
    the deadlines page, a status to fix and a tour ending."""
    today = dt.date.today()
    officer = desk.people.create({"family_name": "Nowak", "nation_code": "POL"}).record
    desk.liaison.create(
        {
            "person": officer.reference,
            "kind": "liaison officer",
            "host_nation": "USA",
            "start_date": (today - dt.timedelta(days=10)).isoformat(),
            "end_date": (today + dt.timedelta(days=45)).isoformat(),
        }
    )

"""Builders: one function per report, turning service reads into a `Report` (no Qt here).

Everything is read through the desk's services, so only records the user may read are ever
fetched. A row showing two records (a participation and its person, an assignment and its
officer) carries the combined label of both. `common` holds what the builders share; each
other module builds the reports of one subject.
"""

from app.reports.builders.agreements import agreements
from app.reports.builders.audit import audit_extract
from app.reports.builders.exchanges import exchange_summary, roster
from app.reports.builders.liaison import liaison_directory
from app.reports.builders.people import person
from app.reports.builders.statistics import statistics

__all__ = [
    "agreements",
    "audit_extract",
    "exchange_summary",
    "liaison_directory",
    "person",
    "roster",
    "statistics",
]

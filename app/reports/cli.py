"""``xdesk report NAME [--exchange REF] [--person REF] [--from DATE --to DATE] [--nation CODE]
[--status S] --out FILE.pdf [--paper a4|letter]``."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from app.domain.text import counted
from app.reports import PAPERS, REPORTS, render_report

if TYPE_CHECKING:
    from app.services.desk import Desk


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``report`` command to an argparse subparsers object."""
    parser = subparsers.add_parser(
        "report",
        help="print a report to PDF",
        description="Reports: " + "; ".join(f"{s.name}: {s.description}" for s in REPORTS.values()),
    )
    parser.add_argument("name", choices=list(REPORTS), help="which report")
    parser.add_argument("--exchange", help="exchange reference (exchange-summary, roster)")
    parser.add_argument("--person", help="person reference (person)")
    parser.add_argument(
        "--from",
        dest="date_from",
        metavar="DATE",
        help="period start, YYYY-MM-DD (statistics, audit)",
    )
    parser.add_argument(
        "--to", dest="date_to", metavar="DATE", help="period end, YYYY-MM-DD (statistics, audit)"
    )
    parser.add_argument(
        "--nation", help="nation code (agreements: party; liaison-directory, statistics: host)"
    )
    parser.add_argument("--status", help="agreement status (agreements)")
    parser.add_argument("--out", required=True, help="PDF file to write")
    parser.add_argument(
        "--paper", choices=list(PAPERS), default="a4", help="paper size (default a4)"
    )
    return parser


def params_of(args: argparse.Namespace) -> dict[str, Any]:
    """The report parameters given on the command line that the chosen report takes."""
    given = {
        "exchange": args.exchange,
        "person": args.person,
        "from": args.date_from,
        "to": args.date_to,
        "nation": args.nation,
        "status": args.status,
    }
    return {k: v for k, v in given.items() if v not in (None, "")}


def run(args: argparse.Namespace, desk: Desk) -> int:
    """Render the report; prints pages, records and marking; returns the exit code."""
    result = render_report(desk, args.name, params_of(args), args.out, paper=args.paper)
    print(
        f"{args.out}: {counted(result.pages, 'page')}, {counted(result.records, 'record')}, "
        f"marked {result.marking}"
    )
    print(f"label (STANAG 4774, bound by STANAG 4778): {result.label_file}")
    return 0

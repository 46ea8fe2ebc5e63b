"""A realistic, reproducible multinational demo data set, written through the services.

`fill(desk)` creates need-to-know groups, a few demo users (password `DEMO_PASSWORD`), people of
many nations (names with diacritics; Japanese, Korean, Greek, Cyrillic, Arabic, Thai and
Devanagari originals), agreements with parties, signatories and quotas, exchanges of every kind
across 2023–2027 with cost lines and participations, and liaison tours with contact logs. Every
record goes through its service (validation, labels, audit). The same seed gives the same data
on the same day: dates that must sit around "today" (expiring passports, follow-ups due, statuses
consistent with dates) are computed from `today`, which callers may fix.

The package: `base` (the run's frame, labels, users, writes), one module per record kind's
phase (`people`, `agreements`, `exchanges`, `liaison`) and `words` (the pure data they draw on).
"""

from __future__ import annotations

import datetime as dt

from app.domain.texts import said
from app.services.demo.base import DEMO_PASSWORD, Cancelled, Progress, demo_users, log
from app.services.demo.exchanges import ExchangePhase
from app.services.demo.liaison import LiaisonPhase
from app.services.demo.people import PeoplePhase
from app.services.desk import Desk
from app.services.errors import PermissionDenied


class Filler(PeoplePhase, ExchangePhase, LiaisonPhase):
    """One fill run with every phase."""

    def run(self) -> dict[str, int]:
        """Every phase in order (administrators); the counts per kind, also when cancelled."""
        actor = self.desk.actor()
        if not actor.is_admin:
            raise PermissionDenied(
                said("only an administrator fills a database with the demo data set")
            )
        self.max_level = min(
            actor.clearance, self.desk.db.scheme.top
        )  # nobody labels above their clearance
        try:
            self._groups_and_users()
            self._people()
            self._agreements()
            self._exchanges()
            self._liaison()
        except Cancelled:
            log.info("demo fill cancelled after %d of %d", self.done, self.total)
        return self.counts


def fill(
    desk: Desk,
    people: int = 400,
    exchanges: int = 80,
    seed: int = 2026,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> dict[str, int]:
    """Fill the database behind ``desk`` (an administrator's) with demo records; counts per kind.

    ``progress(done, total)`` is called after each batch; returning False stops after that batch
    (what was written stays).
    """
    return Filler(desk, people, exchanges, seed, progress, today or dt.date.today()).run()


__all__ = ["DEMO_PASSWORD", "Cancelled", "Filler", "demo_users", "fill"]

"""The demo fill's frame: its random source and progress, labels, groups and users, writes."""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.domain.labels import Label, Release, level_refused
from app.domain.nations import FVEY, NATO, nation_name
from app.security.principal import Actor
from app.services.base import RecordService
from app.services.bulk import BulkCreate
from app.services.demo import words
from app.services.desk import Desk
from app.services.errors import ServiceError, ValidationFailed

log = logging.getLogger("app.services.demo")

DEMO_PASSWORD = "exchange-desk-demo"
"""Password of every demo user (they are asked to change nothing: it is a demo)."""

NTK_GROUPS = {
    "CYBER-ISR": "Cyber and ISR cooperation",
    "SOF": "Special operations forces exchanges",
}
BATCH = 250  # creates per transaction
# from this many people on, records are written in bulk (one audit event per batch and writer)
BULK_FROM = 5000
BULK_BATCH = 5000  # people per transaction in bulk (exchanges and liaison: a fifth of it)

Progress = Callable[[int, int], Any]


def demo_users(owner: str) -> list[dict[str, Any]]:
    """The demo accounts: role, clearance, nation and groups of each (password `DEMO_PASSWORD`)."""
    return [
        {
            "username": "coordinator",
            "display_name": f"Demo coordinator ({owner})",
            "role": "coordinator",
            "clearance": "S",
            "nation": owner,
            "groups": ["CYBER-ISR"],
        },
        {
            "username": "sof.coordinator",
            "display_name": f"Demo SOF desk officer ({owner})",
            "role": "coordinator",
            "clearance": "TS",
            "nation": owner,
            "groups": ["SOF", "CYBER-ISR"],
        },
        {
            "username": "gbr.coordinator",
            "display_name": "Demo coordinator (GBR liaison)",
            "role": "coordinator",
            "clearance": "S",
            "nation": "GBR" if owner != "GBR" else "AUS",
            "groups": [],
        },
        {
            "username": "jpn.viewer",
            "display_name": "Demo viewer (JPN liaison)",
            "role": "viewer",
            "clearance": "C",
            "nation": "JPN" if owner != "JPN" else "KOR",
            "groups": [],
        },
        {
            "username": "pol.viewer",
            "display_name": "Demo viewer (POL liaison)",
            "role": "viewer",
            "clearance": "R",
            "nation": "POL" if owner != "POL" else "CZE",
            "groups": [],
        },
        {
            "username": "auditor",
            "display_name": "Demo auditor",
            "role": "auditor",
            "clearance": "S",
            "nation": owner,
            "groups": [],
        },
    ]


class Cancelled(Exception):
    """The progress callback asked to stop."""


@dataclass(slots=True)
class PersonRow:
    """What later phases need to know about a created person."""

    reference: str
    nation: str
    family: str
    given: str
    clearance: int | None
    groups: frozenset[str] = frozenset()
    booked: list[tuple[dt.date, dt.date]] = field(default_factory=list)


@dataclass
class AgreementRow:
    """What exchanges and tours need to know about a created agreement."""

    reference: str
    kind: str
    parties: list[str]
    status: str
    grouped: bool = False
    effective: dt.date | None = None
    expiry: dt.date | None = None


class FillerBase:
    """One fill run: the random source, what was created so far, labels, groups and users.
    The phases of each record kind are its subclasses (`app.services.demo.people` ...)."""

    def __init__(
        self,
        desk: Desk,
        people: int,
        exchanges: int,
        seed: int,
        progress: Progress | None,
        today: dt.date,
    ) -> None:
        self.desk = desk
        self.owner = desk.owner
        self.rng = random.Random(seed)
        self.today = today
        self.n_people = max(0, people)
        self.n_exchanges = max(0, exchanges)
        self.n_agreements = min(max(4, self.n_exchanges // 3 + 4), 400) if self.n_people else 0
        self.n_liaison = min(max(3, self.n_people // 20), 5000) if self.n_people else 0
        self.progress = progress
        self.total = self.n_people + self.n_agreements + self.n_exchanges + self.n_liaison
        self.done = 0
        self.counts: dict[str, int] = {
            k: 0
            for k in (
                "groups",
                "users",
                "people",
                "agreements",
                "exchanges",
                "cost_lines",
                "participations",
                "liaison",
                "contact_log",
            )
        }
        self.people: list[PersonRow] = []
        self.by_nation: dict[str, list[PersonRow]] = {}
        self.seed = seed
        self.agreements: list[AgreementRow] = []
        self.nation_codes = list(words.NATIONS)
        self.nation_weights = [words.NATIONS[c][1] for c in self.nation_codes]
        if self.owner not in words.NATIONS:
            self.nation_codes.append(self.owner)
            self.nation_weights.append(14)
        else:  # the owning nation's own people are the largest share
            self.nation_weights[self.nation_codes.index(self.owner)] = 14
        self.emails: set[str] = set()
        self.passports: set[tuple[str, str]] = set()
        self.service_numbers: set[tuple[str, str]] = set()
        self.compartment_actor: Actor | None = None
        self.compartment_desk = desk
        self.max_level = desk.db.scheme.top
        self.bulk = self.n_people >= BULK_FROM
        self.batch, self.bulk_batch = BATCH, BULK_BATCH  # records per transaction
        self.label_ids: dict[str, int] = {}  # labels stored by earlier (committed) batches

    def _tick(self, amount: int = 1) -> None:
        self.done += amount

    def _report(self) -> None:
        if (
            self.progress is not None
            and self.progress(min(self.done, self.total), self.total) is False
        ):
            raise Cancelled

    @contextmanager
    def _writes(self) -> Iterator[Writes]:
        """One write transaction whose records are created per record or in bulk (see `Writes`)."""
        with self.desk.writing() as (session, actor):
            writes = Writes(self, session, actor)
            yield writes
            writes.close()
        self._report()

    def _level(self, weights: tuple[int, ...] = (32, 26, 24, 12, 6)) -> int:
        level = self.rng.choices(range(5), weights=weights[: self.desk.db.scheme.top + 1])[0]
        return self._offered(min(level, self.max_level))

    def _offered(self, level: int) -> int:
        """``level``, or the next one up (down when that is above the user's clearance) when the
        owner's rules do not have it: no RESTRICTED under a US owner (`level_refused`)."""
        if level_refused(level, self.owner, self.desk.db.scheme) is None:
            return level
        return level + 1 if level + 1 <= self.max_level else level - 1

    def _label(
        self,
        nations: list[str],
        level: int | None = None,
        groups: tuple[str, ...] = (),
        noforn: float = 0.45,
    ) -> Label:
        """A label for a record concerning ``nations``: releasable to them, to a group, NOFORN or to
        all."""
        level = self._level() if level is None else self._offered(min(level, self.max_level))
        foreign = sorted({n for n in nations if n != self.owner})
        roll = self.rng.random()
        if level == 0 and roll < 0.6:
            release, codes = Release.ALL, frozenset()
        elif level >= 3 and roll < noforn or level >= 1 and roll < noforn / 6:
            release, codes = Release.NOFORN, frozenset()
        elif foreign and all(n in FVEY for n in foreign) and roll < 0.6:
            release, codes = Release.REL, frozenset({"FVEY"})
        elif foreign and all(n in NATO for n in foreign) and roll < 0.6:
            release, codes = Release.REL, frozenset({"NATO"})
        elif foreign:
            release, codes = Release.REL, frozenset(foreign[:8])
        elif level <= 1:
            release, codes = Release.ALL, frozenset()
        else:
            release, codes = Release.REL, frozenset({"FVEY"})
        return Label(level, release, codes, frozenset(groups))

    def _maybe_groups(self, candidates: tuple[str, ...], chance: float = 0.04) -> tuple[str, ...]:
        return (self.rng.choice(candidates),) if self.rng.random() < chance else ()

    def _groups_and_users(self) -> None:
        existing = set(self.desk.users.ntk_groups())
        for name, description in NTK_GROUPS.items():
            if name not in existing:
                self.desk.users.create_ntk_group(name, description)
                self.counts["groups"] += 1
        have = {u.username for u in self.desk.users.list()}
        for values in demo_users(self.owner):
            if values["username"] in have:
                continue
            self.desk.users.create({**values, "password": DEMO_PASSWORD})
            self.counts["users"] += 1
        if not self.desk.db.is_sqlite:
            # a server checks every write against the role connected (row security), so the
            # records of a need-to-know group are written by the administrator running the demo,
            # who joins the demo's groups (an audited change: a demo database, not an office's)
            me = self.desk.actor().username
            mine = set(self.desk.users.get(me).groups)
            if not set(NTK_GROUPS) <= mine:
                self.desk.users.update(me, {"groups": sorted(mine | set(NTK_GROUPS))})
                self.counts["groups_joined"] = len(set(NTK_GROUPS) - mine)
            return
        # records in a need-to-know group are written by a member of it (the administrator may not
        # be)
        self.compartment_desk = Desk(self.desk.db, "sof.coordinator")
        self.compartment_actor = self.compartment_desk.actor()

    def _as(self, actor: Actor, label: Label) -> Actor:
        """Who writes a record with this label: the compartment member when it has groups."""
        return (
            self.compartment_actor if label.groups and self.compartment_actor is not None else actor
        )


class Writes:
    """The creates of one demo transaction: each through `create_in` (its own audit event, as a
    coordinator's would be) for a small fill; for a large one through a `BulkCreate` per writer,
    checked a batch at a time, written with Core, one summary audit event per writer."""

    def __init__(self, filler: FillerBase, session: Session, actor: Actor) -> None:
        self.filler, self.session, self.actor = filler, session, actor
        self.bulk: dict[tuple[str, str], BulkCreate] = {}

    def add(
        self,
        service: RecordService[Any],
        items: list[tuple[dict[str, Any], Label]],
        label_given: bool = True,
    ) -> list[Any]:
        """Create records (values, label); the new records in order, None where one was refused
        (logged: the demo data is meant to be valid). ``label_given`` False: the service's
        default label applies (a contact log entry takes its assignment's)."""
        outcomes: list[Any] = [None] * len(items)
        by_writer: dict[Any, list[int]] = {}
        for index, (_values, label) in enumerate(items):
            by_writer.setdefault(self.filler._as(self.actor, label), []).append(index)
        for writer, indexes in by_writer.items():
            rows = [(items[i][0], items[i][1] if label_given else None) for i in indexes]
            if self.filler.bulk:
                key = (service.kind, writer.username)
                if key not in self.bulk:
                    self.bulk[key] = BulkCreate(
                        service,
                        self.session,
                        writer,
                        batch_size=None,
                        label_ids=self.filler.label_ids,
                    )
                bulk = self.bulk[key]
                results = bulk.add_many(rows)
                bulk.flush(isolate=False)
            else:
                results = [self._create(service, writer, values, label) for values, label in rows]
            for index, result in zip(indexes, results, strict=True):
                if isinstance(result, ServiceError):
                    log.warning(
                        "demo %s skipped: %s", service.kind, getattr(result, "errors", result)
                    )
                else:
                    outcomes[index] = result
        return outcomes

    def _create(
        self,
        service: RecordService[Any],
        writer: Actor,
        values: dict[str, Any],
        label: Label | None,
    ) -> Any:
        try:
            return service.create_in(self.session, writer, values, label).record
        except ValidationFailed as failure:
            return failure

    def close(self) -> None:
        """The summary audit events of the bulk writers."""
        for bulk in self.bulk.values():
            bulk.summary("demo_fill", {"seed": self.filler.seed})


FIRST_LABELS: list[tuple[int, Release, tuple[str, ...]]] = [
    (0, Release.ALL, ()),
    (1, Release.REL, ()),
    (2, Release.REL, ()),
    (3, Release.NOFORN, ()),
    (4, Release.NOFORN, ()),
    (2, Release.REL, ("SOF",)),
    (3, Release.REL, ("CYBER-ISR",)),
]


def unused(taken: set[tuple[str, str]], nation: str, draw: Callable[[], str]) -> str:
    """A number drawn until it is not yet taken for the nation (then taken)."""
    while True:
        number = draw()
        if (nation, number) not in taken:
            taken.add((nation, number))
            return number


def money(usd: int, currency: str) -> Decimal:
    """A dollar amount in another currency, rounded to a plausible figure (three significant
    digits)."""
    amount = usd * words.PER_USD.get(currency, 1)
    step = 10 ** max(len(str(int(amount))) - 3, 0)
    return Decimal(int(amount // step * step))


def force(nation: str, service: str, branch: str) -> str:
    """The name of a nation's service: ``Royal Navy``, ``U.S. Space Force``, ``Portuguese Army``."""
    if (nation, service) in words.OTHER_FORCES:
        return words.OTHER_FORCES[(nation, service)]
    name = nation_name(nation)
    if branch == "civ":
        return f"Ministry of Defence of {name}"
    index = {"land": 0, "sea": 1, "air": 2}[branch]
    if nation in words.FORCES:
        return words.FORCES[nation][index]
    noun = ("Army", "Navy", "Air Force")[index]
    adjective = words.ADJECTIVES.get(nation)
    return f"{adjective} {noun}" if adjective else f"{noun} of {name}"


def full_name(nation: str, given: str, family: str) -> str:
    """A name as its nation writes it: family name first for Vietnamese, Korean and Hungarian
    names."""
    group = words.NATIONS.get(nation, words.NATIONS["USA"])[0]
    return f"{family} {given}" if group in words.FAMILY_FIRST else f"{given} {family}"


def ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"

"""A realistic, reproducible multinational demo data set, written through the services.

`fill(desk)` creates need-to-know groups, a few demo users (password `DEMO_PASSWORD`), people of
many nations (names with diacritics; Japanese, Korean, Greek, Cyrillic, Arabic, Thai and
Devanagari originals), agreements with parties, signatories and quotas, exchanges of every kind
across 2023–2027 with cost lines and participations, and liaison tours with contact logs. Every
record goes through its service (validation, labels, audit). The same seed gives the same data
on the same day: dates that must sit around "today" (expiring passports, follow-ups due, statuses
consistent with dates) are computed from `today`, which callers may fix.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from app.domain.labels import Label, Release
from app.domain.nations import FVEY, NATO, nation_name
from app.services import demo_data as words
from app.services.bulk import BulkCreate
from app.services.desk import Desk
from app.services.errors import PermissionDenied, ServiceError, ValidationFailed

log = logging.getLogger(__name__)

DEMO_PASSWORD = "exchange-desk-demo"
"""Password of every demo user (they are asked to change nothing: it is a demo)."""

NTK_GROUPS = {
    "CYBER-ISR": "Cyber and ISR cooperation",
    "SOF": "Special operations forces exchanges",
}
BATCH = 250  # creates per transaction
BULK_FROM = 5000  # from this many people on, records are written in bulk (one audit event per batch and writer)
BULK_BATCH = 5000  # people per transaction in bulk (exchanges and liaison: a fifth of it)

Progress = Callable[[int, int], Any]


class Cancelled(Exception):
    """The progress callback asked to stop."""


@dataclass(slots=True)
class _PersonRow:
    """What later phases need to know about a created person."""

    reference: str
    nation: str
    family: str
    given: str
    clearance: int | None
    groups: frozenset[str] = frozenset()
    booked: list[tuple[dt.date, dt.date]] = field(default_factory=list)


@dataclass
class _AgreementRow:
    """What exchanges and tours need to know about a created agreement."""

    reference: str
    kind: str
    parties: list[str]
    status: str
    grouped: bool = False
    effective: dt.date | None = None
    expiry: dt.date | None = None


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
    (what was written stays). Missing services are skipped and logged.
    """
    return _Filler(desk, people, exchanges, seed, progress, today or dt.date.today()).run()


class _Filler:
    """One fill run: the random source, what was created so far, and the phases."""

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
        self.people: list[_PersonRow] = []
        self.by_nation: dict[str, list[_PersonRow]] = {}
        self.seed = seed
        self.agreements: list[_AgreementRow] = []
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
        self.compartment_actor: Any = None
        self.compartment_desk = desk
        self.max_level = desk.db.scheme.top
        self.bulk = self.n_people >= BULK_FROM
        self.label_ids: dict[str, int] = {}  # labels stored by earlier (committed) batches

    # --- driving ---------------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        actor = self.desk.actor()
        if not actor.is_admin:
            raise PermissionDenied("only an administrator fills a database with the demo data set")
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

    def _tick(self, amount: int = 1) -> None:
        self.done += amount

    def _report(self) -> None:
        if (
            self.progress is not None
            and self.progress(min(self.done, self.total), self.total) is False
        ):
            raise Cancelled

    @contextmanager
    def _writes(self) -> Iterator[_Writes]:
        """One write transaction whose records are created per record or in bulk (see `_Writes`)."""
        with self.desk.writing() as (session, actor):
            writes = _Writes(self, session, actor)
            yield writes
            writes.close()
        self._report()

    # --- labels ----------------------------------------------------------------------------

    def _level(self, weights: tuple[int, ...] = (32, 26, 24, 12, 6)) -> int:
        level = self.rng.choices(range(5), weights=weights[: self.desk.db.scheme.top + 1])[0]
        return min(level, self.max_level)

    def _label(
        self,
        nations: list[str],
        level: int | None = None,
        groups: tuple[str, ...] = (),
        noforn: float = 0.45,
    ) -> Label:
        """A label for a record concerning ``nations``: releasable to them, to a group, NOFORN or to all."""
        level = self._level() if level is None else min(level, self.max_level)
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

    # --- groups and users ------------------------------------------------------------------

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
        # records in a need-to-know group are written by a member of it (the administrator may not be)
        self.compartment_desk = Desk(self.desk.db, "sof.coordinator")
        self.compartment_actor = self.compartment_desk.actor()

    def _as(self, actor: Any, label: Label) -> Any:
        """Who writes a record with this label: the compartment member when it has groups."""
        return (
            self.compartment_actor if label.groups and self.compartment_actor is not None else actor
        )

    # --- people ----------------------------------------------------------------------------

    def _name(self, entry: str, female: bool) -> tuple[str, str]:
        latin, _, script = entry.partition("|")

        def pick(text: str) -> str:
            male_form, _, female_form = text.partition("/")
            return (female_form or male_form) if female else male_form

        return pick(latin), pick(script) if script else ""

    def _email(self, given: str, family: str, nation: str, branch: str) -> str:
        def fold(text: str) -> str:
            text = text.lower()
            for a, b in (
                ("ł", "l"),
                ("ø", "o"),
                ("ß", "ss"),
                ("æ", "ae"),
                ("þ", "th"),
                ("ð", "d"),
                ("ı", "i"),
                ("đ", "d"),
                ("œ", "oe"),
            ):
                text = text.replace(a, b)
            text = unicodedata.normalize("NFKD", text)
            return "".join(c for c in text if c.isascii() and (c.isalnum() or c == "-"))

        local = f"{fold(given.split()[0])}.{fold(family.replace(' ', ''))}".strip(".") or "officer"
        domain = {"land": "army", "sea": "navy", "air": "airforce", "civ": "mod"}[branch]
        address = f"{local}@{domain}.{nation.lower()}.example"
        number = 2
        while address in self.emails:
            address = f"{local}{number}@{domain}.{nation.lower()}.example"
            number += 1
        self.emails.add(address)
        return address

    def _passport(self, nation: str) -> str:
        def draw() -> str:
            letters = "".join(self.rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(2))
            return f"{letters}{self.rng.randrange(10**6, 10**7)}"

        return _unused(self.passports, nation, draw)

    def _service_number(self, nation: str) -> str:
        return _unused(
            self.service_numbers,
            nation,
            lambda: f"{nation[:1]}{self.rng.randint(10**7, 10**8 - 1)}",
        )

    def _person_values(self, number: int) -> tuple[dict[str, Any], Label, _PersonRow]:
        rng = self.rng
        nation = rng.choices(self.nation_codes, weights=self.nation_weights)[0]
        group, _w, native, style, dial, _currency, cities = words.NATIONS.get(
            nation, words.NATIONS["USA"]
        )
        male, female_names, families = words.NAMES[group]
        female = rng.random() < 0.22
        given, given_script = self._name(rng.choice(female_names if female else male), female)
        if rng.random() < 0.15 and group in (
            "en",
            "de",
            "fr",
            "es",
            "pt",
            "pl",
            "cs",
            "ro",
            "hu",
            "fil",
        ):
            second, _ = self._name(rng.choice(female_names if female else male), female)
            if second != given:
                given = f"{given} {second}"
        family, family_script = self._name(rng.choice(families), female)
        script = ""
        if given_script or family_script:
            if group in ("ja",):
                script = f"{family_script} {given_script}"
            elif group == "ko":
                script = f"{family_script}{given_script}"
            else:
                script = f"{given_script} {family_script}".strip()
        service = rng.choices(
            ["army", "navy", "air_force", "marines", "joint", "civilian", "coast_guard", "space"],
            weights=[
                40,
                20,
                20,
                4
                if nation in ("USA", "KOR", "PHL", "IDN", "GBR", "NLD", "ESP", "THA", "JPN")
                else 0,
                8,
                6,
                1 if nation in ("USA", "JPN", "PHL", "ITA") else 0,
                1 if nation in ("USA", "FRA", "GBR") else 0,
            ],
        )[0]
        branch = {
            "army": "land",
            "marines": "land",
            "joint": "land",
            "navy": "sea",
            "coast_guard": "sea",
            "air_force": "air",
            "space": "air",
            "civilian": "civ",
        }[service]
        if branch == "civ":
            rank, code = (
                rng.choice(["Civil servant", "Defence official", "Senior adviser", ""]),
                "civilian",
            )
            position = rng.choice(words.POSITIONS["civ"])
        else:
            table = words.RANKS.get(style, words.RANKS["en"])[branch]
            codes = [c for c, _ in words.RANK_WEIGHTS if c in table]
            code = rng.choices(codes, weights=[w for c, w in words.RANK_WEIGHTS if c in table])[0]
            rank = table[code]
            position = rng.choice(words.POSITIONS["officer" if code.startswith("OF") else "nco"])
        force = _force(nation, service, branch)
        name = nation_name(nation)
        unit = rng.choice(words.UNITS[branch]).format(o=_ordinal(rng.randint(1, 35)))
        unit = f"{unit}, {force}" if branch != "civ" else f"{unit} ({name})"
        age_years = {"OR": 32, "WO": 40, "OF": 38, "ci": 45}[code[:2]] + rng.randint(-8, 12)
        birth = self.today - dt.timedelta(days=int(age_years * 365.25) + rng.randint(0, 364))
        roll = rng.random()
        if roll < 0.08:
            passport_expiry = self.today + dt.timedelta(days=rng.randint(5, 120))  # expiring soon
        elif roll < 0.11:
            passport_expiry = self.today - dt.timedelta(days=rng.randint(10, 400))  # expired
        else:
            passport_expiry = self.today + dt.timedelta(days=rng.randint(200, 3600))
        clearance = rng.choices([None, 0, 1, 2, 3, 4], weights=[10, 5, 15, 35, 28, 7])[0]
        values: dict[str, Any] = {
            "family_name": family,
            "given_names": given,
            "original_script_name": script,
            "rank": rank,
            "rank_code": code,
            "service": service,
            "nation_code": nation,
            "unit": unit[:200],
            "position": position,
            "email": self._email(given, family, nation, branch),
            "phone": f"{dial} {rng.randint(20, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            "date_of_birth": birth,
            "place_of_birth": rng.choice(cities),
            "passport_number": self._passport(nation),
            "passport_expiry": passport_expiry,
            "service_number": self._service_number(nation) if branch != "civ" else "",
            "languages": self._languages(native, rng),
        }
        if clearance is not None:
            values["clearance_level"] = min(clearance, self.desk.db.scheme.top)
            values["clearance_nation"] = nation
            soon = rng.random() < 0.1
            values["clearance_expiry"] = self.today + dt.timedelta(
                days=rng.randint(10, 90) if soon else rng.randint(180, 2500)
            )
        if nation != self.owner and rng.random() < 0.45:
            visa_type = (
                rng.choice(["A-2", "NATO-2", "G-2"])
                if self.owner == "USA"
                else rng.choice(["Official", "Diplomatic", "Service"])
            )
            values.update(
                {
                    "visa_type": visa_type,
                    "visa_number": f"V{rng.randint(10**7, 10**8 - 1)}",
                    "visa_expiry": self.today + dt.timedelta(days=rng.randint(-30, 900)),
                }
            )
        if rng.random() < 0.05:
            values["notes"] = rng.choice(
                [
                    "Prefers to be addressed by rank.",
                    "Vegetarian meals.",
                    "Previously attended the staff course.",
                    "Also known under an older transliteration of the family name.",
                ]
            )
        groups = (
            self._maybe_groups(("SOF",), 0.03)
            if branch == "land"
            else self._maybe_groups(("CYBER-ISR",), 0.02)
        )
        label = self._label([nation], self._level((40, 30, 20, 7, 3)), groups)
        if number < len(
            _FIRST_LABELS
        ):  # even a tiny fill shows every level, NOFORN and both compartments
            level, release, groups = _FIRST_LABELS[number]
            level = min(level, self.desk.db.scheme.top, self.max_level)
            label = self._label([nation], level, groups)
            if release is Release.NOFORN or (release is Release.ALL and level == 0):
                label = Label(level, release, frozenset(), frozenset(groups))
            elif release is Release.REL and label.release is not Release.REL:
                label = Label(
                    level,
                    Release.REL,
                    frozenset({nation} - {self.owner} or {"FVEY"}),
                    frozenset(groups),
                )
        row = _PersonRow(
            "", nation, family, given, values.get("clearance_level"), frozenset(groups)
        )
        return values, label, row

    def _languages(self, native: str, rng: random.Random) -> list[tuple[str, str]]:
        languages = {native: rng.choice(["4/4/4/4", "5/5/5/5", "4+/4+/4/4"])}
        if native != "eng":
            languages["eng"] = rng.choice(words.PROFILES)
        if rng.random() < 0.3:
            other = rng.choice(words.SECOND_LANGUAGES)
            languages.setdefault(other, rng.choice(words.PROFILES))
        return sorted(languages.items())

    def _people(self) -> None:
        """People in batches, generated as they are written (a million plans never sit in memory)."""
        size = BULK_BATCH if self.bulk else BATCH
        for start in range(0, self.n_people, size):
            plans = [self._person_values(n) for n in range(start, min(start + size, self.n_people))]
            with self._writes() as writes:
                outcomes = writes.add(
                    self.desk.people, [(values, label) for values, label, _row in plans]
                )
                for (_values, _label, row), record in zip(plans, outcomes, strict=True):
                    self._tick()
                    if record is None:
                        continue
                    row.reference = record.reference
                    self.people.append(row)
                    self.by_nation.setdefault(row.nation, []).append(row)
                    self.counts["people"] += 1

    # --- agreements ------------------------------------------------------------------------

    def _agreement_plan(
        self, number: int
    ) -> tuple[dict[str, Any], Label, list[dict[str, Any]], list[dict[str, Any]]]:
        rng = self.rng
        kind, prefix, _ = rng.choices(
            words.AGREEMENT_KINDS, weights=[w for *_, w in words.AGREEMENT_KINDS]
        )[0]
        foreign = [c for c in self.nation_codes if c != self.owner]
        partners = [rng.choice(foreign)]
        if kind in ("memorandum_of_understanding", "technical_arrangement") and rng.random() < 0.25:
            partners = sorted(set(partners + rng.sample(foreign, rng.randint(1, 3))))
        parties = sorted({self.owner, *partners})
        status = rng.choices(
            ["in_force", "signed", "draft", "in_negotiation", "expired", "terminated"],
            weights=[55, 8, 8, 10, 12, 7],
        )[0]
        # even a tiny fill shows one agreement expiring soon, one expired and one under negotiation
        soon = number == 0 or rng.random() < 0.22
        status = {0: "in_force", 1: "expired", 2: "in_negotiation"}.get(number, status)
        values: dict[str, Any] = {
            "kind": kind,
            "status": status,
            "parties": parties,
            "notice_period_days": rng.choice([30, 90, 90, 180, 365]),
        }
        signed = effective = expiry = None
        if status in ("in_force", "signed", "terminated"):
            expiry = self.today + dt.timedelta(
                days=rng.randint(10, 85) if soon else rng.randint(150, 3000)
            )
            signed = min(
                expiry - dt.timedelta(days=rng.choice([5, 5, 10, 3]) * 365),
                self.today - dt.timedelta(days=rng.randint(20, 400)),
            )
            effective = (
                signed + dt.timedelta(days=rng.randint(0, 60))
                if status != "signed"
                else self.today + dt.timedelta(days=rng.randint(5, 90))
            )
            if status == "signed" and effective >= expiry:
                expiry = effective + dt.timedelta(days=5 * 365)
        elif status == "expired":
            expiry = self.today - dt.timedelta(days=rng.randint(5, 900))
            signed = expiry - dt.timedelta(days=rng.choice([3, 5, 10]) * 365)
            effective = signed + dt.timedelta(days=rng.randint(0, 30))
        elif rng.random() < 0.5:
            expiry = None
        year = signed.year if signed else self.today.year
        partner_tag = partners[0] if len(partners) == 1 else "MULTI"
        values["reference"] = f"{prefix}-{self.owner}-{partner_tag}-{year}-{number + 1:02d}"
        topic = rng.choice(words.AGREEMENT_TOPICS[kind])
        names = " and ".join([nation_name(self.owner), ", ".join(nation_name(p) for p in partners)])
        kind_words = kind.replace("_", " ").replace("status of forces", "status-of-forces")
        values["title"] = f"{kind_words[0].upper()}{kind_words[1:]} on {topic} between {names}"[
            :250
        ]
        values["signed_date"], values["effective_date"], values["expiry_date"] = (
            signed,
            effective,
            expiry,
        )
        values["renewal_terms"] = rng.choice(words.RENEWAL)
        values["scope"] = (
            f"Covers {topic} between the parties: planning, funding principles, status of personnel, "
            f"claims, security of information, and settlement of disputes by consultation."
        )
        signatories = []
        if signed is not None:
            for nation in parties:
                group = words.NATIONS.get(nation, words.NATIONS["USA"])[0]
                male, _f, families = words.NAMES[group]
                given, _ = self._name(rng.choice(male), False)
                family, _ = self._name(rng.choice(families), False)
                signatories.append(
                    {
                        "name": _full_name(nation, given, family),
                        "title": rng.choice(words.SIGNATORY_TITLES),
                        "nation_code": nation,
                        "date_signed": signed,
                    }
                )
        quotas = []
        if status in ("in_force", "signed", "expired") and kind in (
            "personnel_exchange_agreement",
            "technical_arrangement",
            "memorandum_of_understanding",
        ):
            category = (
                "exchange billets" if kind == "personnel_exchange_agreement" else "course seats"
            )
            first = max(2023, signed.year if signed else 2023)
            last = min(2027, expiry.year if expiry else 2027)
            for year in range(first, last + 1):
                for direction in ("sent", "received"):
                    quotas.append(
                        {
                            "year": year,
                            "direction": direction,
                            "category": category,
                            "allotted": rng.randint(1, 10),
                        }
                    )
        groups = self._maybe_groups(("CYBER-ISR",), 0.5) if "cyber" in topic else ()
        label = self._label(parties, self._level((25, 30, 30, 10, 5)), groups)
        return values, label, signatories, quotas

    def _agreements(self) -> None:
        if not self.n_agreements:
            return
        plans = [self._agreement_plan(n) for n in range(self.n_agreements)]
        created: list[tuple[int, bool, list[dict[str, Any]], list[dict[str, Any]]]] = []
        with self.desk.writing() as (session, actor):
            for values, label, signatories, quotas in plans:
                try:
                    saved = self.desk.agreements.create_in(
                        session, self._as(actor, label), values, label
                    )
                except ValidationFailed as failure:
                    log.warning("demo agreement skipped: %s", failure.errors)
                    continue
                record = saved.record
                self.agreements.append(
                    _AgreementRow(
                        record.reference,
                        values["kind"],
                        values["parties"],
                        values["status"],
                        bool(label.groups),
                        values["effective_date"] or values["signed_date"],
                        values["expiry_date"],
                    )
                )
                created.append((record.id, bool(label.groups), signatories, quotas))
                self.counts["agreements"] += 1
        for agreement_id, grouped, signatories, quotas in created:
            service = (self.compartment_desk if grouped else self.desk).agreements
            if signatories:
                service.set_signatories(agreement_id, signatories)
            if quotas:
                service.set_quotas(agreement_id, quotas)
            self._tick()
        self.done += self.n_agreements - len(created)
        self._report()

    def _agreement_for(
        self,
        nations: set[str],
        kinds: tuple[str, ...] = (),
        during: tuple[dt.date, dt.date | None] | None = None,
    ) -> str:
        """An agreement (not in a compartment) with one of these nations as a party, in force ``during`` the dates."""

        def covers(a: _AgreementRow) -> bool:
            if during is None:
                return True
            start, end = during
            return bool(
                a.effective
                and a.effective <= start
                and (a.expiry is None or (end is not None and a.expiry >= end))
            )

        ended = during is not None and during[1] is not None and during[1] < self.today
        statuses = ("in_force", "signed", "expired") if ended else ("in_force", "signed")
        matching = [
            a
            for a in self.agreements
            if not a.grouped
            and a.status in statuses
            and nations & set(a.parties)
            and (not kinds or a.kind in kinds)
            and covers(a)
        ]
        return self.rng.choice(matching).reference if matching else ""

    # --- exchanges -------------------------------------------------------------------------

    def _exchange_plan(self, number: int) -> dict[str, Any]:
        rng = self.rng
        kind = rng.choices(
            [
                "course_seat",
                "joint_exercise",
                "mobile_training_team",
                "seminar",
                "staff_visit",
                "hadr_exercise",
                "personnel_exchange",
            ],
            weights=[25, 20, 12, 12, 12, 8, 11],
        )[0]
        start = dt.date(2023, 1, 9) + dt.timedelta(
            days=rng.randint(0, (dt.date(2027, 10, 31) - dt.date(2023, 1, 9)).days)
        )
        owner = self.owner
        foreign = [c for c in words.NATIONS if c != owner]
        program = rng.choice(words.PROGRAMS.get(kind, ["Bilateral exchange program"]))
        partners: list[str]
        if kind == "course_seat":
            school, host, location, courses = rng.choice(words.SCHOOLS)
            course, domains, days = rng.choice(courses)
            title = f"{course} — {school}"
            partners = [owner] if host != owner else rng.sample(foreign, rng.randint(1, 3))
            if program == "NATO school course" and host not in NATO:
                program = "Partnership training and education"
        elif kind in ("joint_exercise", "hadr_exercise"):
            if kind == "joint_exercise":
                series, region, domains = rng.choice(words.EXERCISE_SERIES)
            else:
                series, region = rng.choice(words.HADR_SERIES)
                domains = ("joint", "maritime") if rng.random() < 0.5 else ("joint", "land", "air")
            pool = [c for c in words.REGIONS[region] if c != owner]
            host = rng.choice(pool + [owner])
            partners = sorted(
                set(rng.sample(pool, min(len(pool), rng.randint(2, 6))) + [owner]) - {host}
            )
            title = f"{series} {start.year % 100:02d}"
            program = f"{series.title()} exercise series"
            days = rng.randint(7, 21) if kind == "joint_exercise" else rng.randint(5, 14)
            location = rng.choice(
                words.NATIONS.get(host, words.NATIONS["USA"])[6][1:] or ["Training area"]
            )
        else:
            if kind == "mobile_training_team":
                topic, domains = rng.choice(words.MTT_TOPICS)
                title, days = f"Mobile training team: {topic}", rng.randint(10, 45)
                host, partners = rng.choice(foreign), [owner]
            elif kind == "seminar":
                title, domains = rng.choice(words.SEMINARS)
                days = rng.randint(2, 5)
                host = rng.choice([owner, *foreign])
                partners = sorted(
                    set(rng.sample(foreign, rng.randint(2, 7))) - {host} | ({owner} - {host})
                )
            elif kind == "staff_visit":
                title, domains, days = rng.choice(words.STAFF_VISITS), ("joint",), rng.randint(2, 6)
                other = rng.choice(foreign)
                host, partners = (owner, [other]) if rng.random() < 0.5 else (other, [owner])
                title = f"{title} ({other})"
            else:
                title, domains = rng.choice(words.PERSONNEL_EXCHANGES)
                days = rng.choice([365, 730, 1095])
                other = rng.choice(foreign)
                host, partners = (owner, [other]) if rng.random() < 0.5 else (other, [owner])
            location = (
                words.NATIONS.get(host, words.NATIONS["USA"])[6][0] if host in words.NATIONS else ""
            )
            location = rng.choice(words.NATIONS[host][6]) if host in words.NATIONS else location
        end = start + dt.timedelta(days=max(days - 1, 0))
        status, cancel_reason = self._exchange_status(start, end)
        currency = (
            words.NATIONS.get(host, words.NATIONS["USA"])[5]
            if rng.random() < 0.6
            else rng.choice(["USD", "EUR"])
        )
        scale = {
            "course_seat": 30000,
            "joint_exercise": 400000,
            "mobile_training_team": 90000,
            "seminar": 25000,
            "staff_visit": 12000,
            "hadr_exercise": 250000,
            "personnel_exchange": 150000,
        }[kind]
        currency = currency if currency in words.PER_USD else "USD"
        budget_usd = rng.randint(scale // 3, scale * 2)
        budget = _money(budget_usd, currency)
        costs = self._cost_lines(kind, budget_usd, currency, host)
        nations = {host, *partners}
        values: dict[str, Any] = {
            "title": title[:250],
            "kind": kind,
            "program": program[:120],
            "host_nation": host,
            "partner_nations": sorted(set(partners) - {host}),
            "location": location,
            "start_date": start,
            "end_date": end,
            "status": status,
            "domains": list(domains),
            "lead_coordinator": rng.choice(["coordinator", "coordinator", "admin"]),
            "objectives": " ".join(rng.sample(words.OBJECTIVES, 2)),
            "budget_amount": budget,
            "budget_currency": currency,
        }
        if not values["partner_nations"]:
            values["partner_nations"] = [rng.choice([c for c in foreign if c != host])]
        if cancel_reason:
            values["cancel_reason"] = cancel_reason
        if status in ("completed", "evaluated"):
            values["outcome_summary"] = rng.choice(words.OUTCOMES).format(d=rng.randint(2, 5))
            if status == "evaluated":
                values["lessons_learned"] = rng.choice(words.LESSONS).format(p=rng.randint(4, 15))
                values["outcome_rating"] = rng.choices([1, 2, 3, 4, 5], weights=[1, 3, 10, 14, 7])[
                    0
                ]
        reference = (
            self._agreement_for(nations - {owner}, during=(start, end))
            if rng.random() < 0.7
            else ""
        )
        if reference:
            values["agreement"] = reference
        groups = (
            ("CYBER-ISR",)
            if "cyber" in domains and rng.random() < 0.3
            else self._maybe_groups(("SOF",), 0.03)
        )
        # foreign participants are the point of an exchange: NOFORN ones are rare (and draw warnings)
        label = self._label(sorted(nations), None, groups, noforn=0.1)
        return {"values": values, "label": label, "costs": costs, "nations": nations, "kind": kind}

    def _exchange_status(self, start: dt.date, end: dt.date) -> tuple[str, str]:
        rng = self.rng
        today = self.today
        if rng.random() < 0.06:
            return "cancelled", rng.choice(words.CANCEL_REASONS)
        if end < today:
            return (
                "evaluated" if (today - end).days > 45 and rng.random() < 0.8 else "completed"
            ), ""
        if start <= today:
            return "in_progress", ""
        ahead = (start - today).days
        if ahead <= 60:
            return rng.choice(["approved", "approved", "planned"]), ""
        if ahead <= 365:
            return rng.choice(["planned", "approved", "proposed"]), ""
        return rng.choice(["proposed", "proposed", "planned"]), ""

    def _cost_lines(
        self, kind: str, budget_usd: int, currency: str, host: str
    ) -> list[dict[str, Any]]:
        """Lines sharing (part of) the budget, each in its own currency (flights in dollars, tuition in euros ...)."""
        rng = self.rng
        categories = {
            "course_seat": ["tuition", "travel", "per_diem", "lodging"],
            "joint_exercise": ["transport", "lodging", "per_diem", "other"],
            "hadr_exercise": ["transport", "lodging", "other"],
            "personnel_exchange": ["travel", "lodging", "per_diem"],
        }.get(kind, ["travel", "lodging", "per_diem"])
        chosen = categories[: rng.randint(2, len(categories))]
        lines = []
        remaining = budget_usd
        for category in chosen:
            share = remaining * rng.randint(20, 60) // 100
            remaining -= share
            line_currency = (
                "USD"
                if category == "travel"
                else (
                    "EUR" if category == "tuition" and host in NATO and host != "USA" else currency
                )
            )
            description = {
                "tuition": "Course fee",
                "travel": "Return flights",
                "lodging": "Accommodation",
                "per_diem": "Meals and incidentals",
                "transport": "Strategic lift and local transport",
                "other": "Interpreters and range fees",
            }[category]
            line_currency = line_currency if line_currency in words.PER_USD else "USD"
            lines.append(
                {
                    "category": category,
                    "description": description,
                    "amount": _money(share, line_currency),
                    "currency": line_currency,
                }
            )
        return lines

    def _exchanges(self) -> None:
        if not self.n_exchanges:
            return
        service, participation_service = self.desk.exchanges, self.desk.participations
        size = BULK_BATCH // 5 if self.bulk else BATCH
        for first in range(0, self.n_exchanges, size):
            plans = [
                self._exchange_plan(n) for n in range(first, min(first + size, self.n_exchanges))
            ]
            for plan in plans:
                plan["participants"] = self._participants(plan)
            with self._writes() as writes:
                items = [
                    ({**plan["values"], "cost_lines": plan["costs"]}, plan["label"]) for plan in plans
                ]
                created = writes.add(service, items)
                self._tick(len(plans))
                participants = []
                for plan, record in zip(plans, created, strict=True):
                    if record is None:
                        continue
                    self.counts["exchanges"] += 1
                    self.counts["cost_lines"] += len(plan["costs"])
                    participants += [
                        ({**participant, "exchange": record.reference}, plan["label"])
                        for participant in plan["participants"]
                    ]
                self.counts["participations"] += sum(
                    r is not None for r in writes.add(participation_service, participants)
                )

    def _participants(self, plan: dict[str, Any]) -> list[dict[str, Any]]:
        rng = self.rng
        values = plan["values"]
        kind, start, end, status = (
            plan["kind"],
            values["start_date"],
            values["end_date"],
            values["status"],
        )
        size = {
            "course_seat": (1, 4),
            "joint_exercise": (6, 14),
            "mobile_training_team": (3, 7),
            "seminar": (4, 10),
            "staff_visit": (2, 5),
            "hadr_exercise": (5, 12),
            "personnel_exchange": (1, 1),
        }[kind]
        wanted = rng.randint(*size)
        nations = plan["nations"] | {self.owner}
        groups, level = plan["label"].groups, plan["label"].level
        pools = [self.by_nation[n] for n in sorted(nations) if n in self.by_nation] or list(
            self.by_nation.values()
        )
        chosen: list[_PersonRow] = []
        for _attempt in range(wanted * 6):
            if len(chosen) >= wanted or not pools:
                break
            person = rng.choice(rng.choice(pools))
            if person in chosen or (person.groups and not person.groups & groups):
                continue  # people in a compartment take part only in exchanges of that compartment
            if (person.clearance or 0) < level and rng.random() > 0.05:
                continue  # nominees are mostly cleared for the exchange's level
            clash = any(a <= end and start <= b for a, b in person.booked)
            if clash and rng.random() > 0.05:  # an occasional double booking is realistic
                continue
            chosen.append(person)
        result = []
        for index, person in enumerate(chosen):
            if status != "cancelled":
                person.booked.append((start, end))
            role = self._role(kind, index, person)
            p_status, reason = self._participation_status(status)
            arrival = start - dt.timedelta(days=rng.randint(0, 2))
            departure = end + dt.timedelta(days=rng.randint(0, 2))
            if status in ("completed", "evaluated"):
                departure = max(
                    end, min(departure, self.today - dt.timedelta(days=1))
                )  # gone home already
            entry: dict[str, Any] = {
                "person": person.reference,
                "role": role,
                "status": p_status,
                "arrival_date": arrival,
                "departure_date": departure,
            }
            if reason:
                entry["withdrawn_reason"] = reason
            entry.update(self._documents(p_status, start, person))
            if p_status == "completed":
                entry["feedback_score"] = rng.choices([1, 2, 3, 4, 5], weights=[1, 2, 8, 14, 9])[0]
                entry["feedback_comments"] = rng.choice(words.FEEDBACK)
            result.append(entry)
        return result

    def _role(self, kind: str, index: int, person: _PersonRow) -> str:
        rng = self.rng
        if kind == "course_seat":
            return "trainee"
        if kind == "mobile_training_team":
            return "instructor" if person.nation == self.owner else "trainee"
        if kind == "personnel_exchange":
            return "liaison"
        if kind == "staff_visit":
            return rng.choice(["observer", "observer", "escort", "interpreter"])
        if kind == "seminar":
            return rng.choice(["trainee", "observer", "instructor"]) if index else "instructor"
        return rng.choices(
            ["trainee", "observer", "instructor", "liaison", "interpreter"],
            weights=[10, 3, 2, 2, 1],
        )[0]

    def _participation_status(self, exchange_status: str) -> tuple[str, str]:
        rng = self.rng
        if exchange_status == "cancelled":
            return "withdrawn", "Exchange cancelled"
        if rng.random() < 0.05:
            return "withdrawn", rng.choice(words.WITHDRAW_REASONS)
        return {
            "completed": "completed",
            "evaluated": "completed",
            "in_progress": "arrived",
            "approved": rng.choice(["approved", "travel_arranged", "travel_arranged"]),
            "planned": rng.choice(["nominated", "approved"]),
            "proposed": "nominated",
        }[exchange_status], ""

    def _documents(self, status: str, start: dt.date, person: _PersonRow) -> dict[str, str]:
        rng = self.rng
        foreign = person.nation != self.owner
        if status in ("completed", "arrived", "travel_arranged"):
            return {
                "travel_status": "issued",
                "ito_status": "issued",
                "visa_status": "issued" if foreign else "not_required",
            }
        if status == "approved":
            return {
                "travel_status": rng.choice(["requested", "pending"]),
                "ito_status": "requested",
                "visa_status": rng.choice(["requested", "pending"]) if foreign else "not_required",
            }
        return {
            "travel_status": "pending",
            "ito_status": "pending",
            "visa_status": "pending" if foreign else "not_required",
        }

    # --- liaison ---------------------------------------------------------------------------

    def _liaison_plan(self, person: _PersonRow, number: int) -> dict[str, Any]:
        rng = self.rng
        owner = self.owner
        if person.nation == owner:
            host = rng.choice([c for c in words.NATIONS if c != owner])
        else:
            host = owner
        kind = rng.choices(
            ["liaison_officer", "exchange_officer", "defence_attache"], weights=[5, 3, 2]
        )[0]
        start = dt.date(2022, 6, 1) + dt.timedelta(
            days=rng.randint(0, (dt.date(2027, 6, 1) - dt.date(2022, 6, 1)).days)
        )
        end = start + dt.timedelta(days=rng.choice([365, 730, 1095]) - 1)
        if rng.random() < 0.25 and start <= self.today <= end + dt.timedelta(days=200):
            end = self.today + dt.timedelta(days=rng.randint(10, 80))  # tour ending soon
        if number == 0:  # even a tiny fill shows an active tour ending soon, with a follow-up due
            start, end = (
                self.today - dt.timedelta(days=700),
                self.today + dt.timedelta(days=rng.randint(20, 80)),
            )
        status = "ended" if end < self.today else ("active" if start <= self.today else "planned")
        host_cities = words.NATIONS.get(host, words.NATIONS["USA"])[6]
        if kind == "defence_attache":
            organisation = f"Embassy of {nation_name(person.nation)}, {host_cities[0]}"
        else:
            organisation = rng.choice(words.HOST_ORGS).format(
                city=rng.choice(host_cities), force=_force(host, "army", "land")
            )
        clearance = person.clearance if person.clearance is not None else 2
        level = max(0, min(clearance - rng.randint(0, 1), self.desk.db.scheme.top))
        poc_group = words.NATIONS.get(person.nation, words.NATIONS["USA"])[0]
        poc_given, _ = self._name(rng.choice(words.NAMES[poc_group][0]), False)
        poc_family, _ = self._name(rng.choice(words.NAMES[poc_group][2]), False)
        values: dict[str, Any] = {
            "person": person.reference,
            "kind": kind,
            "sending_nation": person.nation,
            "host_nation": host,
            "host_organisation": organisation[:200],
            "start_date": start,
            "end_date": end,
            "status": status,
            "duties": rng.choice(words.DUTIES),
            "disclosure_level": self.desk.db.scheme.name(level),
            "disclosure_categories": "; ".join(
                rng.sample(words.DISCLOSURE_CATEGORIES, rng.randint(1, 2))
            ),
            "home_poc": f"{_full_name(person.nation, poc_given, poc_family)}, defence cooperation desk",
        }
        agreement = self._agreement_for(
            {person.nation, host} - {owner},
            ("personnel_exchange_agreement", "memorandum_of_understanding"),
            during=(start, end),
        )
        if agreement:
            values["agreement"] = agreement
        label = self._label(
            [person.nation, host],
            self._level((15, 30, 35, 15, 5)),
            tuple(person.groups) or self._maybe_groups(("SOF", "CYBER-ISR"), 0.08),
        )
        entries = []
        if status != "planned":
            last = min(end, self.today)
            count = rng.randint(2, 6)
            span = max((last - start).days, 1)
            days = sorted(rng.sample(range(span + 1), min(count, span + 1)))
            for index, offset in enumerate(days):
                date = start + dt.timedelta(days=offset)
                due: dt.date | None = (
                    date + dt.timedelta(days=rng.randint(7, 30)) if rng.random() < 0.6 else None
                )
                done = bool(due and due < self.today - dt.timedelta(days=3) and rng.random() < 0.85)
                if status == "active" and index == len(days) - 1:
                    date = max(start, self.today - dt.timedelta(days=rng.randint(0, 10)))
                    due, done = (
                        self.today + dt.timedelta(days=rng.randint(1, 14)),
                        False,
                    )  # due soon
                host_group = words.NATIONS.get(host, words.NATIONS["USA"])[0]
                cp_given, _ = self._name(rng.choice(words.NAMES[host_group][0]), False)
                cp_family, _ = self._name(rng.choice(words.NAMES[host_group][2]), False)
                cp_rank = rng.choice(["Col", "Lt Col", "Maj", "Cdr", "Capt", "Mr", "Ms"])
                entries.append(
                    {
                        "date": date,
                        "counterparts": f"{cp_rank} {_full_name(host, cp_given, cp_family)} ({host})",
                        "subject": rng.choice(words.CONTACT_SUBJECTS),
                        "summary": rng.choice(words.CONTACT_SUMMARIES),
                        "follow_up_due": due,
                        "follow_up_done": done,
                    }
                )
        return {"values": values, "label": label, "entries": entries}

    def _liaison(self) -> None:
        if not self.n_liaison or not self.people:
            return
        candidates = [p for p in self.people if p.nation != self.owner]
        own = [p for p in self.people if p.nation == self.owner]
        chosen: list[_PersonRow] = []
        self.rng.shuffle(candidates)
        self.rng.shuffle(own)
        chosen = (candidates[: self.n_liaison * 2 // 3] + own[: self.n_liaison])[: self.n_liaison]
        plans = [self._liaison_plan(p, n) for n, p in enumerate(chosen)]
        for start in range(0, len(plans), BULK_BATCH // 5 if self.bulk else BATCH):
            batch = plans[start : start + (BULK_BATCH // 5 if self.bulk else BATCH)]
            with self._writes() as writes:
                created = writes.add(
                    self.desk.liaison, [(plan["values"], plan["label"]) for plan in batch]
                )
                self._tick(len(batch))
                entries = [
                    ({**entry, "assignment": record.reference}, plan["label"])
                    for plan, record in zip(batch, created, strict=True)
                    if record is not None
                    for entry in plan["entries"]
                ]
                self.counts["liaison"] += sum(r is not None for r in created)
                self.counts["contact_log"] += sum(
                    r is not None
                    for r in writes.add(self.desk.contact_log, entries, label_given=False)
                )


class _Writes:
    """The creates of one demo transaction: each through `create_in` (its own audit event, as a
    coordinator's would be) for a small fill; for a large one through a `BulkCreate` per writer,
    checked a batch at a time, written with Core, one summary audit event per writer."""

    def __init__(self, filler: _Filler, session: Any, actor: Any) -> None:
        self.filler, self.session, self.actor = filler, session, actor
        self.bulk: dict[tuple[str, str], BulkCreate] = {}

    def add(
        self, service: Any, items: list[tuple[dict[str, Any], Label]], label_given: bool = True
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
        self, service: Any, writer: Any, values: dict[str, Any], label: Label | None
    ) -> Any:
        try:
            return service.create_in(self.session, writer, values, label).record
        except ValidationFailed as failure:
            return failure

    def close(self) -> None:
        """The summary audit events of the bulk writers."""
        for bulk in self.bulk.values():
            bulk.summary("demo_fill", {"seed": self.filler.seed})


_FIRST_LABELS: list[tuple[int, Release, tuple[str, ...]]] = [
    (0, Release.ALL, ()),
    (1, Release.REL, ()),
    (2, Release.REL, ()),
    (3, Release.NOFORN, ()),
    (4, Release.NOFORN, ()),
    (2, Release.REL, ("SOF",)),
    (3, Release.REL, ("CYBER-ISR",)),
]


def _unused(taken: set[tuple[str, str]], nation: str, draw: Callable[[], str]) -> str:
    """A number drawn until it is not yet taken for the nation (then taken)."""
    while True:
        number = draw()
        if (nation, number) not in taken:
            taken.add((nation, number))
            return number


def _money(usd: int, currency: str) -> Decimal:
    """A dollar amount in another currency, rounded to a plausible figure (three significant digits)."""
    amount = usd * words.PER_USD.get(currency, 1)
    step = 10 ** max(len(str(int(amount))) - 3, 0)
    return Decimal(int(amount // step * step))


def _force(nation: str, service: str, branch: str) -> str:
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


def _full_name(nation: str, given: str, family: str) -> str:
    """A name as its nation writes it: family name first for Vietnamese, Korean and Hungarian names."""
    group = words.NATIONS.get(nation, words.NATIONS["USA"])[0]
    return f"{family} {given}" if group in words.FAMILY_FIRST else f"{given} {family}"


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"

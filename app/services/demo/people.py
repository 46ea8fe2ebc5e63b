"""The demo's people: names of many nations and scripts, identities, languages."""

from __future__ import annotations

import datetime as dt
import logging
import random
import unicodedata
from typing import Any

from app.domain.labels import Label, Release
from app.domain.nations import nation_name
from app.services.demo import words
from app.services.demo.base import (
    FIRST_LABELS,
    FillerBase,
    PersonRow,
    force,
    ordinal,
    unused,
)

log = logging.getLogger("app.services.demo")


class PeoplePhase(FillerBase):
    """Creates the demo's people."""

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

        return unused(self.passports, nation, draw)

    def _service_number(self, nation: str) -> str:
        return unused(
            self.service_numbers,
            nation,
            lambda: f"{nation[:1]}{self.rng.randint(10**7, 10**8 - 1)}",
        )

    def _person_values(self, number: int) -> tuple[dict[str, Any], Label, PersonRow]:
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
        armed_force = force(nation, service, branch)
        name = nation_name(nation)
        unit = rng.choice(words.UNITS[branch]).format(o=ordinal(rng.randint(1, 35)))
        unit = f"{unit}, {armed_force}" if branch != "civ" else f"{unit} ({name})"
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
            "phone": (
                f"{dial} {rng.randint(20, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
            ),
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
            FIRST_LABELS
        ):  # even a tiny fill shows every level, NOFORN and both compartments
            level, release, groups = FIRST_LABELS[number]
            level = self._offered(min(level, self.desk.db.scheme.top, self.max_level))
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
        row = PersonRow("", nation, family, given, values.get("clearance_level"), frozenset(groups))
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
        """People in batches, generated as they are written (a million plans never sit in
        memory)."""
        size = self.bulk_batch if self.bulk else self.batch
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

"""The demo's liaison tours and their contact logs."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from app.domain.nations import nation_name
from app.services.demo import words
from app.services.demo.agreements import AgreementPhase
from app.services.demo.base import (
    PersonRow,
    force,
    full_name,
)

log = logging.getLogger("app.services.demo")


class LiaisonPhase(AgreementPhase):
    """Creates the demo's liaison tours and contact-log entries."""

    def _liaison_plan(self, person: PersonRow, number: int) -> dict[str, Any]:
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
                city=rng.choice(host_cities), force=force(host, "army", "land")
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
            "home_poc": (
                f"{full_name(person.nation, poc_given, poc_family)}, defence cooperation desk"
            ),
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
                        "counterparts": (
                            f"{cp_rank} {full_name(host, cp_given, cp_family)} ({host})"
                        ),
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
        chosen: list[PersonRow] = []
        self.rng.shuffle(candidates)
        self.rng.shuffle(own)
        chosen = (candidates[: self.n_liaison * 2 // 3] + own[: self.n_liaison])[: self.n_liaison]
        plans = [self._liaison_plan(p, n) for n, p in enumerate(chosen)]
        for start in range(0, len(plans), self.bulk_batch // 5 if self.bulk else self.batch):
            batch = plans[start : start + (self.bulk_batch // 5 if self.bulk else self.batch)]
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

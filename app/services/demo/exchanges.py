"""The demo's exchanges of every kind with cost lines, and their participations."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from app.domain.nations import NATO
from app.services.demo import words
from app.services.demo.agreements import AgreementPhase
from app.services.demo.base import (
    PersonRow,
    money,
)

log = logging.getLogger("app.services.demo")


class ExchangePhase(AgreementPhase):
    """Creates the demo's exchanges and participations."""

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
        budget = money(budget_usd, currency)
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
        # foreign participants are the point of an exchange: NOFORN ones are rare (and draw
        # warnings)
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
        """Lines sharing (part of) the budget, each in its own currency (flights in dollars, tuition
        in euros ...)."""
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
                    "amount": money(share, line_currency),
                    "currency": line_currency,
                }
            )
        return lines

    def _exchanges(self) -> None:
        if not self.n_exchanges:
            return
        service, participation_service = self.desk.exchanges, self.desk.participations
        size = self.bulk_batch // 5 if self.bulk else self.batch
        for first in range(0, self.n_exchanges, size):
            plans = [
                self._exchange_plan(n) for n in range(first, min(first + size, self.n_exchanges))
            ]
            for plan in plans:
                plan["participants"] = self._participants(plan)
            with self._writes() as writes:
                items = [
                    ({**plan["values"], "cost_lines": plan["costs"]}, plan["label"])
                    for plan in plans
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
        chosen: list[PersonRow] = []
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

    def _role(self, kind: str, index: int, person: PersonRow) -> str:
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

    def _documents(self, status: str, start: dt.date, person: PersonRow) -> dict[str, str]:
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

"""The demo's agreements: parties, signatories, quotas, statuses consistent with dates."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from app.domain.labels import Label
from app.domain.nations import nation_name
from app.services.demo import words
from app.services.demo.base import (
    AgreementRow,
    FillerBase,
    full_name,
)
from app.services.errors import ValidationFailed

log = logging.getLogger("app.services.demo")


class AgreementPhase(FillerBase):
    """Creates the demo's agreements."""

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
            f"Covers {topic} between the parties: planning, funding principles, status of "
            "personnel, "
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
                        "name": full_name(nation, given, family),
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
                    AgreementRow(
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
        """An agreement (not in a compartment) with one of these nations as a party, in force
        ``during`` the dates."""

        def covers(a: AgreementRow) -> bool:
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

"""Agreements: the cooperation instruments exchanges run under, with parties, signatories,
annual quotas and their use, and the status lifecycle (expiry included).

Decisions where domain.md leaves room:

* Parties: at least two nations for every kind, except a loan agreement, which may name only
  the counterparty (the lending or borrowing nation being this installation's own).
* A reference may be given (an agreement number such as ``MOU-USA-POL-2019-01``, stored upper
  case) or is generated as ``AGR-<year>-XXXXX`` from the signed, effective or entry year. A
  given number is refused when an agreement the writer may read has it; one the writer may not
  read may share it, under its own label (revision 0016: the refusal would otherwise confirm
  that a hidden agreement holds that number). A reader who sees two agreements of one number
  names them by id, and each warns of the other.
* Status is set on creation (imports of agreements already in force) and afterwards only moves
  through `change_status` along ``AGREEMENT_MOVES``. Terminating needs a reason; moving to *in
  force* needs an expiry date that has not passed.
* Quota use counts participations that are not withdrawn, in exchanges governed by the agreement
  that are not cancelled, by the year the exchange starts. *Sent*: people of the owning nation in
  exchanges hosted abroad; *received*: foreign people in exchanges the owning nation hosts. Only
  participations, exchanges and people the actor may see are counted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.database.counters import next_reference
from app.database.labels import load_labels
from app.domain.labels import Label
from app.domain.models import (
    Agreement,
    AgreementParty,
    Quota,
    Signatory,
)
from app.domain.texts import field_named, label_named, message_of, said
from app.domain.vocab import (
    AGREEMENT_MOVES,
    AgreementKind,
    AgreementStatus,
    QuotaDirection,
)
from app.security.principal import Actor
from app.services.base import STATUS_BY_MOVE, RecordService, Saved
from app.services.errors import Conflict, NotFound, ValidationFailed
from app.services.fields import Field, text_of
from app.services.quota_use import QuotaUse, Reciprocity, quota_use
from app.services.status import move_status
from app.services.transactions import retried

AGREEMENT_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9/._ -]{0,38}[A-Z0-9]$")
MINIMUM_PARTIES = {AgreementKind.LOAN_AGREEMENT.value: 1}  # every other kind: 2
DEFAULT_NOTICE_DAYS = 90

SIGNATORY_FIELDS = (
    Field("name", "Name", required=True, max_length=150),
    Field("title", "Title", max_length=150),
    Field("nation_code", "Nation", kind="nation", required=True),
    Field("date_signed", "Date signed", kind="date"),
)
QUOTA_FIELDS = (
    Field("year", "Year", kind="int", required=True, minimum=1945, maximum=2200),
    Field("direction", "Direction", kind="enum", choices=QuotaDirection, required=True),
    Field("category", "Category", max_length=60),
    Field("allotted", "Allotted", kind="int", required=True, minimum=0, maximum=100000),
)


def parse_rows(
    rows: Sequence[dict[str, Any]], fields: Sequence[Field], collection: str
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Parsed rows of a collection and the errors, keyed ``collection[n].field`` (n from 1).

    A value that does not parse is left out of its row.
    """
    parsed_rows: list[dict[str, Any]] = []
    errors: dict[str, str] = {}
    known = {f.name for f in fields}
    for number, row in enumerate(rows, start=1):
        parsed: dict[str, Any] = {}
        for name in row:
            if name not in known:
                errors[f"{collection}[{number}].{name}"] = said("is not a field of this row")
        for spec in fields:
            try:
                parsed[spec.name] = spec.parse(row.get(spec.name))
            except ValueError as error:
                message = message_of(error)
                errors[f"{collection}[{number}].{spec.name}"] = (
                    said("{field} {problem}", field=field_named(spec.title), problem=message)
                    if message.startswith("is ")
                    else message
                )
        parsed_rows.append(parsed)
    return parsed_rows, errors


class AgreementService(RecordService[Agreement]):
    """Create, read, update and archive agreements; quotas, signatories, status and expiry."""

    model = Agreement
    kind = "agreement"
    reference_prefix = "AGR"
    default_sort = ("reference",)
    text_columns = ("reference", "title", "scope")
    fields = (
        Field("reference", "Reference", max_length=40),
        Field("title", "Title", required=True, max_length=250),
        Field("kind", "Kind", kind="enum", choices=AgreementKind, required=True),
        Field("status", "Status", kind="enum", choices=AgreementStatus),
        Field("parties", "Parties", kind="nations"),
        Field("signed_date", "Signed", kind="date"),
        Field("effective_date", "Effective", kind="date"),
        Field("expiry_date", "Expiry", kind="date"),
        Field("renewal_terms", "Renewal terms", max_length=5000),
        Field("notice_period_days", "Notice period (days)", kind="int", minimum=0, maximum=3650),
        Field("scope", "Scope", max_length=20000),
    )

    def title(self, record: Agreement) -> str:
        """``MOU-USA-POL-2019-01 Pilot exchange``."""
        return f"{record.reference} {record.title}".strip()

    def reference_year(self, values: dict[str, Any]) -> int:
        """The year signed (or effective), else the year entered."""
        for name in ("signed_date", "effective_date"):
            if values.get(name):
                return values[name].year
        return dt.date.today().year

    # --- validation ------------------------------------------------------------------------

    def check(
        self,
        session: Session,
        actor: Actor,
        values: dict[str, Any],
        record: Agreement | None,
        errors: dict[str, str],
    ) -> None:
        """Reference format and uniqueness, enough parties, dates in order, status by moves only."""
        current = (
            {} if record is None else {f.name: self.value_of(record, f.name) for f in self.fields}
        )
        merged = {**current, **values}
        if "reference" in values:
            reference = " ".join(values["reference"].split()).upper()
            values["reference"] = reference
            if not reference:
                if record is not None:
                    errors["reference"] = said("Reference cannot be emptied")
            elif not AGREEMENT_NUMBER.match(reference):
                errors["reference"] = said(
                    "Reference may hold letters, digits and - / . _ (e.g. MOU-USA-POL-2019-01)"
                )
            elif (
                session.scalar(
                    select(Agreement.id).where(
                        Agreement.reference == reference,
                        Agreement.id != (record.id if record else -1),
                        *self.visible(actor),
                    )
                )
                is not None
            ):
                # only an agreement the writer may read can hold the number against them: one
                # under a label they cannot read may share it (revision 0016), so nothing here
                # tells of it
                errors["reference"] = said(
                    "Reference {reference} is already used by another agreement",
                    reference=reference,
                )
        kind = merged.get("kind")
        minimum = MINIMUM_PARTIES.get(kind, 2)
        if len(merged.get("parties") or []) < minimum:
            if not kind:
                errors["parties"] = said(
                    "Parties: an agreement needs at least {minimum} nations", minimum=minimum
                )
            elif minimum > 1:
                errors["parties"] = said(
                    "Parties: {kind} needs at least {minimum} nations",
                    kind=label_named(AgreementKind(kind).label, lower=True),
                    minimum=minimum,
                )
            else:
                errors["parties"] = said(
                    "Parties: {kind} needs at least {minimum} nation",
                    kind=label_named(AgreementKind(kind).label, lower=True),
                    minimum=minimum,
                )
        signed, effective, expiry = (
            merged.get("signed_date"),
            merged.get("effective_date"),
            merged.get("expiry_date"),
        )
        if signed and signed > dt.date.today():
            errors["signed_date"] = said("Signed date is in the future")
        if signed and effective and effective < signed:
            errors["effective_date"] = said("Effective date is before the signed date")
        if expiry and effective and expiry <= effective:
            errors["expiry_date"] = said("Expiry date must be after the effective date")
        elif expiry and signed and expiry <= signed:
            errors["expiry_date"] = said("Expiry date must be after the signed date")
        if record is not None and "status" in values and values["status"] != record.status:
            errors["status"] = STATUS_BY_MOVE
        if record is None and "status" in values and not values["status"]:
            values.pop("status")
        if record is not None and record.signatories and "parties" in values:
            missing = sorted({s.nation_code for s in record.signatories} - set(values["parties"]))
            if missing:
                errors["parties"] = said(
                    "Parties must include {nations}: a signatory signed for it",
                    nations=", ".join(missing),
                )

    def apply(self, session: Session, record: Agreement, values: dict[str, Any]) -> None:
        """Columns as given (a generated reference is kept); parties replace the list."""
        values = dict(values)
        parties = values.pop("parties", None)
        if not values.get("reference"):
            values.pop("reference", None)
        super().apply(session, record, values)
        if (
            record.id is None
            and record.reference
            and record.reference.startswith(f"{self.reference_prefix}-")
        ):
            # a generated number may clash with one typed in earlier: take the next free one
            while (
                session.scalar(select(Agreement.id).where(Agreement.reference == record.reference))
                is not None
            ):
                record.reference = next_reference(
                    session, self.reference_prefix, int(record.reference.split("-")[1])
                )
        if parties is not None:
            keep = [p for p in record.parties if p.nation_code in parties]
            have = {p.nation_code for p in keep}
            record.parties = keep + [
                AgreementParty(nation_code=code) for code in parties if code not in have
            ]

    def value_of(self, record: Agreement, name: str) -> Any:
        """Parties as a sorted list of codes."""
        if name == "parties":
            return sorted(p.nation_code for p in record.parties)
        return getattr(record, name)

    def warnings(
        self, session: Session, actor: Actor, record: Agreement, label: Label
    ) -> list[str]:
        """Another agreement the actor may read has the same number; the owning nation not a
        party; in force but past expiry; expiring within the notice period."""
        found: list[str] = []
        twins = session.scalars(
            select(Agreement.id)
            .where(
                Agreement.reference == record.reference,
                Agreement.id != record.id,
                *self.visible(actor),
            )
            .order_by(Agreement.id)
        ).all()
        if twins:
            found.append(
                said(
                    "{reference} is also the number of agreement {ids} (under another label): "
                    "name them by id",
                    reference=record.reference,
                    ids=", ".join(f"#{twin}" for twin in twins),
                )
            )
        parties = {p.nation_code for p in record.parties}
        if parties and self.desk.owner not in parties:
            found.append(
                said(
                    "{owner} (this installation's nation) is not a party: quota use counts from "
                    "{owner}'s side",
                    owner=self.desk.owner,
                )
            )
        today = dt.date.today()
        if record.expiry_date and record.status in (
            AgreementStatus.IN_FORCE,
            AgreementStatus.SIGNED,
        ):
            if record.expiry_date < today:
                found.append(
                    said(
                        "expired on {expiry} but still marked in force",
                        expiry=record.expiry_date.isoformat(),
                    )
                    if record.status == AgreementStatus.IN_FORCE
                    else said(
                        "expired on {expiry} but still marked signed",
                        expiry=record.expiry_date.isoformat(),
                    )
                )
            elif (record.expiry_date - today).days <= (
                record.notice_period_days or DEFAULT_NOTICE_DAYS
            ):
                found.append(
                    said(
                        "expires on {expiry}, within its notice period",
                        expiry=record.expiry_date.isoformat(),
                    )
                )
        return found

    def snapshot(self, record: Agreement) -> dict[str, Any]:
        """Field texts plus signatories and quotas (what audits and exports carry)."""
        values = super().snapshot(record)
        values["signatories"] = _signatories_text(record.signatories)
        values["quotas"] = _quotas_text(record.quotas)
        return values

    # --- lifecycle -------------------------------------------------------------------------

    def change_status(
        self,
        agreement_id: int,
        status: Any,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Saved[Agreement]:
        """Move along AGREEMENT_MOVES; terminating needs a reason; audited as ``status_change``."""

        def before_move(
            session: Session,
            record: Agreement,
            new: AgreementStatus,
            reason: str,
            errors: dict[str, str],
        ) -> None:
            if new is AgreementStatus.TERMINATED and not reason:
                errors["reason"] = said("Terminating an agreement needs a reason")
            if (
                new is AgreementStatus.IN_FORCE
                and record.expiry_date
                and record.expiry_date < dt.date.today()
            ):
                errors["expiry_date"] = said(
                    "Expiry date {expiry} has passed: set a new expiry date before putting it in "
                    "force",
                    expiry=record.expiry_date.isoformat(),
                )

        return move_status(
            self,
            agreement_id,
            status,
            AGREEMENT_MOVES,
            AgreementStatus,
            reason,
            expected_version,
            before_move,
        )

    def expire_due(self, today: dt.date | None = None) -> list[str]:
        """Move in-force agreements past their expiry to expired; one audit event each.

        Only agreements the calling user may see and change are moved (viewers and auditors
        change nothing: the call returns an empty list for them). Returns the references moved.
        """
        today = today or dt.date.today()
        with self.desk.reading() as (session, actor):
            if not actor.may_write_records:
                return []
            due = list(
                session.scalars(
                    select(Agreement.id)
                    .where(
                        Agreement.status == AgreementStatus.IN_FORCE.value,
                        Agreement.expiry_date < today,
                        *self.visible(actor),
                    )
                    .order_by(Agreement.expiry_date, Agreement.id)
                )
            )
        moved: list[str] = []
        for agreement_id in due:  # each through the write path, the rule checked again there
            try:
                with self.writing_record(agreement_id, again=said("try again")) as writing:
                    record = writing.record
                    if (
                        record.status != AgreementStatus.IN_FORCE.value
                        or record.expiry_date >= today
                    ):
                        continue
                    record.status = AgreementStatus.EXPIRED.value
                    writing.changed(
                        "status_change",
                        {
                            "before": AgreementStatus.IN_FORCE.value,
                            "after": AgreementStatus.EXPIRED.value,
                            "reason": f"expiry date {record.expiry_date.isoformat()} passed",
                        },
                    )
            except (NotFound, Conflict):
                continue  # hidden, or saved by someone else meanwhile: the next run sees it
            moved.append(record.reference)
        return moved

    def expiring(
        self, within_days: int | None = None, today: dt.date | None = None
    ) -> list[tuple[Agreement, Label]]:
        """Signed or in-force agreements expiring from today within ``within_days`` days.

        Without ``within_days`` each agreement's own notice period counts (90 days when unset).
        Soonest first; only agreements the user may see.
        """
        today = today or dt.date.today()
        horizon = today + dt.timedelta(days=within_days if within_days is not None else 3650)
        with self.desk.reading() as (session, actor):
            records = session.scalars(
                select(Agreement)
                .where(
                    Agreement.status.in_(
                        [AgreementStatus.SIGNED.value, AgreementStatus.IN_FORCE.value]
                    ),
                    Agreement.archived.is_(False),
                    Agreement.expiry_date >= today,
                    Agreement.expiry_date <= horizon,
                    *self.visible(actor),
                )
                .order_by(Agreement.expiry_date, Agreement.id)
            ).all()
            if within_days is None:
                records = [
                    r
                    for r in records
                    if (r.expiry_date - today).days
                    <= (
                        r.notice_period_days
                        if r.notice_period_days is not None
                        else DEFAULT_NOTICE_DAYS
                    )
                ]
            labels = load_labels(session, {r.label_id for r in records})
            return [(r, labels[r.label_id]) for r in records]

    # --- collections -----------------------------------------------------------------------

    def set_signatories(
        self, agreement_id: int, rows: Sequence[dict[str, Any]], expected_version: int | None = None
    ) -> Saved[Agreement]:
        """Replace the signatories (name, title, nation_code, date_signed); audited as ``update``.

        Each signatory's nation must be a party; a signing date may not be in the future.
        """
        parsed, row_errors = parse_rows(rows, SIGNATORY_FIELDS, "signatories")

        def check(record: Agreement, errors: dict[str, str]) -> None:
            errors.update(row_errors)
            parties = {p.nation_code for p in record.parties}
            for number, row in enumerate(parsed, start=1):
                if row.get("nation_code") and row["nation_code"] not in parties:
                    errors[f"signatories[{number}].nation_code"] = said(
                        "{nation} is not a party to this agreement", nation=row["nation_code"]
                    )
                if row.get("date_signed") and row["date_signed"] > dt.date.today():
                    errors[f"signatories[{number}].date_signed"] = said(
                        "Date signed is in the future"
                    )

        def write(record: Agreement) -> None:
            record.signatories = [Signatory(**row) for row in parsed]

        return self._replace_collection(agreement_id, "signatories", check, write, expected_version)

    def set_quotas(
        self, agreement_id: int, rows: Sequence[dict[str, Any]], expected_version: int | None = None
    ) -> Saved[Agreement]:
        """Replace the annual quotas (year, direction sent/received, category, allotted); audited.

        One row per year, direction and category (category defaults to ``course seats``).
        """
        parsed, row_errors = parse_rows(rows, QUOTA_FIELDS, "quotas")
        for row in parsed:
            row["category"] = row.get("category") or "course seats"

        def check(record: Agreement, errors: dict[str, str]) -> None:
            errors.update(row_errors)
            seen: dict[tuple[int, str, str], int] = {}
            for number, row in enumerate(parsed, start=1):
                if (
                    f"quotas[{number}].year" in row_errors
                    or f"quotas[{number}].direction" in row_errors
                ):
                    continue
                key = (row["year"], row["direction"], row["category"].casefold())
                if key in seen:
                    errors[f"quotas[{number}].category"] = said(
                        "repeats row {row} ({year}, {direction}, {category})",
                        row=seen[key],
                        year=row["year"],
                        direction=row["direction"],
                        category=row["category"],
                    )
                seen.setdefault(key, number)

        def write(record: Agreement) -> None:
            existing = {(q.year, q.direction, q.category): q for q in record.quotas}
            kept = []
            for row in parsed:
                quota = existing.pop((row["year"], row["direction"], row["category"]), None)
                if quota is None:
                    quota = Quota(**row)
                else:
                    quota.allotted = row["allotted"]
                kept.append(quota)
            record.quotas = kept

        return self._replace_collection(agreement_id, "quotas", check, write, expected_version)

    @retried
    def _replace_collection(
        self,
        agreement_id: int,
        name: str,
        check: Callable[[Agreement, dict[str, str]], None],
        write: Callable[[Agreement], None],
        expected_version: int | None,
    ) -> Saved[Agreement]:
        """Replace one collection through the write path: checked, written with the
        agreement's own version-checked UPDATE (even though only child rows change), audited."""
        with self.writing_record(agreement_id, expected_version) as writing:
            record = writing.record
            errors: dict[str, str] = {}
            check(record, errors)
            if errors:
                raise ValidationFailed(errors)
            before = self.snapshot(record)[name]
            write(record)
            after = self.snapshot(record)[name]
            if after != before:
                writing.changed("update", {"before": {name: before}, "after": {name: after}})
            return writing.saved()

    # --- quota use -------------------------------------------------------------------------

    def quota_use(self, agreement_id: int) -> QuotaUse:
        """Per year and direction: allotted against used, and sent against received (see
        `app.services.quota_use`)."""
        with self.desk.reading() as (session, actor):
            record = self.get_in(session, actor, agreement_id)
            return quota_use(session, actor, record, self.desk.owner)

    def reciprocity(self, agreement_id: int) -> list[Reciprocity]:
        """Billets sent and received per year under an agreement (see `quota_use`)."""
        return self.quota_use(agreement_id).reciprocity


def _signatories_text(signatories: Sequence[Signatory]) -> str:
    return "; ".join(
        ", ".join(part for part in (s.name, s.title, s.nation_code, text_of(s.date_signed)) if part)
        for s in signatories
    )


def _quotas_text(quotas: Sequence[Quota]) -> str:
    ordered = sorted(quotas, key=lambda q: (q.year, q.direction, q.category))
    return "; ".join(f"{q.year} {q.direction} {q.category}: {q.allotted}" for q in ordered)

"""The fixed vocabularies of the domain and the status lifecycles.

Each enumeration's value is what is stored and what CSV files carry; `label()` gives the words
a coordinator reads. Lifecycles list the moves allowed from each status.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.texts import said

# labels that are not the stored value capitalised: acronyms, accents
_LABELS = {
    "hadr_exercise": "HADR exercise",
    "defence_attache": "Defence attaché",
    "per_diem": "Per diem",
    **{f"25x{n}": f"25X{n}" for n in range(1, 10)},
    "50x1_hum": "50X1-HUM",
    "50x2_wmd": "50X2-WMD",
}


class Vocabulary(StrEnum):
    """A StrEnum whose members also have a human label."""

    @property
    def label(self) -> str:
        """Words for a person: ``in_progress`` reads ``In progress``, ``hadr_exercise``
        ``HADR exercise``."""
        return _LABELS.get(self.value) or self.value.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, text: str) -> Vocabulary:
        """Member for a stored value or its label, case and spacing forgiven."""
        wanted = str(text).strip().lower().replace(" ", "_").replace("-", "_")
        member = cls._value2member_map_.get(wanted)
        if member is not None:
            return member  # type: ignore[return-value]
        for candidate in cls:  # a label typed as shown ("Defence attaché", "HADR exercise")
            if candidate.label.casefold() == " ".join(str(text).split()).casefold():
                return candidate
        raise ValueError(
            said(
                "unknown value {value!r}; use one of {choices}",
                value=text,
                choices=", ".join(m.value for m in cls),
            )
        )


def label_of(vocabulary: type[Vocabulary], value: object) -> str:
    """The label of a stored value (the value itself when the vocabulary does not know it)."""
    if value is None or value == "":
        return ""
    member = vocabulary._value2member_map_.get(str(value))
    return member.label if isinstance(member, Vocabulary) else str(value)


class Role(Vocabulary):
    ADMINISTRATOR = "administrator"
    COORDINATOR = "coordinator"
    VIEWER = "viewer"
    AUDITOR = "auditor"


class Service(Vocabulary):
    ARMY = "army"
    NAVY = "navy"
    AIR_FORCE = "air_force"
    MARINES = "marines"
    SPACE = "space"
    COAST_GUARD = "coast_guard"
    JOINT = "joint"
    CIVILIAN = "civilian"


class Domain(Vocabulary):
    LAND = "land"
    MARITIME = "maritime"
    AIR = "air"
    CYBER = "cyber"
    SPACE = "space"
    JOINT = "joint"


class ExchangeKind(Vocabulary):
    COURSE_SEAT = "course_seat"
    JOINT_EXERCISE = "joint_exercise"
    PERSONNEL_EXCHANGE = "personnel_exchange"
    MOBILE_TRAINING_TEAM = "mobile_training_team"
    SEMINAR = "seminar"
    STAFF_VISIT = "staff_visit"
    HADR_EXERCISE = "hadr_exercise"


class ExchangeStatus(Vocabulary):
    PROPOSED = "proposed"
    PLANNED = "planned"
    APPROVED = "approved"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    EVALUATED = "evaluated"
    CANCELLED = "cancelled"


class ParticipationRole(Vocabulary):
    TRAINEE = "trainee"
    INSTRUCTOR = "instructor"
    OBSERVER = "observer"
    ESCORT = "escort"
    INTERPRETER = "interpreter"
    LIAISON = "liaison"


class ParticipationStatus(Vocabulary):
    NOMINATED = "nominated"
    APPROVED = "approved"
    TRAVEL_ARRANGED = "travel_arranged"
    ARRIVED = "arrived"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"


class DocumentStatus(Vocabulary):
    NOT_REQUIRED = "not_required"
    PENDING = "pending"
    REQUESTED = "requested"
    ISSUED = "issued"


class LiaisonKind(Vocabulary):
    LIAISON_OFFICER = "liaison_officer"
    DEFENCE_ATTACHE = "defence_attache"
    EXCHANGE_OFFICER = "exchange_officer"


class LiaisonStatus(Vocabulary):
    PLANNED = "planned"
    ACTIVE = "active"
    ENDED = "ended"


class AgreementKind(Vocabulary):
    MOU = "memorandum_of_understanding"
    MOA = "memorandum_of_agreement"
    TECHNICAL_ARRANGEMENT = "technical_arrangement"
    COOPERATION_AGREEMENT = "cooperation_agreement"
    MILITARY_AID_AGREEMENT = "military_aid_agreement"
    MUTUAL_DEFENCE_AGREEMENT = "mutual_defence_agreement"
    SOFA = "status_of_forces_agreement"
    PERSONNEL_EXCHANGE_AGREEMENT = "personnel_exchange_agreement"
    LOAN_AGREEMENT = "loan_agreement"


class AgreementStatus(Vocabulary):
    DRAFT = "draft"
    IN_NEGOTIATION = "in_negotiation"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    EXPIRED = "expired"
    TERMINATED = "terminated"


class QuotaDirection(Vocabulary):
    SENT = "sent"  # our personnel to the partner
    RECEIVED = "received"  # the partner's personnel to us


class CostCategory(Vocabulary):
    TRAVEL = "travel"
    LODGING = "lodging"
    TUITION = "tuition"
    PER_DIEM = "per_diem"
    TRANSPORT = "transport"
    OTHER = "other"


NATO_RANK_CODES: tuple[str, ...] = (
    tuple(f"OR-{n}" for n in range(1, 10))
    + tuple(f"WO-{n}" for n in range(1, 6))
    + tuple(f"OF-{n}" for n in range(1, 11))
    + ("OF-D", "civilian")
)

EXCHANGE_MOVES: dict[ExchangeStatus, frozenset[ExchangeStatus]] = {
    ExchangeStatus.PROPOSED: frozenset({ExchangeStatus.PLANNED, ExchangeStatus.CANCELLED}),
    ExchangeStatus.PLANNED: frozenset({ExchangeStatus.APPROVED, ExchangeStatus.CANCELLED}),
    ExchangeStatus.APPROVED: frozenset({ExchangeStatus.IN_PROGRESS, ExchangeStatus.CANCELLED}),
    ExchangeStatus.IN_PROGRESS: frozenset({ExchangeStatus.COMPLETED, ExchangeStatus.CANCELLED}),
    ExchangeStatus.COMPLETED: frozenset({ExchangeStatus.EVALUATED}),
    ExchangeStatus.EVALUATED: frozenset(),
    ExchangeStatus.CANCELLED: frozenset(),
}

PARTICIPATION_MOVES: dict[ParticipationStatus, frozenset[ParticipationStatus]] = {
    ParticipationStatus.NOMINATED: frozenset(
        {ParticipationStatus.APPROVED, ParticipationStatus.WITHDRAWN}
    ),
    ParticipationStatus.APPROVED: frozenset(
        {ParticipationStatus.TRAVEL_ARRANGED, ParticipationStatus.WITHDRAWN}
    ),
    ParticipationStatus.TRAVEL_ARRANGED: frozenset(
        {ParticipationStatus.ARRIVED, ParticipationStatus.WITHDRAWN}
    ),
    ParticipationStatus.ARRIVED: frozenset(
        {ParticipationStatus.COMPLETED, ParticipationStatus.WITHDRAWN}
    ),
    ParticipationStatus.COMPLETED: frozenset(),
    ParticipationStatus.WITHDRAWN: frozenset(),
}

LIAISON_MOVES: dict[LiaisonStatus, frozenset[LiaisonStatus]] = {
    LiaisonStatus.PLANNED: frozenset({LiaisonStatus.ACTIVE, LiaisonStatus.ENDED}),
    LiaisonStatus.ACTIVE: frozenset({LiaisonStatus.ENDED}),
    LiaisonStatus.ENDED: frozenset(),
}

AGREEMENT_MOVES: dict[AgreementStatus, frozenset[AgreementStatus]] = {
    AgreementStatus.DRAFT: frozenset({AgreementStatus.IN_NEGOTIATION, AgreementStatus.TERMINATED}),
    AgreementStatus.IN_NEGOTIATION: frozenset(
        {AgreementStatus.DRAFT, AgreementStatus.SIGNED, AgreementStatus.TERMINATED}
    ),
    AgreementStatus.SIGNED: frozenset({AgreementStatus.IN_FORCE, AgreementStatus.TERMINATED}),
    AgreementStatus.IN_FORCE: frozenset({AgreementStatus.EXPIRED, AgreementStatus.TERMINATED}),
    AgreementStatus.EXPIRED: frozenset({AgreementStatus.IN_FORCE}),  # renewed
    AgreementStatus.TERMINATED: frozenset(),
}


class Exemption(Vocabulary):
    """An exemption from declassification at 25 years (E.O. 13526 §3.3(b) and (h); 32 CFR
    2001.26): the "Declassify On" line carries it, as printed (`label`): ``25X1`` … ``25X9``
    with a date or an event at most 50 years after the origin, ``50X1-HUM`` (a confidential
    human source) and ``50X2-WMD`` (key design concepts of weapons of mass destruction) alone,
    up to 75 years."""

    X25_1 = "25x1"
    X25_2 = "25x2"
    X25_3 = "25x3"
    X25_4 = "25x4"
    X25_5 = "25x5"
    X25_6 = "25x6"
    X25_7 = "25x7"
    X25_8 = "25x8"
    X25_9 = "25x9"
    X50_1_HUM = "50x1_hum"
    X50_2_WMD = "50x2_wmd"

"""Search across every record kind, with the access filter inside the SQL.

A hit row of the index is kept only when its source record passes the same visibility
conditions the record's service uses (`service.visible(actor)`: label and parents), plus the
structured filters; so hidden records are never fetched, counted or shown in a snippet.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Subquery,
    and_,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, lazyload
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import BinaryExpression
from sqlalchemy.sql.selectable import CTE, Select
from sqlalchemy.sql.visitors import replacement_traverse

from app.database.labels import load_labels
from app.domain.labels import Label
from app.domain.models import (
    Agreement,
    AgreementParty,
    Attachment,
    ContactLogEntry,
    Exchange,
    ExchangePartner,
    LabelRow,
    LiaisonAssignment,
    Person,
)
from app.search.engine import SearchEngine, engine_for
from app.search.query import ParsedQuery, fold, parse
from app.search.query import highlight as highlight_text
from app.security import audit
from app.security.policy import visible_labels
from app.security.principal import Actor
from app.services import kinds as kind_registry
from app.services.errors import PermissionDenied, SearchFailed, ValidationFailed
from app.services.kinds import RecordKind

if TYPE_CHECKING:
    from app.services.desk import Desk

# the kinds in the index, by canonical name (`app.services.kinds`)
KINDS: dict[str, RecordKind] = {entry.name: entry for entry in kind_registry.searchable()}
FILTERS = ("nation", "status", "date_from", "date_to", "level", "program", "archived")
MATCH_CAP = 5000  # most hits remembered by a saved search
RANK_CAP = 5000  # most visible matches ranked by relevance: beyond it, the most recent are ranked
MAX_LIMIT = 1000
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Hit:
    """One search result the user may see."""

    kind: str
    record_id: int
    reference: str
    title: str
    marking: str
    portion_mark: str
    snippet: str
    score: float
    label: Label

    @property
    def key(self) -> str:
        """``kind:id``, stable across runs."""
        return f"{self.kind}:{self.record_id}"

    def as_json(self) -> dict[str, Any]:
        """The CLI's JSON form."""
        return {
            "kind": self.kind,
            "reference": self.reference or None,
            "id": self.record_id,
            "title": self.title,
            "marking": self.marking,
            "portion_mark": self.portion_mark,
            "snippet": self.snippet,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class SearchResults:
    """A page of hits, best first, and how many visible records match in all."""

    hits: list[Hit]
    total: int
    query: str = ""
    suggestion: str | None = None
    # False when more than RANK_CAP visible records match: the RANK_CAP most recent were ranked
    # (``total`` is then RANK_CAP: "more than 5,000")
    complete: bool = True


def kind_of(name: str) -> str:
    """A searchable kind's canonical name from user text (``people`` -> ``person``);
    `ValidationFailed` naming ``kind``."""
    return kind_registry.kind(name, kind_registry.searchable()).name


# --- access and filters ---------------------------------------------------------------------


@dataclass
class Scope:
    """Who is searching: the visibility conditions of each kind.

    The services' conditions nest the label rule as a subquery at every level (an attachment's
    parent's parent ...); SQLite's parser has a fixed depth, so each label subquery is replaced
    by a reference to one common table expression of the label ids the actor may read, computed
    once per statement (same rule, same snapshot, flatter SQL, no limit on how many labels a
    database holds).
    """

    desk: Desk
    actor: Actor

    @classmethod
    def of(cls, desk: Desk, session: Session, actor: Actor) -> Scope:
        """The scope of an actor (``session``: the read transaction the search runs in)."""
        return cls(desk, actor)

    def visible(self, kind: str) -> list[ColumnElement[bool]]:
        """The kind's visibility conditions, label subqueries flattened to the ``LABEL_IDS`` CTE."""
        key = (id(self.desk.db), self.desk.owner, self.actor)
        if key not in _READABLE:
            if len(_READABLE) > 128:
                _READABLE.clear()
                _FLATTENED.clear()
            _READABLE[key] = visible_labels(self.actor, self.desk.owner).cte(LABEL_IDS)
        conditions = _FLATTENED.get((*key, kind))
        if conditions is None:
            target = visible_labels(self.actor, self.desk.owner)
            conditions = _flatten(
                visible_conditions(self.desk, self.actor, kind), target, _READABLE[key]
            )
            _FLATTENED[(*key, kind)] = conditions
        return conditions


LABEL_IDS = "visible_label_ids"
_FLATTENED: dict[tuple[Any, ...], list[ColumnElement[bool]]] = {}
_READABLE: dict[
    tuple[Any, ...], CTE
] = {}  # one CTE object per actor: every kind's conditions name the same one


def _flatten(
    conditions: list[ColumnElement[bool]], target: Select, readable: CTE
) -> list[ColumnElement[bool]]:
    """Replace every ``x IN (<target>)`` by ``x IN (SELECT id FROM visible_label_ids)`` (the CTE ``readable``)."""
    target_key = target.whereclause._generate_cache_key()
    target_values = [b.effective_value for b in target_key.bindparams]
    target_columns = list(target.selected_columns)

    def flatten(element: Any) -> Any:
        if isinstance(element, BinaryExpression) and element.operator is operators.in_op:
            inner = getattr(element.right, "element", None)
            if (
                isinstance(inner, Select)
                and list(inner.selected_columns) == target_columns
                and inner.whereclause is not None
            ):
                key = inner.whereclause._generate_cache_key()
                if (
                    key.key == target_key.key
                    and [b.effective_value for b in key.bindparams] == target_values
                ):
                    return element.left.in_(select(readable.c.id))
        return None

    return [replacement_traverse(c, {}, flatten) for c in conditions]


def visible_conditions(desk: Desk, actor: Actor, kind: str) -> list[ColumnElement[bool]]:
    """The visibility conditions of a kind: its service's (label and parents)."""
    return list(KINDS[kind].service(desk).visible(actor))


def _date(name: str, value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationFailed({name: f"{value!r} is not a date (use YYYY-MM-DD)"}) from None


def filter_conditions(
    desk: Desk, kind: str, filters: dict[str, Any]
) -> list[ColumnElement[bool]] | None:
    """Conditions of the structured filters for one kind; None when the kind cannot match them."""
    model = KINDS[kind].model
    conditions: list[ColumnElement[bool]] = []
    if hasattr(model, "archived") and not _truthy(filters.get("archived", False)):
        conditions.append(model.archived.is_(False))
    nation = filters.get("nation")
    if nation:
        code = str(nation).strip().upper()
        by_kind = {
            "person": lambda: Person.nation_code == code,
            "exchange": lambda: or_(
                Exchange.host_nation == code,
                exists().where(
                    ExchangePartner.exchange_id == Exchange.id, ExchangePartner.nation_code == code
                ),
            ),
            "agreement": lambda: exists().where(
                AgreementParty.agreement_id == Agreement.id, AgreementParty.nation_code == code
            ),
            "liaison_assignment": lambda: or_(
                LiaisonAssignment.sending_nation == code, LiaisonAssignment.host_nation == code
            ),
            "contact_log": lambda: exists().where(
                LiaisonAssignment.id == ContactLogEntry.assignment_id,
                or_(
                    LiaisonAssignment.sending_nation == code, LiaisonAssignment.host_nation == code
                ),
            ),
        }
        if kind not in by_kind:
            return None
        conditions.append(by_kind[kind]())
    status = filters.get("status")
    if status:
        if kind not in ("exchange", "agreement", "liaison_assignment"):
            return None
        conditions.append(model.status == str(status).strip().lower().replace(" ", "_"))
    program = filters.get("program")
    if program:
        if kind != "exchange":
            return None
        conditions.append(Exchange.program.ilike(f"%{str(program).strip()}%"))
    low = _date("date_from", filters["date_from"]) if filters.get("date_from") else None
    high = _date("date_to", filters["date_to"]) if filters.get("date_to") else None
    if low or high:
        spans = {
            "exchange": (Exchange.start_date, Exchange.end_date),
            "agreement": (
                func.coalesce(Agreement.effective_date, Agreement.signed_date),
                Agreement.expiry_date,
            ),
            "liaison_assignment": (LiaisonAssignment.start_date, LiaisonAssignment.end_date),
            "contact_log": (ContactLogEntry.date, ContactLogEntry.date),
            "attachment": (func.date(Attachment.created_at), func.date(Attachment.created_at)),
        }
        if kind not in spans:
            return None
        start, end = spans[kind]
        if high:
            conditions.append(start <= high)
        if low:
            conditions.append(or_(end.is_(None), end >= low))
    level = filters.get("level")
    if level not in (None, ""):
        try:
            number = (
                level
                if isinstance(level, int)
                else (
                    int(level) if str(level).strip().isdigit() else desk.db.scheme.parse(str(level))
                )
            )
        except ValueError as error:
            raise ValidationFailed({"level": str(error)}) from None
        conditions.append(model.label_id.in_(select(LabelRow.id).where(LabelRow.level == number)))
    return conditions


def _truthy(value: Any) -> bool:
    return value is True or str(value).strip().lower() in ("1", "true", "yes", "y")


def _check_filters(filters: dict[str, Any]) -> None:
    unknown = sorted(set(filters) - set(FILTERS))
    if unknown:
        raise ValidationFailed(
            {unknown[0]: f"is not a search filter; use one of {', '.join(FILTERS)}"}
        )
    for name in ("date_from", "date_to"):
        if filters.get(name):
            _date(name, filters[name])


def visible_hits(
    scope: Scope,
    engine: SearchEngine,
    fts: str,
    kinds: Iterable[str],
    filters: dict[str, Any],
    newest: int | None = None,
) -> Subquery | None:
    """The hits of ``fts`` whose record is of a wanted kind, visible to the actor and passes the filters:
    a subquery ``(key, score)``; each hit is checked against its kind's source row by primary key.
    ``newest``: at most that many, the most recent records first (the index is read newest first
    and stops there). None when no kind can match the filters."""
    key = engine.key_column
    per_kind = []
    for kind in kinds:
        extra = filter_conditions(scope.desk, kind, filters)
        if extra is None:
            continue
        model = KINDS[kind].model
        source = select(model.id).where(
            model.id == engine.key_record_id(key), *scope.visible(kind), *extra
        )
        per_kind.append(and_(engine.key_kind_code(key) == engine.kind_code(kind), source.exists()))
    if not per_kind:
        return None
    matches = engine.matches(fts).where(or_(*per_kind))
    if newest is not None:
        matches = matches.order_by(key.desc()).limit(newest)
    return matches.subquery("visible_hits")


def _ranked(
    session: Session, engine: SearchEngine, hits: Subquery, limit: int, offset: int
) -> tuple[list[tuple[str, int, float]], int]:
    """(kind, id, score) of one page, best first, and the total (one statement: window functions).

    ``hits`` holds at most RANK_CAP + 1 matches, the most recent: the RANK_CAP most recent are
    ranked, and a total above RANK_CAP only says that there are more."""
    candidates = select(
        hits.c.key,
        hits.c.score,
        func.count().over().label("total"),
        func.row_number().over(order_by=hits.c.key.desc()).label("recency"),
    ).subquery("candidates")
    statement = (
        select(candidates.c.key, candidates.c.score, candidates.c.total)
        .where(candidates.c.recency <= RANK_CAP)
        .order_by(candidates.c.score.desc(), candidates.c.key)
        .limit(limit)
        .offset(offset)
    )
    rows = session.execute(statement).all()
    if rows:
        total = rows[0][2]
    else:
        total = _count(session, hits) if offset else 0
    return [(*engine.decode(key), float(score)) for key, score, _ in rows], total


def _count(session: Session, hits: Subquery | None) -> int:
    return (
        0 if hits is None else session.execute(select(func.count()).select_from(hits)).scalar_one()
    )


# --- search ---------------------------------------------------------------------------------


def search(
    desk: Desk,
    query: str,
    kinds: Sequence[str] | None = None,
    filters: dict[str, Any] | None = None,
    limit: int = 50,
    offset: int = 0,
    highlight: tuple[str, str] = ("[", "]"),
    as_you_type: bool = False,
    audited: bool = True,
) -> SearchResults:
    """The visible records matching ``query`` and the filters, best first; audited as ``search``."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ValidationFailed({"limit": f"limit must be 1 to {MAX_LIMIT}"})
    if offset < 0:
        raise ValidationFailed({"offset": "offset must not be negative"})
    wanted = [kind_of(k) for k in kinds] if kinds else list(KINDS)
    filters = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
    _check_filters(filters)
    parsed = parse(query, as_you_type=as_you_type)
    engine = engine_for(desk.db)
    with desk.reading() as (session, actor):
        hits, total, fts = _run(
            session, desk, actor, engine, parsed, wanted, filters, limit, offset, highlight
        )
    complete = total <= RANK_CAP
    total = min(total, RANK_CAP)
    if audited:
        with desk.writing() as (session, actor):
            audit.record(
                session,
                actor.username,
                "search",
                details={
                    "query": query,
                    "kinds": wanted if kinds else [],
                    "filters": filters,
                    "count": total,
                    **({} if complete else {"more": True}),
                },
            )
    return SearchResults(hits, total, fts, complete=complete)


def _run(
    session: Session,
    desk: Desk,
    actor: Actor,
    engine: SearchEngine,
    parsed: ParsedQuery,
    kinds: list[str],
    filters: dict[str, Any],
    limit: int,
    offset: int,
    highlight: tuple[str, str],
) -> tuple[list[Hit], int, str]:
    fts = parsed.fts()
    scope = Scope.of(desk, session, actor)
    if not fts:
        return [], 0, ""
    hits = visible_hits(scope, engine, fts, kinds, filters, newest=RANK_CAP + 1)
    with _refusals(parsed, fts):
        ranked, total = (
            _ranked(session, engine, hits, limit, offset) if hits is not None else ([], 0)
        )
    hits = _hits(
        session,
        scope,
        engine,
        parsed,
        [(k, i) for k, i, _ in ranked],
        {(k, i): s for k, i, s in ranked},
        highlight,
    )
    return hits, total, fts


@contextmanager
def _refusals(parsed: ParsedQuery, fts: str) -> Iterator[None]:
    """A query the index refuses is a defect of `app.search.query`: logged, and a plain
    `SearchFailed` for the user (never a silent second try with other text)."""
    try:
        yield
    except OperationalError as error:
        log.error("the search index refused %r (from %r): %s", fts, parsed, error)
        raise SearchFailed(
            "the search could not be run on this text; try other words (the problem was logged)"
        ) from error


def _hits(
    session: Session,
    scope: Scope,
    engine: SearchEngine,
    parsed: ParsedQuery,
    keys: list[tuple[str, int]],
    scores: dict[tuple[str, int], float],
    highlight: tuple[str, str],
) -> list[Hit]:
    """Hits for keys, in order; each record re-read through its kind's access filter."""
    records: dict[tuple[str, int], Any] = {}
    for kind in {k for k, _ in keys}:
        model = KINDS[kind].model
        ids = [i for k, i in keys if k == kind]
        statement = (
            select(model).where(model.id.in_(ids), *scope.visible(kind)).options(lazyload("*"))
        )  # columns only
        for record in session.scalars(statement):
            records[(kind, record.id)] = record
    keys = [key for key in keys if key in records]
    texts = engine.texts(session, keys)
    snippets = {key: highlight_text(texts.get(key, []), parsed, highlight) for key in keys}
    labels = load_labels(session, {r.label_id for r in records.values()})
    hits = []
    for key in keys:
        record = records[key]
        label = labels[record.label_id]
        hits.append(
            Hit(
                kind=key[0],
                record_id=key[1],
                reference=getattr(record, "reference", "") or "",
                title=title_of(key[0], record),
                marking=scope.desk.marking(label),
                portion_mark=scope.desk.portion_mark(label),
                snippet=snippets.get(key, ""),
                score=scores.get(key, 0.0),
                label=label,
            )
        )
    return hits


def title_of(kind: str, record: Any) -> str:
    """A hit's title: ``MÜLLER, Hans`` for a person, the title, subject or file name otherwise."""
    if kind == "person":
        return f"{record.family_name.upper()}, {record.given_names}".rstrip(", ")
    if kind in ("exchange", "agreement"):
        return record.title
    if kind == "liaison_assignment":
        organisation = f" at {record.host_organisation}" if record.host_organisation else ""
        return f"{record.kind.replace('_', ' ')}, {record.sending_nation} → {record.host_nation}{organisation}"
    if kind == "contact_log":
        return f"{record.date.isoformat()} {record.subject}"
    return record.name


def matching_keys(
    desk: Desk,
    query: str,
    kinds: Sequence[str] | None = None,
    filters: dict[str, Any] | None = None,
    cap: int = MATCH_CAP,
) -> list[tuple[str, int]]:
    """(kind, id) of every visible match (at most ``cap``), unranked; not audited (callers audit)."""
    wanted = [kind_of(k) for k in kinds] if kinds else list(KINDS)
    filters = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
    _check_filters(filters)
    parsed = parse(query)
    engine = engine_for(desk.db)
    with desk.reading() as (session, actor):
        fts = parsed.fts()
        if not fts:
            return []
        hits = visible_hits(Scope.of(desk, session, actor), engine, fts, wanted, filters)
        if hits is None:
            return []
        with _refusals(parsed, fts):
            return [engine.decode(key) for key in session.scalars(select(hits.c.key).limit(cap))]


def hits_for(
    desk: Desk, query: str, keys: Sequence[tuple[str, int]], highlight: tuple[str, str] = ("[", "]")
) -> list[Hit]:
    """Hits (with snippets for ``query``) for given record keys; hidden ones are left out."""
    engine = engine_for(desk.db)
    with desk.reading() as (session, actor):
        return _hits(
            session, Scope.of(desk, session, actor), engine, parse(query), list(keys), {}, highlight
        )


def suggest(desk: Desk, query: str, kinds: Sequence[str] | None = None) -> str | None:
    """ "Did you mean": the query with unknown words replaced by close indexed words that find
    something the user may see; None when there is nothing better to offer."""
    parsed = parse(query)
    wanted = [kind_of(k) for k in kinds] if kinds else list(KINDS)
    engine = engine_for(desk.db)
    changed = False
    words = []
    with desk.reading() as (session, actor):
        scope = Scope.of(desk, session, actor)

        def visible_count(fts: str) -> int:
            hits = visible_hits(scope, engine, fts, wanted, {})
            return 0 if hits is None else len(session.execute(select(hits.c.key).limit(1)).all())

        for term in parsed.terms:
            word = term.text
            if term.phrase or term.prefix or term.negated or len(word) < 3:
                words.append(word)
                continue
            if visible_count(parse(word).fts()):
                words.append(word)
                continue
            folded = fold(word)
            candidates = engine.vocabulary(session, folded[:2])
            best = None
            for candidate in difflib.get_close_matches(folded, candidates, n=5, cutoff=0.7):
                if visible_count('"' + candidate.replace('"', '""') + '"'):
                    best = candidate
                    break
            if best is None:
                words.append(word)
            else:
                words.append(best)
                changed = True
    return " ".join(words) if changed else None


def quick_filter(
    desk: Desk, kind: str, text: str, as_you_type: bool = True
) -> ColumnElement[bool] | None:
    """A condition for a list view's quick filter on ``kind``: the record matches ``text`` in the
    search index (same folding, prefixes and operators as search). None when there is nothing to match;
    the list's own query keeps its access filter."""
    ids = quick_filter_ids(desk, kind, text, as_you_type)
    return None if ids is None else KINDS[kind_of(kind)].model.id.in_(ids)


def quick_filter_ids(desk: Desk, kind: str, text: str, as_you_type: bool = True) -> Select | None:
    """The same as `quick_filter`, as a select of record ids (a service's ``id__in`` filter)."""
    fts = parse(text, as_you_type=as_you_type).fts()
    if not fts:
        return None
    kind = kind_of(kind)
    return engine_for(desk.db).record_ids(fts, kind)


def rebuild(desk: Desk) -> int:
    """Repopulate the index from every record (administrators); audited as ``search_rebuild``."""
    engine = engine_for(desk.db)
    with desk.writing() as (session, actor):
        if not actor.is_admin:
            raise PermissionDenied("rebuilding the search index is for administrators")
        count = engine.rebuild(session)
        audit.record(session, actor.username, "search_rebuild", details={"rows": count})
    return count

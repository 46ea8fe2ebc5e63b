"""The audit trail: append-only, each event hash-chained to the one before it.

`record` appends an event inside the caller's transaction (no audit, no write). `verify`
recomputes the chain and names the first broken link: an edited, deleted, reordered or
inserted event. The newest hash and the count are also kept (``settings.audit_head``) so that
events cut off the end, or added at the end outside the application, are found too.

On a database server (`app.database.audit_chain`) the chain is keyed: the server appends each
event with an HMAC link whose secret no user role can read, keeps the head itself, and tells
`verify` which stored links are right; the classification of breaks below is the same. Verify
reads everything in the one snapshot of the session it is given (`Database.snapshot`), so
events appended meanwhile are either all seen, head included, or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.database import audit_chain
from app.domain.models import AuditEvent, Setting, utcnow

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return sorted(_jsonable(v) for v in value)
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def canonical_details(details: dict[str, Any] | None) -> str:
    """Details as canonical JSON (sorted keys, no spaces): what is stored and hashed."""
    return json.dumps(
        _jsonable(details or {}), sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )


def event_hash(event: AuditEvent, as_id: int | None = None) -> str:
    """SHA-256 over the previous hash and every field of the event (its id taken as ``as_id``)."""
    parts = [
        event.prev_hash,
        str(event.id if as_id is None else as_id),
        event.at.isoformat(timespec="microseconds"),
        event.username,
        event.action,
        event.record_kind,
        "" if event.record_id is None else str(event.record_id),
        event.record_ref,
        event.outcome,
        event.details,
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def record(
    session: Session,
    username: str,
    action: str,
    *,
    kind: str = "",
    record_id: int | None = None,
    ref: str = "",
    outcome: str = "success",
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the trail in the caller's transaction."""
    if audit_chain.server_keyed(session):
        return audit_chain.append(
            session,
            username,
            action,
            kind,
            record_id,
            ref,
            outcome,
            canonical_details(details),
        )
    head = session.get(Setting, HEAD_KEY, with_for_update=True)
    if head is None:
        count, prev = 0, GENESIS
        head = Setting(key=HEAD_KEY, value="")
        session.add(head)
    else:
        count_text, prev = head.value.split(":", 1)
        count = int(count_text)
    last_id = session.scalar(select(func.max(AuditEvent.id))) or 0
    event = AuditEvent(
        id=last_id + 1,
        at=utcnow(),
        username=username,
        action=action,
        record_kind=kind,
        record_id=record_id,
        record_ref=ref,
        outcome=outcome,
        details=canonical_details(details),
        prev_hash=prev,
    )
    event.hash = event_hash(event)
    session.add(event)
    head.value = f"{count + 1}:{event.hash}"
    session.flush()
    return event


@dataclass(frozen=True)
class Problem:
    """One broken link in the trail."""

    event_id: int | None
    kind: str  # edited | deleted | reordered | inserted | truncated
    message: str


@dataclass
class Verification:
    """The outcome of verifying the trail: how many events, and the problems found (first first)."""

    checked: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the chain is intact."""
        return not self.problems

    @property
    def first(self) -> Problem | None:
        """The first broken link, if any."""
        return self.problems[0] if self.problems else None


def verify(session: Session, batch: int = 5000) -> Verification:
    """Recompute the chain in id order and report every break.

    Give it a session that reads one snapshot (`Database.snapshot`): its statements must all
    see the same trail, or events appended meanwhile look like breaks.
    """
    result = Verification()
    keyed = audit_chain.server_keyed(session)
    by_hash: dict[str, int] = dict(session.execute(select(AuditEvent.hash, AuditEvent.id)).all())
    previous: AuditEvent | None = None
    before_previous_hash = GENESIS
    last_seen = 0
    while True:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.id > last_seen).order_by(AuditEvent.id).limit(batch)
        ).all()
        if not events:
            break
        sealed = _server_links(session, last_seen, len(events)) if keyed else {}
        for event in events:
            result.checked += 1
            link = sealed.get(event.id) if keyed else _local_link(event)
            _check_link(event, link, previous, before_previous_hash, by_hash, result)
            before_previous_hash = previous.hash if previous else GENESIS
            previous = event
            last_seen = event.id
        session.expunge_all()
    _check_head(_head(session, keyed), previous, result)
    return result


def _server_links(session: Session, after: int, count: int) -> dict[int, audit_chain.Link]:
    return {link.event_id: link for link in audit_chain.links(session, after, count)}


def _local_link(event: AuditEvent) -> audit_chain.Link:
    """The unkeyed check: the event's own SHA-256, and if it is wrong, where it was written."""
    if event_hash(event) == event.hash:
        return audit_chain.Link(event.id, True, None)
    return audit_chain.Link(event.id, False, _original_position(event))


def _head(session: Session, keyed: bool) -> tuple[int, str] | None:
    if keyed:
        return audit_chain.head(session)
    head = session.get(Setting, HEAD_KEY)
    if head is None:
        return None
    count_text, head_hash = head.value.split(":", 1)
    return int(count_text), head_hash


def _check_link(
    event: AuditEvent,
    link: audit_chain.Link | None,
    previous: AuditEvent | None,
    before_previous_hash: str,
    by_hash: dict[str, int],
    result: Verification,
) -> None:
    moved = False
    if link is None or not link.ok:
        original = link.written_as if link is not None else None
        moved = original is not None
        if moved:
            result.problems.append(
                Problem(
                    event.id,
                    "reordered",
                    f"event #{event.id} was moved; it was written as #{original}",
                )
            )
        else:
            result.problems.append(
                Problem(event.id, "edited", f"event #{event.id} was changed after it was written")
            )
    expected = previous.hash if previous else GENESIS
    if event.prev_hash == expected:
        return
    if previous is None:
        result.problems.append(
            Problem(
                event.id,
                "deleted",
                f"events before #{event.id} were deleted (the trail does not start at its "
                "beginning)",
            )
        )
    elif event.prev_hash == before_previous_hash and not _was_moved(previous, result):
        # the chain skips the previous event: it was never part of it
        result.problems[:] = [p for p in result.problems if p.event_id != previous.id]
        result.problems.append(
            Problem(previous.id, "inserted", f"event #{previous.id} was inserted into the trail")
        )
    elif moved or _was_moved(previous, result):
        return  # a break next to a moved event is explained by the move
    elif event.prev_hash in by_hash and by_hash[event.prev_hash] > event.id:
        result.problems.append(
            Problem(
                event.id,
                "reordered",
                f"event #{event.id} follows #{by_hash[event.prev_hash]} in the chain but is stored "
                "before it",
            )
        )
    elif event.id != previous.id + 1:
        result.problems.append(
            Problem(
                event.id, "deleted", f"events between #{previous.id} and #{event.id} were deleted"
            )
        )
    else:
        result.problems.append(
            Problem(event.id, "deleted", f"the event before #{event.id} was deleted or replaced")
        )


def _was_moved(event: AuditEvent, result: Verification) -> bool:
    return any(p.event_id == event.id and p.kind == "reordered" for p in result.problems)


def _original_position(event: AuditEvent, window: int = 200) -> int | None:
    """The id an event was written with, when only its id changed (it was moved)."""
    for candidate in range(max(1, event.id - window), event.id + window + 1):
        if candidate != event.id and event_hash(event, candidate) == event.hash:
            return candidate
    return None


def _check_head(
    head: tuple[int, str] | None, last: AuditEvent | None, result: Verification
) -> None:
    if head is None:
        if last is not None:
            result.problems.append(
                Problem(None, "inserted", "the trail has events but no recorded head")
            )
        return
    count, head_hash = head
    if last is None:
        if count:
            result.problems.append(Problem(None, "truncated", f"all {count} events were deleted"))
    elif last.hash != head_hash:
        if count < result.checked:
            result.problems.append(
                Problem(
                    last.id,
                    "inserted",
                    f"event #{last.id} was added at the end outside the application",
                )
            )
        else:
            result.problems.append(
                Problem(
                    last.id,
                    "truncated",
                    f"events after #{last.id} were deleted (the newest recorded event is missing)",
                )
            )

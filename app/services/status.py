"""The status lifecycle shared by every kind that has one (exchanges, participations, liaison
assignments, agreements): a status moves only along its kind's allowed moves, through the one
write path (`RecordService.writing_record`), audited as ``status_change``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.domain.models import Labelled
from app.domain.texts import label_named, listed, said
from app.domain.vocab import Vocabulary
from app.services.base import RecordService, Saved
from app.services.errors import ValidationFailed
from app.services.transactions import retried

M = TypeVar("M", bound=Labelled)
# a kind's extra rule for one move: (session, record, new status, reason, errors to fill)
BeforeMove = Callable[[Session, Any, Any, str, dict[str, str]], None]


def check_move(old: Vocabulary, new: Vocabulary, moves: Mapping[Any, frozenset[Any]]) -> None:
    """`ValidationFailed` (under ``status``) unless ``old`` may move to ``new``."""
    if new not in moves[old]:
        allowed = [label_named(m.label) for m in sorted(moves[old], key=lambda m: m.label)]
        raise ValidationFailed(
            {
                "status": said(
                    "cannot move from {old} to {new}; allowed: {allowed}",
                    old=label_named(old.label),
                    new=label_named(new.label),
                    allowed=listed(allowed) if allowed else said("none (it is final)"),
                )
            }
        )


@retried
def move_status(
    service: RecordService[M],
    record_id: int,
    status: Any,
    moves: Mapping[Any, frozenset[Any]],
    vocabulary: type[Vocabulary],
    reason: str | None = None,
    expected_version: int | None = None,
    before_move: BeforeMove | None = None,
) -> Saved[M]:
    """Move a record's status along its lifecycle; audited as ``status_change``.

    ``before_move(session, record, new_status, reason, errors)`` may add field errors (or set
    the field that keeps the reason). Moving to the status it has is no change.
    """
    reason = (reason or "").strip()
    with service.writing_record(record_id, expected_version, again=said("try again")) as writing:
        record = writing.record
        try:
            new = vocabulary.parse(status)
        except ValueError as error:
            raise ValidationFailed({"status": str(error)}) from None
        old = vocabulary(record.status)
        if new == old:
            return writing.saved()
        check_move(old, new, moves)
        errors: dict[str, str] = {}
        if before_move is not None:
            before_move(writing.session, record, new, reason, errors)
        if errors:
            raise ValidationFailed(errors)
        record.status = new.value
        writing.changed(
            "status_change", {"before": old.value, "after": new.value, "reason": reason}
        )
        return writing.saved()

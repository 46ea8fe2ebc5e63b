"""The access policy of domain.md, in one place.

* `visible_labels` / `label_visible`: the read rule as SQL; every service query filters with it,
  so hidden rows are never fetched and never counted.
* `can_read`: the same rule in plain Python over a `Label`, for single records, reports and as
  the reference the property tests compare the SQL against.
* `check_write` and `check_label_change`: the write rule (roles, clearance, downgrades).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select

from app.database.labels import LabelIn
from app.domain.labels import Label, Release, expand, is_downgrade
from app.domain.models import LabelGroup, LabelRelease, LabelRow, NationGroupMember
from app.domain.texts import label_named, said
from app.security.principal import Actor


class AccessDenied(Exception):
    """The actor may not do this (only ever said about records the actor can see)."""


def can_read(actor: Actor, label: Label, owner: str, groups: Mapping[str, Iterable[str]]) -> bool:
    """The read rule: level, nationality/releasability, need-to-know groups."""
    if label.level > actor.clearance:
        return False
    if actor.nation != owner:
        if label.release is Release.NOFORN:
            return False
        if label.release is Release.REL and actor.nation not in expand(label.rel_to, groups):
            return False
    if not label.needs <= actor.groups:  # restrictive need-to-know (a combined label's)
        return False
    return not label.groups or bool(label.groups & actor.groups)


def visible_labels(actor: Actor, owner: str) -> Select:
    """``SELECT labels.id`` of every label the actor may read."""
    conditions: list[ColumnElement[bool]] = [LabelRow.level <= actor.clearance]
    if actor.nation != owner:
        member_of = select(NationGroupMember.group_code).where(
            NationGroupMember.nation_code == actor.nation
        )
        released_to_actor = exists().where(
            LabelRelease.label_id == LabelRow.id,
            or_(LabelRelease.code == actor.nation, LabelRelease.code.in_(member_of)),
        )
        conditions.append(
            or_(
                LabelRow.release == Release.ALL.value,
                and_(LabelRow.release == Release.REL.value, released_to_actor),
            )
        )
    no_groups = ~exists().where(LabelGroup.label_id == LabelRow.id)
    if actor.groups:
        shares_group = exists().where(
            LabelGroup.label_id == LabelRow.id, LabelGroup.group_name.in_(sorted(actor.groups))
        )
        conditions.append(or_(no_groups, shares_group))
    else:
        conditions.append(no_groups)
    return select(LabelRow.id).where(*conditions)


def label_visible(actor: Actor, owner: str, label_column: ColumnElement) -> ColumnElement[bool]:
    """SQL condition: the record whose label id is ``label_column`` is readable by the actor."""
    return LabelIn(label_column, visible_labels(actor, owner))


def check_write(actor: Actor) -> None:
    """Viewers and auditors write nothing."""
    if not actor.may_write_records:
        raise AccessDenied(
            said(
                "your role ({role}) may not change records",
                role=label_named(actor.role.label, lower=True),
            )
        )


def check_label_change(
    actor: Actor,
    old: Label | None,
    new: Label,
    owner: str,
    groups: Mapping[str, Iterable[str]],
    reason: str | None,
) -> bool:
    """Check a label being set; returns True when it is a downgrade (audit it as such).

    Nobody labels above their own clearance, nor so that they could no longer read the record.
    Lowering the level or widening releasability is only for administrators, with a reason.
    """
    if new.level > actor.clearance:
        raise AccessDenied(said("you cannot label a record above your own clearance"))
    if not can_read(actor, new, owner, groups):
        raise AccessDenied(said("with that label you could no longer read the record yourself"))
    if old is None:
        return False
    downgrade = is_downgrade(old, new, owner, groups)
    if downgrade:
        if not actor.is_admin:
            raise AccessDenied(
                said("lowering the classification or widening releasability needs an administrator")
            )
        if not (reason or "").strip():
            raise AccessDenied(said("a downgrade needs a stated reason"))
    return downgrade

"""What every record form needs at construction that comes from the database: the acting user
and the label editor's choices. Built once off the GUI thread (`read_form_context` through the
operation runner) by whoever opens forms, and reused by every form it opens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from types import MappingProxyType

from app.domain.labels import Label, level_refused
from app.security.principal import Actor
from app.services.desk import Desk
from app.ui.records.editors import label_choices
from app.ui.widgets import LabelEditor


@dataclass(frozen=True)
class FormContext:
    """The actor and the label choices (levels, nations, nation groups, need-to-know groups)."""

    actor: Actor
    level_names: tuple[str, ...]
    top_level: int  # the highest level the actor may pick
    nations: MappingProxyType[str, str]
    nation_groups: MappingProxyType[str, str]
    nation_members: MappingProxyType[str, frozenset[str]]  # a nation group's member nations
    ntk_groups: tuple[str, ...]
    marking: Callable[[Label], str]  # the desk's marking (the label editor's preview)
    # levels the owner's rules do not have, with why (RESTRICTED under a US owner)
    refused_levels: MappingProxyType[int, str] = field(default_factory=lambda: MappingProxyType({}))

    def label_editor(self) -> LabelEditor:
        """A fresh label editor offering this context's choices (no database read)."""
        return LabelEditor(
            list(self.level_names),
            self.top_level,
            dict(self.nations),
            dict(self.nation_groups),
            list(self.ntk_groups),
            self.marking,
            refused_levels=self.refused_levels,
        )


def read_form_context(desk: Desk, actor: Actor | None = None) -> FormContext:
    """Read the context of the desk's forms (database reads: call it off the GUI thread, except
    for a form built without one, as in unit tests)."""
    actor = actor or desk.actor()
    members = desk.db.nation_groups()  # also fills the cache banners are drawn from
    names, top, nations, nation_groups, ntk = label_choices(desk, actor.clearance)
    return FormContext(
        actor,
        tuple(names),
        top,
        MappingProxyType(dict(nations)),
        MappingProxyType(dict(nation_groups)),
        MappingProxyType(dict(members)),
        tuple(ntk),
        desk.marking,
        MappingProxyType(refused_levels(desk)),
    )


def refused_levels(desk: Desk) -> dict[int, str]:
    """The levels of the desk's scheme a record may not be given there, with why."""
    scheme, owner = desk.db.scheme, desk.owner
    found = {level: level_refused(level, owner, scheme) for level in range(len(scheme.names))}
    return {level: why for level, why in found.items() if why}

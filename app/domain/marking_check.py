"""The self-check run before a page, a screen banner or a file is produced (issue 14).

`combine` computes the label of a page from the labels of its portions; this module checks the
result independently, from the read rule rather than from `combine`'s own steps: a banner
*covers* a portion when every reader the banner admits may read that portion (the level is at
least the portion's; a portion's NOFORN makes the banner NOFORN; a banner's REL TO names no
nation the portion is not released to; the portion's need-to-know is required by the banner).
A banner that covers every portion never understates. `Desk.combined`, through which every
page, screen banner, export and label file gets its label from exactly the labels it shows,
runs it on every result; on a mismatch nothing may be produced: callers let `MarkingMismatch`
propagate (a report or an export then writes no file, a window shows no banner it cannot
vouch for) and it is logged here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

from app.domain.labels import Label, Release, expand, marked

log = logging.getLogger("app.markings")


class MarkingMismatch(Exception):
    """A banner that does not cover the portions it stands above."""


def uncovered(
    banner: Label, portion: Label, owner: str, groups: Mapping[str, Iterable[str]]
) -> str | None:
    """Why ``banner`` does not cover ``portion`` (a reader it admits could not read the
    portion), or None when it does."""
    return _uncovered(marked(banner, owner), None, portion, owner, groups)


def _uncovered(
    banner: Label,
    admitted: frozenset[str] | None,
    portion: Label,
    owner: str,
    groups: Mapping[str, Iterable[str]],
) -> str | None:
    """`uncovered` for a banner already `marked`, with its REL TO nations expanded once for a
    page of portions (``admitted``; None: expanded here)."""
    portion = marked(portion, owner)
    if banner.level < portion.level:
        return "its level is below a portion's"
    if portion.release is Release.NOFORN and banner.release is not Release.NOFORN:
        return "a portion is NOFORN and the banner is not"
    if portion.release is Release.REL:
        if banner.release is Release.ALL:
            return "a portion is REL TO and the banner has no caveat"
        if banner.release is Release.REL:
            if admitted is None:
                admitted = expand(banner.rel_to, groups) - {owner}
            allowed = expand(portion.rel_to, groups)
            if not admitted <= allowed:
                return "the banner releases to " + ", ".join(sorted(admitted - allowed))
    if not portion.needs <= banner.needs:
        return "the banner does not require a portion's need-to-know groups"
    if (
        portion.groups
        and not (portion.groups & banner.needs)
        and not (banner.groups and banner.groups <= portion.groups)
    ):
        return "the banner admits readers outside a portion's need-to-know groups"
    return None


def check_banner(
    banner: Label, portions: list[Label], owner: str, groups: Mapping[str, Iterable[str]]
) -> Label:
    """``banner`` when it covers each of ``portions``; else `MarkingMismatch` (logged)."""
    shown = marked(banner, owner)
    admitted = expand(shown.rel_to, groups) - {owner} if shown.release is Release.REL else None
    for portion in portions:
        if problem := _uncovered(shown, admitted, portion, owner, groups):
            log.error(
                "marking self-check failed: banner %r over %d portions: %s",
                banner,
                len(portions),
                problem,
            )
            raise MarkingMismatch(
                f"the marking self-check failed ({problem}): nothing was produced"
            )
    return banner

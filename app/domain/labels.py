"""Classification labels and the markings computed from them.

Pure Python, no database and no Qt: a `Label` is a value (level, releasability, need-to-know
groups), a `Scheme` names the levels, and the functions here turn labels into banner lines
and portion marks as domain.md prescribes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.nations import is_nation
from app.domain.texts import said


class Release(StrEnum):
    """How far a record may travel beyond the owning nation."""

    ALL = "ALL"  # no caveat: releasable to anyone cleared
    REL = "REL"  # REL TO a list of nations and groups
    NOFORN = "NOFORN"  # owning nation only


@dataclass(frozen=True)
class Scheme:
    """An ordered list of classification levels, lowest first."""

    key: str
    names: tuple[str, ...]
    abbreviations: tuple[str, ...]

    def name(self, level: int) -> str:
        """Full name of a level, e.g. ``SECRET``."""
        return self.names[level]

    def abbreviation(self, level: int) -> str:
        """Short form used in portion marks, e.g. ``S``."""
        return self.abbreviations[level]

    @property
    def top(self) -> int:
        """The highest level of the scheme."""
        return len(self.names) - 1

    def parse(self, text: str) -> int:
        """Level number for a name or abbreviation (case-insensitive); ValueError if unknown."""
        wanted = " ".join(str(text).split()).upper()
        for index, (name, abbreviation) in enumerate(
            zip(self.names, self.abbreviations, strict=True)
        ):
            if wanted in (name, abbreviation):
                return index
        # the default scheme's short names are accepted in the NATO scheme too (U, R, C, S, TS)
        if wanted in DEFAULT_SCHEME.abbreviations:
            return DEFAULT_SCHEME.abbreviations.index(wanted)
        choices = ", ".join(self.names)
        raise ValueError(
            said(
                "unknown classification {value!r}; use one of {choices}",
                value=text,
                choices=choices,
            )
        )


DEFAULT_SCHEME = Scheme(
    key="default",
    names=("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET"),
    abbreviations=("U", "R", "C", "S", "TS"),
)
NATO_SCHEME = Scheme(
    key="nato",
    names=(
        "NATO UNCLASSIFIED",
        "NATO RESTRICTED",
        "NATO CONFIDENTIAL",
        "NATO SECRET",
        "COSMIC TOP SECRET",
    ),
    abbreviations=("NU", "NR", "NC", "NS", "CTS"),
)
SCHEMES: dict[str, Scheme] = {DEFAULT_SCHEME.key: DEFAULT_SCHEME, NATO_SCHEME.key: NATO_SCHEME}


# Owners whose installations follow the US marking rules (CAPCO register, IC-ISM): every
# classified portion carries a disclosure marking, NOFORN is theirs (docs/MARKINGS.md).
US_OWNERS = frozenset({"USA"})
# CONFIDENTIAL, the lowest US classified level (ISM 00040: U, C, S, TS); RESTRICTED, below it,
# is not a US level: not offered under a US owner (`level_refused`), and revision 0011 raised
# the RESTRICTED records of existing US installations to CONFIDENTIAL
US_LOWEST_CLASSIFIED = 2
RESTRICTED = 1  # the default scheme's RESTRICTED (the NATO scheme's NATO RESTRICTED is NATO's)


def level_refused(level: int, owner: str, scheme: Scheme) -> str | None:
    """Why ``level`` may not be given to a record under ``owner``, or None.

    IC-ISM rule 00040 (as issue 14, item 5 cites it): the US classification levels are U, C, S
    and TS. A US installation's default scheme therefore offers no RESTRICTED: it is neither
    offered nor accepted, and the records of an installation made before were raised to
    CONFIDENTIAL, which protects them at least as well (DoDM 5200.01 vol. 3 protects foreign
    RESTRICTED information as CONFIDENTIAL). NATO RESTRICTED, a NATO level, stays in the NATO
    scheme."""
    if owner in US_OWNERS and scheme.key == DEFAULT_SCHEME.key and level == RESTRICTED:
        return said(
            "RESTRICTED is not a US classification level (U, C, S, TS): choose CONFIDENTIAL, "
            "which protects a record at least as well, or UNCLASSIFIED"
        )
    return None


def needs_disclosure_marking(label: Label, owner: str) -> bool:
    """True for a classified label with no disclosure marking (neither REL TO nor NOFORN) under
    a US owner: ICD 710 and IC-ISM rule 00119 (as issue 14 cites them) allow "no caveat" only
    on UNCLASSIFIED there. `combine` marks a page holding one next to REL TO records NOFORN;
    from CONFIDENTIAL up it is refused when it is set (`refused_without_caveat`)."""
    return owner in US_OWNERS and label.level > 0 and label.release is Release.ALL


def refused_without_caveat(label: Label, owner: str) -> bool:
    """True for a label a record may not be given under a US owner: CONFIDENTIAL or above with
    no disclosure marking (ICD 710, ISM 00119; `RecordService.check_label` refuses it). Records
    stored with one before keep it. RESTRICTED is not a US level at all (`level_refused`)."""
    return needs_disclosure_marking(label, owner) and label.level >= US_LOWEST_CLASSIFIED


@dataclass(frozen=True)
class Label:
    """A classification label: level, releasability and need-to-know groups.

    ``rel_to`` holds nation codes (alpha-3) and group codes (FVEY, NATO, ...) exactly as
    written; it is empty unless ``release`` is ``REL``. The owning nation is added when a label
    is stored, so a REL TO line always names it.

    Need-to-know has the two kinds of category of STANAG 4774.1: ``groups`` is permissive (a
    reader in any one of them qualifies; a record's groups are this), ``needs`` restrictive (a
    reader must be in every one). Only `combine` produces ``needs``: records are stored with
    ``groups`` alone.
    """

    level: int = 0
    release: Release = Release.ALL
    rel_to: frozenset[str] = field(default_factory=frozenset)
    groups: frozenset[str] = field(default_factory=frozenset)
    needs: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        object.__setattr__(self, "release", Release(self.release))
        object.__setattr__(self, "rel_to", frozenset(c.upper() for c in self.rel_to))
        object.__setattr__(self, "groups", frozenset(self.groups))
        object.__setattr__(self, "needs", frozenset(self.needs))
        if self.release is not Release.REL and self.rel_to:
            raise ValueError(said("a REL TO list needs release REL"))
        if self.release is Release.REL and not self.rel_to:
            raise ValueError(said("REL TO needs at least one nation or group"))
        if self.level < 0:
            raise ValueError(said("level must not be negative"))

    def with_owner(self, owner: str) -> Label:
        """The same label with the owning nation in its REL TO list."""
        if self.release is not Release.REL or owner in self.rel_to:
            return self
        return Label(self.level, self.release, self.rel_to | {owner}, self.groups, self.needs)

    @property
    def need_to_know(self) -> tuple[frozenset[str], frozenset[str]]:
        """(every group a reader must be in, groups of which one is enough), normalised: one
        permissive group alone is a restrictive one, and a permissive list one of the
        restrictive groups already satisfies is dropped."""
        needs, groups = self.needs, self.groups
        if len(groups) == 1:
            needs, groups = needs | groups, frozenset()
        if groups & needs:
            groups = frozenset()
        return needs, groups


def need_to_know_text(label: Label) -> str:
    """The need-to-know part of a marking, between the level and the dissemination controls:
    ``NTK SOF`` (a reader needs SOF), ``NTK CYBER-ISR, SOF`` (needs both), ``NTK ONE OF
    CYBER-ISR, SOF`` (either is enough), ``NTK SOF + ONE OF A, B``. Empty without groups. The
    form is this product's own (docs/MARKINGS.md): the CAPCO register has no control for an
    office's own compartments; it takes the place of SCI controls in the banner."""
    needs, groups = label.need_to_know
    parts = [", ".join(sorted(needs))] if needs else []
    if groups:
        parts.append("ONE OF " + ", ".join(sorted(groups)))
    return "NTK " + " + ".join(parts) if parts else ""


def expand(codes: Iterable[str], groups: Mapping[str, Iterable[str]]) -> frozenset[str]:
    """Nation codes named by a REL TO list, groups replaced by their members."""
    nations: set[str] = set()
    for code in codes:
        if code in groups:
            nations.update(groups[code])
        else:
            nations.add(code)
    return frozenset(nations)


def releasability_text(rel_to: Iterable[str], owner: str) -> str:
    """``REL TO USA, JPN, FVEY``: the owning nation first, then the other nations' trigraphs
    alphabetically, then the groups' tetragraphs (FVEY, NATO, …) alphabetically (CAPCO Register
    §A.6; IC-ISM rule 00041). Plain alphabetical order mixes the two. A nation is a known
    nation code (`is_nation`), not any three letters: an office's own group may have a
    three-letter code (``BAL``), and it sorts with the groups."""
    codes = set(rel_to) - {owner}
    nations = sorted(c for c in codes if is_nation(c))
    groups = sorted(c for c in codes if not is_nation(c))
    return "REL TO " + ", ".join(([owner] if owner in set(rel_to) else []) + nations + groups)


def marked(label: Label, owner: str) -> Label:
    """The label as its markings print it: the owning nation in a REL TO list, and a REL TO
    list naming nobody but the owning nation printed as NOFORN (that is who may read it; a
    REL TO line needs a foreign nation, CAPCO Register, REL TO). `marking`, `portion_mark` and
    `combine` all go through here, so one record's banner and portion mark say the same."""
    label = label.with_owner(owner)
    if label.release is Release.REL and label.rel_to <= {owner}:
        return Label(label.level, Release.NOFORN, groups=label.groups, needs=label.needs)
    return label


def marking(label: Label, scheme: Scheme, owner: str) -> str:
    """Banner line for one label, e.g. ``SECRET//REL TO USA, GBR`` or ``UNCLASSIFIED``; NATO
    information held by a US owner ``//NATO SECRET//REL TO USA, GBR`` (`level_text`)."""
    return _join(level_text(label.level, scheme, owner), label, owner)


def portion_mark(label: Label, scheme: Scheme, owner: str) -> str:
    """Portion mark for one label, e.g. ``(S//REL TO USA, GBR)``, ``(S//NF)`` or ``(U)``: NOFORN
    is abbreviated NF in a portion mark and spelled out in a banner (CAPCO Register, NOFORN);
    NATO information held by a US owner ``(//NS//REL TO USA, GBR)``."""
    return "(" + _join(level_text(label.level, scheme, owner, True), label, owner, True) + ")"


def level_text(level: int, scheme: Scheme, owner: str, portion: bool = False) -> str:
    """The classification part of a marking: the level's name (banner) or abbreviation
    (portion). Under a US owner the NATO scheme's levels are NATO information held by the US,
    marked as the CAPCO register marks non-US classifications: in the non-US classification
    slot, after a leading ``//`` (``//NATO SECRET``, ``//COSMIC TOP SECRET``, portions ``(//NS)``,
    ``(//CTS)``), the US dissemination controls after it (issue 14, item 6; DoDM 5200.01
    vol. 2 encl. 4, NATO information in US documents). Other owners print NATO's own level
    names as they are (``NATO SECRET``, ``(NS)``)."""
    text = scheme.abbreviation(level) if portion else scheme.name(level)
    if owner in US_OWNERS and scheme.key == NATO_SCHEME.key:
        return "//" + text
    return text


def _join(level_text: str, label: Label, owner: str, portion: bool = False) -> str:
    label = marked(label, owner)
    parts = [level_text]
    if ntk := need_to_know_text(label):
        parts.append(ntk)
    if label.release is Release.NOFORN:
        parts.append("NF" if portion else "NOFORN")
    elif label.release is Release.REL:
        parts.append(releasability_text(label.with_owner(owner).rel_to, owner))
    return "//".join(parts)


def combine_need_to_know(labels: list[Label]) -> tuple[frozenset[str], frozenset[str]]:
    """(restrictive, permissive) need-to-know of a page, as STANAG 4774.1 combines categories:
    restrictive ones united, permissive ones intersected. A permissive list a restrictive group
    satisfies is dropped (its reader has that group); an intersection of one group is that
    group required; an empty intersection (``A or B`` beside ``C or D``) makes every group of
    those lists required, never a label nobody could be given. A reader the result admits may
    read every record of the page (property-tested against the read rule)."""
    parts = [label.need_to_know for label in labels]
    needs = frozenset().union(*(n for n, _ in parts))
    lists = [g for _, g in parts if g and not g & needs]
    if not lists:
        return needs, frozenset()
    shared = frozenset.intersection(*lists)
    if len(shared) > 1:
        return needs, shared
    return needs | (shared or frozenset().union(*lists)), frozenset()


def combine(labels: Iterable[Label], owner: str, groups: Mapping[str, Iterable[str]]) -> Label:
    """The label of a page or report holding several records.

    Highest level; NOFORN wins; otherwise the intersection of the REL TO lists (groups
    expanded so that ``FVEY`` and ``GBR`` meet at ``GBR``, the codes every list names itself
    kept, so one record's banner is its portion mark); unclassified records without caveat do
    not narrow it. Classified records without caveat do not narrow it either, except under a
    US owner, where one next to a REL TO record makes the banner NOFORN (see below). An
    intersection that leaves only the owning nation is NOFORN. Need-to-know groups combine as
    STANAG 4774.1 says (`combine_need_to_know`): records of groups A and B make a page that
    needs A and B. No labels at all: UNCLASSIFIED.
    """
    labels = list(labels)
    level = max((label.level for label in labels), default=0)
    needs, permissive = combine_need_to_know(labels)
    ntk = {"groups": permissive, "needs": needs}
    if any(label.release is Release.NOFORN for label in labels):
        return Label(level, Release.NOFORN, **ntk)
    restricted = [label for label in labels if label.release is Release.REL]
    if not restricted:
        return Label(level, Release.ALL, **ntk)
    if any(needs_disclosure_marking(label, owner) for label in labels):
        # Under a US owner every classified portion needs a disclosure marking (ICD 710; IC-ISM
        # rule 00119 as issue 14 cites it), and a banner may say REL TO only when every
        # classified portion is REL TO (IC-ISM rule 00088). A classified portion without one
        # has had no release decision, so it is not releasable: next to REL TO portions the
        # banner takes the more restrictive form, NOFORN, never the other portions' REL TO list
        # (which would release it) and never no caveat (which would release the REL TO
        # portions to everyone).
        return Label(level, Release.NOFORN, **ntk)
    # keep group names when every restricted label names the group itself
    shared_groups = frozenset.intersection(
        *(frozenset(c for c in label.rel_to if c in groups) for label in restricted)
    )
    # and nation codes every restricted label names itself (issue 14, item 3: REL TO GBR, FVEY
    # alone on a page is REL TO USA, GBR, FVEY, as its portion mark says, not USA, FVEY)
    shared_nations = frozenset.intersection(
        *(
            frozenset(c for c in label.with_owner(owner).rel_to if c not in groups)
            for label in restricted
        )
    )
    nations = frozenset.intersection(
        *(expand(label.with_owner(owner).rel_to, groups) for label in restricted)
    ) | {owner}
    covered = expand(shared_groups, groups)
    codes = shared_groups | (nations - covered) | (shared_nations & nations)
    if codes - {owner} == frozenset() or codes == {owner}:
        return Label(level, Release.NOFORN, **ntk)
    return Label(level, Release.REL, frozenset(codes) | {owner}, **ntk)


def parse_releasability(text: str | None) -> tuple[Release, frozenset[str]]:
    """Read a ``releasable_to`` cell: empty, ``NOFORN``, or codes separated by commas/spaces.

    ``REL TO`` in front is accepted, but never alone: ``REL TO`` naming no nation (``REL TO``,
    ``REL TO ,``, ``rel to``) is refused, not read as releasable to all (it would fail open).
    Codes are upper-cased; whether they are known nations or groups is for the caller to check.
    """
    cleaned = (text or "").replace(",", " ").split()
    if cleaned[:2] and [w.upper() for w in cleaned[:2]] == ["REL", "TO"]:
        cleaned = cleaned[2:]
        if not cleaned:
            raise ValueError(said("REL TO needs at least one nation or group"))
    if not cleaned:
        return Release.ALL, frozenset()
    words = [w.upper() for w in cleaned]
    if words == ["NOFORN"]:
        return Release.NOFORN, frozenset()
    if "NOFORN" in words:
        raise ValueError(said("NOFORN cannot be combined with nations"))
    return Release.REL, frozenset(words)


def releasability_cell(label: Label) -> str:
    """The ``releasable_to`` cell written by exports; `parse_releasability` reads it back."""
    if label.release is Release.NOFORN:
        return "NOFORN"
    if label.release is Release.REL:
        return " ".join(sorted(label.rel_to))
    return ""


def is_downgrade(old: Label, new: Label, owner: str, groups: Mapping[str, Iterable[str]]) -> bool:
    """True when ``new`` lowers the level or lets the record reach readers ``old`` did not.

    Widening releasability: NOFORN to anything else, REL TO to no caveat, or a REL TO list that
    admits a nation the old one did not. Removing a need-to-know group also widens access.
    """
    if new.level < old.level:
        return True
    if old.groups and (not new.groups or not new.groups <= old.groups):
        return True
    return _audience_wider(old, new, owner, groups)


def _audience_wider(
    old: Label, new: Label, owner: str, groups: Mapping[str, Iterable[str]]
) -> bool:
    if old.release is Release.ALL:
        return False
    if new.release is Release.ALL:
        return True
    if new.release is Release.NOFORN:
        return False
    if old.release is Release.NOFORN:
        return bool(expand(new.rel_to, groups) - {owner})
    before = expand(old.with_owner(owner).rel_to, groups)
    after = expand(new.with_owner(owner).rel_to, groups)
    return not after <= before

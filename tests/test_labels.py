"""Markings from labels: banner lines, portion marks, combined markings, downgrades."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.labels import (
    DEFAULT_SCHEME,
    NATO_SCHEME,
    Label,
    Release,
    combine,
    expand,
    is_downgrade,
    marking,
    needs_disclosure_marking,
    parse_releasability,
    portion_mark,
    releasability_cell,
    releasability_text,
)
from app.domain.vocab import Role
from app.security.policy import can_read
from app.security.principal import Actor

OWNER = "USA"
GROUPS = {
    "FVEY": frozenset({"AUS", "CAN", "GBR", "NZL", "USA"}),
    "BALT": frozenset({"EST", "LVA", "LTU"}),
}


def rel(*codes: str, level: int = 3) -> Label:
    return Label(level, Release.REL, frozenset(codes))


def test_banner_lines_follow_domain_examples() -> None:
    assert marking(rel("USA", "GBR"), DEFAULT_SCHEME, OWNER) == "SECRET//REL TO USA, GBR"
    assert marking(Label(2, Release.NOFORN), DEFAULT_SCHEME, OWNER) == "CONFIDENTIAL//NOFORN"
    assert marking(Label(0), DEFAULT_SCHEME, OWNER) == "UNCLASSIFIED"
    # NATO information held by a US owner: the non-US classification slot (issue 14, item 6)
    assert marking(Label(3, Release.NOFORN), NATO_SCHEME, OWNER) == "//NATO SECRET//NOFORN"


def test_owner_first_then_alphabetical_and_owner_always_included() -> None:
    assert (
        marking(rel("NZL", "AUS", "GBR"), DEFAULT_SCHEME, OWNER)
        == "SECRET//REL TO USA, AUS, GBR, NZL"
    )
    # a group with a three-letter code is a group, not a nation: it sorts after the nations
    assert (
        marking(rel("NATO", "BAL", "EST"), DEFAULT_SCHEME, OWNER)
        == "SECRET//REL TO USA, EST, BAL, NATO"
    )


def test_portion_marks() -> None:
    assert portion_mark(rel("GBR", "USA"), DEFAULT_SCHEME, OWNER) == "(S//REL TO USA, GBR)"
    assert portion_mark(Label(0), DEFAULT_SCHEME, OWNER) == "(U)"
    assert portion_mark(Label(4, Release.NOFORN), DEFAULT_SCHEME, OWNER) == "(TS//NF)"


def test_combined_marking_takes_highest_level_and_intersection() -> None:
    page = combine(
        [rel("GBR", "AUS", level=1), rel("GBR", "CAN", level=3), Label(0)], OWNER, GROUPS
    )
    assert marking(page, DEFAULT_SCHEME, OWNER) == "SECRET//REL TO USA, GBR"


def test_noforn_wins_and_empty_intersection_is_noforn() -> None:
    assert combine([rel("GBR"), Label(2, Release.NOFORN)], OWNER, GROUPS).release is Release.NOFORN
    assert combine([rel("GBR"), rel("FRA")], OWNER, GROUPS).release is Release.NOFORN


def test_groups_meet_their_members() -> None:
    page = combine([rel("FVEY"), rel("GBR", "FRA")], OWNER, GROUPS)
    assert marking(page, DEFAULT_SCHEME, OWNER) == "SECRET//REL TO USA, GBR"
    assert (
        marking(combine([rel("FVEY"), rel("FVEY", level=1)], OWNER, GROUPS), DEFAULT_SCHEME, OWNER)
        == "SECRET//REL TO USA, FVEY"
    )


@pytest.mark.parametrize(
    ("codes", "owner", "expected"),
    [
        ({"FVEY", "JPN", "USA"}, "USA", "REL TO USA, JPN, FVEY"),  # ISM 00041: nations, then groups
        ({"NATO", "AUS", "FVEY", "CAN", "USA"}, "USA", "REL TO USA, AUS, CAN, FVEY, NATO"),
        ({"GBR", "USA"}, "USA", "REL TO USA, GBR"),
        ({"USA", "FRA", "DEU"}, "FRA", "REL TO FRA, DEU, USA"),
        ({"ACGU", "NZL"}, "GBR", "REL TO NZL, ACGU"),  # the owner absent: none put first
    ],
)
def test_rel_to_lists_owner_first_then_trigraphs_then_tetragraphs(
    codes: set, owner: str, expected: str
) -> None:
    assert releasability_text(codes, owner) == expected


@pytest.mark.parametrize(
    ("label", "portion", "banner"),
    [
        (Label(3, Release.NOFORN), "(S//NF)", "SECRET//NOFORN"),
        (Label(1, Release.NOFORN), "(R//NF)", "RESTRICTED//NOFORN"),
        (Label(3, Release.REL, frozenset({"FVEY", "JPN"})), "(S//REL TO USA, JPN, FVEY)", None),
    ],
)
def test_noforn_is_nf_in_a_portion_and_spelled_out_in_a_banner(
    label: Label, portion: str, banner: str | None
) -> None:
    assert portion_mark(label, DEFAULT_SCHEME, OWNER) == portion
    if banner:
        assert marking(label, DEFAULT_SCHEME, OWNER) == banner


def test_nothing_on_the_page_is_unclassified() -> None:
    assert marking(combine([], OWNER, GROUPS), DEFAULT_SCHEME, OWNER) == "UNCLASSIFIED"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("", (Release.ALL, frozenset())),
        ("NOFORN", (Release.NOFORN, frozenset())),
        ("usa, gbr", (Release.REL, frozenset({"USA", "GBR"}))),
        ("REL TO USA GBR", (Release.REL, frozenset({"USA", "GBR"}))),
        ("FVEY", (Release.REL, frozenset({"FVEY"}))),
    ],
)
def test_releasability_cells(cell: str, expected: tuple) -> None:
    assert parse_releasability(cell) == expected


@pytest.mark.parametrize("cell", ["REL TO", "REL TO ,", "rel to", " Rel To , , ", "REL TO,"])
def test_rel_to_naming_no_nation_is_refused_never_read_as_releasable_to_all(cell: str) -> None:
    with pytest.raises(ValueError, match="at least one nation"):
        parse_releasability(cell)


def test_noforn_mixed_with_nations_is_refused() -> None:
    with pytest.raises(ValueError, match="NOFORN"):
        parse_releasability("NOFORN GBR")


def test_scheme_parses_names_and_abbreviations() -> None:
    assert DEFAULT_SCHEME.parse("ts") == 4
    assert DEFAULT_SCHEME.parse("Top  Secret") == 4
    assert NATO_SCHEME.parse("NS") == 3
    assert NATO_SCHEME.parse("S") == 3
    with pytest.raises(ValueError, match="unknown classification"):
        DEFAULT_SCHEME.parse("SECRETISH")


NATIONS = ["USA", "GBR", "AUS", "CAN", "NZL", "FRA", "EST", "LVA", "LTU"]
codes = st.sampled_from(NATIONS + list(GROUPS))
labels = st.builds(
    lambda level, mode, rel_to, groups: Label(
        level, mode, frozenset(rel_to) if mode is Release.REL else frozenset(), frozenset(groups)
    ),
    st.integers(0, 4),
    st.sampled_from(list(Release)),
    st.sets(codes, min_size=1, max_size=4),
    st.sets(st.sampled_from(["A", "B"]), max_size=2),
)


def admitted(label: Label, nation: str) -> bool:
    """Reference: may a fully cleared user of `nation` in every group read this label?"""
    actor = Actor(1, "x", Role.VIEWER, 9, nation, frozenset({"A", "B"}))
    return can_read(actor, label, OWNER, GROUPS)


@settings(max_examples=300, deadline=None)
@given(st.lists(labels, max_size=5))
def test_combined_releasability_admits_exactly_the_nations_every_record_admits(
    page: list[Label],
) -> None:
    combined = combine(page, OWNER, GROUPS)
    assert combined.level == max((label.level for label in page), default=0)
    if any(label.release is Release.NOFORN for label in page):
        assert combined.release is Release.NOFORN
    # ISM 00088 under a US owner: a classified portion without a disclosure marking next to a
    # REL TO one makes the page NOFORN (it admits fewer than the records would, never more)
    if any(label.level and label.release is Release.ALL for label in page) and any(
        label.release is Release.REL for label in page
    ):
        assert combined.release is Release.NOFORN
        return
    for nation in NATIONS:
        if nation == OWNER:
            continue
        expected = all(admitted(Label(0, label.release, label.rel_to), nation) for label in page)
        assert admitted(Label(0, combined.release, combined.rel_to), nation) == expected, nation


@settings(max_examples=300, deadline=None)
@given(st.lists(labels, max_size=5), st.sampled_from(["GBR", "FRA"]))
def test_elsewhere_the_combined_releasability_admits_exactly_what_every_record_admits(
    page: list[Label], owner: str
) -> None:
    """Owners outside the US rules: a record without caveat is releasable to all at any level
    and does not narrow the page's REL TO list."""
    combined = combine(page, owner, GROUPS)
    for nation in NATIONS:
        if nation == owner:
            continue
        actor = Actor(1, "x", Role.VIEWER, 9, nation, frozenset({"A", "B"}))
        expected = all(
            can_read(actor, Label(0, label.release, label.rel_to), owner, GROUPS) for label in page
        )
        got = can_read(actor, Label(0, combined.release, combined.rel_to), owner, GROUPS)
        assert got == expected, nation


def readers() -> list[Actor]:
    result = []
    for level in range(5):
        for nation in [*NATIONS, "JPN"]:  # JPN: named by no label, stands for everyone else
            for groups in (frozenset(), frozenset({"A"}), frozenset({"B"}), frozenset({"A", "B"})):
                result.append(Actor(1, "x", Role.VIEWER, level, nation, groups))
    return result


READERS = readers()


@settings(max_examples=300, deadline=None)
@given(labels, labels)
def test_downgrade_means_someone_new_can_read(old: Label, new: Label) -> None:
    widened = any(
        can_read(a, new.with_owner(OWNER), OWNER, GROUPS)
        and not can_read(a, old.with_owner(OWNER), OWNER, GROUPS)
        for a in READERS
    )
    assert is_downgrade(old, new, OWNER, GROUPS) == widened


def test_cell_round_trip() -> None:
    label = rel("GBR", "FVEY")
    assert parse_releasability(releasability_cell(label)) == (label.release, label.rel_to)
    assert expand(["FVEY", "FRA"], GROUPS) == GROUPS["FVEY"] | {"FRA"}


# --- one record, one marking (issue 14, item 3) ----------------------------------------------

FVEY_NATO = {**GROUPS, "NATO": frozenset({"CAN", "DEU", "EST", "FRA", "GBR", "USA"})}


@pytest.mark.parametrize(
    ("owner", "scheme", "label", "portion", "banner"),
    [
        ("USA", DEFAULT_SCHEME, rel("GBR", "FVEY", level=2),
         "(C//REL TO USA, GBR, FVEY)", "CONFIDENTIAL//REL TO USA, GBR, FVEY"),
        ("USA", DEFAULT_SCHEME, rel("FVEY", "JPN"),
         "(S//REL TO USA, JPN, FVEY)", "SECRET//REL TO USA, JPN, FVEY"),
        ("USA", DEFAULT_SCHEME, rel("FVEY", "NATO", "DEU", "GBR"),
         "(S//REL TO USA, DEU, GBR, FVEY, NATO)", "SECRET//REL TO USA, DEU, GBR, FVEY, NATO"),
        ("USA", DEFAULT_SCHEME, rel("USA"), "(S//NF)", "SECRET//NOFORN"),
        ("USA", DEFAULT_SCHEME, Label(4, Release.NOFORN), "(TS//NF)", "TOP SECRET//NOFORN"),
        ("USA", DEFAULT_SCHEME, Label(0), "(U)", "UNCLASSIFIED"),
        ("USA", NATO_SCHEME, rel("GBR", "FVEY", level=2),
         "(//NC//REL TO USA, GBR, FVEY)", "//NATO CONFIDENTIAL//REL TO USA, GBR, FVEY"),
        ("USA", NATO_SCHEME, Label(0), "(//NU)", "//NATO UNCLASSIFIED"),
        ("USA", NATO_SCHEME, Label(4, Release.NOFORN), "(//CTS//NF)",
         "//COSMIC TOP SECRET//NOFORN"),
        ("USA", NATO_SCHEME, rel("NATO", level=3), "(//NS//REL TO USA, NATO)",
         "//NATO SECRET//REL TO USA, NATO"),
        ("USA", NATO_SCHEME, Label(1, Release.REL, frozenset({"GBR"})), "(//NR//REL TO USA, GBR)",
         "//NATO RESTRICTED//REL TO USA, GBR"),
        ("GBR", DEFAULT_SCHEME, rel("FVEY", "USA", level=2),
         "(C//REL TO GBR, USA, FVEY)", "CONFIDENTIAL//REL TO GBR, USA, FVEY"),
        ("GBR", DEFAULT_SCHEME, rel("AUS", "FVEY", "BALT"),
         "(S//REL TO GBR, AUS, BALT, FVEY)", "SECRET//REL TO GBR, AUS, BALT, FVEY"),
        ("GBR", NATO_SCHEME, rel("NATO", "EST", level=3),
         "(NS//REL TO GBR, EST, NATO)", "NATO SECRET//REL TO GBR, EST, NATO"),
        ("GBR", DEFAULT_SCHEME, Label(1), "(R)", "RESTRICTED"),
        ("FRA", DEFAULT_SCHEME, rel("DEU", "NATO", level=2),
         "(C//REL TO FRA, DEU, NATO)", "CONFIDENTIAL//REL TO FRA, DEU, NATO"),
        ("FRA", NATO_SCHEME, rel("GBR", "FVEY", level=4),
         "(CTS//REL TO FRA, GBR, FVEY)", "COSMIC TOP SECRET//REL TO FRA, GBR, FVEY"),
        ("FRA", NATO_SCHEME, rel("FRA", level=1), "(NR//NF)", "NATO RESTRICTED//NOFORN"),
    ],
)  # fmt: skip
def test_one_record_alone_on_a_page_is_marked_as_its_portion_says(
    owner: str, scheme, label: Label, portion: str, banner: str
) -> None:
    assert portion_mark(label, scheme, owner) == portion
    assert marking(label, scheme, owner) == banner
    assert marking(combine([label], owner, FVEY_NATO), scheme, owner) == banner
    assert marking(combine([label, label], owner, FVEY_NATO), scheme, owner) == banner


def dissemination(text: str) -> tuple[str, str, list[str]]:
    """(need-to-know, controls, REL TO codes in order) of a banner or portion mark's text
    after the level."""
    _level, _, rest = text.strip("()").removeprefix("//").partition("//")
    ntk = ""
    if rest.startswith("NTK "):
        ntk, _, rest = rest.partition("//")
    if rest.startswith("REL TO "):
        return ntk, "REL", rest.removeprefix("REL TO ").split(", ")
    return ntk, {"NF": "NOFORN"}.get(rest, rest), []


@settings(max_examples=300, deadline=None)
@given(
    labels,
    st.sampled_from(["USA", "GBR", "FRA"]),
    st.sampled_from([DEFAULT_SCHEME, NATO_SCHEME]),
)
def test_banner_of_one_label_says_what_its_portion_mark_says(
    label: Label, owner: str, scheme
) -> None:
    banner = marking(combine([label], owner, FVEY_NATO), scheme, owner)
    portion = portion_mark(label, scheme, owner)
    held = "//" if owner == "USA" and scheme is NATO_SCHEME else ""  # NATO information, US-held
    assert banner.startswith(held + scheme.name(label.level))
    assert banner.removeprefix(held).partition("//")[0] == scheme.name(label.level)
    assert portion.strip("()").removeprefix(held).partition("//")[0] == scheme.abbreviation(
        label.level
    )
    assert dissemination(banner) == dissemination(portion)


# --- classified portions without a disclosure marking (issue 14, item 4) ----------------------


@pytest.mark.parametrize(
    ("owner", "page", "banner"),
    [
        # ISM 00088: REL TO only when every classified portion is REL TO; (C) has no marking
        ("USA", [Label(2), rel("GBR", "USA")], "SECRET//NOFORN"),
        ("USA", [rel("FVEY", level=2), Label(1), rel("FVEY")], "SECRET//NOFORN"),
        # unclassified portions need none: they do not narrow the banner
        ("USA", [Label(0), rel("GBR", "USA")], "SECRET//REL TO USA, GBR"),
        # only portions without a marking: nothing to intersect, the banner says what they say
        ("USA", [Label(2), Label(3)], "SECRET"),
        ("USA", [Label(2), Label(3, Release.NOFORN)], "SECRET//NOFORN"),
        # outside the US rules no caveat is releasable to all and does not narrow REL TO
        ("GBR", [Label(2), rel("USA", "GBR")], "SECRET//REL TO GBR, USA"),
        ("FRA", [Label(3), rel("DEU", level=2)], "SECRET//REL TO FRA, DEU"),
    ],
)
def test_a_classified_portion_without_disclosure_marking_is_never_released_by_the_banner(
    owner: str, page: list[Label], banner: str
) -> None:
    assert marking(combine(page, owner, GROUPS), DEFAULT_SCHEME, owner) == banner


def test_only_classified_labels_without_a_disclosure_marking_need_one_and_only_under_usa() -> None:
    assert needs_disclosure_marking(Label(2), "USA")
    assert needs_disclosure_marking(Label(1), "USA")
    assert not needs_disclosure_marking(Label(0), "USA")
    assert not needs_disclosure_marking(Label(3, Release.NOFORN), "USA")
    assert not needs_disclosure_marking(rel("GBR"), "USA")
    assert not needs_disclosure_marking(Label(2), "GBR")


# --- need-to-know in markings (issue 14, item 7) ----------------------------------------------


def ntk(*groups: str, level: int = 3, rel_to: tuple[str, ...] = ("GBR",)) -> Label:
    return Label(level, Release.REL, frozenset(rel_to), frozenset(groups))


@pytest.mark.parametrize(
    ("page", "banner"),
    [
        ([ntk("SOF")], "SECRET//NTK SOF//REL TO USA, GBR"),
        ([ntk("SOF", "CYBER")], "SECRET//NTK ONE OF CYBER, SOF//REL TO USA, GBR"),
        # restrictive parts united: a page of A and B records needs A and B
        ([ntk("A"), ntk("B")], "SECRET//NTK A, B//REL TO USA, GBR"),
        # permissive parts intersected
        ([ntk("A", "B", "C"), ntk("B", "C", "D")], "SECRET//NTK ONE OF B, C//REL TO USA, GBR"),
        ([ntk("A", "B"), ntk("B", "C")], "SECRET//NTK B//REL TO USA, GBR"),
        # a reader of A satisfies "A or B": the permissive list drops
        ([ntk("A"), ntk("A", "B")], "SECRET//NTK A//REL TO USA, GBR"),
        ([ntk("A"), ntk("B", "C")], "SECRET//NTK A + ONE OF B, C//REL TO USA, GBR"),
        # nothing shared: every group of the lists is needed (never a label nobody can hold)
        ([ntk("A", "B"), ntk("C", "D")], "SECRET//NTK A, B, C, D//REL TO USA, GBR"),
        # records without groups do not loosen the page's need-to-know
        ([ntk("A"), rel("GBR")], "SECRET//NTK A//REL TO USA, GBR"),
        # NOFORN and the groups: need-to-know sits between level and dissemination
        ([Label(2, Release.NOFORN, groups=frozenset({"SOF"}))], "CONFIDENTIAL//NTK SOF//NOFORN"),
    ],
)
def test_need_to_know_groups_appear_and_combine_as_stanag_4774_1(
    page: list[Label], banner: str
) -> None:
    assert marking(combine(page, OWNER, GROUPS), DEFAULT_SCHEME, OWNER) == banner


def test_need_to_know_in_a_portion_mark() -> None:
    label = Label(3, Release.NOFORN, groups=frozenset({"SOF", "CYBER"}))
    assert portion_mark(label, DEFAULT_SCHEME, OWNER) == "(S//NTK ONE OF CYBER, SOF//NF)"
    unclassified = Label(0, groups=frozenset({"SOF"}))
    assert portion_mark(unclassified, DEFAULT_SCHEME, "GBR") == "(U//NTK SOF)"


MEMBERSHIPS = [frozenset(s) for s in ([], ["A"], ["B"], ["C"], ["A", "B"], ["B", "C"], ["A", "C"])]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sets(st.sampled_from(["A", "B", "C"]), max_size=3), max_size=5))
def test_a_reader_the_page_marking_admits_may_read_every_record_on_it(
    group_sets: list[set[str]],
) -> None:
    """Soundness of the combined need-to-know against the read rule: the page never admits a
    reader who may not read one of its records, and a reader of every group is admitted."""
    page = [Label(0, groups=frozenset(g)) for g in group_sets]
    combined = combine(page, OWNER, GROUPS)
    for member_of in [*MEMBERSHIPS, frozenset({"A", "B", "C"})]:
        reader = Actor(1, "x", Role.VIEWER, 9, OWNER, member_of)
        if can_read(reader, combined, OWNER, GROUPS):
            assert all(can_read(reader, label, OWNER, GROUPS) for label in page), member_of
    everyone = Actor(1, "x", Role.VIEWER, 9, OWNER, frozenset({"A", "B", "C"}))
    assert can_read(everyone, combined, OWNER, GROUPS)

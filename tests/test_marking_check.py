"""The marking self-check (issue 14): a banner must cover every portion it stands above, or
nothing is produced (`app.domain.marking_check`)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import labels as marks
from app.domain.labels import Label, Release, combine
from app.domain.marking_check import MarkingMismatch, check_banner, uncovered
from app.services.desk import Desk

GROUPS = {"FVEY": ["USA", "GBR", "CAN", "AUS", "NZL"], "NATO": ["USA", "GBR", "FRA", "DEU"]}


def rel(*codes: str, level: int = 2) -> Label:
    return Label(level, Release.REL, frozenset(codes))


@pytest.mark.parametrize(
    ("banner", "portion", "why"),
    [
        (Label(2, Release.NOFORN), Label(3, Release.NOFORN), "level"),
        (rel("GBR"), Label(2, Release.NOFORN), "NOFORN"),
        (Label(2), rel("GBR"), "no caveat"),
        (rel("GBR", "FRA"), rel("GBR"), "releases to FRA"),
        (rel("FVEY"), rel("GBR", "CAN"), "releases to AUS, NZL"),
        (Label(2, Release.NOFORN), Label(2, Release.NOFORN, groups=frozenset({"SOF"})), "need"),
        (
            Label(2, Release.NOFORN, groups=frozenset({"A", "B"})),
            Label(2, Release.NOFORN, needs=frozenset({"A"})),
            "need-to-know",
        ),
    ],
)
def test_an_understating_banner_is_caught(banner: Label, portion: Label, why: str) -> None:
    problem = uncovered(banner, portion, "USA", GROUPS)
    assert problem is not None and why in problem
    with pytest.raises(MarkingMismatch, match="nothing was produced"):
        check_banner(banner, [Label(0), portion], "USA", GROUPS)


@pytest.mark.parametrize(
    ("banner", "portion"),
    [
        (Label(3, Release.NOFORN), rel("GBR")),  # NOFORN covers any REL TO
        (rel("GBR"), rel("FVEY")),  # GBR is in FVEY
        (Label(2, Release.NOFORN, needs=frozenset({"A", "B"})), Label(2, groups=frozenset("A"))),
        (Label(2, groups=frozenset({"A", "B"})), Label(2, groups=frozenset({"A", "B", "C"}))),
        (rel("USA"), Label(2, Release.NOFORN)),  # REL TO the owner alone is NOFORN
    ],
)
def test_a_banner_that_covers_passes(banner: Label, portion: Label) -> None:
    assert uncovered(banner, portion, "USA", GROUPS) is None
    assert check_banner(banner, [portion], "USA", GROUPS) is banner


labels = st.builds(
    lambda level, release, codes, groups: Label(
        level,
        release,
        (codes or frozenset({"GBR"})) if release is Release.REL else frozenset(),
        groups,
    ),
    st.integers(0, 4),
    st.sampled_from(list(Release)),
    st.frozensets(st.sampled_from(["GBR", "FRA", "CAN", "JPN", "FVEY", "NATO"]), max_size=3),
    st.frozensets(st.sampled_from(["A", "B", "C"]), max_size=2),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(labels, max_size=6), st.sampled_from(["USA", "GBR", "FRA"]))
def test_every_combination_passes_its_own_self_check(portions: list[Label], owner: str) -> None:
    banner = combine(portions, owner, GROUPS)
    assert check_banner(banner, portions, owner, GROUPS) is banner


def _sabotage(monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken `combine` that understates every page: the check must stop what it marks."""
    monkeypatch.setattr(marks, "combine", lambda labels, owner, groups: Label(0))


def test_a_report_with_an_understated_banner_is_not_written(
    qapp,  # noqa: ANN001 - it renders with Qt
    admin: Desk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from app.reports import render_report

    admin.agreements.create(
        {"title": "Staff talks", "kind": "memorandum_of_understanding", "parties": ["USA", "GBR"]},
        label=Label(3, Release.NOFORN),
    )
    _sabotage(monkeypatch)
    (folder := tmp_path / "out").mkdir()
    out = folder / "agreements.pdf"
    with caplog.at_level(logging.ERROR, logger="app.markings"), pytest.raises(MarkingMismatch):
        render_report(admin, "agreements", {}, out)
    assert list(folder.iterdir()) == []  # no file, no partial file, no label
    assert "marking self-check failed" in caplog.text
    assert admin.audit.count(action="report") == 0  # nothing printed, nothing said printed


def test_an_export_with_an_understated_marking_is_not_written(
    admin: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.transfer import export_file

    admin.people.create(
        {"family_name": "Hidden", "nation_code": "USA"}, label=Label(3, Release.NOFORN)
    )
    _sabotage(monkeypatch)
    (folder := tmp_path / "out").mkdir()
    out = folder / "people.csv"
    with pytest.raises(MarkingMismatch):
        export_file(admin, "people", out)
    assert list(folder.iterdir()) == []


def test_the_same_banner_is_combined_once_and_again_when_groups_change(
    admin: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A list's banner is asked for at every scroll from the same labels (thousands at a
    million records): combined once, unless a nation group changed meanwhile."""
    calls: list[int] = []
    real = marks.combine

    def counted(labels, owner, groups):  # noqa: ANN001, ANN202
        calls.append(1)
        return real(labels, owner, groups)

    admin.users.save_nation_group("ALLY", "Allies", ["GBR", "FRA"])
    monkeypatch.setattr(marks, "combine", counted)
    page = [Label(2, Release.REL, frozenset({"ALLY"})), Label(1, Release.REL, frozenset({"GBR"}))]
    first = admin.combined(page)
    assert admin.combined(list(reversed(page))) == first and len(calls) == 1
    assert admin.marking(first) == "CONFIDENTIAL//REL TO USA, GBR"
    admin.users.save_nation_group("ALLY", "Allies", ["FRA", "DEU"], reason="GBR left")
    after = admin.combined(page)  # GBR left ALLY: the ALLY record is no longer GBR's
    assert len(calls) == 2 and admin.marking(after) == "CONFIDENTIAL//NOFORN"

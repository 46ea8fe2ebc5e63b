"""The demo data set: written through the services, reproducible, covering every label and
script."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.labels import Label, Release
from app.security.auth import authenticate
from app.services import demo
from app.services.desk import Desk
from app.services.errors import PermissionDenied
from app.services.setup import initialise
from tests.helpers import PASSWORD

TODAY = dt.date(2026, 5, 14)
SMALL = {"people": 40, "exchanges": 10, "seed": 7, "today": TODAY}


def _labels(desk: Desk) -> list[Label]:
    """Labels of every record the desk's user sees, over every kind the database has a service
    for."""
    found: list[Label] = []
    for name in ("people", "agreements", "exchanges", "participations", "liaison", "contact_log"):
        page = getattr(desk, name).list(limit=100000)
        found.extend(page.labels[r.label_id] for r in page.records)
    return found


def _scripts(text: str) -> set[str]:
    """Unicode script words (GREEK, CYRILLIC, HANGUL, CJK, ARABIC, ...) of the non-Latin letters in
    text."""
    return {
        unicodedata.name(c).split()[0]
        for c in text
        if c.isalpha() and not unicodedata.name(c).startswith("LATIN")
    }


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Desk, dict[str, int]]]:
    """A database filled at a small size, shared by the tests that only read it."""
    database = initialise(
        tmp_path_factory.mktemp("demo") / "demo.sqlite", "USA", "default", "admin", PASSWORD
    )
    admin = Desk(database, "admin")
    yield admin, demo.fill(admin, **SMALL)
    database.dispose()


def test_fill_creates_every_kind_through_the_services(filled: tuple[Desk, dict[str, int]]) -> None:
    desk, counts = filled
    everything = Desk(desk.db, "sof.coordinator")  # TOP SECRET, owning nation, in both compartments
    assert counts["people"] == 40 and everything.people.count() == 40 and desk.people.count() < 40
    assert counts["agreements"] >= 4 and everything.agreements.count() == counts["agreements"]
    assert counts["liaison"] >= 1 and counts["contact_log"] >= 1
    assert counts["users"] == len(demo.demo_users("USA")) and counts["groups"] == 2
    assert counts["exchanges"] == 10
    assert counts["participations"] > 0
    # every create was audited, and the chain verifies
    assert desk.audit.count(action="create", kind="person") == 40
    assert desk.audit.verify().problems == []


def test_fill_covers_every_level_release_and_group(filled: tuple[Desk, dict[str, int]]) -> None:
    desk, _counts = filled
    labels = _labels(
        Desk(desk.db, "sof.coordinator")
    )  # TOP SECRET, in both compartments: sees everything
    assert len(labels) > len(_labels(desk))  # the administrator is in no compartment
    # every level the owner has: RESTRICTED is not a US level (issue 14, item 5)
    assert {label.level for label in labels} == {0, 2, 3, 4}
    assert any(label.release is Release.NOFORN for label in labels)
    rel_to = set().union(*(label.rel_to for label in labels if label.release is Release.REL))
    assert {"FVEY", "NATO"} & rel_to and len(
        rel_to - {"FVEY", "NATO", "USA"}
    ) >= 3  # groups and lists of nations
    assert any(label.release is Release.ALL for label in labels)
    assert {"SOF", "CYBER-ISR"} <= set().union(*(label.groups for label in labels))


def test_names_carry_diacritics_and_other_scripts(filled: tuple[Desk, dict[str, int]]) -> None:
    desk, _counts = filled
    people = desk.people.list(limit=1000).records
    assert any(
        not (p.family_name + p.given_names).isascii() for p in people
    )  # Łukasz, Müller, Yılmaz ...
    scripts = set().union(*(_scripts(p.original_script_name) for p in people))
    assert len(scripts) >= 2, scripts  # e.g. CJK and HANGUL, GREEK, CYRILLIC, ARABIC
    assert len({p.nation_code for p in people}) >= 10
    assert all(p.rank_code for p in people) and all("@" in p.email for p in people)


def test_same_seed_same_data(filled: tuple[Desk, dict[str, int]], tmp_path: Path) -> None:
    desk, counts = filled
    other = initialise(tmp_path / "again.sqlite", "USA", "default", "admin", PASSWORD)
    try:
        again = Desk(other, "admin")
        assert demo.fill(again, **SMALL) == counts

        # in the order they were made: generated references differ between two databases
        # (each counter has its own secret, `app.domain.references`)
        def people(d: Desk) -> list[tuple[str, ...]]:
            return [
                (
                    p.family_name,
                    p.given_names,
                    p.original_script_name,
                    p.rank,
                    p.nation_code,
                )
                for p in d.people.list(sort=["id"], limit=1000).records
            ]

        def agreements(d: Desk) -> list[tuple[str, ...]]:
            return [(a.title, a.status) for a in d.agreements.list(sort=["id"], limit=1000).records]

        assert people(again) == people(desk)
        assert agreements(again) == agreements(desk)
        different = initialise(tmp_path / "other.sqlite", "USA", "default", "admin", PASSWORD)
        try:
            changed = Desk(different, "admin")
            demo.fill(changed, **{**SMALL, "seed": 8, "people": 10, "exchanges": 0})
            assert people(changed) != people(desk)
        finally:
            different.dispose()
    finally:
        other.dispose()


def test_demo_users_log_in_and_see_only_what_they_may(filled: tuple[Desk, dict[str, int]]) -> None:
    desk, _counts = filled
    actor = authenticate(desk.db, "jpn.viewer", demo.DEMO_PASSWORD)
    assert actor.nation == "JPN"
    viewer = Desk(desk.db, "jpn.viewer")
    seen = _labels(viewer)
    assert 0 < len(seen) < len(_labels(desk))
    assert all(
        label.level <= 2 and label.release is not Release.NOFORN and not label.groups
        for label in seen
    )
    assert authenticate(desk.db, "auditor", demo.DEMO_PASSWORD).role == "auditor"


def test_agreements_and_tours_around_today(filled: tuple[Desk, dict[str, int]]) -> None:
    desk, _counts = filled
    agreements = desk.agreements.list(limit=1000).records
    assert len({a.status for a in agreements}) >= 3
    for agreement in agreements:
        if agreement.status == "in_force":
            assert agreement.expiry_date is None or agreement.expiry_date >= TODAY
        if agreement.status == "expired":
            assert agreement.expiry_date < TODAY
        assert len(agreement.parties) >= 2
    for tour in desk.liaison.list(limit=1000).records:
        assert tour.status == (
            "planned" if tour.start_date > TODAY else "ended" if tour.end_date < TODAY else "active"
        )


def test_exchange_statuses_follow_dates(filled: tuple[Desk, dict[str, int]]) -> None:
    desk, _counts = filled
    for exchange in desk.exchanges.list(limit=1000).records:
        if exchange.status == "cancelled":
            assert exchange.cancel_reason
        elif exchange.end_date < TODAY:
            assert exchange.status in ("completed", "evaluated")
        elif exchange.start_date <= TODAY:
            assert exchange.status == "in_progress"
        else:
            assert exchange.status in ("proposed", "planned", "approved")


def test_progress_reports_and_cancels(admin: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[int, int]] = []

    def stop_after_first(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    monkeypatch.setattr(demo.base, "BATCH", 20)
    counts = demo.fill(
        admin, people=60, exchanges=0, seed=1, progress=stop_after_first, today=TODAY
    )
    assert calls and calls[0][1] >= 60
    assert counts["people"] == 20 and counts["agreements"] == 0
    assert admin.audit.verify().problems == []


def test_deadlines_show_what_is_due_soon(filled: tuple[Desk, dict[str, int]]) -> None:
    desk, _counts = filled
    everything = Desk(desk.db, "sof.coordinator")
    due = everything.deadlines.upcoming(lead_days=90, today=TODAY)
    whats = {d.what.split(":")[0] for d in due}
    assert {
        "Agreement expires",
        "Passport expires",
        "Liaison tour ends",
        "Follow-up due",
    } <= whats, whats


def test_large_fills_write_people_in_bulk_with_summary_events(
    admin: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo.base, "BULK_FROM", 20)
    monkeypatch.setattr(demo.base, "BULK_BATCH", 10)
    counts = demo.fill(admin, people=20, exchanges=2, seed=3, today=TODAY)
    assert counts["people"] == 20 and counts["exchanges"] == 2
    assert admin.audit.count(action="create", kind="person") == 0
    assert (
        admin.audit.count(action="demo_fill", kind="person") >= 2
    )  # one per batch (and per writer)
    assert admin.audit.verify().problems == []


def test_only_an_administrator_fills(make_user) -> None:  # noqa: ANN001
    coordinator = make_user("coord", role="coordinator", clearance="TS")
    with pytest.raises(PermissionDenied):
        demo.fill(coordinator, people=5, exchanges=1, today=TODAY)
    assert coordinator.people.count() == 0


def test_the_demo_fills_the_tests_database_on_either_engine(admin: Desk) -> None:
    """On a server every write is checked against the connected role (with
    ``XDESK_TEST_AS_ROLES=1`` the administrator's own): the administrator running the demo
    joins its need-to-know groups to write their records; on a file a member writes them."""
    counts = demo.fill(admin, people=30, exchanges=6)
    assert counts["people"] == 30 and counts["exchanges"] == 6
    groups = set(admin.users.get("admin").groups)
    if admin.db.is_sqlite:
        assert "groups_joined" not in counts and not groups
    else:
        assert counts["groups_joined"] == 2 and groups == {"SOF", "CYBER-ISR"}
        assert admin.people.count() == 30  # TOP SECRET, the owner's nation, in every group
    grouped = [label for label in _labels(Desk(admin.db, "sof.coordinator")) if label.groups]
    assert grouped, "no record of a need-to-know group was written"
    assert admin.audit.verify().ok

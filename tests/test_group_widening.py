"""Widening a nation group is a downgrade (issue 14, item 10): an administrator, a reason, an
impact preview (records, levels, nations gaining access), and the audit keeps all of it."""

from __future__ import annotations

import pytest

from app.domain.labels import Label, Release
from app.services.desk import Desk
from app.services.errors import PermissionDenied, ValidationFailed


def released_to(group: str, level: int) -> Label:
    return Label(level, Release.REL, frozenset({group}))


@pytest.fixture
def coalition(admin: Desk) -> Desk:
    """Group BALTIC (EST, LVA) with three people released to it and one not."""
    admin.users.save_nation_group("BALTIC", "Baltic exercise", ["EST", "LVA"])
    for family, label in [
        ("Tamm", released_to("BALTIC", 2)),
        ("Ozols", released_to("BALTIC", 3)),
        ("Saar", released_to("BALTIC", 3)),
        ("Smith", Label(3, Release.REL, frozenset({"GBR"}))),
    ]:
        admin.people.create({"family_name": family, "nation_code": "USA"}, label=label)
    return admin


def test_the_preview_counts_what_a_new_member_would_read(coalition: Desk) -> None:
    impact = coalition.users.nation_group_impact("BALTIC", ["EST", "LVA", "LTU"])
    assert impact.widens and impact.gained == ("LTU",) and impact.lost == ()
    assert impact.levels == (("CONFIDENTIAL", 1), ("SECRET", 2)) and impact.records == 3
    assert "Adding LTU to BALTIC releases 3 record(s)" in impact.text()
    narrowing = coalition.users.nation_group_impact("BALTIC", ["EST"])
    assert not narrowing.widens and narrowing.lost == ("LVA",) and narrowing.records == 0


def test_widening_needs_a_reason_and_the_audit_keeps_it(coalition: Desk) -> None:
    with pytest.raises(ValidationFailed) as refused:
        coalition.users.save_nation_group("BALTIC", "Baltic exercise", ["EST", "LVA", "LTU"])
    assert "give a reason" in refused.value.errors["reason"]
    assert coalition.users.nation_groups()["BALTIC"][1] == ["EST", "LVA"]  # nothing changed
    coalition.users.save_nation_group(
        "BALTIC", "Baltic exercise", ["EST", "LVA", "LTU"], reason="LTU joins BALTOPS 27"
    )
    assert coalition.users.nation_groups()["BALTIC"][1] == ["EST", "LTU", "LVA"]
    event = coalition.audit.list(action="nation_group_save")[0]
    assert event.details["downgrade"] is True
    assert event.details["reason"] == "LTU joins BALTOPS 27"
    assert event.details["gained"] == ["LTU"] and event.details["records"] == 3
    assert event.details["levels"] == {"CONFIDENTIAL": 1, "SECRET": 2}


def test_narrowing_and_creating_need_no_reason(coalition: Desk) -> None:
    coalition.users.save_nation_group("BALTIC", "Baltic exercise", ["EST"])
    coalition.users.save_nation_group("NORDIC", "Nordic", ["NOR", "SWE"])
    events = coalition.audit.list(action="nation_group_save")
    assert all("downgrade" not in e.details for e in events[:2])


def test_the_preview_counts_only_records_the_administrator_may_read(
    coalition: Desk, make_user
) -> None:  # noqa: ANN001
    """A record hidden from the administrator does not exist for them, in the preview too:
    an administrator cleared CONFIDENTIAL counts the one CONFIDENTIAL record."""
    sam = make_user("sam", role="administrator", clearance="C")
    impact = sam.users.nation_group_impact("BALTIC", ["EST", "LVA", "LTU"])
    assert impact.levels == (("CONFIDENTIAL", 1),) and impact.records == 1
    assert "SECRET" not in impact.text()


def test_only_an_administrator_changes_a_group(coalition: Desk, make_user) -> None:  # noqa: ANN001
    colin = make_user("colin")
    with pytest.raises(PermissionDenied):
        colin.users.nation_group_impact("BALTIC", ["EST", "LVA", "LTU"])
    with pytest.raises(PermissionDenied):
        colin.users.save_nation_group("BALTIC", "x", ["EST", "LVA", "LTU"], reason="because")

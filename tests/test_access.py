"""The read rule, end to end: every read path returns exactly what a small reference allows."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.database.labels import load_labels
from app.domain.labels import Label, Release, refused_without_caveat
from app.domain.models import Person
from app.services.desk import Desk
from app.services.errors import NotFound

NATIONS = ["USA", "GBR", "AUS", "FRA", "POL", "JPN"]
GROUPS = ["CYBER", "SOF"]


def reference_can_read(user: dict, label: Label, nation_groups: dict[str, frozenset[str]]) -> bool:
    """domain.md's read rule, written out once more in the plainest terms."""
    if label.level > user["clearance"]:
        return False
    if user["nation"] != "USA":  # the owning nation
        if label.release == Release.NOFORN:
            return False
        if label.release == Release.REL:
            nations = set()
            for code in label.rel_to:
                nations |= set(nation_groups.get(code, {code}))
            if user["nation"] not in nations:
                return False
    if label.groups and not (label.groups & set(user["groups"])):
        return False
    return True


labels = st.builds(
    lambda level, release, rel_to, groups: Label(
        level,
        release,
        frozenset(rel_to) if release is Release.REL else frozenset(),
        frozenset(groups),
    ),
    st.sampled_from([0, 2, 3, 4]),  # RESTRICTED is not a US level (issue 14, item 5)
    st.sampled_from(list(Release)),
    st.sets(st.sampled_from([*NATIONS, "FVEY", "NATO"]), min_size=1, max_size=3),
    st.sets(st.sampled_from(GROUPS), max_size=2),
).filter(
    # CONFIDENTIAL and up with no caveat is refused under a USA owner (ICD 710, issue 14 item 4)
    lambda label: not refused_without_caveat(label, "USA")
)


users = st.fixed_dictionaries(
    {
        "clearance": st.integers(0, 4),
        "nation": st.sampled_from(NATIONS),
        "groups": st.sets(st.sampled_from(GROUPS), max_size=2),
        "role": st.sampled_from(["viewer", "coordinator", "administrator", "auditor"]),
    }
)
LEVELS = ["U", "R", "C", "S", "TS"]


@pytest.fixture
def office(admin: Desk) -> Desk:
    for group in GROUPS:
        admin.users.create_ntk_group(group)
    admin.users.update("admin", {"groups": GROUPS})
    return admin


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(records=st.lists(labels, min_size=1, max_size=8), user=users)
def test_every_read_path_returns_exactly_what_the_reference_allows(
    office: Desk, records: list[Label], user: dict
) -> None:
    for label in records:
        office.people.create({"family_name": "Record", "nation_code": "USA"}, label=label)
    name = f"u{next(COUNTER)}"
    office.users.create(
        {
            "username": name,
            "role": user["role"],
            "clearance": LEVELS[user["clearance"]],
            "nation": user["nation"],
            "groups": sorted(user["groups"]),
            "password": "long enough pw",
        }
    )
    desk = Desk(office.db, name)
    with office.db.reading() as session:
        people = session.scalars(select(Person)).all()
        stored = load_labels(session, {p.label_id for p in people})
        truth = {p.id: stored[p.label_id] for p in people}
    groups = office.db.nation_groups()
    allowed = sorted(pid for pid, label in truth.items() if reference_can_read(user, label, groups))

    page = desk.people.list(limit=10_000, sort=["id"])
    assert [p.id for p in page.records] == allowed
    assert page.total == len(allowed) == desk.people.count()
    assert desk.people.ids(sort=["id"]) == allowed
    assert sorted(desk.people.fetch(list(truth))) == allowed
    for pid in truth:
        if pid in allowed:
            assert desk.people.get(pid)[0].id == pid
        else:
            with pytest.raises(NotFound) as hidden:
                desk.people.get(pid)
            assert "not allowed" not in str(hidden.value)
    # the label-level filter never reveals more
    for level in range(5):
        assert desk.people.count({"level": level}) == sum(
            1 for pid in allowed if truth[pid].level == level
        )


COUNTER = itertools.count()


def test_hidden_record_cannot_be_updated_and_the_error_says_not_found(
    admin: Desk, make_user
) -> None:
    secret = admin.people.create(
        {
            "family_name": "Hidden",
            "nation_code": "USA",
            "classification": "S",
            "releasable_to": "NOFORN",
        }
    )
    foreign = make_user("gbr", nation="GBR", clearance="TS")
    with pytest.raises(NotFound):
        foreign.people.update(secret.record.id, {"rank": "Maj"})
    with pytest.raises(NotFound):
        foreign.people.find(secret.record.reference)

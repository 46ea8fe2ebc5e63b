"""Search: diacritics, prefixes, phrases, boolean, filters, ranking, access, duplicates, index
upkeep."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from app.database.engine import Database
from app.database.labels import intern_label, load_labels
from app.database.search_documents import DOCUMENTS
from app.database.search_index import FTS_TABLES, KIND_CODES, search_index_of, trigger_names
from app.domain.labels import Label, Release
from app.domain.models import (
    Agreement,
    AgreementParty,
    Attachment,
    AuditEvent,
    ContactLogEntry,
    Exchange,
    LiaisonAssignment,
    Person,
    Signatory,
)
from app.search import cli as search_cli
from app.search import rebuild, saved, search, suggest
from app.search.engine import engine_for
from app.search.query import parse
from app.security.policy import can_read
from app.services import kinds as kind_registry
from app.services.desk import Desk
from app.services.duplicates import probable_duplicates
from app.services.errors import ValidationFailed
from app.services.setup import open_desk_database
from tests.helpers.accounts import desk_for

SQLITE_FILE = pytest.mark.sqlite_only(reason="upgrades a released SQLite file (tests/data)")

DATA = Path(__file__).parent / "data"
NOFORN_S = Label(3, Release.NOFORN)
UNCLASSIFIED = Label()


def put(desk: Desk, model: type, label: Label = UNCLASSIFIED, **values: object) -> int:
    """Insert a record directly (the index triggers must pick it up whoever writes)."""
    with desk.db.writing() as session:
        record = model(**values, label_id=intern_label(session, label.with_owner(desk.owner)))
        session.add(record)
        session.flush()
        return record.id


def attach(desk: Desk, kind: str, record_id: int, name: str, label: Label = UNCLASSIFIED) -> int:
    content = name.encode()
    return put(
        desk,
        Attachment,
        label,
        record_kind=kind,
        record_id=record_id,
        name=name,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
    )


@pytest.fixture
def corpus(admin: Desk) -> SimpleNamespace:
    """A small fixed corpus across every kind, some of it hidden from foreign users."""
    c = SimpleNamespace()
    people = admin.people
    c.muller = people.create(
        {
            "family_name": "Müller",
            "given_names": "Hans",
            "nation_code": "DEU",
            "unit": "Marinekommando",
            "date_of_birth": "1980-01-02",
            "notes": "attended the maritime course in 2024",
        }
    ).record.id
    c.mueller = people.create(
        {"family_name": "Mueller", "given_names": "Anna", "nation_code": "DEU"}
    ).record.id
    c.nunez = people.create(
        {
            "family_name": "Núñez",
            "given_names": "María",
            "nation_code": "ESP",
            "position": "Maritime instructor",
            "passport_number": "X1234567",
        }
    ).record.id
    c.tanaka = people.create(
        {
            "family_name": "Tanaka",
            "given_names": "Hiroshi",
            "nation_code": "JPN",
            "unit": "JMSDF",
            "original_script_name": "田中 浩",
            "notes": "maritime staff course",
            "date_of_birth": "1975-05-05",
        },
        label=NOFORN_S,
    ).record.id
    c.kowalski = people.create(
        {
            "family_name": "Kowalski",
            "given_names": "Jan",
            "nation_code": "POL",
            "notes": "cyber exercise planner",
        },
        label=Label(2, Release.REL, frozenset({"NATO"})),
    ).record.id
    c.pacific = put(
        admin,
        Exchange,
        reference="EX-2024-0001",
        title="Pacific maritime course",
        kind="course_seat",
        program="IMET",
        host_nation="JPN",
        location="Yokosuka",
        start_date=dt.date(2024, 3, 1),
        end_date=dt.date(2024, 4, 1),
        status="completed",
        objectives="interoperability at sea",
    )
    c.cyber = put(
        admin,
        Exchange,
        Label(2, Release.REL, frozenset({"NATO"})),
        reference="EX-2025-0002",
        title="Cyber Coalition exercise",
        kind="joint_exercise",
        program="NATO exercises",
        host_nation="EST",
        location="Tallinn",
        start_date=dt.date(2025, 11, 20),
        end_date=dt.date(2025, 11, 28),
        status="planned",
    )
    c.seminar = put(
        admin,
        Exchange,
        Label(4, Release.NOFORN),
        reference="EX-2023-0003",
        title="Maritime lessons seminar",
        kind="seminar",
        program="bilateral",
        host_nation="USA",
        location="Newport",
        start_date=dt.date(2023, 6, 1),
        end_date=dt.date(2023, 6, 3),
        status="evaluated",
        lessons_learned="maritime maritime maritime",
    )
    c.mou = put(
        admin,
        Agreement,
        reference="MOU-USA-POL-2019-01",
        title="Personnel exchange memorandum",
        kind="memorandum_of_understanding",
        status="in_force",
        scope="officer exchange billets",
    )
    with admin.db.writing() as session:
        session.add_all(
            [
                AgreementParty(agreement_id=c.mou, nation_code="USA"),
                AgreementParty(agreement_id=c.mou, nation_code="POL"),
            ]
        )
        session.add(
            Signatory(
                agreement_id=c.mou, name="Jan Nowak", title="Deputy Minister", nation_code="POL"
            )
        )
    c.tour = put(
        admin,
        LiaisonAssignment,
        reference="LO-2025-0001",
        person_id=c.tanaka,
        kind="liaison_officer",
        sending_nation="JPN",
        host_nation="USA",
        host_organisation="Pacific Fleet",
        start_date=dt.date(2025, 1, 1),
        status="active",
        duties="naval liaison",
    )
    c.visit = put(
        admin,
        ContactLogEntry,
        assignment_id=c.tour,
        date=dt.date(2025, 2, 1),
        subject="Port visit planning",
        counterparts="harbour master",
        summary="berths agreed",
    )
    c.report = attach(admin, "person", c.muller, "pacific-course-report.pdf")
    return c


def found(results) -> set[tuple[str, int]]:  # noqa: ANN001
    return {(h.kind, h.record_id) for h in results.hits}


# --- text matching ----------------------------------------------------------------------------


def test_diacritics_and_transliterations_fold(admin: Desk, corpus: SimpleNamespace) -> None:
    assert found(search(admin, "Muller")) >= {("person", corpus.muller), ("person", corpus.mueller)}
    assert found(search(admin, "Mueller")) == {
        ("person", corpus.muller),
        ("person", corpus.mueller),
    }
    assert found(search(admin, "Müller")) == {("person", corpus.muller), ("person", corpus.mueller)}
    assert found(search(admin, "Nunez")) == {("person", corpus.nunez)}
    assert found(search(admin, "NÚÑEZ maría")) == {("person", corpus.nunez)}


def test_prefixes_and_search_as_you_type(admin: Desk, corpus: SimpleNamespace) -> None:
    assert found(search(admin, "Kowal*")) == {("person", corpus.kowalski)}
    assert search(admin, "Kowal").total == 0
    assert found(search(admin, "Kowal", as_you_type=True)) == {("person", corpus.kowalski)}
    assert found(search(admin, "cyber Kowa", as_you_type=True)) == {("person", corpus.kowalski)}
    assert found(search(admin, "田中")) == {("person", corpus.tanaka)}  # original script
    assert found(search(admin, "田*")) == {("person", corpus.tanaka)}


def test_phrases(admin: Desk, corpus: SimpleNamespace) -> None:
    assert found(search(admin, '"maritime course"')) == {
        ("person", corpus.muller),
        ("exchange", corpus.pacific),
    }
    assert ("person", corpus.tanaka) in found(
        search(admin, "maritime course")
    )  # words, not the phrase
    assert found(search(admin, "EX-2024-0001")) == {("exchange", corpus.pacific)}
    assert found(search(admin, "mou-usa-pol-2019-01")) == {("agreement", corpus.mou)}


def test_boolean_operators(admin: Desk, corpus: SimpleNamespace) -> None:
    assert found(search(admin, "Kowalski OR Tanaka", kinds=["person"])) == {
        ("person", corpus.kowalski),
        ("person", corpus.tanaka),
    }
    assert found(search(admin, "maritime NOT course")) == {
        ("person", corpus.nunez),
        ("exchange", corpus.seminar),
    }
    assert found(search(admin, "maritime -course")) == found(search(admin, "maritime NOT course"))
    assert found(search(admin, "maritime AND instructor")) == {("person", corpus.nunez)}


@pytest.mark.parametrize(
    "text_",
    [
        '"',
        'a" OR',
        "NOT",
        "OR OR AND",
        "(",
        ")*",
        "-",
        "***",
        "col:umn",
        "NEAR(a b)",
        "a NOT",
        "''",
        "^x",
        '"unterminated phrase',
        "AND maritime OR",
        "{title}: x",
        "x + y",
        "Mueller Hans",
        "ẞ-   ẞ*",
        "+N ẞ",
        "a NOT Mueller b",
        "Mueller OR (Hans",
        "\x00Mueller\u2028x",
    ],
)
def test_user_text_never_causes_a_syntax_error(
    admin: Desk, corpus: SimpleNamespace, text_: str
) -> None:
    engine = engine_for(admin.db)
    for as_you_type in (False, True):
        fts = engine.compile(parse(text_, as_you_type=as_you_type))
        if fts:  # the index itself accepts the query text the engine writes
            with admin.db.reading() as session:
                session.execute(
                    select(func.count()).select_from(engine.matches(fts).subquery())
                ).scalar_one()
        results = search(admin, text_, as_you_type=as_you_type)
        assert results.query == fts  # the query that ran is the parsed one, not a fallback
        assert results.total == len(results.hits)  # a handful of records: one page holds all


def test_a_transliterated_word_beside_other_words_is_searched_as_written(
    admin: Desk, corpus: SimpleNamespace
) -> None:
    """``Mueller`` becomes ``("Mueller" OR names : "muller")``: FTS5 takes no implicit AND
    beside parentheses, so the terms are joined by an explicit AND (no plain-text fallback)."""
    assert found(search(admin, "Mueller Hans")) == {("person", corpus.muller)}
    assert found(search(admin, "Hans Mueller")) == {("person", corpus.muller)}
    assert found(search(admin, "Mueller -Hans")) == {("person", corpus.mueller)}
    assert parse("Mueller Hans").fts() == '("Mueller" OR names : "muller") AND "Hans"'


# operators, quotes, FTS5 punctuation and characters whose folding changes them (ẞ -> ss, ﬁ)
HOSTILE = [*"\"*-_ ()^:+{}.,'\\\x00\u0301\u00b2\u2028ab", "AND", "OR", "NOT", "NEAR", " AND "]
HOSTILE += [" OR ", " NOT ", "ẞ", "ǅ", "ﬁ", "\u200b", "١", "Mueller", " "]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.text(max_size=30),
        st.lists(st.sampled_from(HOSTILE), max_size=12).map("".join),
    ),
    st.booleans(),
)
def test_any_text_is_a_valid_query(admin: Desk, text_: str, as_you_type: bool) -> None:
    results = search(admin, text_, audited=False, as_you_type=as_you_type)
    assert results.total >= len(results.hits)


def test_hostile_text_gives_queries_the_index_accepts(database) -> None:  # noqa: ANN001
    """Thousands of parsed hostile strings straight to the index's own parser (FTS5 MATCH or a
    ``tsquery``): none is refused."""
    engine = engine_for(database)

    @settings(max_examples=3000, deadline=None)
    @given(
        st.one_of(
            st.text(max_size=40), st.lists(st.sampled_from(HOSTILE), max_size=15).map("".join)
        ),
        st.booleans(),
    )
    def check(text_: str, as_you_type: bool) -> None:
        fts = engine.compile(parse(text_, as_you_type=as_you_type))
        if fts:
            with database.reading() as session:
                session.execute(engine.matches(fts)).all()

    check()


def test_related_text_is_found_with_its_record(admin: Desk, corpus: SimpleNamespace) -> None:
    assert found(search(admin, "Nowak")) == {("agreement", corpus.mou)}  # signatory
    assert found(search(admin, "Poland", kinds=["agreement"])) == {
        ("agreement", corpus.mou)
    }  # party nation name
    assert found(search(admin, "harbour")) == {("contact_log", corpus.visit)}
    assert found(search(admin, "report")) == {("attachment", corpus.report)}
    assert ("liaison_assignment", corpus.tour) in found(
        search(admin, "Tanaka")
    )  # the officer's name


# --- filters, ranking, snippets -----------------------------------------------------------------


def test_structured_filters(admin: Desk, corpus: SimpleNamespace) -> None:
    assert found(search(admin, "maritime", kinds=["exchange"])) == {
        ("exchange", corpus.pacific),
        ("exchange", corpus.seminar),
    }
    assert found(search(admin, "maritime", filters={"nation": "jpn"})) == {
        ("person", corpus.tanaka),
        ("exchange", corpus.pacific),
    }
    assert found(search(admin, "maritime", filters={"status": "completed"})) == {
        ("exchange", corpus.pacific)
    }
    assert found(search(admin, "maritime", filters={"program": "imet"})) == {
        ("exchange", corpus.pacific)
    }
    assert found(
        search(admin, "maritime", filters={"date_from": "2024-01-01", "date_to": "2024-12-31"})
    ) == {("exchange", corpus.pacific)}
    assert found(search(admin, "maritime", filters={"level": "TS"})) == {
        ("exchange", corpus.seminar)
    }
    assert found(search(admin, "maritime", filters={"level": 3}, kinds=["people"])) == {
        ("person", corpus.tanaka)
    }
    assert found(search(admin, "exercise", filters={"nation": "EST", "status": "planned"})) == {
        ("exchange", corpus.cyber)
    }
    with pytest.raises(ValidationFailed) as bad:
        search(admin, "x", filters={"colour": "red"})
    assert "colour" in bad.value.errors
    with pytest.raises(ValidationFailed) as bad_date:
        search(admin, "x", filters={"date_from": "yesterday"})
    assert "date_from" in bad_date.value.errors
    with pytest.raises(ValidationFailed) as bad_limit:
        search(admin, "x", limit=0)
    assert "limit" in bad_limit.value.errors
    with pytest.raises(ValidationFailed) as bad_kind:
        search(admin, "x", kinds=["spaceship"])
    assert "kind" in bad_kind.value.errors


def test_archived_records_only_when_asked(admin: Desk, corpus: SimpleNamespace) -> None:
    admin.people.archive(corpus.nunez, "left the service")
    assert search(admin, "Nunez").total == 0
    assert found(search(admin, "Nunez", filters={"archived": "yes"})) == {("person", corpus.nunez)}


def test_title_matches_rank_above_body_matches(admin: Desk, corpus: SimpleNamespace) -> None:
    hits = search(admin, "maritime").hits
    kinds_in_order = [(h.kind, h.record_id) for h in hits]
    titled = {("exchange", corpus.pacific), ("exchange", corpus.seminar)}
    assert set(kinds_in_order[:2]) == titled
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    # a name match beats the same word in a body
    assert search(admin, "Kowalski OR Nowak").hits[0].record_id == corpus.kowalski


def test_hits_carry_title_marking_and_highlighted_snippet(
    admin: Desk, corpus: SimpleNamespace
) -> None:
    hit = search(admin, "Tanaka", kinds=["person"]).hits[0]
    assert hit.title == "TANAKA, Hiroshi"
    assert hit.portion_mark == "(S//NF)" and hit.marking == "SECRET//NOFORN"
    assert "[Tanaka]" in hit.snippet
    html = search(admin, "lessons", highlight=("<b>", "</b>")).hits[0]
    assert "<b>lessons</b>" in html.snippet.lower()
    assert html.reference == "EX-2023-0003"


def test_each_search_is_audited_with_query_and_count(admin: Desk, corpus: SimpleNamespace) -> None:
    search(admin, "maritime")
    with admin.db.reading() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "search").order_by(AuditEvent.id.desc())
        ).first()
    details = json.loads(event.details)
    assert event.username == "admin" and details["query"] == "maritime" and details["count"] == 5


def test_query_parser_quotes_everything() -> None:
    assert parse("maritime course").fts() == '"maritime" "course"'
    assert parse('"a b" c*').fts() == '"a b" "c"*'
    assert parse("a OR b NOT c").fts() == '"a" OR "b" NOT "c"'
    assert parse("NOT a").fts() == '"a"'
    assert parse("-a b").fts() == '"b"'
    assert parse("mar", as_you_type=True).fts() == '"mar"*'
    assert parse("mar ", as_you_type=True).fts() == '"mar"'
    assert parse("Mueller").fts() == '("Mueller" OR names : "muller")'


# --- access -----------------------------------------------------------------------------------


def test_foreign_viewer_sees_no_hidden_hits_counts_or_snippets(
    make_user, corpus: SimpleNamespace
) -> None:  # noqa: ANN001
    gbr = make_user("gbr", role="viewer", clearance="S", nation="GBR")
    results = search(gbr, "maritime")
    assert found(results) == {
        ("person", corpus.muller),
        ("person", corpus.nunez),
        ("exchange", corpus.pacific),
    }
    assert results.total == 3
    assert search(gbr, "Tanaka").total == 0
    assert search(gbr, "田中*").total == 0
    assert search(gbr, "harbour").total == 0  # contact log of a hidden officer's tour
    assert search(gbr, "Pacific Fleet").total == 0  # the tour itself: its officer is hidden
    pol = make_user("pol", role="viewer", clearance="C", nation="POL")
    assert found(search(pol, "cyber")) == {("person", corpus.kowalski), ("exchange", corpus.cyber)}
    low = make_user("low", role="viewer", clearance="U", nation="USA")
    assert found(search(low, "cyber")) == set()


def test_did_you_mean_offers_only_visible_words(
    admin: Desk, make_user, corpus: SimpleNamespace
) -> None:  # noqa: ANN001
    assert suggest(admin, "Kowalsky") == "kowalski"
    assert suggest(admin, "maritime") is None
    gbr = make_user("gbr", role="viewer", clearance="S", nation="GBR")
    assert suggest(gbr, "Tanakka") is None  # only a hidden record has that word


WORDS = ["alpha", "bravo", "charlie", "delta"]
NATIONS = ["USA", "GBR", "FRA", "POL"]
label_strategy = st.builds(
    lambda level, release, rel, groups: Label(
        level, release, frozenset(rel) if release is Release.REL else frozenset(), frozenset(groups)
    ),
    st.integers(0, 4),
    st.sampled_from(list(Release)),
    st.sets(st.sampled_from(NATIONS + ["FVEY", "NATO"]), min_size=1, max_size=2),
    st.sets(st.sampled_from(["RED", "BLUE"]), max_size=1),
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    labels=st.lists(label_strategy, min_size=9, max_size=9),
    words=st.lists(st.sets(st.sampled_from(WORDS), min_size=1, max_size=3), min_size=9, max_size=9),
    clearance=st.integers(0, 4),
    nation=st.sampled_from(NATIONS),
    groups=st.sets(st.sampled_from(["RED", "BLUE"]), max_size=2),
    query=st.sampled_from(
        WORDS + ["alpha OR bravo", "alpha -bravo", '"alpha bravo"', "char*", "delta charlie"]
    ),
)
def test_no_user_ever_sees_a_record_they_may_not_read(
    database: Database, admin: Desk, labels, words, clearance, nation, groups, query
) -> None:  # noqa: ANN001
    """Three people, three exchanges, three liaison tours (visible only with their officer).
    The fixture's rows are cleared and the unfiltered matches read through ``database``, the
    owner's connection; the probe connects as its own role where the suite runs as roles."""
    for group in ("RED", "BLUE"):
        if group not in admin.users.ntk_groups():
            admin.users.create_ntk_group(group)
    rows = Desk(database, "admin")  # the owner's connection: rows of any label, any parent
    with database.writing() as session:
        session.execute(text("DELETE FROM liaison_assignments"))
        session.execute(text("DELETE FROM exchanges"))
        session.execute(text("DELETE FROM people"))
        session.execute(text("DELETE FROM users WHERE username = 'probe'"))
        if not database.is_sqlite:  # the user's login role goes with the user (roles outlive rows)
            session.execute(text("DROP ROLE IF EXISTS probe"))
    people = [
        put(
            rows,
            Person,
            labels[i],
            reference=f"P-{i}",
            family_name=" ".join(sorted(words[i])),
            nation_code="USA",
        )
        for i in range(3)
    ]
    exchanges = [
        put(
            rows,
            Exchange,
            labels[3 + i],
            reference=f"E-{i}",
            title=" ".join(sorted(words[3 + i])),
            kind="seminar",
            host_nation="USA",
            start_date=dt.date(2025, 1, 1),
            end_date=dt.date(2025, 1, 2),
        )
        for i in range(3)
    ]
    tours = [
        put(
            rows,
            LiaisonAssignment,
            labels[6 + i],
            reference=f"L-{i}",
            person_id=people[i],
            kind="liaison_officer",
            sending_nation="USA",
            host_nation="GBR",
            start_date=dt.date(2025, 1, 1),
            duties=" ".join(sorted(words[6 + i])),
        )
        for i in range(3)
    ]
    admin.users.create(
        {
            "username": "probe",
            "role": "viewer",
            "clearance": clearance,
            "nation": nation,
            "groups": sorted(groups),
            "password": "correct horse battery",
        }
    )
    probe = desk_for(database, "probe")
    actor = probe.actor()
    owner, nation_groups = database.owner, database.nation_groups()
    with database.reading() as session:
        stored = {}
        for model, ids in ((Person, people), (Exchange, exchanges), (LiaisonAssignment, tours)):
            rows = session.scalars(select(model).where(model.id.in_(ids))).all()
            stored.update({(model, r.id): r.label_id for r in rows})
        label_of = load_labels(session, set(stored.values()))

    def readable(model: type, record_id: int) -> bool:
        return can_read(actor, label_of[stored[(model, record_id)]], owner, nation_groups)

    allowed = {("person", i) for i in people if readable(Person, i)}
    allowed |= {("exchange", i) for i in exchanges if readable(Exchange, i)}
    allowed |= {
        ("liaison_assignment", t)
        for t, p in zip(tours, people, strict=True)
        if readable(LiaisonAssignment, t) and readable(Person, p)
    }
    results = search(probe, query, limit=100, audited=False)
    engine = engine_for(database)
    with database.reading() as session:  # every match in the index, unfiltered
        keys = session.execute(engine.matches(engine.compile(parse(query)))).scalars()
        matching = {engine.decode(key) for key in keys}
    hits = found(results)
    assert hits <= allowed
    assert hits == matching & allowed  # nothing visible is lost either
    assert results.total == len(hits)
    record_words = dict(
        zip(
            [("person", i) for i in people]
            + [("exchange", i) for i in exchanges]
            + [("liaison_assignment", i) for i in tours],
            words,
            strict=True,
        )
    )
    shown = {w for key, ws in record_words.items() if key in allowed for w in ws}
    hidden_only = {w for key, ws in record_words.items() if key not in allowed for w in ws} - shown
    for hit in results.hits:
        assert not set(hit.snippet.replace("[", " ").replace("]", " ").split()) & hidden_only


# --- duplicates -----------------------------------------------------------------------------------


def test_probable_duplicates_tolerate_transliteration(admin: Desk, corpus: SimpleNamespace) -> None:
    same_birth = probable_duplicates(
        admin, {"family_name": "Mueller", "given_names": "Hans", "date_of_birth": "1980-01-02"}
    )
    assert [d.person_id for d in same_birth] == [corpus.muller] and same_birth[0].same == (
        "date of birth",
    )
    assert [
        d.person_id
        for d in probable_duplicates(
            admin, {"family_name": "MULLER", "date_of_birth": dt.date(1980, 1, 2)}
        )
    ] == [corpus.muller]
    same_passport = probable_duplicates(
        admin, {"family_name": "Nunez", "given_names": "Maria", "passport_number": "x1234567"}
    )
    assert [d.person_id for d in same_passport] == [corpus.nunez] and same_passport[0].same == (
        "passport number",
    )
    assert (
        probable_duplicates(admin, {"family_name": "Mueller", "date_of_birth": "1980-01-03"}) == []
    )
    assert (
        probable_duplicates(admin, {"family_name": "Schmidt", "date_of_birth": "1980-01-02"}) == []
    )
    assert probable_duplicates(admin, {"family_name": "Müller"}) == []  # a name alone is not enough


def test_creating_a_probable_duplicate_warns(
    admin: Desk, make_user, corpus: SimpleNamespace
) -> None:  # noqa: ANN001
    saved_ = admin.people.create(
        {
            "family_name": "Muller",
            "given_names": "H.",
            "nation_code": "DEU",
            "date_of_birth": "1980-01-02",
        }
    )
    assert saved_.warnings == [
        f"probable duplicate of MÜLLER, Hans ({admin.people.get(corpus.muller)[0].reference}): "
        "similar name, same date of birth"
    ]
    assert (
        admin.people.create(
            {
                "family_name": "Muller",
                "given_names": "Karl",
                "nation_code": "DEU",
                "date_of_birth": "1980-01-02",
            }
        ).warnings
        == []
    )
    gbr = make_user("gbrc", role="coordinator", clearance="S", nation="GBR")
    # the existing Tanaka is NOFORN: a foreign coordinator is never offered it
    assert (
        gbr.people.create(
            {"family_name": "Tanaka", "nation_code": "JPN", "date_of_birth": "1975-05-05"}
        ).warnings
        == []
    )
    assert (
        admin.people.create(
            {"family_name": "Tanaka", "nation_code": "JPN", "date_of_birth": "1975-05-05"}
        ).warnings
        != []
    )


# --- index upkeep
# -----------------------------------------------------------------------------------


def _index_rows(admin: Desk) -> list[tuple]:
    with admin.db.reading() as session:
        return search_index_of(admin.db).rows(session)


def test_index_follows_updates_and_deletes(admin: Desk, corpus: SimpleNamespace) -> None:
    admin.people.update(corpus.kowalski, {"family_name": "Wiśniewski"})
    assert search(admin, "Kowalski").total == 0
    assert found(search(admin, "Wisniewski")) == {("person", corpus.kowalski)}
    with admin.db.writing() as session:
        session.get(Signatory, 1).name = "Anna Zielinska"
        session.get(Exchange, corpus.pacific).title = "Indo-Pacific seamanship course"
        session.delete(session.get(ContactLogEntry, corpus.visit))
        session.delete(session.get(Attachment, corpus.report))
    assert search(admin, "Nowak").total == 0 and found(search(admin, "Zielinska")) == {
        ("agreement", corpus.mou)
    }
    assert found(search(admin, "seamanship")) == {("exchange", corpus.pacific)}
    assert search(admin, "harbour").total == 0 and search(admin, "report").total == 0
    with admin.db.writing() as session:
        session.delete(session.get(Agreement, corpus.mou))
    assert search(admin, "memorandum").total == 0
    before = _index_rows(admin)
    assert rebuild(admin) == len(before)
    assert _index_rows(admin) == before


def test_rebuild_is_for_administrators(make_user, corpus: SimpleNamespace) -> None:  # noqa: ANN001
    from app.services.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        rebuild(make_user("c1"))


@SQLITE_FILE
def test_upgrading_a_0001_database_fills_the_index(tmp_path: Path) -> None:
    target = tmp_path / "office.sqlite"
    shutil.copyfile(DATA / "schema-0001.sqlite", target)
    assert (
        sqlite3.connect(target).execute("SELECT version_num FROM alembic_version").fetchone()[0]
        == "0001"
    )
    database = open_desk_database(target)
    try:
        desk = Desk(database, "admin")
        assert [h.title.split(",")[0] for h in search(desk, "Muller OR Nunez OR Tanaka").hits] != []
        assert {h.title.split(",")[0] for h in search(desk, "Muller OR Nunez OR Tanaka").hits} == {
            "MÜLLER",
            "NÚÑEZ",
            "TANAKA",
        }
    finally:
        database.dispose()


@SQLITE_FILE
def test_a_0003_database_upgraded_keeps_indexing_single_saves_and_imports(tmp_path: Path) -> None:
    from app.services.transfer import import_file

    target = tmp_path / "office.sqlite"
    shutil.copyfile(DATA / "schema-0003.sqlite", target)
    database = open_desk_database(
        target
    )  # 0004 recreates the insert triggers, 0005 the list indexes
    try:
        desk = Desk(database, "admin")
        assert {
            h.title.split(",")[0]
            for h in search(desk, "Muller OR Nunez OR Tanaka", audited=False).hits
        } == {"MÜLLER", "NÚÑEZ", "TANAKA"}
        desk.people.create({"family_name": "Haugland", "nation_code": "NOR"})
        (tmp_path / "p.csv").write_text("family_name,nation\nHaugen,NOR\n", encoding="utf-8")
        assert import_file(desk, "people", tmp_path / "p.csv").imported == 1
        assert sorted(h.title for h in search(desk, "Haugland OR Haugen", audited=False).hits) == [
            "HAUGEN",
            "HAUGLAND",
        ]
    finally:
        database.dispose()


def test_fts_tables_are_not_in_the_metadata(database) -> None:  # noqa: ANN001
    from app.domain.models import Base

    assert not {*FTS_TABLES, DOCUMENTS} & set(Base.metadata.tables)


def test_the_index_codes_are_the_registrys() -> None:
    """The index stores each kind's code (frozen in revision 0002); the registry names the same."""
    assert KIND_CODES == {entry.name: entry.search_code for entry in kind_registry.searchable()}


# --- saved searches and the CLI
# --------------------------------------------------------------------


def test_saved_search_reports_new_matches(admin: Desk, make_user, corpus: SimpleNamespace) -> None:  # noqa: ANN001
    saved.save(admin, "maritime people", "maritime", kinds=["person"])
    first = saved.run(admin, "maritime people")
    assert first.results.total == 3 and first.new == []
    newcomer = admin.people.create(
        {"family_name": "Okafor", "nation_code": "NGA", "position": "maritime planner"}
    ).record.id
    second = saved.run(admin, "maritime people")
    assert [h.record_id for h in second.new] == [newcomer] and second.new_count == 1
    assert saved.run(admin, "maritime people").new == []
    other = make_user("other")
    assert saved.saved_searches(other) == []
    with pytest.raises(Exception, match="no saved search"):
        saved.run(other, "maritime people")
    with pytest.raises(ValidationFailed):
        saved.save(admin, "", "x")
    saved.delete(admin, "maritime people")
    assert saved.saved_searches(admin) == []


def _cli(desk: Desk, *argv: str) -> tuple[int, str]:
    import argparse

    parser = argparse.ArgumentParser()
    search_cli.add_parser(parser.add_subparsers())
    out = io.StringIO()
    return search_cli.run(parser.parse_args(["search", *argv]), desk, out), out.getvalue()


def test_cli_json_and_text(admin: Desk, corpus: SimpleNamespace) -> None:
    code, output = _cli(
        admin, "maritime", "--kind", "exchange", "--filter", "status=completed", "--json"
    )
    assert code == 0
    data = json.loads(output)
    assert data["total"] == 1
    assert data["results"][0]["reference"] == "EX-2024-0001"
    assert set(data["results"][0]) >= {
        "kind",
        "reference",
        "id",
        "title",
        "marking",
        "snippet",
        "score",
    }
    code, output = _cli(admin, "Nunez")
    assert code == 0 and "NÚÑEZ, María" in output and "[Núñez]" in output
    code, output = _cli(admin, "Kowalsky")
    assert code == 1 and "did you mean: kowalski" in output
    assert _cli(admin, "x", "--filter", "nonsense")[0] == 2


def test_pages_follow_the_ranking_and_keep_the_total(admin: Desk, corpus: SimpleNamespace) -> None:
    everything = search(admin, "maritime", limit=50)
    pages = [search(admin, "maritime", limit=2, offset=n) for n in (0, 2, 4)]
    assert [h.key for page in pages for h in page.hits] == [h.key for h in everything.hits]
    assert {page.total for page in pages} == {everything.total}
    beyond = search(admin, "maritime", limit=2, offset=40)
    assert beyond.hits == [] and beyond.total == everything.total


def test_quick_filter_condition_for_list_views(admin: Desk, corpus: SimpleNamespace) -> None:
    from app.search.service import quick_filter

    with admin.reading() as (session, actor):
        condition = quick_filter(admin, "person", "mull")
        ids = set(session.scalars(select(Person.id).where(condition, *admin.people.visible(actor))))
    assert ids == {corpus.muller, corpus.mueller}
    assert quick_filter(admin, "person", "  ") is None


@pytest.mark.sqlite_only(reason="SQLite's index is kept by triggers; a server's by the session")
def test_every_index_trigger_survives_to_the_head_revision(database) -> None:  # noqa: ANN001
    """A later revision that rebuilds a source table (SQLite batch mode) would drop its triggers."""
    with database.engine.connect() as connection:
        present = set(
            connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            ).scalars()
        )
    assert set(trigger_names()) <= present


def test_more_visible_matches_than_the_cap_rank_the_most_recent(
    admin: Desk, make_user, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.search import service as search_service

    monkeypatch.setattr(search_service, "RANK_CAP", 5)
    ids = [
        put(
            admin,
            Person,
            UNCLASSIFIED if n % 2 else NOFORN_S,
            reference=f"P-2026-{n:06d}",
            family_name="Haugland",
            given_names="Ola" * (n % 3 + 1),
            nation_code="NOR",
        )
        for n in range(12)
    ]
    results = search(admin, "Haugland", audited=False)
    assert not results.complete and results.total == 5
    assert {h.record_id for h in results.hits} == set(
        ids[-5:]
    )  # the five most recent, ranked among themselves
    # a foreign viewer sees the six unclassified ones: still more than the cap
    gbr = make_user("gbr", role="viewer", clearance="S", nation="GBR")
    seen = search(gbr, "Haugland", audited=False)
    assert not seen.complete and {h.record_id for h in seen.hits} == set(ids[1::2][-5:])
    # under the cap the ranking and the count are exact, and hidden matches leave no trace
    monkeypatch.setattr(search_service, "RANK_CAP", 6)
    seen = search(gbr, "Haugland", audited=False)
    assert seen.complete and seen.total == 6 and {h.record_id for h in seen.hits} == set(ids[1::2])
    search(admin, "Haugland")  # audited: the count says there were more
    [event] = admin.audit.list(action="search")
    assert (event.details["count"], event.details["more"]) == (6, True)


def test_a_query_the_index_refuses_is_a_plain_failure_and_logged(
    admin: Desk, corpus: SimpleNamespace, monkeypatch: pytest.MonkeyPatch, caplog
) -> None:  # noqa: ANN001
    """Should the parser ever let through text FTS5 refuses, the user gets a `SearchFailed`
    (no silent plain-text retry) and the log names the query."""
    from app.search import service as search_service
    from app.services.errors import SearchFailed

    monkeypatch.setattr(type(engine_for(admin.db)), "compile", lambda self, parsed: '"a" (')
    with caplog.at_level("ERROR", logger=search_service.__name__):
        with pytest.raises(SearchFailed, match="could not be run"):
            search(admin, "anything")
        with pytest.raises(SearchFailed):
            search_service.matching_keys(admin, "anything")
    assert "refused '\"a\" ('" in caplog.text


# --- one folding for both engines -----------------------------------------------------------

# letters a record's text is written in: ASCII, Latin-1 and Latin Extended-A letters (less the
# compatibility forms FTS5 keeps whole: ß, ĳ, ŀ, ŉ, ª, º), CJK, digits and punctuation
_LATIN = [chr(c) for c in range(0xC0, 0x180) if chr(c).isalpha() and chr(c) not in "ßĲĳĿŀŉ"]
FOLDED_ALPHABET = st.sampled_from(
    [*"abcXYZ019 -_'.,/()", *_LATIN, "田", "中", "浩", "\t", "\u00a0"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(FOLDED_ALPHABET, max_size=40).map("".join))
def test_index_tokens_fold_as_fts5_unicode61_does(text_: str) -> None:
    """`index_tokens` (the server's documents and queries, and the snippets on both engines)
    splits and folds a text as SQLite's tokenizer does (``unicode61 remove_diacritics 2``)."""
    from app.domain.names import index_tokens

    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(
            "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2')"
        )
        connection.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        connection.execute("INSERT INTO t (x) VALUES (?)", (text_,))
        reference = [r[0] for r in connection.execute("SELECT term FROM v ORDER BY offset")]
    finally:
        connection.close()
    assert index_tokens(text_) == reference


def test_the_server_query_is_the_fts5_query_in_tsquery_form() -> None:
    """The same parse gives both engines' queries: words, prefixes, phrases, operators (NOT
    binds tighter than AND, AND tighter than OR, in both), transliterated names."""
    from app.search.postgres_fts import tsquery

    assert tsquery(parse("maritime course")) == "'maritime' & 'course'"
    assert tsquery(parse('"a b" c*')) == "('a' <-> 'b') & 'c':*"
    assert tsquery(parse("a OR b NOT c")) == "'a' | 'b' & ! 'c'"
    assert tsquery(parse("-a b")) == "'b'"
    assert tsquery(parse("EX-2024-0001")) == "('ex' <-> '2024' <-> '0001')"
    assert tsquery(parse("EX-20", as_you_type=True)) == "('ex' <-> '20':*)"
    assert tsquery(parse("Mueller")) == "('mueller' | 'muller':B)"
    assert tsquery(parse("NÚÑEZ")) == "'nunez'"
    assert tsquery(parse("_ OR -")) == ""


def test_a_server_document_is_seen_and_written_only_with_its_record(
    database: Database, corpus: SimpleNamespace
) -> None:
    """Row-level security on ``search_documents`` is the source rows' own: a role that cannot see
    a record (here policies hide Tanaka and so his tour, as the server's read rule would) sees
    neither its document nor its words, cannot change it, and cannot forge one."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import DBAPIError

    if database.is_sqlite:
        pytest.skip("row-level security is a database server's")
    role, group = "xdesk_test_searcher", f"{database.url.database}_users"
    sources = "people, exchanges, agreements, liaison_assignments, contact_log, attachments"
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                f"'{role}') THEN CREATE ROLE \"{role}\" LOGIN; END IF; END $$"
            )
        )
        connection.execute(text(f'GRANT "{group}" TO "{role}"'))
        connection.execute(text(f'GRANT SELECT ON {sources} TO "{role}"'))
        connection.execute(text("ALTER TABLE people ENABLE ROW LEVEL SECURITY"))
        connection.execute(
            text(f'CREATE POLICY probe ON people TO "{role}" USING (id <> {corpus.tanaka})')
        )
        connection.execute(text("ALTER TABLE liaison_assignments ENABLE ROW LEVEL SECURITY"))
        connection.execute(  # a tour is seen with its officer
            text(
                f'CREATE POLICY probe ON liaison_assignments TO "{role}" '
                "USING (EXISTS (SELECT 1 FROM people AS p WHERE p.id = person_id))"
            )
        )
    engine = create_engine(database.url.set(username=role, password=None))
    try:
        with engine.connect() as connection:
            keys = set(connection.execute(text("SELECT key FROM search_documents")).scalars())
            words = set(
                connection.execute(
                    text("SELECT word FROM ts_stat('SELECT document FROM search_documents')")
                ).scalars()
            )
        with engine.begin() as connection:
            changed = connection.execute(
                text("UPDATE search_documents SET title = 'x' WHERE kind = 1 AND record_id = :t"),
                {"t": corpus.tanaka},
            )
            assert changed.rowcount == 0
        with pytest.raises(DBAPIError, match="row-level security"), engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO search_documents (key, kind, record_id, label_id, document) "
                    "VALUES (999999 * 8 + 1, 1, 999999, 1, 'forged')"
                )
            )
    finally:
        engine.dispose()
    people = {key >> 3 for key in keys if key & 7 == 1}
    assert people == {corpus.muller, corpus.mueller, corpus.nunez, corpus.kowalski}
    assert "jmsdf" not in words and "hiroshi" not in words  # only Tanaka's record has them
    assert "kowalski" in words

"""The server enforces the access rule itself (revision 0008): raw SQL as user roles.

Each test creates PostgreSQL roles named like its users (members of ``<database>_users``) and
connects as them (the test server trusts local connections), then reads and writes with plain
SQL, no application in between: what the roles see is compared with the Python reference rule
(`app.security.policy.can_read`, with the parents' visibility the services apply), and writes
above a clearance, a viewer's writes and tampering with the audit trail must fail or be caught.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from app.database.engine import to_url
from app.database.labels import intern_label
from app.database.row_security import (
    CHILD_TABLES,
    LABELLED_TABLES,
    PROTECTED_TABLES,
    WITHOUT_ROW_SECURITY,
    problems,
)
from app.domain.labels import Label, Release, is_downgrade
from app.domain.models import (
    Agreement,
    AgreementParty,
    Attachment,
    ContactLogEntry,
    CostLine,
    Exchange,
    ExchangeDomain,
    ExchangePartner,
    LiaisonAssignment,
    NeedToKnowGroup,
    Participation,
    Person,
    PersonLanguage,
    Quota,
    Signatory,
    User,
    UserGroup,
)
from app.domain.vocab import Role
from app.security.audit import verify
from app.security.policy import can_read
from app.security.principal import Actor
from app.services.desk import Desk
from tests.helpers import SERVER_URL

pytestmark = pytest.mark.skipif(
    not SERVER_URL,
    reason="row-level security is the server's: a SQLite file has no database roles (its "
    "access rule is the application's filter, tested in test_access.py)",
)

OWNER = "USA"
NATIONS = ("USA", "GBR", "FRA", "JPN", "DEU")
REL_CODES = ("GBR", "FRA", "JPN", "DEU", "FVEY", "NATO")
NTK = ("ALPHA", "BRAVO")
ROLES = 4  # user roles per test
RECORD_TABLES = (*LABELLED_TABLES, *CHILD_TABLES)
# each table's key in the probes: its id, or its parent's id for child rows (one per parent)
KEYS = {
    **{t: "id" for t in LABELLED_TABLES},
    "person_languages": "person_id",
    "agreement_parties": "agreement_id",
    "signatories": "agreement_id",
    "quotas": "agreement_id",
    "exchange_partners": "exchange_id",
    "exchange_domains": "exchange_id",
    "cost_lines": "exchange_id",
}


# --- the server and its roles ----------------------------------------------------------------


@dataclass
class Server:
    """A test database at head with user roles to connect as."""

    database: object
    name: str
    usernames: list[str]
    connections: dict[str, psycopg.Connection] = field(default_factory=dict)

    def url_for(self, username: str) -> str:
        base = SERVER_URL.split("://", 1)[1].split("@", 1)[1].rsplit("/", 1)[0]
        return f"postgresql://{username}@{base}/{self.name}"

    def connect(self, username: str) -> psycopg.Connection:
        """An autocommit connection as ``username``'s own role (kept for the test)."""
        if username not in self.connections:
            self.connections[username] = psycopg.connect(self.url_for(username), autocommit=True)
        return self.connections[username]

    def rows(self, username: str, sql: str, *params: object) -> list[tuple]:
        with self.connect(username).cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def fails(self, username: str, sql: str, *params: object) -> psycopg.Error:
        """Run a statement that must fail; the error."""
        connection = self.connect(username)
        with pytest.raises(psycopg.Error) as caught, connection.cursor() as cursor:
            cursor.execute(sql, params)
        return caught.value


def _create_role(admin_sql, role: str, group: str) -> None:  # noqa: ANN001
    admin_sql(f'DROP ROLE IF EXISTS "{role}"')
    admin_sql(f'CREATE ROLE "{role}" LOGIN IN ROLE "{group}"')


@pytest.fixture
def server(database, request: pytest.FixtureRequest) -> Iterator[Server]:  # noqa: ANN001
    """The test's database with ``ROLES`` users, each a role of the same name (attributes set
    per example by `_set_users`)."""
    name = database.url.database
    prefix = f"r{zlib.crc32(name.encode()):08x}"
    usernames = [f"{prefix}_{i}" for i in range(ROLES)]
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        for username in usernames:
            _create_role(lambda s: c.execute(text(s)), username, f"{name}_users")
    with Session(database.engine) as session:
        session.add_all(NeedToKnowGroup(name=g) for g in NTK)
        session.add_all(
            User(
                username=u,
                display_name=u,
                password_hash="unused: the server authenticates",
                role="viewer",
                clearance=0,
                nation_code="USA",
            )
            for u in usernames
        )
        session.commit()
    found = Server(database, name, usernames)
    yield found
    for connection in found.connections.values():
        connection.close()
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        for username in usernames:
            c.execute(text(f'DROP ROLE IF EXISTS "{username}"'))


# --- the records of an example ---------------------------------------------------------------

labels_st = st.builds(
    lambda level, release, rel, groups: Label(
        level,
        release,
        frozenset(rel) if release is Release.REL else frozenset(),
        frozenset(groups),
    ).with_owner(OWNER),
    st.integers(0, 4),
    st.sampled_from(list(Release)),
    st.sets(st.sampled_from(REL_CODES), min_size=1, max_size=3),
    st.sets(st.sampled_from(NTK), max_size=2),
)

users_st = st.lists(
    st.tuples(
        st.sampled_from(list(Role)),
        st.integers(0, 4),
        st.sampled_from(NATIONS),
        st.sets(st.sampled_from(NTK), max_size=2),
        st.booleans() | st.just(True),  # mostly active
    ),
    min_size=ROLES,
    max_size=ROLES,
)


@st.composite
def offices(draw: st.DrawFn) -> dict:
    """Labels and records referring to each other by index."""
    labels = draw(st.lists(labels_st, min_size=1, max_size=6))
    label = st.integers(0, len(labels) - 1)
    people = draw(st.lists(label, min_size=1, max_size=5))
    agreements = draw(st.lists(label, max_size=3))
    agreement = st.none() | st.integers(0, len(agreements) - 1) if agreements else st.none()
    exchanges = draw(st.lists(st.tuples(label, agreement), max_size=4))
    participations = (
        draw(
            st.lists(
                st.tuples(st.integers(0, len(exchanges) - 1), st.integers(0, len(people) - 1)),
                max_size=5,
                unique=True,
            )
        )
        if exchanges
        else []
    )
    participations = [(e, p, draw(label)) for e, p in participations]
    liaison = draw(
        st.lists(st.tuples(st.integers(0, len(people) - 1), agreement, label), max_size=3)
    )
    contacts = (
        draw(st.lists(st.tuples(st.integers(0, len(liaison) - 1), label), max_size=3))
        if liaison
        else []
    )
    parents = {
        "person": len(people),
        "agreement": len(agreements),
        "exchange": len(exchanges),
        "participation": len(participations),
        "liaison_assignment": len(liaison),
        "contact_log": len(contacts),
    }
    kinds = [k for k, n in parents.items() if n]
    attachments = draw(
        st.lists(
            st.sampled_from(kinds).flatmap(
                lambda k: st.tuples(st.just(k), st.integers(0, parents[k] - 1), label)
            ),
            max_size=4,
        )
    )
    return {
        "labels": labels,
        "people": people,
        "agreements": agreements,
        "exchanges": exchanges,
        "participations": participations,
        "liaison": liaison,
        "contacts": contacts,
        "attachments": attachments,
    }


def _set_users(server: Server, users: list[tuple]) -> list[Actor]:
    actors = []
    with Session(server.database.engine) as session:
        session.execute(text("DELETE FROM user_groups"))
        for username, (role, clearance, nation, groups, active) in zip(
            server.usernames, users, strict=True
        ):
            user = session.query(User).filter_by(username=username).one()
            user.role, user.clearance, user.nation_code, user.active = (
                role.value,
                clearance,
                nation,
                active,
            )
            session.add_all(UserGroup(user_id=user.id, group_name=g) for g in groups)
            actors.append(
                Actor(
                    user.id, username, role, clearance if active else -1, nation, frozenset(groups)
                )
            )
        session.commit()
    return actors


def _clear_records(session: Session) -> None:
    """Every record of the test's database gone (as the owner), for a new office."""
    session.execute(
        text(
            "TRUNCATE attachments, contact_log, liaison_assignments, participations, "
            "cost_lines, exchange_domains, exchange_partners, exchanges, quotas, signatories,"
            " agreement_parties, agreements, person_languages, people"
        )
    )


def _store(server: Server, office: dict) -> dict[str, list[tuple[int, Label, bool | None]]]:
    """Write the office as the owner; per kind, (id, label, parent index info) rows."""
    day = dt.date(2026, 5, 1)
    with Session(server.database.engine) as session:
        _clear_records(session)
        label_ids = [intern_label(session, label) for label in office["labels"]]
        people = [
            Person(
                reference=f"P-{i}",
                family_name=f"Person {i}",
                nation_code="GBR",
                label_id=label_ids[lab],
                languages=[PersonLanguage(language="eng", profile="3/3/3/3")],
            )
            for i, lab in enumerate(office["people"])
        ]
        agreements = [
            Agreement(
                reference=f"A-{i}",
                title=f"Agreement {i}",
                kind="mou",
                label_id=label_ids[lab],
                parties=[AgreementParty(nation_code="USA")],
                signatories=[Signatory(name="S", nation_code="USA")],
                quotas=[Quota(year=2026, direction="sent", allotted=2)],
            )
            for i, lab in enumerate(office["agreements"])
        ]
        session.add_all(people + agreements)
        session.flush()
        exchanges = [
            Exchange(
                reference=f"E-{i}",
                title=f"Exchange {i}",
                kind="course",
                host_nation="USA",
                start_date=day,
                end_date=day,
                label_id=label_ids[lab],
                agreement_id=None if agr is None else agreements[agr].id,
                partners=[ExchangePartner(nation_code="GBR")],
                domains=[ExchangeDomain(domain="land")],
            )
            for i, (lab, agr) in enumerate(office["exchanges"])
        ]
        session.add_all(exchanges)
        session.flush()
        session.add_all(
            CostLine(exchange_id=e.id, category="travel", amount=1, currency="USD")
            for e in exchanges
        )
        participations = [
            Participation(
                exchange_id=exchanges[e].id, person_id=people[p].id, label_id=label_ids[lab]
            )
            for e, p, lab in office["participations"]
        ]
        liaison = [
            LiaisonAssignment(
                reference=f"L-{i}",
                person_id=people[p].id,
                kind="liaison_officer",
                sending_nation="GBR",
                host_nation="USA",
                start_date=day,
                agreement_id=None if agr is None else agreements[agr].id,
                label_id=label_ids[lab],
            )
            for i, (p, agr, lab) in enumerate(office["liaison"])
        ]
        session.add_all(participations + liaison)
        session.flush()
        contacts = [
            ContactLogEntry(
                assignment_id=liaison[a].id, date=day, subject="visit", label_id=label_ids[lab]
            )
            for a, lab in office["contacts"]
        ]
        session.add_all(contacts)
        session.flush()
        records = {
            "person": people,
            "agreement": agreements,
            "exchange": exchanges,
            "participation": participations,
            "liaison_assignment": liaison,
            "contact_log": contacts,
        }
        attachments = [
            Attachment(
                record_kind=kind,
                record_id=records[kind][index].id,
                name="file.txt",
                size=1,
                sha256="0" * 64,
                content=b"x",
                label_id=label_ids[lab],
            )
            for kind, index, lab in office["attachments"]
        ]
        session.add_all(attachments)
        session.flush()
        stored = {kind: [r.id for r in rows] for kind, rows in records.items()}
        stored["attachment"] = [a.id for a in attachments]
        session.commit()
    return stored


def _expected(office: dict, stored: dict, actor: Actor, groups: dict) -> dict[str, set[int]]:
    """What the reference rule lets ``actor`` see, per table (keys as in `KEYS`)."""
    labels = office["labels"]

    def ok(lab: int) -> bool:
        return can_read(actor, labels[lab], OWNER, groups)

    person = [ok(lab) for lab in office["people"]]
    agreement = [ok(lab) for lab in office["agreements"]]
    exchange = [ok(lab) and (a is None or agreement[a]) for lab, a in office["exchanges"]]
    participation = [
        ok(lab) and exchange[e] and person[p] for e, p, lab in office["participations"]
    ]
    liaison = [
        ok(lab) and person[p] and (a is None or agreement[a]) for p, a, lab in office["liaison"]
    ]
    contact = [ok(lab) and liaison[a] for a, lab in office["contacts"]]
    seen = {
        "person": person,
        "agreement": agreement,
        "exchange": exchange,
        "participation": participation,
        "liaison_assignment": liaison,
        "contact_log": contact,
    }
    seen["attachment"] = [
        ok(lab) and seen[kind][index] for kind, index, lab in office["attachments"]
    ]

    def ids(kind: str) -> set[int]:
        return {i for i, visible in zip(stored[kind], seen[kind], strict=True) if visible}

    by_table = {
        "people": ids("person"),
        "agreements": ids("agreement"),
        "exchanges": ids("exchange"),
        "participations": ids("participation"),
        "liaison_assignments": ids("liaison_assignment"),
        "contact_log": ids("contact_log"),
        "attachments": ids("attachment"),
    }
    for child, parent in CHILD_TABLES.items():
        by_table[child] = by_table[parent]
    return by_table


# --- the rule, for every protected table -----------------------------------------------------


def test_every_record_table_is_probed() -> None:
    """The probes below cover every labelled and child table the registry protects."""
    assert set(KEYS) == set(RECORD_TABLES)
    assert not set(PROTECTED_TABLES) & set(WITHOUT_ROW_SECURITY)


def test_row_security_is_enabled_and_forced_everywhere(server: Server) -> None:
    """Every table of the schema is protected or an explained exception (what xdesk check
    verifies)."""
    with server.database.engine.connect() as connection:
        assert problems(connection) == []


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(office=offices(), users=users_st)
def test_roles_see_what_the_reference_rule_allows(
    server: Server, office: dict, users: list
) -> None:
    """Raw SQL as each role returns exactly the rows `can_read` (and the parents) allow, in
    every labelled and child table; the administration tables as the registry says."""
    actors = _set_users(server, users)
    stored = _store(server, office)
    documents = _documents(server)
    groups = server.database.nation_groups()
    for actor in actors:
        expected = _expected(office, stored, actor, groups)
        for table in RECORD_TABLES:
            got = {
                row[0] for row in server.rows(actor.username, f"SELECT {KEYS[table]} FROM {table}")
            }
            assert got == expected[table], (table, actor)
            (count,) = server.rows(actor.username, f"SELECT count(*) FROM {table}")[0]
            assert count == len(server.rows(actor.username, f"SELECT 1 FROM {table}"))
        # the database's own functions agree with the reference on every label
        readable = set(server.rows(actor.username, "SELECT xdesk_readable_label_array()")[0][0])
        with Session(server.database.engine) as session:
            label_ids = [intern_label(session, label) for label in office["labels"]]
        assert {
            i
            for i, lab in zip(label_ids, office["labels"], strict=True)
            if can_read(actor, lab, OWNER, groups)
        } == readable & set(label_ids)
        writer = actor.clearance >= 0 and actor.may_write_records
        assert server.rows(actor.username, "SELECT xdesk_writer()")[0][0] is writer
        counters = server.rows(actor.username, "SELECT count(*) FROM reference_counters")[0][0]
        assert counters == 0 or writer
        users_seen = server.rows(actor.username, "SELECT count(*) FROM users")[0][0]
        assert users_seen == ROLES + 1  # admin and the test roles: names, never hashes
        _search_functions_agree(server, actor.username, expected, documents)


def _documents(server: Server) -> tuple[str, dict[int, tuple[str, int]]]:
    """Index the office (as the owner) and return a tsquery matching every document, and each
    document's (table, record id) by key."""
    from app.database.search_documents import rebuild
    from app.database.search_index import SOURCES

    tables = {source.code: source.table for source in SOURCES}
    with Session(server.database.engine) as session:
        rebuild(session)
        session.commit()
        rows = session.execute(text("SELECT key, kind, record_id, document FROM search_documents"))
        documents = {key: (tables[kind], record_id) for key, kind, record_id, _d in rows}
        lexemes = session.scalars(
            text("SELECT DISTINCT unnest(tsvector_to_array(document)) FROM search_documents")
        ).all()
    query = " | ".join("'" + w.replace("'", "''") + "'" for w in lexemes) or "'nothing'"
    return query, documents


def _search_functions_agree(
    server: Server, role: str, expected: dict[str, set[int]], documents: tuple
) -> None:
    """Revision 0012's search functions (the GIN index first, then the policy's own test) give
    a role exactly the documents of the records it may read: hits, texts and words."""
    query, by_key = documents
    visible = {key for key, (table, record_id) in by_key.items() if record_id in expected[table]}
    hits = server.rows(role, "SELECT key FROM xdesk_search_hits(%s::tsquery)", query)
    assert {key for (key,) in hits} == visible, role
    every_kind = [1, 2, 3, 4, 5, 6]
    newest = server.rows(  # revision 0015: the newest visible matches, archived ones too
        role, "SELECT key FROM xdesk_search_newest(%s::tsquery, %s, false, NULL)", query, every_kind
    )
    assert {key for (key,) in newest} == visible, role
    three = server.rows(
        role, "SELECT key FROM xdesk_search_newest(%s::tsquery, %s, false, 3)", query, every_kind
    )
    assert {key for (key,) in three} == set(sorted(visible)[-3:]), role
    people = server.rows(
        role, "SELECT key FROM xdesk_search_newest(%s::tsquery, '{1}', false, NULL)", query
    )
    assert {key for (key,) in people} == {key for key in visible if key & 7 == 1}, role
    texts = server.rows(role, "SELECT key FROM xdesk_search_texts(%s::bigint[])", list(by_key))
    assert {key for (key,) in texts} == visible, role
    words = {w for (w,) in server.rows(role, "SELECT xdesk_search_words(%s, '', 10000)", query)}
    with Session(server.database.engine) as session:
        seen = set(
            session.scalars(
                text(
                    "SELECT DISTINCT unnest(tsvector_to_array(document)) FROM search_documents "
                    "WHERE key = ANY(:keys)"
                ),
                {"keys": sorted(visible)},
            )
        )
    assert words == seen, role  # no word of a hidden record's document


# --- probes as each role ---------------------------------------------------------------------

SECRET_PERSON = Label(3, Release.NOFORN)
TOP_SECRET = Label(4, Release.ALL)
PLAIN = Label(0, Release.ALL)


@pytest.fixture
def office(server: Server) -> dict:
    """Four users (admin USA TS, coordinator GBR S, viewer USA TS, auditor USA TS), a plain,
    a SECRET//NOFORN and a TOP SECRET person, each with a language row."""
    users = [
        (Role.ADMINISTRATOR, 4, "USA", set(), True),
        (Role.COORDINATOR, 3, "GBR", set(), True),
        (Role.VIEWER, 4, "USA", set(), True),
        (Role.AUDITOR, 4, "USA", set(), True),
    ]
    _set_users(server, users)
    data = {
        "labels": [PLAIN, SECRET_PERSON, TOP_SECRET],
        "people": [0, 1, 2],
        "agreements": [],
        "exchanges": [],
        "participations": [],
        "liaison": [],
        "contacts": [],
        "attachments": [],
    }
    stored = _store(server, data)
    with Session(server.database.engine) as session:
        labels = {lab: intern_label(session, lab) for lab in data["labels"]}
        session.commit()
    admin, coordinator, viewer, auditor = server.usernames
    return {
        "admin": admin,
        "coordinator": coordinator,
        "viewer": viewer,
        "auditor": auditor,
        "people": stored["person"],
        "labels": labels,
    }


def test_leak_probe_per_role(server: Server, office: dict) -> None:
    """Counts, child rows, password hashes, the audit key: nothing beyond the rule."""
    plain, noforn, top = office["people"]
    expected = {
        "admin": {plain, noforn, top},
        "coordinator": {plain},  # GBR: no NOFORN; SECRET clearance: no TOP SECRET
        "viewer": {plain, noforn, top},
        "auditor": {plain, noforn, top},
    }
    for who, people in expected.items():
        role = office[who]
        assert {r[0] for r in server.rows(role, "SELECT id FROM people")} == people
        assert server.rows(role, "SELECT count(*) FROM people")[0][0] == len(people)
        assert {r[0] for r in server.rows(role, "SELECT person_id FROM person_languages")} == people
        # a hidden record is not found by id either, nor through a join
        assert server.rows(role, "SELECT count(*) FROM people WHERE id = %s", top)[0][0] == (
            1 if top in people else 0
        )
        for statement in (
            "SELECT password_hash FROM users",
            "SELECT * FROM users",
            "SELECT * FROM xdesk_audit_key",
            "SELECT secret FROM xdesk_audit_key",
        ):
            error = server.fails(role, statement)
            assert isinstance(error, psycopg.errors.InsufficientPrivilege), statement
        # the owner's internal audit functions are not callable; the secret never comes back
        server.fails(role, "SELECT xdesk_audit_insert('x', 'login', '', NULL, '', 'success', '{}')")
        server.fails(role, "SELECT xdesk_audit_mark('x'::bytea, 'person', 1)")
    # audit events: the auditor and the administrator read every one; the coordinator only
    # those of records it may read (the table's rows were written by hand: db_insert events)
    kinds = "SELECT DISTINCT record_id FROM audit_events WHERE record_kind = 'person'"
    assert {r[0] for r in server.rows(office["auditor"], kinds)} >= {plain, noforn, top}
    assert {r[0] for r in server.rows(office["coordinator"], kinds)} <= {plain}


def _label(server: Server, role: str, label: Label) -> int:
    with Session(server.database.engine) as session:
        found = intern_label(session, label)
        session.commit()
    return found


def test_write_probes(server: Server, office: dict) -> None:
    """Inserts and updates above a clearance fail; a viewer's and an auditor's writes fail or
    change nothing; a hidden row cannot be updated or deleted."""
    coordinator, viewer, auditor = office["coordinator"], office["viewer"], office["auditor"]
    plain, noforn, top = office["people"]
    labels = office["labels"]
    insert = (
        "INSERT INTO people (reference, family_name, given_names, original_script_name, rank, "
        "rank_code, service, nation_code, unit, position, email, phone, place_of_birth, "
        "passport_number, service_number, visa_type, visa_number, notes, archived, label_id, "
        "created_at, created_by, updated_at, updated_by, row_version) VALUES (%s, 'New', '', '',"
        " '', '', '', 'GBR', '', '', '', '', '', '', '', '', '', '', false, %s, now(), '', "
        "now(), '', 1)"
    )
    # above the coordinator's clearance (SECRET) and NOFORN for a GBR coordinator: refused
    for label in (labels[TOP_SECRET], labels[SECRET_PERSON]):
        error = server.fails(coordinator, insert, f"X-{label}", label)
        assert isinstance(error, psycopg.errors.InsufficientPrivilege)
    # a plain one is fine for the coordinator
    server.rows(coordinator, insert + " RETURNING id", "X-plain", labels[PLAIN])
    # relabelling a visible person above the coordinator's clearance: refused
    error = server.fails(
        coordinator, "UPDATE people SET label_id = %s WHERE id = %s", labels[TOP_SECRET], plain
    )
    assert isinstance(error, psycopg.errors.InsufficientPrivilege)
    # a hidden row: the update and the delete match nothing
    with server.connect(coordinator).cursor() as cursor:
        cursor.execute("UPDATE people SET family_name = 'Changed' WHERE id = %s", (top,))
        assert cursor.rowcount == 0
        cursor.execute("DELETE FROM people WHERE id = %s", (noforn,))
        assert cursor.rowcount == 0
        cursor.execute("DELETE FROM person_languages WHERE person_id = %s", (top,))
        assert cursor.rowcount == 0
    # viewers and auditors write nothing, not even on what they read
    for reader in (viewer, auditor):
        error = server.fails(reader, insert, f"V-{reader}", labels[PLAIN])
        assert isinstance(error, psycopg.errors.InsufficientPrivilege)
        with server.connect(reader).cursor() as cursor:
            cursor.execute("UPDATE people SET family_name = 'Changed' WHERE id = %s", (plain,))
            assert cursor.rowcount == 0
            cursor.execute("DELETE FROM person_languages WHERE person_id = %s", (plain,))
            assert cursor.rowcount == 0
        error = server.fails(
            reader,
            "INSERT INTO labels (level, release, fingerprint) VALUES (0, 'ALL', 'viewer')",
        )
        assert isinstance(error, psycopg.errors.InsufficientPrivilege)
    # a coordinator cannot intern a label above its clearance, nor make itself an administrator
    error = server.fails(
        coordinator, "INSERT INTO labels (level, release, fingerprint) VALUES (4, 'ALL', 'x')"
    )
    assert isinstance(error, psycopg.errors.InsufficientPrivilege)
    error = server.fails(
        coordinator,
        "UPDATE users SET role = 'administrator', clearance = 4 WHERE username = %s",
        coordinator,
    )
    assert isinstance(error, psycopg.errors.InsufficientPrivilege)
    with server.connect(coordinator).cursor() as cursor:
        cursor.execute("UPDATE users SET clearance = 0 WHERE username = %s", (office["admin"],))
        assert cursor.rowcount == 0
    error = server.fails(
        coordinator, "INSERT INTO user_groups (user_id, group_name) SELECT id, 'ALPHA' FROM users"
    )
    assert isinstance(error, psycopg.errors.InsufficientPrivilege)
    with Session(server.database.engine) as session:
        assert session.scalar(text("SELECT family_name FROM people WHERE id = :i"), {"i": top}) == (
            "Person 2"
        )


def test_relabel_by_hand(server: Server, office: dict) -> None:
    """A coordinator lowering a label by hand is refused by the server (only an administrator
    downgrades); an administrator's hand downgrade is recorded with who and both labels."""
    coordinator, admin = office["coordinator"], office["admin"]
    plain = office["people"][0]
    labels = office["labels"]
    rel = _label(server, coordinator, Label(2, Release.REL, frozenset({"USA", "GBR"})))
    with Session(server.database.engine) as session:
        session.execute(
            text("UPDATE people SET label_id = :l WHERE id = :i"), {"l": rel, "i": plain}
        )
        session.commit()
    error = server.fails(
        coordinator, "UPDATE people SET label_id = %s WHERE id = %s", labels[PLAIN], plain
    )
    assert isinstance(error, psycopg.errors.InsufficientPrivilege)
    assert "administrator" in str(error)
    # raising it (within its clearance) is no downgrade: allowed
    higher = _label(server, coordinator, Label(3, Release.REL, frozenset({"USA", "GBR"})))
    with server.connect(coordinator).cursor() as cursor:
        cursor.execute("UPDATE people SET label_id = %s WHERE id = %s", (higher, plain))
        assert cursor.rowcount == 1
    with server.connect(admin).cursor() as cursor:
        cursor.execute("UPDATE people SET label_id = %s WHERE id = %s", (labels[PLAIN], plain))
        assert cursor.rowcount == 1
    rows = server.rows(
        office["auditor"],
        "SELECT username, details FROM audit_events WHERE action = 'db_update' "
        "AND record_kind = 'person' AND record_id = %s ORDER BY id DESC LIMIT 1",
        plain,
    )
    assert rows and rows[0][0] == admin
    assert f"[{higher},{labels[PLAIN]}]" in rows[0][1].replace(" ", "")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(old=labels_st, new=labels_st)
def test_the_servers_downgrade_rule_is_the_applications(
    server: Server, old: Label, new: Label
) -> None:
    """``xdesk_is_downgrade`` agrees with `app.domain.labels.is_downgrade` (groups expanded)."""
    with Session(server.database.engine) as session:
        a, b = intern_label(session, old), intern_label(session, new)
        session.commit()
        got = session.scalar(text("SELECT xdesk_is_downgrade(:a, :b)"), {"a": a, "b": b})
    assert got is is_downgrade(old, new, OWNER, server.database.nation_groups())


def test_tamper_probes_as_a_user_role(server: Server, office: dict) -> None:
    """No user role alters the audit trail or the schema; verify stays intact."""
    for who in ("admin", "coordinator", "auditor"):
        role = office[who]
        for statement in (
            "UPDATE audit_events SET details = '{}'",
            "DELETE FROM audit_events",
            "INSERT INTO audit_events (id, at, username, action, record_kind, record_ref, "
            "outcome, details, prev_hash, hash) VALUES (99999, now(), 'x', 'login', '', '', "
            "'success', '{}', 'x', 'x')",
            "TRUNCATE audit_events",
            "TRUNCATE people CASCADE",
            "ALTER TABLE audit_events DISABLE TRIGGER ALL",
            "ALTER TABLE people DISABLE ROW LEVEL SECURITY",
            "ALTER TABLE people NO FORCE ROW LEVEL SECURITY",
            "DROP POLICY xdesk_read ON people",
            "CREATE POLICY everything ON people USING (true)",
            "DROP TRIGGER xdesk_audit_row ON people",
            "CREATE TABLE public.mine (id integer)",
            "CREATE FUNCTION public.xdesk_writer() RETURNS boolean LANGUAGE sql AS 'SELECT true'",
            "UPDATE xdesk_audit_key SET head_count = 0",
            "SET row_security = off",
        ):
            connection = server.connect(role)
            try:
                with connection.cursor() as cursor:
                    cursor.execute(statement)
            except psycopg.Error:
                continue
            # ``SET row_security = off`` is accepted, but then any filtered query errors out
            assert statement.startswith("SET row_security"), (who, statement)
            error = server.fails(role, "SELECT count(*) FROM people")
            assert "row-level security" in str(error)
            with connection.cursor() as cursor:
                cursor.execute("RESET row_security")
    with server.database.snapshot() as session:
        result = verify(session)
    assert result.ok, result.problems
    # the auditor verifies as itself: it reads every event and the server checks the links
    engine = create_engine(
        to_url(server.url_for(office["auditor"])), isolation_level="REPEATABLE READ"
    )
    try:
        with Session(engine) as session:
            result = verify(session)
        assert result.ok, result.problems
        assert result.checked > 0
    finally:
        engine.dispose()


# --- the application through both layers -----------------------------------------------------


def test_the_application_works_as_user_roles(database, admin) -> None:  # noqa: ANN001
    """The services, connected as each user's own role (no owner, no superuser), create,
    list, count, edit and audit as on the owner's connection; what a role may not see stays
    hidden in both layers."""
    from app.services.errors import NotFound, PermissionDenied
    from tests.helpers import create_user
    from tests.helpers.roles import role_database

    prefix = f"a{zlib.crc32(database.url.database.encode()):08x}"
    names = {k: f"{prefix}_{k}" for k in ("admin", "gb", "viewer")}
    create_user(admin, names["admin"], role="administrator", clearance="TS")
    create_user(admin, names["gb"], role="coordinator", clearance="S", nation="GBR")
    create_user(admin, names["viewer"], role="viewer", clearance="TS")
    try:
        desks = {k: Desk(role_database(database, n), n) for k, n in names.items()}
        for desk in desks.values():
            assert desk.db.url.username == desk.username
            with desk.db.engine.connect() as connection:
                assert connection.scalar(text("SELECT session_user")) == desk.username
                assert not connection.scalar(
                    text("SELECT rolsuper FROM pg_roles WHERE rolname = session_user")
                )
        boss, gb, viewer = desks["admin"], desks["gb"], desks["viewer"]
        shared = boss.people.create(
            {
                "family_name": "Shared",
                "nation_code": "GBR",
                "classification": "C",
                "releasable_to": "GBR",
            }
        ).record
        secret = boss.people.create(
            {
                "family_name": "Secret",
                "nation_code": "USA",
                "classification": "S",
                "releasable_to": "NOFORN",
            }
        ).record
        mine = gb.people.create({"family_name": "Mine", "nation_code": "GBR"}).record
        gb.people.update(mine.id, {"given_names": "Edited"}, expected_version=1)
        gb.people.update(shared.id, {"given_names": "Also"})
        assert {p.family_name for p in gb.people.list().records} == {"Shared", "Mine"}
        assert gb.people.count() == 2
        with pytest.raises(NotFound):
            gb.people.get(secret.id)
        assert viewer.people.count() == 3
        with pytest.raises(PermissionDenied):
            viewer.people.update(mine.id, {"given_names": "No"})
        exchange = gb.exchanges.create(
            {
                "title": "Course",
                "kind": "course_seat",
                "host_nation": "GBR",
                "start_date": "2026-03-01",
                "end_date": "2026-03-02",
            }
        ).record
        gb.participations.create({"exchange": exchange.id, "person": mine.id})
        assert gb.participations.count() == 1
        # the audit trail, appended through the owner's function, verified by the administrator
        assert boss.audit.verify().ok
        assert any(e.username == names["gb"] for e in boss.audit.list(limit=50))
    finally:
        for desk in locals().get("desks", {}).values():
            desk.db.dispose()


# revision 0018: a band is 2**20 keys (a key is id * 8 + kind), so people 2**17 ids apart fall
# in bands of their own; the function asks six bands one by one, then everything older at once
BAND_IDS = 1 << 17


def test_the_newest_matches_read_band_by_band_are_the_newest_of_all(server: Server) -> None:
    """Revision 0018: the newest visible matches of a search, read from the newest band of keys
    down (stopping early, or after six bands the rest at once), are exactly the newest of every
    visible match the reference rule allows, for any limit, archived ones left out when asked.
    (Each mutation of the band walk tried, a band skipped or read twice, a stop too early,
    fails here.)"""
    from app.database.search_documents import rebuild

    actors = _set_users(
        server,
        [
            (Role.VIEWER, 2, "GBR", (), True),
            (Role.COORDINATOR, 3, "USA", (), True),
            (Role.VIEWER, 0, "FRA", (), True),
            (Role.AUDITOR, 1, "JPN", (), True),
        ],
    )
    labels = [
        Label(0),
        Label(2, Release.NOFORN),
        Label(1, Release.REL, frozenset({"GBR"})),
        Label(3),
    ]
    # a dense band 0 (ids 1..30), then one person in each of fourteen bands above it
    # a dense band 0 (ids 1..30), then four people in each of fourteen bands above it (the
    # band's first visible to all, so that bands are asked one by one before the rest)
    ids = [*range(1, 31), *(BAND_IDS * band + j for band in range(1, 15) for j in range(4))]
    # (id, matches, label, archived): four of five match, a few archived, every label
    rows = [
        (person_id, i % 5 != 3, labels[i % len(labels)], i % 7 == 6)
        for i, person_id in enumerate(ids)
    ]
    with Session(server.database.engine) as session:
        _clear_records(session)
        session.add_all(
            Person(
                id=person_id,
                reference=f"P-{person_id}",
                family_name="Müller" if matches else "Other",
                nation_code="GBR",
                label_id=intern_label(session, label),
                archived=archived,
            )
            for person_id, matches, label, archived in rows
        )
        session.flush()
        rebuild(session)
        session.commit()
    groups = server.database.nation_groups()
    for actor in actors:
        for live in (False, True):
            matching = sorted(
                (
                    person_id * 8 + 1
                    for person_id, matches, label, archived in rows
                    if matches and can_read(actor, label, OWNER, groups) and not (live and archived)
                ),
                reverse=True,
            )
            assert len(matching) > 3, actor  # every actor sees matches in several bands
            for limit in (1, 2, 3, 5, 8, 13, 21, 40, None):
                got = server.rows(
                    actor.username,
                    "SELECT key FROM xdesk_search_newest('muller'::tsquery, '{1}', %s, %s)",
                    live,
                    limit,
                )
                assert sorted((key for (key,) in got), reverse=True) == matching[:limit], (
                    actor,
                    live,
                    limit,
                )

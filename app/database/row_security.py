"""Which tables a server protects with row-level security, in one place (revision 0008 on).

On PostgreSQL every table of the ``public`` schema has row-level security ENABLED and FORCED,
with the policies of revision 0008 (the read rule of domain.md for the connected role, and
``WITH CHECK`` write policies), except the few in `WITHOUT_ROW_SECURITY`, each with its reason.
A table added later is either registered here (and given its policies in its revision) or
listed as an exception: `problems` (used by ``xdesk check``) names any table that is neither,
and any registered table whose row security is off or not forced.

The revisions keep their own frozen copies of the DDL; this module is what the running
application and its checks hold them to.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# labelled records: the read rule on their own label and on their parents' visibility
LABELLED_TABLES: tuple[str, ...] = (
    "people",
    "agreements",
    "exchanges",  # and its governing agreement, when it has one
    "participations",  # and its exchange and person
    "liaison_assignments",  # and its person and agreement
    "contact_log",  # and its assignment
    "attachments",  # and the record it is attached to
)

# rows of a parent record: visible, and writable, exactly when the parent is
CHILD_TABLES: dict[str, str] = {
    "person_languages": "people",
    "agreement_parties": "agreements",
    "signatories": "agreements",
    "quotas": "agreements",
    "exchange_partners": "exchanges",
    "exchange_domains": "exchanges",
    "cost_lines": "exchanges",
}

# administration tables: who may see and change rows (the policies of revision 0008)
ADMIN_TABLES: dict[str, str] = {
    "users": "every row, never password_hash (column grants); administrators add, change and "
    "remove users; a user changes only their own password and login bookkeeping",
    "user_groups": "read by all; written by administrators",
    "settings": "read by all; written by administrators",
    "nations": "read by all; written by administrators",
    "nation_groups": "read by all; written by administrators",
    "nation_group_members": "read by all; written by administrators",
    "ntk_groups": "read by all; written by administrators",
    "reference_counters": "coordinators and administrators only (a count of records per year "
    "is not for viewers)",
    "saved_searches": "one's own only",
    "labels": "read by all (the label vocabulary, not records); interned by writers up to "
    "their clearance; never changed",
    "label_releases": "as labels",
    "label_groups": "as labels",
    "audit_events": "administrators and auditors read every event, others the events of "
    "records they may read and their own events without a record; nobody inserts (appends go "
    "through xdesk_audit_append), updates or deletes",
}

# rows derived from records: visible exactly when their record is (their own revision's policy,
# the record's policy applying inside)
DERIVED_TABLES: dict[str, str] = {
    "search_documents": "the full-text documents of records (revision 0007): a row is visible "
    "when its record is",
}

# tables with row security off, and why
WITHOUT_ROW_SECURITY: dict[str, str] = {
    "alembic_version": "the schema revision, no record; user roles may only SELECT it "
    "(a client checks the schema before it writes)",
    "xdesk_audit_key": "the audit chain's secret and head: no privilege at all for user roles; "
    "read only by the owner's SECURITY DEFINER audit functions (which FORCE would block)",
}

PROTECTED_TABLES: tuple[str, ...] = (
    *LABELLED_TABLES,
    *CHILD_TABLES,
    *ADMIN_TABLES,
    *DERIVED_TABLES,
)


# revisions 0012 and 0015: the functions that match search documents with their index, run as
# the database's search role (a member of the users' group with a SELECT policy on the documents)
SEARCH_FUNCTIONS = frozenset(
    {
        "xdesk_search_hits(tsquery)",
        "xdesk_search_newest(tsquery,smallint[],boolean,integer)",
        "xdesk_search_texts(bigint[])",
        "xdesk_search_words(text,text,integer)",
    }
)


def search_role(database: str) -> str:
    """The role that owns ``database``'s search functions (revision 0012)."""
    return f"{database}_search"[:63]


def users_group(database: str) -> str:
    """The group role every application user role of ``database`` is a member of."""
    return f"{database}_users"


def problems(connection: Connection) -> list[str]:
    """What is wrong with row security on this server database, in plain words (empty: all
    right). Checks every table of ``public``: registered tables must have row security enabled,
    forced and at least one policy; unregistered ones must be in `WITHOUT_ROW_SECURITY`."""
    rows = connection.execute(
        text(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
            "(SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) "
            "FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace "
            "AND c.relkind IN ('r', 'p') ORDER BY c.relname"
        )
    ).all()
    found: list[str] = []
    for name, enabled, forced, policies in rows:
        if name in WITHOUT_ROW_SECURITY:
            continue
        if name not in PROTECTED_TABLES:
            found.append(f"table {name} is neither protected by row security nor an exception")
            continue
        if not enabled:
            found.append(f"table {name}: row security is not enabled")
        elif not forced:
            found.append(f"table {name}: row security is not forced")
        if not policies:
            found.append(f"table {name}: no policy")
    present = {row[0] for row in rows}
    found += [f"table {t} is missing" for t in PROTECTED_TABLES if t not in present]
    return found

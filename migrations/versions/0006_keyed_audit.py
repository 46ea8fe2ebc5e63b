"""Audit on a server: a keyed (HMAC) chain only the database appends to, and row triggers.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 08:00:00

PostgreSQL only (SQLite keeps its chain as it is; nothing changes there):

- ``xdesk_audit_key`` (owner-only, one row): a random 32-byte secret made here by pgcrypto's
  ``gen_random_bytes``, the first id of the keyed chain (events before it keep their SHA-256
  links), and the head of the chain (count, newest link). No user role can read it.
- ``xdesk_audit_append(...)`` (SECURITY DEFINER, owned by the owner role; the triggers use the
  same insert, ``xdesk_audit_insert``, without the mark): locks the key row
  (appends are serialised), links the event as HMAC-SHA256(secret, previous link + the event's
  canonical content, the same fields as ``app.security.audit.event_hash``), records the actor
  as ``session_user`` (the name the client passes is used only when the owner itself connects)
  and inserts it; it also leaves a transaction-local mark per audited record
  (HMAC(secret, "mark", transaction id, kind, record id): a client cannot forge one).
- ``xdesk_audit_row()``: a deferred constraint trigger (AFTER INSERT/UPDATE/DELETE, fired at
  commit) on every labelled and child table; a row change with no mark of its record (or its
  parent; for a new row also a summary event of its kind, as imports append) in the same
  transaction is a change made around the
  application (by hand in psql): it appends a ``db_insert``/``db_update``/``db_delete`` event
  with the table, old/new version and old/new label, by the connected role. TRUNCATE of those
  tables appends ``db_truncate``.
- ``xdesk_audit_check(after, rows)`` and ``xdesk_audit_head()``: what verification needs
  (whether each stored link is right, the id a moved event was written as, the head); the
  secret never leaves the server and nothing returns a link for content a caller chooses.
- User roles (the group ``<database>_users``) may execute append, check and head, and have no
  INSERT/UPDATE/DELETE/TRUNCATE on ``audit_events``.

The DDL is frozen here on purpose (not imported from the application).
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

GENESIS = "0" * 64

# table -> (kind, id column, parent kind or "@column naming it", parent id column)
TRIGGERED = {
    "people": ("person", "id"),
    "person_languages": ("person", "person_id"),
    "agreements": ("agreement", "id"),
    "agreement_parties": ("agreement", "agreement_id"),
    "signatories": ("agreement", "agreement_id"),
    "quotas": ("agreement", "agreement_id"),
    "exchanges": ("exchange", "id"),
    "exchange_partners": ("exchange", "exchange_id"),
    "exchange_domains": ("exchange", "exchange_id"),
    "cost_lines": ("exchange", "exchange_id"),
    "participations": ("participation", "id", "exchange", "exchange_id"),
    "liaison_assignments": ("liaison_assignment", "id", "person", "person_id"),
    "contact_log": ("contact_log", "id", "liaison_assignment", "assignment_id"),
    "attachments": ("attachment", "id", "@record_kind", "record_id"),
}

APPEND_ARGS = "text, text, text, integer, text, text, text"

UPGRADE = r"""
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

CREATE TABLE xdesk_audit_key (
    id integer PRIMARY KEY CHECK (id = 1),
    secret bytea NOT NULL,
    keyed_from integer NOT NULL,
    head_count bigint NOT NULL,
    head_hash text NOT NULL
);
REVOKE ALL ON xdesk_audit_key FROM PUBLIC;

INSERT INTO xdesk_audit_key (id, secret, keyed_from, head_count, head_hash)
SELECT 1, gen_random_bytes(32),
       COALESCE((SELECT max(id) FROM audit_events), 0) + 1,
       COALESCE((SELECT split_part(value, ':', 1)::bigint FROM settings
                 WHERE key = 'audit_head'), 0),
       COALESCE((SELECT split_part(value, ':', 2) FROM settings WHERE key = 'audit_head'),
                repeat('0', 64));

-- the event's canonical content, as app.security.audit.event_hash joins it
CREATE FUNCTION xdesk_audit_content(e audit_events, as_id integer) RETURNS bytea
LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
    SELECT convert_to(concat_ws(chr(31), e.prev_hash, as_id::text,
        to_char(e."at", 'YYYY-MM-DD"T"HH24:MI:SS.US'), e.username, e.action, e.record_kind,
        COALESCE(e.record_id::text, ''), e.record_ref, e.outcome, e.details), 'UTF8')
$$;

-- the link an event written as as_id must carry: SHA-256 before the chain was keyed, HMAC after
CREATE FUNCTION xdesk_audit_link(e audit_events, as_id integer, secret bytea, keyed_from integer)
RETURNS text LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN as_id < keyed_from
        THEN encode(sha256(xdesk_audit_content(e, as_id)), 'hex')
        ELSE encode(hmac(xdesk_audit_content(e, as_id), secret, 'sha256'), 'hex') END
$$;

-- the mark an application event leaves for its record, valid in this transaction only
CREATE FUNCTION xdesk_audit_mark(secret bytea, kind text, record_id integer) RETURNS text
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT left(encode(hmac(convert_to(concat_ws(chr(31), 'mark', pg_current_xact_id()::text,
        kind, COALESCE(record_id::text, '*')), 'UTF8'), secret, 'sha256'), 'hex'), 32)
$$;

CREATE FUNCTION xdesk_audit_insert(p_username text, p_action text, p_kind text,
    p_record_id integer, p_ref text, p_outcome text, p_details text)
RETURNS audit_events LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
    k xdesk_audit_key;
    e audit_events;
BEGIN
    -- one append at a time: the key row stays locked until this transaction ends
    SELECT * INTO STRICT k FROM xdesk_audit_key WHERE xdesk_audit_key.id = 1 FOR UPDATE;
    e.id := COALESCE((SELECT max(a.id) FROM audit_events a), 0) + 1;
    e."at" := clock_timestamp() AT TIME ZONE 'UTC';
    IF session_user::text = current_user::text
       OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper) THEN
        e.username := left(COALESCE(p_username, session_user::text), 64);
    ELSE
        e.username := session_user;  -- a user role is recorded as itself, whatever it says
    END IF;
    e.action := p_action;
    e.record_kind := COALESCE(p_kind, '');
    e.record_id := p_record_id;
    e.record_ref := left(COALESCE(p_ref, ''), 40);
    e.outcome := COALESCE(p_outcome, 'success');
    e.details := COALESCE(p_details, '{}');
    e.prev_hash := k.head_hash;
    e.hash := xdesk_audit_link(e, e.id, k.secret, k.keyed_from);
    INSERT INTO audit_events (id, "at", username, action, record_kind, record_id, record_ref,
                              outcome, details, prev_hash, hash)
    VALUES (e.id, e."at", e.username, e.action, e.record_kind, e.record_id, e.record_ref,
            e.outcome, e.details, e.prev_hash, e.hash);
    UPDATE xdesk_audit_key SET head_count = head_count + 1, head_hash = e.hash
    WHERE xdesk_audit_key.id = 1;
    RETURN e;
END $$;

-- the application's door: the event, and the mark of its record for this transaction
CREATE FUNCTION xdesk_audit_append(p_username text, p_action text, p_kind text,
    p_record_id integer, p_ref text, p_outcome text, p_details text)
RETURNS audit_events LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
    e audit_events;
BEGIN
    e := xdesk_audit_insert(p_username, p_action, p_kind, p_record_id, p_ref, p_outcome,
                            p_details);
    PERFORM set_config('xdesk.audited', COALESCE(current_setting('xdesk.audited', true), '')
        || ' ' || xdesk_audit_mark((SELECT k.secret FROM xdesk_audit_key k WHERE k.id = 1),
                                   e.record_kind, e.record_id), true);
    RETURN e;
END $$;

-- a row change of a labelled or child table, checked at commit
CREATE FUNCTION xdesk_audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
    secret bytea;
    marks text := COALESCE(current_setting('xdesk.audited', true), '');
    o jsonb;
    n jsonb;
    r jsonb;
    kind text := TG_ARGV[0];
    rid integer;
    parent_kind text;
BEGIN
    IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF;
    r := COALESCE(n, o);
    rid := (r ->> TG_ARGV[1])::integer;
    IF marks <> '' THEN
        SELECT k.secret INTO secret FROM xdesk_audit_key k WHERE k.id = 1;
        -- a new row under a summary event of its kind (imports) first: one HMAC per row
        IF (TG_OP = 'INSERT' AND position(xdesk_audit_mark(secret, kind, NULL) IN marks) > 0)
           OR position(xdesk_audit_mark(secret, kind, rid) IN marks) > 0
        THEN
            RETURN NULL;  -- the application audited this change in this transaction
        END IF;
        IF TG_NARGS > 2 THEN
            parent_kind := CASE WHEN left(TG_ARGV[2], 1) = '@'
                THEN r ->> substr(TG_ARGV[2], 2) ELSE TG_ARGV[2] END;
            IF position(xdesk_audit_mark(secret, parent_kind, (r ->> TG_ARGV[3])::integer)
                        IN marks) > 0 THEN
                RETURN NULL;  -- written under its parent's audited change
            END IF;
        END IF;
    END IF;
    PERFORM xdesk_audit_insert(session_user::text, 'db_' || lower(TG_OP), kind, rid,
        COALESCE(r ->> 'reference', ''), 'success',
        jsonb_build_object(
            'table', TG_TABLE_NAME,
            'version', jsonb_build_array(o -> 'row_version', n -> 'row_version'),
            'label', jsonb_build_array(o -> 'label_id', n -> 'label_id'))::text);
    RETURN NULL;
END $$;

CREATE FUNCTION xdesk_audit_truncate() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM xdesk_audit_insert(session_user::text, 'db_truncate', TG_ARGV[0], NULL, '',
        'success', jsonb_build_object('table', TG_TABLE_NAME)::text);
    RETURN NULL;
END $$;

CREATE FUNCTION xdesk_audit_check(after_id integer, max_rows integer)
RETURNS TABLE(event_id integer, link_ok boolean, written_as integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    k xdesk_audit_key;
BEGIN
    SELECT * INTO STRICT k FROM xdesk_audit_key WHERE xdesk_audit_key.id = 1;
    RETURN QUERY
    SELECT checked.id, checked.ok,
           CASE WHEN checked.ok THEN NULL ELSE (
               SELECT c FROM generate_series(greatest(1, checked.id - 200), checked.id + 200) c
               WHERE c <> checked.id
                 AND xdesk_audit_link(checked.e, c, k.secret, k.keyed_from) = checked.hash
               LIMIT 1) END
    FROM (SELECT a.id, a.hash, a AS e,
                 xdesk_audit_link(a, a.id, k.secret, k.keyed_from) = a.hash AS ok
          FROM audit_events a WHERE a.id > after_id ORDER BY a.id LIMIT max_rows) checked
    ORDER BY checked.id;
END $$;

CREATE FUNCTION xdesk_audit_head(OUT head_count bigint, OUT head_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT k.head_count, k.head_hash FROM xdesk_audit_key k WHERE k.id = 1
$$;

REVOKE EXECUTE ON FUNCTION xdesk_audit_content(audit_events, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_audit_link(audit_events, integer, bytea, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_audit_mark(bytea, text, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_audit_insert(text, text, text, integer, text, text, text)
    FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_audit_append(text, text, text, integer, text, text, text)
    FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_audit_row() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_audit_truncate() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_audit_check(integer, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_audit_head() FROM PUBLIC;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;

DO $$
DECLARE
    grp text := current_database() || '_users';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', grp);
    END IF;
    EXECUTE format('GRANT EXECUTE ON FUNCTION xdesk_audit_append(text, text, text, integer, '
        'text, text, text), xdesk_audit_check(integer, integer), xdesk_audit_head() TO %I', grp);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_events FROM %I', grp);
END $$;
"""

DOWNGRADE = r"""
-- back to the unkeyed chain: the keyed events are linked again with SHA-256
ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
DO $$
DECLARE
    e audit_events;
    kf integer;
    prev text;
BEGIN
    SELECT keyed_from INTO kf FROM xdesk_audit_key WHERE id = 1;
    SELECT a.hash INTO prev FROM audit_events a WHERE a.id < kf ORDER BY a.id DESC LIMIT 1;
    prev := COALESCE(prev, repeat('0', 64));
    FOR e IN SELECT * FROM audit_events WHERE id >= kf ORDER BY id LOOP
        e.prev_hash := prev;
        e.hash := encode(sha256(xdesk_audit_content(e, e.id)), 'hex');
        UPDATE audit_events SET prev_hash = e.prev_hash, hash = e.hash WHERE id = e.id;
        prev := e.hash;
    END LOOP;
    IF EXISTS (SELECT 1 FROM audit_events) THEN
        INSERT INTO settings (key, value)
        VALUES ('audit_head', (SELECT count(*) FROM audit_events)::text || ':' || prev)
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
    END IF;
END $$;
ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
DROP FUNCTION xdesk_audit_head();
DROP FUNCTION xdesk_audit_check(integer, integer);
DROP FUNCTION xdesk_audit_truncate();
DROP FUNCTION xdesk_audit_row();
DROP FUNCTION xdesk_audit_append(text, text, text, integer, text, text, text);
DROP FUNCTION xdesk_audit_insert(text, text, text, integer, text, text, text);
DROP FUNCTION xdesk_audit_mark(bytea, text, integer);
DROP FUNCTION xdesk_audit_link(audit_events, integer, bytea, integer);
DROP FUNCTION xdesk_audit_content(audit_events, integer);
DROP TABLE xdesk_audit_key;
"""


def _statements(sql: str) -> list[str]:
    """One statement at a time (drivers differ on several in one call): a statement ends with
    ``;`` at the end of a line outside a ``$$`` body."""
    statements: list[str] = []
    lines: list[str] = []
    inside = False
    for line in sql.strip().splitlines():
        lines.append(line)
        inside ^= line.count("$$") % 2 == 1
        if not inside and line.rstrip().endswith(";"):
            statements.append("\n".join(lines).strip().rstrip(";"))
            lines = []
    return statements


def _triggers() -> list[str]:
    statements = []
    for table, arguments in TRIGGERED.items():
        quoted = ", ".join(f"'{a}'" for a in arguments)
        statements.append(
            f"CREATE CONSTRAINT TRIGGER xdesk_audit_row AFTER INSERT OR UPDATE OR DELETE "
            f"ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            f"EXECUTE FUNCTION xdesk_audit_row({quoted})"
        )
        statements.append(
            f"CREATE TRIGGER xdesk_audit_truncate AFTER TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION xdesk_audit_truncate('{arguments[0]}')"
        )
    return statements


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _statements(UPGRADE) + _triggers():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TRIGGERED:
        op.execute(f"DROP TRIGGER xdesk_audit_row ON {table}")
        op.execute(f"DROP TRIGGER xdesk_audit_truncate ON {table}")
    for statement in _statements(DOWNGRADE):
        op.execute(statement)

"""The ``xdesk`` command line, driven in-process through ``main([...])``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from app.cli import main
from tests.helpers import PASSWORD
from tests.helpers.files import file_key, raw_connection, reopen

PEOPLE = (
    "\n".join(
        [
            "family_name,given_names,nation,rank,service,date_of_birth,passport_number,email,classification,releasable_to,groups",
            "Kowalski,Jan,POL,Major,army,1984-05-17,EA1234567,jan@example.pl,C,NATO,",
            "Müller,Anna,DEU,Kapitänleutnant,navy,1990-11-02,C01X00T47,,U,,",
            'Yamada,Taro,JPN,1st Lt,air_force,1992-01-30,TK1234567,,S,"USA, JPN",SOF',
            "Dupont,Marie,FRA,,,,,,S,NOFORN,",
        ]
    )
    + "\n"
)


class Cli:
    """Runs ``main`` against one database and returns (status, stdout, stderr)."""

    def __init__(
        self, db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        self.db, self.capsys, self.monkeypatch = db, capsys, monkeypatch

    def __call__(
        self,
        *argv: str,
        user: str | None = "admin",
        password: str = PASSWORD,
        db: Path | None = None,
    ) -> tuple[int, str, str]:
        self.monkeypatch.setenv("XDESK_PASSWORD", password)
        if user is None:
            self.monkeypatch.delenv("XDESK_USER", raising=False)
        else:
            self.monkeypatch.setenv("XDESK_USER", user)
        self.capsys.readouterr()
        code = main(["--db", str(db or self.db), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """A database made with ``xdesk init``, a SOF group the admin is in, and a runner."""
    run = Cli(tmp_path / "desk.sqlite", capsys, monkeypatch)
    code, out, err = run("init", "--owner-nation", "USA", "--admin", "admin", user=None)
    assert code == 0, err
    assert "created database" in out and "USA" in out
    from app.services.desk import Desk
    from app.services.setup import open_desk_database

    database = open_desk_database(run.db, user="admin", password=PASSWORD)
    try:
        Desk(database, "admin").users.create_ntk_group("SOF")
        Desk(database, "admin").users.update("admin", {"groups": ["SOF"]})
    finally:
        database.dispose()
    return run


def test_init_twice_upgrades_and_refuses_another_owner(cli: Cli) -> None:
    code, out, _ = cli("init", "--owner-nation", "USA", "--admin", "admin", user=None)
    assert code == 0 and "is ready" in out
    code, out, err = cli("init", "--owner-nation", "GBR", "--admin", "admin", user=None)
    assert code == 1 and out == "" and "belongs to USA" in err and "Traceback" not in err


def test_init_asks_for_the_password_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("XDESK_PASSWORD", raising=False)
    answers = iter([PASSWORD, "something else entirely"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert (
        main(
            ["--db", str(tmp_path / "x.sqlite"), "init", "--owner-nation", "USA", "--admin", "root"]
        )
        == 1
    )
    assert "differ" in capsys.readouterr().err and not (tmp_path / "x.sqlite").exists()
    answers = iter([PASSWORD, PASSWORD])
    assert (
        main(
            ["--db", str(tmp_path / "x.sqlite"), "init", "--owner-nation", "USA", "--admin", "root"]
        )
        == 0
    )


def test_user_add_list_and_login(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDESK_NEW_PASSWORD", "a river of quiet stones")
    code, out, err = cli(
        "user",
        "add",
        "gwen",
        "--role",
        "viewer",
        "--clearance",
        "S",
        "--nation",
        "GBR",
        "--group",
        "SOF",
    )
    assert code == 0, err
    assert "created user gwen" in out and "SECRET" in out
    code, out, _ = cli("user", "list", "--json")
    users = {u["username"]: u for u in json.loads(out)}
    assert (
        users["gwen"]["groups"] == ["SOF"]
        and users["gwen"]["role"] == "viewer"
        and users["gwen"]["nation"] == "GBR"
    )
    assert cli("list", "people", user="gwen", password="a river of quiet stones")[0] == 0
    code, _, err = cli("user", "list", user="gwen", password="a river of quiet stones")
    assert code == 1 and "only an administrator" in err
    code, _, err = cli(
        "user", "add", "bad name", "--role", "boss", "--clearance", "X", "--nation", "XX"
    )
    assert code == 1 and {"username", "role", "clearance", "nation"} <= {
        line.split(":")[2].strip() for line in err.splitlines()
    }


def test_wrong_password_is_one_line_and_no_traceback(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = cli("list", "people", password="not the password")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("xdesk: error: Login failed")
    assert "Traceback" not in err
    assert cli("list", "people", user="nobody")[2] == err  # an unknown user reads the same
    monkeypatch.setenv("XDESK_NEW_PASSWORD", PASSWORD)
    cli("user", "add", "carl", "--role", "coordinator", "--clearance", "S", "--nation", "USA")
    for _ in range(5):
        cli("list", "people", user="carl", password="wrong again")
    assert cli("list", "people", user="carl")[0] == 1  # locked out, even with the right password
    code, out, _ = cli("user", "unlock", "carl")
    assert code == 0 and "unlocked user carl" in out
    assert cli("list", "people", user="carl")[0] == 0


def test_usage_mistakes_exit_2(cli: Cli) -> None:
    code, _, err = cli("list", "spaceships")
    assert code == 2 and "unknown kind 'spaceships'" in err
    code, _, err = cli("list", "people", user=None)
    assert (
        code == 2
        and err.strip() == "xdesk: error: say who you are: --user NAME (or set XDESK_USER)"
    )
    assert cli("export", "people", "--format", "xml")[0] == 2
    code, _, err = cli("list", "people", "--filter", "nonsense")
    assert code == 2 and "FIELD=VALUE" in err
    code, _, err = cli("list", "people", "--db", str(cli.db.with_name("missing.sqlite")))
    assert code == 1 and "no database" in err and "Traceback" not in err


def test_import_both_modes_reports_line_numbers(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        PEOPLE + "Broken,,XX,,,1990-13-01,,,U,,\n,NoFamily,POL,,,,,,U,,\n", encoding="utf-8"
    )
    code, out, err = cli("import", "people", str(bad), "--all-or-nothing")
    assert code == 1 and "nothing imported" in err
    assert (
        "bad.csv: line 6: nation: " in err
        and "bad.csv: line 6: date_of_birth: " in err
        and "line 7: family_name" in err
    )
    assert json.loads(cli("list", "people", "--json")[1])["total"] == 0
    code, out, err = cli("import", "person", str(bad))
    assert code == 1 and "imported 4 of 6 people from bad.csv; 2 rejected" in out
    assert "line 6: nation" in err
    assert json.loads(cli("list", "people", "--json")[1])["total"] == 4
    good = tmp_path / "good.csv"
    good.write_bytes(b"\xef\xbb\xbf" + b"family_name,nation\nLast,CAN\n")
    code, out, _ = cli("import", "people", str(good), "--all-or-nothing")
    assert code == 0 and "imported 1 of 1 people" in out
    code, _, err = cli("import", "people", str(tmp_path / "none.csv"))
    assert code == 1 and "none.csv" in err and "Traceback" not in err
    odd = tmp_path / "odd.csv"
    odd.write_text("family_name,nation,colour\nA,POL,red\n", encoding="utf-8")
    code, _, err = cli("import", "people", str(odd))
    assert code == 1 and "unknown column colour" in err
    events = json.loads(cli("audit", "list", "--json", "--action", "import")[1])
    assert [e["outcome"] for e in events] == ["success", "success", "failure"]


def test_import_previews_and_refuses_a_file_imported_before(cli: Cli, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("family_name,nation\nLast,CAN\nFirst,CAN\n", encoding="utf-8")
    code, out, _ = cli("import", "people", str(good), "--preview")
    assert code == 0 and "preview: 2 of 2 people would be imported; nothing was stored" in out
    assert json.loads(cli("list", "people", "--json")[1])["total"] == 0
    assert cli("import", "people", str(good))[0] == 0
    code, out, err = cli("import", "people", str(good))
    assert code == 1 and "good.csv was imported before" in err and "--again" in err
    code, out, _ = cli("import", "people", str(good), "--preview")
    assert "you imported this file before" in out and "(2 rows stored)" in out
    assert json.loads(cli("list", "people", "--json")[1])["total"] == 2
    assert cli("import", "people", str(good), "--again")[0] == 0
    assert json.loads(cli("list", "people", "--json")[1])["total"] == 4


def test_export_round_trip_into_a_second_database(cli: Cli, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    assert cli("import", "people", str(people), "--all-or-nothing")[0] == 0
    code, exported, err = cli("export", "people")
    assert code == 0 and "exported 4 people; marking: SECRET//NTK SOF//NOFORN" in err
    out_file = tmp_path / "export.csv"
    assert cli("export", "people", "--out", str(out_file))[0] == 0
    assert (
        out_file.read_text(encoding="utf-8") == exported
        and not out_file.with_name("export.csv.partial").exists()
    )
    second = tmp_path / "second.sqlite"
    assert cli("init", "--owner-nation", "USA", "--admin", "admin", db=second, user=None)[0] == 0
    assert cli("group", "add", "SOF", db=second)[0] == 0
    from app.services.desk import Desk

    database = reopen(second)
    Desk(database, "admin").users.update("admin", {"groups": ["SOF"]})
    database.dispose()
    code, out, err = cli("import", "people", str(out_file), "--all-or-nothing", db=second)
    assert code == 0, err
    assert cli("export", "people", db=second)[1] == exported
    assert len(list(csv.DictReader(io.StringIO(exported)))) == 4
    code, json_out, _ = cli("export", "people", "--format", "json", db=second)
    items = json.loads(json_out)
    assert {i["family_name"]: i["marking"] for i in items}[
        "Kowalski"
    ] == "CONFIDENTIAL//REL TO USA, NATO"
    assert all({"id", "reference", "marking", "classification"} <= set(i) for i in items)


def test_label_prints_the_marking_of_an_exported_file_and_refuses_a_changed_one(
    cli: Cli, tmp_path: Path
) -> None:
    """Issue 14, item 11: ``xdesk export --out`` writes FILE.label.xml (STANAG 4778 binding of
    the file's combined STANAG 4774 label); ``xdesk label FILE`` checks it, no login needed."""
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    assert cli("import", "people", str(people), "--all-or-nothing")[0] == 0
    out_file = tmp_path / "export.csv"
    code, _, err = cli("export", "people", "--out", str(out_file))
    label_file = tmp_path / "export.csv.label.xml"
    assert code == 0 and f"label (STANAG 4774, bound by STANAG 4778): {label_file}" in err
    assert label_file.exists() and not list(tmp_path.glob("*.partial"))
    code, out, err = cli("label", str(out_file), user=None, password="")
    assert code == 0 and out == "SECRET//NTK SOF//NOFORN\n", err
    assert "export.csv matches its label export.csv.label.xml (SHA-384)" in err
    assert "policy USA" in err
    code, out, _ = cli("label", str(label_file), user=None)  # the label itself names its file
    assert code == 0 and out == "SECRET//NTK SOF//NOFORN\n"

    # JSON: the file is labelled too, each record carries its own label and IC-ISM attributes
    json_file = tmp_path / "export.json"
    assert cli("export", "people", "--format", "json", "--out", str(json_file))[0] == 0
    assert cli("label", str(json_file), user=None)[1] == "SECRET//NTK SOF//NOFORN\n"
    kowalski = next(i for i in json.loads(json_file.read_text()) if i["family_name"] == "Kowalski")
    # its declassification, IC-ISM's declassDate: 25 years after its creation (the default)
    declass_date = dt.date.fromisoformat(kowalski["ism"].pop("declassDate"))
    assert declass_date.year - dt.datetime.now(dt.UTC).year == 25
    assert kowalski["ism"] == {
        "classification": "C",
        "ownerProducer": "USA",
        "disseminationControls": "REL",
        "releasableTo": "USA NATO",
    }
    assert "<slab:PolicyIdentifier>USA</slab:PolicyIdentifier>" in kowalski["label_xml"]

    # a changed byte: refused, and no marking printed
    out_file.write_text(out_file.read_text(encoding="utf-8").replace("Kowalski", "Kowalsky"))
    code, out, err = cli("label", str(out_file), user=None)
    assert code == 1 and out == ""
    assert "export.csv does not match its label" in err and "SHA-384" in err
    # no label at all
    code, out, err = cli("label", str(people), user=None)
    assert code == 1 and out == "" and "people.csv has no label" in err
    code, out, err = cli("label", str(tmp_path / "nothing.csv"), user=None)
    assert code == 1 and "No such file" in err and "Traceback" not in err
    # a label that is no label
    (tmp_path / "people.csv.label.xml").write_text("<not-a-binding/>", encoding="utf-8")
    code, out, err = cli("label", str(people), user=None)
    assert code == 1 and "not a STANAG 4778 binding" in err


def test_viewer_export_lacks_what_they_may_not_see(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    cli("import", "people", str(people))
    monkeypatch.setenv("XDESK_NEW_PASSWORD", PASSWORD)
    cli("user", "add", "gwen", "--role", "viewer", "--clearance", "S", "--nation", "GBR")
    code, out, err = cli("export", "people", user="gwen")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and sorted(r["family_name"] for r in rows) == ["Kowalski", "Müller"]
    assert all(r["passport_number"] == "" for r in rows) and "identity fields left empty" in err
    # Müller is UNCLASSIFIED with no caveat: it does not narrow Kowalski's REL TO
    assert "marking: CONFIDENTIAL//REL TO USA, NATO" in err
    code, _, err = cli("show", "people", "Dupont", user="gwen")
    assert code == 1 and "no person" in err
    event = json.loads(cli("audit", "list", "--json", "--user", "gwen", "--action", "export")[1])[0]
    assert event["details"]["count"] == 2
    assert event["details"]["marking"] == "CONFIDENTIAL//REL TO USA, NATO"


def test_list_and_show_json(cli: Cli, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    cli("import", "people", str(people))
    code, out, _ = cli("list", "people", "--json", "--filter", "nation=POL")
    listing = json.loads(out)
    assert (
        code == 0
        and listing["total"] == 1
        and listing["marking"] == "CONFIDENTIAL//REL TO USA, NATO"
    )
    [record] = listing["records"]
    assert record["family_name"] == "Kowalski" and "passport_number" not in record
    code, out, _ = cli("list", "people", "--limit", "2")
    lines = out.splitlines()
    assert lines[0] == lines[-1] == "SECRET//NOFORN" and "1-2 of 4" in out
    code, out, _ = cli("show", "person", record["reference"], "--json")
    shown = json.loads(out)
    assert (
        code == 0
        and shown["reference"] == record["reference"]
        and shown["marking"] == record["marking"]
    )
    code, out, _ = cli("show", "people", record["reference"], "--identity")
    assert (
        code == 0 and "EA1234567" in out and out.splitlines()[0] == "CONFIDENTIAL//REL TO USA, NATO"
    )
    assert (
        json.loads(cli("audit", "list", "--json", "--action", "view_identity")[1])[0]["record_ref"]
        == record["reference"]
    )
    code, _, err = cli("show", "people", "P-1999-000001")
    assert code == 1 and err.strip() == "xdesk: error: no person P-1999-000001"


def test_audit_verify_finds_tampering(cli: Cli) -> None:
    code, out, _ = cli("audit", "verify")
    assert code == 0 and "audit trail intact" in out
    connection = raw_connection(cli.db, file_key(cli.db))
    connection.execute(
        "DROP TRIGGER IF EXISTS audit_events_no_update"
    )  # what a tamperer with the file would do
    connection.execute("UPDATE audit_events SET username = 'mallory' WHERE id = 2")
    connection.commit()
    connection.close()
    code, _, err = cli("audit", "verify")
    assert code == 1 and "audit trail broken" in err


def test_backup_restore_and_check(cli: Cli, tmp_path: Path) -> None:
    backup = tmp_path / "backups" / "desk-backup.sqlite"
    code, out, _ = cli("backup", str(backup))
    assert code == 0 and backup.exists() and "backed up" in out
    assert cli("backup", str(backup))[0] == 1  # never overwrites
    later = tmp_path / "later.csv"
    later.write_text("family_name,nation\nAfterBackup,POL\n", encoding="utf-8")
    cli("import", "people", str(later))
    code, out, _ = cli("restore", str(backup))
    assert code == 0 and "restored" in out and "kept at" in out
    kept = Path(out.split("kept at ")[1].strip())
    assert kept.exists()
    assert json.loads(cli("list", "people", "--json")[1])["total"] == 0  # the restored state
    [event] = json.loads(cli("audit", "list", "--json", "--action", "restore")[1])
    assert event["details"]["from"] == str(backup.resolve()) and event["details"][
        "replaced_file_kept_at"
    ] == str(kept)
    # the backup event was written after the copy: it is in the replaced database, not in the backup
    assert json.loads(cli("audit", "list", "--json", "--action", "backup")[1]) == []
    with raw_connection(kept, file_key(kept)) as replaced:
        assert (
            replaced.execute(
                "SELECT count(*) FROM audit_events WHERE action = 'backup'"
            ).fetchone()[0]
            == 1
        )
    assert cli("audit", "verify")[0] == 0
    code, out, _ = cli("check")
    assert code == 0 and "integrity ok" in out
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database at all" * 100)
    code, _, err = cli("check", db=broken)
    assert code == 1 and "Traceback" not in err


def test_restore_and_backup_need_an_administrator(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDESK_NEW_PASSWORD", PASSWORD)
    cli("user", "add", "carl", "--role", "coordinator", "--clearance", "S", "--nation", "USA")
    code, _, err = cli("backup", str(tmp_path / "b.sqlite"), user="carl")
    assert code == 1 and "only an administrator" in err and not (tmp_path / "b.sqlite").exists()
    assert cli("restore", str(tmp_path / "b.sqlite"), user="carl")[0] == 1


def test_demo_fills_the_database(cli: Cli) -> None:
    code, out, err = cli("demo", "--people", "12", "--exchanges", "3", "--seed", "7")
    assert code == 0, err
    assert "demo data created" in out and "12 people" in out
    assert "coordinator (coordinator, S, USA)" in out and "exchange-desk-demo" in out
    assert cli("list", "people", user="coordinator", password="exchange-desk-demo")[0] == 0
    # some demo people sit in compartments the administrator is not in: they stay hidden
    assert 0 < json.loads(cli("list", "people", "--json")[1])["total"] <= 12


@pytest.mark.usefixtures("qapp")  # the report command lays out its PDF with Qt
def test_search_and_report_commands_are_wired(cli: Cli, tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    cli("import", "people", str(people))
    code, out, _ = cli("search", "Kowalski")
    assert code == 0 and "KOWALSKI, Jan" in out
    pdf = tmp_path / "person.pdf"
    code, out, err = cli(
        "report",
        "person",
        "--person",
        json.loads(cli("list", "people", "--json", "--filter", "nation=POL")[1])["records"][0][
            "reference"
        ],
        "--out",
        str(pdf),
    )
    assert code == 0, err
    assert pdf.exists() and "CONFIDENTIAL//REL TO USA, NATO" in out
    assert f"label (STANAG 4774, bound by STANAG 4778): {pdf}.label.xml" in out
    assert cli("label", str(pdf), user=None)[1] == "CONFIDENTIAL//REL TO USA, NATO\n"


def test_show_never_writes_terminal_control_sequences_from_older_data(cli: Cli) -> None:
    from sqlalchemy import text

    from app.services.desk import Desk

    database = reopen(cli.db)
    try:
        saved = Desk(database, "admin").people.create(
            {"family_name": "Plain", "nation_code": "USA"}
        )
        with database.engine.begin() as connection:  # as a file from before the text rule holds it
            connection.execute(
                text("UPDATE people SET family_name = :name WHERE id = :id"),
                {"name": "Evil\x1b]0;owned\x07\u202eX", "id": saved.record.id},
            )
        reference = saved.record.reference
    finally:
        database.dispose()
    for argv in (
        ("show", "people", reference),
        ("list", "people"),
        ("show", "people", reference, "--json"),
    ):
        code, out, err = cli(*argv)
        assert code == 0, err
        assert not any(c in out for c in "\x1b\x07\u202e"), argv
        assert "evil\\u001b]0;owned\\u0007\\u202ex" in out.lower(), argv
    code, out, _ = cli("show", "people", reference, "--json")
    assert json.loads(out)["family_name"] == "Evil\x1b]0;owned\x07\u202eX"


def test_a_reset_password_must_be_changed_before_any_other_command(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.desk import Desk

    monkeypatch.setenv("XDESK_NEW_PASSWORD", PASSWORD)
    assert (
        cli("user", "add", "rita", "--role", "viewer", "--clearance", "U", "--nation", "USA")[0]
        == 0
    )
    database = reopen(cli.db)
    try:
        Desk(database, "admin").users.reset_password("rita", "temporary password 1")
    finally:
        database.dispose()
    code, out, err = cli("list", "people", user="rita", password="temporary password 1")
    assert code == 1 and out == "" and "xdesk passwd" in err
    monkeypatch.setenv("XDESK_NEW_PASSWORD", "a river of quiet stones")
    assert cli("passwd", user="rita", password="temporary password 1")[0] == 0
    assert cli("list", "people", user="rita", password="a river of quiet stones")[0] == 0


def test_list_sorts_by_export_column_names(cli: Cli, tmp_path: Path) -> None:
    """``xdesk list KIND --sort nation,-family_name`` sorts as the window does, fields named as
    the export columns; a field it cannot sort on is a clear error (issue 16)."""
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    cli("import", "people", str(people))

    def family_names(*sort: str) -> list[str]:
        code, out, err = cli("list", "people", "--json", *sort)
        assert code == 0, err
        return [r["family_name"] for r in json.loads(out)["records"]]

    ascending = family_names("--sort", "family_name")
    assert ascending == sorted(ascending, key=str.casefold)
    # a first field with "-" is given as --sort=-FIELD (argparse reads "-x" as an option)
    assert family_names("--sort=-family_name") == ascending[::-1]
    code, out, _ = cli("list", "people", "--json", "--sort", "nation,-family_name")
    rows = json.loads(out)["records"]
    keys = [(r["nation"], r["family_name"]) for r in rows]
    assert code == 0 and [k[0] for k in keys] == sorted(k[0] for k in keys)
    code, _, err = cli("list", "people", "--sort", "favourite_colour")
    assert code != 0 and "favourite_colour" in err and "Traceback" not in err
    code, _, err = cli("list", "people", "--sort", "nation,,rank")
    assert code != 0 and "between the commas" in err

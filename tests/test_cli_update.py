"""``xdesk update KIND REF FIELD=VALUE… [--expected-version N]``: records changed from scripts as
the window changes them (validated, audited, version-checked), on either engine."""

from __future__ import annotations

import pytest

from app.cli import main
from app.database.engine import Database
from app.domain.models import AuditEvent
from app.services.desk import Desk
from tests.helpers import PASSWORD, create_user

PERSON = {"family_name": "Kowalski", "given_names": "Jan", "nation_code": "POL"}
EXCHANGE = {
    "title": "Cold Response",
    "kind": "joint exercise",
    "host_nation": "NOR",
    "start_date": "2026-03-01",
    "end_date": "2026-03-20",
}


@pytest.fixture
def xdesk(database: Database, capsys: pytest.CaptureFixture[str], monkeypatch):  # noqa: ANN201
    """``xdesk(*argv, user=...)`` against the test's database: (status, stdout, stderr)."""
    url = database.url.render_as_string(hide_password=False)

    def run(*argv: str, user: str = "admin") -> tuple[int, str, str]:
        monkeypatch.setenv("XDESK_PASSWORD", PASSWORD)
        monkeypatch.setenv("XDESK_USER", user)
        capsys.readouterr()
        code = main(["--db", url, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_update_prints_the_new_version_and_is_audited(admin: Desk, xdesk) -> None:  # noqa: ANN001
    person = admin.people.create(PERSON).record
    code, out, err = xdesk("update", "people", person.reference, "rank=Maj", "nation=DEU")
    assert code == 0, err
    assert out.strip() == f"{person.reference} version 2"
    stored, _label = admin.people.get(person.id)
    assert (stored.rank, stored.nation_code, stored.row_version) == ("Maj", "DEU", 2)
    events = admin.audit.list(action="update", kind="person", limit=1)
    assert events[0].details["after"] == {"nation_code": "DEU", "rank": "Maj"}
    code, out, err = xdesk(
        "update", "person", str(person.id), "position=Liaison", "--expected-version", "2"
    )
    assert (code, out.strip()) == (0, f"{person.reference} version 3"), err


def test_update_sets_the_declassification_date_and_refuses_a_bad_one(admin: Desk, xdesk) -> None:  # noqa: ANN001
    import datetime as dt

    person = admin.people.create(PERSON).record
    day = dt.date.today() + dt.timedelta(days=1000)
    code, out, err = xdesk("update", "people", person.reference, f"declassify_on={day}")
    assert code == 0, err
    assert admin.people.get(person.id)[0].declassify_on == day
    code, _out, err = xdesk("update", "people", person.reference, "declassify_on=2099-01-01")
    assert code != 0 and "declassify_on" in err and "25 years" in err
    assert admin.people.get(person.id)[0].declassify_on == day
    # an event instead: refused beside a date, taken once the date is cleared in the same update
    code, _out, err = xdesk("update", "people", person.reference, "declassify_event=End of X")
    assert code != 0 and "declassify_event" in err and "not both" in err
    code, _out, err = xdesk(
        "update", "people", person.reference, "declassify_event=End of X", "declassify_on="
    )
    assert code == 0, err
    stored = admin.people.get(person.id)[0]
    assert (stored.declassify_on, stored.declassify_event) == (None, "End of X")


def test_a_stale_expected_version_exits_3_saying_who_and_when(
    admin: Desk, make_user, xdesk
) -> None:  # noqa: ANN001
    person = admin.people.create(PERSON).record
    make_user("gb", nation="GBR")
    code, _out, err = xdesk("update", "people", person.reference, "rank=Capt", user="gb")
    assert code == 0, err
    code, out, err = xdesk(
        "update", "people", person.reference, "rank=Maj", "--expected-version", "1"
    )
    assert code == 3 and out == ""
    assert "changed by gb since you opened it at 20" in err and "UTC" in err
    assert "(Rank)" in err and "not written" in err and "Traceback" not in err
    stored, _label = admin.people.get(person.id)
    assert (stored.rank, stored.row_version) == ("Capt", 2)


def test_validation_errors_name_the_field_and_change_nothing(admin: Desk, xdesk) -> None:  # noqa: ANN001
    exchange = admin.exchanges.create(EXCHANGE).record
    code, out, err = xdesk("update", "exchanges", exchange.reference, "end_date=someday")
    assert code == 1 and out == "" and "end_date" in err and "Traceback" not in err
    code, _out, err = xdesk("update", "exchanges", exchange.reference, "colour=blue")
    assert code == 1 and "colour: is not a field of this record" in err
    code, _out, err = xdesk("update", "exchanges", exchange.reference, "location")
    assert code == 2 and "FIELD=VALUE" in err
    code, _out, err = xdesk("update", "exchanges", "EX-1999-0001", "location=Bodø")
    assert code == 1 and "no exchange" in err
    stored, _label = admin.exchanges.get(exchange.id)
    assert stored.row_version == 1


def test_status_label_and_permissions_go_through_the_services(admin: Desk, xdesk) -> None:  # noqa: ANN001
    exchange = admin.exchanges.create(EXCHANGE).record
    code, out, err = xdesk("update", "exchange", exchange.reference, "status=planned")
    assert (code, out.strip()) == (0, f"{exchange.reference} version 2"), err
    code, _out, err = xdesk("update", "exchange", exchange.reference, "status=completed")
    assert code == 1 and "status" in err and "cannot move" in err
    code, out, err = xdesk(
        "update", "exchange", exchange.reference, "classification=S", "releasable_to=NATO"
    )
    assert (code, out.strip()) == (0, f"{exchange.reference} version 3"), err
    create_user(admin, "viewer", role="viewer", clearance="TS")
    code, _out, err = xdesk("update", "exchange", exchange.reference, "location=X", user="viewer")
    assert code == 1 and "Traceback" not in err
    with admin.db.reading() as session:
        assert session.query(AuditEvent).filter_by(action="label_change").count() == 1

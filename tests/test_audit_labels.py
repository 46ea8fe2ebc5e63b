"""The audit trail is labelled like what it describes: readers see events about records they may
read, others say only who, when and what kind; identity values never leave the service."""

from __future__ import annotations

import json

import pytest

from app.domain.labels import Label, Release
from app.services.audit_trail import HIDDEN_EVENT, REDACTED
from app.services.desk import Desk


@pytest.fixture
def trail(admin: Desk, make_user) -> dict:  # noqa: ANN001
    secret = admin.people.create(
        {"family_name": "Hidaka", "nation_code": "USA", "passport_number": "TS9988776"},
        label=Label(4, Release.NOFORN),
    ).record
    plain = admin.people.create(
        {"family_name": "Open", "nation_code": "USA", "passport_number": "UN1122334"}
    ).record
    admin.people.update(plain.id, {"passport_number": "UN5566778"})
    auditor = make_user("pola", role="auditor", clearance="U", nation="POL")
    return {"secret": secret, "plain": plain, "auditor": auditor}


def test_an_auditor_sees_who_when_and_what_kind_only_of_events_about_hidden_records(
    trail: dict,
) -> None:
    auditor, secret, plain = trail["auditor"], trail["secret"], trail["plain"]
    events = auditor.audit.list(kind="person", limit=50)
    about_secret = [e for e in events if e.hidden]
    assert about_secret, "the create of the hidden person still appears"
    for event in about_secret:
        assert event.record_id is None and event.record_ref == ""
        assert event.details == {"note": HIDDEN_EVENT} and event.username == "admin"
    shown = [e for e in events if not e.hidden]
    assert {e.record_id for e in shown} == {plain.id}
    text = json.dumps([e.as_dict() for e in events], default=str)
    for leak in ("Hidaka", secret.reference, "TS9988776", "UN1122334", "UN5566778", "TOP SECRET"):
        assert leak not in text, leak


def test_identity_values_are_never_shown_even_to_an_administrator(admin: Desk, trail: dict) -> None:
    text = json.dumps([e.as_dict() for e in admin.audit.list(limit=50)], default=str)
    assert "UN5566778" not in text and "TS9988776" not in text
    assert REDACTED in text and "Hidaka" in text  # the administrator reads the secret person


def test_the_audit_extract_is_marked_from_the_events_it_prints(
    qapp,  # noqa: ANN001 - renders with Qt
    trail: dict,
    admin: Desk,
    tmp_path,  # noqa: ANN001
) -> None:
    from pypdf import PdfReader

    from app.reports import render_report

    result = render_report(trail["auditor"], "audit", {}, tmp_path / "audit.pdf")
    assert result.marking == "UNCLASSIFIED"
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "audit.pdf").pages)
    assert "Hidaka" not in text and "TS9988776" not in text and "NOFORN" not in text
    secret_extract = render_report(admin, "audit", {}, tmp_path / "admin.pdf")
    assert secret_extract.marking == "TOP SECRET//NOFORN"


def test_events_about_a_deleted_record_stay_labelled_like_it(admin: Desk, make_user) -> None:  # noqa: ANN001
    from tests.helpers.records import EXCHANGE, PERSON

    exchange = admin.exchanges.create(EXCHANGE).record
    person = admin.people.create(PERSON).record
    booked = admin.participations.create(
        {"exchange": exchange.reference, "person": person.reference},
        label=Label(3, Release.NOFORN),
    ).record
    admin.participations.delete(booked.id, reason="booked twice")
    foreign = make_user("gbaud", role="auditor", clearance="S", nation="GBR")
    about = {"kind": "participation", "record_id": booked.id}
    assert all(e.hidden for e in foreign.audit.list(**about)), "hidden after the delete too"
    seen = admin.audit.list(**about)
    assert {e.action for e in seen} >= {"create", "delete"} and not any(e.hidden for e in seen)
    assert next(e for e in seen if e.action == "delete").details["reason"] == "booked twice"

"""Attachments: validation, SHA-256 and damage detection, lists without content, their own
label and their record's visibility, audit events for adding, viewing, saving, relabelling,
deleting."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.labels import Label, Release
from app.services.attachments import MAX_SIZE, DamagedAttachment
from app.services.desk import Desk
from app.services.errors import NotFound, PermissionDenied, ValidationFailed

PDF = b"%PDF-1.7\n signed memorandum \n%%EOF"


@pytest.fixture
def agreement(admin: Desk) -> int:
    """An unclassified agreement's id."""
    return admin.agreements.create(
        {"title": "Seats", "kind": "technical arrangement", "parties": "USA GBR"}
    ).record.id


def test_add_stores_hash_size_type_and_audits(admin: Desk, agreement: int) -> None:
    saved = admin.attachments.add("agreement", agreement, "MOU signed.pdf", PDF)
    record = saved.record
    assert record.sha256 == hashlib.sha256(PDF).hexdigest()
    assert record.size == len(PDF) and record.media_type == "application/pdf"
    assert saved.label == Label()  # the record's
    assert (
        admin.attachments.add("agreement", agreement, "notes", b"x").record.media_type
        == "application/octet-stream"
    )
    assert (
        admin.attachments.add(
            "agreement", agreement, "scan.bin", b"x", media_type="Image/PNG"
        ).record.media_type
        == "image/png"
    )
    event = admin.audit.list(action="create", kind="attachment", newest_first=False, limit=1)[0]
    assert event.record_id == record.id
    assert event.details["after"] == {
        "name": "MOU signed.pdf",
        "media_type": "application/pdf",
        "record_kind": "agreement",
        "record_id": str(agreement),
        "size": str(len(PDF)),
        "sha256": record.sha256,
    }


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "is required"),
        ("../etc/passwd", "without folders"),
        ("C:\\temp\\x.pdf", "without folders"),
        ("..", "without folders"),
        ("a\x00b.pdf", "control character (U+0000"),
        ("x" * 256, "too long"),
        ("invoice\u202efdp.exe", "bidirectional control character (U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("report\x85.pdf", "line break (U+0085"),
        ("CON", "reserves for a device"),
        ("nul.pdf", "reserves for a device"),
        ("aux", "reserves for a device"),
        ("LPT1.txt", "reserves for a device"),
        ("notes.", "end with a dot"),
        ("what?.pdf", "must not contain"),
        ("zero\u200bwidth.pdf", "invisible character (U+200B"),
    ],
)
def test_bad_names_are_refused(admin: Desk, agreement: int, name: str, message: str) -> None:
    with pytest.raises(ValidationFailed) as failure:
        admin.attachments.add("agreement", agreement, name, PDF)
    assert message in failure.value.errors["name"]
    assert admin.attachments.count() == 0


def test_other_bad_input_is_refused_with_its_field(admin: Desk, agreement: int) -> None:
    with pytest.raises(ValidationFailed) as failure:
        admin.attachments.add("agreement", agreement, "a.pdf", PDF, media_type="pdf please")
    assert "not a media type" in failure.value.errors["media_type"]
    with pytest.raises(ValidationFailed) as failure:
        admin.attachments.add("agreement", agreement, "a.pdf", "text, not bytes")  # type: ignore[arg-type]
    assert "bytes" in failure.value.errors["content"]
    with pytest.raises(ValidationFailed) as failure:
        admin.attachments.add("agreement", agreement, "big.iso", bytes(MAX_SIZE + 1))
    assert "at most 50.0 MB" in failure.value.errors["content"]
    with pytest.raises(ValidationFailed) as failure:
        admin.attachments.add("planet", agreement, "a.pdf", PDF)
    assert "cannot be attached" in failure.value.errors["record_kind"]
    with pytest.raises(NotFound):
        admin.attachments.add("agreement", agreement + 99, "a.pdf", PDF)
    with pytest.raises(ValidationFailed, match="use add"):
        admin.attachments.create({"name": "a.pdf"})
    assert admin.attachments.count() == 0


def test_lists_do_not_load_content_and_reading_is_checked_and_audited(
    admin: Desk, agreement: int, tmp_path: Path
) -> None:
    saved = admin.attachments.add("agreement", agreement, "b.pdf", PDF)
    admin.attachments.add("agreement", agreement, "a.txt", b"alpha")
    page = admin.attachments.for_record("agreement", agreement)
    assert [a.name for a in page.records] == ["a.txt", "b.pdf"] and page.total == 2
    assert all("content" not in a.__dict__ for a in page.records)
    assert admin.attachments.content(saved.record.id) == PDF
    view = admin.audit.list(action="view", kind="attachment", limit=1)[0]
    assert (view.record_id, view.outcome, view.details["purpose"]) == (
        saved.record.id,
        "success",
        "view",
    )
    target = admin.attachments.save_as(saved.record.id, tmp_path / "copy.pdf")
    assert target.read_bytes() == PDF
    # the saved copy leaves the program with its own label beside it (issue 14, item 11)
    from app.services.bindings import verify

    assert verify(target).marking == admin.marking(admin.attachments.get(saved.record.id)[1])
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == [
        "copy.pdf",
        "copy.pdf.label.xml",
    ]
    assert (
        admin.audit.list(action="view", kind="attachment", limit=1)[0].details["purpose"] == "save"
    )


def test_damaged_content_is_detected_and_the_failed_read_audited(
    admin: Desk, agreement: int, tmp_path: Path
) -> None:
    saved = admin.attachments.add("agreement", agreement, "orders.pdf", PDF)
    with admin.db.writing() as session:
        session.execute(
            text("UPDATE attachments SET content = :c WHERE id = :i"),
            {"c": PDF.replace(b"signed", b"forged"), "i": saved.record.id},
        )
    with pytest.raises(DamagedAttachment, match="stored file orders.pdf is damaged"):
        admin.attachments.content(saved.record.id)
    with pytest.raises(DamagedAttachment):
        admin.attachments.save_as(saved.record.id, tmp_path / "orders.pdf")
    assert not (tmp_path / "orders.pdf").exists()
    assert not (tmp_path / "orders.pdf.label.xml").exists()
    event = admin.audit.list(action="view", kind="attachment", limit=1)[0]
    assert event.outcome == "failure" and "SHA-256" in event.details["problem"]
    assert admin.audit.verify().ok


def test_rename_relabel_and_delete_are_audited(admin: Desk, agreement: int) -> None:
    saved = admin.attachments.add("agreement", agreement, "draft.pdf", PDF)
    with pytest.raises(ValidationFailed) as failure:
        admin.attachments.update(saved.record.id, {"name": "sub/dir.pdf"})
    assert "without folders" in failure.value.errors["name"]
    admin.attachments.update(saved.record.id, {"name": "final.pdf"})
    assert admin.audit.list(action="update", kind="attachment", limit=1)[0].details == {
        "version": 2,
        "before": {"name": "draft.pdf"},
        "after": {"name": "final.pdf"},
    }
    admin.attachments.update(saved.record.id, {}, label=Label(3, Release.REL, frozenset({"NATO"})))
    assert (
        admin.audit.list(action="label_change", kind="attachment", limit=1)[0].details["after"]
        == "SECRET//REL TO USA, NATO"
    )
    admin.attachments.delete(saved.record.id, reason="wrong file")
    deleted = admin.audit.list(action="delete", kind="attachment", limit=1)[0]
    assert (
        deleted.details["before"]["name"] == "final.pdf"
        and deleted.details["reason"] == "wrong file"
    )
    with pytest.raises(NotFound):
        admin.attachments.get(saved.record.id)


def test_attachment_visible_only_with_its_own_label_and_its_record(
    admin: Desk, make_user, agreement: int
) -> None:
    secret_agreement = admin.agreements.create(
        {"title": "Secret", "kind": "technical arrangement", "parties": "USA GBR"},
        label=Label(3, Release.REL, frozenset({"NATO"})),
    ).record.id
    plain = admin.attachments.add("agreement", agreement, "plain.pdf", PDF).record
    secret_file = admin.attachments.add(
        "agreement", agreement, "annex.pdf", PDF, label=Label(3, Release.REL, frozenset({"NATO"}))
    )
    noforn_file = admin.attachments.add(
        "agreement", agreement, "internal.pdf", PDF, label=Label(release="NOFORN")
    ).record
    under_secret = admin.attachments.add(
        "agreement", secret_agreement, "cover.pdf", PDF, label=Label()
    )
    assert under_secret.label == Label() and "lower than its record" in under_secret.warnings[0]
    assert secret_file.label.level == 3

    low = make_user("carl", clearance="C", role="viewer")
    briton = make_user("gbr", nation="GBR", clearance="TS", role="viewer")
    assert {a.id for a in low.attachments.list().records} == {plain.id, noforn_file.id}
    assert low.attachments.count() == 2
    assert [a.name for a in low.attachments.for_record("agreement", agreement).records] == [
        "internal.pdf",
        "plain.pdf",
    ]
    with pytest.raises(NotFound):
        low.attachments.for_record("agreement", secret_agreement)
    for hidden in (secret_file.record.id, under_secret.record.id):
        with pytest.raises(NotFound):
            low.attachments.content(hidden)
        with pytest.raises(NotFound):
            low.attachments.get(hidden)
    assert {a.name for a in briton.attachments.list().records} == {
        "plain.pdf",
        "annex.pdf",
        "cover.pdf",
    }
    with pytest.raises(NotFound):
        briton.attachments.content(noforn_file.id)
    assert low.attachments.content(plain.id) == PDF  # viewers read (audited), never write
    with pytest.raises(PermissionDenied):
        low.attachments.add("agreement", agreement, "x.pdf", PDF)
    with pytest.raises(PermissionDenied):
        low.attachments.delete(plain.id)
    with pytest.raises(PermissionDenied, match="above your own clearance"):
        make_user("cora", clearance="C").attachments.add(
            "agreement", agreement, "x.pdf", PDF, label=Label(3, Release.REL, frozenset({"NATO"}))
        )


def test_attachments_of_people_liaison_and_contact_log_follow_their_records(
    admin: Desk, make_user
) -> None:
    admin.users.create_ntk_group("ORION")
    member = make_user("orion", groups=("ORION",))
    person = member.people.create(
        {"family_name": "Tanaka", "nation_code": "JPN"}, label=Label(groups=frozenset({"ORION"}))
    ).record
    tour = member.liaison.create(
        {
            "person": person.reference,
            "kind": "exchange officer",
            "host_nation": "USA",
            "start_date": "2026-04-01",
        }
    ).record
    entry = member.contact_log.create(
        {"assignment": tour.reference, "date": "2026-04-02", "subject": "Arrival"}
    ).record
    files = [
        member.attachments.add(kind, record_id, f"{kind}.txt", b"x").record.id
        for kind, record_id in (
            ("person", person.id),
            ("liaison_assignment", tour.id),
            ("contact_log", entry.id),
        )
    ]
    assert {a.id for a in member.attachments.list().records} == set(files)
    outsider = make_user("out")
    assert outsider.attachments.count() == 0  # the person is in a group the outsider is not
    with pytest.raises(NotFound):
        outsider.attachments.for_record("liaison_assignment", tour.id)
    with pytest.raises(NotFound):
        outsider.attachments.content(files[2])


def test_attachments_of_exchanges_and_participations_follow_their_records(
    admin: Desk, make_user
) -> None:
    exchange = admin.exchanges.create(
        {
            "title": "Staff course",
            "kind": "course seat",
            "host_nation": "USA",
            "start_date": "2026-09-01",
            "end_date": "2026-12-15",
        }
    ).record
    secret_person = admin.people.create(
        {"family_name": "Sato", "nation_code": "JPN"},
        label=Label(3, Release.REL, frozenset({"NATO"})),
    ).record
    part = admin.participations.create(
        {"exchange": exchange.reference, "person": secret_person.reference}, label=Label()
    ).record
    on_exchange = admin.attachments.add("exchange", exchange.id, "syllabus.pdf", PDF).record
    on_part = admin.attachments.add(
        "participation", part.id, "orders.pdf", PDF, label=Label()
    ).record
    low = make_user("carl", clearance="C", role="viewer")
    assert {a.id for a in low.attachments.list().records} == {on_exchange.id}
    with pytest.raises(NotFound):
        low.attachments.content(on_part.id)
    assert {a.id for a in admin.attachments.list().records} == {on_exchange.id, on_part.id}

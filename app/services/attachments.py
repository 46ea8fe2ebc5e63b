"""Attachments: files kept in the database beside the record they belong to, SHA-256 checked.

An attachment carries its own label (by default its record's; it may be marked differently). It is
visible only when its own label and its record are both visible. Lists never load the content;
reading the content re-checks the SHA-256 recorded when the file was added and is audited
(``view``), so a damaged file is reported, never silently handed out.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, or_
from sqlalchemy.orm import Session, aliased, undefer

from app.database.labels import intern_label, load_labels
from app.domain.labels import Label
from app.domain.models import Attachment
from app.domain.text import file_name_problem
from app.domain.texts import field_named, said
from app.paths import private_file
from app.security import audit
from app.security.policy import label_visible
from app.security.principal import Actor
from app.services import bindings, kinds
from app.services.base import RecordService, Saved
from app.services.errors import ServiceError, ValidationFailed
from app.services.fields import Field
from app.services.reading import Page
from app.services.transactions import retried

MAX_SIZE = 50 * 1024 * 1024
MEDIA_TYPE = re.compile(r"^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$")
EVERYTHING = 1_000_000


class DamagedAttachment(ServiceError):
    """The stored content no longer matches the SHA-256 recorded when the file was added."""


def check_name(name: Any) -> tuple[str, str | None]:
    """A cleaned file name and the problem with it (None when it is a good name)."""
    text = str(name or "").strip()
    if not text:
        return text, said("Name is required")
    if len(text) > 255:
        return text, said(
            "{field} {problem}",
            field=field_named("Name"),
            problem=said(
                "is too long ({length} characters; at most {limit})", length=len(text), limit=255
            ),
        )
    problem = file_name_problem(text)
    return text, (
        said("{field} {problem}", field=field_named("Name"), problem=problem) if problem else None
    )


def check_media_type(media_type: Any, name: str) -> tuple[str, str | None]:
    """The media type given (or guessed from the name) and the problem with it."""
    text = str(media_type or "").strip().lower()
    if not text:
        return mimetypes.guess_type(name, strict=False)[0] or "application/octet-stream", None
    if len(text) > 120 or not MEDIA_TYPE.match(text):
        return text, said(
            "Media type {media_type!r} is not a media type such as application/pdf",
            media_type=media_type,
        )
    return text, None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


class AttachmentService(RecordService[Attachment]):
    """Add, list, read (checked), save, relabel and delete files attached to records."""

    model = Attachment
    kind = "attachment"
    archivable = False
    default_sort = ("name",)
    text_columns = ("name",)
    fields = (
        Field("name", "Name", required=True, max_length=255),
        Field("media_type", "Media type", max_length=120),
    )

    # --- the records attachments belong to -------------------------------------------------

    def parents(self) -> dict[str, RecordService[Any]]:
        """The services of the record kinds that take attachments, by canonical kind name."""
        return {entry.name: entry.service(self.desk) for entry in kinds.attachable()}

    def _parent_service(self, record_kind: str) -> RecordService[Any]:
        service = self.parents().get(str(record_kind))
        if service is None:
            raise ValidationFailed(
                {
                    "record_kind": said(
                        "files cannot be attached to {record_kind!r}; use one of {kinds}",
                        record_kind=record_kind,
                        kinds=", ".join(sorted(self.parents())),
                    )
                }
            )
        return service

    def parent_visible(self, actor: Actor) -> list[ColumnElement[bool]]:
        """The record the file is attached to must be visible too."""
        conditions = []
        for kind, service in self.parents().items():
            # aliased, so that a caller joining the parent's table does not capture the subquery
            parent = aliased(service.model)
            if hasattr(service, "visible_as"):
                rule = service.visible_as(actor, parent)
            elif not service.parent_visible(actor):
                rule = [label_visible(actor, self.desk.owner, parent.label_id)]
            else:  # a kind whose parents are checked only against its own table
                parent, rule = service.model, service.visible(actor)
            conditions.append(
                and_(
                    Attachment.record_kind == kind,
                    exists().where(parent.id == Attachment.record_id, *rule),
                )
            )
        return [or_(*conditions) if conditions else false()]

    # --- writes ----------------------------------------------------------------------------

    @retried
    def add(
        self,
        record_kind: str,
        record_id: int,
        name: str,
        content: bytes,
        media_type: str | None = None,
        label: Label | None = None,
        expected_version: int | None = None,
    ) -> Saved[Attachment]:
        """Attach a file to a visible record; label defaults to the record's; audited as ``create``.

        ``expected_version``: the record's version as the user saw it (a `Conflict` if it has
        changed since); the record itself keeps its version."""
        service = self._parent_service(record_kind)
        errors: dict[str, str] = {}
        name, problem = check_name(name)
        if problem:
            errors["name"] = problem
        media_type, problem = check_media_type(media_type, name)
        if problem:
            errors["media_type"] = problem
        if not isinstance(content, bytes | bytearray | memoryview):
            errors["content"] = said("Content must be the file's bytes")
        else:
            content = bytes(content)
            if len(content) > MAX_SIZE:
                errors["content"] = said(
                    "The file is {size}; an attachment may be at most {most}",
                    size=_megabytes(len(content)),
                    most=_megabytes(MAX_SIZE),
                )
        with service.writing_record(
            int(record_id), expected_version, again=said("attach the file again"), lock=True
        ) as writing:
            session, actor, parent, parent_label = (
                writing.session,
                writing.actor,
                writing.record,
                writing.label,
            )
            if errors:
                raise ValidationFailed(errors)
            new_label = label.with_owner(self.desk.owner) if label is not None else parent_label
            self.check_label(actor, None, new_label, None)
            record = Attachment(
                record_kind=service.kind,
                record_id=parent.id,
                name=name,
                media_type=media_type,
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                content=content,
            )
            record.label_id = intern_label(session, new_label)
            record.created_by = record.updated_by = actor.username
            session.add(record)
            session.flush()
            writing.audit(
                "create",
                {"after": self.snapshot(record), "label": self.desk.marking(new_label)},
                kind=self.kind,
                record_id=record.id,
                ref=getattr(parent, "reference", "") or "",
            )
            found = []
            if new_label.level < parent_label.level:
                found.append(
                    said(
                        "the file is marked {marking}, lower than its record ({record})",
                        marking=self.desk.marking(new_label),
                        record=self.desk.marking(parent_label),
                    )
                )
        return Saved(record, new_label, found)

    def create_in(
        self, session: Session, actor: Actor, values: dict[str, Any], label: Label | None = None
    ) -> Saved[Attachment]:
        """Not used for attachments: a file is added with its content through `add`."""
        raise ValidationFailed(
            {
                "content": said(
                    "an attachment is added with its file: use add(record_kind, record_id, name, "
                    "content)"
                )
            }
        )

    def check(
        self,
        session: Session,
        actor: Actor,
        values: dict[str, Any],
        record: Attachment | None,
        errors: dict[str, str],
    ) -> None:
        """A renamed file keeps a usable name; a media type looks like one."""
        if "name" in values:
            values["name"], problem = check_name(values["name"])
            if problem:
                errors["name"] = problem
        if "media_type" in values:
            name = values.get("name") or (record.name if record else "")
            values["media_type"], problem = check_media_type(values["media_type"], name)
            if problem:
                errors["media_type"] = problem

    def snapshot(self, record: Attachment) -> dict[str, Any]:
        """Name, media type, what it is attached to, size and SHA-256 (never the content)."""
        return {
            "name": record.name,
            "media_type": record.media_type,
            "record_kind": record.record_kind,
            "record_id": str(record.record_id),
            "size": str(record.size),
            "sha256": record.sha256,
        }

    def title(self, record: Attachment) -> str:
        """The file name."""
        return record.name

    # --- reads -----------------------------------------------------------------------------

    def for_record(self, record_kind: str, record_id: int) -> Page[Attachment]:
        """A visible record's visible attachments by name, content not loaded."""
        self._parent_service(record_kind).get(int(record_id))
        return self.list(
            {"record_kind": record_kind, "record_id": int(record_id)},
            sort=["name"],
            limit=EVERYTHING,
        )

    def content(self, attachment_id: int) -> bytes:
        """The file's bytes after re-checking the SHA-256; audited as ``view``."""
        return self._read(attachment_id, "view")[0]

    def save_as(self, attachment_id: int, path: str | os.PathLike[str]) -> Path:
        """Write the checked content to ``path`` with its label beside it, ``NAME.label.xml``
        (the STANAG 4778 binding of the attachment's own label; `bindings`): both written
        aside, the label put in place first, then the file."""
        data, label = self._read(attachment_id, "save")
        target = Path(path)
        partial = target.with_name(target.name + ".part")
        staged = None
        try:
            private_file(partial).write_bytes(data)
            staged = bindings.stage(partial, target, label, self.desk.db.scheme, self.desk.owner)
            staged.place()
        finally:
            partial.unlink(missing_ok=True)
            if staged is not None:
                staged.discard()
        return target

    def _read(self, attachment_id: int, purpose: str) -> tuple[bytes, Label]:
        damaged: DamagedAttachment | None = None
        with self.desk.writing() as (session, actor):
            record = self.get_in(session, actor, attachment_id, (undefer(Attachment.content),))
            label = load_labels(session, [record.label_id])[record.label_id]
            data = bytes(record.content or b"")
            intact = len(data) == record.size and hashlib.sha256(data).hexdigest() == record.sha256
            details: dict[str, Any] = {
                "name": record.name,
                "purpose": purpose,
                "record_kind": record.record_kind,
                "record_id": record.record_id,
            }
            if not intact:
                details["problem"] = "SHA-256 mismatch: stored content damaged"
                damaged = DamagedAttachment(
                    said(
                        "the stored file {name} is damaged: its content no longer matches the "
                        "SHA-256 recorded when it was added; restore the database from a backup or "
                        "attach the file again",
                        name=record.name,
                    )
                )
            audit.record(
                session,
                actor.username,
                "view",
                kind=self.kind,
                record_id=record.id,
                outcome="success" if intact else "failure",
                details=details,
            )
        if damaged is not None:
            raise damaged
        return data, label

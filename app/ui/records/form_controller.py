"""The controller half of every record form: it wires a `FormView` to a record service.

One save path for every form: the write runs through the operation runner (off the GUI thread,
the form busy meanwhile); on success the form shows the saved record and its warnings, on
failure each `ValidationFailed` message goes beside its field (what was typed stays), any
other refusal in the message area.

A `Conflict` (another user saved the record first) opens the `ConflictDialog`: who, when, what
they changed beside what this user typed, and "Reload" (the record read again through the
runner; only then is the typing discarded) or "Keep editing" (the typing stays). After "Keep
editing" the next save is version-checked again: when none of the fields this user changed is
one the other user changed, it is checked against the version the conflict reported (their
changes are kept, the label sent only when this user changed it); otherwise against the version
first read, so it is refused again and never overwrites what the other user saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.domain.labels import Label, Release, is_downgrade
from app.domain.marking_check import MarkingMismatch
from app.services.base import RecordService, Saved
from app.services.desk import Desk
from app.services.errors import Conflict, ServiceError, ValidationFailed
from app.services.fields import text_of
from app.ui.failures import show_failure
from app.ui.operations import Changes, Operations
from app.ui.records.callbacks import while_alive
from app.ui.records.conflict_dialog import ConflictDialog, when_text
from app.ui.records.form_view import FormView
from app.ui.records.messages import refusal

# the texts naming a form's record, one per noun (French nouns have genders: "Nouvel échange",
# "Nouvelle personne"), translated whole; `form_text` picks one
FORM_TEXTS: dict[str, tuple[str, str, str, str]] = {
    "record": (
        QT_TRANSLATE_NOOP("Form", "New record"),
        QT_TRANSLATE_NOOP("Form", "No record chosen: pick one in the list"),
        QT_TRANSLATE_NOOP("Form", "This record has unsaved changes."),
        QT_TRANSLATE_NOOP("Form", "Save the record first"),
    ),
    "person": (
        QT_TRANSLATE_NOOP("Form", "New person"),
        QT_TRANSLATE_NOOP("Form", "No person chosen: pick one in the list"),
        QT_TRANSLATE_NOOP("Form", "This person has unsaved changes."),
        QT_TRANSLATE_NOOP("Form", "Save the person first"),
    ),
    "exchange": (
        QT_TRANSLATE_NOOP("Form", "New exchange"),
        QT_TRANSLATE_NOOP("Form", "No exchange chosen: pick one in the list"),
        QT_TRANSLATE_NOOP("Form", "This exchange has unsaved changes."),
        QT_TRANSLATE_NOOP("Form", "Save the exchange first"),
    ),
    "agreement": (
        QT_TRANSLATE_NOOP("Form", "New agreement"),
        QT_TRANSLATE_NOOP("Form", "No agreement chosen: pick one in the list"),
        QT_TRANSLATE_NOOP("Form", "This agreement has unsaved changes."),
        QT_TRANSLATE_NOOP("Form", "Save the agreement first"),
    ),
    "liaison assignment": (
        QT_TRANSLATE_NOOP("Form", "New liaison assignment"),
        QT_TRANSLATE_NOOP("Form", "No liaison assignment chosen: pick one in the list"),
        QT_TRANSLATE_NOOP("Form", "This liaison assignment has unsaved changes."),
        QT_TRANSLATE_NOOP("Form", "Save the liaison assignment first"),
    ),
    "participation": (
        QT_TRANSLATE_NOOP("Form", "New participation"),
        QT_TRANSLATE_NOOP("Form", "No participation chosen: pick one in the list"),
        QT_TRANSLATE_NOOP("Form", "This participation has unsaved changes."),
        QT_TRANSLATE_NOOP("Form", "Save the participation first"),
    ),
}


def form_text(noun: str, which: int) -> str:
    """The translated text ``which`` (0 new, 1 none chosen, 2 unsaved, 3 save it
    first: the related panels need a stored record) about a ``noun``."""
    texts = FORM_TEXTS.get(noun, FORM_TEXTS["record"])
    return QCoreApplication.translate("Form", texts[which])


@dataclass
class Shown:
    """A record as the form shows it, read off the GUI thread: the record, its label, the
    editors' values, its heading and the warnings of the write that returned it."""

    record: Any
    label: Label
    values: dict[str, Any]
    title: str
    warnings: list[str] = field(default_factory=list)


class FormController(QObject):
    """Loads, saves and reverts one record of ``service`` for a `FormView`."""

    saved = Signal(int)  # the record's id, after a successful write
    label_changed = Signal(object)  # the combined label of what the form shows
    title_changed = Signal(str)
    save_finished = Signal(bool)  # after every save attempt: True when it was written
    opened = Signal(bool)  # after a record was read off the GUI thread: True when it is shown

    noun = "record"

    def __init__(
        self,
        service: RecordService[Any],
        view: FormView,
        operations: Operations | None = None,
        may_write: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else view)
        self.service = service
        self.desk: Desk = service.desk
        self.view = view
        self.operations = operations if operations is not None else Operations(self)
        self.record_id: int | None = None
        self.record: Any = None
        self.version: int | None = None
        self.stored_label: Label | None = None
        self.saving = False
        self.loading = False
        self.ask_reason: Callable[[str, str], str | None] = self._ask_reason
        self.confirm: Callable[[str], str] = self._ask_unsaved
        self._clean: dict[str, Any] = {}
        self._clean_label: Label | None = None
        # a conflict the user chose to keep editing after (cleared when a record is shown)
        self.conflict: Conflict | None = None
        self.conflict_dialog: ConflictDialog | None = None  # the conflict question on screen
        view.save_button.clicked.connect(self.save)
        view.revert_button.clicked.connect(self.revert)
        view.label_editor.changed.connect(self.emit_label)
        self.may_write = may_write
        view.save_button.setEnabled(may_write)
        if not may_write:  # a reader reads: nothing to type into, nothing offered to save
            view.save_button.setToolTip(self.tr("Your role may read records but not change them"))
            view.set_read_only()

    # --- hooks -------------------------------------------------------------------------------

    def field_names(self) -> list[str]:
        """The editors this controller loads and saves."""
        return list(self.view.editors)

    def read_values(self, record: Any, names: list[str]) -> dict[str, Any]:
        """The editors' values of a record (runs off the GUI thread: may read the database)."""
        return {name: self.service.value_of(record, name) for name in names}

    def title_of(self, record: Any) -> str:
        """The heading for a stored record (runs off the GUI thread: may read the database)."""
        return self.service.title(record)

    def new_title(self) -> str:
        """The heading for a new record."""
        return form_text(self.noun, 0)

    def default_values(self) -> dict[str, Any]:
        """Values a new record starts with."""
        return {}

    def shown(self, record: Any, label: Label) -> None:
        """Called after a stored record is on screen (related panels refresh here)."""

    def shown_new(self) -> None:
        """Called after an empty new record is on screen."""

    def related_labels(self) -> list[Label]:
        """Labels of related rows on screen besides the record's own (for the banner)."""
        return []

    # --- the form's interface ----------------------------------------------------------------

    def title(self) -> str:
        """The heading shown (the record window's title follows it)."""
        return self.view.title.text()

    def values(self) -> dict[str, Any]:
        """The typed values of the loaded and saved editors."""
        return self.view.values(self.field_names())

    def labels_on_screen(self) -> list[Label]:
        """The stored label, the edited one and those of the related rows shown."""
        own = [x for x in (self.stored_label, self.view.label_editor.label()) if x is not None]
        return own + self.related_labels()

    def shown_label(self) -> Label:
        """The combined label of everything on the form."""
        labels = self.labels_on_screen()
        return self.desk.combined(labels) if labels else Label()

    def emit_label(self) -> None:
        """Tell the window that the labels on screen changed (the window marks its banners
        itself, self-checked; when the self-check fails here the signal carries the most
        protective label of the scheme, never an unchecked one)."""
        try:
            label = self.shown_label()
        except MarkingMismatch:
            label = Label(self.desk.db.scheme.top, Release.NOFORN)
        self.label_changed.emit(label)

    def has_unsaved_changes(self) -> bool:
        """True when the fields or the label differ from what was loaded or saved."""
        return self.values() != self._clean or self.view.label_editor.label() != self._clean_label

    def snapshot(self) -> None:
        """What is on screen now counts as saved."""
        self._clean = self.values()
        self._clean_label = self.view.label_editor.label()

    def _set_title(self, text: str) -> None:
        if text != self.view.title.text():
            self.view.set_title(text)
            self.title_changed.emit(text)

    # --- loading -----------------------------------------------------------------------------

    def new(self) -> None:
        """An empty form for a new record."""
        self.record_id = self.version = None
        self.record = self.stored_label = None
        self.conflict = None
        self._set_title(self.new_title() if self.may_write else form_text(self.noun, 1))
        self.view.set_values(self.default_values())
        self.view.label_editor.set_label(Label())
        self.view.clear_errors()
        self.view.show_message("")
        self.shown_new()
        self.snapshot()
        self.emit_label()

    def open_later(self, record_id: int) -> None:
        """Read a stored record off the GUI thread, then show it (the form busy meanwhile);
        a hidden or missing one is reported as not found."""
        service, names = self.service, self.field_names()
        read_values, title_of = self.read_values, self.title_of
        self.record_id = record_id
        self.loading = True
        self.view.show_message(self.tr("Loading…"))

        def read() -> Shown:
            record, label = service.get(record_id)
            return Shown(record, label, read_values(record, names), title_of(record))

        def succeeded(shown: Shown) -> None:
            self.loading = False
            self.show(shown)
            self.view.show_message("")
            self.opened.emit(True)

        def failed(error: BaseException) -> None:
            self.loading = False
            self.record_id = None
            if isinstance(error, ServiceError):
                self.view.show_message(refusal(error))
            else:
                self.view.show_message(self.tr("Could not read the record."))
                show_failure(self.view.window(), error)
            self.opened.emit(False)

        self.operations.run(
            read,
            success=while_alive(self.view, succeeded),
            failure=while_alive(self.view, failed),
            busy_widget=self.view,
        )

    def show(self, shown: Shown) -> None:
        """Put a stored record on screen: values, label, title; a fresh undo history."""
        record, label = shown.record, shown.label
        self.record, self.record_id, self.version, self.stored_label = (
            record,
            record.id,
            record.row_version,
            label,
        )
        self.conflict = None
        self._set_title(shown.title)
        self.view.set_values(shown.values)
        self.view.label_editor.set_label(label)
        self.view.clear_errors()
        self.shown(record, label)
        self.snapshot()
        self.emit_label()

    def revert(self) -> None:
        """Back to the stored record, read again off the GUI thread (or an empty new one)."""
        if self.record_id is None:
            self.new()
        else:
            self.open_later(self.record_id)

    # --- writing -----------------------------------------------------------------------------

    def downgrade_reason(self, label: Label, then: Callable[[str | None], None]) -> None:
        """Whether the new label is a downgrade is read off the GUI thread (it needs the nation
        groups); a downgrade asks a reason. Then ``then(reason)`` (None: no downgrade); with no
        reason given, nothing is saved and `save_finished` tells so."""
        stored, owner, db = self.stored_label, self.desk.owner, self.desk.db

        def checked(downgrade: bool) -> None:
            self.saving = False
            if not downgrade:
                then(None)
                return
            reason = self.ask_reason(
                self.tr("Reason for the downgrade"),
                "This lowers the marking or widens who may read the record:\n"
                f"{self.desk.marking(stored)} → {self.desk.marking(label)}",
            )
            if reason is None:
                self.view.show_message(self.tr("Not saved: a downgrade needs a stated reason."))
                self.save_finished.emit(False)
                return
            then(reason)

        def failed(error: BaseException) -> None:
            self.saving = False
            self.view.show_message(self.tr("Not saved. Something went wrong; see the message."))
            show_failure(self.view.window(), error)
            self.save_finished.emit(False)

        self.saving = True  # no second save meanwhile
        self.operations.run(
            lambda: stored is not None and is_downgrade(stored, label, owner, db.nation_groups()),
            success=while_alive(self.view, checked),
            failure=while_alive(self.view, failed),
        )

    def save(self) -> bool:
        """Start the create or update through the runner; False when it could not start.
        `save_finished` tells how it ended."""
        if self.saving or self.loading:
            return False
        label = self.view.label_editor.label()
        if label is None:
            self.view.show_errors(
                {"releasable_to": self.tr("REL TO needs at least one nation or group")}
            )
            self.save_finished.emit(False)
            return False
        values = self.values()
        service, record_id = self.service, self.record_id
        if record_id is None:
            self.write(
                lambda: service.create(values, label=label),
                self.tr("Saved."),
                self.tr("Not saved."),
            )
            return True
        changed = {k: v for k, v in values.items() if v != self._clean.get(k)}
        relabelled = label != self._clean_label
        version = self.version_to_check(set(changed) | ({"label"} if relabelled else set()))
        given_label = label if relabelled else None  # an unchanged label is not sent

        def update(reason: str | None) -> None:
            self.write(
                lambda: service.update(
                    record_id, changed, label=given_label, reason=reason, expected_version=version
                ),
                self.tr("Saved."),
                self.tr("Not saved."),
            )

        self.downgrade_reason(label, update)
        return True

    def version_to_check(self, names: set[str]) -> int | None:
        """The version a save of the fields ``names`` expects: the one first read, or after
        "Keep editing" the version the conflict reported when the other user changed none of
        these fields (and the trail said which they changed)."""
        conflict = self.conflict
        if conflict is None or conflict.version is None or not conflict.changes:
            return self.version
        if names & {change.field for change in conflict.changes}:
            return self.version  # both changed a field: refused again, never overwritten
        return conflict.version

    def typed_texts(self) -> dict[str, str]:
        """The texts of what this user changed since the record was read (field → text)."""
        typed = {
            name: text_of(value)
            for name, value in self.values().items()
            if value != self._clean.get(name)
        }
        label = self.view.label_editor.label()
        if label != self._clean_label:
            typed["label"] = (
                self.desk.marking(label) if label is not None else self.tr("(incomplete)")
            )
        return typed

    def conflicted(self, conflict: Conflict, refused: str) -> None:
        """Another user saved first: say so on the form and ask "Reload" or "Keep editing"."""
        by = conflict.by or self.tr("another user")
        when = when_text(conflict.at)
        self.view.clear_errors()
        changed = (
            self.tr("{by} changed this record at {when}.")
            if when
            else self.tr("{by} changed this record.")
        ).format(by=by, when=when)
        self.view.show_message(f"{refused} {changed}")
        if self.conflict_dialog is not None:
            self.conflict_dialog.close()
        dialog = ConflictDialog(conflict, self.title(), self.typed_texts(), self.view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.conflict_dialog = dialog

        def chosen(choice: str) -> None:
            self.conflict_dialog = None
            if choice == "reload":
                self.reload_after(conflict)
            else:
                self.conflict = conflict
                kept = self.tr(
                    "What you typed is still here; the changes of {by} are shown after Reload "
                    "(Revert)."
                ).format(by=by)
                self.view.show_message(f"{refused} {kept}")

        dialog.chosen.connect(while_alive(self.view, chosen))
        dialog.open()

    def reload_after(self, conflict: Conflict) -> None:
        """Read the record again through the runner (the typing discarded), then say whose
        changes are shown."""
        if self.record_id is None:
            return
        by, when = conflict.by or self.tr("another user"), when_text(conflict.at)

        def opened(ok: bool) -> None:
            self.opened.disconnect(opened)
            if ok:
                self.view.show_message(
                    (
                        self.tr(
                            "Reloaded: the changes of {by} of {when} are shown; what you had "
                            "typed was discarded."
                        )
                        if when
                        else self.tr(
                            "Reloaded: the changes of {by} are shown; what you had typed was "
                            "discarded."
                        )
                    ).format(by=by, when=when)
                )

        self.opened.connect(opened)
        self.open_later(self.record_id)

    def write(
        self,
        call: Callable[[], Saved[Any]],
        done: str,
        refused: str,
        invalid: Callable[[ValidationFailed], None] | None = None,
        after: Callable[[], None] | None = None,
    ) -> None:
        """Run one write of this record through the runner (the form busy meanwhile); then show
        the saved record with ``done`` and its warnings, or the refusal after ``refused``."""
        names = self.field_names()
        read_values, title_of = self.read_values, self.title_of

        def work() -> Shown:
            saved = call()
            record = saved.record
            values = read_values(record, names)
            return Shown(saved.record, saved.label, values, title_of(record), list(saved.warnings))

        def succeeded(shown: Shown) -> None:
            self.saving = False
            self.show(shown)
            self.view.message.show_warnings(done, shown.warnings)
            if after is not None:
                after()
            self.saved.emit(shown.record.id)
            self.save_finished.emit(True)

        def failed(error: BaseException) -> None:
            self.saving = False
            if isinstance(error, ValidationFailed):
                if invalid is not None:
                    invalid(error)
                else:
                    self.view.show_errors(error.errors, refused)
            elif isinstance(error, Conflict):
                self.conflicted(error, refused)
            elif isinstance(error, ServiceError):
                self.view.clear_errors()
                self.view.show_message(f"{refused} {refusal(error)}")
            else:
                went_wrong = self.tr("Something went wrong; see the message.")
                self.view.show_message(f"{refused} {went_wrong}")
                show_failure(self.view.window(), error)
            self.save_finished.emit(False)

        self.saving = True
        kind = self.service.kind
        self.operations.run(
            work,
            success=while_alive(self.view, succeeded),
            failure=while_alive(self.view, failed),
            changes=lambda shown: Changes(
                kinds=frozenset({kind}), records=frozenset({(kind, shown.record.id)})
            ),
            busy_widget=self.view,
        )

    def save_and_wait(self) -> bool:
        """Save and wait for the outcome (a local event loop; the form is busy meanwhile)."""
        outcome: list[bool] = []
        loop = QEventLoop()

        def finished(ok: bool) -> None:
            outcome.append(ok)
            loop.quit()

        self.save_finished.connect(finished)
        try:
            if self.save() or self.saving:
                if not outcome:
                    loop.exec()
        finally:
            self.save_finished.disconnect(finished)
        return bool(outcome and outcome[0])

    def may_leave(self) -> bool:
        """Ask about unsaved changes: save (and wait), discard or stay. True when leaving is
        fine."""
        if not self.has_unsaved_changes():
            return True
        answer = self.confirm(form_text(self.noun, 2))
        if answer == "save":
            return self.save_and_wait()
        return answer == "discard"

    # --- dialogs -----------------------------------------------------------------------------

    def _ask_reason(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(
            self.view, title, prompt + "\n\n" + self.tr("Reason (recorded in the audit trail):")
        )
        return text.strip() if ok and text.strip() else None

    def _ask_unsaved(self, text: str) -> str:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            text,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self.view,
        )
        answer = box.exec()
        return {
            QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard",
        }.get(QMessageBox.StandardButton(answer), "cancel")


class ControlledForm:
    """The part of the record window's form interface every form widget shares: it asks its
    `FormController` (mixed in before the widget class: ``class F(ControlledForm, QWidget)``)."""

    controller: FormController

    def widget(self) -> QWidget:
        """The widget a record window shows."""
        assert isinstance(self, QWidget)
        return self

    def form_title(self) -> str:
        """The heading shown (the window title follows it)."""
        return self.controller.title()

    def save(self) -> bool:
        """Start saving through the runner (False when it could not start)."""
        return self.controller.save()

    def has_unsaved_changes(self) -> bool:
        """True when the fields or the label differ from what was loaded or saved."""
        return self.controller.has_unsaved_changes()

    def labels_on_screen(self) -> list[Label]:
        """The stored label, the edited one and those of the related rows shown."""
        return self.controller.labels_on_screen()

    @property
    def record_id(self) -> int | None:
        """The id of the record shown (None: new)."""
        return self.controller.record_id

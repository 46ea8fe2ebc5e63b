"""The sidebar's pages: a record kind's list, the people page, deadlines, users, audit trail.

Every page answers the same questions of the window (`Page`): what labels it shows, how to
read it again, whether it may be left, and how to start, save or open a record in it. A page is
built when first shown; what it reads runs off the GUI thread through the operation runner, and
a list reads itself again when an operation reports a change of its kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QSplitter, QWidget

from app.domain.labels import Label, Release
from app.security.principal import Actor
from app.services.desk import Desk
from app.ui.admin.audit_view import AuditView
from app.ui.admin.users_view import UsersView
from app.ui.deadlines_view import DeadlinesView
from app.ui.kinds import KindView
from app.ui.list_view import RecordListView
from app.ui.operations import Changes, Operations
from app.ui.person_form import PersonForm, PersonFormController
from app.ui.person_related import PersonRelated
from app.ui.records.form_context import FormContext, read_form_context
from app.ui.table_model import RecordTableModel


@dataclass(frozen=True)
class PageContext:
    """What pages need from the window: the desk, who is acting, the runner, and where to send
    the records the user asks to open."""

    desk: Desk
    actor: Actor
    operations: Operations
    nations: dict[str, str]
    open_form: Callable[[str, int | None], bool]  # kind, id (None: new) -> opened
    open_about: Callable[[str, int], None]  # a deadline's or related record (kind, id)
    export: Callable[[str], None]  # page key


class Page(QObject):
    """One sidebar page once built: its widget, and what the window asks of it."""

    labelsChanged = Signal()
    layoutChanged = Signal()  # widgets were added later: the window restores their layout
    edits_beside_list = False  # its kind's records open in the page, not in their own window

    def __init__(self, key: str, widget: QWidget) -> None:
        super().__init__(widget)
        self.key = key
        self.widget = widget
        self.list_view: RecordListView | None = None
        self.splitters: dict[str, QSplitter] = {}

    def labels(self) -> list[Label]:
        """The labels of what the page shows."""
        return []

    def refresh(self) -> None:
        """Read the page again (off the GUI thread); called when the page is shown."""

    def may_leave(self) -> bool:
        """False when unsaved edits keep the user here (asked first)."""
        return True

    def new_record(self) -> bool:
        """Start a new record of the page's kind; False when the page has none."""
        return False

    def save_record(self) -> bool:
        """Save the record edited on the page; False when none is."""
        return False

    def open_record(self, record_id: int) -> bool:
        """Show a record on the page itself; False when it opens in its own window."""
        return False

    def undo_stack(self) -> QUndoStack | None:
        """The undo history of the form edited on the page, if any."""
        return None

    def shutdown(self) -> None:
        """Stop background work before the window goes."""


class ListPage(Page):
    """A record kind's list; its records open in their form's window."""

    def __init__(self, kind_view: KindView, context: PageContext, widget: QWidget | None = None):
        model = RecordTableModel(
            kind_view.kind.service(context.desk), kind_view.columns, context.desk.portion_mark
        )
        model.search_kind = kind_view.kind.name
        view = RecordListView(
            model, kind_view.status_filter, kind_view.nation_filter, context.nations
        )
        model.setParent(view)
        view.setObjectName(f"list-{kind_view.page}")
        super().__init__(kind_view.page, widget or view)
        self.kind_view = kind_view
        self.context = context
        self.list_view = view
        view.labelsChanged.connect(lambda _labels: self.labelsChanged.emit())
        view.exportRequested.connect(lambda: context.export(self.key))
        view.openRequested.connect(self._open)
        context.operations.changed.connect(self._changed)
        model.refresh()  # fetched off the GUI thread once the list is shown

    def _open(self, record_id: int) -> None:
        if not self.open_record(record_id):
            self.context.open_form(self.kind_view.kind.name, record_id)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(self.kind_view.kind.name):
            self.list_view.model.refresh()  # a hidden list fetches when it is shown again

    def labels(self) -> list[Label]:
        """The labels of the rows in view."""
        return self.list_view.visible_labels()

    def refresh(self) -> None:
        """Count and fetch the list again."""
        self.list_view.model.refresh()

    def new_record(self) -> bool:
        """A new record in its form's window."""
        return self.kind_view.form is not None and self.context.open_form(
            self.kind_view.kind.name, None
        )


class PeoplePage(ListPage):
    """The people list with the person form beside it and the person's related records below
    it, instead of a window per person. The form is built once the label choices have
    been read off the GUI thread."""

    edits_beside_list = True

    def __init__(self, kind_view: KindView, context: PageContext) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        super().__init__(kind_view, context, self.splitter)
        self.splitter.addWidget(self.list_view)
        self.list_view.clickedRecord.connect(self._open)  # one click shows the person beside
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitters = {"people": self.splitter, "person": self.side}
        self.form: PersonForm | None = None
        self.controller: PersonFormController | None = None
        self.related: PersonRelated | None = None
        self._wanted: int | None = None  # a record asked for before the form was ready
        desk, actor = context.desk, context.actor
        context.operations.run(lambda: read_form_context(desk, actor), success=self._build_form)

    def _build_form(self, choices: FormContext) -> None:
        context = self.context
        self.form = PersonForm(
            dict(choices.nations),
            list(choices.level_names),
            choices.top_level,
            dict(choices.nation_groups),
            list(choices.ntk_groups),
            context.desk.marking,
            refused_levels=choices.refused_levels,
        )
        self.controller = PersonFormController(
            context.desk.people,
            self.form,
            context.actor.may_write_records,
            parent=self,
            operations=context.operations,
        )
        self.related = PersonRelated(context.desk, operations=context.operations, context=choices)
        self.related.labelsChanged.connect(lambda _labels: self.labelsChanged.emit())
        self.related.openRequested.connect(context.open_about)
        self.controller.labelChanged.connect(self.labelsChanged)
        # a new person saved gets their (empty) related records; an existing one keeps them:
        # the related rows read themselves again when an operation reports a change of them
        self.controller.saved.connect(self._saved)
        self.controller.opened.connect(lambda _shown: self._show_related())
        self.side.addWidget(self.form)
        self.side.addWidget(self.related)
        self.side.setStretchFactor(0, 3)
        self.side.setStretchFactor(1, 1)
        height = max(self.side.height(), 400)
        self.side.setSizes([height * 3 // 4, height - height * 3 // 4])
        self.layoutChanged.emit()  # a stored layout of the side, if any, replaces that
        if self._wanted is not None:
            self.open_record(self._wanted)
        self.labelsChanged.emit()

    def _show_related(self) -> None:
        self.related.set_person(self.controller.record_id, self.controller.stored_label)

    def _saved(self, record_id: int) -> None:
        if self.related.person_id != record_id:
            self._show_related()
        else:
            self.related.relabel(self.controller.stored_label)

    def labels(self) -> list[Label]:
        """The rows in view, the record in the form and its related records."""
        shown = super().labels()
        if self.controller is not None:
            shown += self.controller.labels_on_screen() + self.related.labels
        return shown

    def undo_stack(self) -> QUndoStack | None:
        """The person form's undo history."""
        return self.form.undo_stack if self.form is not None else None

    def may_leave(self) -> bool:
        """Ask about unsaved edits in the form."""
        return self.controller is None or self.controller.may_leave()

    def new_record(self) -> bool:
        """An empty form beside the list."""
        if self.controller is None or not self.controller.may_leave():
            return self.controller is not None
        self.controller.new()
        self._show_related()
        self.form.editors["family_name"].widget.setFocus()
        return True

    def save_record(self) -> bool:
        """Save the form (through the runner)."""
        if self.controller is None:
            return False
        self.controller.save()
        return True

    def open_record(self, record_id: int) -> bool:
        """Show the record in the form (asking about unsaved edits first)."""
        if self.controller is None:
            self._wanted = record_id
            return True
        if self.controller.record_id == record_id and not self.controller.loading:
            return True  # shown already (a second click on its row)
        if self.controller.may_leave():
            self.controller.open_later(record_id)  # read off the GUI thread; `opened` follows
        return True


class DeadlinesPage(Page):
    """What falls due soon, across kinds."""

    def __init__(self, context: PageContext) -> None:
        self.view = DeadlinesView(context.desk, operations=context.operations)
        super().__init__("deadlines", self.view)
        self.view.labelsChanged.connect(lambda _labels: self.labelsChanged.emit())
        self.view.openRequested.connect(context.open_about)

    def labels(self) -> list[Label]:
        """The labels of the deadlines listed."""
        return self.view.labels

    def refresh(self) -> None:
        """Read the deadlines again."""
        self.view.refresh()


class UsersPage(Page):
    """User accounts and groups (administrators)."""

    def __init__(self, context: PageContext) -> None:
        self.view = UsersView(context.desk, operations=context.operations)
        super().__init__("users", self.view)
        self.splitters = {"users": self.view.splitter}

    def refresh(self) -> None:
        """Read the accounts again."""
        self.view.refresh()


class AuditPage(Page):
    """The audit trail (auditors, administrators)."""

    def __init__(self, context: PageContext) -> None:
        self.view = AuditView(context.desk, operations=context.operations)
        super().__init__("audit", self.view)
        self.splitters = {"audit": self.view.splitter}
        # event details hold fields of records at any level: marked conservatively, as the
        # highest the user may read and owning-nation only
        scheme = context.desk.db.scheme
        self._top = Label(min(context.actor.clearance, scheme.top), Release.NOFORN)

    def labels(self) -> list[Label]:
        """The highest label the user may read, owning nation only."""
        return [self._top]

    def refresh(self) -> None:
        """Read the events again."""
        self.view.refresh()

    def shutdown(self) -> None:
        """Wait for a running verification."""
        self.view.shutdown()


def page_for(key: str, kind_view: KindView | None, context: PageContext) -> Page:
    """Build the page of a sidebar entry."""
    if kind_view is not None:
        # people are edited beside their list
        return (PeoplePage if kind_view.kind.name == "person" else ListPage)(kind_view, context)
    return {"deadlines": DeadlinesPage, "users": UsersPage, "audit": AuditPage}[key](context)

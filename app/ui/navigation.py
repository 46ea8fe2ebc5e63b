"""The sidebar, its pages, and the records opened from them.

Pages are built when first shown (`app.ui.pages`); every record kind opens through the UI kind
registry (`app.ui.kinds`): in its page when the page edits it beside the list, else in its own
`RecordWindow`. Whatever must be read first (a contact-log entry's tour, a hit's reference)
is read off the GUI thread through the operation runner.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from app.security.principal import Actor
from app.services import kinds
from app.services.desk import Desk
from app.ui import kinds as kind_views
from app.ui.i18n import error_text, kind_title, nations
from app.ui.icons import icon
from app.ui.list_view import RecordListView
from app.ui.operations import Changes, Operations
from app.ui.pages import Page, PageContext, page_for
from app.ui.record_window import RecordWindow
from app.ui.records.form_context import FormContext, read_form_context

# the sidebar: every record kind's list page (`app.ui.kinds`), then these: key, title, icon
OTHER_PAGES = (
    ("deadlines", QT_TRANSLATE_NOOP("Kind", "Deadlines"), "deadlines"),
    ("users", QT_TRANSLATE_NOOP("Kind", "Users"), "users"),
    ("audit", QT_TRANSLATE_NOOP("Kind", "Audit trail"), "audit"),
)


class Navigation(QObject):
    """The sidebar and the page stack of a window; opens records in their page or window."""

    labelsChanged = Signal()  # what the shown page or a record window shows changed
    pageBuilt = Signal(object)  # Page, just built (the window restores its layout)
    message = Signal(str, int)  # a status-bar message and how long it stays (ms)

    def __init__(
        self,
        desk: Desk,
        actor: Actor,
        operations: Operations,
        export: Callable[[str], None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.desk = desk
        self.operations = operations
        self.window = window
        self.actor = actor
        self.form_context: FormContext | None = None  # read off the GUI thread when first needed
        operations.changed.connect(self._forget_form_context)
        self.read_form_context()
        self.context = PageContext(
            desk, actor, operations, nations(), self.open_form, self.open_about, export
        )
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Navigation"))
        self.sidebar.setMaximumWidth(220)
        self.stack = QStackedWidget()
        self.page_keys: list[str] = []
        self.built: dict[str, Page] = {}
        self.record_windows: list[RecordWindow] = []
        entries = [(v.page, v.title, v.icon) for v in kind_views.PAGES] + [
            (key, kind_title(title), icon_name) for key, title, icon_name in OTHER_PAGES
        ]
        for key, title, icon_name in entries:
            if (key == "users" and not actor.is_admin) or (
                key == "audit" and not actor.reads_audit
            ):
                continue
            item = QListWidgetItem(icon(icon_name), title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
            self.stack.addWidget(self._sized(QWidget()))  # the page, once built, replaces it
            self.page_keys.append(key)
        self.sidebar.currentRowChanged.connect(self._row_changed)

    @staticmethod
    def _sized(widget: QWidget) -> QWidget:
        # a page may be narrower than its layout's wish (it scrolls); otherwise the widest
        # page would squeeze the sidebar whenever the window is restored
        widget.setMinimumSize(320, 240)
        return widget

    # --- pages -------------------------------------------------------------------------------

    def page(self, key: str) -> Page:
        """The page of a sidebar entry, built now if it was not yet."""
        page = self.built.get(key)
        if page is None:
            page = page_for(key, kind_views.BY_PAGE.get(key), self.context)
            index = self.page_keys.index(key)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, self._sized(page.widget))
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.built[key] = page
            page.labelsChanged.connect(self.labelsChanged)
            page.layoutChanged.connect(lambda: self.pageBuilt.emit(page))
            self.pageBuilt.emit(page)
        return page

    def current_key(self) -> str:
        """The key of the page shown."""
        row = self.sidebar.currentRow()
        return self.page_keys[row] if 0 <= row < len(self.page_keys) else ""

    def current(self) -> Page | None:
        """The page shown (None before the first)."""
        key = self.current_key()
        return self.built.get(key) if key else None

    def show_page(self, key: str) -> Page:
        """Show a page (building it if needed)."""
        self.sidebar.setCurrentRow(self.page_keys.index(key))
        return self.page(key)

    @property
    def lists(self) -> dict[str, RecordListView]:
        """The record lists built so far, by page key."""
        return {k: p.list_view for k, p in self.built.items() if p.list_view is not None}

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self.page_keys[row]
        fresh = key not in self.built
        page = self.page(key)
        self.stack.setCurrentWidget(page.widget)
        if not fresh:  # a page reads itself when built
            page.refresh()
        self.labelsChanged.emit()

    # --- opening records ---------------------------------------------------------------------

    def open_form(self, kind: str, record_id: int | None) -> bool:
        """Open a record (None: a new one) in its page or in its own marked window; False when
        the kind has no form (it opens from its parent record)."""
        kind_view = kind_views.view_of(kind)
        if kind_view is None or kind_view.form is None:
            return False
        if kind_view.columns and kind_view.page in self.page_keys:
            page = self.page(kind_view.page)
            if page.edits_beside_list:
                self.show_page(kind_view.page)
                return page.new_record() if record_id is None else page.open_record(record_id)
        if self.form_context is None:  # read it off the GUI thread, then open
            self.read_form_context(lambda: self.open_form(kind, record_id))
            return True
        form = kind_view.form(
            self.desk, record_id, operations=self.operations, context=self.form_context
        )
        window = RecordWindow(form, self.desk, self.window)
        form.label_changed.connect(lambda _label: self.labelsChanged.emit())
        related = getattr(form, "openRequested", None)  # forms that name other records
        if related is not None:
            related.connect(self.open_form)
        window.show()
        self.record_windows.append(window)
        window.destroyed.connect(
            lambda _o=None, w=window: (
                self.record_windows.remove(w) if w in self.record_windows else None
            )
        )
        return True

    def read_form_context(self, then: Callable[[], object] | None = None) -> None:
        """Read what every record form needs (actor, label choices) off the GUI thread, once;
        then call ``then``."""
        desk, actor = self.desk, self.actor

        def keep(context: FormContext) -> None:
            self.form_context = context
            if then is not None:
                then()

        self.operations.run(lambda: read_form_context(desk, actor), success=keep)

    def _forget_form_context(self, changes: Changes) -> None:
        # groups and nation groups are edited with the users: read them again
        if changes.everything or changes.touches("user"):
            self.form_context = None
            self.read_form_context()

    def open_about(self, kind: str, record_id: int) -> None:
        """Open the record a deadline or a related row is about (a contact-log entry opens its
        tour, a participation its exchange: read off the GUI thread first)."""
        parents = {
            "contact_log": ("liaison_assignment", lambda: self.desk.contact_log.get(record_id)),
            "participation": ("exchange", lambda: self.desk.participations.get(record_id)),
        }
        if kind not in parents:
            self._open_or_say(kind, record_id)
            return
        parent_kind, read = parents[kind]
        column = "assignment_id" if kind == "contact_log" else "exchange_id"
        self.operations.run(
            lambda: int(getattr(read()[0], column)),
            success=lambda parent_id: self._open_or_say(parent_kind, parent_id),
            failure=lambda error: self.message.emit(error_text(error), 8000),
        )

    def _open_or_say(self, kind: str, record_id: int) -> None:
        if not self.open_form(kind, record_id):
            self.message.emit(
                self.tr("No form for a {kind}").format(kind=kind_title(kinds.kind(kind).singular)),
                5000,
            )

    def open_hit(self, kind: str, record_id: int) -> None:
        """Open a search hit: in its form if the kind has one, else found in its list."""
        if kind == "contact_log":
            self.operations.run(
                lambda: int(self.desk.contact_log.get(record_id)[0].assignment_id),
                success=lambda tour_id: self.open_form("liaison_assignment", tour_id),
                failure=lambda error: self.message.emit(error_text(error), 8000),
            )
            return
        if self.open_form(kind, record_id):
            return
        kind_view = kind_views.view_of(kind)
        key = kind_view.page if kind_view is not None and kind_view.columns else None
        if key not in self.page_keys:
            self.message.emit(self.tr("This kind of record opens from its parent record."), 6000)
            return
        view = self.show_page(key).list_view
        service = view.model.service

        def found(reference: str) -> None:
            view.quick_filter.setText(reference)
            view.apply_filters()
            view.table.setFocus()

        self.operations.run(
            lambda: str(getattr(service.get(record_id)[0], "reference", "")),
            success=found,
            failure=lambda error: self.message.emit(error_text(error), 8000),
        )

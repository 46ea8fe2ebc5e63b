"""The main window: sidebar, pages, menus, toolbar, status bar, banners and the idle lock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.labels import Label, Release
from app.domain.nations import all_nations
from app.security.auth import LoginFailed, authenticate
from app.services import session as session_events
from app.services.desk import Desk
from app.services.errors import PermissionDenied, ServiceError
from app.ui import kinds as kind_views
from app.ui.admin.audit_view import AuditView
from app.ui.admin.users_view import UsersView
from app.ui.banner import ClassificationBanner
from app.ui.deadlines_view import DeadlinesView
from app.ui.icons import icon
from app.ui.list_view import RecordListView
from app.ui.person_form import PersonForm, PersonFormController
from app.ui.person_related import PersonRelated
from app.ui.record_window import RecordWindow
from app.ui.search_box import LIMIT, MARKS, GlobalSearch
from app.ui.settings import IDLE_KEY, idle_minutes
from app.ui.table_model import RecordTableModel
from app.ui.worker import Worker

# the sidebar: every record kind's list page (`app.ui.kinds`), then these: key, title, icon
OTHER_PAGES = (
    ("deadlines", "Deadlines", "deadlines"),
    ("users", "Users", "users"),
    ("audit", "Audit trail", "audit"),
)
INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Restarts a timer on every keyboard or mouse input of the application; ``idle`` on timeout."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        """Change the idle time and restart."""
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Any input counts as activity."""
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False

    def stop(self) -> None:
        """Stop watching."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockPage(QWidget):
    """What the window shows while locked: nothing but a password prompt."""

    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(
            f"<h2>Locked</h2>Exchange Desk was locked after a period without use.<br>"
            f"Enter the password of <b>{username}</b> to continue."
        )
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        self.password.setMaximumWidth(320)
        self.unlock_button = QPushButton(icon("lock"), "Unlock")
        self.message = QLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.message.setMaximumWidth(480)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.password, self.unlock_button, self.message):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.password.returnPressed.connect(self.unlock_button.click)


class PreferencesDialog(QDialog):
    """Preferences: the idle-lock time."""

    def __init__(self, minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 240)
        self.minutes.setValue(minutes)
        self.minutes.setSuffix(" minutes")
        self.minutes.setAccessibleName("Lock after")
        form = QFormLayout(self)
        form.addRow("Lock the window after", self.minutes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class MainWindow(QMainWindow):
    """The workspace of one logged-in user."""

    def __init__(
        self, desk: Desk, settings: QSettings, location: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.settings = settings
        self.actor = desk.actor()
        self.locked = False
        self._hidden_windows: list[QWidget] = []
        self._copied_text: str | None = None
        self._logged_out = False
        self.setWindowTitle(
            f"Exchange Desk — {desk.owner} — {desk.username}"
            + (f" — {location}" if location else "")
        )
        self.setWindowIcon(icon("app"))
        nations = all_nations()
        scheme = desk.db.scheme
        level_names = list(scheme.names)

        self.top_banner = ClassificationBanner()
        self.bottom_banner = ClassificationBanner()
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Navigation")
        self.sidebar.setMaximumWidth(220)
        self.pages = QStackedWidget()
        self.lists: dict[str, RecordListView] = {}
        self.page_labels: dict[str, Callable[[], list[Label]]] = {}
        self.page_keys: list[str] = []
        self.person_form: PersonForm | None = None
        self.person: PersonFormController | None = None
        self.users_view: UsersView | None = None
        self.audit_view: AuditView | None = None
        self.deadlines_view: DeadlinesView | None = None
        self.splitters: dict[str, QSplitter] = {}
        self.record_windows: list[QWidget] = []
        self.report_dialog: QDialog | None = None
        self.export_runner: QWidget | None = None

        sidebar = [(v.page, v.title, v.icon) for v in kind_views.PAGES] + list(OTHER_PAGES)
        for key, title, icon_name in sidebar:
            if key == "users" and not self.actor.is_admin:
                continue
            if key == "audit" and not self.actor.reads_audit:
                continue
            page = self._make_page(key, nations, level_names)
            item = QListWidgetItem(icon(icon_name), title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            if page is None:
                page = QLabel(f"{title}: this part of Exchange Desk is not installed yet.")
                page.setAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip("not available yet")
            self.sidebar.addItem(item)
            # a page may be narrower than its layout's wish (it scrolls); otherwise the widest
            # page would squeeze the sidebar whenever the window is restored
            page.setMinimumSize(320, 240)
            self.pages.addWidget(page)
            self.page_keys.append(key)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.sidebar)
        self.main_splitter.addWidget(self.pages)
        self.main_splitter.setStretchFactor(1, 1)
        self.splitters["main"] = self.main_splitter
        self.lock_page = LockPage(desk.username)
        self.content = QStackedWidget()
        self.content.addWidget(self.main_splitter)
        self.content.addWidget(self.lock_page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_banner)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.bottom_banner)
        self.setCentralWidget(central)

        self._make_actions()
        self.statusBar().showMessage(
            f"Logged in as {desk.username} ({self.actor.role.label}, "
            f"cleared {scheme.name(min(self.actor.clearance, scheme.top))}, {self.actor.nation})"
        )
        self.sidebar.currentRowChanged.connect(self._page_changed)
        self.lock_page.unlock_button.clicked.connect(self.try_unlock)
        self.idle = IdleWatcher(idle_minutes(settings), self)
        self.idle.idle.connect(self.lock)
        QGuiApplication.clipboard().dataChanged.connect(self._clipboard_changed)
        self.restore_layout()
        self.expire_agreements()
        start = self.page_keys.index("people") if "people" in self.page_keys else 0
        self.sidebar.setCurrentRow(start)
        self._page_changed(start)

    # --- pages -------------------------------------------------------------------------------

    def _make_page(
        self, key: str, nations: dict[str, str], level_names: list[str]
    ) -> QWidget | None:
        kind_view = kind_views.BY_PAGE.get(key)
        if kind_view is not None:
            service = kind_view.kind.service(self.desk)
            model = RecordTableModel(
                service, kind_view.columns, self.desk.portion_mark, parent=self
            )
            model.search_kind = kind_view.kind.name
            view = RecordListView(model, kind_view.status_filter, kind_view.nation_filter, nations)
            view.setObjectName(f"list-{key}")
            self.lists[key] = view
            view.labelsChanged.connect(lambda _labels: self.update_banner())
            view.exportRequested.connect(lambda k=key: self.export_list(k))
            if key != "people":
                view.openRequested.connect(
                    lambda record_id, k=kind_view.kind.name: self.open_form(k, record_id)
                )
                self.page_labels[key] = view.visible_labels
                return view
            self.person_form = PersonForm(
                nations,
                level_names,
                min(self.actor.clearance, len(level_names) - 1),
                self._nation_groups(),
                self._ntk_groups(),
                self.desk.marking,
            )
            self.person = PersonFormController(
                self.desk.people, self.person_form, self.actor.may_write_records, parent=self
            )
            self.person_related = PersonRelated(self.desk)
            self.person_related.labelsChanged.connect(lambda _labels: self.update_banner())
            self.person_related.openRequested.connect(self.open_deadline)
            self.person.labelChanged.connect(self.update_banner)
            self.person.saved.connect(
                lambda _id: (view.model.refresh(), self._show_person_related())
            )
            view.openRequested.connect(self.open_person)
            person_side = QSplitter(Qt.Orientation.Vertical)
            person_side.addWidget(self.person_form)
            person_side.addWidget(self.person_related)
            person_side.setStretchFactor(0, 3)
            person_side.setStretchFactor(1, 1)
            splitter = QSplitter(Qt.Orientation.Horizontal)
            splitter.addWidget(view)
            splitter.addWidget(person_side)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            self.splitters["people"] = splitter
            self.splitters["person"] = person_side
            self.page_labels[key] = lambda: (
                view.visible_labels() + self.person.labels_on_screen() + self.person_related.labels
            )
            return splitter
        if key == "deadlines":
            self.deadlines_view = DeadlinesView(self.desk)
            self.deadlines_view.labelsChanged.connect(lambda _l: self.update_banner())
            self.deadlines_view.openRequested.connect(self.open_deadline)
            self.page_labels[key] = lambda: self.deadlines_view.labels
            return self.deadlines_view
        if key == "users":
            self.users_view = UsersView(self.desk)
            self.splitters["users"] = self.users_view.splitter
            return self.users_view
        if key == "audit":
            self.audit_view = AuditView(self.desk)
            self.splitters["audit"] = self.audit_view.splitter
            # event details hold fields of records at any level: marked conservatively, as
            # the highest the user may read and owning-nation only
            top = Label(min(self.actor.clearance, len(level_names) - 1), Release.NOFORN)
            self.page_labels[key] = lambda: [top]
            return self.audit_view
        return None

    def _nation_groups(self) -> dict[str, str]:
        try:
            return {
                code: name for code, (name, _members) in self.desk.users.nation_groups().items()
            }
        except ServiceError:
            return {code: code for code in self.desk.db.nation_groups()}

    def _ntk_groups(self) -> list[str]:
        try:
            return list(self.desk.users.ntk_groups())
        except ServiceError:
            return sorted(self.actor.groups)

    def current_key(self) -> str:
        """The key of the page shown."""
        row = self.sidebar.currentRow()
        return self.page_keys[row] if 0 <= row < len(self.page_keys) else ""

    def _page_changed(self, row: int) -> None:
        if row < 0:
            return
        self.pages.setCurrentIndex(row)
        key = self.page_keys[row]
        try:
            if key in self.lists:
                self.lists[key].model.refresh()
            elif key == "deadlines" and self.deadlines_view:
                self.deadlines_view.refresh()
            elif key == "users" and self.users_view:
                self.users_view.refresh()
            elif key == "audit" and self.audit_view:
                self.audit_view.refresh()
        except PermissionDenied as error:
            self.statusBar().showMessage(str(error), 8000)
        self.update_banner()

    def expire_agreements(self) -> None:
        """At the start of a session, in-force agreements past their expiry become expired (domain
        rule; the service moves only what the user may change, and audits each move)."""
        try:
            moved = self.desk.agreements.expire_due()
        except (ServiceError, ImportError, AttributeError):
            return
        if moved:
            self.statusBar().showMessage(f"Expired today: {', '.join(moved)}", 15000)

    def open_person(self, record_id: int) -> None:
        """Open a person in the form (asking about unsaved changes first)."""
        if self.person is not None and self.person.may_leave():
            self.person.open(record_id)
            self._show_person_related()

    def _show_person_related(self) -> None:
        self.person_related.set_person(self.person.record_id, self.person.stored_label)

    # --- banner ------------------------------------------------------------------------------

    def labels_on_screen(self) -> list[Label]:
        """Labels of everything the current page shows (nothing while locked)."""
        if self.locked:
            return []
        getter = self.page_labels.get(self.current_key())
        return (getter() if getter else []) + self.search.panel.labels()

    def update_banner(self) -> None:
        """Show the combined marking of what is on screen, top and bottom."""
        label = self.desk.combined(self.labels_on_screen())
        text = self.desk.marking(label)
        for banner in (self.top_banner, self.bottom_banner):
            banner.set_marking(text, label.level)

    # --- actions -----------------------------------------------------------------------------

    def _action(
        self, text: str, icon_name: str, shortcut: Any, slot: Callable[[], Any], tip: str = ""
    ) -> QAction:
        action = QAction(icon(icon_name), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setProperty("tip", tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        self.new_action = self._action(
            "&New", "new", QKeySequence.StandardKey.New, self.new_record, "New record"
        )
        self.save_action = self._action(
            "&Save", "save", QKeySequence.StandardKey.Save, self.save_record, "Save the record"
        )
        self.search_action = self._action(
            "&Search everything…", "find", "Ctrl+K", self.focus_search, "Search every record"
        )
        self.find_action = self._action(
            "&Find…", "find", QKeySequence.StandardKey.Find, self.find, "Search every record"
        )
        self.filter_action = self._action(
            "F&ilter the list…", "find", "Ctrl+Shift+F", self.filter_list, "Filter the list shown"
        )
        self.print_action = self._action(
            "&Print / Reports…",
            "print",
            QKeySequence.StandardKey.Print,
            self.reports,
            "Print a report",
        )
        self.export_action = self._action(
            "&Export list…", "save", "Ctrl+E", self.export_list, "Export the list to CSV or Excel"
        )
        self.screen_action = self._action(
            "Print this &screen…", "print", None, self.print_page, "Print this screen"
        )
        self.import_action = self._action(
            "&Import…", "add", "Ctrl+I", self.import_records, "Import records from a CSV file"
        )
        self.backup_action = self._action(
            "&Back up…", "save", None, self.backup, "Back up the database (administrators)"
        )
        self.backup_action.setEnabled(self.actor.is_admin and self.desk.db.is_sqlite)
        self.import_action.setEnabled(self.actor.may_write_records)
        self.preferences_action = self._action(
            "Pr&eferences…", "preferences", QKeySequence.StandardKey.Preferences, self.preferences
        )
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.password_action = self._action("Change &password…", "lock", None, self.change_password)
        self.lock_action = self._action("&Lock", "lock", "Ctrl+L", self.lock, "Lock the window")
        self.quit_action = self._action("&Quit", "quit", QKeySequence.StandardKey.Quit, self.close)
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        for action in (
            self.new_action,
            self.save_action,
            self.search_action,
            self.find_action,
            self.filter_action,
            self.print_action,
            self.export_action,
            self.screen_action,
            self.import_action,
            self.backup_action,
            self.preferences_action,
            self.password_action,
            self.lock_action,
            self.quit_action,
        ):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(action.property("tip") + (f" ({keys})" if keys else ""))
        file_menu = self.menuBar().addMenu("&File")
        for action in (
            self.new_action,
            self.save_action,
            None,
            self.print_action,
            self.export_action,
            self.screen_action,
            None,
            self.import_action,
            self.backup_action,
            None,
            self.password_action,
            self.lock_action,
            self.quit_action,
        ):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = self.menuBar().addMenu("&Edit")
        if self.person_form is not None:
            undo = self.person_form.undo_stack.createUndoAction(self, "&Undo")
            undo.setShortcut(QKeySequence.StandardKey.Undo)
            undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            redo = self.person_form.undo_stack.createRedoAction(self, "&Redo")
            redo.setShortcut(QKeySequence.StandardKey.Redo)
            redo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.person_form.addAction(undo)
            self.person_form.addAction(redo)
            edit_menu.addAction(undo)
            edit_menu.addAction(redo)
            edit_menu.addSeparator()
        edit_menu.addAction(self.search_action)
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.filter_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        go_menu = self.menuBar().addMenu("&Go")
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            action = QAction(item.icon(), item.text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _c=False, r=row: self.sidebar.setCurrentRow(r))
            go_menu.addAction(action)
        self.toolbar = self.addToolBar("Main")
        self.toolbar.setObjectName("mainToolbar")
        for action in (self.new_action, self.save_action, self.print_action, self.lock_action):
            self.toolbar.addAction(action)
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if button is not None:
                button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.search = GlobalSearch(self._run_search, self)
        self.search.below = self.top_banner
        self.search.openRequested.connect(self.open_record)
        self.search.resultsChanged.connect(self.update_banner)
        self.toolbar.addWidget(self.search)

    def new_record(self) -> None:
        """A new record of the page's kind: people in the person form, others in their form's window."""
        key = self.current_key()
        if key == "people" and self.person is not None and self.person.may_leave():
            self.person.new()
            self._show_person_related()
            self.person_form.editors["family_name"].widget.setFocus()
            return
        kind_view = kind_views.BY_PAGE.get(key)
        if kind_view is not None and kind_view.form is not None:
            self.open_form(kind_view.kind.name, None)

    def save_record(self) -> None:
        """Save the open form."""
        if self.current_key() == "people" and self.person is not None:
            self.person.save()

    def focus_search(self) -> None:
        """Put the cursor in the global search box (Ctrl+K)."""
        self.search.focus()

    def find(self) -> None:
        """Ctrl+F: the global search box, unless a list's quick filter has the cursor (it keeps it)."""
        focused = QApplication.focusWidget()
        if any(focused is view.quick_filter for view in self.lists.values()):
            focused.selectAll()
            return
        self.search.focus()

    def filter_list(self) -> None:
        """Focus the quick filter of the list shown (Ctrl+Shift+F)."""
        view = self.lists.get(self.current_key())
        if view is not None:
            view.quick_filter.setFocus()
            view.quick_filter.selectAll()

    def _run_search(self, query: str) -> Any:
        """One as-you-type search (worker thread; not audited: opening a result audits the query)."""
        from app.search import search

        return search(
            self.desk, query, limit=LIMIT, highlight=MARKS, as_you_type=True, audited=False
        )

    def open_record(self, kind: str, record_id: int) -> None:
        """Open a search hit: a person in the person form, other kinds in their form when the
        records package has one, else found in their list. The query is audited now."""
        query = self.search.box.text().strip()
        audit = Worker(lambda: self._audit_search(query), self)
        audit.finished.connect(audit.deleteLater)
        audit.start()
        if kind == "contact_log":
            try:
                kind, record_id = (
                    "liaison_assignment",
                    int(self.desk.contact_log.get(record_id)[0].assignment_id),
                )
            except ServiceError:
                return
        if kind == "person" and "people" in self.page_keys:
            self.sidebar.setCurrentRow(self.page_keys.index("people"))
            self.open_person(record_id)
            return
        if self.open_form(kind, record_id):
            return
        kind_view = kind_views.view_of(kind)
        key = kind_view.page if kind_view is not None else None
        if key in self.lists:
            view = self.lists[key]
            self.sidebar.setCurrentRow(self.page_keys.index(key))
            try:
                reference = getattr(view.model.service.get(record_id)[0], "reference", "")
            except ServiceError:
                return
            view.quick_filter.setText(reference)
            view.apply_filters()
            view.table.setFocus()
            return
        self.statusBar().showMessage("This kind of record opens from its parent record.", 6000)

    def open_deadline(self, kind: str, record_id: int) -> None:
        """Open the record a deadline is about (a participation opens its exchange)."""
        try:
            if kind == "contact_log":
                kind, record_id = (
                    "liaison_assignment",
                    int(self.desk.contact_log.get(record_id)[0].assignment_id),
                )
            elif kind == "participation":
                kind, record_id = (
                    "exchange",
                    int(self.desk.participations.get(record_id)[0].exchange_id),
                )
        except ServiceError as error:
            self.statusBar().showMessage(str(error), 8000)
            return
        if kind == "person" and "people" in self.page_keys:
            self.sidebar.setCurrentRow(self.page_keys.index("people"))
            self.open_person(record_id)
        elif not self.open_form(kind, record_id):
            self.statusBar().showMessage(f"No form for a {kind.replace('_', ' ')}", 5000)

    def open_form(self, kind: str, record_id: int) -> bool:
        """Open a record in its records-package form, in its own marked window; False when
        that form is not installed."""
        kind_view = kind_views.view_of(kind)
        form = kind_view.form if kind_view is not None else None
        if form is None or form is PersonForm:
            return False
        try:
            window = RecordWindow(form(self.desk, record_id), self.desk, self)
        except ServiceError as error:
            self.statusBar().showMessage(f"Cannot open the record: {error}", 8000)
            return True
        form_widget = window.form
        saved = getattr(form_widget, "saved", None)
        key = kind_view.page
        if saved is not None and key in self.lists:
            saved.connect(lambda _id, k=key: self.lists[k].model.refresh())
        related = getattr(form_widget, "openRequested", None)
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

    def _audit_search(self, query: str) -> None:
        from app.search import search

        if query:
            search(self.desk, query, limit=1, as_you_type=True, audited=True)

    def reports(self) -> None:
        """The report dialog: choose, preview, print or save a report (File → Print / Reports…)."""
        from app.ui.report_dialog import ReportDialog

        try:
            self.report_dialog = ReportDialog(self.desk, self)
        except ImportError as error:
            self.statusBar().showMessage(f"Reports are not available: {error}", 8000)
            return
        self.report_dialog.show()

    def export_list(self, key: str | None = None) -> None:
        """Export the list shown (its filter and sort) to CSV or Excel."""
        from app.ui.report_dialog import export_view

        key = key or self.current_key()
        view = self.lists.get(key)
        if view is None:
            self.statusBar().showMessage("Choose a list to export first.", 5000)
            return
        self.export_runner = export_view(self.desk, key, view.model, self)

    def import_records(self) -> None:
        """Import a CSV file of one kind (the service validates, labels and audits every row)."""
        from app.ui.import_backup import ImportDialog

        self.import_dialog = ImportDialog(self.desk, self)
        self.import_dialog.finished.connect(
            lambda _r: [view.model.refresh() for view in self.lists.values()]
        )
        self.import_dialog.show()

    def backup(self, path: str | None = None) -> None:
        """Back up the database to a new file (administrators; audited by the service)."""
        from app.ui.import_backup import choose_backup

        self.backup_runner = choose_backup(self.desk, self, path)

    def print_page(self) -> None:
        """Print the page with its banners."""
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        widget = self.centralWidget()
        scale = min(
            printer.pageRect(QPrinter.Unit.DevicePixel).width() / widget.width(),
            printer.pageRect(QPrinter.Unit.DevicePixel).height() / widget.height(),
        )
        painter.scale(scale, scale)
        widget.render(painter)
        painter.end()

    def change_password(self) -> None:
        """Choose a new password (checked and audited by the service)."""
        from app.ui.login import ChangePasswordDialog

        ChangePasswordDialog(self.desk, parent=self).exec()

    def preferences(self) -> None:
        """Edit preferences (idle-lock time)."""
        dialog = PreferencesDialog(idle_minutes(self.settings), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.settings.setValue(IDLE_KEY, dialog.minutes.value())
            self.idle.set_minutes(dialog.minutes.value())

    # --- idle lock ---------------------------------------------------------------------------

    def _clipboard_changed(self) -> None:
        if QApplication.activeWindow() is not None or QApplication.focusWidget() is not None:
            self._copied_text = QGuiApplication.clipboard().text()

    def remember_copy(self, text: str) -> None:
        """Put text on the clipboard as copied from this window."""
        QGuiApplication.clipboard().setText(text)
        self._copied_text = text

    def lock(self) -> None:
        """Hide the content, clear our clipboard text, ask the password again (audited)."""
        if self.locked:
            return
        self.locked = True
        self.content.setCurrentWidget(self.lock_page)
        # record windows, dialogs and popups show classified content too: hidden until unlocked
        # (a dialog hidden this way is closed; record windows come back with their edits)
        self._hidden_windows = [
            w for w in QApplication.topLevelWidgets() if w is not self and w.isVisible()
        ]
        for window in self._hidden_windows:
            window.hide()
        self.menuBar().setEnabled(False)
        self.toolbar.setEnabled(False)
        clipboard = QGuiApplication.clipboard()
        if self._copied_text is not None and clipboard.text() == self._copied_text:
            clipboard.clear()
        self._copied_text = None
        self.lock_page.message.clear()
        self.lock_page.password.clear()
        self.lock_page.password.setFocus()
        self.update_banner()
        self.idle.timer.stop()
        try:
            session_events.record_event(self.desk, "idle_lock")
        except Exception as error:  # noqa: BLE001 - the lock holds even if the audit write fails
            self.lock_page.message.setText(f"(the lock could not be recorded: {error})")

    def try_unlock(self) -> None:
        """Check the password; back to work on success."""
        try:
            authenticate(self.desk.db, self.desk.username, self.lock_page.password.text())
        except LoginFailed as failure:
            self.lock_page.password.clear()
            self.lock_page.message.setText(str(failure))
            return
        session_events.record_event(self.desk, "unlock")
        self.locked = False
        self.content.setCurrentWidget(self.main_splitter)
        for window in self._hidden_windows:
            if isinstance(window, RecordWindow):
                window.show()
        self._hidden_windows = []
        self.menuBar().setEnabled(True)
        self.toolbar.setEnabled(True)
        self.idle.timer.start()
        self.update_banner()

    # --- layout memory -----------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Geometry, toolbar state, splitters and column layouts from the settings."""
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        for name, splitter in self.splitters.items():
            value = self.settings.value(f"splitter/{name}")
            if value is not None:
                splitter.restoreState(value)
            elif name == "main":
                splitter.setSizes([190, 1200])
            elif name == "people":
                splitter.setSizes([640, 560])
            elif name == "users":
                splitter.setSizes([320, 380])
        for key, view in self.lists.items():
            value = self.settings.value(f"columns/{key}")
            if value is not None:
                view.table.horizontalHeader().restoreState(value)
                view.sized = True

    def save_layout(self) -> None:
        """Store geometry, splitters and column layouts."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        for name, splitter in self.splitters.items():
            self.settings.setValue(f"splitter/{name}", splitter.saveState())
        for key, view in self.lists.items():
            self.settings.setValue(f"columns/{key}", view.table.horizontalHeader().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Ask about unsaved changes, remember the layout, record the logout."""
        if self.person is not None and not self.locked and not self.person.may_leave():
            event.ignore()
            return
        self.save_layout()
        self.idle.stop()
        self.search.shutdown()
        if self.audit_view is not None:
            self.audit_view.shutdown()
        if not self._logged_out:
            self._logged_out = True
            try:
                session_events.record_event(self.desk, "logout")
            except Exception:  # noqa: BLE001, S110 - closing must not fail on an audit problem
                pass
        event.accept()

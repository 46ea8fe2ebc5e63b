"""The main window's actions: menus, toolbar, shortcuts, and the dialogs they open (another
database file or server, reports, list export, import, backup, print this screen, password,
preferences)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QSizePolicy, QWidget

from app.database.engine import display_url
from app.database.server_link import server_parts
from app.paths import unused_database_path
from app.ui.connect_dialog import ConnectDialog
from app.ui.first_run import FirstRunDialog
from app.ui.help import HelpDialog, about_markdown, formats_markdown, shortcuts_markdown
from app.ui.i18n import LANGUAGE_KEY
from app.ui.icons import icon
from app.ui.import_backup import ImportDialog, choose_backup
from app.ui.list_export import export_view
from app.ui.login import ChangePasswordDialog
from app.ui.operations import Changes
from app.ui.report_dialog import ReportDialog
from app.ui.settings import (
    IDLE_KEY,
    PreferencesDialog,
    idle_minutes,
    language_setting,
    recent_databases,
)
from app.ui.switching import open_elsewhere

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class MainActions(QObject):
    """Every action of the main window, its menus and its toolbar (the search box at its end)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.report_dialog: ReportDialog | None = None
        self.import_dialog: ImportDialog | None = None
        self.export_runner: QWidget | None = None
        self.backup_runner: QWidget | None = None
        self.connect_dialog: ConnectDialog | None = None
        self.new_database_dialog: FirstRunDialog | None = None
        self.login_dialog: QDialog | None = None  # the login to another database
        self.successor: QWidget | None = None  # the window opened on it
        self.open_problem: QWidget | None = None  # why it could not be opened
        actor, desk = window.actor, window.desk
        standard = QKeySequence.StandardKey
        self.open_action = self._action(
            self.tr("&Open a database file…"),
            "open",
            standard.Open,
            self.open_file,
            self.tr("Open another database file (you log in to it)"),
        )
        self.new_database_action = self._action(
            self.tr("New &database…"),
            "new",
            "Ctrl+Shift+N",
            self.new_database,
            self.tr("Create another database file (you log in to it)"),
        )
        self.connect_action = self._action(
            self.tr("&Connect to a server…"),
            "open",
            None,
            self.connect_server,
            self.tr("Open the office's database server (you log in to it)"),
        )
        self.new_action = self._action(
            self.tr("&New"), "new", standard.New, window.new_record, self.tr("New record")
        )
        self.save_action = self._action(
            self.tr("&Save"), "save", standard.Save, window.save_record, self.tr("Save the record")
        )
        self.search_action = self._action(
            self.tr("&Search everything…"),
            "find",
            "Ctrl+K",
            window.focus_search,
            self.tr("Search every record"),
        )
        self.find_action = self._action(
            self.tr("&Find…"), "find", standard.Find, window.find, self.tr("Search every record")
        )
        self.filter_action = self._action(
            self.tr("F&ilter the list…"),
            "find",
            "Ctrl+Shift+F",
            window.filter_list,
            self.tr("Filter the list shown"),
        )
        self.print_action = self._action(
            self.tr("&Print / Reports…"),
            "print",
            standard.Print,
            self.reports,
            self.tr("Print a report"),
        )
        self.export_action = self._action(
            self.tr("&Export list…"),
            "save",
            "Ctrl+E",
            self.export_list,
            self.tr("Export the list to CSV or Excel"),
        )
        self.screen_action = self._action(
            self.tr("Print this &screen…"),
            "print",
            None,
            self.print_page,
            self.tr("Print this screen"),
        )
        self.import_action = self._action(
            self.tr("&Import…"),
            "add",
            "Ctrl+I",
            self.import_records,
            self.tr("Import records from a CSV file"),
        )
        self.backup_action = self._action(
            self.tr("&Back up…"),
            "save",
            None,
            self.backup,
            self.tr("Back up the database (administrators)"),
        )
        self.backup_action.setEnabled(actor.is_admin and desk.db.is_sqlite)
        self.import_action.setEnabled(actor.may_write_records)
        self.new_action.setEnabled(actor.may_write_records)  # a reader is offered no empty form
        self.preferences_action = self._action(
            self.tr("Pr&eferences…"), "preferences", standard.Preferences, self.preferences
        )
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.password_action = self._action(
            self.tr("Change &password…"), "lock", None, self.change_password
        )
        self.lock_action = self._action(
            self.tr("&Lock"), "lock", "Ctrl+L", window.lock, self.tr("Lock the window")
        )
        self.quit_action = self._action(self.tr("&Quit"), "quit", standard.Quit, window.close)
        if self.quit_action.shortcut().isEmpty():
            self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.undo_action = self._action(
            self.tr("&Undo"), "revert", None, lambda: self._history("undo")
        )
        self.redo_action = self._action(self.tr("&Redo"), "", None, lambda: self._history("redo"))
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"), "", standard.HelpContents, self.show_shortcuts
        )
        self.formats_action = self._action(
            self.tr("&Import and export formats"),
            "",
            None,
            self.show_formats,
            self.tr("The columns of each file"),
        )
        self.about_action = self._action(
            self.tr("&About Exchange Desk"), "app", None, self.show_about
        )
        self.help_dialog: HelpDialog | None = None
        for action in self.findChildren(QAction):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(action.property("tip") + (f" ({keys})" if keys else ""))
        self._menus()
        self._toolbar()

    def _action(
        self, text: str, icon_name: str, shortcut: Any, slot: Callable[[], Any], tip: str = ""
    ) -> QAction:
        action = QAction(icon(icon_name), text, self)
        action.setProperty("icon_name", icon_name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setProperty("tip", tip or text.replace("&", "").rstrip("…"))
        action.triggered.connect(slot)
        return action

    def _menus(self) -> None:
        menu_bar = self.window.menuBar()
        file_menu = menu_bar.addMenu(self.tr("&File"))
        for action in (
            self.new_action,
            self.save_action,
            None,
            self.new_database_action,
            self.open_action,
            "recent",
            self.connect_action,
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
            if action == "recent":
                self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
                self.recent_menu.aboutToShow.connect(self.fill_recent)
            elif action is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(action)
        edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        for action in (
            self.undo_action,
            self.redo_action,
            None,
            self.search_action,
            self.find_action,
            self.filter_action,
            None,
            self.preferences_action,
        ):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        go_menu = menu_bar.addMenu(self.tr("&Go"))
        sidebar = self.window.navigation.sidebar
        for row in range(sidebar.count()):
            item = sidebar.item(row)
            action = QAction(item.icon(), item.text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _c=False, r=row: sidebar.setCurrentRow(r))
            go_menu.addAction(action)
        help_menu = menu_bar.addMenu(self.tr("&Help"))
        for action in (self.shortcuts_action, self.formats_action, None, self.about_action):
            help_menu.addSeparator() if action is None else help_menu.addAction(action)
        help_menu.addAction(self.tr("About &Qt"), QApplication.aboutQt)

    def _toolbar(self) -> None:
        self.toolbar = self.window.addToolBar(self.tr("Main"))
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
        self.toolbar.addWidget(self.window.search)

    def _history(self, step: str) -> None:
        """Undo or redo in the form of the page shown (record windows have their own)."""
        page = self.window.navigation.current()
        stack = page.undo_stack() if page is not None else None
        if stack is not None:
            getattr(stack, step)()

    # --- what the actions open ---------------------------------------------------------------

    def reports(self) -> None:
        """The report dialog: choose, preview, print or save a report (File → Print / Reports…)."""
        window = self.window
        self.report_dialog = ReportDialog(window.desk, window, actor=window.actor)
        selected = self.selected_record()
        if selected is not None:
            self.report_dialog.choose_record(*selected)
        self.report_dialog.show()

    def selected_record(self) -> tuple[str, str] | None:
        """(kind, reference) of the record selected in the list shown, if any."""
        page = self.window.navigation.current()
        view = page.list_view if page is not None else None
        if view is None:
            return None
        index = view.table.currentIndex()
        model = view.model
        column = next((i for i, c in enumerate(model.columns) if c.field == "reference"), None)
        if not index.isValid() or column is None:
            return None
        reference = model.index(index.row(), column).data()
        return (model.search_kind, reference) if reference else None

    def export_list(self, key: str | None = None) -> None:
        """Export the list shown (its filter and sort) to CSV or Excel."""
        window = self.window
        key = key or window.navigation.current_key()
        view = window.navigation.lists.get(key)
        if view is None:
            window.statusBar().showMessage(self.tr("Choose a list to export first."), 5000)
            return
        self.export_runner = export_view(window.desk, key, view.model, window)

    def import_records(self) -> None:
        """Import a CSV file of one kind (the service validates, labels and audits every row)."""
        window = self.window
        self.import_dialog = ImportDialog(window.desk, window)
        self.import_dialog.finished.connect(
            lambda _r: window.operations.changed.emit(Changes(everything=True))
        )
        self.import_dialog.show()

    def backup(self, path: str | None = None) -> None:
        """Back up the database to a new file (administrators; audited by the service)."""
        self.backup_runner = choose_backup(self.window.desk, self.window, path)

    def print_page(self) -> None:
        """Print the page with its banners."""
        printer = QPrinter()
        if QPrintDialog(printer, self.window).exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        widget = self.window.centralWidget()
        scale = min(
            printer.pageRect(QPrinter.Unit.DevicePixel).width() / widget.width(),
            printer.pageRect(QPrinter.Unit.DevicePixel).height() / widget.height(),
        )
        painter.scale(scale, scale)
        widget.render(painter)
        painter.end()

    def open_file(self, path: str | None = None) -> None:
        """Open another database file and log in to it (this window closes once logged in)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Open an Exchange Desk database"),
                "",
                self.tr("Exchange Desk databases (*.sqlite *.db);;All files (*)"),
            )
        if path:
            open_elsewhere(self.window, path)

    def fill_recent(self) -> None:
        """The Open recent menu: the databases opened before, this one left out."""
        window, menu = self.window, self.recent_menu
        menu.clear()
        here = display_url(window.desk.db.url.render_as_string(hide_password=True))
        for number, target in enumerate(
            (t for t in recent_databases(window.settings) if display_url(t) != here), 1
        ):
            action = menu.addAction(f"&{number} {target}" if number < 10 else target)
            action.setData(target)
            action.triggered.connect(lambda _c=False, t=target: open_elsewhere(window, t))
        if menu.isEmpty():
            menu.addAction(self.tr("No other database yet")).setEnabled(False)

    def new_database(self) -> FirstRunDialog:
        """ "New database…": the first-run dialog's Create tab (a new encrypted file, its
        owning nation, scheme and first administrator), then the login to it."""
        window = self.window
        recent = recent_databases(window.settings)
        dialog = FirstRunDialog(unused_database_path(), recent, parent=window)
        dialog.setWindowTitle(self.tr("Exchange Desk — another database"))
        self.new_database_dialog = dialog

        def created() -> None:
            if dialog.database is not None:  # the login opens it again, as the user
                dialog.database.dispose()
            open_elsewhere(window, dialog.target)

        dialog.accepted.connect(created)
        dialog.open()
        return dialog

    def connect_server(self) -> ConnectDialog:
        """ "Connect to a server…": host, port, database, user, TLS mode; then the login."""
        window = self.window
        current = server_parts(window.desk.db.url.render_as_string(hide_password=True))
        recent = next(
            (p for p in map(server_parts, recent_databases(window.settings)) if p is not None),
            None,
        )
        dialog = ConnectDialog(current or recent, window)
        self.connect_dialog = dialog
        dialog.accepted.connect(lambda: open_elsewhere(window, dialog.target))
        dialog.open()
        return dialog

    def _help(self, title: str, markdown: str) -> HelpDialog:
        dialog = HelpDialog(title, markdown, self.window)
        self.help_dialog = dialog
        dialog.open()
        return dialog

    def show_shortcuts(self) -> HelpDialog:
        """Help → Keyboard shortcuts: every key of the window's actions, then the widgets'."""
        return self._help(
            self.tr("Keyboard shortcuts"), shortcuts_markdown(self.findChildren(QAction))
        )

    def show_formats(self) -> HelpDialog:
        """Help → Import and export formats (installed with the program)."""
        return self._help(self.tr("Import and export formats"), formats_markdown())

    def show_about(self) -> HelpDialog:
        """Help → About: version, libraries, the database open and how it is protected."""
        return self._help(self.tr("About"), about_markdown(self.window))

    def change_password(self) -> None:
        """Choose a new password (checked and audited by the service)."""
        ChangePasswordDialog(self.window.desk, parent=self.window).exec()

    def preferences(self) -> None:
        """Edit preferences (idle-lock time)."""
        window = self.window
        dialog = PreferencesDialog(
            idle_minutes(window.settings), window, language_setting(window.settings)
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            window.settings.setValue(IDLE_KEY, dialog.minutes.value())
            window.idle_lock.idle.set_minutes(dialog.minutes.value())
            if dialog.chosen_language() != language_setting(window.settings):
                window.settings.setValue(LANGUAGE_KEY, dialog.chosen_language())
                window.statusBar().showMessage(
                    self.tr("The new language applies when Exchange Desk next starts."), 8000
                )

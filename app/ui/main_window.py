"""The main window of one logged-in user: banners, sidebar and pages, toolbar, status bar.

Its jobs live beside it: `navigation` (the sidebar, pages built when first shown, records opened
in their page or window), `actions` (`MainActions`: menus, toolbar and the dialogs they open),
`idle_lock`
(the lock after a period without use), `settings` (preferences). Every service call runs through
the window's one `Operations` runner, off the GUI thread; pages refresh from its change notice.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.database.server_link import Link, link_of
from app.domain.labels import Label
from app.search import SearchResults, search
from app.security.principal import Actor
from app.services import session as session_events
from app.services.desk import Desk
from app.services.errors import ServiceError
from app.ui.actions import MainActions
from app.ui.banner import ClassificationBanner, show_combined
from app.ui.failures import write_log
from app.ui.i18n import vocabulary_label
from app.ui.icons import icon
from app.ui.idle_lock import IdleLock
from app.ui.navigation import Navigation
from app.ui.operations import Changes, Operations
from app.ui.pages import Page
from app.ui.records.callbacks import while_alive
from app.ui.search_box import LIMIT, MARKS, GlobalSearch
from app.ui.settings import idle_minutes

# default splitter sizes, by splitter name, when the settings hold none
SPLITTER_SIZES = {"main": [190, 1200], "people": [640, 560], "users": [320, 380]}


class MainWindow(QMainWindow):
    """The workspace of one logged-in user."""

    def __init__(
        self,
        desk: Desk,
        settings: QSettings,
        location: str = "",
        parent: QWidget | None = None,
        actor: Actor | None = None,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.settings = settings
        self.actor = actor or desk.actor()  # the login passes the actor it authenticated
        self.operations = operations or Operations(self)
        self._logged_out = False
        self.location = location  # the database, as the window title names it
        self.setWindowTitle(
            f"Exchange Desk — {desk.owner} — {desk.username}"
            + (f" — {location}" if location else "")
        )
        self.setWindowIcon(icon("app"))
        self.top_banner = ClassificationBanner()
        self.bottom_banner = ClassificationBanner()
        self.navigation = Navigation(
            desk, self.actor, self.operations, lambda key: self.commands.export_list(key), self
        )
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.navigation.sidebar)
        self.main_splitter.addWidget(self.navigation.stack)
        self.main_splitter.setStretchFactor(1, 1)
        self.idle_lock = IdleLock(
            desk, self, self._show_locked, self.operations, idle_minutes(settings)
        )
        self.content = QStackedWidget()
        self.content.addWidget(self.main_splitter)
        self.content.addWidget(self.idle_lock.page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_banner)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.bottom_banner)
        self.setCentralWidget(central)

        self.search = GlobalSearch(self._run_search, self)
        self.search.below = self.top_banner
        self.search.openRequested.connect(self.open_record)
        self.search.resultsChanged.connect(self.update_banner)
        self.commands = MainActions(self)
        scheme = desk.db.scheme
        self.statusBar().showMessage(
            self.tr("Logged in as {user} ({role}, cleared {level}, {nation})").format(
                user=desk.username,
                role=vocabulary_label(self.actor.role.label),
                level=scheme.name(min(self.actor.clearance, scheme.top)),  # a marking: English
                nation=self.actor.nation,
            )
        )
        self.link_status = QLabel()
        self.link_status.setObjectName("linkStatus")
        self.link_status.setAccessibleName(self.tr("Link to the server"))
        self.statusBar().addPermanentWidget(self.link_status)
        self.link: Link | None = None
        if not desk.db.is_sqlite:
            self.check_link()
        self.navigation.labelsChanged.connect(self.update_banner)
        self.navigation.pageBuilt.connect(self._restore_page_layout)
        self.navigation.message.connect(self.statusBar().showMessage)
        self.restore_layout()
        self.expire_agreements()
        keys = self.navigation.page_keys
        self.navigation.sidebar.setCurrentRow(keys.index("people") if "people" in keys else 0)

    # --- the link to a server ----------------------------------------------------------------

    def check_link(self) -> None:
        """Show in the status bar whether the link to the server is encrypted and its
        certificate verified (asked of the server off the GUI thread)."""
        self.link_status.setText(self.tr("Server link: checking…"))
        db = self.desk.db

        def shown(link: Link | None) -> None:
            self.link = link
            if link is None:
                self.link_status.setText("")
                return
            self.link_status.setText(self.tr("Server link: {state}").format(state=link.words()))
            self.link_status.setToolTip(
                self.tr("TLS mode {mode}.").format(mode=link.sslmode)
                + " "
                + (
                    (
                        self.tr(
                            "The server's certificate was checked against the CA file"
                            " and names the server."
                        )
                        if link.host_checked
                        else self.tr(
                            "The server's certificate was checked against the CA file"
                            " (not its name)."
                        )
                    )
                    if link.verified
                    else self.tr(
                        "The server's certificate was not checked: another machine could pose"
                        " as the server. Ask IT for the CA file and connect with verify-full."
                    )
                )
            )

        def unknown(_error: BaseException) -> None:
            self.link_status.setText(self.tr("Server link: not known"))

        self.operations.run(
            lambda: link_of(db),
            success=while_alive(self, shown),
            failure=while_alive(self, unknown),
        )

    # --- pages and records -------------------------------------------------------------------

    def expire_agreements(self) -> None:
        """At the start of a session, in-force agreements past their expiry become expired (domain
        rule; the service moves only what the user may change, and audits each move)."""

        def moved(references: list[str]) -> None:
            if references:
                self.statusBar().showMessage(
                    self.tr("Expired today: {references}").format(references=", ".join(references)),
                    15000,
                )

        def refused(error: BaseException) -> None:
            if not isinstance(error, ServiceError):
                raise error  # a defect: the exception hook shows and logs it
            self.statusBar().showMessage(
                self.tr("Agreements not checked for expiry: {error}").format(error=error), 8000
            )

        self.operations.run(
            self.desk.agreements.expire_due,
            success=moved,
            failure=refused,
            changes=lambda moved: Changes(kinds=frozenset({"agreement"} if moved else ())),
        )

    def page(self, key: str) -> Page:
        """A sidebar page (built now if it was not yet)."""
        return self.navigation.page(key)

    def new_record(self) -> None:
        """A new record of the shown page's kind (in the page or in its form's window)."""
        page = self.navigation.current()
        if page is not None:
            page.new_record()

    def save_record(self) -> None:
        """Save the record edited on the page shown (record windows save with their Ctrl+S)."""
        page = self.navigation.current()
        if page is not None:
            page.save_record()

    def open_form(self, kind: str, record_id: int | None) -> bool:
        """Open a record of any kind where it opens (see `Navigation.open_form`)."""
        return self.navigation.open_form(kind, record_id)

    def open_record(self, kind: str, record_id: int) -> None:
        """Open a search hit; the query is audited now (off the GUI thread)."""
        query = self.search.box.text().strip()
        if query:
            self.operations.run(
                lambda: search(self.desk, query, limit=1, as_you_type=True, audited=True)
            )
        self.navigation.open_hit(kind, record_id)

    def _run_search(self, query: str) -> SearchResults:
        """One as-you-type search (worker thread; not audited: opening a result audits the
        query)."""
        return search(
            self.desk, query, limit=LIMIT, highlight=MARKS, as_you_type=True, audited=False
        )

    def focus_search(self) -> None:
        """Put the cursor in the global search box (Ctrl+K)."""
        self.search.focus()

    def find(self) -> None:
        """Ctrl+F: the global search box, unless a list's quick filter has the cursor (it keeps
        it)."""
        focused = QApplication.focusWidget()
        if any(focused is view.quick_filter for view in self.navigation.lists.values()):
            focused.selectAll()
            return
        self.search.focus()

    def filter_list(self) -> None:
        """Focus the quick filter of the list shown (Ctrl+Shift+F)."""
        page = self.navigation.current()
        if page is not None and page.list_view is not None:
            page.list_view.quick_filter.setFocus()
            page.list_view.quick_filter.selectAll()

    # --- lock --------------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        """True while the idle lock hides the window's content."""
        return self.idle_lock.locked

    def lock(self) -> None:
        """Lock now (Ctrl+L)."""
        self.idle_lock.lock()

    def _show_locked(self, locked: bool) -> None:
        self.content.setCurrentWidget(self.idle_lock.page if locked else self.main_splitter)
        self.menuBar().setEnabled(not locked)
        self.commands.toolbar.setEnabled(not locked)
        self.update_banner()

    # --- banner ------------------------------------------------------------------------------

    def labels_on_screen(self) -> list[Label]:
        """Labels of everything the current page shows (nothing while locked)."""
        if self.locked:
            return []
        page = self.navigation.current()
        return (page.labels() if page is not None else []) + self.search.panel.labels()

    def update_banner(self) -> None:
        """Show the combined marking of what is on screen, top and bottom."""
        show_combined((self.top_banner, self.bottom_banner), self.desk, self.labels_on_screen())

    # --- layout memory -----------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Geometry, toolbar state and the main splitter from the settings (each page's own
        splitters and columns when it is built)."""
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        self._restore_splitter("main", self.main_splitter)

    def _restore_splitter(self, name: str, splitter: QSplitter) -> None:
        value = self.settings.value(f"splitter/{name}")
        if value is not None:
            splitter.restoreState(value)
        elif name in SPLITTER_SIZES:
            splitter.setSizes(SPLITTER_SIZES[name])

    def _restore_page_layout(self, page: Page) -> None:
        for name, splitter in page.splitters.items():
            self._restore_splitter(name, splitter)
        if page.list_view is not None:
            value = self.settings.value(f"columns/{page.key}")
            if value is not None:
                page.list_view.table.horizontalHeader().restoreState(value)
                page.list_view.sized = True

    def save_layout(self) -> None:
        """Store geometry, splitters and column layouts (of the pages built)."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("splitter/main", self.main_splitter.saveState())
        for page in self.navigation.built.values():
            for name, splitter in page.splitters.items():
                self.settings.setValue(f"splitter/{name}", splitter.saveState())
            if page.list_view is not None:
                header = page.list_view.table.horizontalHeader()
                self.settings.setValue(f"columns/{page.key}", header.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Ask about unsaved changes, remember the layout, record the logout."""
        if not self.locked and not all(p.may_leave() for p in self.navigation.built.values()):
            event.ignore()
            return
        self.save_layout()
        self.idle_lock.stop()
        self.search.shutdown()
        for page in self.navigation.built.values():
            page.shutdown()
        if not self._logged_out:
            self._logged_out = True
            try:  # on this thread: the logout must be written before the application ends
                session_events.record_event(self.desk, "logout")
            except Exception as error:  # noqa: BLE001 - closing goes on; the failure is logged
                write_log(error, "logout not recorded")
        event.accept()

"""The idle lock: after a period without input the window hides what it shows and asks for the
password again. Record windows, dialogs and popups are hidden too; record windows come back on
unlock. The lock and the unlock are audited (off the GUI thread, through the runner)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.security.auth import LoginFailed, authenticate
from app.services import session as session_events
from app.services.desk import Desk
from app.ui.failures import show_failure
from app.ui.i18n import error_text
from app.ui.icons import icon
from app.ui.operations import Operations
from app.ui.record_window import RecordWindow

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
            self.tr(
                "<h2>Locked</h2>Exchange Desk was locked after a period without use.<br>"
                "Enter the password of <b>{username}</b> to continue."
            ).format(username=username)
        )
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setMaximumWidth(320)
        self.unlock_button = QPushButton(icon("lock"), self.tr("Unlock"))
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


class IdleLock(QObject):
    """Locks a window: hides its content (``show_locked(True)``), the other top-level windows
    and the text it put on the clipboard; unlocks on the user's password."""

    changed = Signal(bool)  # locked

    def __init__(
        self,
        desk: Desk,
        window: QWidget,
        show_locked: Callable[[bool], None],
        operations: Operations,
        minutes: int,
    ) -> None:
        super().__init__(window)
        self.desk = desk
        self.window = window
        self.show_locked = show_locked
        self.operations = operations
        self.locked = False
        self.page = LockPage(desk.username)
        self.idle = IdleWatcher(minutes, self)
        self._hidden_windows: list[QWidget] = []
        self._copied_text: str | None = None
        self.idle.idle.connect(self.lock)
        self.page.unlock_button.clicked.connect(self.try_unlock)
        QGuiApplication.clipboard().dataChanged.connect(self._clipboard_changed)

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
        self.show_locked(True)
        # record windows, dialogs and popups show classified content too: hidden until unlocked
        # (a dialog hidden this way is closed; record windows come back with their edits)
        self._hidden_windows = [
            w for w in QApplication.topLevelWidgets() if w is not self.window and w.isVisible()
        ]
        for window in self._hidden_windows:
            window.hide()
        clipboard = QGuiApplication.clipboard()
        if self._copied_text is not None and clipboard.text() == self._copied_text:
            clipboard.clear()
        self._copied_text = None
        self.page.message.clear()
        self.page.password.clear()
        self.page.password.setFocus()
        self.idle.timer.stop()
        self.changed.emit(True)

        def not_recorded(error: BaseException) -> None:  # the lock holds even so
            self.page.message.setText(
                self.tr("(the lock could not be recorded: {error})").format(error=error)
            )

        self.operations.run(
            lambda: session_events.record_event(self.desk, "idle_lock"), failure=not_recorded
        )

    def try_unlock(self) -> None:
        """Check the password (off the GUI thread: Argon2 takes a moment); back to work on
        success."""
        password = self.page.password.text()

        def check() -> None:
            authenticate(self.desk.db, self.desk.username, password)
            session_events.record_event(self.desk, "unlock")

        def refused(error: BaseException) -> None:
            if not isinstance(error, LoginFailed):
                show_failure(self.window, error)
                return
            self.page.password.clear()
            self.page.message.setText(error_text(error))

        self.operations.run(
            check, success=lambda _none: self._unlocked(), failure=refused, busy_widget=self.page
        )

    def _unlocked(self) -> None:
        self.locked = False
        self.show_locked(False)
        for window in self._hidden_windows:
            if isinstance(window, RecordWindow):
                window.show()
        self._hidden_windows = []
        self.idle.timer.start()
        self.changed.emit(False)

    def stop(self) -> None:
        """Stop watching for idleness (the window closes)."""
        self.idle.stop()

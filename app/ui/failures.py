"""Failures told plainly: a short message for the user, the traceback in a log file.

A service refusal (`ServiceError`) is a message a coordinator can act on and is shown as it is.
Anything else is a defect: the user sees "Something went wrong" and where the details were
written; the traceback goes to ``errors.log`` in the user's data folder (mode 0600: it may quote
record fields). `install_exception_hook` routes every uncaught exception of the desktop there.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.database.engine import DatabaseError
from app.paths import data_dir
from app.services.errors import ServiceError
from app.ui.i18n import error_text

LOG_NAME = "errors.log"


def log_path() -> Path:
    """The desktop's error log, in the user's data folder."""
    return data_dir() / LOG_NAME


def write_log(error: BaseException, context: str = "") -> Path:
    """Append the error's traceback to the log file (created with mode 0600); return its path."""
    path = log_path()
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.chmod(path, 0o600)  # an older file made with a looser umask is tightened too
    with os.fdopen(descriptor, "a", encoding="utf-8") as log:
        log.write(f"--- {stamp} {context}\n{text}\n")
    return path


def failure_text(error: BaseException) -> str:
    """What the user reads about a failure: a service's (or the database's) own message, else
    where the log is."""
    if isinstance(error, (ServiceError, DatabaseError)):
        text = error_text(error) or type(error).__name__
        return text[:1].upper() + text[1:]
    try:
        where = str(write_log(error, "operation"))
    except OSError as log_error:
        where = f"(the log could not be written: {log_error})"
    return f"Something went wrong: {type(error).__name__}: {error}\nDetails were written to {where}"


def show_failure(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """A plain, window-modal message box about a failed operation (it does not block the caller)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Exchange Desk",
        failure_text(error),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("failureMessage")
    box.open()
    return box


def _crash_dialog(text: str) -> None:
    """The dialog the exception hook shows (replaced in tests)."""
    QMessageBox.critical(None, "Exchange Desk", text)


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_exception_hook(show: Callable[[str], None] | None = None) -> ExceptHook:
    """Route uncaught exceptions to the log file and a plain dialog; returns the previous hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, trace)
            return
        if error.__traceback__ is None and trace is not None:
            error = error.with_traceback(trace)
        try:
            where = str(write_log(error, "uncaught"))
        except OSError as log_error:
            where = f"nowhere (the log could not be written: {log_error})"
            traceback.print_exception(kind, error, trace)
        text = (
            "Something went wrong and Exchange Desk could not finish what it was doing.\n"
            f"Details were written to {where}"
        )
        if QApplication.instance() is not None:
            (show or _crash_dialog)(text)
        else:
            print(text, file=sys.stderr)

    sys.excepthook = hook
    return previous

"""How forms and panels speak: the message area and plain words for a service's refusal."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from app.domain.texts import message_of
from app.services.errors import Conflict, NotFound, PermissionDenied, ServiceError, ValidationFailed
from app.ui.failures import show_failure
from app.ui.i18n import service_text

LABEL_ERROR_FIELDS = ("classification", "releasable_to", "groups")


class MessageArea(QLabel):
    """The visible message area of a form or panel (saved, warnings, refusals)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formMessage")
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMargin(6)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Messages"))
        self.hide()

    def show_message(self, text: str) -> None:
        """Show a message ('' hides the area)."""
        self.setText(text)
        self.setVisible(bool(text))

    def show_warnings(self, head: str, warnings: Sequence[str]) -> None:
        """A heading and its warnings as bullets."""
        self.show_message(
            head
            + (
                "\n" + self.tr("Please note:") + "\n• " + "\n• ".join(map(service_text, warnings))
                if warnings
                else ""
            )
        )


def refusal(error: ServiceError) -> str:
    """Plain words for a refusal of the services."""
    if isinstance(error, ValidationFailed):
        return QCoreApplication.translate("Messages", "Please correct: {errors}").format(
            errors="; ".join(service_text(message) for message in error.errors.values())
        )
    if isinstance(error, PermissionDenied):
        return QCoreApplication.translate("Messages", "Not allowed: {error}").format(
            error=service_text(message_of(error))
        )
    if isinstance(error, NotFound):
        return QCoreApplication.translate("Messages", "Not found: {error}").format(
            error=service_text(message_of(error))
        )
    if isinstance(error, Conflict):
        return QCoreApplication.translate("Messages", "Changed meanwhile: {error}").format(
            error=service_text(message_of(error))
        )
    return service_text(message_of(error))


def show_refusal(area: MessageArea, head: str, error: BaseException) -> None:
    """A panel's operation failed: a service's refusal in ``area`` after ``head``; anything else
    (a defect) as the plain failure message, logged."""
    if isinstance(error, ServiceError):
        area.show_message(f"{head} {refusal(error)}".strip())
    else:
        went_wrong = QCoreApplication.translate(
            "Messages", "Something went wrong; see the message."
        )
        area.show_message(f"{head} {went_wrong}".strip())
        show_failure(area.window(), error)

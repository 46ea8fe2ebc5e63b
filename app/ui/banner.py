"""Classification banner bars: the combined marking of what is on screen, in its colour."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.domain.labels import Label
from app.domain.marking_check import MarkingMismatch
from app.services.desk import Desk

# background, text colour per level (0 UNCLASSIFIED ... 4 TOP SECRET; both schemes align)
BANNER_COLOURS: dict[int, tuple[str, str]] = {
    0: ("#007a33", "#ffffff"),  # green: unclassified
    1: ("#4a7fb5", "#ffffff"),  # light steel blue: restricted
    2: ("#0033a0", "#ffffff"),  # blue: confidential
    3: ("#c8102e", "#ffffff"),  # red: secret
    4: ("#ff8c00", "#000000"),  # orange: top secret
}


class ClassificationBanner(QLabel):
    """A bar showing one marking line, coloured by its level."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setObjectName("classificationBanner")
        self.setAccessibleName(self.tr("Classification banner"))
        self.level = -1
        self.set_marking("", 0)

    def set_marking(self, text: str, level: int) -> None:
        """Show a marking line in the colour of its level."""
        self.level = level
        background, foreground = BANNER_COLOURS.get(min(level, 4), BANNER_COLOURS[4])
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setStyleSheet(
            f"QLabel#classificationBanner {{ background: {background}; color: {foreground};"
            " font-weight: bold; padding: 3px; letter-spacing: 1px; }"
        )


SELF_CHECK_FAILED = "MARKING SELF-CHECK FAILED: DO NOT USE THIS SCREEN (see the log)"


def show_combined(banners: Iterable[ClassificationBanner], desk: Desk, labels: list[Label]) -> None:
    """Mark ``banners`` with the combined marking of ``labels`` (`Desk.combined`, self-checked).
    A banner the self-check cannot vouch for is never shown: the bars say so instead, in the
    highest level's colour, and the mismatch is logged (`marking_check`)."""
    try:
        label = desk.combined(labels)
    except MarkingMismatch:
        for banner in banners:
            banner.set_marking(SELF_CHECK_FAILED, 4)
        return
    text = desk.marking(label)
    for banner in banners:
        banner.set_marking(text, label.level)

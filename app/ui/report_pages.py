"""Pages of a rendered report PDF as images (poppler's ``pdftoppm``), painted onto a printer,
and the paper the system locale expects."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

PREVIEW_DPI = 110


def pdf_pages(pdf: Path, dpi: int = PREVIEW_DPI) -> list[QImage]:
    """The pages of a PDF as images (poppler's ``pdftoppm``); empty when it is not installed."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        return []
    with tempfile.TemporaryDirectory(prefix="xdesk-preview-") as folder:
        subprocess.run(
            [tool, "-r", str(dpi), "-png", str(pdf), str(Path(folder) / "page")],  # noqa: S603 - fixed tool, our file
            check=True,
            capture_output=True,
            timeout=300,
        )
        return [
            QImage(str(path))
            for path in sorted(
                Path(folder).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1])
            )
        ]


def paint_pages(printer: Any, pages: list[QImage]) -> None:
    """Paint page images onto a printer (or a preview's printer), each scaled to the full page."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for number, image in enumerate(pages):
            if number:
                printer.newPage()
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(
                target.topLeft(),
                image.scaled(
                    scaled,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                ),
            )
    finally:
        painter.end()


def QLocaleUsesLetter() -> bool:  # noqa: N802 - reads like the Qt call it wraps
    """True where US Letter is the usual paper (the system locale's measurement system)."""
    from PySide6.QtCore import QLocale

    return QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem


# --- list exports -----------------------------------------------------------------------------

"""Page geometry, fonts and the flowing layout that cuts a report into pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextLayout,
    QTextOption,
)

from app.domain.labels import Label

DPI = 300
FONT_FAMILY = "DejaVu Sans"
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
LEVEL_COLOURS = ("#1e7b34", "#1f4fa8", "#1f4fa8", "#c8102e", "#f08c00")  # U, R, C, S, TS
SERIES_COLOURS = (
    "#1f4fa8",
    "#c8102e",
    "#1e7b34",
    "#f08c00",
    "#6f42c1",
    "#17a2b8",
    "#6c757d",
    "#8b4513",
    "#e83e8c",
)


def mm(value: float) -> float:
    """Millimetres in device pixels."""
    return value / 25.4 * DPI


@dataclass
class PageContent:
    """What one page holds: paint operations and the labels of the content on it."""

    ops: list[Callable[[QPainter], None]] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)


@dataclass
class Frame:
    """What surrounds the content on every page."""

    marking: Callable[[list[Label]], tuple[str, int]]  # labels -> (banner text, level)
    producer: str
    produced_at: dt.datetime
    owner: str
    title: str


class Fonts:
    def __init__(self, device: QPdfWriter) -> None:
        self.device = device
        self.body = self._font(8.5)
        self.small = self._font(7.5)
        self.bold = self._font(8.5, bold=True)
        self.header = self._font(8, bold=True)
        self.h1 = self._font(15, bold=True)
        self.h2 = self._font(11.5, bold=True)
        self.banner = self._font(10.5, bold=True)
        self.metrics: dict[int, QFontMetricsF] = {}

    def _font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(size)
        font.setBold(bold)
        return font

    def fm(self, font: QFont) -> QFontMetricsF:
        key = id(font)
        if key not in self.metrics:
            self.metrics[key] = QFontMetricsF(font, self.device)
        return self.metrics[key]


class Layout:
    """Places measured pieces top to bottom, starting a new page when one does not fit."""

    def __init__(self, device: QPdfWriter, content: QRectF) -> None:
        self.fonts = Fonts(device)
        self.device = device
        self.area = content
        self.pages: list[PageContent] = [PageContent()]
        self.y = content.top()
        self._option = QTextOption()
        self._option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

    def close(self) -> None:
        """Drop every Qt object the layout made (fonts, their metrics, the paint operations
        that hold them), now, in the thread that rendered: they sit in reference cycles, and a
        font freed later by the garbage collector on another thread, once the rendering thread
        and its font cache are gone, crashes the program."""
        for page in self.pages:
            page.ops.clear()
        self.fonts.metrics.clear()
        del self.fonts, self.device, self._option, self.area

    # --- measuring --------------------------------------------------------------------------

    def wrap(self, text: str, font: QFont, width: float) -> list[str]:
        """The lines ``text`` takes at ``width`` (word wrap, long words broken; nothing cut)."""
        text = text or ""
        fm = self.fonts.fm(font)
        if "\n" not in text and fm.horizontalAdvance(text) <= width:
            return [text]
        return self._wrap_lines(text, font, width)

    def _wrap_lines(self, text: str, font: QFont, width: float) -> list[str]:
        lines: list[str] = []
        for paragraph in text.split("\n"):
            if not paragraph:
                lines.append("")
                continue
            layout = QTextLayout(paragraph, font, self.device)
            layout.setTextOption(self._option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                lines.append(
                    paragraph[line.textStart() : line.textStart() + line.textLength()].rstrip()
                )
            layout.endLayout()
        return lines or [""]

    def line_height(self, font: QFont) -> float:
        """Distance between two lines of a font."""
        return self.fonts.fm(font).lineSpacing()

    # --- placing ----------------------------------------------------------------------------

    @property
    def page(self) -> PageContent:
        """The page being filled."""
        return self.pages[-1]

    def new_page(self) -> None:
        """Start a new page."""
        self.pages.append(PageContent())
        self.y = self.area.top()

    def room(self) -> float:
        """Height left on the current page."""
        return self.area.bottom() - self.y

    def fits(self, height: float) -> bool:
        """Whether ``height`` fits on the current page."""
        return height <= self.room() + 0.01

    def place(
        self,
        height: float,
        paint: Callable[[QPainter, float], None],
        label: Label | None = None,
        keep: float = 0.0,
    ) -> None:
        """Put a piece of ``height`` (and ``keep`` more after it) on this page or the next."""
        if not self.fits(height + keep) and self.y > self.area.top():
            self.new_page()
        y = self.y
        self.page.ops.append(lambda painter, y=y: paint(painter, y))
        if label is not None:
            self.page.labels.append(label)
        self.y += height

    def gap(self, height: float) -> None:
        """Vertical space (dropped at the top of a page)."""
        if self.y > self.area.top():
            self.y = min(self.y + height, self.area.bottom())

    def text(
        self, lines: list[str], font: QFont, x: float, colour: str = "#000000"
    ) -> Callable[[QPainter, float], None]:
        """A painter of wrapped lines at ``x``."""
        fm = self.fonts.fm(font)
        ascent, step = fm.ascent(), fm.lineSpacing()

        def paint(painter: QPainter, y: float) -> None:
            painter.setFont(font)
            painter.setPen(QColor(colour))
            for n, line in enumerate(lines):
                painter.drawText(QPointF(x, y + ascent + n * step), line)

        return paint


def aligned(
    layout: Layout,
    painter: QPainter,
    lines: list[str],
    font: QFont,
    x: float,
    w: float,
    pad: float,
    y: float,
    align: str,
) -> None:
    if align == "left":
        layout.text(lines, font, x + pad)(painter, y)
        return
    fm = layout.fonts.fm(font)
    painter.setFont(font)
    painter.setPen(QColor("#000000"))
    for n, line in enumerate(lines):
        advance = fm.horizontalAdvance(line)
        lx = x + w - pad - advance if align == "right" else x + (w - advance) / 2
        painter.drawText(QPointF(lx, y + fm.ascent() + n * fm.lineSpacing()), line)

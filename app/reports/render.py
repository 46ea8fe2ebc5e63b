"""Page layout of a `Report` onto a PDF with Qt's own printing (`QPdfWriter` and `QPainter`).

Layout runs first (every block measured and placed, pages cut), then each page is painted with
its banners: the banner of a page is the combined marking of exactly the labels of the blocks
and rows placed on it (the per-page rule of domain.md). A page without any record content (only
headings or notes) is marked with the lowest level, no caveat.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)

from app.domain.labels import Label
from app.pyside_fix import keep_singletons_alive
from app.reports.model import Chart, Heading, Note, RecordBlock, Report, Table

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


class _Fonts:
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
        self.fonts = _Fonts(device)
        self.device = device
        self.area = content
        self.pages: list[PageContent] = [PageContent()]
        self.y = content.top()
        self._option = QTextOption()
        self._option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)

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


class Renderer:
    """Lays a report out on pages and paints them into a PDF file."""

    def __init__(
        self, report: Report, frame: Frame, portion: Callable[[Label], str], paper: str = "a4"
    ) -> None:
        self.report = report
        self.frame = frame
        self.portion = portion
        self.paper = paper

    def render(self, out_path: str | Path) -> list[list[Label]]:
        """Write the PDF; the labels of the content of each page."""
        # PySide6 6.12 on Python 3.11 drops a reference to None/True/False on every void Qt call;
        # a long report would make CPython deallocate None (see app/ui/__init__.py, no widgets)
        keep_singletons_alive()
        return self._render(out_path)

    def _render(self, out_path: str | Path) -> list[list[Label]]:
        writer = QPdfWriter(str(out_path))
        writer.setResolution(DPI)
        writer.setCreator("Exchange Desk")
        writer.setTitle(self.report.title)
        orientation = (
            QPageLayout.Orientation.Landscape
            if self.report.landscape
            else QPageLayout.Orientation.Portrait
        )
        writer.setPageLayout(
            QPageLayout(QPageSize(PAPERS[self.paper]), orientation, QMarginsF(0, 0, 0, 0))
        )
        page_rect = QRectF(writer.pageLayout().paintRectPixels(DPI))
        margin = mm(12)
        self.band = mm(7)
        self.full = page_rect.adjusted(margin, margin, -margin, -margin)
        top = self.full.top() + self.band + mm(9)
        bottom = self.full.bottom() - self.band - mm(9)
        content = QRectF(self.full.left(), top, self.full.width(), bottom - top)
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"cannot write {out_path}")
        try:
            layout = Layout(writer, content)
            self.layout = layout
            self._title_block()
            for block in self.report.blocks:
                if isinstance(block, Heading):
                    self._heading(block)
                elif isinstance(block, Note):
                    self._note(block)
                elif isinstance(block, RecordBlock):
                    self._record(block)
                elif isinstance(block, Table):
                    self._table(block)
                elif isinstance(block, Chart):
                    self._chart(block)
            pages = [p for p in layout.pages if p.ops or p is layout.pages[0]]
            for number, page in enumerate(pages, start=1):
                if number > 1:
                    writer.newPage()
                self._paint_page(painter, page, number, len(pages))
        finally:
            painter.end()
            self.layout = None  # type: ignore[assignment]  # drop Qt objects tied to the writer now
        return [page.labels for page in pages]

    # --- frame ------------------------------------------------------------------------------

    def _paint_page(self, painter: QPainter, page: PageContent, number: int, total: int) -> None:
        fonts = self.layout.fonts
        text, level = self.frame.marking(page.labels)
        colour = QColor(LEVEL_COLOURS[min(level, len(LEVEL_COLOURS) - 1)])
        ink = QColor("#000000") if level >= 4 else QColor("#ffffff")
        top_band = QRectF(self.full.left(), self.full.top(), self.full.width(), self.band)
        bottom_band = QRectF(
            self.full.left(), self.full.bottom() - self.band, self.full.width(), self.band
        )
        painter.fillRect(top_band, colour)
        painter.setFont(fonts.banner)
        painter.setPen(ink)
        painter.drawText(top_band, int(Qt.AlignmentFlag.AlignCenter), text)
        # running header
        painter.setFont(fonts.small)
        painter.setPen(QColor("#444444"))
        header_y = top_band.bottom() + mm(1.5)
        header = QRectF(self.full.left(), header_y, self.full.width(), mm(5))
        painter.drawText(
            header,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            f"Exchange Desk — {self.report.title}",
        )
        painter.setPen(QPen(QColor("#999999"), mm(0.2)))
        painter.drawLine(
            QPointF(self.full.left(), header.bottom() + mm(0.5)),
            QPointF(self.full.right(), header.bottom() + mm(0.5)),
        )
        for op in page.ops:
            op(painter)
        # footer
        footer = QRectF(self.full.left(), bottom_band.top() - mm(7), self.full.width(), mm(5))
        painter.setPen(QPen(QColor("#999999"), mm(0.2)))
        painter.drawLine(
            QPointF(self.full.left(), footer.top() - mm(0.5)),
            QPointF(self.full.right(), footer.top() - mm(0.5)),
        )
        painter.setFont(fonts.small)
        painter.setPen(QColor("#444444"))
        when = self.frame.produced_at.strftime("%Y-%m-%d %H:%M UTC")
        producer = (
            f"Produced by {self.frame.producer} on {when} · Owning nation: {self.frame.owner}"
        )
        painter.drawText(
            footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), producer
        )
        painter.drawText(
            footer,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            f"Page {number} of {total}",
        )
        painter.fillRect(bottom_band, colour)
        painter.setFont(fonts.banner)
        painter.setPen(ink)
        painter.drawText(bottom_band, int(Qt.AlignmentFlag.AlignCenter), text)

    # --- blocks -----------------------------------------------------------------------------

    def _title_block(self) -> None:
        layout, fonts = self.layout, self.layout.fonts
        width = layout.area.width()
        lines = layout.wrap(self.report.title, fonts.h1, width)
        layout.place(
            len(lines) * layout.line_height(fonts.h1),
            layout.text(lines, fonts.h1, layout.area.left()),
            self.report.subject_label,
        )
        if self.report.subtitle:
            sub = layout.wrap(self.report.subtitle, fonts.h2, width)
            layout.place(
                len(sub) * layout.line_height(fonts.h2),
                layout.text(sub, fonts.h2, layout.area.left(), "#333333"),
                self.report.subject_label,
            )
        if self.report.parameters:
            text = " · ".join(f"{name}: {value}" for name, value in self.report.parameters)
            par = layout.wrap(text, fonts.body, width)
            layout.place(
                len(par) * layout.line_height(fonts.body),
                layout.text(par, fonts.body, layout.area.left(), "#444444"),
                self.report.subject_label,
            )
        layout.gap(mm(4))

    def _heading(self, block: Heading) -> None:
        layout, fonts = self.layout, self.layout.fonts
        font = fonts.h2 if block.level <= 1 else fonts.bold
        lines = layout.wrap(block.text, font, layout.area.width())
        height = len(lines) * layout.line_height(font)
        layout.gap(mm(3))
        layout.place(height, layout.text(lines, font, layout.area.left(), "#1a1a1a"), keep=mm(12))
        layout.gap(mm(1.5))

    def _note(self, block: Note) -> None:
        layout, fonts = self.layout, self.layout.fonts
        text = block.text if block.label is None else f"{self.portion(block.label)} {block.text}"
        for line in layout.wrap(text, fonts.body, layout.area.width()):
            layout.place(
                layout.line_height(fonts.body),
                layout.text([line], fonts.body, layout.area.left()),
                block.label,
            )
        layout.gap(mm(2))

    def _record(self, block: RecordBlock) -> None:
        layout, fonts = self.layout, self.layout.fonts
        left, width = layout.area.left(), layout.area.width()
        mark = self.portion(block.label)
        title_lines = layout.wrap(f"{mark} {block.title}", fonts.bold, width)
        title_height = len(title_lines) * layout.line_height(fonts.bold) + mm(1)
        layout.gap(mm(1.5))
        layout.place(
            title_height,
            layout.text(title_lines, fonts.bold, left),
            block.label,
            keep=layout.line_height(fonts.body) * 2,
        )
        first_page = layout.page

        def continued() -> None:
            if layout.page is not first_page and not getattr(layout.page, "_continued", None) == id(
                block
            ):
                lines = layout.wrap(f"{mark} {block.title} (continued)", fonts.bold, width)
                layout.place(
                    len(lines) * layout.line_height(fonts.bold) + mm(1),
                    layout.text(lines, fonts.bold, left, "#555555"),
                    block.label,
                )
                layout.page._continued = id(block)  # type: ignore[attr-defined]

        key_width = min(mm(42), width * 0.3)
        step = layout.line_height(fonts.body)

        def ensure(height: float) -> None:
            if not layout.fits(height):
                layout.new_page()
                continued()

        for name, value in block.fields:
            keys = layout.wrap(name, fonts.bold, key_width - mm(2))
            values = layout.wrap(value or "—", fonts.body, width - key_width)
            for n in range(max(len(keys), len(values))):
                key_line, value_line = keys[n : n + 1], values[n : n + 1]

                def paint(painter: QPainter, y: float, k=key_line, v=value_line) -> None:
                    layout.text(k, fonts.bold, left, "#333333")(painter, y)
                    layout.text(v, fonts.body, left + key_width)(painter, y)

                ensure(step)
                layout.place(step, paint, block.label)
        for name, value in block.texts:
            if not value:
                continue
            layout.gap(mm(1.5))
            heading = layout.wrap(name, fonts.bold, width)
            ensure(len(heading) * step + step)
            layout.place(
                len(heading) * step, layout.text(heading, fonts.bold, left, "#333333"), block.label
            )
            for line in layout.wrap(value, fonts.body, width - mm(4)):
                ensure(step)
                layout.place(step, layout.text([line], fonts.body, left + mm(4)), block.label)
        layout.gap(mm(3))

    def _table(self, block: Table) -> None:
        layout, fonts = self.layout, self.layout.fonts
        left, width = layout.area.left(), layout.area.width()
        pad = mm(1.2)
        marks = [self.portion(row.label) if row.label is not None else "" for row in block.rows]
        mark_width = 0.0
        if any(marks):
            fm = fonts.fm(fonts.small)
            longest = max((fm.horizontalAdvance(m) for m in marks), default=0.0)
            mark_width = max(
                min(longest + 2 * pad, width * 0.14),
                fonts.fm(fonts.header).horizontalAdvance("Mark") + 3 * pad,
            )
        widths = self._column_widths(block, width - mark_width, pad)
        xs = [left + mark_width]
        for w in widths[:-1]:
            xs.append(xs[-1] + w)
        step_body = layout.line_height(fonts.body)
        step_small = layout.line_height(fonts.small)
        header_cells = [
            layout.wrap(c.title, fonts.header, w - 2 * pad)
            for c, w in zip(block.columns, widths, strict=True)
        ]
        header_height = (
            max(len(c) for c in header_cells) * layout.line_height(fonts.header) + 2 * pad
        )
        min_row = mm(block.row_height_mm)

        def paint_header(painter: QPainter, y: float) -> None:
            painter.fillRect(QRectF(left, y, width, header_height), QColor("#e4e8ee"))
            if mark_width:
                layout.text(["Mark"], fonts.header, left + pad)(painter, y + pad)
            for lines, x, column, w in zip(header_cells, xs, block.columns, widths, strict=True):
                _aligned(layout, painter, lines, fonts.header, x, w, pad, y + pad, column.align)
            painter.setPen(QPen(QColor("#7a8699"), mm(0.25)))
            painter.drawLine(
                QPointF(left, y + header_height), QPointF(left + width, y + header_height)
            )

        if block.title:
            layout.gap(mm(2))
            title = layout.wrap(block.title, fonts.bold, width)
            layout.place(
                len(title) * step_body,
                layout.text(title, fonts.bold, left),
                keep=header_height + step_body * 2,
            )
            layout.gap(mm(1))
        if not block.rows:
            layout.place(header_height, paint_header)
            layout.place(
                step_body + 2 * pad,
                layout.text([block.empty_text], fonts.body, left + pad, "#555555"),
            )
            layout.gap(mm(3))
            return
        layout.place(header_height, paint_header, keep=step_body + 2 * pad)
        header_page = layout.page
        for index, (row, mark) in enumerate(zip(block.rows, marks, strict=True)):
            cells = [
                layout.wrap(text, fonts.body, w - 2 * pad)
                for text, w in zip(row.cells, widths, strict=True)
            ]
            mark_lines = layout.wrap(mark, fonts.small, mark_width - 2 * pad) if mark else []
            height = (
                max(
                    max((len(c) for c in cells), default=1) * step_body,
                    len(mark_lines) * step_small,
                )
                + 2 * pad
            )
            height = max(height, min_row)
            if not layout.fits(height):
                layout.new_page()
            if layout.page is not header_page:
                layout.place(header_height, paint_header)
                header_page = layout.page
            shade = index % 2 == 1

            def paint(
                painter: QPainter,
                y: float,
                cells=cells,
                mark_lines=mark_lines,
                height=height,
                shade=shade,
            ) -> None:
                if shade:
                    painter.fillRect(QRectF(left, y, width, height), QColor("#f5f6f8"))
                if mark_lines:
                    layout.text(mark_lines, fonts.small, left + pad, "#333333")(
                        painter, y + pad + (step_body - step_small)
                    )
                for lines, x, column, w in zip(cells, xs, block.columns, widths, strict=True):
                    _aligned(layout, painter, lines, fonts.body, x, w, pad, y + pad, column.align)
                painter.setPen(QPen(QColor("#d0d5dd"), mm(0.15)))
                painter.drawLine(QPointF(left, y + height), QPointF(left + width, y + height))

            layout.place(height, paint, row.label)
        layout.gap(mm(3))

    def _column_widths(self, block: Table, available: float, pad: float) -> list[float]:
        """Every column at least as wide as its longest word; the rest shared by what each needs."""
        fonts = self.layout.fonts
        body, header = fonts.fm(fonts.body), fonts.fm(fonts.header)
        sample = block.rows[:300]
        natural, minimum = [], []
        for index, column in enumerate(block.columns):
            words = max((header.horizontalAdvance(w) for w in column.title.split()), default=0.0)
            cells = 0.0
            for row in sample:
                text = row.cells[index]
                cells = max(cells, body.horizontalAdvance(text))
                words = max(
                    words, max((body.horizontalAdvance(w) for w in text.split()), default=0.0)
                )
            minimum.append(min(words, available * 0.25) + 2 * pad + 1)
            natural.append(max(cells, words) + 2 * pad + 1)
        total_weight = sum(c.weight for c in block.columns) or 1.0
        if sum(natural) <= available:
            spare = available - sum(natural)
            return [
                n + spare * c.weight / total_weight
                for n, c in zip(natural, block.columns, strict=True)
            ]
        spare = available - sum(minimum)
        if spare <= 0:
            return [m * available / sum(minimum) for m in minimum]
        demand = [
            (n - m) * c.weight for n, m, c in zip(natural, minimum, block.columns, strict=True)
        ]
        total_demand = sum(demand) or 1.0
        return [m + spare * d / total_demand for m, d in zip(minimum, demand, strict=True)]

    def _chart(self, block: Chart) -> None:
        layout, fonts = self.layout, self.layout.fonts
        left, width = layout.area.left(), layout.area.width()
        height = min(mm(95), layout.area.height() * 0.6)
        mark = self.portion(block.label) + " " if block.label is not None else ""
        title = layout.wrap(mark + block.title, fonts.bold, width)
        title_height = len(title) * layout.line_height(fonts.bold) + mm(2)
        layout.gap(mm(2))
        layout.place(title_height, layout.text(title, fonts.bold, left), block.label, keep=height)
        names = list(block.series)
        totals = [
            sum(block.series[n][i] for n in names)
            if block.stacked
            else max((block.series[n][i] for n in names), default=0)
            for i in range(len(block.categories))
        ]
        top_value = max(totals, default=0) or 1
        step_value = _nice_step(top_value)
        axis_top = ((top_value + step_value - 1) // step_value) * step_value
        legend_width = mm(48)
        small = fonts.small
        step_small = layout.line_height(small)

        def paint(painter: QPainter, y: float) -> None:
            plot = QRectF(left + mm(12), y + mm(2), width - legend_width - mm(16), height - mm(12))
            painter.setFont(small)
            for tick in range(0, axis_top + 1, step_value):
                ty = plot.bottom() - plot.height() * tick / axis_top
                painter.setPen(QPen(QColor("#dddddd"), mm(0.15)))
                painter.drawLine(QPointF(plot.left(), ty), QPointF(plot.right(), ty))
                painter.setPen(QColor("#444444"))
                painter.drawText(
                    QRectF(left, ty - step_small / 2, mm(10), step_small),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    str(tick),
                )
            count = max(len(block.categories), 1)
            slot = plot.width() / count
            bar = slot * 0.6
            for i, category in enumerate(block.categories):
                x = plot.left() + i * slot + (slot - bar) / 2
                base = plot.bottom()
                for s, name in enumerate(names):
                    value = block.series[name][i]
                    if not value:
                        continue
                    h = plot.height() * value / axis_top
                    painter.fillRect(
                        QRectF(x, base - h, bar, h), QColor(SERIES_COLOURS[s % len(SERIES_COLOURS)])
                    )
                    base -= h
                painter.setPen(QColor("#222222"))
                painter.drawText(
                    QRectF(plot.left() + i * slot, plot.bottom() + mm(1), slot, step_small),
                    int(Qt.AlignmentFlag.AlignCenter),
                    category,
                )
                painter.drawText(
                    QRectF(plot.left() + i * slot, base - step_small - mm(0.5), slot, step_small),
                    int(Qt.AlignmentFlag.AlignCenter),
                    str(totals[i]),
                )
            painter.setPen(QPen(QColor("#444444"), mm(0.25)))
            painter.drawLine(
                QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom())
            )
            painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))
            lx = plot.right() + mm(5)
            for s, name in enumerate(names):
                ly = plot.top() + s * (step_small + mm(1.5))
                painter.fillRect(
                    QRectF(lx, ly + mm(0.5), mm(3), mm(3)),
                    QColor(SERIES_COLOURS[s % len(SERIES_COLOURS)]),
                )
                painter.setPen(QColor("#222222"))
                painter.drawText(QPointF(lx + mm(4.5), ly + fonts.fm(small).ascent()), name)

        layout.place(height, paint, block.label)
        layout.gap(mm(3))


def _aligned(
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


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 8:
            return step
    return max(1, top // 8)


def ensure_gui_application() -> QGuiApplication:
    """A QGuiApplication (fonts need one); offscreen when there is no display."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app

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
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app.domain.declassification import Instruction, years_after
from app.domain.labels import Label
from app.paths import private_file
from app.reports.model import Chart, Heading, Note, RecordBlock, Report, Table
from app.reports.render.charts import place_chart
from app.reports.render.layout import DPI, LEVEL_COLOURS, PAPERS, Frame, Layout, PageContent, mm
from app.reports.render.tables import place_table


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
        writer = QPdfWriter(str(private_file(out_path)))
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
            self._authority_block()
            for block in self.report.blocks:
                if isinstance(block, Heading):
                    self._heading(block)
                elif isinstance(block, Note):
                    self._note(block)
                elif isinstance(block, RecordBlock):
                    self._record(block)
                elif isinstance(block, Table):
                    place_table(self.layout, self.portion, block)
                elif isinstance(block, Chart):
                    place_chart(self.layout, self.portion, block)
            pages = [p for p in layout.pages if p.ops or p is layout.pages[0]]
            for number, page in enumerate(pages, start=1):
                if number > 1:
                    writer.newPage()
                self._paint_page(painter, page, number, len(pages))
        finally:
            painter.end()
            if getattr(self, "layout", None) is not None:
                self.layout.close()  # every Qt object made here dies here (`Layout.close`)
            self.layout = None  # type: ignore[assignment]
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

    def _authority_block(self) -> None:
        """The classification authority block on the face of a classified report (DoDM
        5200.01 vol. 2, encl. 3; IC-ISM rule 00142): who classified it, from what, and when it
        is declassified, as derivative classification of the records it holds."""
        produced = self.frame.produced_at
        lines = authority_block(
            self.frame.marking(self.report.labels())[1],
            self.frame.producer,
            produced,
            self.report.declassification(produced.date()),
        )
        if not lines:
            return
        layout, fonts = self.layout, self.layout.fonts
        # an event's words may outrun the line: wrapped, nothing cut
        lines = [
            part for line in lines for part in layout.wrap(line, fonts.small, layout.area.width())
        ]
        layout.place(
            len(lines) * layout.line_height(fonts.small),
            layout.text(lines, fonts.small, layout.area.left(), "#222222"),
        )
        layout.gap(mm(3))

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


def authority_block(
    level: int, producer: str, produced_at: dt.datetime, declassify: Instruction | None = None
) -> list[str]:
    """The three lines of the authority block, or none for an unclassified report. Declassify
    On is the report's (`Report.declassification`: the most restrictive instruction of the
    records it is derived from; DoDM 5200.01 vol. 2), else 25 years after it is produced."""
    if level <= 0:
        return []
    until = declassify or Instruction(years_after(produced_at.date()))
    return [
        f"Classified By: {producer}",
        "Derived From: Multiple Sources (Exchange Desk records listed in this report)",
        f"Declassify On: {until.text()}",
    ]


def ensure_gui_application() -> QGuiApplication:
    """A QGuiApplication (fonts need one); offscreen when there is no display."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    return app

"""A table block: column widths from the words they hold, header repeated on every page."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPen,
)

from app.domain.labels import Label
from app.reports.model import Table
from app.reports.render.layout import Layout, aligned, mm


def place_table(layout: Layout, portion: Callable[[Label], str], block: Table) -> None:
    fonts = layout.fonts
    left, width = layout.area.left(), layout.area.width()
    pad = mm(1.2)
    marks = [portion(row.label) if row.label is not None else "" for row in block.rows]
    mark_width = 0.0
    if any(marks):
        fm = fonts.fm(fonts.small)
        longest = max((fm.horizontalAdvance(m) for m in marks), default=0.0)
        mark_width = max(
            min(longest + 2 * pad, width * 0.14),
            fonts.fm(fonts.header).horizontalAdvance("Mark") + 3 * pad,
        )
    widths = _column_widths(layout, block, width - mark_width, pad)
    xs = [left + mark_width]
    for w in widths[:-1]:
        xs.append(xs[-1] + w)
    step_body = layout.line_height(fonts.body)
    step_small = layout.line_height(fonts.small)
    header_cells = [
        layout.wrap(c.title, fonts.header, w - 2 * pad)
        for c, w in zip(block.columns, widths, strict=True)
    ]
    header_height = max(len(c) for c in header_cells) * layout.line_height(fonts.header) + 2 * pad
    min_row = mm(block.row_height_mm)

    def paint_header(painter: QPainter, y: float) -> None:
        painter.fillRect(QRectF(left, y, width, header_height), QColor("#e4e8ee"))
        if mark_width:
            layout.text(["Mark"], fonts.header, left + pad)(painter, y + pad)
        for lines, x, column, w in zip(header_cells, xs, block.columns, widths, strict=True):
            aligned(layout, painter, lines, fonts.header, x, w, pad, y + pad, column.align)
        painter.setPen(QPen(QColor("#7a8699"), mm(0.25)))
        painter.drawLine(QPointF(left, y + header_height), QPointF(left + width, y + header_height))

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
                aligned(layout, painter, lines, fonts.body, x, w, pad, y + pad, column.align)
            painter.setPen(QPen(QColor("#d0d5dd"), mm(0.15)))
            painter.drawLine(QPointF(left, y + height), QPointF(left + width, y + height))

        layout.place(height, paint, row.label)
    layout.gap(mm(3))


def _column_widths(layout: Layout, block: Table, available: float, pad: float) -> list[float]:
    """Every column at least as wide as its longest word; the rest shared by what each needs."""
    fonts = layout.fonts
    body, header = fonts.fm(fonts.body), fonts.fm(fonts.header)
    sample = block.rows[:300]
    natural, minimum = [], []
    for index, column in enumerate(block.columns):
        words = max((header.horizontalAdvance(w) for w in column.title.split()), default=0.0)
        cells = 0.0
        for row in sample:
            text = row.cells[index]
            cells = max(cells, body.horizontalAdvance(text))
            words = max(words, max((body.horizontalAdvance(w) for w in text.split()), default=0.0))
        minimum.append(min(words, available * 0.25) + 2 * pad + 1)
        natural.append(max(cells, words) + 2 * pad + 1)
    total_weight = sum(c.weight for c in block.columns) or 1.0
    if sum(natural) <= available:
        spare = available - sum(natural)
        return [
            n + spare * c.weight / total_weight for n, c in zip(natural, block.columns, strict=True)
        ]
    spare = available - sum(minimum)
    if spare <= 0:
        return [m * available / sum(minimum) for m in minimum]
    demand = [(n - m) * c.weight for n, m, c in zip(natural, minimum, block.columns, strict=True)]
    total_demand = sum(demand) or 1.0
    return [m + spare * d / total_demand for m, d in zip(minimum, demand, strict=True)]

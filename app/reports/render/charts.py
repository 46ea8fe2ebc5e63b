"""A bar chart block (stacked or side by side) with its axis and legend."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPen,
)

from app.domain.labels import Label
from app.reports.model import Chart
from app.reports.render.layout import SERIES_COLOURS, Layout, mm


def place_chart(layout: Layout, portion: Callable[[Label], str], block: Chart) -> None:
    fonts = layout.fonts
    left, width = layout.area.left(), layout.area.width()
    height = min(mm(95), layout.area.height() * 0.6)
    mark = portion(block.label) + " " if block.label is not None else ""
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
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
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


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if top / step <= 8:
            return step
    return max(1, top // 8)

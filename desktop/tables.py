"""The read-only tables the dialogs show."""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QSize
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
)


def read_only_table(headers: list[str], rows: int = 0) -> QTableWidget:
    """A table with these column headers, no row numbers and no editing."""
    table = QTableWidget(rows, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


class WrappedTextDelegate(QStyledItemDelegate):
    """Wrapped text given the height Qt needs to paint it whole. Qt paints each line at its own height,
    but elides a line when the next one, taken as tall as it, would not fit; its height hint only sums
    the lines. A line with Chinese in it (a fallback font: 18 px against 14) above a shorter line was
    so cut to one elided line in the audit log."""

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        self.initStyleOption(option, index)
        if not option.features & QStyleOptionViewItem.ViewItemFeature.WrapText or option.rect.width() <= 0:
            return hint  # not wrapped, or asked for a column's width: Qt's own hint
        style = option.widget.style() if option.widget else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, option.widget) + 1
        layout = QTextLayout(option.text, option.font)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(wrap)
        layout.beginLayout()
        heights = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(option.rect.width() - 2 * margin)  # as painted, inside the text margins
            heights.append(line.height())
        layout.endLayout()
        bottoms = list(itertools.accumulate(heights))
        needed = max([sum(heights), *(bottom + height for bottom, height in zip(bottoms[:-1], heights[:-1]))])
        return QSize(hint.width(), max(hint.height(), math.ceil(needed)))

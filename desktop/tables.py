"""The read-only tables the dialogs show."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle, QStyledItemDelegate, QTableWidget


def read_only_table(headers: list[str], rows: int = 0) -> QTableWidget:
    """A table with these column headers, no row numbers and no editing."""
    table = QTableWidget(rows, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


class WrappedTextDelegate(QStyledItemDelegate):
    """Text wrapped onto as many lines as it needs, each as tall as its tallest line. Qt's own height hint
    sums each line's height, but paints every line as tall as the tallest and elides what does not fit:
    a Chinese word on one line of Latin text (a fallback font, 18 px against 14) cut a two-line change
    in the audit log to one elided line."""

    def sizeHint(self, option, index) -> QSize:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, option.widget) + 1
        layout = QTextLayout(option.text, option.font)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(wrap)
        layout.beginLayout()
        heights, width = [], 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(option.rect.width() - 2 * margin)  # as the text is painted, inside the margins
            heights.append(line.height())
            width = max(width, line.naturalTextWidth())
        layout.endLayout()
        return QSize(round(width) + 2 * margin, round(len(heights) * max(heights, default=0)) + 2)

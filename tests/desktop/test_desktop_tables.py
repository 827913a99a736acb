"""The dialogs' read-only tables."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QTextLayout, QTextOption
from PySide6.QtWidgets import QTableWidgetItem

from core.resources import resource_path
from desktop.tables import WrappedTextDelegate, read_only_table

CHANGE = "總評審: Head Judge Alexandra Fitzgerald-Okonkwo; 理由: mistyped mark for No. 5, confirmed with the judge"


def line_heights(text: str, font, width: int) -> list[float]:
    layout = QTextLayout(text, font)
    wrap = QTextOption()
    wrap.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(wrap)
    layout.beginLayout()
    heights = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        heights.append(line.height())
    layout.endLayout()
    return heights


def test_wrapped_text_gets_its_tallest_line_on_every_line_so_that_nothing_is_elided(qtbot):
    QFontDatabase.addApplicationFont(str(resource_path("fonts", "NotoSansCJKtc-Regular-subset.otf")))
    table = read_only_table(["Change"], 1)
    qtbot.addWidget(table)
    table.setWordWrap(True)
    table.setItemDelegateForColumn(0, WrappedTextDelegate(table))
    table.setItem(0, 0, QTableWidgetItem(CHANGE))
    table.setColumnWidth(0, 420)
    table.resizeRowsToContents()
    heights = line_heights(CHANGE, table.font(), 420 - 8)  # inside the text margins
    assert len(heights) == 2 and max(heights) > min(heights)  # a line with Chinese is taller than one without
    assert table.rowHeight(0) >= 2 * max(heights)  # Qt paints every line as tall as the tallest

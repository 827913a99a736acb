"""The dialogs' read-only tables."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import QTableWidgetItem

from core.resources import resource_path
from desktop.audit_dialog import CHANGE_COLUMN, AuditLogDialog
from desktop.tables import WrappedTextDelegate, read_only_table

# as the audit log shows a reopening in 繁體中文: the first line, with Chinese in it, is the taller
CHANGE = "總評審: Head Judge Alexandra Fitzgerald-Okonkwo; 理由: mistyped mark for No. 5, confirmed with the judge"


@pytest.fixture(autouse=True)
def chinese_font():
    """The bundled Chinese font, so that the fallback for the Chinese characters is the same everywhere."""
    QFontDatabase.addApplicationFont(str(resource_path("fonts", "NotoSansCJKtc-Regular-subset.otf")))


def table_of(qtbot, texts, delegate: bool, wrap: bool = True):
    table = read_only_table(["Change"], len(texts))
    qtbot.addWidget(table)
    table.setWordWrap(wrap)
    if delegate:
        table.setItemDelegateForColumn(0, WrappedTextDelegate(table))
    for row, text in enumerate(texts):
        table.setItem(row, 0, QTableWidgetItem(text))
    table.setColumnWidth(0, 420)
    table.resize(460, 300)
    table.show()
    table.resizeRowsToContents()
    return table


def lines_shown(table, row: int) -> int:
    """How many lines of text the cell shows: bands of pixel rows with dark pixels in them."""
    image = table.viewport().grab(table.visualItemRect(table.item(row, 0))).toImage()
    inked = [any(QColor(image.pixel(x, y)).lightness() < 128 for x in range(image.width()))
             for y in range(image.height())]
    return sum(1 for y, ink in enumerate(inked) if ink and (y == 0 or not inked[y - 1]))


def test_a_wrapped_line_with_chinese_above_a_latin_one_is_shown_whole_not_elided(qtbot):
    assert lines_shown(table_of(qtbot, [CHANGE], delegate=False), 0) == 1  # Qt's own hint: cut and elided
    assert lines_shown(table_of(qtbot, [CHANGE], delegate=True), 0) == 2


def test_rows_that_need_no_more_keep_qt_s_own_height(qtbot):
    texts = ["2.97 ± 0.29", "Talent: 7.7", "重新開放"]
    for wrap in (True, False):
        plain, wrapped = table_of(qtbot, texts, False, wrap), table_of(qtbot, texts, True, wrap)
        assert [wrapped.rowHeight(row) for row in range(3)] == [plain.rowHeight(row) for row in range(3)]
    assert table_of(qtbot, [CHANGE], True, wrap=False).rowHeight(0) == table_of(qtbot, [CHANGE], False,
                                                                                  wrap=False).rowHeight(0)


def test_the_audit_log_wraps_its_changes_so(qtbot, tmp_path):
    from core.store import ContestStore

    with ContestStore(tmp_path / "c.sqlite") as store:
        dialog = AuditLogDialog(store)
        qtbot.addWidget(dialog)
        assert isinstance(dialog.table.itemDelegateForColumn(CHANGE_COLUMN), WrappedTextDelegate)

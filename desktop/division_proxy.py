"""One division of a table's rows, or all of them: the filter the results table and the marks grid share."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QAbstractItemView


class DivisionProxy(QSortFilterProxyModel):
    """Shows the source rows of one division (None: every division); the source model answers
    ``division_of(row)``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._division: str | None = None

    def set_division(self, division: str | None) -> None:
        if not hasattr(self, "endFilterChange"):  # Qt < 6.10, where invalidateFilter() is not yet deprecated
            self._division = division
            self.invalidateFilter()
            return
        self.beginFilterChange()
        self._division = division
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        return self._division is None or self.sourceModel().division_of(source_row) == self._division


def keep_current_in_sight(view: QAbstractItemView) -> None:
    """Scroll ``view`` to its current row after the division shown changed; its rows are laid out
    first, or the scroll stops at the old, shorter scroll range."""
    if view.currentIndex().isValid():
        view.doItemsLayout()
        view.scrollTo(view.currentIndex())

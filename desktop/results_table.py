"""The results table of the main window: sorted by rank, one selected contestant at a time, and a
hint how to fill it while it is empty."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTableView

from desktop.division_proxy import keep_current_in_sight
from desktop.results_model import CONTESTANT_ID_ROLE, THUMBNAIL_SIZE, Column, ResultsModel, ResultsProxy

COLUMN_WIDTHS = {Column.PHOTO: 56, Column.NUMBER: 52, Column.NAME: 190, Column.DIVISION: 96,
                 Column.SCORE: 104, Column.LEVEL: 52, Column.PERCENTILE: 76, Column.RANK: 76, Column.TIE: 48}
HISTORY_COLUMNS = (Column.PHOTO, Column.SCORE)  # a double-click there opens the capture history
ROW_HEIGHT = 50
NAME_WIDTH_MIN = 160  # px: a name column never shrinks below this, whatever the names
NAME_WIDTH_MAX = 300  # beyond this a name is elided in the middle, the full name in its tooltip
NAME_PADDING = 16


class ResultsTable(QTableView):
    divisionShown = Signal(object)  # the division the table shows now (None: every division)
    placeholder = ""  # painted while the table is empty

    def __init__(self, results: ResultsModel, parent=None):
        super().__init__(parent)
        self._results = results
        self._proxy = ResultsProxy(self)
        self._proxy.setSourceModel(results)
        # Which contestant is in hand is noted before Qt's selection model moves the selection to a
        # neighbour of rows about to go (connected first, so called first), and put back after.
        self._in_hand: int | None = None
        for before, after in ((self._proxy.rowsAboutToBeRemoved, self._proxy.rowsRemoved),
                              (self._proxy.layoutAboutToBeChanged, self._proxy.layoutChanged),
                              (self._proxy.modelAboutToBeReset, self._proxy.modelReset)):
            before.connect(self._remember_in_hand)
            after.connect(self._keep_in_hand)
        self.setModel(self._proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab goes on to the filter and the camera, not cell by cell
        self.setSortingEnabled(True)
        self.sortByColumn(Column.RANK, Qt.SortOrder.AscendingOrder)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.setIconSize(QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE))
        columns = self.horizontalHeader()
        for column, width in COLUMN_WIDTHS.items():
            columns.resizeSection(column, width)
        columns.setStretchLastSection(True)
        # The rank (with its range) leads, so a narrow window never scrolls it out of sight; the range
        # already says "tie", so that column stays hidden.
        columns.moveSection(columns.visualIndex(Column.RANK), 0)
        self.setColumnHidden(Column.TIE, True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for signal in (results.rowsInserted, results.rowsRemoved, results.dataChanged, results.modelReset):
            signal.connect(self._fit_name_column)
        self._fit_name_column()

        self.division_filter = QComboBox()
        self.division_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.division_filter.currentIndexChanged.connect(lambda _index: self._show_chosen_division())
        for signal in (results.rowsInserted, results.rowsRemoved, results.dataChanged, results.modelReset):
            signal.connect(self._fill_division_filter)
        self._fill_division_filter()

    def _fit_name_column(self, *_changed) -> None:
        """The name column takes the room its longest name needs, within NAME_WIDTH_MIN..MAX and
        what the other shown columns leave of the table's width (a longer name is elided)."""
        metrics = self.fontMetrics()
        names = (self._results.row_of(row).contestant.name for row in range(self._results.rowCount()))
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0) + NAME_PADDING
        others = sum(width for column, width in COLUMN_WIDTHS.items()
                     if column != Column.NAME and not self.isColumnHidden(column))
        room = self.viewport().width() - others
        self.horizontalHeader().resizeSection(Column.NAME, max(NAME_WIDTH_MIN, min(NAME_WIDTH_MAX, widest, room)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_name_column()

    def _fill_division_filter(self, *_changed) -> None:
        """All divisions, then each one; the choice stays while the divisions change."""
        chosen = self.division_filter.currentData()
        divisions = self._results.divisions()
        entries = [(self.tr("All divisions"), None)] + [
            (division or self.tr("No division"), division) for division in divisions]
        if [data for _, data in entries] == [self.division_filter.itemData(i)
                                              for i in range(self.division_filter.count())]:
            for index, (text, _) in enumerate(entries):
                self.division_filter.setItemText(index, text)
            return
        self.division_filter.blockSignals(True)
        self.division_filter.clear()
        for text, data in entries:
            self.division_filter.addItem(text, data)
        self.division_filter.setCurrentIndex(max(0, self.division_filter.findData(chosen)) if chosen is not None
                                             else 0)
        self.division_filter.blockSignals(False)
        self.division_filter.setVisible(len(divisions) > 1)
        self._show_chosen_division()

    def _show_chosen_division(self) -> None:
        """Only the chosen division's rows; its column only while rows of several divisions are listed,
        so at 1280x720 one division's table keeps every column in view."""
        chosen = self.division_filter.currentData()
        self._proxy.set_division(chosen)
        self.divisionShown.emit(chosen)
        self.setColumnHidden(Column.DIVISION, chosen is not None or len(self._results.divisions()) <= 1)
        self._fit_name_column()
        keep_current_in_sight(self)  # the contestant in hand

    def _remember_in_hand(self, *_change) -> None:
        selected = self.selectionModel().selectedRows()  # its id, whatever the results model holds now
        self._in_hand = selected[0].data(CONTESTANT_ID_ROLE) if selected else None

    def _keep_in_hand(self, *_change) -> None:
        """The contestant in hand before the rows shown changed, or no one if they are gone from view (removed,
        in a division not shown): never the neighbour Qt would select, whom Space would then capture."""
        if self._in_hand is not None and not self._select(self._in_hand):
            self.selectionModel().clear()
        self._in_hand = None

    def retranslate(self) -> None:
        self._fill_division_filter()

    def selected_row(self):
        """The selected contestant's core.ranking.RankedRow, or None."""
        indexes = self.selectionModel().selectedRows()
        if not indexes:
            return None
        row = self._results.row_for_contestant(indexes[0].data(CONTESTANT_ID_ROLE))
        return None if row is None else self._results.row_of(row)

    def select_contestant(self, contestant_id: int) -> bool:
        self._results.refresh()
        if self._results.row_for_contestant(contestant_id) is None:
            return False
        if not self._select(contestant_id):  # in a division the filter hides: show them all
            self.division_filter.setCurrentIndex(0)
            self._select(contestant_id)
        return True

    def _select(self, contestant_id: int) -> bool:
        """Select ``contestant_id``'s row if the table shows it."""
        row = self._results.row_for_contestant(contestant_id)
        index = self._proxy.mapFromSource(self._results.index(row, 0)) if row is not None else None
        if index is None or not index.isValid():
            return False
        self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                     | QItemSelectionModel.SelectionFlag.Rows)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.model().rowCount() == 0 and self.placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.viewport().rect().adjusted(24, 24, -24, -24),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)

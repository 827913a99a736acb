"""The contestants removed from the contest, each with the score it had; Restore brings the
selected one back with all its captures. It follows the store while it is open."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.errors import FaceScoreError
from core.score import NATIVE_SCALE, ScoreScale
from desktop import palette
from desktop.error_text import describe_error
from desktop.results_model import Column, header_label, not_captured
from desktop.store_bridge import follow_store
from desktop.tables import read_only_table

COLUMNS = (Column.NUMBER, Column.NAME, Column.DIVISION, Column.SCORE)


class RemovedDialog(QDialog):
    """The removed contestants of ``store``, scores on ``scale``; reloads when the store's contestants
    change."""

    def __init__(self, store, scale: ScoreScale = NATIVE_SCALE, parent=None):
        super().__init__(parent)
        self._store = store
        self._scale = scale
        self._contestants = []
        self.setWindowTitle(self.tr("Removed contestants"))
        self.summary = QLabel(wordWrap=True)
        self.table = read_only_table([header_label(column, scale) for column in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index(Column.NAME), QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet(palette.ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(self.tr("Restore"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

        self._bridge = follow_store(self, store, self._on_store_changed)
        self._reload()

    def _on_store_changed(self, changes) -> None:
        if changes.contestants:
            self._reload()

    def _reload(self) -> None:
        self._contestants = self._store.removed_contestants()
        captures = self._store.current_captures(removed=True)
        self.summary.setText(self.tr("Removed contestants are not shown in the results. Restore brings one back "
                                     "with all their captures.") if self._contestants
                             else self.tr("No contestant has been removed from this contest."))
        self.table.clearSelection()
        self.table.setRowCount(len(self._contestants))
        for row, contestant in enumerate(self._contestants):
            capture = captures.get(contestant.id)
            score = capture.to_score().formatted(self._scale) if capture else not_captured()
            for column, value in enumerate((contestant.number, contestant.name, contestant.division, score)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self._on_selection_changed()

    def _on_selection_changed(self) -> None:
        self.error.hide()  # a refusal was about the contestant selected before
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def restore(self) -> None:
        """Restore the selected contestant; the results table follows the store's notification."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        try:
            self._store.restore_contestant(self._contestants[rows[0].row()].id)
        except FaceScoreError as error:
            self.error.setText(describe_error(error))
            self.error.show()

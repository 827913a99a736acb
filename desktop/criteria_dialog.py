"""Define the contest's criteria: name, weight (all adding up to 100 %), range and step of each mark,
and whether the advisory face score fills one of them. Editable until the first mark."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.criteria import Criterion, parse_criteria, validate_criteria
from core.errors import FaceScoreError
from desktop import palette
from desktop.error_text import describe_error

DEFAULT_CRITERIA = "Interview=40,Poise=40,Face=20"  # the usual split (docs: VENUE.md)
COLUMNS = 6  # name, weight, lowest, highest, step, advisory


class CriteriaDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self.setWindowTitle(self.tr("Criteria"))
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Weight %"), self.tr("Lowest"),
                                              self.tr("Highest"), self.tr("Step"), self.tr("Advisory score")])
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # every column in view
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the criterion's name takes the rest
        self.sum_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(palette.ERROR_STYLE)
        note = QLabel(self.tr("Weights must add up to 100 %. Each mark is typed within its range, in its "
                              "steps. Tick “Advisory score” on one criterion to fill it with the face score "
                              "(1–5 mapped onto its range); otherwise the face score stays beside the total."))
        note.setWordWrap(True)
        add, remove = QPushButton(self.tr("Add criterion")), QPushButton(self.tr("Remove criterion"))
        add.clicked.connect(lambda: self._append(Criterion("", 0)))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(add)
        row_buttons.addWidget(remove)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.sum_label)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for criterion in store.criteria or parse_criteria(DEFAULT_CRITERIA):
            self._append(criterion)
        self.table.itemChanged.connect(self._update_sum)
        self._update_sum()
        self.resize(720, 380)
        if store.marks():
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            for button in (add, remove):
                button.setEnabled(False)
            self.error_label.setText(self.tr("Marks are entered: the criteria can no longer change."))

    def _append(self, criterion: Criterion) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (criterion.name, f"{criterion.weight:g}", f"{criterion.low:g}", f"{criterion.high:g}",
                  f"{criterion.step:g}")
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(value))
        advisory = QTableWidgetItem()
        advisory.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        advisory.setCheckState(Qt.CheckState.Checked if criterion.advisory else Qt.CheckState.Unchecked)
        self.table.setItem(row, COLUMNS - 1, advisory)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip().replace(",", ".") if item else ""

    def criteria(self) -> tuple[Criterion, ...]:
        """The criteria as typed, validated. Raises CriteriaError (a number that is not one included)."""
        rows = []
        for row in range(self.table.rowCount()):
            numbers = []
            for column in range(1, 5):
                try:
                    numbers.append(float(self._text(row, column)))
                except ValueError:
                    numbers.append(float("nan"))  # refused by validate_criteria with the criterion's name
            advisory = self.table.item(row, COLUMNS - 1).checkState() == Qt.CheckState.Checked
            rows.append(Criterion(self._text(row, 0), *numbers, advisory=advisory))
        return validate_criteria(rows)

    def _update_sum(self, *_args) -> None:
        total = 0.0
        for row in range(self.table.rowCount()):
            try:
                total += float(self._text(row, 1))
            except ValueError:
                pass
        good = abs(total - 100) < 1e-6
        self.sum_label.setText(self.tr("Weights: {total} %").format(total=f"{total:g}"))
        self.sum_label.setStyleSheet(palette.GOOD_STYLE if good else palette.ERROR_EMPHASIS_STYLE)

    def save(self) -> None:
        try:
            self._store.set_criteria(self.criteria())
        except FaceScoreError as error:
            self.error_label.setText(describe_error(error))
            return
        self.accept()

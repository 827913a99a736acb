"""Preview a roster file row by row, with each row's problems, before anything is imported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.errors import FaceScoreError
from desktop import palette
from desktop.contestant_dialog import field_label
from desktop.error_text import describe_error, describe_problem
from desktop.tables import read_only_table



class RosterImportDialog(QDialog):
    """Shows ``preview`` (core.roster.RosterPreview); Import stores its valid rows in one transaction.

    A workbook with several sheets gets a sheet chooser; ``read_sheet(name)`` reads another sheet.
    """

    def __init__(self, store, preview, path: Path, parent=None,
                 read_sheet: Callable[[str], object] | None = None):
        super().__init__(parent)
        self._store = store
        self._read_sheet = read_sheet
        self._valid = []
        self.setWindowTitle(self.tr("Import roster: {file}").format(file=Path(path).name))
        self.summary = QLabel(wordWrap=True)
        self.sheet = QComboBox()
        self.sheet.addItems(list(preview.sheets))
        headers = [self.tr("Line"), *(field_label(field) for field in ("number", "name", "division", "notes")),
                   self.tr("Problems")]
        self.table = read_only_table(headers, 0)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)

        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet(palette.ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if len(preview.sheets) > 1:
            chooser = QHBoxLayout()
            chooser.addWidget(QLabel(self.tr("Sheet:")))
            chooser.addWidget(self.sheet)
            chooser.addStretch(1)
            layout.addLayout(chooser)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(820, 460)
        self._show(preview)
        self.sheet.currentTextChanged.connect(self._choose_sheet)

    def _show(self, preview) -> None:
        self._valid = preview.valid_rows()
        self.sheet.setCurrentText(preview.sheet or "")
        skipped = len(preview.rows) - len(self._valid)
        self.summary.setText(self.tr("{imported}; {skipped}. Text encoding: {encoding}.").format(
            imported=self.tr("%n contestants will be imported", "", len(self._valid)),
            skipped=self.tr("%n rows have problems and will be skipped", "", skipped),
            encoding=preview.encoding or self.tr("Excel workbook")))
        if preview.ignored:
            self.summary.setText(self.summary.text() + " " + self.tr("Not imported (no such field): {columns}.").format(
                columns=", ".join(preview.ignored)))
        self.table.setRowCount(len(preview.rows))
        for index, row in enumerate(preview.rows):
            problems = "; ".join(describe_problem(problem) for problem in row.problems)
            values = (str(row.line), row.number, row.name, row.division, row.notes,
                      problems or self.tr("OK"))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if row.problems:
                    item.setBackground(QColor(palette.PROBLEM_BACKGROUND))
                    item.setToolTip(problems)  # a long problem is elided in its cell
                self.table.setItem(index, column, item)
        self.import_button.setText(self.tr("Import %n contestants", "", len(self._valid)))
        self.import_button.setEnabled(bool(self._valid))

    def _choose_sheet(self, name: str) -> None:
        if self._read_sheet is None or not name:
            return
        try:
            preview = self._read_sheet(name)
        except FaceScoreError as error:
            self.error.setText(describe_error(error))
            self.error.show()
            return
        self.error.hide()
        self._show(preview)

    def accept(self) -> None:
        try:
            self._store.import_contestants(row.to_contestant() for row in self._valid)
        except FaceScoreError as error:  # the contest changed since the preview was read
            self.error.setText(describe_error(error))
            self.error.show()
            return
        super().accept()

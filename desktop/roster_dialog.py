"""Preview a roster file row by row, with each row's problems, before anything is imported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.errors import FaceScoreError
from desktop.i18n import describe_error, roster_problem, tr
from desktop.tables import read_only_table

PROBLEM_BACKGROUND = QColor("#fde0dc")
COLUMN_KEYS = ("roster.line", "contestant.number", "contestant.name", "contestant.division",
               "contestant.notes", "roster.problems")


class RosterImportDialog(QDialog):
    """Shows ``preview`` (core.roster.RosterPreview); Import stores its valid rows in one transaction."""

    def __init__(self, store, preview, path: Path, parent=None):
        super().__init__(parent)
        self._store = store
        self._valid = preview.valid_rows()
        self.setWindowTitle(tr("roster.title", file=Path(path).name))
        skipped = len(preview.rows) - len(self._valid)
        encoding = preview.encoding or tr("roster.workbook")
        self.summary = QLabel(tr("roster.summary", valid=len(self._valid), skipped=skipped,
                                 encoding=encoding), wordWrap=True)

        self.table = read_only_table(COLUMN_KEYS, len(preview.rows))
        for index, row in enumerate(preview.rows):
            problems = "; ".join(roster_problem(problem) for problem in row.problems)
            values = (str(row.line), row.number, row.name, row.division, row.notes,
                      problems or tr("roster.ok"))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if row.problems:
                    item.setBackground(PROBLEM_BACKGROUND)
                self.table.setItem(index, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMN_KEYS) - 1, QHeaderView.ResizeMode.Stretch)

        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(tr("roster.import", count=len(self._valid)),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(bool(self._valid))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(820, 460)

    def accept(self) -> None:
        try:
            self._store.import_contestants(row.to_contestant() for row in self._valid)
        except FaceScoreError as error:  # the contest changed since the preview was read
            self.error.setText(describe_error(error))
            self.error.show()
            return
        super().accept()

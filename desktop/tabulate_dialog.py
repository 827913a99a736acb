"""Contest → Tabulate judges' files…: choose each judge's contest file, see every mismatch between
them or the combined result per division, and export it (CSV, XLSX, or the PDF sheet to sign).

The files (perhaps on a slow USB stick) are read off the UI thread, each once; combining the
sheets read is quick and happens on the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker, Qt, QThread, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.criteria import Criterion, mark_text, printed_text
from core.errors import FaceScoreError
from core.store import read_judge_sheet
from core.tabulation import (
    DROP_EXTREMES_MINIMUM,
    JudgeSheet,
    Tabulation,
    TabulationError,
    find_mismatches,
    tabulate,
)
from core.tabulation_export import export_tabulation
from desktop import palette
from desktop.error_text import describe_error, describe_problem
from desktop.file_dialogs import choose_export_path, choose_open_paths
from desktop.tabulation_report import export_tabulation_pdf, state_text

PATH_ROLE = Qt.ItemDataRole.UserRole


def _marks_text(criterion: Criterion, combined: float | None, judges: tuple[float | None, ...]) -> str:
    """The combined mark, and under it every judge's mark in the order of the files."""
    return "\n".join((printed_text(combined, "–"),
                      " · ".join(mark_text(criterion, mark) or "–" for mark in judges)))


class SheetReader(QThread):
    """Reads judges' files one after the other: each as a JudgeSheet, or the FaceScoreError why not."""

    read = Signal(str, object)  # path, JudgeSheet or FaceScoreError

    def __init__(self, paths: list[str]):
        super().__init__()
        self._paths = paths

    def run(self) -> None:
        for path in self._paths:
            try:
                result = read_judge_sheet(path)
            except FaceScoreError as error:
                result = error
            self.read.emit(path, result)


class TabulateDialog(QDialog):
    combined = Signal()  # the files listed are read and their result (or their mismatches) is shown

    def __init__(self, folder: Path, parent=None):
        super().__init__(parent)
        self._folder = folder
        self._read: dict[str, object] = {}  # path -> JudgeSheet or FaceScoreError
        self._readers: list[SheetReader] = []
        self.tabulation: Tabulation | None = None
        self.setWindowTitle(self.tr("Tabulate judges' files"))
        self.files = QListWidget()
        self.files.setMaximumHeight(110)
        add = QPushButton(self.tr("Add judges' files…"))
        add.clicked.connect(self.choose_files)
        remove = QPushButton(self.tr("Remove file"))
        remove.clicked.connect(lambda: self.files.takeItem(self.files.currentRow()) and self.combine())
        self.drop_extremes = QCheckBox(self.tr("Drop each criterion's highest and lowest mark ({minimum} judges "
                                               "or more)").format(minimum=DROP_EXTREMES_MINIMUM))
        self.drop_extremes.toggled.connect(lambda _on: self.combine())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.mismatches = QListWidget()
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.choose_export)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        file_buttons = QHBoxLayout()
        for widget in (add, remove, self.drop_extremes):
            file_buttons.addWidget(widget)
        file_buttons.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.files)
        layout.addLayout(file_buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.mismatches, 1)
        layout.addWidget(self.table, 3)
        layout.addLayout(bottom)
        self.resize(1100, 640)
        self.combine()

    def choose_files(self) -> None:
        self.add_files(choose_open_paths(self, self.tr("Judges' contest files"),
                                         self.tr("Contest files (*.sqlite);;All files (*)"), self._folder,
                                         purpose="judges_files"))

    def add_files(self, paths: list[Path]) -> None:
        """List ``paths`` and read them; a file listed already is read again in its place (it may
        have been corrected), not listed twice."""
        listed = {Path(self.files.item(row).data(PATH_ROLE)).resolve(): self.files.item(row).data(PATH_ROLE)
                  for row in range(self.files.count())}
        unread = []
        for path in paths:
            known = listed.get(Path(path).resolve())
            if known is None:
                item = QListWidgetItem(str(path))
                item.setData(PATH_ROLE, str(path))
                self.files.addItem(item)
                known = listed[Path(path).resolve()] = str(path)
            unread.append(known)
        unread = list(dict.fromkeys(unread))
        for path in unread:
            self._read.pop(path, None)
        if unread:
            reader = SheetReader(unread)
            reader.read.connect(self._on_read)
            reader.finished.connect(lambda: self._readers.remove(reader))
            self._readers.append(reader)
            reader.start()
        self.combine()

    def _on_read(self, path: str, result) -> None:
        self._read[path] = result
        self.combine()

    def done(self, result: int) -> None:
        for reader in list(self._readers):
            reader.wait()
        super().done(result)

    def combine(self) -> None:
        """Show the mismatches between the files listed, or their combined result (once all are read)."""
        self.tabulation = None
        self.mismatches.clear()
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        items = [self.files.item(row) for row in range(self.files.count())]
        enough = len(items) >= DROP_EXTREMES_MINIMUM
        self.drop_extremes.setEnabled(enough)
        if not enough and self.drop_extremes.isChecked():
            with QSignalBlocker(self.drop_extremes):
                self.drop_extremes.setChecked(False)
        paths = [item.data(PATH_ROLE) for item in items]
        for item, path in zip(items, paths):
            if isinstance(self._read.get(path), JudgeSheet):
                item.setText(self.tr("{judge} — {file}").format(judge=self._read[path].judge or "?", file=path))
        if any(path not in self._read for path in paths):
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Reading the judges' files…"))
            self.mismatches.hide()
            self.table.hide()
            self.export_button.setEnabled(False)
            return
        unreadable = [describe_error(self._read[path]) for path in paths
                      if isinstance(self._read[path], FaceScoreError)]
        if unreadable:  # with what is wrong among the files that could be read: every problem at once
            readable = [self._read[path] for path in paths if isinstance(self._read[path], JudgeSheet)]
            mismatches = find_mismatches(readable) if readable else []
            self._show_problems(unreadable + [describe_problem(m) for m in mismatches])
        else:
            try:
                self.tabulation = tabulate([self._read[path] for path in paths],
                                           drop_extremes=self.drop_extremes.isChecked()) if paths else None
            except TabulationError as error:
                self._show_problems([describe_problem(m) for m in error.mismatches] or [describe_error(error)])
        if self.tabulation is not None:
            self._show_result(self.tabulation)
        elif not paths:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Add each judge's contest file of this contest (from their laptops, "
                                        "e.g. on a USB stick)."))
        self.mismatches.setVisible(self.mismatches.count() > 0)
        self.table.setVisible(self.tabulation is not None)
        self.export_button.setEnabled(self.tabulation is not None)
        self.combined.emit()

    def _show_problems(self, lines: list[str]) -> None:
        self.status.setText(self.tr("Nothing was combined: the files do not match (problems: {count}). "
                                    "Correct the files, then add them again.").format(count=len(lines)))
        self.status.setStyleSheet(palette.ERROR_EMPHASIS_STYLE)
        for line in lines:
            self.mismatches.addItem(line)

    def _show_result(self, tabulation: Tabulation) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("{contest}: {count} judges combined, ranked per division; a tie in the total "
                                    "goes to the higher mark in the first criterion, then the next (“=”: still "
                                    "tied). Under each combined mark, the judges' marks in this order: "
                                    "{judges}.").format(contest=tabulation.contest_name, count=len(tabulation.judges),
                                                        judges=" · ".join(tabulation.judges))
                            + " " + state_text(tabulation))
        criteria = tabulation.criteria
        headers = [self.tr("Division"), self.tr("Rank"), self.tr("No."), self.tr("Name")]
        headers += [f"{c.name} {c.weight:g} %" for c in criteria] + [self.tr("Total"), self.tr("Advisory score")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(tabulation.rows))
        for row, result in enumerate(tabulation.rows):
            ranked = result.ranked
            rank = "" if ranked.rank is None else f"{ranked.rank}{' =' if ranked.tie else ''}"
            values = [ranked.contestant.division, rank, ranked.contestant.number, ranked.contestant.name]
            values += [_marks_text(c, ranked.marks.get(c.name), result.judge_marks[c.name]) for c in criteria]
            values += [printed_text(ranked.total),
                       "" if result.advisory is None else f"{result.advisory:.2f}"]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if 4 <= column < 4 + len(criteria):
                    criterion = criteria[column - 4]
                    item.setToolTip("\n".join(f"{judge}: {mark_text(criterion, mark)}" for judge, mark
                                              in zip(tabulation.judges, result.judge_marks[criterion.name])))
                if column != 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if column == 1 and ranked.tie:
                    item.setForeground(QColor(palette.ERROR))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

    def choose_export(self) -> None:
        path = choose_export_path(self, self.tr("Export the tabulation"),
                                  "tabulation.pdf",
                                  self.tr("PDF sheet to sign (*.pdf);;CSV (*.csv);;Excel (*.xlsx)"))
        if path is not None:
            self.export(path)

    def export(self, path: Path) -> bool:
        try:
            if path.suffix.lower() == ".pdf":
                export_tabulation_pdf(self.tabulation, path)
            else:
                export_tabulation(self.tabulation, path)
        except FaceScoreError as error:
            self.status.setText(describe_error(error))
            self.status.setStyleSheet(palette.ERROR_EMPHASIS_STYLE)
            return False
        self.status.setText(self.tr("Exported to {path}.").format(path=str(path)))
        return True

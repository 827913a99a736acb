"""The judge's marks, keyboard first: type a mark, Tab to the next criterion, Enter to the next contestant.

A mark is checked as it is typed (characters that are not part of a number are not taken; an
incomplete, out-of-range or off-step one stays as typed and turns the cell red) and saved the
moment the cell is left, or when the judge pauses typing in it; one that is not valid is refused
with the reason, and stays in its cell to be corrected when Tab or Enter left it (a click elsewhere
closes the cell).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.criteria import Criterion, parse_mark
from core.errors import FaceScoreError
from desktop import palette
from desktop.division_proxy import DivisionProxy, keep_current_in_sight
from desktop.error_text import describe_error
from desktop.marks_model import DIVISION_COLUMN, MarksModel

NAME_MINIMUM_WIDTH = 180
SAVE_PAUSE_MS = 1000  # a valid mark is saved this long after the last key, its cell still open


class MarkValidator(QValidator):
    """Acceptable: a valid mark. Intermediate: text on its way to one (or empty). Invalid: anything else."""

    def __init__(self, criterion: Criterion, parent=None):
        super().__init__(parent)
        self._criterion = criterion

    def validate(self, text: str, position: int):
        stripped = text.strip().replace(",", ".")
        if not stripped:
            return QValidator.State.Intermediate, text, position
        if stripped.count(".") > 1 or not stripped.replace(".", "").isdigit():
            return QValidator.State.Invalid, text, position
        try:
            parse_mark(self._criterion, stripped)
        except FaceScoreError:  # out of range or off its steps: kept, red, and refused with the reason
            return QValidator.State.Intermediate, text, position
        return QValidator.State.Acceptable, text, position


class MarkDelegate(QStyledItemDelegate):
    """A line edit with the criterion's validator; Enter saves and goes to the next contestant. A valid
    mark is also saved when the judge pauses typing, so that it survives a crash with its cell open."""

    def __init__(self, grid: MarksGrid):
        super().__init__(grid)
        self._grid = grid

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        criterion = self._grid.marks.criterion_at(index.column())
        editor.setValidator(MarkValidator(criterion, editor))
        editor.textChanged.connect(lambda _text: editor.setStyleSheet(
            "" if editor.hasAcceptableInput() or not editor.text().strip() else palette.INVALID_STYLE))
        pause = QTimer(editor, singleShot=True, interval=SAVE_PAUSE_MS)
        pause.timeout.connect(lambda: editor.hasAcceptableInput() and self.commitData.emit(editor))
        editor.textEdited.connect(lambda _text: pause.start())
        return editor

    def setEditorData(self, editor, index) -> None:
        if not editor.isModified():  # the text being typed stays as typed when its saved value comes back
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)  # an invalid one is refused with its reason

    def eventFilter(self, editor, event) -> bool:
        """Tab, Shift+Tab and Enter save the mark (an empty cell clears it) and move on; a mark that
        is not valid stays in its cell with the reason shown, to be corrected."""
        moves = {Qt.Key.Key_Tab: QAbstractItemDelegate.EndEditHint.EditNextItem,
                 Qt.Key.Key_Backtab: QAbstractItemDelegate.EndEditHint.EditPreviousItem,
                 Qt.Key.Key_Return: None, Qt.Key.Key_Enter: None}
        if (event.type() == event.Type.FocusOut and event.reason() != Qt.FocusReason.PopupFocusReason
                and editor.text().strip() and not editor.hasAcceptableInput()):
            self.commitData.emit(editor)  # Qt would close it unsaved and unsaid: refused, with the reason shown
        if event.type() != event.Type.KeyPress or event.key() not in moves:
            return super().eventFilter(editor, event)
        self.commitData.emit(editor)
        if editor.text().strip() and not editor.hasAcceptableInput():
            return True
        if moves[event.key()] is None:
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._grid.next_contestant()
        else:
            self.closeEditor.emit(editor, moves[event.key()])
        return True


class MarksGrid(QTableView):
    """Tab and Shift+Tab move between the criteria a judge types; Enter goes down a row. Its rows are
    those of the division shown (``marks`` is the model of every contestant)."""

    def __init__(self, marks: MarksModel, parent=None):
        super().__init__(parent)
        self.marks = marks
        self.division_rows = DivisionProxy(self)
        self.division_rows.setSourceModel(marks)
        self.setModel(self.division_rows)

    def _mark_columns(self) -> list[int]:
        return [column for column in range(self.marks.columnCount()) if self.marks.is_mark_column(column)]

    def moveCursor(self, action, modifiers):
        columns, current = self._mark_columns(), self.currentIndex()
        forward = action == QAbstractItemView.CursorAction.MoveNext
        if action not in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious) \
                or not columns or not current.isValid():
            return super().moveCursor(action, modifiers)
        row, column = current.row(), current.column()
        later = [c for c in columns if (c > column if forward else c < column)]
        if later:
            return self.model().index(row, later[0] if forward else later[-1])
        row += 1 if forward else -1
        if not 0 <= row < self.model().rowCount():
            return current
        return self.model().index(row, columns[0] if forward else columns[-1])

    def next_contestant(self) -> None:
        """Enter: the first criterion of the next contestant, ready to type."""
        current = self.currentIndex()
        if current.isValid():
            self.start_at(current.row() + 1)

    def contestant_at(self, row: int):
        """The contestant of the grid's ``row`` (a row of the division shown)."""
        return self.marks.contestant_at(self.division_rows.mapToSource(self.division_rows.index(row, 0)).row())

    def row_of(self, contestant_id: int) -> int | None:
        """``contestant_id``'s row in the grid; None if not there or of a division not shown."""
        row = self.marks.row_of(contestant_id)
        shown = self.division_rows.mapFromSource(self.marks.index(row, 0)) if row is not None else None
        return shown.row() if shown is not None and shown.isValid() else None

    def start_at(self, row: int) -> None:
        columns = self._mark_columns()
        if columns and 0 <= row < self.model().rowCount():
            index = self.model().index(row, columns[0])
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def keyboardSearch(self, search: str) -> None:
        """None: keys typed where no mark can be (a finalized contest, the name column) would jump to
        another contestant, whom the capture panel would then follow."""

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self.next_contestant()
            return
        super().keyPressEvent(event)


class MarksPanel(QWidget):
    """The grid, a line naming whose marks these are, and a line saying why a mark was refused."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._store = None
        self._contestant_before: int | None = None  # kept across a change of the grid's rows
        self.model = MarksModel(self)
        self.judge_label = QLabel()
        self.judge_label.setStyleSheet("font-weight: 600;")
        self.judge_button = QPushButton()
        self.judge_button.clicked.connect(lambda: self.name_judge())
        self.model.modelAboutToBeReset.connect(self._remember_contestant)  # before the grid's rows go
        self.grid = MarksGrid(self.model)
        self.grid.setItemDelegate(MarkDelegate(self.grid))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.grid.setTabKeyNavigation(True)
        self.grid.verticalHeader().hide()
        self.grid.setAlternatingRowColors(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(palette.ERROR_STYLE)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        judge_row = QHBoxLayout()
        judge_row.addWidget(self.judge_label, 1)
        judge_row.addWidget(self.judge_button)
        layout.addLayout(judge_row)
        layout.addWidget(self.state_label)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.message)
        self.model.markRefused.connect(self.message.setText)
        self.model.dataChanged.connect(lambda *_args: self.message.clear())
        self.grid.model().modelReset.connect(self._layout_columns)
        self.grid.model().modelReset.connect(self._back_to_contestant)
        self.model.refreshed.connect(self.retranslate)
        self.retranslate()

    def set_store(self, store) -> None:
        self._store = store
        self.model.set_store(store)

    def name_judge(self, name: str | None = None) -> None:
        """Name the judge whose marks this contest file holds (asked for when ``name`` is None); audited."""
        if self._store is None:
            return
        if name is None:
            name, accepted = QInputDialog.getText(self, self.tr("Judge's name"),
                                                  self.tr("The judge whose marks this contest file holds:"),
                                                  text=self._store.judge_name)
            if not accepted:
                return
        if name.strip():
            try:
                self._store.judge_name = name
            except FaceScoreError as error:
                self.message.setText(describe_error(error))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1))

    def retranslate(self) -> None:
        """Every text of the panel, in the current language and for the contest's current state."""
        judge = self._store.judge_name if self._store is not None else ""
        self.judge_button.setText(self.tr("Judge's name…"))
        self.judge_button.setEnabled(self._store is not None and not (self.model.finalized and judge))
        self.judge_label.setText(self.tr("Marks of {judge}").format(judge=judge) if judge
                                 else self.tr("Marks (no judge's name yet)"))
        if not self.model.criteria:
            self.state_label.setText(self.tr("This contest has no criteria yet: define them with "
                                             "Contest → Criteria… before the first mark."))
        elif self.model.finalized:
            self.state_label.setText(self.tr("The contest is finalized: marks cannot change until it is "
                                             "reopened."))
        self.state_label.setVisible(self._store is not None and (not self.model.criteria or self.model.finalized))

    def _layout_columns(self) -> None:
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(48)
        self.grid.setColumnWidth(1, NAME_MINIMUM_WIDTH)

    def show_division(self, division: str | None) -> None:
        """Only ``division``'s rows (None: every division), as the results table shows; the contestant
        being marked stays current if shown, else the first shown."""
        self._remember_contestant()
        self.grid.division_rows.set_division(division)
        self.grid.setColumnHidden(DIVISION_COLUMN, division is not None)  # as the results table does
        self._back_to_contestant()

    def _remember_contestant(self) -> None:
        current = self.grid.currentIndex()
        self._contestant_before = self.grid.contestant_at(current.row()).id if current.isValid() else None

    def _back_to_contestant(self) -> None:
        """After the roster, the criteria or the division shown change, the same contestant's row
        (the first shown if they are gone)."""
        row = self.grid.row_of(self._contestant_before) if self._contestant_before is not None else None
        if row is None or row != self.grid.currentIndex().row():
            self.grid.start_at(0 if row is None else row)
        else:  # the cell in hand stays
            keep_current_in_sight(self.grid)

    def show_contestant(self, contestant_id: int) -> None:
        """Make ``contestant_id``'s row the current one, at its first criterion (if its division is shown)."""
        row = self.grid.row_of(contestant_id)
        if row is not None:
            self.grid.start_at(row)

    def focus_grid(self) -> None:
        self.grid.setFocus()
        if not self.grid.currentIndex().isValid():
            self.grid.start_at(0)


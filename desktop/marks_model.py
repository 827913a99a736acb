"""The judge's marks grid: one row per contestant (by division, then number), one column per criterion,
then the weighted total, the rank in the division and the advisory face score beside them.

Rows keep their order while marks change (the judge types down the list); the total and
rank columns follow every mark at once. Editing a mark cell stores the mark through the
store (validated there, audited, refused while finalized); a refusal is reported through
:attr:`MarksModel.markRefused`.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from core.contest import natural_key
from core.criteria import Criterion, mark_text, parse_mark, printed_text, with_advisory
from core.errors import FaceScoreError
from core.score import NATIVE_SCALE, ScoreScale
from core.tabulation import RankedTotal, rank_by_division
from desktop import palette
from desktop.error_text import describe_error
from desktop.results_model import CONTESTANT_ID_ROLE
from desktop.store_bridge import StoreBridge

FIXED_BEFORE = 3  # number, name, division
DIVISION_COLUMN = 2
FIXED_AFTER = 3  # total, rank, advisory score


class MarksModel(QAbstractTableModel):
    markRefused = Signal(str)  # why a typed mark was not stored, in the current language
    refreshed = Signal()  # after every reread of the store (criteria, judge, finalized may have changed)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._store = None
        self._bridge: StoreBridge | None = None
        self._criteria: tuple[Criterion, ...] = ()
        self._contestants = []
        self._marks: dict[int, dict[str, float]] = {}
        self._ranked: dict[int, RankedTotal] = {}
        self._captures = {}
        self._finalized = False
        self._scale = NATIVE_SCALE

    # -- inputs -----------------------------------------------------------------

    def set_store(self, store) -> None:
        if self._bridge is not None:
            self._bridge.detach()
            self._bridge.deleteLater()
            self._bridge = None
        self._store = store
        if store is not None:
            self._bridge = StoreBridge(store, self)
            self._bridge.changed.connect(lambda _changes: self.refresh())
        self.refresh()

    def set_scale(self, scale: ScoreScale) -> None:
        """Show the advisory scores on ``scale`` (the judge's display setting)."""
        self._scale = scale
        self.refresh()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return self._criteria

    @property
    def finalized(self) -> bool:
        """Marks cannot change (the store refuses them) until the contest is reopened."""
        return self._finalized

    def refresh(self) -> None:
        """Reread the store; keeps rows and columns (and so the current cell) when they did not change."""
        store = self._store
        criteria = store.criteria if store else ()
        contestants = sorted(store.contestants() if store else [],
                             key=lambda c: (c.division == "", c.division.casefold(), natural_key(c.number)))
        self._marks = store.marks() if store else {}
        self._captures = store.current_captures() if store else {}
        self._finalized = store.finalized if store else False
        structure_same = (criteria == self._criteria
                          and [c.id for c in contestants] == [c.id for c in self._contestants])
        if not structure_same:
            self.beginResetModel()
        self._criteria, self._contestants = criteria, contestants
        self._rank()
        if structure_same:
            if self._contestants:
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        else:
            self.endResetModel()
        self.refreshed.emit()

    def _rank(self) -> None:
        entries = []
        for contestant in self._contestants:
            capture = self._captures.get(contestant.id)
            entries.append((contestant, with_advisory(self._criteria, self._marks.get(contestant.id, {}),
                                                      None if capture is None else capture.score)))
        self._ranked = {row.contestant.id: row for row in rank_by_division(self._criteria, entries)}

    # -- columns ----------------------------------------------------------------

    def criterion_at(self, column: int) -> Criterion | None:
        index = column - FIXED_BEFORE
        return self._criteria[index] if 0 <= index < len(self._criteria) else None

    def is_mark_column(self, column: int) -> bool:
        criterion = self.criterion_at(column)
        return criterion is not None and not criterion.advisory

    @property
    def total_column(self) -> int:
        return FIXED_BEFORE + len(self._criteria)

    def contestant_at(self, row: int):
        return self._contestants[row]

    def division_of(self, row: int) -> str:
        return self._contestants[row].division

    def row_of(self, contestant_id: int) -> int | None:
        return next((row for row, c in enumerate(self._contestants) if c.id == contestant_id), None)

    # -- QAbstractTableModel ----------------------------------------------------

    def rowCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._contestants)

    def columnCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else FIXED_BEFORE + len(self._criteria) + FIXED_AFTER

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        criterion = self.criterion_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if criterion is not None:
                return f"{criterion.name}\n{criterion.weight:g} %"
            labels = [self.tr("No."), self.tr("Name"), self.tr("Division")]
            after = [self.tr("Total"), self.tr("Rank"), self.tr("Advisory\nscore") if self._scale == NATIVE_SCALE
                     else self.tr("Advisory\nscore ({scale})").format(scale=self._scale.label)]
            return (labels + after)[section if section < FIXED_BEFORE else section - len(self._criteria)]
        if role == Qt.ItemDataRole.ToolTipRole:
            if criterion is not None and criterion.advisory:
                return self.tr("The advisory face score (1–5) mapped onto {low}–{high}; not typed.").format(
                    low=f"{criterion.low:g}", high=f"{criterion.high:g}")
            if criterion is not None:
                return self.tr("Type a mark from {low} to {high} in steps of {step}; Tab: next criterion, "
                               "Enter: next contestant.").format(
                    low=f"{criterion.low:g}", high=f"{criterion.high:g}", step=f"{criterion.step:g}")
            if section == self.total_column:
                return self.tr("Weighted total out of 100: the sum of weight × mark ÷ highest mark.")
            if section == self.total_column + 1:
                return self.tr("Rank in the division by total; a tie goes to the higher mark in the first "
                               "criterion, then the next. “=” marks a tie that remains.")
        return None

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        if self.is_mark_column(index.column()) and not self._finalized:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        contestant = self._contestants[index.row()]
        column = index.column()
        criterion = self.criterion_at(column)
        ranked = self._ranked.get(contestant.id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if criterion is not None:
                return mark_text(criterion, ranked.marks.get(criterion.name) if ranked else None)
            return self._display(contestant, ranked, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (1, 2):
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and criterion is not None and criterion.advisory:
            return QColor(palette.MUTED)
        if role == Qt.ItemDataRole.BackgroundRole and self.is_mark_column(column) and not self._finalized:
            return QColor(palette.EDITABLE_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return contestant.name
        if role == CONTESTANT_ID_ROLE:
            return contestant.id
        return None

    def _display(self, contestant, ranked: RankedTotal | None, column: int) -> str | None:
        if column < FIXED_BEFORE:
            return (contestant.number, contestant.name, contestant.division)[column]
        if column == self.total_column:
            return "" if ranked is None else printed_text(ranked.total)
        if column == self.total_column + 1:
            return "" if ranked is None or ranked.rank is None else f"{ranked.rank}{' =' if ranked.tie else ''}"
        capture = self._captures.get(contestant.id)
        return "" if capture is None else capture.to_score().formatted(self._scale)

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:
        criterion = self.criterion_at(index.column())
        if role != Qt.ItemDataRole.EditRole or not self.is_mark_column(index.column()) or self._store is None:
            return False
        contestant = self._contestants[index.row()]
        text = str(value).strip()
        try:
            mark = parse_mark(criterion, text) if text else None
            self._store.set_mark(contestant.id, criterion.name, mark)
        except FaceScoreError as error:
            self.markRefused.emit(self.tr("No. {number} {name}: {reason} Not saved.").format(
                number=contestant.number, name=contestant.name, reason=describe_error(error)))
            return False
        return True

"""The results table: every contestant of the open contest with its current score and rank.

Rows stay in contestant-id order (new contestants are appended, removed ones
taken out with begin/end calls), so selections survive updates; the proxy
sorts them for display. Store changes, from any thread, arrive through a Qt
signal and are coalesced on a short timer into one refresh.
"""

from __future__ import annotations

import bisect
import enum
import math

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QPixmap

from core.contest import Capture, natural_key
from core.ranking import RankedRow, division_key, rank, rank_text
from core.score import NATIVE_SCALE, ScoreScale, percentile_text
from desktop import palette
from desktop.division_proxy import DivisionProxy
from desktop.store_bridge import StoreBridge

THUMBNAIL_SIZE = 44
CONTESTANT_ID_ROLE = Qt.ItemDataRole.UserRole
REFRESH_DELAY_MS = 30


class Column(enum.IntEnum):
    PHOTO = 0
    NUMBER = enum.auto()
    NAME = enum.auto()
    DIVISION = enum.auto()
    SCORE = enum.auto()
    LEVEL = enum.auto()
    PERCENTILE = enum.auto()
    RANK = enum.auto()
    TIE = enum.auto()


HEADERS = {
    Column.PHOTO: QT_TRANSLATE_NOOP("ResultsModel", "Photo"),
    Column.NUMBER: QT_TRANSLATE_NOOP("ResultsModel", "No."),
    Column.NAME: QT_TRANSLATE_NOOP("ResultsModel", "Name"),
    Column.DIVISION: QT_TRANSLATE_NOOP("ResultsModel", "Division"),
    Column.SCORE: QT_TRANSLATE_NOOP("ResultsModel", "Score"),
    Column.LEVEL: QT_TRANSLATE_NOOP("ResultsModel", "Level"),
    Column.PERCENTILE: QT_TRANSLATE_NOOP("ResultsModel", "Percentile"),
    Column.RANK: QT_TRANSLATE_NOOP("ResultsModel", "Rank"),
    Column.TIE: QT_TRANSLATE_NOOP("ResultsModel", "Tie"),
}


def header_label(column: Column, scale: ScoreScale = NATIVE_SCALE) -> str:
    """A results column's heading in the current language (the dialogs show the same headings); the
    score's names ``scale`` unless it is the raters' own 1–5."""
    if column == Column.SCORE and scale != NATIVE_SCALE:
        return QCoreApplication.translate("ResultsModel", "Score ({scale})").format(scale=scale.label)
    return QCoreApplication.translate("ResultsModel", HEADERS[column])


def rank_rule_text() -> str:
    """core.ranking's rank-range rule in the current language (table tooltips, results sheet)."""
    return QCoreApplication.translate(
        "ResultsModel", "Ranked within the division. A contestant is placed surely above another only when its "
                        "score is higher by at least the mean of their two errors; the range in brackets is every "
                        "place that leaves possible, and a range means a tie.")


# The reference population as the bundled model's card names it (training/export.py writes it), listed
# for the translation tools; another card's own words are shown as they are.
KNOWN_POPULATIONS = (QT_TRANSLATE_NOOP("ModelCard", "the 5500 faces of SCUT-FBP5500 (Asian and Caucasian adults), "
                                                    "by their mean rating from 60 volunteers"),)


def population_text(card) -> str:
    """The card's percentile reference population, in the app's language where the app knows it."""
    return QCoreApplication.translate("ModelCard", card.percentile_population)


def not_captured() -> str:
    return QCoreApplication.translate("ResultsModel", "not captured")


class CaptureTexts(QObject):
    """Texts about a stored capture that more than one view shows (in a class: the translation tools
    find the plural forms of self.tr only)."""

    def scored_from(self, capture: Capture) -> str:
        """What a capture was scored from: the frames of a camera burst, or the photos imported."""
        count = capture.frames_used
        return self.tr("%n photos", "", count) if capture.source == "file" else self.tr("%n frames", "", count)


class ResultsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._store = None
        self._bridge: StoreBridge | None = None
        self._rows: list[RankedRow] = []
        self._card = None
        self._scale = NATIVE_SCALE
        self._thumbnails: dict[int, QPixmap] = {}  # capture id -> thumbnail
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)

    # -- inputs -----------------------------------------------------------------

    def set_store(self, store) -> None:
        """Show ``store`` (None: nothing)."""
        if self._bridge is not None:
            self._bridge.detach()
            self._bridge.deleteLater()
            self._bridge = None
        self.beginResetModel()
        self._store = store
        self._rows = []
        self._thumbnails.clear()
        self.endResetModel()
        if store is not None:
            self._bridge = StoreBridge(store, self)
            self._bridge.changed.connect(self._schedule_refresh)
            self.refresh()

    def set_model_card(self, card) -> None:
        """The percentile header names the card's population."""
        self._card = card
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self.refresh()

    def set_scale(self, scale: ScoreScale) -> None:
        """Show scores, error bands and spreads on ``scale``; ranks and ties stay on 1–5."""
        self._scale = scale
        self.retranslate()

    def ranked_rows(self) -> list[RankedRow]:
        """The rows in rank order, as exported."""
        return rank((row.contestant, row.capture) for row in self._rows)

    def _schedule_refresh(self, _changes) -> None:
        self._refresh_timer.start()

    def refresh(self) -> None:
        self._refresh_timer.stop()
        if self._store is None:
            return
        ranked = rank(self._store.results())
        new_by_id = {row.contestant.id: row for row in ranked}
        for index in reversed(range(len(self._rows))):
            if self._rows[index].contestant.id not in new_by_id:
                self.beginRemoveRows(QModelIndex(), index, index)
                del self._rows[index]
                self.endRemoveRows()
        ids = [row.contestant.id for row in self._rows]
        for contestant_id in sorted(new_by_id.keys() - set(ids)):
            position = bisect.bisect(ids, contestant_id)
            self.beginInsertRows(QModelIndex(), position, position)
            ids.insert(position, contestant_id)
            self._rows.insert(position, new_by_id[contestant_id])
            self.endInsertRows()
        self._rows = [new_by_id[contestant_id] for contestant_id in ids]
        photos = {row.capture.id for row in self._rows if row.capture and row.capture.crop_png}
        self._thumbnails = {key: pixmap for key, pixmap in self._thumbnails.items()
                            if key in photos}  # none of deleted or replaced photos
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))

    # -- lookups ----------------------------------------------------------------

    def row_of(self, index: int) -> RankedRow:
        return self._rows[index]

    def division_of(self, index: int) -> str:
        return self._rows[index].contestant.division

    def row_for_contestant(self, contestant_id: int) -> int | None:
        for index, row in enumerate(self._rows):
            if row.contestant.id == contestant_id:
                return index
        return None

    def sort_key(self, index: int, column: int):
        row = self._rows[index]
        capture, number = row.capture, natural_key(row.contestant.number)
        if column == Column.NAME:
            return row.contestant.name.casefold(), number
        if column == Column.DIVISION:
            return row.contestant.division.casefold(), number
        if column in (Column.SCORE, Column.LEVEL, Column.PERCENTILE, Column.PHOTO):
            value = {Column.SCORE: "score", Column.LEVEL: "level", Column.PERCENTILE: "percentile",
                     Column.PHOTO: "score"}[Column(column)]
            return (getattr(capture, value) if capture else -math.inf), number
        if column in (Column.RANK, Column.TIE):  # ranks count within a division
            return division_key(row.division), (row.rank if row.rank is not None else math.inf), number
        return number

    # -- QAbstractTableModel ----------------------------------------------------

    def rowCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return header_label(column, self._scale)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tooltip(column)
        return None

    def _header_tooltip(self, column: Column) -> str | None:
        if column == Column.SCORE:
            return self.tr("Predicted mean rating of the raters (their scale is 1–5), shown on {scale} ± its "
                           "typical error. Advisory: one input for the judges, never the sole ranking.").format(
                scale=self._scale.label)
        if column == Column.LEVEL:
            return self.tr("Level 1–5: the score rounded up to a whole step of the scale.")
        if column == Column.PERCENTILE:
            if self._card is None:
                return self.tr("Percent of the reference faces rated lower (the model card names them once "
                               "the model is loaded).")
            return self.tr("Percent of the reference population rated lower: {population}. Not a percentage "
                           "of people in general.").format(population=population_text(self._card))
        if column in (Column.RANK, Column.TIE):
            return rank_rule_text()
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.PHOTO and row.capture and row.capture.crop_png:
            return self._thumbnail(row.capture)  # none once the contest's photos are deleted
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (Column.NAME, Column.DIVISION):
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.SCORE and row.capture is None:
            return QColor(palette.ABSENT)
        if role == CONTESTANT_ID_ROLE:
            return row.contestant.id
        return None

    def _display(self, row: RankedRow, column: Column) -> str | None:
        capture = row.capture
        if column == Column.NUMBER:
            return row.contestant.number
        if column == Column.NAME:
            return row.contestant.name
        if column == Column.DIVISION:
            return row.contestant.division
        if column == Column.SCORE:
            return capture.to_score().formatted(self._scale) if capture else not_captured()
        if capture is None:
            return None
        if column == Column.LEVEL:
            return str(capture.level)
        if column == Column.PERCENTILE:
            return percentile_text(capture.percentile)
        if column == Column.RANK:
            return rank_text(row)
        if column == Column.TIE:
            return self.tr("tie") if row.tie else ""
        return None

    def _tooltip(self, row: RankedRow, column: Column) -> str | None:
        capture = row.capture
        if column == Column.SCORE and capture:
            return self.tr("Scored from {used}, spread {spread} · taken {time} · model {model}. Double-click "
                           "for every capture (Ctrl+H).").format(
                used=CaptureTexts().scored_from(capture), spread=self._scale.width_text(capture.spread),
                time=capture.captured_at, model=capture.model_version)
        if column == Column.TIE and row.tie:
            return rank_rule_text()
        if column == Column.NAME:  # the full name, which a narrow column elides
            return "\n".join(filter(None, (row.contestant.name, row.contestant.notes)))
        return None

    def divisions(self) -> list[str]:
        """The divisions of the contestants shown, in ranking order ("" for those without one)."""
        return sorted({row.division for row in self._rows}, key=division_key)

    def _thumbnail(self, capture) -> QPixmap:
        if capture.id not in self._thumbnails:
            pixmap = QPixmap()
            pixmap.loadFromData(capture.crop_png, "PNG")
            self._thumbnails[capture.id] = pixmap.scaled(
                THUMBNAIL_SIZE, THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
        return self._thumbnails[capture.id]


class ResultsProxy(DivisionProxy):
    """Sorts by the model's Python sort keys (natural numbers, unscored last by rank; by rank, the
    divisions stay grouped) and shows one division or all of them."""

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        model = self.sourceModel()
        return model.sort_key(left.row(), left.column()) < model.sort_key(right.row(), right.column())

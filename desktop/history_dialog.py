"""One contestant's captures, newest first: the current one counts in the ranking, the ones a
retake replaced stay on record. Read-only; it follows the store while it is open."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.score import NATIVE_SCALE, ScoreScale, percentile_text
from desktop import palette
from desktop.results_model import CaptureTexts, Column, header_label
from desktop.store_bridge import follow_store
from desktop.tables import read_only_table

PHOTO_SIZE = 64
STATUS_COLUMN = 4  # after photo, score, level and percentile


def local_time(captured_at: str) -> str:
    """An ISO-8601 UTC time stamp as this computer's local date and time."""
    return datetime.fromisoformat(captured_at).astimezone().strftime("%Y-%m-%d %H:%M:%S")


class HistoryDialog(QDialog):
    """Every capture of ``contestant`` in ``store``, scores on ``scale``; reloads when the store's
    captures change."""

    def __init__(self, store, contestant, scale: ScoreScale = NATIVE_SCALE, parent=None):
        super().__init__(parent)
        self._store = store
        self._scale = scale
        self._contestant_id = contestant.id
        self.setWindowTitle(self.tr("Capture history: No. {number} {name}").format(
            number=contestant.number, name=contestant.name))
        heading = QLabel(self.tr("No. {number} · {name}").format(number=contestant.number, name=contestant.name))
        heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.summary = QLabel(wordWrap=True)
        self.table = read_only_table(
            [header_label(column, scale) for column in (Column.PHOTO, Column.SCORE, Column.LEVEL, Column.PERCENTILE)]
            + [self.tr("Status"), self.tr("Scored from"), self.tr("Spread"), self.tr("Source"), self.tr("Taken"),
               self.tr("Model")])  # the model's long version last, where the table may be scrolled to it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setDefaultSectionSize(PHOTO_SIZE + 8)
        self.table.setIconSize(QSize(PHOTO_SIZE, PHOTO_SIZE))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1000, 400)

        self._bridge = follow_store(self, store, self._on_store_changed)
        self._reload()

    def _on_store_changed(self, changes) -> None:
        if changes.captures:
            self._reload()

    def _reload(self) -> None:
        captures = self._store.history(self._contestant_id)[::-1]
        self.summary.setText(self.tr("%n captures, newest first. Only the current one counts in the ranking; "
                                     "the ones a retake replaced stay on record.", "", len(captures)))
        self.table.setRowCount(len(captures))
        for row, capture in enumerate(captures):
            photo = QTableWidgetItem()
            pixmap = QPixmap()
            pixmap.loadFromData(capture.crop_png, "PNG")
            photo.setData(Qt.ItemDataRole.DecorationRole, pixmap.scaled(
                PHOTO_SIZE, PHOTO_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
            self.table.setItem(row, 0, photo)
            values = (capture.to_score().formatted(self._scale), str(capture.level),
                      percentile_text(capture.percentile),
                      self.tr("Current") if capture.current else self.tr("Replaced"), CaptureTexts().scored_from(capture),
                      self._scale.width_text(capture.spread),
                      self.tr("Photo file") if capture.source == "file" else self.tr("Camera"),
                      local_time(capture.captured_at), capture.model_version)
            for column, value in enumerate(values, start=1):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
            status = self.table.item(row, STATUS_COLUMN)
            status.setForeground(QColor(palette.GOOD if capture.current else palette.ABSENT))
            if capture.current:
                font = QFont(status.font())
                font.setBold(True)
                status.setFont(font)
                for column in range(self.table.columnCount()):
                    self.table.item(row, column).setBackground(QColor(palette.CURRENT_BACKGROUND))

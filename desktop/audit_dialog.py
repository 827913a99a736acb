"""Contest → Audit log…: every recorded change of the contest, oldest first, with the judge's name and
what changed; exported as CSV. It follows the store while it is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
)

from core.errors import FaceScoreError
from desktop.error_text import describe_error
from desktop.file_dialogs import choose_export_path
from desktop.history_dialog import local_time
from desktop.store_bridge import follow_store
from desktop.tables import WrappedTextDelegate, read_only_table

ACTIONS = {  # core.store's audit actions
    "judge_named": QT_TRANSLATE_NOOP("AuditLogDialog", "judge named"),
    "contest_renamed": QT_TRANSLATE_NOOP("AuditLogDialog", "contest renamed"),
    "contestant_added": QT_TRANSLATE_NOOP("AuditLogDialog", "contestant added"),
    "contestant_imported": QT_TRANSLATE_NOOP("AuditLogDialog", "contestant imported"),
    "contestant_edited": QT_TRANSLATE_NOOP("AuditLogDialog", "contestant edited"),
    "contestant_removed": QT_TRANSLATE_NOOP("AuditLogDialog", "contestant removed"),
    "contestant_restored": QT_TRANSLATE_NOOP("AuditLogDialog", "contestant restored"),
    "capture": QT_TRANSLATE_NOOP("AuditLogDialog", "capture"),
    "retake": QT_TRANSLATE_NOOP("AuditLogDialog", "retake"),
    "photo_import": QT_TRANSLATE_NOOP("AuditLogDialog", "photo imported"),
    "finalized": QT_TRANSLATE_NOOP("AuditLogDialog", "finalized"),
    "reopened": QT_TRANSLATE_NOOP("AuditLogDialog", "reopened"),
    "exported": QT_TRANSLATE_NOOP("AuditLogDialog", "exported"),
    "photos_deleted": QT_TRANSLATE_NOOP("AuditLogDialog", "photos deleted"),
    "restored_from_backup": QT_TRANSLATE_NOOP("AuditLogDialog", "restored from a backup"),
    "criteria_set": QT_TRANSLATE_NOOP("AuditLogDialog", "criteria set"),
    "marked": QT_TRANSLATE_NOOP("AuditLogDialog", "mark entered"),
    "mark_cleared": QT_TRANSLATE_NOOP("AuditLogDialog", "mark cleared"),
}
FIELDS = {  # the fields core.store records; a mark's field is its criterion's name, shown as it is
    "number": QT_TRANSLATE_NOOP("AuditLogDialog", "number"),
    "name": QT_TRANSLATE_NOOP("AuditLogDialog", "name"),
    "division": QT_TRANSLATE_NOOP("AuditLogDialog", "division"),
    "notes": QT_TRANSLATE_NOOP("AuditLogDialog", "notes"),
    "judge": QT_TRANSLATE_NOOP("AuditLogDialog", "judge"),
    "criteria": QT_TRANSLATE_NOOP("AuditLogDialog", "criteria"),
    "file": QT_TRANSLATE_NOOP("AuditLogDialog", "file"),
    "photos": QT_TRANSLATE_NOOP("AuditLogDialog", "photos"),
    "backup": QT_TRANSLATE_NOOP("AuditLogDialog", "backup"),
    "head_judge": QT_TRANSLATE_NOOP("AuditLogDialog", "head judge"),
    "reason": QT_TRANSLATE_NOOP("AuditLogDialog", "reason"),
}
CONTESTANT_COLUMN, CHANGE_COLUMN = 3, 4
CONTESTANT_WIDTH_MAX = 260  # px: a long name is elided (in full in its tooltip), so that the change stays in view


def action_text(action: str) -> str:
    return QCoreApplication.translate("AuditLogDialog", ACTIONS[action]) if action in ACTIONS else action


def field_text(field: str) -> str:
    return QCoreApplication.translate("AuditLogDialog", FIELDS[field]) if field in FIELDS else field


def change_text(before: dict | None, after: dict | None) -> str:
    """What a change replaced and wrote, in one line: "name: Ann → Ann Lee", "3.52 ± 0.29 → 3.61 ± 0.29"
    for a capture (the CSV export keeps every field), or the values written."""
    if "score" in (after or before or {}):
        return " → ".join(f"{side['score']:.2f} ± {side['error']:.2f}" for side in (before, after) if side)
    if before and after:
        return "; ".join(f"{field_text(key)}: {before.get(key, '')} → {after.get(key, '')}"
                         for key in _in_field_order(set(before) | set(after)) if before.get(key) != after.get(key))
    values = after or before or {}
    return "; ".join(f"{field_text(key)}: {values[key]}" for key in _in_field_order(values))


def _in_field_order(keys) -> list[str]:
    """Number, name, division, … as FIELDS lists them; a criterion's name after them, alphabetically."""
    order = list(FIELDS)
    return sorted(keys, key=lambda key: (order.index(key) if key in order else len(order), key))


class AuditLogDialog(QDialog):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self._store = store
        self.setWindowTitle(self.tr("Audit log"))
        self.summary = QLabel(wordWrap=True)
        self.table = read_only_table([self.tr("Time"), self.tr("Judge"), self.tr("Action"), self.tr("Contestant"),
                                      self.tr("Change")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CONTESTANT_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(True)  # a long change takes two lines or more, not an ellipsis
        self.table.setItemDelegateForColumn(CHANGE_COLUMN, WrappedTextDelegate(self.table))
        self._rewrap = QTimer(self, singleShot=True, interval=0)  # once the columns have their new widths
        self._rewrap.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_args: self._rewrap.start())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(self.tr("Export CSV…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 520)
        self._bridge = follow_store(self, store, lambda _changes: self._reload())
        self._reload()

    def _reload(self) -> None:
        first = self.table.rowCount() == 0
        entries = self._store.audit_log()
        people = {c.id: f"{c.number} {c.name}" for c in self._store.contestants() + self._store.removed_contestants()}
        self.summary.setText(self.tr("{count} recorded changes, oldest first. The log cannot be edited.").format(
            count=len(entries)))
        header = self.table.horizontalHeader()
        modes = [header.sectionResizeMode(column) for column in range(header.count())]
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # sized once below, not at every item
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (local_time(entry.at), entry.judge, action_text(entry.action),
                      people.get(entry.contestant_id, ""), change_text(entry.before, entry.after))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        for column, mode in enumerate(modes):
            header.setSectionResizeMode(column, mode)
        if first:  # later, a width the judge set stays
            self.table.resizeColumnToContents(CONTESTANT_COLUMN)
            self.table.setColumnWidth(CONTESTANT_COLUMN,
                                      min(CONTESTANT_WIDTH_MAX, self.table.columnWidth(CONTESTANT_COLUMN)))
        self.table.resizeRowsToContents()
        self.table.scrollToBottom()

    def export_csv(self, path: Path | None = None) -> bool:
        path = path or choose_export_path(self, self.tr("Export the audit log"), f"{self._store.path.stem}-audit.csv",
                                          self.tr("CSV (*.csv)"))
        if path is None:
            return False
        from core.export import export_audit

        try:
            export_audit(self._store.audit_log(), path,
                         self._store.contestants() + self._store.removed_contestants())
        except FaceScoreError as error:
            self.summary.setText(describe_error(error))
            return False
        return True

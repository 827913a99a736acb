"""The Contestants menu: add, edit, remove and bring back contestants, their capture history, and
importing a roster.

The rules are core's (core.store, core.roster); this object only opens the dialogs, confirms and
reports.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QKeySequence

from core.errors import FaceScoreError
from desktop.actions import ActionSet
from desktop.alerts import confirm, open_dialog, show_error
from desktop.contestant_dialog import ContestantDialog
from desktop.error_text import describe_error
from desktop.file_dialogs import choose_open_path
from desktop.history_dialog import HistoryDialog
from desktop.removed_dialog import RemovedDialog
from desktop.results_table import HISTORY_COLUMNS
from desktop.roster_dialog import RosterImportDialog


class ContestantActions(QObject):
    """Actions on the contestants of ``window`` (a MainWindow: its ``store``, ``busy``,
    ``score_scale``, ``selected_row()`` and status bar)."""

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self._actions = ActionSet(window, "ContestantActions")
        add = self._actions.add
        self.add_action = add(QT_TRANSLATE_NOOP("ContestantActions", "Add contestant…"), self.add_contestant,
                              "Ctrl+N")
        self.edit_action = add(QT_TRANSLATE_NOOP("ContestantActions", "Edit contestant…"), self.edit_contestant,
                               "F2")
        self.remove_action = add(QT_TRANSLATE_NOOP("ContestantActions", "Remove contestant…"), self.remove_contestant,
                                 QKeySequence.StandardKey.Delete)
        self.removed_action = add(QT_TRANSLATE_NOOP("ContestantActions", "Removed contestants…"), self.show_removed)
        self.history_action = add(QT_TRANSLATE_NOOP("ContestantActions", "Capture history…"), self.show_history,
                                  "Ctrl+H")
        self.roster_action = add(QT_TRANSLATE_NOOP("ContestantActions", "Import roster…"), self.import_roster,
                                 "Ctrl+R")

    @property
    def actions(self):
        """The Contestants menu's entries, None for a separator."""
        return [self.add_action, self.edit_action, self.remove_action, self.removed_action, self.history_action,
                None, self.roster_action]

    def retranslate(self) -> None:
        self._actions.retranslate()

    def update_actions(self) -> None:
        row = self._window.selected_row()
        idle = not self._window.busy
        self.edit_action.setEnabled(row is not None and idle)
        self.remove_action.setEnabled(row is not None and idle)
        self.history_action.setEnabled(row is not None and row.capture is not None)
        for action in (self.add_action, self.roster_action, self.removed_action):
            action.setEnabled(self._window.store is not None)

    def _selected(self):
        """The selected contestant, when one may be changed now."""
        row = self._window.selected_row()
        return None if row is None or self._window.busy else row.contestant

    def add_contestant(self) -> ContestantDialog | None:
        store = self._window.store
        return None if store is None else open_dialog(ContestantDialog(store, None, self._window))

    def edit_contestant(self) -> ContestantDialog | None:
        contestant = self._selected()
        if contestant is None:
            return None
        return open_dialog(ContestantDialog(self._window.store, contestant, self._window))

    def show_history(self) -> HistoryDialog | None:
        row = self._window.selected_row()
        if row is None or row.capture is None:
            return None
        return open_dialog(HistoryDialog(self._window.store, row.contestant, self._window.score_scale,
                                         self._window))

    def open_from_table(self, index) -> None:
        """A double click: the history from the score columns, else the contestant's details."""
        if index.column() in HISTORY_COLUMNS and self.history_action.isEnabled():
            self.show_history()
        else:
            self.edit_contestant()

    def remove_contestant(self) -> None:
        contestant = self._selected()
        if contestant is None:
            return
        store = self._window.store
        confirm(self._window, self.tr("Remove contestant"),
                self.tr("Remove No. {number} {name} from this contest? Their scores are kept in the contest file "
                        "but no longer shown.").format(number=contestant.number, name=contestant.name),
                lambda: self._remove(store, contestant))

    def _remove(self, store, contestant) -> None:
        try:
            store.remove_contestant(contestant.id)
        except FaceScoreError as error:
            show_error(self._window, self.tr("Remove contestant"), describe_error(error))
            return
        self._window.statusBar().showMessage(
            self.tr("No. {number} {name} removed; Contestants → Removed contestants… brings them back.").format(
                number=contestant.number, name=contestant.name), 8000)

    def show_removed(self) -> RemovedDialog | None:
        store = self._window.store
        return None if store is None else open_dialog(RemovedDialog(store, self._window.score_scale, self._window))

    def import_roster(self, path: Path | None = None) -> RosterImportDialog | None:
        store = self._window.store
        if store is None:
            return None
        path = path or choose_open_path(self._window, self.tr("Import roster"),
                                        self.tr("Rosters (*.csv *.txt *.xlsx *.xlsm)"))
        if path is None:
            return None
        from core.roster import read_roster

        def read(sheet: str | None = None):
            return read_roster(path, [c.number for c in store.contestants()], sheet)

        try:
            preview = read()
        except FaceScoreError as error:
            show_error(self._window, self.tr("Cannot import the roster"), describe_error(error))
            return None
        return open_dialog(RosterImportDialog(store, preview, path, self._window, read_sheet=read))

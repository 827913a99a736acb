"""The Contest menu's file entries: a new contest, opening one, renaming it; and what the window says
when the open contest cannot be opened or is lost.

Which file is open is the ContestSession's; this object asks, and reports failures.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

from core.errors import FaceScoreError
from desktop.actions import ActionSet
from desktop.alerts import open_dialog, show_error
from desktop.contest_session import ContestSession
from desktop.error_text import describe_error
from desktop.file_dialogs import choose_open_path


class ContestFiles(QObject):
    """Contest files for ``window`` (a MainWindow: its ``busy``, ``admin.offer_backup()`` and
    ``edit_criteria()``)."""

    def __init__(self, window, session: ContestSession):
        super().__init__(window)
        self._window = window
        self.session = session
        session.lost.connect(lambda error: show_error(window, self.tr("Contest file"), describe_error(error)))
        self._actions = ActionSet(window, "ContestFiles")
        add = self._actions.add
        self.new_action = add(QT_TRANSLATE_NOOP("ContestFiles", "New contest…"), self.new_contest, "Ctrl+Shift+N")
        self.open_action = add(QT_TRANSLATE_NOOP("ContestFiles", "Open contest…"), self.choose_contest,
                               QKeySequence.StandardKey.Open)
        self.rename_action = add(QT_TRANSLATE_NOOP("ContestFiles", "Rename contest…"), self.rename_contest)

    @property
    def actions(self):
        return [self.new_action, self.open_action, self.rename_action]

    def retranslate(self) -> None:
        self._actions.retranslate()

    def update_actions(self) -> None:
        self.rename_action.setEnabled(self.session.store is not None)
        for action in (self.new_action, self.open_action):
            action.setEnabled(not self._window.busy)

    @property
    def folder(self) -> Path:
        return self.session.folder

    def open_initial(self) -> None:
        """The last contest again (or the newest in the folder), else a new one named after today; a last
        contest that is not there is said, not passed over (its USB stick may be out)."""
        missing = self.session.missing_last_contest()
        candidate = self.session.initial_contest()
        if candidate is None or not self.open_contest(candidate):
            self.new_contest(self.tr("Contest {date}").format(date=datetime.date.today().isoformat()))
        if missing is not None and self.session.store is not None:
            show_error(self._window, self.tr("Last contest not found"),
                       self.tr("The contest used last, {path}, is not there (moved, deleted, or on a USB stick "
                               "that is not plugged in?). Opened instead: {contest}. Open the other with Contest → "
                               "Open contest… once it is back.").format(path=str(missing), contest=self.session.store.path.name))

    def open_contest(self, path: Path) -> bool:
        return self._switch(lambda: self.session.open(path), Path(path))

    def close_contest(self) -> None:
        """Back the open contest up (core.backups) and close it."""
        self.session.close()

    def new_contest(self, name: str | None = None) -> bool:
        """``name`` None: ask for it, then for the contest's criteria."""
        interactive = name is None
        if interactive:
            name, accepted = QInputDialog.getText(self._window, self.tr("New contest"),
                                                  self.tr("Name of the contest:"))
            if not accepted or not name.strip():
                return False
        if not self._switch(lambda: self.session.create(name), None):
            return False
        if interactive:
            self._window.edit_criteria()
        return True

    def _switch(self, switch, path: Path | None) -> bool:
        if self._window.busy:
            return False
        try:
            switch()
        except FaceScoreError as error:
            if not (path and error.code == "contest_damaged" and self._window.admin.offer_backup(path, error)):
                show_error(self._window, self.tr("Cannot open the contest"), describe_error(error))
            return False
        return True

    def choose_contest(self) -> None:
        path = choose_open_path(self._window, self.tr("Open contest"), self.tr("FaceScore contests (*.sqlite)"),
                                self.session.folder)
        if path is not None:
            self.open_contest(path)

    def rename_contest(self) -> QInputDialog | None:
        store = self.session.store
        if store is None:
            return None
        dialog = QInputDialog(self._window)
        dialog.setWindowTitle(self.tr("Rename contest"))
        dialog.setLabelText(self.tr("Name of the contest:"))
        dialog.setTextValue(store.contest_name)
        dialog.textValueSelected.connect(lambda name: self._rename(store, name))
        open_dialog(dialog)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)  # once shown
        ok.setEnabled(bool(dialog.textValue().strip()))  # a contest name is never empty
        dialog.textValueChanged.connect(lambda name: ok.setEnabled(bool(name.strip())))
        return dialog

    def _rename(self, store, name: str) -> None:
        try:
            store.contest_name = name  # the window's title follows the store's change
        except FaceScoreError as error:
            show_error(self._window, self.tr("Rename contest"), describe_error(error))

"""The Help menu: about the model, loading another exported model, and the log folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenuBar

from core.errors import FaceScoreError
from core.logs import log_folder
from core.version import app_version
from desktop import crash_reports
from desktop.about_dialog import AboutDialog
from desktop.actions import ActionSet
from desktop.alerts import open_dialog, show_error
from desktop.capture_controller import CaptureController, ModelState
from desktop.error_text import describe_error
from desktop.file_dialogs import choose_open_path


class HelpMenu(QObject):
    """For ``window`` (a MainWindow: its ``score_scale`` and status bar); adds itself to ``bar``."""

    def __init__(self, window, capture: CaptureController, data_dir: Path, bar: QMenuBar):
        super().__init__(window)
        self._window = window
        self._capture = capture
        self._data_dir = data_dir
        self._actions = ActionSet(window, "HelpMenu")
        add = self._actions.add
        self.about_action = add(QT_TRANSLATE_NOOP("HelpMenu", "About the model…"), self.show_about,
                                QKeySequence.StandardKey.HelpContents)
        self.load_model_action = add(QT_TRANSLATE_NOOP("HelpMenu", "Load model…"), self.load_model)
        self.log_folder_action = add(QT_TRANSLATE_NOOP("HelpMenu", "Open log folder"), self.open_log_folder)
        self.menu = bar.addMenu("")
        self.menu.addActions([self.about_action, self.load_model_action, self.log_folder_action])

    def retranslate(self) -> None:
        self._actions.retranslate()
        self.menu.setTitle(self.tr("&Help"))

    def update_actions(self) -> None:
        self.load_model_action.setEnabled(not self._window.busy and self._capture.model_state != ModelState.LOADING)

    def show_about(self) -> AboutDialog:
        return open_dialog(AboutDialog(self._capture.card, app_version(), self._window.score_scale, self._window))

    def load_model(self, path: Path | None = None) -> bool:
        """Score with another exported model from now on (its model_card.json, or its .tflite with the card
        beside it); its card and checksum are verified before the current model is let go."""
        path = path or choose_open_path(self._window, self.tr("Load model"),
                                        self.tr("Model cards (model_card.json);;Models (*.tflite)"))
        if path is None:
            return False
        try:
            return self._capture.load_model(path)
        except FaceScoreError as error:
            show_error(self._window, self.tr("Load model"), describe_error(error))
            return False

    def open_log_folder(self) -> bool:
        return crash_reports.open_folder(log_folder(self._data_dir))

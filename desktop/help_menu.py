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
from desktop.capture_controller import CaptureController
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
        capture.modelRefused.connect(self._on_model_refused)

    def retranslate(self) -> None:
        self._actions.retranslate()
        self.menu.setTitle(self.tr("&Help"))

    def update_actions(self) -> None:
        self.load_model_action.setEnabled(not self._capture.loading)

    def show_about(self) -> AboutDialog:
        return open_dialog(AboutDialog(self._capture.card, app_version(), self._window.score_scale, self._window))

    def load_model(self, path: Path | None = None) -> bool:
        """Score with another exported model from now on (its model_card.json, its .tflite with the card
        beside it, or their folder); the current model is let go only once the new one has loaded."""
        path = path or choose_open_path(self._window, self.tr("Load model"),
                                        self.tr("Model cards (model_card.json);;Models (*.tflite)"))
        if path is None:
            return False
        try:
            loading = self._capture.load_model(path)
        except FaceScoreError as error:
            self._on_model_refused(error)
            return False
        if loading:
            self._window.statusBar().showMessage(self.tr("Loading the model {path}…").format(path=str(path)), 8000)
        self.update_actions()
        return loading

    def _on_model_refused(self, error: Exception) -> None:
        text = describe_error(error)
        if self._capture.card is not None:
            text += "\n\n" + self.tr("The model {version} keeps scoring.").format(version=self._capture.card.version)
        show_error(self._window, self.tr("Load model"), text)
        self.update_actions()

    def open_log_folder(self) -> bool:
        return crash_reports.open_folder(log_folder(self._data_dir))

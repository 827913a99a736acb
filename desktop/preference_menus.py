"""Settings → Score scale and the Language menu; both choices are remembered in the settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenuBar, QWidget

from core.score import NATIVE_SCALE, SCALES, ScoreScale
from desktop import i18n
from desktop.settings import AppSettings


class PreferenceMenus(QObject):
    scaleChosen = Signal(object)  # core.score.ScoreScale

    def __init__(self, window: QWidget, settings: AppSettings, bar: QMenuBar):
        """Adds the two menus to ``bar``."""
        super().__init__(window)
        self._settings = settings
        self.language_actions = self._choices(window, dict(i18n.LANGUAGES), i18n.language(), self.set_language)
        self.scale_actions = self._choices(window, dict.fromkeys(SCALES, ""), settings.score_scale.key,
                                           lambda key: self.set_score_scale(SCALES[key]))
        self.settings_menu = bar.addMenu("")
        self.scale_menu = self.settings_menu.addMenu("")
        self.scale_menu.addActions(list(self.scale_actions.values()))
        self.language_menu = bar.addMenu("")
        self.language_menu.addActions(list(self.language_actions.values()))

    @staticmethod
    def _choices(window, labels: dict[str, str], current: str, choose) -> dict[str, QAction]:
        group = QActionGroup(window)
        actions = {}
        for key, label in labels.items():
            action = QAction(label, window, checkable=True)
            action.setChecked(key == current)
            action.triggered.connect(lambda _checked=False, key=key: choose(key))
            group.addAction(action)
            actions[key] = action
        return actions

    def set_language(self, code: str) -> None:
        """Switch the language; every widget re-renders on the LanguageChange event Qt sends."""
        i18n.set_language(code)
        self._settings.language = code
        self.language_actions[code].setChecked(True)

    def set_score_scale(self, scale: ScoreScale) -> None:
        self._settings.score_scale = scale
        self.scale_actions[scale.key].setChecked(True)
        self.scaleChosen.emit(scale)

    def retranslate(self) -> None:
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.scale_menu.setTitle(self.tr("Score scale"))
        for key, action in self.scale_actions.items():
            label = SCALES[key].label
            action.setText(self.tr("{scale} (the raters' scale)").format(scale=label)
                           if SCALES[key] == NATIVE_SCALE else label)
        self.language_menu.setTitle(self.tr("&Language"))

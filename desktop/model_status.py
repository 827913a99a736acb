"""The status bar's model state: loading, ready (with the model's version) or not available (why)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel

from desktop import palette
from desktop.capture_controller import CaptureController, ModelState
from desktop.error_text import describe_error

STYLES = {ModelState.LOADING: palette.MUTED_STYLE, ModelState.READY: palette.GOOD_STYLE,
          ModelState.FAILED: palette.ERROR_STYLE}


class ModelStatus(QLabel):
    def __init__(self, capture: CaptureController):
        super().__init__()
        self._capture = capture
        capture.modelStateChanged.connect(self.render)
        self.render()

    def render(self, *_state) -> None:
        state = self._capture.model_state
        if state == ModelState.FAILED:
            text = self.tr("Model not available: {reason}").format(reason=describe_error(self._capture.model_error))
        elif state == ModelState.READY:
            text = self.tr("Model ready ({version})").format(version=self._capture.card.version)
        else:
            text = self.tr("Loading model…")
        self.setText(text)
        self.setStyleSheet(STYLES[state])
        self.setToolTip(f"{text}\n{self._capture.card.path}" if state == ModelState.READY else text)  # which copy

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.render()
        super().changeEvent(event)

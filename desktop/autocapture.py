"""Test hook (FACESCORE_AUTOCAPTURE=<number>): capture that contestant once the model and
camera are ready, and print ``CAPTURED <capture id>`` after the store committed it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer

POLL_MS = 100


class AutoCapture(QObject):
    def __init__(self, window, number: str):
        super().__init__(window)
        self._window = window
        self._number = number
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._try_capture)
        window.captureStored.connect(self._on_stored)
        window.captureFailed.connect(self._on_failed)
        self._timer.start()

    def _try_capture(self) -> None:
        window = self._window
        if not (window.model_ready and window.camera_live) or window.busy:
            return
        self._timer.stop()
        if not window.select_number(self._number):
            print(f"AUTOCAPTURE FAILED: no contestant number {self._number}", flush=True)
            return
        window.capture()

    @staticmethod
    def _on_stored(capture) -> None:
        print(f"CAPTURED {capture.id}", flush=True)

    @staticmethod
    def _on_failed(reason: str) -> None:
        print(f"CAPTURE FAILED: {reason}", file=sys.stderr, flush=True)

"""Test hook (FACESCORE_EXIT_WHEN_READY=1): report start-up moments and quit once the model is ready.

Prints ``SHOWN <unix time>`` on the first event-loop turn after the window is shown, then
``READY <unix time>`` when MainWindow.modelStateChanged("ready") fires (the model loaded,
verified and warmed up), and closes the window (exit code 0). A model that fails to load prints
``MODEL FAILED`` and exits 1. Used by scripts/build_and_check.sh and benchmarks.desktop_startup
--executable to check a frozen build, which cannot be patched from outside like the source tree.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication


class ExitWhenReady(QObject):
    def __init__(self, window):
        super().__init__(window)
        self._window = window
        window.modelStateChanged.connect(self._on_model_state)
        QTimer.singleShot(0, lambda: print("SHOWN", time.time(), flush=True))

    def _on_model_state(self, state: str) -> None:
        if state == "ready":
            print("READY", time.time(), flush=True)
            self._window.close()  # the last window: stops the workers, saves settings, quits with 0
        elif state == "failed":
            print("MODEL FAILED", file=sys.stderr, flush=True)
            self._window.close()
            QApplication.instance().exit(1)

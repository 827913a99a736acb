"""Window actions with their texts: made in one line each, re-labelled on a language change.

A text is given untranslated, marked with ``QT_TRANSLATE_NOOP(context, text)`` so that lupdate
extracts it; :meth:`ActionSet.retranslate` translates it in that context and puts the shortcut
in the tooltip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class ActionSet:
    def __init__(self, window: QWidget, context: str):
        self._window = window
        self._context = context
        self._texts: dict[QAction, str] = {}

    def add(self, text: str | None, slot: Callable[[], object], shortcut=None) -> QAction:
        """``text`` None: the owner labels the action itself."""
        action = QAction(self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)  # shortcuts work wherever the focus is in the window
        if text is not None:
            self._texts[action] = text
        return action

    def retranslate(self) -> None:
        for action, source in self._texts.items():
            text = QCoreApplication.translate(self._context, source)
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({shortcut})" if shortcut else text)

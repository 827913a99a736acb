"""Crash reports: an exception nobody caught (in the main thread, a Qt slot or a worker thread)
goes to the log with its traceback and opens a dialog that never blocks; the app keeps running.
Qt's own messages (warnings about plugins, fonts, cameras…) go to the log too.

The Windows and macOS builds have no console, so without this an exception in a slot would
vanish; with it, a judge who says "it stopped working" can send the details or the log folder.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QtMsgType, QUrl, Signal, qInstallMessageHandler
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")
QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
             QtMsgType.QtFatalMsg: logging.CRITICAL}
SEPARATOR = "\n" + "-" * 60 + "\n"


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager (tests replace this function)."""
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _log_qt_message(kind: QtMsgType, _context, message: str) -> None:
    qt_log.log(QT_LEVELS.get(kind, logging.WARNING), "%s", message)


class CrashDialog(QDialog):
    """What happened in plain words, the tracebacks, Copy details and Open log folder."""

    def __init__(self, log_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Something went wrong"))
        self._log_dir = log_dir
        self.message = QLabel(self.tr(
            "FaceScore Judge ran into an unexpected problem. It is still running, and the captures already "
            "stored are safe in the contest file. If this happens again, copy the details below or send the "
            "log folder ({folder}) to whoever looks after the app.").format(folder=log_dir))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(readOnly=True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button = buttons.addButton(self.tr("Open log folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.open_folder_button.clicked.connect(lambda: open_folder(self._log_dir))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def add(self, details: str) -> None:
        """Append another report: several failures in a row fill one dialog, not a pile of them."""
        text = self.details.toPlainText()
        self.details.setPlainText(f"{text}{SEPARATOR}{details}" if text else details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class CrashReporter(QObject):
    """Installs the hooks; created in the GUI thread, so reports from any thread reach the dialog there."""

    reported = Signal(str)  # the formatted traceback

    def __init__(self, log_dir: Path):
        super().__init__()
        self.log_dir = log_dir
        self.window: QWidget | None = None  # the dialog's parent, once there is a window
        self.dialog: CrashDialog | None = None
        self._previous = None
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception
        qInstallMessageHandler(_log_qt_message)

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None
            qInstallMessageHandler(None)

    def _on_exception(self, kind, value, trace) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, trace)
            return
        self._report(kind, value, trace, threading.current_thread().name)

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self._report(args.exc_type, args.exc_value, args.exc_traceback,
                     args.thread.name if args.thread else "unknown thread")

    def _report(self, kind, value, trace, thread: str) -> None:
        log.critical("unhandled exception in %s", thread, exc_info=(kind, value, trace))
        self.reported.emit("".join(traceback.format_exception(kind, value, trace)))

    def _show(self, details: str) -> None:
        try:
            if self.dialog is None:
                self.dialog = CrashDialog(self.log_dir, self.window)
                self.dialog.destroyed.connect(self._forget_dialog)
                self.dialog.show()
            self.dialog.add(details)
            self.dialog.raise_()
        except Exception:  # reported here, not to the hook, which would call this again and again
            log.exception("the crash report dialog failed")

    def _forget_dialog(self) -> None:
        self.dialog = None

"""Crash reports: an exception nobody catches (in a slot, in a thread) reaches the log file and a
dialog that does not block, and the app keeps working; Qt's own messages reach the log too."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import qWarning
from PySide6.QtGui import QGuiApplication

from core.logs import LOG_FILE, log_folder, start_logging
from desktop import crash_reports, help_menu
from desktop.crash_reports import CrashReporter


@pytest.fixture
def reporter(tmp_path):
    start_logging(tmp_path, console=False)
    reporter = CrashReporter(log_folder(tmp_path))
    reporter.install()
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.close()
    root = logging.getLogger()
    for handler in [handler for handler in root.handlers if getattr(handler, "facescore", False)]:
        root.removeHandler(handler)
        handler.close()


def log_text(tmp_path) -> str:
    return (log_folder(tmp_path) / LOG_FILE).read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture  # the app's own hook must see it, not pytest-qt's
def test_an_exception_in_a_slot_is_logged_and_shown_and_the_app_survives(
        qtbot, tmp_path, open_window, reporter, monkeypatch):
    window = open_window(tmp_path / "data", wait_for_model=False)
    reporter.window = window

    def broken_dialog(*_args):
        raise RuntimeError("the about dialog broke")

    monkeypatch.setattr(help_menu, "AboutDialog", broken_dialog)
    window.help.about_action.trigger()  # Help → About, whose slot now raises
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())

    dialog = reporter.dialog
    assert not dialog.isModal() and dialog.parent() is window
    assert "RuntimeError: the about dialog broke" in dialog.details.toPlainText()
    assert str(log_folder(tmp_path)) in dialog.message.text()
    logged = log_text(tmp_path)
    assert "CRITICAL" in logged and "unhandled exception in MainThread" in logged
    assert "in show_about" in logged and "RuntimeError: the about dialog broke" in logged

    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.details.toPlainText()
    opened = []
    monkeypatch.setattr(crash_reports, "open_folder", opened.append)
    dialog.open_folder_button.click()
    assert opened == [log_folder(tmp_path)] and dialog.isVisible()

    # A second failure joins the same dialog instead of piling up another one.
    window.help.about_action.trigger()
    qtbot.waitUntil(lambda: dialog.details.toPlainText().count("the about dialog broke") == 2)
    assert reporter.dialog is dialog

    # The app keeps working: the event loop runs on and the same action works once fixed.
    monkeypatch.undo()
    about = window.help.show_about()
    qtbot.waitUntil(about.isVisible)
    assert window.isVisible()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_is_logged_and_shown(qtbot, tmp_path, reporter):
    def work():
        raise ValueError("the worker thread failed")

    thread = threading.Thread(target=work, name="camera-probe")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "ValueError: the worker thread failed" in reporter.dialog.details.toPlainText()
    logged = log_text(tmp_path)
    assert "unhandled exception in camera-probe" in logged and "ValueError: the worker thread failed" in logged


def test_qt_messages_reach_the_log(tmp_path, reporter):
    qWarning("QFont::setPointSize: Point size <= 0 (-1), must be greater than 0")
    assert "WARNING  MainThread qt: QFont::setPointSize: Point size <= 0" in log_text(tmp_path)


def test_help_menu_opens_the_log_folder(tmp_path, open_window, monkeypatch):
    window = open_window(tmp_path / "data", wait_for_model=False)
    assert window.help.log_folder_action in window.help.menu.actions()
    assert window.help.log_folder_action.text() == "Open log folder"
    opened = []
    monkeypatch.setattr(crash_reports, "open_folder", opened.append)
    window.help.log_folder_action.trigger()
    assert opened == [tmp_path / "data" / "logs"]


@pytest.mark.qt_no_exception_capture
def test_a_failing_dialog_is_logged_once_not_reported_forever(qtbot, tmp_path, reporter, monkeypatch):
    def broken(*_args):
        raise RuntimeError("no dialog today")

    monkeypatch.setattr(crash_reports, "CrashDialog", broken)
    reporter.reported.emit("the first failure")
    qtbot.wait(200)  # room for a loop of reports, if there were one
    logged = log_text(tmp_path)
    assert logged.count("the crash report dialog failed") == 1 and "unhandled exception" not in logged

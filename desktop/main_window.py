"""The main window: camera panel on the left, the contest's results table on the right.

Layout, actions and wiring: the open contest is a ContestSession, the camera a CameraFeed, the
capture flow a CaptureController; the window shows what they report. Dialogs open without
blocking the event loop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import FaceScoreError
from core.photo_import import contestant_for, photo_files
from core.score import ScoreScale
from core.store import ContestStore
from desktop.actions import ActionSet
from desktop.alerts import confirm, open_dialog, show_error
from desktop.camera_feed import CameraFeed
from desktop.camera_panel import CameraPanel
from desktop.capture_controller import CaptureController, ModelState
from desktop.contest_admin import ContestAdmin
from desktop.contest_files import ContestFiles
from desktop.contest_session import ContestSession
from desktop.contestant_actions import ContestantActions
from desktop.criteria_dialog import CriteriaDialog
from desktop.error_text import describe_error
from desktop.file_dialogs import choose_open_paths, remember_folders_in
from desktop.help_menu import HelpMenu
from desktop.marks_panel import MarksPanel
from desktop.model_status import ModelStatus
from desktop.preference_menus import PreferenceMenus
from desktop.results_model import ResultsModel
from desktop.results_table import ResultsTable
from desktop.settings import AppSettings
from desktop.tabulate_dialog import TabulateDialog

DEFAULT_SIZE = (1280, 720)


class MainWindow(QMainWindow):
    captureStored = Signal(object)  # core.contest.Capture, after the store committed it
    captureFailed = Signal(str)  # the reason shown to the judge
    modelStateChanged = Signal(str)  # "loading", "ready" or "failed"

    def __init__(self, settings: AppSettings, camera_spec: str | None = None,
                 model_card_path: Path | None = None):
        super().__init__()
        self._settings = settings
        remember_folders_in(settings)
        self.session = ContestSession(settings, self)
        self._close_requested = False
        self._shown_contestant: int | None = None  # whose name the camera panel shows
        self._scale = settings.score_scale

        self._results = ResultsModel(self)
        self._results.set_scale(self._scale)

        self._build_actions()
        self._build_menus()
        self._build_layout()
        self.camera_feed = CameraFeed(self.camera_panel, settings, camera_spec, self)
        self._capture = CaptureController(self.camera_feed.worker, model_card_path, self)
        self._connect_workers()
        self.retranslate()
        self._restore_geometry()
        self.files.open_initial()

    # -- construction -----------------------------------------------------------

    def _build_actions(self) -> None:
        self._actions = ActionSet(self, "MainWindow")
        add = self._actions.add
        self.criteria_action = add(QT_TRANSLATE_NOOP("MainWindow", "Criteria…"), self.edit_criteria)
        self.marks_action = add(QT_TRANSLATE_NOOP("MainWindow", "Judge's marks"), self.show_marks, "Ctrl+M")
        self.tabulate_action = add(QT_TRANSLATE_NOOP("MainWindow", "Tabulate judges' files…"), self.tabulate_files)
        self.quit_action = add(QT_TRANSLATE_NOOP("MainWindow", "Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.capture_action = add(None, self.capture, "Space")  # labelled by the selection: Capture or Retake
        self.import_photo_action = add(QT_TRANSLATE_NOOP("MainWindow", "Import photo…"), self.import_photo, "Ctrl+I")
        self.refresh_cameras_action = add(QT_TRANSLATE_NOOP("MainWindow", "Look for cameras again"),
                                          lambda: self.camera_feed.look_for_cameras(), "F5")
        self.files = ContestFiles(self, self.session)
        self.contestants = ContestantActions(self)
        self.admin = ContestAdmin(self)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.contest_menu = bar.addMenu("")
        self._fill(self.contest_menu, [*self.files.actions, None, self.criteria_action, self.marks_action,
                                       self.tabulate_action, None, *self.admin.actions, None, self.quit_action])
        self.contestants_menu = bar.addMenu("")
        self._fill(self.contestants_menu, self.contestants.actions)
        self.capture_menu = bar.addMenu("")
        self._fill(self.capture_menu, [self.capture_action, self.import_photo_action, None,
                                       self.refresh_cameras_action])
        self.preferences = PreferenceMenus(self, self._settings, bar)
        self.preferences.scaleChosen.connect(self._show_scale)

    @staticmethod
    def _fill(menu, actions) -> None:
        for action in actions:
            menu.addSeparator() if action is None else menu.addAction(action)

    def _build_layout(self) -> None:
        self.camera_panel = CameraPanel(self.capture_action, self.import_photo_action, self._scale)

        self.contest_title = QLabel()
        self.contest_title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.contest_title.setWordWrap(True)  # a long title takes two lines, never the camera preview's width
        header = QHBoxLayout()
        header.addWidget(self.contest_title, 1)
        for action in (self.contestants.add_action, self.contestants.roster_action, self.admin.export_action):
            button = QToolButton()
            button.setDefaultAction(action)
            header.addWidget(button)

        self.table = ResultsTable(self._results)
        header.insertWidget(1, self.table.division_filter)
        self.table.doubleClicked.connect(self.contestants.open_from_table)
        self.table.addActions([self.contestants.edit_action, self.contestants.history_action,
                               self.contestants.remove_action])
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._results.dataChanged.connect(self._on_selection_changed)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(header)
        self.marks_panel = MarksPanel()
        self.marks_panel.model.set_scale(self._scale)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, "")
        self.tabs.addTab(self.marks_panel, "")
        right_layout.addWidget(self.tabs)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.camera_panel)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 720])
        splitter.setContentsMargins(8, 8, 8, 0)
        self.setCentralWidget(splitter)

        self.contest_status = QLabel()
        self.statusBar().addWidget(self.contest_status, 1)

    def _connect_workers(self) -> None:
        self.help = HelpMenu(self, self._capture, self._settings.data_dir, self.menuBar())
        self.model_status = ModelStatus(self._capture)
        self.statusBar().addPermanentWidget(self.model_status)
        self.session.storeChanged.connect(self._results.set_store)
        self.session.storeChanged.connect(self.marks_panel.set_store)
        self.marks_panel.grid.selectionModel().currentRowChanged.connect(self._on_marks_row_changed)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.table.divisionShown.connect(self.marks_panel.show_division)
        self.session.storeChanged.connect(self._on_contest_switched)
        self.session.changed.connect(self._on_store_changed)
        self._capture.modelStateChanged.connect(self._on_model_state)
        self._capture.busyChanged.connect(self._on_busy_changed)
        self._capture.started.connect(self.camera_panel.show_capturing)
        self._capture.stored.connect(self._on_stored)
        self._capture.failed.connect(self._fail)
        self._capture.saveFailed.connect(
            lambda error: show_error(self, self.tr("The capture was not saved"), describe_error(error)))
        self.camera_feed.sourceChanged.connect(self._capture.camera_changed)

    def _restore_geometry(self) -> None:
        geometry = self._settings.window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            available = self.screen().availableGeometry().size()
            self.resize(QSize(*DEFAULT_SIZE).boundedTo(available))

    def start(self) -> None:
        """Start the background work; called once the window is on screen."""
        self.table.setFocus()  # the arrows go through the contestants, not the camera chooser
        self._capture.start()
        self.camera_feed.start()

    # -- state ------------------------------------------------------------------

    @property
    def store(self) -> ContestStore | None:
        return self.session.store

    @property
    def results_model(self) -> ResultsModel:
        return self._results

    @property
    def model_ready(self) -> bool:
        return self._capture.model_ready

    @property
    def camera_live(self) -> bool:
        return self._capture.camera_live

    @property
    def busy(self) -> bool:
        return self._capture.busy

    def selected_row(self):
        """The selected contestant's core.ranking.RankedRow, or None."""
        return self.table.selected_row()

    def selected_contestant(self):
        row = self.selected_row()
        return None if row is None else row.contestant

    def select_contestant(self, contestant_id: int) -> bool:
        return self.table.select_contestant(contestant_id)

    def select_number(self, number: str) -> bool:
        for contestant in self.store.contestants() if self.store else []:
            if contestant.number == number:
                return self.select_contestant(contestant.id)
        return False

    def _on_tab_changed(self, _index: int) -> None:
        """The marks tab opens on the contestant in hand, or puts the highlighted one in hand."""
        if self.tabs.currentWidget() is not self.marks_panel:
            return
        contestant = self.selected_contestant()
        if contestant is not None:
            self.marks_panel.show_contestant(contestant.id)
        else:
            self._on_marks_row_changed(self.marks_panel.grid.currentIndex(), None)

    def _on_marks_row_changed(self, current, _previous) -> None:
        """On the marks tab the contestant in hand is the one whose marks are being typed, so that
        Capture and Import photo act on the row the judge sees highlighted (a capture under way
        keeps the contestant it began with)."""
        if current.isValid() and self.tabs.currentWidget() is self.marks_panel:
            self.select_contestant(self.marks_panel.grid.contestant_at(current.row()).id)

    def _on_selection_changed(self, *_args) -> None:
        contestant = self.selected_contestant()
        if not self.busy and contestant is not None and contestant.id != self._shown_contestant:
            self.camera_panel.clear_message()  # the last result was about someone else
        elif not self.busy and self.store is not None:
            self.camera_panel.clear_outdated(self._current_capture, self.store.finalized)
        self._shown_contestant = contestant.id if contestant else None
        self.camera_panel.show_contestant(contestant)
        self._update_actions()

    def _current_capture(self, contestant_id: int):
        index = self._results.row_for_contestant(contestant_id)
        return None if index is None else self._results.row_of(index).capture

    def _update_actions(self) -> None:
        row = self.selected_row()
        has_store = self.store is not None
        can_score = self.model_ready and not self.busy and has_store
        self.capture_action.setEnabled(can_score)
        self.import_photo_action.setEnabled(can_score)
        if row is not None and row.capture is not None:
            texts = (self.tr("Retake"), self.tr("Retake  [Space]"),
                     self.tr("Capture again: the new score replaces the current one, which stays in the history "
                             "(Space)"))
        else:
            texts = (self.tr("Capture"), self.tr("Capture  [Space]"),
                     self.tr("Photograph the selected contestant and score the face (Space)"))
        self.capture_action.setText(texts[0])
        self.capture_action.setIconText(texts[1])
        self.capture_action.setToolTip(texts[2])
        self.files.update_actions()
        self.help.update_actions()
        self.contestants.update_actions()
        self.admin.update_actions()

    # -- the open contest -------------------------------------------------------

    def _on_contest_switched(self, _store) -> None:
        self._show_contest()
        if not self.busy:
            self.camera_panel.clear_message()  # the last result was about the other contest
        self._on_selection_changed()

    def _on_store_changed(self, changes) -> None:
        if changes.contest:
            self._show_contest()
            self._update_actions()

    # -- judges' marks ----------------------------------------------------------

    def edit_criteria(self) -> CriteriaDialog | None:
        if self.store is None:
            return None
        return open_dialog(CriteriaDialog(self.store, self))

    def show_marks(self) -> None:
        self.tabs.setCurrentWidget(self.marks_panel)
        self.marks_panel.focus_grid()

    def tabulate_files(self) -> TabulateDialog:
        return open_dialog(TabulateDialog(self.session.folder, self))

    def _show_contest(self) -> None:
        name = self.store.contest_name if self.store else ""
        app_name = self.tr("FaceScore Judge")
        title = name or self.tr("Untitled contest")
        finalized = self.store is not None and self.store.finalized
        self.contest_title.setText(self.tr("{title} (finalized)").format(title=title) if finalized else title)
        self.setWindowTitle(f"{name} — {app_name}" if name else app_name)
        self.contest_status.setText(
            self.tr("Contest file: {path}").format(path=str(self.store.path)) if self.store else "")
        self.table.placeholder = self.tr("No contestants yet: add one (Ctrl+N) or import a roster from CSV or "
                                         "Excel (Ctrl+R).")
        self.table.viewport().update()

    # -- capture ----------------------------------------------------------------

    def capture(self) -> bool:
        """Take a burst from the camera for the selected contestant and score it."""
        return self._capture.capture(self.store, self.selected_contestant())

    def import_photo(self, paths: str | Path | list[Path] | None = None) -> bool:
        """Score one or more photo files of the selected contestant together instead of the camera (None:
        ask for them); files named for other contestants (as the photographer names them, see
        core.photo_import) are scored only once confirmed."""
        contestant = self.selected_contestant()
        if not self._capture.can_start(contestant):
            return False
        if paths is None:
            paths = choose_open_paths(self, self.tr("Import photo"), self.tr(
                "Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;All files (*)"), purpose="photo")
        paths = photo_files([paths] if isinstance(paths, (str, Path)) else paths)
        if not paths:
            return False
        others = [(path, other) for path in paths
                  if (other := self._named_in(path)) is not None and other.id != contestant.id]
        if not others:
            return self._capture.score_photos(self.store, contestant, paths)
        if len(paths) == 1:
            (path, other), = others
            question = self.tr("{file} is named for No. {other_number} {other_name}, but No. {number} {name} is "
                               "selected. Score it for No. {number} {name}?").format(
                file=path.name, other_number=other.number, other_name=other.name, number=contestant.number,
                name=contestant.name)
        else:
            question = self.tr("Named for other contestants: {files}. No. {number} {name} is selected. Score the "
                               "%n photos for No. {number} {name}?", "", len(paths)).format(
                files=", ".join(self.tr("{file} (No. {number} {name})").format(
                    file=path.name, number=other.number, name=other.name) for path, other in others),
                number=contestant.number, name=contestant.name)
        confirm(self, self.tr("Import photo"), question,
                lambda: self._capture.score_photos(self.store, contestant, paths))  # the one asked about
        return False

    def _named_in(self, path: Path):
        """The contestant whose number begins the file's name, or None."""
        try:
            return contestant_for(path, self.store.contestants())
        except FaceScoreError:
            return None

    def _on_busy_changed(self, busy: bool) -> None:
        self._update_actions()
        if not busy and self._close_requested:
            self.close()

    def _fail(self, reason: str, error) -> None:
        self.camera_panel.show_failure(reason, error)
        self.captureFailed.emit(self.camera_panel.message)

    def _on_stored(self, stored, frames: int, left_out: dict) -> None:
        contestant = next((c for c in self.store.contestants() if c.id == stored.contestant_id), None)
        earlier = self.store.history(stored.contestant_id)
        replaced = earlier[-2] if len(earlier) > 1 else None  # history is oldest first
        self.camera_panel.show_stored(stored, contestant, frames, replaced, left_out)
        self._results.refresh()
        self.captureStored.emit(stored)

    # -- model ------------------------------------------------------------------

    def _on_model_state(self, state: ModelState) -> None:
        if state == ModelState.READY:
            self._results.set_model_card(self._capture.card)
        elif state == ModelState.FAILED:  # no score can be taken: more than the status bar's red line
            show_error(self, self.tr("Model not available"),
                       describe_error(self._capture.model_error) + "\n\n"
                       + self.tr("No face can be scored until a model loads: install the app again, or load "
                                 "another model (Help → Load model…)."))
        self._update_actions()
        self.modelStateChanged.emit(state.value)

    @property
    def model_card(self):
        """The loaded model's core.model_card.ModelCard, None until it is ready."""
        return self._capture.card

    # -- language and scale -----------------------------------------------------

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def score_scale(self) -> ScoreScale:
        return self._scale

    def _show_scale(self, scale: ScoreScale) -> None:
        """Scores on ``scale`` from now on: table, result line, dialogs, exports."""
        self._scale = scale
        self._results.set_scale(scale)
        self.marks_panel.model.set_scale(scale)
        self.camera_panel.set_scale(scale)

    def retranslate(self) -> None:
        self._actions.retranslate()
        self.files.retranslate()
        self.contestants.retranslate()
        self.admin.retranslate()
        self.preferences.retranslate()
        self.contest_menu.setTitle(self.tr("&Contest"))
        self.contestants_menu.setTitle(self.tr("C&ontestants"))
        self.capture_menu.setTitle(self.tr("C&apture"))
        self.help.retranslate()
        self.tabs.setTabText(0, self.tr("Advisory scores"))
        self.tabs.setTabText(1, self.tr("Judge's marks"))
        self._results.retranslate()
        self.table.retranslate()
        self._show_contest()
        self._update_actions()

    # -- closing ----------------------------------------------------------------

    def closeEvent(self, event) -> None:
        if self.busy:  # finish storing the capture first, then close
            self._close_requested = True
            event.ignore()
            return
        self._settings.window_geometry = self.saveGeometry()
        self.camera_feed.stop()
        self._capture.stop()
        self.session.close()
        event.accept()

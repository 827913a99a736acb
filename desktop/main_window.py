"""The main window: camera panel on the left, the contest's results table on the right.

Layout, actions and wiring: the open contest is a ContestSession, the camera a CameraFeed, the
capture flow a CaptureController; the window shows what they report. Dialogs open without
blocking the event loop.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import FaceScoreError
from core.logs import log_folder
from core.score import NATIVE_SCALE, SCALES, ScoreScale, percentile_text
from core.store import ContestStore
from core.version import app_version
from desktop import crash_reports, i18n, palette
from desktop.about_dialog import AboutDialog
from desktop.alerts import confirm, show_error
from desktop.camera_feed import CameraFeed
from desktop.camera_panel import CameraPanel
from desktop.capture_controller import CaptureController, ModelState
from desktop.contest_admin import ContestAdmin
from desktop.contest_session import ContestSession
from desktop.contestant_dialog import ContestantDialog
from desktop.criteria_dialog import CriteriaDialog
from desktop.error_text import describe_error
from desktop.file_dialogs import choose_export_path
from desktop.history_dialog import HistoryDialog
from desktop.marks_panel import MarksPanel
from desktop.removed_dialog import RemovedDialog
from desktop.results_model import ResultsModel
from desktop.results_table import HISTORY_COLUMNS, ResultsTable
from desktop.roster_dialog import RosterImportDialog
from desktop.settings import AppSettings
from desktop.tabulate_dialog import TabulateDialog

DEFAULT_SIZE = (1280, 720)
MODEL_STYLES = {ModelState.LOADING: palette.MUTED_STYLE, ModelState.READY: palette.GOOD_STYLE,
                ModelState.FAILED: palette.ERROR_STYLE}


class MainWindow(QMainWindow):
    captureStored = Signal(object)  # core.contest.Capture, after the store committed it
    captureFailed = Signal(str)  # the reason shown to the judge
    modelStateChanged = Signal(str)  # "loading", "ready" or "failed"

    def __init__(self, settings: AppSettings, camera_spec: str | None = None,
                 model_card_path: Path | None = None):
        super().__init__()
        self._settings = settings
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
        self._open_initial_contest()

    # -- construction -----------------------------------------------------------

    def _action(self, shortcut, slot: Callable) -> QAction:
        action = QAction(self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work wherever the focus is in the window
        return action

    def _build_actions(self) -> None:
        self.new_contest_action = self._action("Ctrl+Shift+N", self.new_contest)
        self.open_contest_action = self._action(QKeySequence.StandardKey.Open, self.choose_contest)
        self.rename_contest_action = self._action(None, self.rename_contest)
        self.criteria_action = self._action(None, self.edit_criteria)
        self.marks_action = self._action("Ctrl+M", self.show_marks)
        self.tabulate_action = self._action(None, self.tabulate_files)
        self.export_action = self._action("Ctrl+E", self.export_results)
        self.quit_action = self._action(QKeySequence.StandardKey.Quit, self.close)
        self.add_action = self._action("Ctrl+N", self.add_contestant)
        self.edit_action = self._action("F2", self.edit_contestant)
        self.remove_action = self._action(QKeySequence.StandardKey.Delete, self.remove_contestant)
        self.removed_action = self._action(None, self.show_removed)
        self.history_action = self._action("Ctrl+H", self.show_history)
        self.roster_action = self._action("Ctrl+R", self.import_roster)
        self.capture_action = self._action("Space", self.capture)
        self.import_photo_action = self._action("Ctrl+I", self.import_photo)
        self.refresh_cameras_action = self._action("F5", self.refresh_cameras)
        self.about_action = self._action(QKeySequence.StandardKey.HelpContents, self.show_about)
        self.log_folder_action = self._action(None, self.open_log_folder)
        self.admin = ContestAdmin(self, self._open_dialog)
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for code, label in i18n.LANGUAGES.items():
            action = QAction(label, self, checkable=True)
            action.setChecked(code == i18n.language())
            action.triggered.connect(lambda _checked=False, code=code: self.set_language(code))
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.scale_group = QActionGroup(self)
        self.scale_actions = {}
        for key, scale in SCALES.items():
            action = QAction(self, checkable=True)
            action.setChecked(scale == self._scale)
            action.triggered.connect(lambda _checked=False, scale=scale: self.set_score_scale(scale))
            self.scale_group.addAction(action)
            self.scale_actions[key] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.contest_menu = bar.addMenu("")
        self.contest_menu.addActions([self.new_contest_action, self.open_contest_action,
                                      self.rename_contest_action])
        self.contest_menu.addSeparator()
        self.contest_menu.addActions([self.criteria_action, self.marks_action, self.tabulate_action])
        self.contest_menu.addSeparator()
        self.contest_menu.addAction(self.export_action)
        for action in self.admin.actions:
            self.contest_menu.addSeparator() if action is None else self.contest_menu.addAction(action)
        self.contest_menu.addSeparator()
        self.contest_menu.addAction(self.quit_action)
        self.contestants_menu = bar.addMenu("")
        self.contestants_menu.addActions([self.add_action, self.edit_action, self.remove_action,
                                          self.removed_action, self.history_action])
        self.contestants_menu.addSeparator()
        self.contestants_menu.addAction(self.roster_action)
        self.capture_menu = bar.addMenu("")
        self.capture_menu.addActions([self.capture_action, self.import_photo_action])
        self.capture_menu.addSeparator()
        self.capture_menu.addAction(self.refresh_cameras_action)
        self.settings_menu = bar.addMenu("")
        self.scale_menu = self.settings_menu.addMenu("")
        self.scale_menu.addActions(list(self.scale_actions.values()))
        self.language_menu = bar.addMenu("")
        self.language_menu.addActions(list(self.language_actions.values()))
        self.help_menu = bar.addMenu("")
        self.help_menu.addActions([self.about_action, self.log_folder_action])

    def _build_layout(self) -> None:
        self.camera_panel = CameraPanel(self.capture_action, self.import_photo_action)

        self.contest_title = QLabel()
        self.contest_title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        header = QHBoxLayout()
        header.addWidget(self.contest_title, 1)
        for action in (self.add_action, self.roster_action, self.export_action):
            button = QToolButton()
            button.setDefaultAction(action)
            header.addWidget(button)

        self.table = ResultsTable(self._results)
        header.insertWidget(1, self.table.division_filter)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.addActions([self.edit_action, self.history_action, self.remove_action])
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

        self.model_status = QLabel()
        self.contest_status = QLabel()
        self.statusBar().addWidget(self.contest_status, 1)
        self.statusBar().addPermanentWidget(self.model_status)

    def _connect_workers(self) -> None:
        self.session.storeChanged.connect(self._results.set_store)
        self.session.storeChanged.connect(self.marks_panel.set_store)
        self.session.changed.connect(self._on_store_changed)
        self.session.lost.connect(self._on_contest_lost)
        self._capture.modelStateChanged.connect(self._on_model_state)
        self._capture.busyChanged.connect(self._on_busy_changed)
        self._capture.started.connect(self._on_capture_started)
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

    def _on_selection_changed(self, *_args) -> None:
        contestant = self.selected_contestant()
        if not self.busy and contestant is not None and contestant.id != self._shown_contestant:
            self.camera_panel.show_message(lambda: "")  # the last result was about someone else
        self._shown_contestant = contestant.id if contestant else None
        self.camera_panel.show_contestant(contestant)
        self._update_actions()

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
        for action in (self.edit_action, self.remove_action):
            action.setEnabled(row is not None and not self.busy)
        self.history_action.setEnabled(row is not None and row.capture is not None)
        for action in (self.add_action, self.roster_action, self.export_action, self.rename_contest_action,
                       self.removed_action):
            action.setEnabled(has_store)
        for action in (self.new_contest_action, self.open_contest_action):
            action.setEnabled(not self.busy)
        self.admin.update_actions()

    # -- contests ---------------------------------------------------------------

    def _open_initial_contest(self) -> None:
        candidate = self.session.initial_contest()
        if candidate is not None and self.open_contest(candidate):
            return
        self.new_contest(self.tr("Contest {date}").format(date=datetime.date.today().isoformat()))

    def open_contest(self, path: Path) -> bool:
        return self._switch_contest(lambda: self.session.open(path), Path(path))

    def close_contest(self) -> None:
        """Back the open contest up (core.backups) and close it."""
        self.session.close()

    @property
    def contests_folder(self) -> Path:
        return self.session.folder

    def sheet(self):
        """The results sheet of the open contest, as exported to PDF and printed."""
        from desktop.results_sheet import SheetModel, results_document

        self._results.refresh()
        return results_document(self.store.contest_name, self._results.ranked_rows(),
                                SheetModel.of(self._capture.card), self._scale)

    def new_contest(self, name: str | None = None) -> bool:
        interactive = name is None
        if interactive:
            name, accepted = QInputDialog.getText(self, self.tr("New contest"), self.tr("Name of the contest:"))
            if not accepted or not name.strip():
                return False
        if not self._switch_contest(lambda: self.session.create(name), None):
            return False
        if interactive:
            self.edit_criteria()
        return True

    def _switch_contest(self, switch, path: Path | None) -> bool:
        if self.busy:
            return False
        try:
            switch()
        except FaceScoreError as error:
            if not (path and error.code == "contest_damaged" and self.admin.offer_backup(path, error)):
                show_error(self, self.tr("Cannot open the contest"), describe_error(error))
            return False
        self._show_contest()
        self._on_selection_changed()
        return True

    def choose_contest(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open contest"), str(self.session.folder),
                                              self.tr("FaceScore contests (*.sqlite)"))
        if path:
            self.open_contest(Path(path))

    def rename_contest(self) -> QInputDialog | None:
        if self.store is None:
            return None
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Rename contest"))
        dialog.setLabelText(self.tr("Name of the contest:"))
        dialog.setTextValue(self.store.contest_name)
        store = self.store
        dialog.textValueSelected.connect(lambda name: self._rename(store, name))
        self._open_dialog(dialog)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)  # once shown
        ok.setEnabled(bool(dialog.textValue().strip()))  # a contest name is never empty
        dialog.textValueChanged.connect(lambda name: ok.setEnabled(bool(name.strip())))
        return dialog

    def _rename(self, store, name: str) -> None:
        try:
            store.contest_name = name  # the title follows through _on_store_changed
        except FaceScoreError as error:
            show_error(self, self.tr("Rename contest"), describe_error(error))

    def _on_contest_lost(self, error: FaceScoreError) -> None:
        """The open contest file was moved or deleted under the app: said once."""
        show_error(self, self.tr("Contest file"), describe_error(error))

    def _on_store_changed(self, changes) -> None:
        if changes.contest:
            self._show_contest()
            self._update_actions()

    # -- judges' marks ----------------------------------------------------------

    def edit_criteria(self) -> CriteriaDialog | None:
        if self.store is None:
            return None
        return self._open_dialog(CriteriaDialog(self.store, self))

    def show_marks(self) -> None:
        self.tabs.setCurrentWidget(self.marks_panel)
        self.marks_panel.focus_grid()

    def tabulate_files(self) -> TabulateDialog:
        return self._open_dialog(TabulateDialog(self.session.folder, self))

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

    # -- contestants ------------------------------------------------------------

    @staticmethod
    def _open_dialog(dialog: QWidget) -> QWidget:
        """Show a dialog without blocking the event loop; it deletes itself when closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def add_contestant(self) -> ContestantDialog | None:
        if self.store is None:
            return None
        return self._open_dialog(ContestantDialog(self.store, None, self))

    def edit_contestant(self) -> ContestantDialog | None:
        contestant = self.selected_contestant()
        if contestant is None or self.busy:
            return None
        return self._open_dialog(ContestantDialog(self.store, contestant, self))

    def show_history(self) -> HistoryDialog | None:
        row = self.selected_row()
        if row is None or row.capture is None:
            return None
        return self._open_dialog(HistoryDialog(self.store, row.contestant, self._scale, self))

    def _on_double_clicked(self, index) -> None:
        if index.column() in HISTORY_COLUMNS and self.history_action.isEnabled():
            self.show_history()
        else:
            self.edit_contestant()

    def remove_contestant(self) -> None:
        contestant = self.selected_contestant()
        if contestant is None or self.busy:
            return
        store = self.store
        confirm(self, self.tr("Remove contestant"),
                self.tr("Remove No. {number} {name} from this contest? Their scores are kept in the contest file "
                        "but no longer shown.").format(number=contestant.number, name=contestant.name),
                lambda: self._remove(store, contestant))

    def _remove(self, store, contestant) -> None:
        try:
            store.remove_contestant(contestant.id)
        except FaceScoreError as error:
            show_error(self, self.tr("Remove contestant"), describe_error(error))
            return
        self.statusBar().showMessage(
            self.tr("No. {number} {name} removed; Contestants → Removed contestants… brings them back.").format(
                number=contestant.number, name=contestant.name), 8000)

    def show_removed(self) -> RemovedDialog | None:
        if self.store is None:
            return None
        return self._open_dialog(RemovedDialog(self.store, self._scale, self))

    def import_roster(self, path: Path | None = None) -> RosterImportDialog | None:
        if self.store is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import roster"), "",
                                                    self.tr("Rosters (*.csv *.txt *.xlsx *.xlsm)"))
            if not chosen:
                return None
            path = Path(chosen)
        from core.roster import read_roster

        def read(sheet: str | None = None):
            return read_roster(path, [c.number for c in self.store.contestants()], sheet)

        try:
            preview = read()
        except FaceScoreError as error:
            show_error(self, self.tr("Cannot import the roster"), describe_error(error))
            return None
        return self._open_dialog(RosterImportDialog(self.store, preview, path, self, read_sheet=read))

    # -- capture ----------------------------------------------------------------

    def capture(self) -> bool:
        """Take a burst from the camera for the selected contestant and score it."""
        return self._capture.capture(self.store, self.selected_contestant())

    def import_photo(self, path: Path | None = None) -> bool:
        """Score a photo file for the selected contestant instead of the camera."""
        contestant = self.selected_contestant()
        if not self._capture.can_start(contestant):
            return False
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import photo"), "",
                self.tr("Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff);;All files (*)"))
            if not chosen:
                return False
            path = Path(chosen)
        return self._capture.score_photo(self.store, contestant, Path(path))

    def _on_capture_started(self, contestant) -> None:
        self.camera_panel.show_message(lambda: self.tr("Capturing No. {number} {name}…").format(
            number=contestant.number, name=contestant.name))

    def _on_busy_changed(self, busy: bool) -> None:
        self._update_actions()
        if not busy and self._close_requested:
            self.close()

    def _fail(self, text: Callable[[], str]) -> None:
        self.camera_panel.show_error_message(text)
        self.captureFailed.emit(text())

    def _on_stored(self, stored, frames: int) -> None:
        contestant = next((c for c in self.store.contestants() if c.id == stored.contestant_id), None)
        number, name = (contestant.number, contestant.name) if contestant else ("?", "?")
        self.camera_panel.show_result_message(lambda: self.tr(
            "No. {number} {name}: {score} ± {error} · level {level} · higher than {percentile}% of the reference "
            "faces ({used} of %n frames used, spread {spread})", "", frames).format(
            number=number, name=name, score=self._scale.value_text(stored.score),
            error=self._scale.width_text(stored.error), level=stored.level,
            percentile=percentile_text(stored.percentile), used=stored.frames_used,
            spread=self._scale.width_text(stored.spread)))
        self._results.refresh()
        self.captureStored.emit(stored)

    # -- camera -----------------------------------------------------------------

    def set_camera_source(self, spec: str) -> None:
        self.camera_feed.set_source(spec)

    def refresh_cameras(self) -> None:
        self.camera_feed.look_for_cameras()

    # -- model ------------------------------------------------------------------

    def _on_model_state(self, state: ModelState) -> None:
        if state == ModelState.READY:
            self._results.set_model_card(self._capture.card)
        self._render_model_state()
        self._update_actions()
        self.modelStateChanged.emit(state.value)

    def _render_model_state(self) -> None:
        state = self._capture.model_state
        if state == ModelState.FAILED:
            text = self.tr("Model not available: {reason}").format(reason=describe_error(self._capture.model_error))
        elif state == ModelState.READY:
            text = self.tr("Model ready ({version})").format(version=self._capture.card.version)
        else:
            text = self.tr("Loading model…")
        self.model_status.setText(text)
        self.model_status.setStyleSheet(MODEL_STYLES[state])
        self.model_status.setToolTip(text)

    # -- export, about, language ------------------------------------------------

    def export_results(self, path: Path | None = None) -> bool:
        if self.store is None:
            return False
        path = path or choose_export_path(
            self, self.tr("Export results"), f"{self.store.path.stem}-results.csv",
            self.tr("CSV (*.csv);;Excel workbook (*.xlsx);;Results sheet to sign (*.pdf)"))
        if path is None:
            return False
        from desktop.results_sheet import export_results

        self._results.refresh()
        try:
            export_results(path, self.store.contest_name, self._results.ranked_rows(), self._capture.card,
                           self._scale)
            self.store.record_export(path)
        except FaceScoreError as error:
            show_error(self, self.tr("Export failed"), describe_error(error))
            return False
        self.statusBar().showMessage(self.tr("Results exported to {path}").format(path=str(path)), 8000)
        return True

    def show_about(self) -> AboutDialog:
        return self._open_dialog(AboutDialog(self._capture.card, app_version(), self._scale, self))

    def open_log_folder(self) -> bool:
        return crash_reports.open_folder(log_folder(self._settings.data_dir))

    def set_language(self, code: str) -> None:
        """Switch the language; every widget re-renders on the LanguageChange event Qt sends."""
        i18n.set_language(code)
        self._settings.language = code
        self.language_actions[code].setChecked(True)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def score_scale(self) -> ScoreScale:
        return self._scale

    def set_score_scale(self, scale: ScoreScale) -> None:
        """Show scores on ``scale`` from now on (table, result line, dialogs, exports); remembered."""
        self._scale = scale
        self._settings.score_scale = scale
        self.scale_actions[scale.key].setChecked(True)
        self._results.set_scale(scale)
        self.marks_panel.model.set_scale(scale)
        self.camera_panel.refresh_message()  # the last result line, on the new scale

    def retranslate(self) -> None:
        texts = {
            self.new_contest_action: self.tr("New contest…"), self.open_contest_action: self.tr("Open contest…"),
            self.rename_contest_action: self.tr("Rename contest…"), self.history_action: self.tr("Capture history…"),
            self.export_action: self.tr("Export results…"), self.quit_action: self.tr("Quit"),
            self.add_action: self.tr("Add contestant…"), self.edit_action: self.tr("Edit contestant…"),
            self.remove_action: self.tr("Remove contestant…"), self.roster_action: self.tr("Import roster…"),
            self.removed_action: self.tr("Removed contestants…"), self.import_photo_action: self.tr("Import photo…"),
            self.refresh_cameras_action: self.tr("Look for cameras again"),
            self.about_action: self.tr("About the model…"), self.log_folder_action: self.tr("Open log folder"),
        }
        for action, text in texts.items():
            action.setText(text)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({shortcut})" if shortcut else text)
        self.contest_menu.setTitle(self.tr("&Contest"))
        self.contestants_menu.setTitle(self.tr("C&ontestants"))
        self.capture_menu.setTitle(self.tr("C&apture"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.scale_menu.setTitle(self.tr("Score scale"))
        for key, action in self.scale_actions.items():
            label = SCALES[key].label
            action.setText(self.tr("{scale} (the raters' scale)").format(scale=label)
                           if SCALES[key] == NATIVE_SCALE else label)
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        for action, text in ((self.criteria_action, self.tr("Criteria…")),
                             (self.marks_action, self.tr("Judge's marks")),
                             (self.tabulate_action, self.tr("Tabulate judges' files…"))):
            action.setText(text)
        self.tabs.setTabText(0, self.tr("Advisory scores"))
        self.tabs.setTabText(1, self.tr("Judge's marks"))
        self._results.retranslate()
        self.table.retranslate()
        self.admin.retranslate()
        self._render_model_state()
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

"""The Contest menu's record keeping: exporting and printing the results, finalize and reopen, the
audit log, backups (restore, and the offer when a contest file is damaged), deleting photos and contests.

The rules are core's (core.store, core.backups); this object only asks, confirms and reports.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtGui import QAction, QKeySequence, QPagedPaintDevice
from PySide6.QtWidgets import QInputDialog

from core.backups import backup_files, backups_folder, delete_contest
from core.errors import FaceScoreError, StoreError
from core.store import ContestStore
from desktop.actions import ActionSet
from desktop.alerts import confirm, open_dialog, show_error
from desktop.audit_dialog import AuditLogDialog
from desktop.contests import new_contest_path
from desktop.error_text import describe_error
from desktop.file_dialogs import choose_export_path, choose_open_path
from desktop.reopen_dialog import ReopenDialog


NUMBERS_LISTED = 12  # of the contestants a question names, before "…"


def _numbers(contestants) -> str:
    """The contestants' numbers, the first NUMBERS_LISTED of them: "3, 7, 12"."""
    shown = ", ".join(c.number for c in contestants[:NUMBERS_LISTED])
    return shown + (", …" if len(contestants) > NUMBERS_LISTED else "")


class ContestAdmin(QObject):
    """Actions on the open contest of ``window`` (a MainWindow: its ``store``, ``results_model``,
    ``model_card``, ``score_scale`` and ``files``, the ContestFiles)."""

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self._actions = ActionSet(window, "ContestAdmin")
        add = self._actions.add
        self.export_action = add(QT_TRANSLATE_NOOP("ContestAdmin", "Export results…"), self.export_results, "Ctrl+E")
        self.finalize_action = add(QT_TRANSLATE_NOOP("ContestAdmin", "Finalize results…"), self.finalize)
        self.reopen_action = add(QT_TRANSLATE_NOOP("ContestAdmin", "Reopen results…"), self.reopen)
        self.audit_action = add(QT_TRANSLATE_NOOP("ContestAdmin", "Audit log…"), self.show_audit_log)
        self.print_action = add(QT_TRANSLATE_NOOP("ContestAdmin", "Print results…"), self.print_results,
                                QKeySequence.StandardKey.Print)
        self.restore_action = add(QT_TRANSLATE_NOOP("ContestAdmin", "Restore from backup…"), self.restore_backup)
        self.delete_photos_action = add(QT_TRANSLATE_NOOP("ContestAdmin", "Delete photos…"), self.delete_photos)
        self.delete_contest_action = add(QT_TRANSLATE_NOOP("ContestAdmin", "Delete contest…"), self.delete_contest)

    @property
    def actions(self) -> list[QAction | None]:
        """The Contest menu's entries, None for a separator."""
        return [self.export_action, self.finalize_action, self.reopen_action, self.audit_action, None,
                self.print_action, None, self.restore_action, self.delete_photos_action, self.delete_contest_action]

    def retranslate(self) -> None:
        self._actions.retranslate()

    def update_actions(self) -> None:
        store = self._window.store
        finalized = store is not None and store.finalized
        self.finalize_action.setEnabled(store is not None and not finalized)
        self.reopen_action.setEnabled(finalized)
        for action in (self.export_action, self.audit_action, self.print_action, self.restore_action,
                       self.delete_photos_action, self.delete_contest_action):
            action.setEnabled(store is not None)

    # -- export and the results sheet ------------------------------------------------

    def export_results(self, path: Path | None = None) -> bool:
        store = self._window.store
        if store is None:
            return False
        path = path or choose_export_path(
            self._window, self.tr("Export results"), f"{store.path.stem}-results.csv",
            self.tr("CSV (*.csv);;Excel workbook (*.xlsx);;Results sheet to sign (*.pdf)"))
        if path is None:
            return False
        from desktop.results_sheet import export_results

        results = self._window.results_model
        results.refresh()
        try:
            export_results(path, store.contest_name, results.ranked_rows(), self._window.model_card,
                           self._window.score_scale, final=store.finalized)
            store.record_export(path)
        except FaceScoreError as error:
            show_error(self._window, self.tr("Export failed"), describe_error(error))
            return False
        self._window.statusBar().showMessage(self.tr("Results exported to {path}").format(path=str(path)), 8000)
        return True

    def sheet(self, device: QPagedPaintDevice | None = None):
        """The results sheet of the open contest, as exported to PDF, or laid out in the pages of
        ``device`` (a printer)."""
        from desktop.results_sheet import SheetModel, results_document

        results = self._window.results_model
        results.refresh()
        return results_document(self._window.store.contest_name, results.ranked_rows(),
                                SheetModel.of(self._window.model_card), self._window.score_scale,
                                final=self._window.store.finalized, device=device)

    # -- finalize, reopen, audit ----------------------------------------------------

    def finalize(self, judge: str | None = None, confirmed: bool = False) -> bool:
        """Lock the results after asking (the judge's name first, if the contest has none yet)."""
        store = self._window.store
        if store is None or not self._judge_named(store, judge):
            return False
        title = self.tr("Finalize results")
        if not confirmed:
            question = self.tr("Finalize the results? From then on every change is refused until the contest "
                               "is reopened; the file is backed up.")
            unscored, unmarked = store.incomplete()
            if unscored or unmarked:
                lines = [self.tr("Not complete: {unscored} of {total} contestants have no score and {unmarked} "
                                 "lack a mark.").format(unscored=len(unscored), unmarked=len(unmarked),
                                                        total=len(store.contestants()))]
                if unscored:
                    lines.append(self.tr("No score: No. {numbers}.").format(numbers=_numbers(unscored)))
                if unmarked:
                    lines.append(self.tr("A mark missing: No. {numbers}.").format(numbers=_numbers(unmarked)))
                question = "\n".join(lines) + "\n\n" + question
            confirm(self._window, title, question, lambda: self.finalize(judge, True))
            return False
        return self._changed(title, store.finalize)

    def reopen(self, judge: str | None = None, head_judge: str | None = None, reason: str | None = None) -> bool:
        """Unlock the results with the head judge's consent, asked for unless given."""
        store = self._window.store
        if store is None or not self._judge_named(store, judge):
            return False
        if head_judge is None or reason is None:
            dialog = ReopenDialog(self._window)
            dialog.accepted.connect(lambda: self.reopen(judge, dialog.head_judge.text(), dialog.reason.text()))
            open_dialog(dialog)
            return False
        return self._changed(self.tr("Reopen results"), lambda: store.reopen(head_judge, reason))

    def _changed(self, title: str, change) -> bool:
        try:
            change()
        except FaceScoreError as error:
            show_error(self._window, title, describe_error(error))
            return False
        return True

    def _judge_named(self, store, judge: str | None) -> bool:
        """The audit log names who did what: the contest's judge is asked for once, then remembered."""
        if store.judge_name:
            return True
        if judge is None:
            judge, accepted = QInputDialog.getText(self._window, self.tr("Judge's name"),
                                                   self.tr("Your name, for this contest's audit log:"))
            if not accepted:
                return False
        if not judge.strip():
            return False
        store.judge_name = judge
        return True

    def show_audit_log(self) -> AuditLogDialog | None:
        store = self._window.store
        return None if store is None else open_dialog(AuditLogDialog(store, self._window))

    # -- printing ----------------------------------------------------------------

    def print_results(self, printer=None) -> bool:
        """Print the results sheet (as exported to PDF) through Qt's print dialog, or on ``printer``."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        store = self._window.store
        if store is None:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self._window).exec() != QPrintDialog.DialogCode.Accepted:
                return False
        printer.setDocName(store.contest_name)  # the print queue's name of the job
        self.sheet(printer).print_(printer)
        return True

    # -- backups, photos, deleting -------------------------------------------------

    def restore_backup(self, backup: Path | None = None) -> bool:
        """Open a backup of the open contest as a new contest file (nothing is overwritten)."""
        store = self._window.store
        if store is None:
            return False
        backup = backup or choose_open_path(self._window, self.tr("Restore from backup"),
                                            self.tr("FaceScore contests (*.sqlite)"), backups_folder(store.path))
        if backup is None:
            return False
        return self._restore(backup, store.path)

    def _restore(self, backup: Path, original: Path) -> bool:
        target = new_contest_path(self._window.files.folder, f"{original.stem}-restored")
        try:
            ContestStore.restore(backup, target).close()
        except FaceScoreError as error:
            show_error(self._window, self.tr("Restore from backup"), describe_error(error))
            return False
        return self._window.files.open_contest(target)

    def offer_backup(self, damaged: Path, error: StoreError) -> bool:
        """A contest file damaged at opening: offer its newest backup as a new file; the damaged file
        stays as it is. False when it has no backup."""
        backups = backup_files(damaged)
        if not backups:
            return False
        newest = backups[0]
        when = datetime.fromtimestamp(newest.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        confirm(self._window, self.tr("Cannot open the contest"),
                self.tr("{reason}\n\nOpen its newest backup ({when}) as a new contest file? The damaged file is "
                        "kept as it is.").format(reason=describe_error(error), when=when),
                lambda: self._restore(newest, damaged))
        return True

    def delete_photos(self, confirmed: bool = False) -> bool:
        store = self._window.store
        if store is None:
            return False
        if not confirmed:
            confirm(self._window, self.tr("Delete photos"),
                    self.tr("Delete every face photo and thumbnail of this contest and of its backups? Scores, "
                            "errors and the audit log stay. This cannot be undone. Results sheets already "
                            "exported or printed keep their photos: delete or shred those too."),
                    lambda: self.delete_photos(True))
            return False
        try:
            count = store.delete_photos()
        except FaceScoreError as error:
            show_error(self._window, self.tr("Delete photos"), describe_error(error))
            return False
        self._window.statusBar().showMessage(self.tr("{count} photos deleted.").format(count=count), 8000)
        return True

    def delete_contest(self, confirmed: bool = False) -> bool:
        """Delete the open contest's file and its backups, then start a new contest."""
        store = self._window.store
        if store is None:
            return False
        if not confirmed:
            confirm(self._window, self.tr("Delete contest"),
                    self.tr("Delete the contest “{name}”, its file and all its backups? This cannot be "
                            "undone.").format(name=store.contest_name or store.path.name),
                    lambda: self.delete_contest(True))
            return False
        path = store.path
        self._window.files.close_contest()
        try:
            delete_contest(path)
        except FaceScoreError as error:
            show_error(self._window, self.tr("Delete contest"), describe_error(error))
        self._window.files.new_contest(self.tr("Contest {date}").format(date=datetime.now().date().isoformat()))
        return True

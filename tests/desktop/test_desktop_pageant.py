"""A pageant from roster to signed sheet: two divisions, captures, the table per division, PDF + CSV +
XLSX, finalize (a capture refused), reopen, and the audit log of all of it; backups and photos."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from pypdf import PdfReader

from core.backups import backup_files
from core.contest import Capture, Contestant
from core.score import Score
from core.store import ContestStore
from desktop.audit_dialog import AuditLogDialog
from desktop.results_model import Column
from desktop.reopen_dialog import ReopenDialog
from tests.desktop.test_desktop_workflow import CAPTURE_TIMEOUT_MS, capture

ROSTER = "編號,姓名,組別\n1,陳美麗,小姐組\n2,Alexandra Konstantinopoulou,小姐組\n3,王小明,青少年組\n4,Eva Kowalski,青少年組\n"


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_roster_captures_exports_finalize_reopen_audit(qtbot, tmp_path, open_window, camera_folders):
    window = open_window(tmp_path / "data", camera=str(camera_folders[0]))
    assert window.model_ready
    qtbot.waitUntil(lambda: window.camera_live, timeout=10_000)
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    window.contestants.import_roster(roster).accept()
    qtbot.waitUntil(lambda: window.table.model().rowCount() == 4)
    for number in ("1", "3", "4"):
        capture(qtbot, window, number)

    filter_ = window.table.division_filter
    assert [filter_.itemText(i) for i in range(filter_.count())] == ["All divisions", "小姐組", "青少年組"]
    filter_.setCurrentIndex(2)
    assert window.table.model().rowCount() == 2
    filter_.setCurrentIndex(0)

    for suffix in ("csv", "xlsx", "pdf"):
        assert window.admin.export_results(tmp_path / f"results.{suffix}")
    csv = pd.read_csv(tmp_path / "results.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert csv[["division", "number", "rank"]].values.tolist()[0] == ["小姐組", "1", "1"]
    assert set(csv["division"]) == {"小姐組", "青少年組"}
    sheets = pd.read_excel(tmp_path / "results.xlsx", sheet_name=None, header=None)
    assert list(sheets) == ["All", "小姐組", "青少年組", "About"]  # what the file is, for whoever it is sent to
    about = sheets["About"][0].tolist()
    assert about[1].startswith("Draft: the contest is not finalized") and "Advisory face scores" in about[2]
    text = pdf_text(tmp_path / "results.pdf")
    assert all(name in text for name in ("陳美麗", "Alexandra Konstantinopoulou", "王小明", "Eva Kowalski"))

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert window.admin.print_results(printer)
    assert "王小明" in pdf_text(tmp_path / "printed.pdf")

    assert not window.admin.finalize(judge="Judge Lin")  # asks first, and says what is missing
    asked = window.findChild(QMessageBox)
    assert asked.text().startswith("Not complete: 1 of 4 contestants have no score and 0 lack a mark.\n"
                                   "No score: No. 2.\n\n")  # who, not only how many
    asked.reject()
    assert window.admin.finalize(judge="Judge Lin", confirmed=True)
    assert "Final: the contest is finalized." in window.admin.sheet().toPlainText()
    assert window.store.finalized and "(finalized)" in window.contest_title.text()
    assert not window.admin.finalize_action.isEnabled() and window.admin.reopen_action.isEnabled()
    assert window.select_number("2")
    with qtbot.waitSignal(window.captureFailed, timeout=CAPTURE_TIMEOUT_MS) as refused:
        assert not window.capture()  # refused before the camera fires
    assert "finalized" in refused.args[0]
    assert len(window.store.current_captures()) == 3  # nothing stored for No. 2
    assert not window.admin.reopen()  # asks who allows it and why
    asked = window.findChild(ReopenDialog)
    assert not asked.reopen_button.isEnabled()
    asked.head_judge.setText("Head Judge Chen")
    assert not asked.reopen_button.isEnabled()
    asked.reason.setText("  ")
    assert not asked.reopen_button.isEnabled()
    asked.reason.setText("mistyped mark for No. 2")
    asked.reopen_button.click()
    assert not window.store.finalized
    qtbot.waitUntil(lambda: window.camera_panel.message == "")  # the refusal no longer holds

    dialog = window.admin.show_audit_log()
    assert isinstance(dialog, AuditLogDialog)
    actions = [entry.action for entry in window.store.audit_log()]
    assert actions[:4] == ["contest_renamed", "contestant_imported", "contestant_imported", "contestant_imported"]
    assert actions[5:] == ["capture", "capture", "capture", "exported", "exported", "exported", "judge_named",
                           "finalized", "reopened"]
    assert dialog.table.rowCount() == len(actions)
    assert dialog.table.item(dialog.table.rowCount() - 1, 2).text() == "reopened"
    assert dialog.table.item(dialog.table.rowCount() - 1, 1).text() == "Judge Lin"
    assert dialog.table.item(dialog.table.rowCount() - 1, 4).text() == (
        "head judge: Head Judge Chen; reason: mistyped mark for No. 2")
    assert dialog.export_csv(tmp_path / "audit.csv")
    audit = pd.read_csv(tmp_path / "audit.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert audit["action"].tolist() == actions
    assert len(backup_files(window.store.path)) == 4  # three exports and the finalize

    assert window.select_number("4")
    stored = capture(qtbot, window, "4")
    assert window.camera_panel.message.startswith("No. 4 Eva Kowalski: ")
    assert f"reference faces ({stored.frames_used} of 5 frames used, spread " in window.camera_panel.message
    number_4 = window.selected_contestant().id
    window.store.add_capture(Capture.from_score(number_4, Score(2.0, 0.3, 2, 10.0, "other"), spread=0.0,
                                                frames_used=1, crop_png=b"", source="photo"))  # the command line
    qtbot.waitUntil(lambda: window.camera_panel.message == "")  # that result is no longer No. 4's score


def test_damaged_contest_offers_its_newest_backup_and_keeps_the_file(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data", wait_for_model=False)
    store = window.store
    store.add_contestant(Contestant(None, "1", "陳美麗", "小姐組"))
    path = store.path
    window.files.close_contest()  # backs the contest up
    assert len(backup_files(path)) == 1
    damaged = path.read_bytes()[:-1]
    path.write_bytes(damaged)
    assert not window.files.open_contest(path)
    box = window.findChild(QMessageBox)
    assert "backup" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: window.store is not None and window.store.path != path)
    assert [c.name for c in window.store.contestants()] == ["陳美麗"]
    assert window.store.path.name.startswith(path.stem + "-restored")
    assert path.read_bytes() == damaged


def test_delete_photos_and_delete_contest(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data", wait_for_model=False)
    assert window.files.new_contest("Miss Taipei 2026")
    store = window.store
    ann = store.add_contestant(Contestant(None, "1", "Ann"))
    photo = io.BytesIO()
    Image.fromarray(np.random.default_rng(0).integers(0, 256, (64, 64, 3), np.uint8)).save(photo, "PNG")
    png = photo.getvalue()
    store.add_capture(Capture.from_score(ann.id, Score(3.5, 0.29, 4, 60.0, "test"), spread=0.0, frames_used=1,
                                         crop_png=png, source="camera"))
    model = window.results_model

    def thumbnail():
        return model.index(0, Column.PHOTO).data(Qt.ItemDataRole.DecorationRole)

    qtbot.waitUntil(lambda: thumbnail() is not None)
    assert not thumbnail().isNull()
    assert window.admin.delete_photos(confirmed=True)
    assert png[8:200] not in store.path.read_bytes()
    qtbot.waitUntil(lambda: thumbnail() is None)  # the face is gone from the screen too
    assert model._thumbnails == {}  # and from memory
    assert store.current_captures()[ann.id].score == 3.5
    path = store.path
    store.backup("manual")
    assert window.admin.delete_contest(confirmed=True)
    assert not path.exists() and backup_files(path) == []
    assert window.store is not None and window.store.path != path
    with ContestStore(window.store.path) as fresh:
        assert fresh.contestants() == []


def test_audit_change_text_is_one_readable_line():
    from desktop.audit_dialog import change_text

    assert change_text({"name": "Ann", "number": "1"}, {"name": "Ann Lee", "number": "1"}) == "name: Ann → Ann Lee"
    assert change_text({"score": 3.5, "error": 0.29, "level": 4}, {"score": 3.61, "error": 0.29, "level": 4}) == \
        "3.50 ± 0.29 → 3.61 ± 0.29"
    assert change_text(None, {"file": "r.csv"}) == "file: r.csv"


def test_restore_from_backup_opens_a_new_file(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data", wait_for_model=False)
    store = window.store
    store.add_contestant(Contestant(None, "1", "陳美麗"))
    backup = store.backup("manual")
    store.add_contestant(Contestant(None, "2", "Bea"))
    original = store.path
    window.camera_panel.show_failure("no_contestant")  # a message about the contest left behind
    assert window.admin.restore_backup(backup)
    assert window.camera_panel.message_text() == ""
    assert window.store.path != original and [c.name for c in window.store.contestants()] == ["陳美麗"]
    assert window.store.audit_log()[-1].action == "restored_from_backup"
    with ContestStore(original) as kept:
        assert [c.name for c in kept.contestants()] == ["陳美麗", "Bea"]


def test_a_contest_file_deleted_under_the_window_is_reported(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data", wait_for_model=False)
    window.store.path.unlink()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=5000)
    assert "moved, renamed or deleted" in window.findChild(QMessageBox, "errorBox").text()

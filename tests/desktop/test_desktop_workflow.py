"""The judge's day end to end: contestants in, captures, scores beside names, export, restart."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLineEdit, QMessageBox

from core.contest import Capture, Contestant
from core.score import Score
from core.store import ContestStore
from desktop.results_model import CONTESTANT_ID_ROLE, Column
from tests.desktop.conftest import scene_with_face, write_rgb

CAPTURE_TIMEOUT_MS = 30_000


def table_rows(window) -> dict[str, dict[str, str]]:
    """What the judge sees: contestant number -> column header -> displayed text."""
    proxy = window.table.model()
    headers = {column: proxy.headerData(column, Qt.Orientation.Horizontal) for column in Column}
    rows = {}
    for row in range(proxy.rowCount()):
        values = {headers[column]: proxy.index(row, column).data() or "" for column in Column}
        rows[values[headers[Column.NUMBER]]] = values
    return rows


def capture(qtbot, window, number: str):
    assert window.select_number(number)
    with qtbot.waitSignal(window.captureStored, timeout=CAPTURE_TIMEOUT_MS) as stored:
        assert window.capture()
    return stored.args[0]


def test_add_import_capture_export_restart(qtbot, tmp_path, open_window, camera_folders, test_faces):
    from core.images import load_image

    data_dir = tmp_path / "data"
    window = open_window(data_dir, camera=str(camera_folders[0]))
    assert window.model_ready, window.model_status.text()
    qtbot.waitUntil(lambda: window.camera_live, timeout=10_000)

    # One contestant typed in, three from a roster (one bad row is skipped).
    dialog = window.contestants.add_contestant()
    dialog.number.setText("1")
    dialog.name.setText("陳美玲")
    dialog.division.setText("Miss")
    dialog.accept()
    roster = tmp_path / "roster.csv"
    roster.write_text("編號,姓名,組別\n2,Alice Wong,Miss\n3,Bea Santos,Miss\n,No Number,Miss\n4,Dana Lee,Teen\n",
                      encoding="utf-8")
    preview = window.contestants.import_roster(roster)
    assert preview.table.rowCount() == 4 and preview.import_button.isEnabled()
    preview.accept()
    qtbot.waitUntil(lambda: len(table_rows(window)) == 4)

    # Contestants 1 and 2 by camera (each in front of a different face), 3 from a photo file.
    first = capture(qtbot, window, "1")
    window.camera_feed.set_source(str(camera_folders[1]))
    # Not camera_live: a frame of the previous camera may still be queued when the source changes.
    qtbot.waitUntil(lambda: window.camera_panel.camera_message == f"Live: {camera_folders[1].name}",
                    timeout=10_000)
    assert window.select_number("2")
    window.activateWindow()  # offscreen, activation does not return by itself after the dialogs
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.captureStored, timeout=CAPTURE_TIMEOUT_MS):
        qtbot.keyClick(window.table, Qt.Key.Key_Space)  # the judge's shortcut, with focus in the table
    photo = write_rgb(tmp_path / "photo.jpg", scene_with_face(load_image(test_faces[2])))
    assert window.select_number("3")
    with qtbot.waitSignal(window.captureStored, timeout=CAPTURE_TIMEOUT_MS):
        assert window.import_photo(photo)
        assert window.camera_panel.message_text().startswith("Scoring the photo photo.jpg for No. 3 ")

    qtbot.waitUntil(lambda: sum(r["Rank"] != "" for r in table_rows(window).values()) == 3)
    shown = table_rows(window)
    for number in ("1", "2", "3"):
        score = shown[number]["Score"]
        value, error = (float(part) for part in score.split(" ± "))
        assert 1 <= value <= 5 and error > 0
        assert shown[number]["Level"] in {"1", "2", "3", "4", "5"}
    assert shown["1"]["Name"] == "陳美玲"
    assert shown["4"]["Score"] == "not captured" and shown["4"]["Rank"] == ""

    # Retake replaces the current result; the first stays in the history.
    retake = capture(qtbot, window, "1")
    history = window.store.history(first.contestant_id)
    assert [c.id for c in history] == [first.id, retake.id]
    assert window.store.current_captures()[first.contestant_id].id == retake.id

    # The exported CSV says what the table says; a bad destination says why.
    exported = tmp_path / "results.csv"
    assert window.admin.export_results(exported)
    assert not window.admin.export_results(tmp_path / "no such folder" / "results.csv")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None)
    assert "the folder does not exist" in window.findChild(QMessageBox, "errorBox").text()
    window.findChild(QMessageBox, "errorBox").close()
    csv = pd.read_csv(exported, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    shown = table_rows(window)
    assert len(csv) == len(shown) == 4
    for record in csv.to_dict("records"):
        row = shown[record["number"]]
        assert record["name"] == row["Name"] and record["division"] == row["Division"]
        if record["score"]:
            assert f"{record['score']} ± {record['error']}" == row["Score"]
            assert record["level"] == row["Level"]
            assert record["percentile_text"] == row["Percentile"]
            assert (record["tie"] == "TRUE") == (row["Tie"] == "tie")
            ranks = record["rank"], record["rank_low"], record["rank_high"]
            assert row["Rank"] in (ranks[0], f"{ranks[0]} ({ranks[1]}–{ranks[2]})")
        else:
            assert record["rank"] == row["Rank"] == ""
    assert list(csv["division"]) == ["Miss"] * 3 + ["Teen"]  # grouped, ranks restarting per division
    miss_ranks = [int(rank) for rank in csv["rank"][:3]]
    assert miss_ranks == sorted(miss_ranks) and miss_ranks[0] == 1

    # Close and start again on the same data folder: the same contest, table and camera.
    contest_file = window.store.path
    window.close()
    reopened = open_window(data_dir)
    assert reopened.store.path == contest_file
    qtbot.waitUntil(lambda: reopened.camera_live, timeout=10_000)
    assert reopened.camera_panel.camera_message == f"Live: {camera_folders[1].name}"
    assert table_rows(reopened) == shown
    model = reopened.results_model
    thumbnails = [model.index(row, Column.PHOTO).data(Qt.ItemDataRole.DecorationRole)
                  for row in range(model.rowCount())]
    assert sum(pixmap is not None and not pixmap.isNull() for pixmap in thumbnails) == 3


def test_keyboard_shortcuts_reach_their_actions(qtbot, tmp_path, open_window):
    from desktop.contestant_dialog import ContestantDialog

    window = open_window(tmp_path / "data", wait_for_model=False)
    qtbot.keyClick(window.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(ContestantDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.notes.setFocus()
    qtbot.keyClicks(dialog.notes, "vegan")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Tab)  # on to the buttons: a tab in the notes trapped the keyboard
    assert dialog.notes.toPlainText() == "vegan" and not dialog.notes.hasFocus()
    dialog.reject()
    shortcuts = {action.shortcut().toString() for action in window.actions()}
    assert {"Space", "Ctrl+N", "Ctrl+E", "Ctrl+I", "Ctrl+R", "Ctrl+O", "Ctrl+Shift+N", "F2", "F1",
            "Ctrl+H"} <= shortcuts


def test_the_keyboard_starts_in_the_contestants_and_tab_leaves_them(qtbot, tmp_path, open_window):
    """Focus started on the camera chooser, where Down switched the camera under the contestant in hand;
    and Tab went cell by cell in the table, never reaching the division filter or the camera."""
    from PySide6.QtWidgets import QApplication

    window = open_window(tmp_path / "data", wait_for_model=False, camera="0")
    window.store.import_contestants([Contestant(None, str(n), f"Contestant {n}") for n in range(1, 4)])
    qtbot.waitUntil(lambda: window.table.model().rowCount() == 3)
    assert QApplication.focusWidget() is window.table
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.table


def test_closing_during_a_capture_waits_for_it_to_be_stored(qtbot, tmp_path, open_window, camera_folders):
    window = open_window(tmp_path / "data", camera=str(camera_folders[0]))
    contestant = window.store.add_contestant(Contestant(None, "1", "Kai"))
    qtbot.waitUntil(lambda: window.camera_live, timeout=10_000)
    assert window.select_contestant(contestant.id)
    store_path = window.store.path
    with qtbot.waitSignal(window.captureStored, timeout=CAPTURE_TIMEOUT_MS):
        assert window.capture()
        window.close()
        assert window.isVisible()  # still capturing: the close waits
    qtbot.waitUntil(lambda: not window.isVisible())
    with ContestStore(store_path) as store:
        assert contestant.id in store.current_captures()


def test_capture_history_lists_every_capture_newest_first(qtbot, tmp_path, open_window, camera_folders,
                                                          test_faces):
    from core.images import load_image
    from desktop.history_dialog import HistoryDialog

    window = open_window(tmp_path / "data", camera=str(camera_folders[0]))
    contestant = window.store.add_contestant(Contestant(None, "1", "Kai"))
    window.store.add_contestant(Contestant(None, "2", "Lea"))
    qtbot.waitUntil(lambda: window.camera_live, timeout=10_000)
    assert window.select_number("2") and not window.contestants.history_action.isEnabled()  # nothing captured yet
    first = capture(qtbot, window, "1")
    photo = write_rgb(tmp_path / "photo.jpg", scene_with_face(load_image(test_faces[1])))
    with qtbot.waitSignal(window.captureStored, timeout=CAPTURE_TIMEOUT_MS) as stored:
        assert window.import_photo(photo)
    retake = stored.args[0]
    assert window.camera_panel.message_text().endswith(f"Retake: replaces {first.score:.2f} ± {first.error:.2f}.")

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(HistoryDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Capture history: No. 1 Kai"
    table = dialog.table
    headers = [table.horizontalHeaderItem(column).text() for column in range(table.columnCount())]

    def shown() -> list[dict[str, str]]:
        return [{header: table.item(row, column).text() for column, header in enumerate(headers)}
                for row in range(table.rowCount())]

    rows = shown()
    assert len(rows) == 2 and "2 captures" in dialog.summary.text()
    assert [row["Status"] for row in rows] == ["Current", "Replaced"]
    assert [row["Source"] for row in rows] == ["Photo file", "Camera"]
    for row, stored_capture in zip(rows, (retake, first)):
        assert row["Score"] == f"{stored_capture.score:.2f} ± {stored_capture.error:.2f}"
        used = stored_capture.frames_used
        assert row["Level"] == str(stored_capture.level)
        assert row["Scored from"] == (f"{used} photo" if stored_capture.source == "file" else f"{used} frame") + (
            "" if used == 1 else "s")  # a file's photos are not called frames
        assert row["Model"] == stored_capture.model_version
        assert len(row["Taken"]) == 19 and row["Taken"][:4].isdigit()
    assert all(not table.item(row, 0).data(Qt.ItemDataRole.DecorationRole).isNull() for row in range(2))

    # A capture stored while the history is open shows up in it.
    with qtbot.waitSignal(window.captureStored, timeout=CAPTURE_TIMEOUT_MS):
        assert window.import_photo(photo)
    qtbot.waitUntil(lambda: table.rowCount() == 3)
    assert [row["Status"] for row in shown()] == ["Current", "Replaced", "Replaced"]
    dialog.reject()
    qtbot.waitUntil(lambda: window.findChild(HistoryDialog) is None)
    assert len(window.store.history(contestant.id)) == 3

    # Double-clicking the score opens the history (QTest's double-click needs the click before it).
    cell = window.table.model().index(0, Column.SCORE)
    assert cell.data(CONTESTANT_ID_ROLE) == contestant.id
    for click in (qtbot.mouseClick, qtbot.mouseDClick):
        click(window.table.viewport(), Qt.MouseButton.LeftButton, pos=window.table.visualRect(cell).center())
    qtbot.waitUntil(lambda: window.findChild(HistoryDialog) is not None)
    window.findChild(HistoryDialog).reject()


def test_renaming_the_contest_updates_the_title(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data", wait_for_model=False)
    path = window.store.path
    assert window.files.rename_action in window.contest_menu.actions()
    window.files.rename_action.trigger()
    dialog = window.findChild(QInputDialog)
    assert dialog.isVisible() and dialog.textValue() == window.store.contest_name
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    dialog.setTextValue("   ")
    assert not ok.isEnabled()  # a contest needs a name
    qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Return)
    assert dialog.isVisible()
    dialog.setTextValue("  Spring Pageant 2026 ")
    assert ok.isEnabled()
    ok.click()
    assert window.store.contest_name == "Spring Pageant 2026"
    assert window.contest_title.text() == "Spring Pageant 2026"
    assert window.windowTitle().startswith("Spring Pageant 2026 — ")
    assert window.store.path == path  # the same contest file, renamed

    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.camera_panel.width() > 0)
    preview = window.camera_panel.width()
    window.store.contest_name = "Miss Taipei 2026 台北小姐選美 / Finals: Night 1 of the Northern Region"
    qtbot.waitUntil(lambda: "Northern" in window.contest_title.text())
    QApplication.processEvents()
    assert window.camera_panel.width() == preview  # a long title wraps; the preview keeps its width


def test_a_removed_contestant_comes_back_with_its_score(qtbot, tmp_path, open_window):
    from desktop.removed_dialog import RemovedDialog

    window = open_window(tmp_path / "data", wait_for_model=False)
    store = window.store
    ann = store.add_contestant(Contestant(None, "1", "Ann", "Miss"))
    store.add_contestant(Contestant(None, "2", "Bea"))
    store.add_capture(Capture.from_score(ann.id, Score(3.8, 0.3, 4, 80.0, "test"), spread=0.05,
                                         frames_used=5, crop_png=b"", source="camera"))
    qtbot.waitUntil(lambda: table_rows(window).get("1", {}).get("Score") == "3.80 ± 0.30")
    scored = table_rows(window)["1"]

    # Removed after the confirmation; the status bar says where to bring it back from.
    assert window.select_number("1")
    window.contestants.remove_action.trigger()
    window.findChild(QMessageBox).button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "1" not in table_rows(window))
    assert "Contestants → Removed contestants…" in window.statusBar().currentMessage()

    assert window.contestants.removed_action in window.contestants_menu.actions()
    window.contestants.removed_action.trigger()
    dialog = window.findChild(RemovedDialog)
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    assert [table.item(0, column).text() for column in range(table.columnCount())] == \
        ["1", "Ann", "Miss", "3.80 ± 0.30"]
    assert not dialog.restore_button.isEnabled()  # nothing selected yet
    table.selectRow(0)
    dialog.restore_button.click()
    assert table.rowCount() == 0 and dialog.summary.text() == "No contestant has been removed from this contest."
    qtbot.waitUntil(lambda: table_rows(window).get("1") == scored)

    # Number 1 was given to someone else meanwhile: the dialog says why it cannot restore.
    store.remove_contestant(ann.id)
    store.add_contestant(Contestant(None, "1", "Cy"))
    assert table.rowCount() == 1
    table.selectRow(0)
    dialog.restore_button.click()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Number 1 is now used by Cy; give Cy another number to restore Ann."
    assert table.rowCount() == 1 and [c.name for c in store.removed_contestants()] == ["Ann"]
    qtbot.waitUntil(lambda: table_rows(window).get("1", {}).get("Name") == "Cy")
    dialog.reject()
    qtbot.waitUntil(lambda: window.findChild(RemovedDialog) is None)

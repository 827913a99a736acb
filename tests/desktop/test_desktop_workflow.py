"""The judge's day end to end: contestants in, captures, scores beside names, export, restart."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.contest import Contestant
from core.store import ContestStore
from desktop.results_model import Column
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
    dialog = window.add_contestant()
    dialog.number.setText("1")
    dialog.name.setText("陳美玲")
    dialog.division.setText("Miss")
    dialog.accept()
    roster = tmp_path / "roster.csv"
    roster.write_text("編號,姓名,組別\n2,Alice Wong,Miss\n3,Bea Santos,Miss\n,No Number,Miss\n4,Dana Lee,Teen\n",
                      encoding="utf-8")
    preview = window.import_roster(roster)
    assert preview.table.rowCount() == 4 and preview.import_button.isEnabled()
    preview.accept()
    qtbot.waitUntil(lambda: len(table_rows(window)) == 4)

    # Contestants 1 and 2 by camera (each in front of a different face), 3 from a photo file.
    first = capture(qtbot, window, "1")
    window.set_camera_source(str(camera_folders[1]))
    qtbot.waitUntil(lambda: window.camera_live, timeout=10_000)
    assert window.select_number("2")
    window.activateWindow()  # offscreen, activation does not return by itself after the dialogs
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.captureStored, timeout=CAPTURE_TIMEOUT_MS):
        qtbot.keyClick(window.table, Qt.Key.Key_Space)  # the judge's shortcut, with focus in the table
    photo = write_rgb(tmp_path / "photo.jpg", scene_with_face(load_image(test_faces[2])))
    assert window.select_number("3")
    with qtbot.waitSignal(window.captureStored, timeout=CAPTURE_TIMEOUT_MS):
        assert window.import_photo(photo)

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
    assert window.export_results(exported)
    assert not window.export_results(tmp_path / "no such folder" / "results.csv")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None)
    assert "the folder does not exist" in window.findChild(QMessageBox, "errorBox").text()
    window.findChild(QMessageBox, "errorBox").close()
    csv = pd.read_csv(exported, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    shown = table_rows(window)
    assert len(csv) == len(shown) == 4
    for record in csv.to_dict("records"):
        row = shown[record["number"]]
        assert record["name"] == row["Name"] and record["division"] == row["Division"]
        assert record["rank"] == row["Rank"]
        if record["score"]:
            assert f"{record['score']} ± {record['error']}" == row["Score"]
            assert record["level"] == row["Level"]
            assert round(float(record["percentile"])) == int(row["Percentile"])
            assert (record["tie"] == "TRUE") == (row["Tie"] == "tie")
    assert list(csv["rank"].replace("", "99").astype(int)) == sorted(csv["rank"].replace("", "99").astype(int))

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
    dialog.reject()
    shortcuts = {action.shortcut().toString() for action in window.actions()}
    assert {"Space", "Ctrl+N", "Ctrl+E", "Ctrl+I", "Ctrl+R", "Ctrl+O", "Ctrl+Shift+N", "F2", "F1"} <= shortcuts


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

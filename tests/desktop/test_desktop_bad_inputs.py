"""Bad photos, bad rosters, a failing camera and a damaged model: a message, never a crash."""

from __future__ import annotations

import shutil

import numpy as np
from PySide6.QtWidgets import QApplication, QMessageBox

from core.contest import Contestant
from core.errors import CameraError
from core.resources import models_dir
from core.store import ContestStore
from tests.desktop.conftest import scene_with_face

FAIL_TIMEOUT_MS = 30_000


def error_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_bad_photos_say_why_and_store_nothing(qtbot, tmp_path, open_window, sample_image):
    window = open_window(tmp_path / "data")
    contestant = window.store.add_contestant(Contestant(None, "5", "Eve"))
    assert window.select_contestant(contestant.id)
    jpeg = (tmp_path / "good.jpg")
    from PIL import Image

    Image.fromarray(sample_image).save(jpeg)
    photos = {
        "empty.jpg": b"",
        "corrupt.jpg": b"this is not a picture at all" * 10,
        "truncated.jpg": jpeg.read_bytes()[:400],
    }
    for name, data in photos.items():
        (tmp_path / name).write_bytes(data)
        with qtbot.waitSignal(window.captureFailed, timeout=FAIL_TIMEOUT_MS) as failed:
            assert window.import_photo(tmp_path / name)
        assert failed.args[0].startswith("Nothing stored: Cannot read the photo: " + name), failed.args[0]
        assert window.camera_panel.message == failed.args[0]
    blank = tmp_path / "blank.png"
    Image.fromarray(np.full((480, 640, 3), 200, np.uint8)).save(blank)
    with qtbot.waitSignal(window.captureFailed, timeout=FAIL_TIMEOUT_MS) as failed:
        window.import_photo(blank)
    assert failed.args[0] == "Nothing stored: No face found: face the camera, uncovered and well lit."
    assert window.store.current_captures() == {} and window.store.history(contestant.id) == []
    assert not window.busy and window.capture_action.isEnabled()


def test_several_photos_of_one_contestant_are_scored_together_from_those_with_a_face(qtbot, tmp_path, open_window,
                                                                                   sample_image):
    from PIL import Image

    window = open_window(tmp_path / "data")
    contestant = window.store.add_contestant(Contestant(None, "5", "Eve"))
    assert window.select_contestant(contestant.id)
    good, blank, corrupt = tmp_path / "good.jpg", tmp_path / "blank.png", tmp_path / "corrupt.jpg"
    Image.fromarray(sample_image).save(good)
    Image.fromarray(np.full((480, 640, 3), 200, np.uint8)).save(blank)
    corrupt.write_bytes(b"this is not a picture at all" * 10)
    with qtbot.waitSignal(window.captureStored, timeout=FAIL_TIMEOUT_MS) as stored:
        assert window.import_photo([good, blank, corrupt, good])  # a photo chosen twice counts once
        assert window.camera_panel.message_text() == "Scoring 3 photos for No. 5 Eve…"
    capture = stored.args[0]
    assert capture.frames_used == 1 and capture.source == "file"
    lines = window.camera_panel.message.split("\n")
    assert lines[0].endswith("reference faces (1 of 3 photos used, spread 0.00)")
    assert lines[1:] == ["Not used (the reasons are in this message's tooltip): blank.png, corrupt.jpg"]
    why = ["blank.png: No face found: face the camera, uncovered and well lit.",
           f"Cannot read the photo: corrupt.jpg: not a readable image (cannot identify image file '{corrupt}')"]
    assert window.camera_panel.message_details == "\n".join(why)
    with qtbot.waitSignal(window.captureFailed, timeout=FAIL_TIMEOUT_MS) as failed:
        assert window.import_photo([blank, corrupt])
    assert failed.args[0] == ("Nothing stored: None of the 2 photos could be used: blank.png, corrupt.jpg (the "
                              "reasons are in this message's tooltip)")
    assert window.camera_panel.message_details == "\n".join(why)
    assert window.store.history(contestant.id) == [capture]


def test_a_photo_named_for_another_contestant_is_scored_only_once_confirmed(qtbot, tmp_path, open_window,
                                                                            sample_image):
    from PIL import Image

    window = open_window(tmp_path / "data")
    chosen, named = (window.store.add_contestant(Contestant(None, number, name))
                     for number, name in (("003", "張雅婷"), ("005", "Maria Fernanda Santos")))
    photo = tmp_path / "005-front.jpg"  # as the photographer named it: No. 005's photo
    Image.fromarray(sample_image).save(photo)
    assert window.select_contestant(chosen.id)
    assert not window.import_photo(photo)  # asks first
    asked = next(box for box in error_boxes() if "005-front.jpg" in box.text())
    assert asked.text() == ("005-front.jpg is named for No. 005 Maria Fernanda Santos, but No. 003 張雅婷 is "
                            "selected. Score it for No. 003 張雅婷?")
    asked.button(QMessageBox.StandardButton.No).click()
    assert not window.busy and window.store.history(chosen.id) == []
    assert not window.import_photo(photo)
    with qtbot.waitSignal(window.captureStored, timeout=FAIL_TIMEOUT_MS):
        next(box for box in error_boxes() if "005-front.jpg" in box.text()).button(
            QMessageBox.StandardButton.Yes).click()
    assert len(window.store.history(chosen.id)) == 1 and window.store.history(named.id) == []
    own = tmp_path / "003.jpg"
    Image.fromarray(sample_image).save(own)
    assert not window.import_photo([own, photo])  # one of several named for another contestant: asks too
    asked = next(box for box in error_boxes() if "005-front.jpg" in box.text())
    assert asked.text() == ("Named for other contestants: 005-front.jpg (No. 005 Maria Fernanda Santos). "
                            "No. 003 張雅婷 is selected. Score the 2 photos for No. 003 張雅婷?")
    with qtbot.waitSignal(window.captureStored, timeout=FAIL_TIMEOUT_MS) as stored:
        asked.button(QMessageBox.StandardButton.Yes).click()
    assert stored.args[0].frames_used == 2 and stored.args[0].contestant_id == chosen.id


def test_camera_capture_without_a_face_stores_nothing(qtbot, tmp_path, open_window, no_face_folder):
    window = open_window(tmp_path / "data", camera=str(no_face_folder))
    contestant = window.store.add_contestant(Contestant(None, "8", "Fay"))
    qtbot.waitUntil(lambda: window.camera_live, timeout=10_000)
    qtbot.waitUntil(lambda: "No face found" in window.camera_panel.hint, timeout=5_000)
    assert window.select_contestant(contestant.id)
    with qtbot.waitSignal(window.captureFailed, timeout=FAIL_TIMEOUT_MS) as failed:
        assert window.capture()
    assert "No face found" in failed.args[0]
    assert window.store.history(contestant.id) == []


def test_roster_with_bad_rows_shows_each_problem_first(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data", wait_for_model=False)
    window.store.add_contestant(Contestant(None, "1", "Already Here"))
    roster = tmp_path / "roster.csv"
    roster.write_text("number,name,division\n1,Clash,Miss\n2,Ok One,Miss\n2,Twice,Miss\n3,,Miss\n,Nobody,Miss\n"
                      "4,Ok Two,Teen\n", encoding="utf-8")
    dialog = window.contestants.import_roster(roster)
    problems = [dialog.table.item(row, 5).text() for row in range(dialog.table.rowCount())]
    assert problems == ["Number 1 is already in the contest.", "OK", "Number 2 is already used at line 3.",
                        "The name is empty.", "The number is missing.", "OK"]
    assert "2 contestants will be imported; 4 rows have problems" in dialog.summary.text()
    assert dialog.table.item(0, 5).toolTip() == problems[0] and dialog.table.item(1, 5).toolTip() == ""
    dialog.accept()
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 3)
    assert [c.name for c in window.store.contestants()] == ["Already Here", "Ok One", "Ok Two"]

    garbage = tmp_path / "roster.xlsx"
    garbage.write_bytes(b"PK\x03\x04 not really a workbook")
    assert window.contestants.import_roster(garbage) is None
    qtbot.waitUntil(lambda: len(error_boxes()) == 1)
    assert "roster.xlsx" in error_boxes()[0].text()
    error_boxes()[0].close()


def test_invalid_contestant_keeps_the_dialog_open_with_the_reason(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data", wait_for_model=False)
    window.store.add_contestant(Contestant(None, "9", "Gil"))
    dialog = window.contestants.add_contestant()
    dialog.number.setText(" 9 ")
    dialog.name.setText("Hana")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == "Number 9 is already used by Gil."
    dialog.number.setText("10")
    dialog.name.setText("")
    dialog.accept()
    assert dialog.error.text() == "The contestant name is empty."
    dialog.reject()
    assert [c.number for c in window.store.contestants()] == ["9"]


class StopsAfter:
    """A frame source that delivers ``frames`` frames, then nothing (an unplugged camera)."""

    description = "Test camera"
    fps = None

    def __init__(self, frame: np.ndarray, frames: int | None):
        self._frame, self._left = frame, frames

    def read(self):
        if self._left is not None:
            if self._left == 0:
                return None
            self._left -= 1
        return self._frame.copy()

    def close(self):
        pass


def test_camera_that_stops_mid_stream_is_reported_and_recovers(qtbot, tmp_path, open_window, monkeypatch,
                                                                 sample_image):
    import desktop.workers

    frame = scene_with_face(sample_image, side=470)  # the portrait's face is small: show it large
    openings = iter([StopsAfter(frame, 20), CameraError("Camera 0 cannot be opened; is it connected?"),
                     StopsAfter(frame, None)])

    def open_source(_spec):
        outcome = next(openings, None) or StopsAfter(frame, None)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    monkeypatch.setattr(desktop.workers, "open_frame_source", open_source)
    window = open_window(tmp_path / "data", camera="0")
    contestant = window.store.add_contestant(Contestant(None, "3", "Ivy"))
    qtbot.waitUntil(lambda: "stopped delivering pictures" in window.camera_panel.camera_message, timeout=10_000)
    assert not window.camera_live
    assert window.select_contestant(contestant.id)
    with qtbot.waitSignal(window.captureFailed, timeout=5_000) as failed:
        window.capture()
    assert failed.args[0].startswith("No picture from the camera")
    qtbot.waitUntil(lambda: "Cannot open the camera: Camera 0 cannot be opened" in window.camera_panel.camera_message,
                    timeout=10_000)
    qtbot.waitUntil(lambda: window.camera_live, timeout=10_000)
    assert window.camera_panel.camera_message == "Live: Test camera"
    with qtbot.waitSignal(window.captureStored, timeout=FAIL_TIMEOUT_MS):
        window.capture()


def test_damaged_model_is_reported_and_the_rest_still_works(qtbot, tmp_path, open_window):
    damaged = tmp_path / "model"
    shutil.copytree(models_dir(), damaged)
    model = damaged / "facescore.tflite"
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0xFF
    model.write_bytes(bytes(data))

    window = open_window(tmp_path / "data", model_card_path=damaged / "model_card.json")
    assert not window.model_ready
    assert "does not match its model card" in window.model_status.text()
    contestant = window.store.add_contestant(Contestant(None, "1", "Jo"))
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 1)
    assert window.select_contestant(contestant.id)
    assert not window.capture_action.isEnabled()
    with qtbot.waitSignal(window.captureFailed) as failed:
        assert not window.capture()
    assert failed.args[0].startswith(f"No scoring model: model file {model} does not match")
    assert window.admin.export_results(tmp_path / "results.csv")


def test_roster_workbook_sheet_can_be_chosen_and_the_encoding_is_shown(qtbot, tmp_path, open_window):
    from openpyxl import Workbook

    window = open_window(tmp_path / "data", wait_for_model=False)
    workbook = Workbook()
    workbook.active.title = "Instructions"
    workbook.active.append(["One contestant per row on the Roster sheet."])
    workbook.create_sheet("Roster").append(["編號", "姓名"])
    workbook["Roster"].append([1, "王小明"])
    workbook.create_sheet("Spare").append([7, "Ann"])
    workbook["Spare"].append([8, "Bea"])
    path = tmp_path / "roster.xlsx"
    workbook.save(path)
    dialog = window.contestants.import_roster(path)
    assert dialog.sheet.isVisibleTo(dialog)
    assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == ["Instructions", "Roster", "Spare"]
    assert dialog.sheet.currentText() == "Roster" and dialog.table.item(0, 2).text() == "王小明"
    dialog.sheet.setCurrentText("Spare")
    assert [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())] == ["Ann", "Bea"]
    assert dialog.import_button.text() == "Import 2 contestants"
    dialog.reject()

    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("编号,姓名,学校\n7,陈静,北京一中\n".encode("gbk"))
    dialog = window.contestants.import_roster(gbk)
    assert "gb18030" in dialog.summary.text() and dialog.table.item(0, 2).text() == "陈静"
    assert dialog.summary.text().endswith("Not imported (no such field): 学校.")
    assert not dialog.sheet.isVisibleTo(dialog)
    dialog.reject()


def test_a_damaged_last_contest_does_not_stop_the_start(qtbot, tmp_path, open_window):
    from desktop.contests import contests_folder
    from desktop.settings import AppSettings

    data = tmp_path / "data"
    last = contests_folder(data) / "yesterday.sqlite"
    with ContestStore(last) as store:
        store.add_contestant(Contestant(None, "1", "Ann"))
    last.write_bytes(last.read_bytes()[:-1])  # cut short by one byte, as by a full USB stick
    AppSettings(data).last_contest = last
    window = open_window(data, wait_for_model=False)
    qtbot.waitUntil(lambda: len(error_boxes()) == 1)
    assert "yesterday.sqlite" in error_boxes()[0].text() and "damaged" in error_boxes()[0].text()
    error_boxes()[0].close()
    assert window.isVisible() and window.store is not None and window.store.path != last
    assert window.store.contestants() == []  # a fresh contest to work in; the damaged file is left alone


def test_a_last_contest_on_a_stick_not_plugged_in_is_said_not_passed_over(qtbot, tmp_path, open_window):
    from desktop.settings import AppSettings

    data, stick = tmp_path / "data", tmp_path / "usb"
    AppSettings(data).last_contest = stick / "miss.sqlite"  # the stick is not in
    window = open_window(data, wait_for_model=False)
    qtbot.waitUntil(lambda: len(error_boxes()) == 1)
    said = error_boxes()[0].text()
    assert str(stick / "miss.sqlite") in said and "USB stick" in said and window.store.path.name in said
    error_boxes()[0].close()
    assert window.store is not None and not (stick / "miss.sqlite").exists()

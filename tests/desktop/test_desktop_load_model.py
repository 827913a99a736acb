"""Help → Load model…: another exported model is checked before the current one is let go, and the
captures it scores say which model scored them."""

from __future__ import annotations

import json
import shutil

from PySide6.QtWidgets import QMessageBox

from core.contest import Contestant
from core.images import load_image
from core.model_card import calibrated_version
from core.resources import models_dir
from tests.desktop.conftest import MODEL_TIMEOUT_MS, scene_with_face, write_rgb

CAPTURE_TIMEOUT_MS = 30_000


def exported_copy(tmp_path, name: str, **changes):
    """A copy of the bundled model's folder, its card changed by ``changes`` (a new version keeps the
    mark of the card's calibration)."""
    folder = shutil.copytree(models_dir(), tmp_path / name)
    card_path = folder / "model_card.json"
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card.update(changes)
    card["version"] = calibrated_version(card)
    card_path.write_text(json.dumps(card), encoding="utf-8")
    return card_path


def test_a_damaged_model_is_refused_and_the_current_one_stays(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data")
    version = window.model_card.version
    damaged = exported_copy(tmp_path, "damaged", sha256="0" * 64)

    assert not window.help.load_model(damaged)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None)
    text = window.findChild(QMessageBox, "errorBox").text()
    assert "does not match its model card" in text and "copy the model's folder again" in text
    assert f"The model {version} keeps scoring." in text
    assert window.model_ready and window.model_card.version == version
    assert window.model_status.text() == f"Model ready ({version})"


def test_a_model_that_cannot_load_at_start_is_said_in_a_message_not_only_the_status_bar(qtbot, tmp_path,
                                                                                        open_window):
    card = exported_copy(tmp_path, "truncated")
    model = card.parent / "facescore.tflite"
    model.write_bytes(model.read_bytes()[:1000])  # cut short, as by a copy that did not finish
    window = open_window(tmp_path / "data", wait_for_model=False, model_card_path=card)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=MODEL_TIMEOUT_MS)
    text = window.findChild(QMessageBox, "errorBox").text()
    assert "does not match its model card" in text and "Help → Load model…" in text
    assert not window.model_ready


def test_a_model_that_fails_to_load_is_refused_and_the_current_one_stays(qtbot, tmp_path, open_window):
    window = open_window(tmp_path / "data")
    version = window.model_card.version
    wrong_size = exported_copy(tmp_path, "wrong-size", input_size=256)  # card and checksum pass; the file is 224

    assert window.help.load_model(wrong_size)
    assert not window.help.load_model_action.isEnabled()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorBox") is not None, timeout=MODEL_TIMEOUT_MS)
    assert "says input size 256" in window.findChild(QMessageBox, "errorBox").text()
    assert window.model_ready and window.model_card.version == version
    assert window.model_status.text() == f"Model ready ({version})" and window.help.load_model_action.isEnabled()


def test_another_model_takes_over_after_the_capture_in_progress(qtbot, tmp_path, open_window, test_faces):
    window = open_window(tmp_path / "data")
    version = window.model_card.version
    card = exported_copy(tmp_path, "other", version="2026.12.01-test-copy")
    other = json.loads(card.read_text(encoding="utf-8"))["version"]
    contestant = window.store.add_contestant(Contestant(None, "1", "Ann"))
    assert window.select_contestant(contestant.id)
    photo = write_rgb(tmp_path / "photo.jpg", scene_with_face(load_image(test_faces[0])))

    with qtbot.waitSignal(window.captureStored, timeout=CAPTURE_TIMEOUT_MS) as first:
        assert window.import_photo(photo)
        assert window.help.load_model(card.with_name("facescore.tflite"))  # the .tflite finds its card
        assert window.model_ready and window.model_card.version == version  # the current model scores on
    assert first.args[0].model_version == version  # the capture in progress keeps its model
    qtbot.waitUntil(lambda: window.model_card.version == other, timeout=MODEL_TIMEOUT_MS)
    assert window.model_ready and window.model_status.text() == f"Model ready ({other})"

    with qtbot.waitSignal(window.captureStored, timeout=CAPTURE_TIMEOUT_MS) as second:
        assert window.import_photo(photo)
    assert second.args[0].model_version == other

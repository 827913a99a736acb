"""``facescore`` on hostile input: a message per bad file or option, never a traceback."""

import io
import json
import shutil
import sys

import pytest
from PIL import Image, TiffImagePlugin

from cli.main import main
from core.errors import ImageLoadError
from core.images import load_image
from tests.conftest import ROOT, SAMPLE_FACE


def test_a_decoder_failing_with_type_error_is_a_damaged_image(tmp_path, monkeypatch):
    path = tmp_path / "odd.tif"
    Image.new("RGB", (32, 32)).save(path)

    def broken(self):
        raise TypeError("unsupported operand type(s) in the TIFF decoder")

    monkeypatch.setattr(TiffImagePlugin.TiffImageFile, "load", broken)
    with pytest.raises(ImageLoadError, match="damaged") as caught:
        load_image(path)
    assert caught.value.code == "image_damaged"


def test_one_bad_file_does_not_stop_the_batch(tmp_path, monkeypatch, capsys):
    bad = tmp_path / "odd.tif"
    Image.new("RGB", (32, 32)).save(bad)
    monkeypatch.setattr(TiffImagePlugin.TiffImageFile, "load", lambda self: 1 + None)
    assert main(["score", "--json", str(bad), str(SAMPLE_FACE)]) == 1
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert "damaged" in first["error_message"] and 1 <= second["score"] <= 5


def test_a_chinese_file_name_on_a_cp1252_console(tmp_path, monkeypatch):
    console = io.TextIOWrapper(io.BytesIO(), encoding="cp1252", errors="strict")
    monkeypatch.setattr(sys, "stdout", console)
    assert main(["score", str(tmp_path / "王小明.jpg")]) == 1
    console.flush()
    assert "file not found" in console.buffer.getvalue().decode("cp1252")


def test_a_newline_in_a_file_name_keeps_one_line_per_image(tmp_path, capsys):
    assert main(["score", str(tmp_path / "two\nlines.jpg"), str(tmp_path / "tab\there.jpg")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(str(tmp_path / "two\\nlines.jpg") + "\t") and "file not found" in lines[0]


@pytest.fixture
def model_copy(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(ROOT / "models", folder)
    return folder / "model_card.json"


@pytest.mark.parametrize("change, message", [
    (lambda card: card.update(input_size="224px"), "'input_size' is malformed"),
    (lambda card: card.update(error_band=0.29), "'error_band' is malformed"),
    (lambda card: card["percentile_reference"].pop("quantiles"), "'percentile_reference' is malformed"),
    (lambda card: card.update(input_size=300), "says input size 300, but the model takes 224x224x3"),
    (lambda card: card["error_band"].update(value=float("inf")), "'error_band' is malformed"),
    (lambda card: card.update(score_offset=0.02), "'score_offset' is malformed"),
    (lambda card: card.update(score_offset={"value": "high"}), "'score_offset' is malformed"),
    (lambda card: card.update(score_offset={"value": float("nan")}), "'score_offset' is malformed"),
    (lambda card: card.update(score_offset={"value": 16.1}), "'score_offset' is malformed"),
    (lambda card: card["score_offset"].update(value=0.5), "are not the ones version"),
    (lambda card: card["error_model"].update(base=0.01, weight=0), "are not the ones version"),
    (lambda card: card.pop("error_model"), "are not the ones version"),
    (lambda card: card["error_model"].update(score_weight=0), "are not the ones version"),
    (lambda card: card["error_model"].update(score_centre=4.5), "are not the ones version"),
], ids=["input size not a number", "error band not an object", "no quantiles", "wrong input size",
        "infinite error band", "offset not an object", "offset not a number", "offset NaN", "offset a typo",
        "offset edited", "error narrowed", "error model removed", "score term removed", "score centre moved"])
def test_a_malformed_model_card_is_a_message(model_copy, capsys, change, message):
    card = json.loads(model_copy.read_text())
    change(card)
    model_copy.write_text(json.dumps(card))
    assert main(["score", "--model", str(model_copy), str(SAMPLE_FACE)]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


def test_a_model_is_named_by_its_card_its_file_or_its_folder(model_copy, capsys):
    for named in (model_copy, model_copy.with_name("facescore.tflite"), model_copy.parent):
        assert main(["score", "--json", "--model", str(named), str(SAMPLE_FACE)]) == 0
        assert json.loads(capsys.readouterr().out)["error"] > 0


@pytest.mark.parametrize("command", ["evaluate", "calibrate"])
def test_a_command_without_the_dataset_says_where_it_looked(tmp_path, capsys, command):
    assert main([command, "--data", str(tmp_path / "nowhere")]) == 2
    assert "SCUT-FBP5500 not found at" in capsys.readouterr().err


def test_finish_run_of_a_folder_that_is_not_a_run_says_what_is_missing(tmp_path, capsys):
    assert main(["finish-run", str(tmp_path / "nowhere")]) == 2
    assert "no config.json, history.csv, best.weights.h5" in capsys.readouterr().err
    (tmp_path / "config.json").write_text("{}")
    assert main(["finish-run", str(tmp_path)]) == 2
    assert "is not a run folder of `facescore train` (no history.csv, best.weights.h5)" in capsys.readouterr().err


@pytest.mark.parametrize("limit", ["0", "1", "-1", "ten"])
def test_evaluate_limit_must_be_two_or_more(tmp_path, capsys, limit):
    with pytest.raises(SystemExit) as exited:
        main(["evaluate", "--data", str(tmp_path), "--limit", limit])
    assert exited.value.code == 2 and "--limit" in capsys.readouterr().err

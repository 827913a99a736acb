import json
import subprocess
import sys

import numpy as np
from PIL import Image

from tests.conftest import ROOT, SAMPLE_FACE


def facescore(*args):
    return subprocess.run([sys.executable, "-m", "cli", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_score_json_lines_and_exit_code(tmp_path):
    blank = tmp_path / "blank.png"
    Image.fromarray(np.full((300, 300, 3), 200, np.uint8)).save(blank)
    result = facescore("score", str(SAMPLE_FACE), str(blank), "--json")
    assert result.returncode == 1
    good, bad = (json.loads(line) for line in result.stdout.strip().splitlines())
    assert set(good) == {"file", "score", "error", "level", "percentile", "model"}
    assert 1 <= good["score"] <= 5
    assert set(bad) == {"file", "error_code", "error_message"} and "No face" in bad["error_message"]
    assert bad["error_code"] == "no_face"


def test_a_command_says_why_instead_of_a_traceback(tmp_path):
    result = facescore("calibrate", "--model", str(tmp_path / "model_card.json"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"facescore: model card not found: {tmp_path / 'model_card.json'}" in result.stderr


def test_score_text_line():
    result = facescore("score", str(SAMPLE_FACE))
    assert result.returncode == 0
    assert "±" in result.stdout and "level" in result.stdout and "%" in result.stdout


def test_evaluate_json(dataset):
    result = facescore("evaluate", "--data", str(dataset), "--split", "official-60-40", "--limit", "60", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"pc", "mae", "rmse", "bias", "coverage", "error_fifths_ratio", "n", "groups"} <= set(report)
    assert report["n"] == 60 and set(report["groups"]) <= {"AF", "AM", "CF", "CM"}
    assert all({"bias", "coverage"} <= set(group) for group in report["groups"].values())
    assert 0.3 < report["coverage"] < 0.95


def test_only_a_whole_test_part_goes_on_the_card(dataset):
    result = facescore("evaluate", "--data", str(dataset), "--limit", "5", "--update-card")
    assert result.returncode == 2 and "whole test part" in result.stderr

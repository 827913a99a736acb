"""A model file with one byte changed, missing, or not a model: the scorer refuses with a
ModelError that says why, before the runtime loads it and before any image is scored, and
``facescore score`` exits non-zero with that message. (tests/test_model_card.py covers the
checksum and card errors of Scorer itself.)"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from core import scorer as scorer_module
from core.errors import ModelError
from core.model_card import CARD_FILE, MODEL_FILE, sha256_of
from core.resources import models_dir
from core.scorer import Scorer
from tests.conftest import ROOT, SAMPLE_FACE
from cli import main as cli

pytestmark = pytest.mark.faults


def flip_one_byte(folder) -> str:
    model = folder / MODEL_FILE
    data = bytearray(model.read_bytes())
    data[len(data) // 3] ^= 0x40
    model.write_bytes(bytes(data))
    return "does not match its model card"


def remove(folder) -> str:
    (folder / MODEL_FILE).unlink()
    return "model file not found"


FAULTS = [pytest.param(flip_one_byte, id="one byte changed"), pytest.param(remove, id="missing")]


@pytest.fixture
def model_copy(tmp_path):
    for name in (MODEL_FILE, CARD_FILE):
        shutil.copy2(models_dir() / name, tmp_path / name)
    return tmp_path


def never(what: str):
    def called(*args, **kwargs):
        raise AssertionError(f"{what} was reached with a refused model")
    return called


@pytest.mark.parametrize("fault", FAULTS)
def test_refused_before_the_runtime_or_any_image(model_copy, monkeypatch, capsys, fault):
    reason = fault(model_copy)
    monkeypatch.setattr(scorer_module, "Interpreter", never("the LiteRT interpreter"))
    monkeypatch.setattr(scorer_module, "score_image", never("score_image"))
    monkeypatch.setattr("core.images.load_image", never("load_image"))
    monkeypatch.setattr("core.detection.FaceDetector", never("the face detector"))
    with pytest.raises(ModelError, match=reason):
        Scorer(model_copy / CARD_FILE)

    assert cli.main(["score", str(SAMPLE_FACE), "--model", str(model_copy / CARD_FILE)]) == 2
    output = capsys.readouterr()
    assert output.out == "" and reason in output.err


@pytest.mark.parametrize("fault", FAULTS)
def test_score_command_exits_non_zero_with_the_reason(model_copy, fault):
    reason = fault(model_copy)
    run = subprocess.run([sys.executable, "-m", "cli", "score", str(SAMPLE_FACE), "--json",
                          "--model", str(model_copy / CARD_FILE)], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=False)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.startswith("facescore: ") and reason in run.stderr


def test_file_that_matches_its_card_but_is_no_model_is_refused(model_copy):
    model = model_copy / MODEL_FILE
    model.write_bytes(b"TFL3 but not really a model" * 100)
    card = json.loads((model_copy / CARD_FILE).read_text())
    card["sha256"] = sha256_of(model)
    (model_copy / CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(ModelError, match="model file cannot be loaded"):
        Scorer(model_copy / CARD_FILE)

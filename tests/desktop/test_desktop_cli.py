"""``--self-test``: the model loads, its checksum holds, and the sample face scores."""

from __future__ import annotations

import re
import subprocess
import sys

from core.errors import ModelError
from tests.conftest import ROOT


def test_self_test_prints_a_score_and_exits_0():
    result = subprocess.run([sys.executable, "-m", "desktop", "--self-test"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert re.search(r"self-test OK: sample_face\.jpg [1-5]\.\d\d ± \d\.\d\d, level [1-5]", result.stdout)


def test_self_test_fails_loudly_on_a_damaged_model(monkeypatch, capsys):
    from core.model_card import ModelCard
    from desktop.app import main

    def damaged(_card):
        raise ModelError("model file facescore.tflite does not match its model card")

    monkeypatch.setattr(ModelCard, "verify", damaged)
    assert main(["--self-test"]) == 1
    assert "self-test FAILED: model file facescore.tflite does not match" in capsys.readouterr().err

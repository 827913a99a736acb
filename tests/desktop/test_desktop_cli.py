"""``--self-test``: the model loads, its checksum holds, and the sample face scores."""

from __future__ import annotations

import os
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

    def damaged(_card, _calibration=True):
        raise ModelError("model file facescore.tflite does not match its model card")

    monkeypatch.setattr(ModelCard, "verify", damaged)
    assert main(["--self-test"]) == 1
    assert "self-test FAILED: model file facescore.tflite does not match" in capsys.readouterr().err


def test_exit_when_ready_hook_reports_start_up_and_quits(tmp_path):
    """FACESCORE_EXIT_WHEN_READY=1 (used to check the frozen build): SHOWN, then READY, then exit 0."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FACESCORE_EXIT_WHEN_READY": "1", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    lines = [line.split() for line in result.stdout.splitlines() if line.startswith(("SHOWN ", "READY "))]
    assert [words[0] for words in lines] == ["SHOWN", "READY"], result.stdout
    assert float(lines[0][1]) <= float(lines[1][1])
    # the session left its log in the data folder
    logged = (tmp_path / "logs" / "facescore-judge.log").read_text(encoding="utf-8")
    for event in ("FaceScore Judge ", "contest file ", "(checksum verified)", " ready", "quit (exit code 0)"):
        assert event in logged, event


def test_window_icon_ships_with_the_app():
    from core.resources import resource_path

    for name in ("facescore.png", "facescore.ico"):
        assert resource_path("icons", name).stat().st_size > 1000

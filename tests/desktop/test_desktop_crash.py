"""A capture reported as stored survives the app being killed right after (SIGKILL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

from core.contest import Contestant
from core.store import ContestStore
from tests.conftest import ROOT

STARTUP_TIMEOUT_S = 120


def run_until_captured(data_dir, camera, number: str, log_path) -> int:
    """Start the app with the autocapture hook; SIGKILL it as soon as it prints CAPTURED <id>."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FACESCORE_AUTOCAPTURE": number,
           "PYTHONPATH": str(ROOT)}
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "--camera", str(camera)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=log, text=True)
        watchdog = threading.Timer(STARTUP_TIMEOUT_S, process.kill)
        watchdog.start()
        try:
            for line in process.stdout:
                if line.startswith("CAPTURED "):
                    process.send_signal(signal.SIGKILL)
                    process.wait()
                    return int(line.split()[1])
        finally:
            watchdog.cancel()
            process.kill()
            process.wait()
    raise AssertionError(f"no capture reported; app log:\n{log_path.read_text()}")


def test_capture_is_kept_after_sigkill_and_restart(tmp_path, camera_folders):
    contests = tmp_path / "data" / "contests"
    contests.mkdir(parents=True)
    with ContestStore(contests / "crash.sqlite") as store:
        store.contest_name = "Crash test"
        contestant = store.add_contestant(Contestant(None, "7", "Kim Lin"))

    first = run_until_captured(tmp_path / "data", camera_folders[0], "7", tmp_path / "run1.log")
    with ContestStore(contests / "crash.sqlite") as store:
        assert store.integrity_ok()
        assert store.current_captures()[contestant.id].id == first

    # The app starts again on the killed contest and keeps working: a retake goes to the history.
    second = run_until_captured(tmp_path / "data", camera_folders[1], "7", tmp_path / "run2.log")
    with ContestStore(contests / "crash.sqlite") as store:
        assert [capture.id for capture in store.history(contestant.id)] == [first, second]
        assert store.current_captures()[contestant.id].id == second

"""SIGKILL at random points of a scripted judging session: nothing confirmed is ever lost, and the
audit log holds exactly the changes that were made."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from core.store import ContestStore
from tests.conftest import ROOT

pytestmark = pytest.mark.faults

SESSION = ROOT / "tests" / "faults" / "store_session.py"
TRIALS = 24
SEED = 20261128
MAX_DELAY_S = 1.2  # the child needs ~0.2 s to start, so some kills land before the first write


def run_until_killed(path, trial: int, delay: float, log) -> tuple[bool, list[str]]:
    """Start a session on ``path``, SIGKILL it after ``delay`` s -> (killed while running, its lines)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with open(log, "w") as output:  # a file, not a pipe: a full pipe would stall the child
        process = subprocess.Popen([sys.executable, str(SESSION), str(path), f"s{trial}"], cwd=ROOT,
                                   env=env, stdout=output, stderr=subprocess.STDOUT)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    return process.returncode == -signal.SIGKILL, log.read_text().splitlines()


def assert_audit_matches_changes(store: ContestStore, trial: int) -> None:
    """Every stored contestant and capture has exactly one audit row, and every row its change."""
    added = [entry.contestant_id for entry in store.audit_log() if entry.action == "contestant_added"]
    captured = [entry.after["capture_id"] for entry in store.audit_log() if entry.action in ("capture", "retake")]
    stored_contestants = [c.id for c in store.contestants()]
    stored_captures = [k.id for cid in stored_contestants for k in store.history(cid)]
    assert sorted(added) == sorted(stored_contestants), f"trial {trial}: contestants and audit rows differ"
    assert sorted(captured) == sorted(stored_captures), f"trial {trial}: captures and audit rows differ"


def test_confirmed_writes_survive_sigkill_at_random_points(tmp_path):
    rng = random.Random(SEED)
    path = tmp_path / "contest.fsj"
    contestants: set[int] = set()
    captures: dict[int, int] = {}  # confirmed capture id -> its contestant id
    faults = lost = 0
    for trial in range(TRIALS):
        killed, lines = run_until_killed(path, trial, rng.uniform(0.0, MAX_DELAY_S), tmp_path / f"{trial}.log")
        faults += killed
        for words in map(str.split, lines):
            if words[:2] == ["CONFIRMED", "contestant"]:
                contestants.add(int(words[2]))
            elif words[:2] == ["CONFIRMED", "capture"]:
                captures[int(words[2])] = int(words[3])
        # The restart: the next session opens the same file; here we check it first.
        with ContestStore(path) as store:
            assert store.integrity_ok(), f"trial {trial}: PRAGMA integrity_check failed"
            present = {contestant.id for contestant in store.contestants()}
            stored = {capture.id for cid in contestants for capture in store.history(cid)}
            current = {cid: capture.id for cid, capture in store.current_captures().items()}
            assert_audit_matches_changes(store, trial)
        assert contestants <= present, f"trial {trial}: contestants lost {sorted(contestants - present)}"
        lost = len(set(captures) - stored)
        for capture_id, contestant_id in captures.items():  # a later retake may be current, never an older one
            assert current.get(contestant_id, -1) >= capture_id, f"trial {trial}: capture {capture_id} not current"

    print(f"\nSIGKILL fault injection: {TRIALS} trials, {faults} faults injected, {len(contestants)} contestants "
          f"and {len(captures)} captures confirmed, captures lost: {lost}")
    assert faults == TRIALS, "every kill must hit a running session"
    assert captures, "the sessions confirmed no capture: the delays are too short to test anything"
    assert lost == 0
